"""What recognition reads around names: the mention record, the cue tables, and where titles stand.

Shared by `recognition.py` (names of the actor base) and `unknownnames.py` (names it does not hold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .actorbase import Entry, load_base
from .cues import data_rows
from .normalize import word_edge


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in the text, with what it may refer to."""

    start: int
    end: int
    text: str
    type: str
    candidates: tuple[Entry, ...] = ()
    cue: str | None = None  # the title or context word right before it, as written
    country: str | None = None  # for an unknown name: a country its own words name ("Bộ Y tế Ý")


@cache
def _title_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for title in cue_context().titles:
        automaton.add_word(title, len(title))
    automaton.make_automaton()
    return automaton


def title_spans(text: str) -> list[tuple[int, int]]:
    """Whole-word titles, the longest at each place, left to right: what `title_pattern.finditer` gives, faster."""
    found = sorted(
        (last + 1 - size, -size)
        for last, size in _title_automaton().iter(text)
        if word_edge(text, last + 1 - size - 1) and word_edge(text, last + 1)
    )
    spans: list[tuple[int, int]] = []
    for start, minus_size in found:
        if not spans or start >= spans[-1][1]:
            spans.append((start, start - minus_size))
    return spans


@dataclass(frozen=True)
class Context:
    """Cue words that type an unknown name."""

    before: dict[str, str]  # lower-case cue → type
    heads: dict[str, str]  # cue → type
    titles: tuple[str, ...]  # longest first
    skip: frozenset[str]  # capitalised words that are never names
    title_pattern: re.Pattern[str]
    title_at_end: re.Pattern[str]
    before_longest_first: tuple[str, ...]


@cache
def cue_context() -> Context:
    """The cue tables (`cues/entity_context.tsv`) and the base's titles, read once."""
    tables: dict[str, dict[str, str]] = {"before": {}, "head": {}, "generic": {}, "skip": {}}
    for row in data_rows("cues/entity_context.tsv"):
        tables[row["where"]][row["cue"].strip()] = row["type"].strip()
    titles = tuple(sorted(load_base().titles, key=len, reverse=True))
    title_pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, titles)) + r")(?!\w)")
    before = {k.lower(): v for k, v in tables["before"].items()}
    title_at_end = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, titles)) + r")$")
    longest_first = tuple(sorted(before, key=len, reverse=True))
    return Context(
        before, tables["head"], titles, frozenset(tables["skip"]), title_pattern, title_at_end, longest_first
    )

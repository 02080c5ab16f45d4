"""The event lexicon: Vietnamese triggers mapped to PLOVER, and the cue words of negation and modality.

Loaded once from `data/events/lexicon.tsv` and `data/events/cues.tsv`. Triggers are matched on the
sentence's match key (tone marks in one place, lower case) at word boundaries; `…` in a trigger is
a gap of up to three words ("áp đặt … trừng phạt" finds "áp đặt các lệnh trừng phạt").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import ahocorasick

from .actorbase import match_key
from .cues import data_rows
from .normalize import word_edge

_GAP = r"(?:\s+[^\s,;:.!?“”\"]+){0,3}?\s+"  # a gap never crosses punctuation: "cắt ..., quan hệ" is no trigger


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: what a Vietnamese predicate means in PLOVER and how its parties are found."""

    words: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    goldstein: float
    frame: str  # svo, with, between, intransitive, nominal
    target_markers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence, with its offsets in that sentence."""

    start: int
    end: int
    trigger: Trigger


@dataclass(frozen=True)
class Lexicon:
    """Every trigger, compiled, and the cue words by kind."""

    pattern: ahocorasick.Automaton
    by_words: dict[str, Trigger]
    gapped: dict[str, tuple[tuple[re.Pattern[str], Trigger], ...]]  # by their first words
    cues: dict[str, tuple[str, ...]]
    blockers: ahocorasick.Automaton | None
    role_words: dict[str, tuple[str, ...]]

    def find(self, sentence: str) -> list[TriggerMatch]:
        """Triggers in a sentence, longest first where they overlap, in text order; none inside a blocker."""
        key = match_key(sentence)
        found = [TriggerMatch(s, e, self.by_words[w]) for s, e, w in _literals(self.pattern, key)]
        for first, patterns in self.gapped.items():
            if first in key:  # a gapped pattern can only match where its first words stand
                for pattern, trigger in patterns:
                    found += [TriggerMatch(m.start(), m.end(), trigger) for m in pattern.finditer(key)]
        if found:
            blocked = self._blocked(key)
            found = [m for m in found if not any(_inside(m, span) for span in blocked)]
        return _without_overlaps(found)

    def has_cue(self, kind: str, key: str) -> bool:
        """Whether a cue of `kind` stands in `key` (a match key) as whole words, outside every blocker
        ("định" is a future cue, not inside "khẳng định")."""
        blocked = self._blocked(key)
        for cue in self.cues.get(kind, ()):
            index = key.find(cue)
            while index >= 0:
                end = index + len(cue)
                whole = word_edge(key, index - 1) and word_edge(key, end)
                if whole and not any(start <= index and end <= stop for start, stop in blocked):
                    return True
                index = key.find(cue, index + 1)
        return False

    def _blocked(self, key: str) -> list[tuple[int, int]]:
        """Spans of the blockers in `key` ("tổng thư ký" holds "ký", "khẳng định" holds "định")."""
        return [(start, end) for start, end, _ in _literals(self.blockers, key)] if self.blockers is not None else []

    def roles(self, kind: str) -> tuple[str, ...]:
        """Words of one kind from `events/roles.tsv`, longest first."""
        return self.role_words.get(kind, ())


def _automaton(phrases) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    return automaton


def _literals(automaton: ahocorasick.Automaton, key: str) -> list[tuple[int, int, str]]:
    """Whole-word occurrences of the automaton's phrases in `key`."""
    found = []
    for last, phrase in automaton.iter(key):
        start, end = last - len(phrase) + 1, last + 1
        if word_edge(key, start - 1) and word_edge(key, end):
            found.append((start, end, phrase))
    return found


def _inside(match: TriggerMatch, span: tuple[int, int]) -> bool:
    """A trigger within a blocker ("ký" in "tổng thư ký"), unless it covers more than the blocker."""
    start, end = span
    return start <= match.start and match.end <= end and (match.start, match.end) != (start, end)


def _without_overlaps(found: list[TriggerMatch]) -> list[TriggerMatch]:
    kept: list[TriggerMatch] = []
    for match in sorted(found, key=lambda m: (-(m.end - m.start), m.start)):
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)


def _trigger(row: dict[str, str]) -> Trigger:
    return Trigger(
        words=match_key(row["trigger"].strip()),
        type=row["type"].strip(),
        mode=(row.get("mode") or "").strip() or None,
        context=tuple(c.strip() for c in (row.get("context") or "").split("|") if c.strip()),
        cameo=row["cameo"].strip(),
        goldstein=float(row["goldstein"]),
        frame=(row.get("frame") or "svo").strip() or "svo",
        target_markers=tuple(m.strip() for m in (row.get("target_markers") or "").split("|") if m.strip()),
    )


def _bounded(words: str) -> str:
    return r"(?<![\w])" + _GAP.join(map(re.escape, words.split("…"))).replace(r"\ ", r"\s+") + r"(?![\w])"


@cache
def load_lexicon() -> Lexicon:
    """Read the lexicon and cue files once; later calls return the same object."""
    by_words: dict[str, Trigger] = {}
    gapped: list[tuple[str, re.Pattern[str], Trigger]] = []
    for row in data_rows("events/lexicon.tsv"):
        trigger = _trigger(row)
        if "…" in trigger.words:
            words = [part.strip() for part in trigger.words.split("…")]
            gapped.append((words[0], re.compile(_bounded("…".join(words))), trigger))
        else:
            by_words.setdefault(trigger.words, trigger)
    pattern = _automaton(by_words)
    cues: dict[str, list[str]] = defaultdict(list)
    for row in data_rows("events/cues.tsv"):
        cues[row["kind"].strip()].append(match_key(row["cue"].strip()))
    sorted_cues = {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in cues.items()}
    role_words: dict[str, list[str]] = defaultdict(list)
    for row in data_rows("events/roles.tsv"):
        role_words[row["kind"].strip()].append(match_key(row["words"].strip()))
    sorted_roles = {kind: tuple(sorted(words, key=len, reverse=True)) for kind, words in role_words.items()}
    blockers = [b.replace("…", " ").strip() for b in sorted_cues.get("blocker", ()) + sorted_roles.get("blocker", ())]
    blocker_pattern = _automaton(blockers) if blockers else None
    by_first: dict[str, list[tuple[re.Pattern[str], Trigger]]] = {}
    for first, compiled, trigger in gapped:
        by_first.setdefault(first, []).append((compiled, trigger))
    gapped_by_first = {first: tuple(patterns) for first, patterns in by_first.items()}
    return Lexicon(pattern, by_words, gapped_by_first, sorted_cues, blocker_pattern, sorted_roles)

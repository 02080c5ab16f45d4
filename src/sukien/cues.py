"""The cleaner's knowledge, loaded once from the data files under `sukien/data/`.

Nothing here is site-specific code: every phrase lives in a TSV or text file that a linguist can
edit (`data/cues/boilerplate.tsv`, `captions.tsv`, `agencies.tsv`, `outlets.tsv`,
`data/function_words.txt`), each with a header that says what its columns mean.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file under `sukien/data/`."""
    text = files("sukien").joinpath("data", *name.split("/")).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def data_rows(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file under `sukien/data/`, keyed by its header line."""
    return list(csv.DictReader(data_lines(name), delimiter="\t", quoting=csv.QUOTE_NONE))


def exact_key(line: str) -> str:
    """The form a line is compared in against `exact` cues: lower case, no trailing ':' or '»'."""
    return line.strip().rstrip(":»›> ").strip().casefold()


@dataclass(frozen=True)
class Cues:
    """Everything the page cleaner looks lines up in."""

    exact: dict[str, str]  # exact_key(line) -> label
    prefixes: tuple[tuple[str, str], ...]  # (casefolded prefix, label)
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (regex, label)
    caption_end: re.Pattern[str]
    caption_start: re.Pattern[str]
    caption_anywhere: re.Pattern[str] | None
    caption_any: re.Pattern[str]  # every caption cue at once: one search tells whether to look closer
    agencies: dict[str, str]  # every spelling -> canonical agency name
    agency_pattern: re.Pattern[str]
    outlets: dict[str, str]  # casefolded marker or domain -> outlet name
    function_words: frozenset[str]


def _either(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _agency_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in data_rows("cues/agencies.tsv"):
        for spelling in row["names"].split("|"):
            table[spelling.strip()] = row["name"]
    return table


@cache
def load_cues() -> Cues:
    """Read every cue file once; later calls return the same object."""
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    regexes: dict[str, list[str]] = {}
    for row in data_rows("cues/boilerplate.tsv"):
        label, match, pattern = row["label"], row["match"], row["pattern"]
        if match == "exact":
            exact[exact_key(pattern)] = label
        elif match == "prefix":
            prefixes.append((pattern.casefold(), label))
        elif match == "regex":
            regexes.setdefault(label, []).append(pattern)
        else:
            raise ValueError(f"boilerplate.tsv: unknown match kind {match!r} for {pattern!r}")
    by_place: dict[str, list[str]] = {"end": [], "start": [], "anywhere": []}
    for row in data_rows("cues/captions.tsv"):
        by_place[row["where"]].append(row["pattern"])
    agencies = _agency_table()
    spellings = sorted(agencies, key=len, reverse=True)
    agency_pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, spellings)) + r")(?![\w-])")
    outlets = {row["key"].casefold(): row["outlet"] for row in data_rows("cues/outlets.tsv")}
    return Cues(
        exact=exact,
        prefixes=tuple(prefixes),
        # one alternation per label: a line is searched once per label, not once per cue
        patterns=tuple((re.compile("|".join(f"(?:{p})" for p in group)), label) for label, group in regexes.items()),
        caption_end=_either(by_place["end"]) or re.compile(r"(?!)"),
        caption_start=_either(by_place["start"]) or re.compile(r"(?!)"),
        caption_anywhere=_either(by_place["anywhere"]),
        caption_any=_either(by_place["end"] + by_place["start"] + by_place["anywhere"]) or re.compile(r"(?!)"),
        agencies=agencies,
        agency_pattern=agency_pattern,
        outlets=outlets,
        function_words=frozenset(w.strip().casefold() for w in data_lines("function_words.txt")),
    )

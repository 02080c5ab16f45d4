"""The dead and injured a sentence counts ("16 dân thường đã thiệt mạng, 46 người khác bị thương").

Casualty words, the nouns of people they count and the words that block a count live beside the number words in
`data/events/casualties.tsv`; the numbers themselves are read by `sukien.numbers`.

Decisions:
- A count reaches its casualty word within one clause and a few words, over nothing that names a cause,
  a negation or another casualty word.
- "thương vong" (dead and injured as one lump) is neither count: it goes to `Casualties.dead_or_injured`.
- When a sentence gives several counts of one kind, the largest is taken: a part ("trong đó 18 em nhỏ")
  is never larger than its whole.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .numbers import Quantity, find_quantities, match_form, phrase_pattern, phrases_of


@dataclass(frozen=True)
class Casualties:
    """The dead and injured a sentence counts; `dead_or_injured` is a lump count ("50 người thương vong")."""

    dead: int | None
    injured: int | None
    dead_or_injured: int | None = None


# What stops a count from reaching a casualty word: a clause break (a comma or dot not inside a
# numeral like "5.000"), or a count too far away.
_BREAK = re.compile(r"[,.](?!\d)|(?<!\d)[,.]|[;:!?()\[\]“”\"]|\s-\s|[–—]")
_MAX_GAP_WORDS = 10


@dataclass(frozen=True)
class _Cue:
    kind: str  # "dead", "injured" or "both"
    order: str  # where its count stands: "before" or "after"
    start: int
    end: int


def _cues(key: str) -> list[_Cue]:
    """The casualty words of a sentence; phrases like "cái chết" hold one but are skipped."""
    cues = []
    for match in phrase_pattern("dead", "injured", "both", "not_cue").finditer(key):
        phrase = " ".join(match.group().split())
        kind = next((k for k in ("dead", "injured", "both") if phrase in phrases_of(k)), None)
        if kind is not None:
            cues.append(_Cue(kind, phrases_of(kind)[phrase], match.start(), match.end()))
    return cues


def _as_count(quantity: Quantity) -> int | None:
    """A whole number of people, or None (vague, a percentage, a fraction)."""
    value = quantity.value
    if value is None or quantity.percent or not math.isfinite(value) or value < 0 or value != int(value):
        return None
    return int(value)


def _person_after(key: str, position: int) -> int | None:
    """The end of a noun of people right after `position` ("binh sĩ", "người"), or None."""
    match = phrase_pattern("person", "not_person", lead=r"\s*").match(key, position)
    if match is None or " ".join(match.group().split()) not in phrases_of("person"):
        return None  # "5 tên lửa" are missiles, though "tên" counts militants
    return match.end()


def _blocked(gap: str) -> bool:
    """Whether a count cannot reach across `gap` to its casualty word."""
    return bool(
        _BREAK.search(gap)
        or len(gap.split()) > _MAX_GAP_WORDS
        or phrase_pattern("cause").search(gap)
        or phrase_pattern("negation").search(gap)
        or phrase_pattern("dead", "injured", "both").search(gap)
    )


def _count_before(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The count before its noun before the cue: "50 quân nhân nước này đã thiệt mạng"."""
    earlier = [q for q in quantities if q.end <= cue.start]
    for n in range(len(earlier) - 1, -1, -1):
        quantity = earlier[n]
        if _blocked(key[quantity.end : cue.start]) or quantity.percent:
            return None
        if _person_after(key, quantity.end) is not None:
            return _with_earlier(key, earlier[:n], quantity)
    return None


def _with_earlier(key: str, earlier: list[Quantity], quantity: Quantity) -> int | None:
    """`quantity`'s count, read with the counts just before it.

    "3 trong số 10 con tin đã bị giết" counts 3 (a percentage part, "10% trong số ...", counts none);
    "9 chiến binh và một người qua đường thiệt mạng" counts 10. Vague counts give None.
    """
    part = earlier[-1] if earlier else None
    part_of = phrase_pattern("part", lead=r"\s*", anchor=r"\s*$")
    if part is not None and part_of.fullmatch(key[part.end : quantity.start]):
        return _as_count(part)
    count = _as_count(quantity)
    for previous in reversed(earlier):
        noun = _person_after(key, previous.end)
        joined = noun is not None and phrase_pattern("and", anchor=r"\s*$").search(key[noun : quantity.start])
        if count is None or not joined or _blocked(key[previous.end : quantity.start]):
            break
        more = _as_count(previous)
        count, quantity = (None if more is None else count + more), previous
    return count


def _count_after(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The count right after the cue: "làm thiệt mạng hơn 240.000 người", "giết 3 binh sĩ", "làm chết 129."."""
    quantity = next((q for q in quantities if q.start >= cue.end), None)
    if quantity is None or phrase_pattern("filler").sub("", key[cue.end : quantity.start]).strip():
        return None
    rest = key[quantity.end :].lstrip()
    ends = not rest or not rest[0].isalnum() or phrase_pattern("clause").match(rest) is not None
    return _as_count(quantity) if ends or _person_after(key, quantity.end) is not None else None


def _tallied(key: str, cue: _Cue) -> bool:
    """Whether the cue belongs to a total's noun: "số người thiệt mạng", "lượng binh sĩ Armenia thiệt mạng"."""
    clause = _BREAK.split(key[: cue.start])[-1]
    nouns = list(phrase_pattern("tally").finditer(clause))
    if not nouns or len(clause[nouns[-1].end() :].split()) > 4:  # "số" + a noun of people and a name or two
        return False
    return phrase_pattern("not_tally", anchor="$").search(clause[: nouns[-1].end()]) is None


def _tally_count(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The figure a total reaches after the cue ("... lên tổng cộng 963 người"), else a count of people after it."""
    # Only up to the next casualty word: "số bỏ mạng lên 2.120 người, còn số bị thương là gần 16.000".
    following = phrase_pattern("dead", "injured", "both").search(key, cue.end)
    stop = following.start() if following else len(key)
    after = [q for q in quantities if q.start >= cue.end and q.end <= stop and not q.percent]
    reached = [q for q in after if phrase_pattern("reach", anchor=r"\s*$").search(key[cue.end : q.start])]
    if reached:
        return _as_count(reached[-1])
    counted = next((q for q in after if _person_after(key, q.end) is not None), None)
    return _as_count(counted) if counted else None


def _count(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    before = key[: cue.start]
    if phrase_pattern("negation", anchor=r"\s*$").search(before):
        return None  # "không bị thương"
    if cue.order == "after" or phrase_pattern("cause", anchor=r"\s*$").search(before):
        return _count_after(key, cue, quantities)
    if _tallied(key, cue) and (total := _tally_count(key, cue, quantities)) is not None:
        return total
    return _count_before(key, cue, quantities)  # also "tổng số 216.000 người thiệt mạng"


def casualties(sentence: str) -> Casualties:
    """The dead and injured counts `sentence` states ("16 dân thường đã thiệt mạng, 46 người khác bị thương")."""
    key = match_form(sentence)
    quantities = find_quantities(sentence, key=key)
    counts: dict[str, list[int]] = {"dead": [], "injured": [], "both": []}
    for cue in _cues(key):
        count = _count(key, cue, quantities)
        if count is not None:
            counts[cue.kind].append(count)
    # The largest: a part ("trong đó 18 em nhỏ") never exceeds its whole.
    dead, injured, both = (max(counts[k], default=None) for k in ("dead", "injured", "both"))
    return Casualties(dead, injured, both)

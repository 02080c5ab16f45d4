"""Who acts on whom in a sentence: parties (actors with a code) grouped and placed around a trigger.

A party is an entity with a country or organisation code; news media are not parties (they report).
Parties joined by "và", ",", "cùng" or a dash form one group ("Anh và Canada", "Armenia-Azerbaijan").
Clauses end at punctuation and at reporting verbs, so in "X cho biết Y tấn công Z" the subject of
"tấn công" is Y, and in "Blinken cho biết đã điện đàm với ..." (no party after the verb) it is X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .actorbase import match_key
from .models import Actor, Entity

_JOINERS = {"và", ",", "cùng", "-", "–", "cùng với", "với cả", "lẫn"}
_PLACE_WORDS = {"tại", "ở", "khắp"}
# Not brackets ("Liên minh châu Âu (EU) sẽ ..."), nor a dot or comma inside a number ("ngày 13.10", "80,1%").
_CLAUSE_PUNCTUATION = re.compile(r"[;:!?“”\"«»]|(?<!\d)[.,]|[.,](?!\d)")


@dataclass(frozen=True, slots=True)
class Party:
    """An entity that can act in an event, with its code (ISO3 or organisation code)."""

    start: int
    end: int
    code: str
    actor: Actor


def parties_of(entities: list[Entity], offset: int) -> list[Party]:
    """Parties among a sentence's entities, with offsets made relative to the sentence."""
    parties = []
    for entity in entities:
        actor = entity.actor
        code = actor.country or actor.org
        if code and entity.type in ("PER", "ORG", "GPE") and actor.sector != "MED":
            parties.append(Party(entity.start - offset, entity.end - offset, code, actor))
    return _merge_adjacent_same_code(parties)


def domestic_parties(sentence: str, parties: list[Party], words: tuple[str, ...], focus: str | None) -> list[Party]:
    """Groups named without their country ("phe đối lập", "cảnh sát") as parties of the country in focus."""
    key = match_key(sentence)
    found = []
    for match in _phrases_pattern(words).finditer(key):
        if any(p.start <= match.start() < p.end for p in parties + found):
            continue
        country = _country_near(parties, match.start(), match.end()) or focus
        if country:
            actor = Actor(None, sentence[match.start() : match.end()], country)
            found.append(Party(match.start(), match.end(), country, actor))
    return sorted(parties + found, key=lambda p: p.start)


@cache
def _phrases_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a list of phrases, on word boundaries, longest first."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _country_near(parties: list[Party], start: int, end: int) -> str | None:
    """The country named right after the group ("cảnh sát Nhật Bản"), else the nearest one before it."""
    after = next((p for p in parties if 0 <= p.start - end <= 1), None)
    if after:
        return None  # the group has its own country right after it, which is already a party
    before = [p for p in parties if p.end <= start]
    return before[-1].code if before else None


def _merge_adjacent_same_code(parties: list[Party]) -> list[Party]:
    """ "Tổng thống Pháp Emmanuel Macron": the country and the person beside it are one party."""
    merged: list[Party] = []
    for party in parties:
        if merged and merged[-1].code == party.code and party.start - merged[-1].end <= 1:
            last = merged[-1]
            actor = party.actor if party.actor.id and party.actor.id.startswith("person/") else last.actor
            merged[-1] = Party(last.start, party.end, party.code, actor)
        else:
            merged.append(party)
    return merged


def groups(sentence: str, parties: list[Party], verbs: list[tuple[int, int]] = ()) -> list[list[Party]]:
    """Parties joined by "và", commas, "cùng" or dashes, as groups in text order; never across a verb in `verbs`
    ("lên án Nga xâm lược Ukraine và yêu cầu Nga ...": Ukraine and the second Nga are not one group)."""
    result: list[list[Party]] = []
    for party in parties:
        previous = result[-1][-1] if result else None
        same_span = previous is not None and previous.start == party.start  # the two parties of "hai bên"
        crossed = previous is not None and any(previous.end <= start < party.start for start, _ in verbs)
        crossed = crossed or (previous is not None and _framed(sentence, result[-1][0], party))
        if previous and (same_span or (_joined(sentence[previous.end : party.start]) and not crossed)):
            result[-1].append(party)
        else:
            result.append([party])
    return result


def _framed(sentence: str, first: Party, party: Party) -> bool:
    """ "Theo ông Ushakov, Moscow ...": the informant's frame ends at the comma; the next party is not with it."""
    words = match_key(sentence[max(0, first.start - 20) : first.start]).split()[-3:]
    return "theo" in words and sentence[first.start : party.start].count(",") == 1


def _joined(gap: str) -> bool:
    """ "và", a comma, "cùng", a dash; or "và" before a few words of title ("và người đồng cấp Pakistan")."""
    gap = gap.strip().lower()
    if gap in _JOINERS:
        return True
    words = gap.split()
    return bool(words) and words[0] in ("và", "cùng") and len(words) <= 6 and not _CLAUSE_PUNCTUATION.search(gap)


def clause_start(sentence: str, position: int, reporting: tuple[str, ...]) -> tuple[int, int]:
    """Where the clause holding `position` begins: (after punctuation, after a reporting verb or -1)."""
    start = 0
    for match in _CLAUSE_PUNCTUATION.finditer(sentence, 0, position):
        start = match.end()
    ends = (
        end for index, end in _reporting_spans(match_key(sentence), reporting) if index >= start and end <= position
    )
    return start, max(ends, default=-1)


@lru_cache(maxsize=64)
def _reporting_spans(key: str, reporting: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Every " verb " of the reporting verbs in a sentence's key, found once for all its triggers."""
    spans = []
    for verb in reporting:
        needle = " " + verb + " "
        index = key.find(needle)
        while index >= 0:
            spans.append((index, index + len(needle)))
            index = key.find(needle, index + 1)
    return tuple(spans)


def clause_end(sentence: str, position: int) -> int:
    """Where the clause holding `position` ends."""
    match = _CLAUSE_PUNCTUATION.search(sentence, position)
    return match.start() if match else len(sentence)


def subject_before(
    sentence: str, groups_: list[list[Party]], position: int, start: int, not_after: tuple[str, ...]
) -> list[Party] | None:
    """The nearest group before `position` and after `start` that is not a place, possessor or informant."""
    for group in reversed(groups_):
        straddles = group[0].start < start <= group[-1].start  # "Anh, Pháp và Đức ...": the commas join
        if group[-1].end > position or (group[0].start < start and not straddles):
            continue
        before = match_key(sentence[max(0, group[0].start - 12) : group[0].start]).rstrip()
        if before.endswith(tuple(" " + w for w in not_after)) or before in not_after:
            continue
        words = match_key(sentence[max(0, group[0].start - 30) : group[0].start]).split()[-3:]
        if any(w in _PLACE_WORDS for w in words):
            continue  # "tình hình tại biên giới Armenia-Azerbaijan": a place, not who acts
        return group
    return None


def first_group_after(groups_: list[list[Party]], position: int, end: int) -> list[Party] | None:
    """The first group after `position`, before `end`."""
    return next((g for g in groups_ if g[0].start >= position and g[0].start < end), None)


def between_pair(sentence: str, parties: list[Party], position: int) -> list[Party] | None:
    """ "giữa A và B" after a trigger, words allowed around A and B ("giữa các lực lượng A và dân tộc B")."""
    key = match_key(sentence)
    index = key.find("giữa", position, position + 24)
    if index < 0:
        return None
    end = clause_end(sentence, index)
    sides: dict[str, Party] = {}
    for party in parties:
        if index < party.start < end and len(sides) < 2:
            sides.setdefault(party.code, party)
    return list(sides.values()) if len(sides) == 2 else None


def pair_parties(sentence: str, parties: list[Party], words: tuple[str, ...], recent: list[str]) -> list[Party]:
    """ "hai bên", "hai nước": the last two parties named before, in the sentence or the article."""
    key = match_key(sentence)
    found = []
    for match in _phrases_pattern(words).finditer(key):
        named = recent + [p.code for p in parties if p.end <= match.start()]
        last_two = list(dict.fromkeys(reversed(named)))[:2]
        if len(last_two) == 2:
            for code in reversed(last_two):
                actor = Actor(None, sentence[match.start() : match.end()], code if len(code) == 3 else None)
                found.append(Party(match.start(), match.end(), code, actor))
    return sorted(parties + found, key=lambda p: (p.start, p.code))

"""Entity recognition: mentions of the actor base, and unknown proper names typed from context.

Known names are found in one pass of an Aho-Corasick automaton over the text's match key, kept
only on word boundaries and where the case agrees (lower-case "anh" is a pronoun, "Anh" may be
Britain). Unknown names are runs of capitalised words outside known mentions; titles and
sentence-initial common words are stripped from them, and they are typed by the cue before them
or the head they open with (data: `cues/entity_context.tsv`).
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from .actorbase import ActorBase, Entry, Name, institution, load_base, match_key
from .cues import data_rows
from .namecontext import Mention, cue_context
from .normalize import UPPER, word_edge
from .unknownnames import find_unknown


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in load_base().names:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _boundary(text: str, start: int, end: int) -> bool:
    return word_edge(text, start - 1) and word_edge(text, end)


def _case_agrees(written: str, name: Name) -> bool:
    surface = name.surface
    if " " not in surface and len(surface) <= 4:
        return written in (surface, surface.upper())  # "Nga", "NGA"; never "nga" or "anh"
    return not surface[0].isupper() or written[0].isupper()


def known_mentions(text: str, base: ActorBase) -> list[Mention]:
    """Mentions of names the actor base holds, on word boundaries and where the case agrees."""
    key = match_key(text)
    found: list[tuple[int, int, list[Name]]] = []
    for last, surface_key in _automaton().iter(key):
        start, end = last - len(surface_key) + 1, last + 1
        if not _boundary(text, start, end):
            continue
        written = text[start:end]
        names = [n for n in base.names[surface_key] if _case_agrees(written, n)]
        if names and not _ordinary_word(text, end, written):
            found.append((start, end, names))
    return _resolve_known(text, _longest_first(found))


def _with_given_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A known surname after capitalised words of no other mention takes them in: "Mahmoud" + "Admadinejad"."""
    extended = []
    previous_end = 0
    for mention in mentions:
        if mention.type == "PER":
            before = text[previous_end : mention.start]
            given = re.search(r"(?:(?<=\s)|^)((?:[" + UPPER + r"][\w'’-]+ ){1,2})$", before)
            if (
                given
                and not cue_context().title_pattern.search(given.group(1))
                and given.group(1).split()[0].lower() not in cue_context().before
            ):
                start = mention.start - len(given.group(1))
                if start > 0 and text[start - 1] not in '.!?\n"“':
                    # the given names must be this person's: "Hidayat Nur Wahid" is not Abdurrahman Wahid
                    own = tuple(e for e in mention.candidates if _has_given_names(e, given.group(1)))
                    mention = Mention(start, mention.end, text[start : mention.end], "PER", own, mention.cue)
        extended.append(mention)
        previous_end = mention.end
    return extended


def _has_given_names(entry: Entry, given: str) -> bool:
    names = [match_key(n.surface) for n in load_base().names_of(entry.id)]
    return any(match_key(word) in name.split() for word in given.split() for name in names)


def _longest_first(found: list[tuple[int, int, list[Name]]]) -> list[tuple[int, int, list[Name]]]:
    chosen: list[tuple[int, int, list[Name]]] = []
    taken: set[int] = set()
    for start, end, names in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        if not taken.intersection(range(start, end)):
            chosen.append((start, end, names))
            taken.update(range(start, end))
    return sorted(chosen)


def _resolve_known(text: str, found: list[tuple[int, int, list[Name]]]) -> list[Mention]:
    mentions: list[Mention] = []
    seen_full: set[str] = set()
    for index, (start, end, names) in enumerate(found):
        usable = [n for n in names if not n.short_form or _joined_to_country(text, found, index)]
        usable = [n for n in usable if not n.needs_antecedent or n.entry.id in seen_full]
        if not usable:
            continue
        entries = tuple(dict.fromkeys(n.entry for n in usable))
        if any(not n.needs_antecedent and not n.short_form for n in usable):
            seen_full.update(e.id for e in entries)
        mentions.append(Mention(start, end, text[start:end], entries[0].type, entries))
    return mentions


def _joined_to_country(text: str, found: list[tuple[int, int, list[Name]]], index: int) -> bool:
    """A short form ("Ấn", "Hàn") counts only joined by a dash to another country: "Nga - Ấn"."""
    start, end, _ = found[index]
    for other_start, other_end, names in (found[i] for i in (index - 1, index + 1) if 0 <= i < len(found)):
        gap = text[other_end:start] if other_end <= start else text[end:other_start]
        if gap.strip() in ("-", "–", "—") and any(n.entry.type == "GPE" for n in names):
            return True
    return False


@cache
def _not_names() -> dict[str, tuple[str, ...]]:
    return {
        row["name"]: tuple(w.strip() for w in row["followed_by"].split("|")) for row in data_rows("cues/not_names.tsv")
    }


def _ordinary_word(text: str, end: int, written: str) -> bool:
    """ "Anh ấy", "Pháp luật": the name is the first syllable of an ordinary word or phrase here."""
    followers = _not_names().get(written)
    if not followers:
        return False
    rest = text[end : end + 12]
    return any(rest.startswith(" " + word) and not rest[len(word) + 1 : len(word) + 2].isalpha() for word in followers)


@cache
def _heads_by_last_word() -> dict[str, tuple[str, ...]]:
    """Institution heads by the word they end with: only those can end right before a country name."""
    index: dict[str, list[str]] = {}
    for head in sorted(load_base().institutions, key=len, reverse=True):
        index.setdefault(head.split()[-1], []).append(head)
    return {word: tuple(heads) for word, heads in index.items()}


def _with_institutions(text: str, mentions: list[Mention], base: ActorBase) -> list[Mention]:
    """A head right before a country mention makes one organisation: "Bộ Quốc phòng" + "Nga"."""
    by_last_word = _heads_by_last_word()
    joined = []
    for mention in mentions:
        country = next((e for e in mention.candidates if e.type == "GPE" and e.country), None)
        prefix = text[max(0, mention.start - 60) : mention.start]
        words = prefix.split()
        heads = by_last_word.get(words[-1], ()) if country and words else ()
        head = next(
            (h for h in heads if prefix.endswith(h + " ") and _starts_word(prefix, len(prefix) - len(h) - 1)), None
        )
        if country and head:
            start = mention.start - len(head) - 1
            entry = institution(head, country)
            mention = Mention(start, mention.end, text[start : mention.end], "ORG", (entry,))
        joined.append(mention)
    return joined


def _starts_word(text: str, index: int) -> bool:
    return word_edge(text, index - 1)


def find_mentions(
    text: str, sentence_starts: set[int] | None = None, *, base: ActorBase | None = None
) -> list[Mention]:
    """Every mention of a person, organisation, political unit or place in `text`, in order."""
    base = base or load_base()
    masked = _masked(text)
    known = _with_given_names(text, _with_institutions(text, known_mentions(text, base), base))
    known = [m for m in known if m.start not in masked]
    unknown = [m for m in find_unknown(text, known, sentence_starts or {0}, base) if m.start not in masked]
    return _enumerations(text, _outermost(known + unknown))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside a longer one ("Nhật Bản" inside "Cơ quan vũ trụ Nhật Bản Jaxa"), in text order."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for mention in ordered:
        if kept and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept


# Text that is no part of the story even inside a paragraph: inline photo credits, "(Trong ảnh: ...)",
# "(theo AP, Reuters)", outlet markers "(GLO)-".
_CREDITS = re.compile(
    r"\b(?:Ảnh|Nguồn|Photo|Video)\s*:\s*[^.;()\n]{1,50}|\((?:Trong ảnh|Nguồn|Ảnh)\b[^)\n]{0,160}\)"
    r"|\([Tt]heo\b[^)\n]{0,80}\)\.?$"
    r"|^\([A-ZĐ]{2,6}\)\s*[-–]",
    re.MULTILINE,
)
# A byline glued to the end of a flattened page: "... biến chuyển. NGUYỆT PHƯƠNG".
_TRAILING_BYLINE = re.compile(r"(?<=[.!?])(?:/\.)?\s+(?P<tail>[^.!?\n]{1,80})$")
MAX_TRAILING_BYLINE_WORDS = 10


def _masked(text: str) -> set[int]:
    positions: set[int] = set()
    for match in _CREDITS.finditer(text):
        positions.update(range(match.start(), match.end()))
    tail = _TRAILING_BYLINE.search(text)
    if tail and len(tail["tail"].split()) <= MAX_TRAILING_BYLINE_WORDS and "\n" in text:
        positions.update(range(tail.start("tail"), tail.end("tail")))
    return positions


def _enumerations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names listed together share a type: "ở Aghdere, Khojavend, Fizuli và Gubadli"."""
    result = list(mentions)
    for _ in range(2):  # a type travels both ways along a list
        for index, mention in enumerate(result):
            if mention.type:
                continue
            for other in (result[index - 1] if index else None, result[index + 1] if index + 1 < len(result) else None):
                if other is None or not other.type or other.type == "ORG":
                    continue
                gap = text[other.end : mention.start] if other.end <= mention.start else text[mention.end : other.start]
                if gap in (", ", " và ", ", và "):
                    result[index] = Mention(mention.start, mention.end, mention.text, other.type, (), mention.cue)
                    break
    return [m for m in result if m.type]

"""Parsers for the short fields a page prints around its story.

Datelines ("10/01/2022 01:11", "Thứ Hai, 10/01/2022 - 01:11 (GMT+7)"), source lines ("Theo
Thanhnien", "(Theo RT, AFP)"), bylines ("Minh Quang", "Huyền Lê (Theo RT, AFP)",
"Minh PhươngTheo Guardian") and outlet markers ("(GLO)-", "Theo dõi Báo Gia Lai trên").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from .cues import Cues
from .normalize import LOWER

_WEEKDAY = r"(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|[2-7])|Chủ\s+[Nn]hật|CN|T[2-7])\s*[,-]?\s*)?"
_DATE = r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
_TIME = r"(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?"
_ZONE = r"(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)?"
_DATE_TIME = re.compile(rf"^{_WEEKDAY}{_DATE}(?:\s*[,|-]?\s*{_TIME})?{_ZONE}")
_TIME_DATE = re.compile(rf"^{_TIME}\s*(?:[,|-]\s*)?{_WEEKDAY}{_DATE}{_ZONE}")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A publication date-time printed at the start of a line, and the text after it."""

    iso: str
    rest: str


def _iso(parts: dict[str, str | None]) -> str | None:
    try:
        moment = datetime(int(parts["y"] or 0), int(parts["m"] or 0), int(parts["d"] or 0))
    except ValueError:
        return None
    if not 1900 <= moment.year <= 2100:
        return None
    if parts.get("H") is None:
        return moment.date().isoformat()
    hour, minute, second = int(parts["H"] or 0), int(parts["M"] or 0), parts.get("S")
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        return None
    stamp = f"{moment.date().isoformat()}T{hour:02d}:{minute:02d}"
    return stamp + (f":{int(second):02d}" if second is not None else "")


def parse_dateline(line: str) -> Dateline | None:
    """A date (and time) opening the line, as ISO 8601, with the rest of the line; None if there is none."""
    for pattern in (_DATE_TIME, _TIME_DATE):
        match = pattern.match(line)
        if match:
            iso = _iso(match.groupdict())
            if iso is None:
                return None
            rest = line[match.end() :].lstrip(" -–|,:")
            return Dateline(iso, rest)
    return None


# --- sources and bylines -------------------------------------------------------------------------

_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_SOURCE_LINE = re.compile(r"^\(?\s*(?:[Tt]heo|[Nn]guồn)\s*:?\s+(?P<names>(?:[^().;!?]|\.(?=\S)){1,80}?)\s*\)?\.?$")
_BYLINE_WITH_SOURCE = re.compile(r"^(?P<name>[^()]{2,40}?)\s*\(\s*[Tt]heo\s+(?P<names>[^()]{1,80})\)\.?$")
_GLUED_SOURCE = re.compile(rf"^(?P<name>.{{2,40}}?[{LOWER}])(?:Theo|Nguồn:)\s*(?P<names>.{{1,80}})$")
# "(tổng hợp)", "(lược dịch)": a note on how the writer worked, after the name.
_CREDIT_NOTE = re.compile(
    r"\s*\((?:tổng hợp|lược dịch|biên dịch|dịch|tổng hợp và dịch|giới thiệu)\)\s*$", re.IGNORECASE
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|/|\bvà\b|&)\s*")


def split_names(names: str) -> list[str]:
    """ "RT, AFP" → ["RT", "AFP"]; "AP và Reuters" → ["AP", "Reuters"]."""
    return [name.strip(" .") for name in _SPLIT_NAMES.split(names) if name.strip(" .")]


def looks_like_name(text: str, *, max_words: int = 4) -> bool:
    """A short run of capitalised words with no digits or sentence marks: "Minh Quang", "NGUYỆT PHƯƠNG"."""
    words = text.split()
    if not 1 <= len(words) <= max_words or any(ch.isdigit() for ch in text):
        return False
    return all(word[0].isupper() and _NAME_WORD.match(word) for word in words)


def parse_source_line(line: str) -> list[str] | None:
    """The agencies a source line cites ("Theo Thanhnien" → ["Thanhnien"]), or None for another line."""
    match = _SOURCE_LINE.match(line)
    if not match:
        return None
    names = split_names(match["names"])
    if not names or not all(looks_like_name(name, max_words=5) for name in names):
        return None
    return names


@dataclass(frozen=True, slots=True)
class Byline:
    """The authors a byline names, and the sources it cites beside them."""

    authors: tuple[str, ...]
    sources: tuple[str, ...] = ()


def parse_byline(line: str) -> Byline | None:
    """A byline alone on its line ("Minh Quang", "Huyền Lê (Theo RT, AFP)"), or None."""
    for pattern in (_BYLINE_WITH_SOURCE, _GLUED_SOURCE):
        match = pattern.match(line)
        if match and looks_like_name(match["name"]):
            sources = split_names(match["names"])
            if sources and all(looks_like_name(s, max_words=5) for s in sources):
                return Byline((match["name"].strip(),), tuple(sources))
    name = _CREDIT_NOTE.sub("", line).rstrip(".").strip()
    if looks_like_name(name):
        return Byline((name,))
    return None


def cited_agencies(text: str, cues: Cues) -> list[str]:
    """Agencies the text cites as its source ("theo AFP", "hãng tin Interfax cho biết"), canonical names."""
    found: list[str] = []
    for cue in _CITE_BEFORE.finditer(text):
        # the agency follows the cue, with at most two words between ("theo báo X", "hãng thông tấn X")
        match = _agency_within(text, cue.end(), cues, before=False)
        if match:
            _append_new(found, cues.agencies[match])
    for cue in _CITE_AFTER.finditer(text):
        match = _agency_within(text, cue.start(), cues, before=True)
        if match:
            _append_new(found, cues.agencies[match])
    return found


def _agency_within(text: str, position: int, cues: Cues, *, before: bool) -> str | None:
    """The agency name right after (or right before) `position`, allowing two words between after a cue."""
    if before:
        window = text[max(0, position - 40) : position].rstrip()
        matches = list(cues.agency_pattern.finditer(window))
        return matches[-1].group(1) if matches and matches[-1].end() == len(window) else None
    window = text[position : position + 60]
    match = cues.agency_pattern.search(window)
    if match and len(window[: match.start()].split()) <= 2:
        return match.group(1)
    return None


def _append_new(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


# A citation cue just before the agency ("theo", "hãng tin", "dẫn nguồn"; "theo báo X" through the
# two words allowed between) or just after it ("X đưa tin", "X cho biết"). "với báo X" is not a citation.
_CITE_BEFORE = re.compile(r"\b(?:[Tt]heo|[Hh]ãng tin|[Hh]ãng thông tấn|[Tt]hông tấn xã|[Dd]ẫn(?: lời| nguồn| tin)?)\b")
_CITE_AFTER = re.compile(r"\s(?:đưa tin|cho biết|cho hay|dẫn|trích dẫn|thông báo|tiết lộ|khẳng định)\b")


# --- outlets -------------------------------------------------------------------------------------

_FOLLOW = re.compile(r"^Theo dõi\s+(?P<name>.+?)\s+trên\b", re.IGNORECASE)
_MARKER = re.compile(r"^\((?P<code>[A-ZĐ]{2,6})\)\s*[-–—]")


def outlet_from_line(line: str, cues: Cues) -> str | None:
    """The outlet a line names: a follow prompt ("Theo dõi VGT trên") or a marker ("(GLO)-...")."""
    match = _FOLLOW.match(line)
    if match:
        name = match["name"]
        return cues.outlets.get(name.casefold(), name)
    match = _MARKER.match(line)
    if match:
        return cues.outlets.get(match["code"].casefold())
    return None


def outlet_from_metadata(source: str | None, url: str | None, cues: Cues) -> str | None:
    """The outlet a record's `source` ("VNTC/vnexpress.net", "baomoi.com(vov.vn)") or URL names."""
    for candidate in _outlet_candidates(source, url):
        name = cues.outlets.get(candidate.casefold())
        if name:
            return name
    return None


def _outlet_candidates(source: str | None, url: str | None) -> list[str]:
    candidates: list[str] = []
    if source:
        tail = source.rsplit("/", 1)[-1]
        inner = re.search(r"\(([^()]+)\)", tail)
        if inner:
            candidates.append(inner.group(1))
        candidates += [re.sub(r"\(.*\)", "", tail), tail, source]
    if url:
        host = urlsplit(url).hostname or ""
        candidates += [host, host.removeprefix("www.")]
    return [c.strip().removeprefix("www.") for c in candidates if c and c.strip()]

"""The records sukien produces, as small frozen dataclasses, and their one serializer.

Every record matches a table of `OUTPUT.md`; `to_dict` turns any of them into that JSON shape.
Offsets are Python string indices into `Article.text`, half-open `[start, end)`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class InputRef:
    """Where an article came from: the file, the record id inside it, and its place in that input."""

    path: str | None
    record: str | None
    index: int


@dataclass(frozen=True, slots=True)
class Page:
    """A raw page as read from one input, before cleaning; metadata comes from HTML or a record."""

    text: str
    path: str | None
    record: str | None = None
    kind: str = "text"
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    """Who or what a mention, speaker or event party refers to."""

    id: str | None
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a person, organisation, political unit or place in `text`."""

    text: str
    start: int
    end: int
    type: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation (without its marks) and who said it."""

    text: str
    start: int
    end: int
    speaker: Actor | None
    speaker_text: str | None


@dataclass(frozen=True, slots=True)
class Location:
    """The place an event happened."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of `text`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    """A political event coded in PLOVER, with its CAMEO code and Goldstein score."""

    type: str
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    cameo: str
    goldstein: float
    evidence: Span
    mode: str | None = None
    context: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    dead: int | None = None
    injured: int | None = None
    negated: bool = False
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of `text` and where it stands."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article: the record `sukien extract` prints, one per line."""

    id: str
    input: InputRef
    title: str | None
    text: str
    captions: tuple[str, ...] = ()
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    published: str | None = None
    published_basis: str | None = None
    language: str = "vi"
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def body(self) -> list[str]:
        """The article's paragraphs, title excluded."""
        lines = self.text.split("\n") if self.text else []
        return lines[1:] if self.title is not None and lines else lines


# Fields that exist for the pipeline's own use and are not part of the output contract.
_PRIVATE_FIELDS = {"extra"}


def to_dict(record: Any) -> Any:
    """Serialize a record (or a tuple or list of records) to the OUTPUT.md JSON shape."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {
            f.name: to_dict(getattr(record, f.name))
            for f in dataclasses.fields(record)
            if f.name not in _PRIVATE_FIELDS
        }
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    return record

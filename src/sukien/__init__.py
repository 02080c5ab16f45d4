"""sukien: structured knowledge of world politics from Vietnamese news.

The public API is small:

    sukien.extract(text_or_path, **metadata) -> list[Article]   clean a page into articles
    sukien.sentences(text) -> list[Sentence]                     Vietnamese sentences with offsets
    sukien.to_dict(record)                                       a record in the OUTPUT.md shape
    sukien.open(path="sukien.db") -> Store                       the SQLite store: ingest, search, events,
                                                                 top_actors, stories, article, related, export

and the record types Article, Entity, Actor, Quote, Event, Sentence, InputRef.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .errors import InputRejected, SettingsError, SukienError
from .models import Actor, Article, Entity, Event, InputRef, Quote, Sentence, to_dict
from .pipeline import extract
from .sentences import split_sentences

if TYPE_CHECKING:
    from .store import Store

__version__ = "0.1.0"


def open(path: str | os.PathLike[str] | None = None) -> Store:  # noqa: A001 (sukien.open, like sqlite3.connect)
    """The store at `path` (default `$SUKIEN_DB`, else ./sukien.db), created if need be; a context manager."""
    from .store import Store

    return Store(path)


def sentences(text: str) -> list[Sentence]:
    """Split Vietnamese text into sentences, each with its offsets into `text`."""
    return split_sentences(text)


__all__ = [
    "Actor",
    "Article",
    "Entity",
    "Event",
    "InputRef",
    "InputRejected",
    "Quote",
    "Sentence",
    "SettingsError",
    "SukienError",
    "__version__",
    "extract",
    "open",
    "sentences",
    "to_dict",
]

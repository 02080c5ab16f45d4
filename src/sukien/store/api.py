"""`Store`: the Python face of the database, with the same queries as the command line.

with sukien.open("sukien.db") as store:
    store.ingest(["news.jsonl"])
    for hit in store.search("đàm phán Syria", limit=5):
        print(hit["title"], hit["snippet"])
    store.events(actor="RUS", target="USA", types="ASSAULT", since="2020-01-01")
    store.top_actors(20); store.stories(); store.article("c30bcf6b"); store.related("c30bcf6b")
    store.export("out/", format="parquet")
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from ..settings import Settings
from . import eventfold, queries, related, search
from .db import connect, default_path
from .ingest import Derived, ingest
from .writer import Counts

TABLES = (
    "articles", "sightings", "pages", "rejects", "actors", "entities", "article_actors", "quotes", "events",
    "event_actors", "story_keys", "stories",
)  # fmt: skip


class Store:
    """An embedded SQLite store of articles, entities, quotes, events and stories; a context manager."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        """Open (or create) the store at `path`; default `$SUKIEN_DB` or `./sukien.db`."""
        self.path = str(path if path is not None else default_path())
        self.conn: sqlite3.Connection = connect(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        settings: Settings | None = None,
        workers: int | None = None,
        on_page: Callable[[Derived], None] | None = None,
    ) -> Counts:
        """Read, derive and store every article of the files, folders or `-` given; returns what was done.

        `workers`: processes running the pipeline (default: up to two, one per core; 0 runs it here).
        Rejected inputs land in the `rejects` table and are counted in `Counts.rejected`.
        """
        return ingest(self.conn, [os.fspath(p) for p in paths], settings=settings, workers=workers, on_page=on_page)

    def search(self, query: str, *, limit: int = 10) -> list[dict]:
        """Articles holding every word of `query` (case, diacritics and đ ignored), best first, with snippets."""
        return search.search(self.conn, query, limit=limit)

    def count(self, query: str) -> int:
        """How many articles `search` would find with no limit."""
        return search.count(self.conn, query)

    def events(
        self,
        *,
        actor: str | None = None,
        target: str | None = None,
        types: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
    ) -> list[dict]:
        """Events folded per story, newest first; actor/target take an ISO3 code, org code, actor id or name."""
        filters = {"actor": actor, "target": target, "types": types, "since": since, "until": until}
        return eventfold.events(self.conn, limit=limit, **filters)

    def top_actors(self, limit: int = 20, *, type: str | None = None) -> list[dict]:
        """The actors mentioned in most articles; `type` keeps one entity type (PER, ORG, GPE, LOC)."""
        return queries.top_actors(self.conn, limit=limit, type=type)

    def stories(self, limit: int = 20, *, min_size: int = 2) -> list[dict]:
        """Stories of at least `min_size` articles, largest first."""
        return queries.stories(self.conn, limit=limit, min_size=min_size)

    def story(self, story_id: str) -> list[dict]:
        """The articles of one story, oldest first."""
        return queries.story_articles(self.conn, story_id)

    def article(self, article_id: str) -> dict:
        """One article (a unique id prefix will do) in the OUTPUT.md shape, plus url, story_id, pipeline."""
        return queries.article(self.conn, article_id)

    def related(self, article_id: str, limit: int = 10) -> list[dict]:
        """Articles sharing this one's actors and distinctive words, best first (its own story left out)."""
        return related.related(self.conn, queries.find_article_id(self.conn, article_id), limit=limit)

    def rejects(self) -> list[dict]:
        """Inputs that could not be read or processed, with their reasons."""
        return [dict(row) for row in self.conn.execute("SELECT * FROM rejects ORDER BY path, record")]

    def counts(self) -> dict[str, int]:
        """The number of rows of every table."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def export(self, out: str | os.PathLike[str], *, format: str = "jsonl") -> list[Path]:
        """Write the store to folder `out` as csv, jsonl, parquet, gdelt or plover; returns the files written."""
        from .export import export

        return export(self, Path(out), format=format)

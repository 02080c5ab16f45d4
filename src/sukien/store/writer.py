"""The single writer: rows of derived articles into the tables, idempotently.

An article already stored by the same pipeline version is left as it is (only the place it was seen
again is added); one stored by another version has its entities, quotes and events derived again.
The caller owns the transaction, so an article and all its rows are committed together or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import InputRejected
from .rows import NO_RECORD, ArticleRows
from .stories import join_story, refresh_story

_ARTICLE_COLUMNS = (
    "id", "input_path", "input_record", "input_index", "title", "text", "captions", "outlet", "authors",
    "sources", "published", "published_basis", "language", "url",
)  # fmt: skip
_CHILD_TABLES = ("entities", "article_actors", "quotes", "events")


@dataclass
class Counts:
    """What one ingest did."""

    pages: int = 0
    skipped_pages: int = 0
    articles: int = 0
    new: int = 0
    rederived: int = 0
    rejected: int = 0


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_article(conn: sqlite3.Connection, rows: ArticleRows, *, pipeline: str, counts: Counts) -> None:
    """Store one article with all its rows, or bring a stored one up to this pipeline version."""
    counts.articles += 1
    found = conn.execute("SELECT pipeline FROM articles WHERE id = ?", (rows.id,)).fetchone()
    if found is not None and found["pipeline"] == pipeline:
        _add_sighting(conn, rows)
        return
    if found is None:
        _insert_article(conn, rows, pipeline)
        counts.new += 1
    else:
        _rederive(conn, rows, pipeline)
        counts.rederived += 1
    _insert_children(conn, rows)
    _add_sighting(conn, rows)


def _insert_article(conn: sqlite3.Connection, rows: ArticleRows, pipeline: str) -> None:
    values = rows.article
    cursor = conn.execute(
        f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, pipeline, story_id, signature, ingested) "
        f"VALUES ({', '.join(':' + c for c in _ARTICLE_COLUMNS)}, :pipeline, :id, :signature, :ingested)",
        {**values, "pipeline": pipeline, "signature": rows.signature, "ingested": now()},
    )
    conn.execute(
        "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (cursor.lastrowid, rows.folded_title, rows.folded_body)
    )
    join_story(conn, rows.id, rows.signature, rows.story_keys)


def _rederive(conn: sqlite3.Connection, rows: ArticleRows, pipeline: str) -> None:
    """A newer pipeline: the text is the same (same id), what was derived from it is replaced."""
    for table in _CHILD_TABLES:  # event_actors go with their events (ON DELETE CASCADE)
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (rows.id,))
    derived = ("published", "published_basis", "outlet", "authors", "sources", "captions", "language")
    conn.execute(
        f"UPDATE articles SET {', '.join(f'{c} = :{c}' for c in derived)}, pipeline = :pipeline WHERE id = :id",
        {**{c: rows.article[c] for c in derived}, "id": rows.id, "pipeline": pipeline},
    )
    story = conn.execute("SELECT story_id FROM articles WHERE id = ?", (rows.id,)).fetchone()[0]
    refresh_story(conn, story)  # its publication date may have changed


def _insert_children(conn: sqlite3.Connection, rows: ArticleRows) -> None:
    conn.executemany("INSERT OR REPLACE INTO actors VALUES (?, ?, ?, ?, ?, ?)", list(dict.fromkeys(rows.actors)))
    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.entities)
    conn.executemany("INSERT INTO article_actors VALUES (?, ?, ?, ?)", rows.article_actors)
    conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.quotes)
    marks = ", ".join("?" * 23)
    conn.executemany(f"INSERT INTO events VALUES ({marks})", rows.events)
    conn.executemany("INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.event_actors)


def _add_sighting(conn: sqlite3.Connection, rows: ArticleRows) -> None:
    values = rows.article
    conn.execute(
        "INSERT OR IGNORE INTO sightings VALUES (?, ?, ?, ?, ?, ?)",
        (rows.id, values["input_path"] or "", values["input_record"] or NO_RECORD, values["input_index"])
        + (values["outlet"], values["url"]),
    )


def finish_page(conn: sqlite3.Connection, key: str, path: str | None, record: str | None, pipeline: str) -> None:
    """Mark a page as stored by this pipeline version; an earlier rejection of it no longer holds."""
    conn.execute("INSERT OR REPLACE INTO pages (key, pipeline) VALUES (?, ?)", (key, pipeline))
    conn.execute("DELETE FROM rejects WHERE path = ? AND record = ?", (path or "", record or NO_RECORD))


def write_reject(conn: sqlite3.Connection, rejected: InputRejected) -> None:
    """Keep the latest reason an input was rejected (OUTPUT.md "Errors")."""
    conn.execute(
        "INSERT OR REPLACE INTO rejects (path, record, reason, message, seen) VALUES (?, ?, ?, ?, ?)",
        (rejected.path or "", rejected.record or NO_RECORD, rejected.reason, rejected.message, now()),
    )

"""The store: an embedded SQLite database of articles, entities, quotes, events and stories.

schema.sql     every table, in one readable place (migrations.py applies it, versioned)
db.py          connections: WAL, foreign keys, busy timeout; default ./sukien.db or $SUKIEN_DB
ingest.py      read → derive in worker processes (rows.py) → one writer (writer.py), kill-safe
folding.py     the folded form (no case, no diacritics, đ → d) the full-text index holds
search.py      FTS5 search, bm25 ranking, snippets in the original spelling
stories.py     near-duplicates by MinHash LSH kept in the database; eventfold.py counts events per story
queries.py     events, actors, stories, articles; related.py: related articles
export.py      csv, jsonl, parquet; gdelt.py: GDELT 2.0 event rows; plover.py: PLOVER records
api.py         `Store`, what `sukien.open(path)` returns; commands.py: the `sukien` commands
"""

from __future__ import annotations

from typing import Any

__all__ = ["Store", "StoreError"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the store pulls in numpy and datasketch, which `sukien --help` must not wait for.
    if name == "Store":
        from .api import Store

        return Store
    if name == "StoreError":
        from .migrations import StoreError

        return StoreError
    raise AttributeError(name)

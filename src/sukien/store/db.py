"""Connections to a store: WAL (readers never wait for the writer), foreign keys, a busy timeout.

The default database is `./sukien.db`, or the path in the environment variable `SUKIEN_DB`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .migrations import migrate

DEFAULT_DB = "sukien.db"
BUSY_TIMEOUT_MS = 30_000


def default_path() -> str:
    """The database to use when none is named: `$SUKIEN_DB`, else `./sukien.db`."""
    return os.environ.get("SUKIEN_DB") or DEFAULT_DB


def connect(path: str | os.PathLike[str] | None = None) -> sqlite3.Connection:
    """Open (creating and migrating if need be) the store at `path` and set it up for sukien."""
    target = Path(path if path is not None else default_path())
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: transactions are begun and committed explicitly (ingest.py), never implicitly.
    conn = sqlite3.connect(str(target), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # NORMAL is safe with WAL: a crash (even SIGKILL) never corrupts; only a power cut may lose the last commits.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of pages
    migrate(conn)
    return conn

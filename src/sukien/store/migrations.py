"""Schema versions, applied in order; `PRAGMA user_version` says which ones a database has.

Version 1 is `schema.sql`, the whole schema in one readable file. A later change is appended to
`MIGRATIONS` as a small SQL step (`ALTER TABLE ...`), and `schema.sql` is edited to match, so a new
database and a migrated one end the same.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files

from ..errors import SukienError


class StoreError(SukienError):
    """The database cannot be used: newer than this sukien, or an id that names no article."""


def _schema() -> str:
    return files("sukien.store").joinpath("schema.sql").read_text(encoding="utf-8")


# MIGRATIONS[n] takes a database from version n to n + 1: SQL text, or a function returning it.
MIGRATIONS: list = [_schema]
LATEST = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to the latest schema, each step in its own transaction; return the version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise StoreError(
            f"this database has schema version {version}, newer than this sukien knows ({LATEST}); "
            "upgrade sukien to open it"
        )
    for step in range(version, LATEST):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != step:
                conn.rollback()  # another process applied this step meanwhile
                continue
            sql = MIGRATIONS[step]() if callable(MIGRATIONS[step]) else MIGRATIONS[step]
            for statement in statements(sql):  # not executescript: it would commit half a step
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step + 1}")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    return LATEST


def statements(script: str) -> list[str]:
    """The complete statements of an SQL script, comments between them left out."""
    found, current = [], ""
    for line in script.splitlines(keepends=True):
        if not current.strip() and line.lstrip().startswith("--"):
            continue
        current += line
        if sqlite3.complete_statement(current):
            found.append(current.strip())
            current = ""
    return found

"""Ingest killed (SIGKILL) at random moments and run again ends with exactly the rows of a clean run;
readers see whole transactions while ingest writes (WAL)."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sukien.store.api import TABLES
from test_store_corpus import records, write_corpus

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc are POSIX")

UNSIGHTED = "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id)"
VOLATILE = {"ingested", "seen"}  # timestamps: the only columns that may differ between runs


def corpus(folder: Path) -> list[str]:
    """The test corpus plus variants of its records (other dates and places: other articles), and the samples."""
    paths = write_corpus(folder)
    more = []
    for number in range(1, 13):
        for record in records():
            text = record["text"].replace("12/3", f"{number}/5").replace("20/3", f"{number}/6")
            more.append({**record, "id": f"{record['id']}-{number}", "text": f"Bản tin số {number}.\n{text}"})
    (folder / "more.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in more), encoding="utf-8")
    samples = str(Path(__file__).resolve().parents[1] / "src" / "sukien" / "data" / "samples")
    return [*map(str, paths), str(folder / "more.jsonl"), samples]


def ingest_command(paths: list[str], db: Path) -> list[str]:
    return [sys.executable, "-m", "sukien", "ingest", *paths, "--db", str(db), "--workers", "2"]


def snapshot(db: Path) -> dict[str, list]:
    """Every row of every table, timestamps left out, in a fixed order; and what the full-text index finds."""
    conn = sqlite3.connect(db)
    tables = {}
    for table in TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in VOLATILE]
        quoted = ", ".join(f'"{c}"' for c in columns)
        tables[table] = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {quoted}").fetchall()
    tables["fts"] = conn.execute("SELECT rowid FROM fts WHERE fts MATCH '\"nga\"' ORDER BY rowid").fetchall()
    conn.close()
    return tables


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except OSError:
        return True


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker pids from /proc")
def test_killed_ingest_rerun_gives_exactly_the_rows_of_a_clean_run(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in")
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    started = time.monotonic()
    subprocess.run(ingest_command(paths, clean_db), check=True, capture_output=True)
    clean_seconds = time.monotonic() - started
    expected = snapshot(clean_db)
    assert len(expected["articles"]) == 5 + 4 * 12 + 7

    chance = random.Random(20240)
    workers: list[int] = []
    for _ in range(3):
        process = subprocess.Popen(
            ingest_command(paths, killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(chance.uniform(0.1, clean_seconds))
        workers += children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
    subprocess.run(ingest_command(paths, killed_db), check=True, capture_output=True)

    assert snapshot(killed_db) == expected
    deadline = time.monotonic() + 5
    while not all(gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(gone(pid) for pid in workers), "worker processes outlived their killed parent"


def test_readers_see_whole_transactions_while_ingest_writes(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "in")
    db = tmp_path / "live.db"
    process = subprocess.Popen(ingest_command(paths, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen, reads = [], 0
    try:
        while process.poll() is None or reads == 0:
            if not db.exists():
                time.sleep(0.02)
                continue
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                    continue
                conn.execute("BEGIN")
                articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                in_stories = conn.execute("SELECT coalesce(sum(size), 0) FROM stories").fetchone()[0]
                unsighted = conn.execute(UNSIGHTED).fetchone()[0]
                conn.execute("COMMIT")
            except sqlite3.OperationalError as error:  # the schema may still be in its first transaction
                if "no such table" not in str(error):
                    raise
                continue
            finally:
                conn.close()
            reads += 1
            assert in_stories == articles and unsighted == 0
            seen.append(articles)
            time.sleep(0.01)
    finally:
        process.wait(timeout=60)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    assert seen == sorted(seen) and seen[-1] == 5 + 4 * 12 + 7
    assert len(set(seen)) > 2, "the reader never saw ingest in progress"

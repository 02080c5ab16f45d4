"""How fast `sukien ingest` fills a store from the whole corpus, and the memory it takes, workers included.

Run from the repo root (the corpus defaults to ../shared/corpus/world_news.jsonl):

    python bench/ingest_speed.py                      # all records into a fresh database in a temporary folder
    python bench/ingest_speed.py --limit 2000         # the first 2,000 records only
    python bench/ingest_speed.py --db corpus.db       # keep the database (search_speed.py can use it)
    python bench/ingest_speed.py --workers 1 --json   # one worker process; one JSON object instead of a table

Runs `sukien ingest CORPUS --db DB` as a subprocess, exactly as a user would (start-up included), and samples
the summed RSS of it and its worker processes every 0.1 s from /proc: the peak is the figure checked against
1 GiB. Then opens the database and reports its rows, stories and folded events.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import DEFAULT_CORPUS, first_lines, machine, tree_rss_mib  # bench/ is on sys.path when a script runs

TARGET_ARTICLES_PER_S = 100
TARGET_PEAK_MIB = 1024


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="PATH", help="a JSONL corpus")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="use only the first N records")
    parser.add_argument("--db", type=Path, default=None, help="database to create (must not exist); default: temporary")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: sukien's own)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser.parse_args(argv)


class PeakSampler(threading.Thread):
    """Samples the RSS of a process tree until stopped; keeps the peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopped = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.peak = max(self.peak, tree_rss_mib(self.pid))
            self.stopped.wait(0.1)


def run_ingest(corpus: Path, db: Path, workers: int | None) -> dict:
    """`sukien ingest` over the corpus: wall seconds, exit status and peak RSS of the process tree."""
    command = [sys.executable, "-m", "sukien", "ingest", str(corpus), "--db", str(db)]
    command += ["--workers", str(workers)] if workers is not None else []
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakSampler(process.pid)
    sampler.start()
    _, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.stopped.set()
    sampler.join()
    return {"seconds": round(seconds, 2), "exit": process.returncode, "peak_rss_mib": sampler.peak,
            "summary": stderr.strip().splitlines()[-1] if stderr.strip() else ""}  # fmt: skip


def describe(db: Path) -> dict:
    """What the database holds: rows per table, stories of two or more, events before and after folding."""
    import sukien

    with sukien.open(db) as store:
        counts = store.counts()
        stories = store.conn.execute("SELECT count(*), coalesce(sum(size), 0) FROM stories WHERE size > 1").fetchone()
        folded = len(store.events())
        reports = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return {"rows": counts, "stories_2plus": stories[0], "articles_in_them": stories[1], "events": reports,
            "folded_events": folded, "db_mib": round(db.stat().st_size / 2**20, 1)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and print its figures."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        corpus = first_lines(args.corpus, args.limit, folder)
        db = args.db or Path(folder) / "bench.db"
        if db.exists():
            sys.exit(f"{db} exists; give a new path so the run starts from an empty database")
        result = run_ingest(corpus, db, args.workers)
        result.update(describe(db))
    articles = result["rows"]["articles"]
    result["articles_per_s"] = round(articles / result["seconds"], 1)
    result["machine"] = machine()
    result["met"] = result["articles_per_s"] >= TARGET_ARTICLES_PER_S and result["peak_rss_mib"] <= TARGET_PEAK_MIB
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"machine: {result['machine']}")
    print(f"ingest: {articles} articles in {result['seconds']} s = {result['articles_per_s']} articles/s "
          f"(target {TARGET_ARTICLES_PER_S}); peak RSS with workers {result['peak_rss_mib']} MiB "
          f"(target {TARGET_PEAK_MIB}); exit {result['exit']}")  # fmt: skip
    print(f"sukien says: {result['summary']}")
    print(f"database: {result['db_mib']} MiB; rows: {json.dumps(result['rows'])}")
    print(f"stories of 2+ articles: {result['stories_2plus']} ({result['articles_in_them']} articles); "
          f"events: {result['events']} reports, {result['folded_events']} after folding per story")  # fmt: skip
    print("targets met" if result["met"] else "TARGET NOT MET")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    main()

"""How fast `sukien search` answers over a store of the whole corpus: p50 and p95 per query.

Run from the repo root, on a database `ingest_speed.py` kept:

    python bench/ingest_speed.py --db corpus.db       # once: the whole corpus into corpus.db
    python bench/search_speed.py --db corpus.db       # the queries below, 5 rounds; a table on stdout
    python bench/search_speed.py --db corpus.db --rounds 20 --limit 10 --json

Each query runs through `Store.search` (FTS5 match, bm25, the top hits read back, snippets cut in Python),
as `sukien search` does, minus printing. The first round is timed apart (cold caches); p50 and p95 are over
all the other rounds' timings.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from _common import machine, rss_mib  # bench/ is on sys.path when a script runs

TARGET_P50_MS = 20
TARGET_P95_MS = 100

# Typical queries, as a reader would type them: with and without diacritics, one word to several,
# common words (many matches to rank) and rare ones, names, a phrase.
QUERIES = [
    "Nga", "Mỹ", "Trung Quốc", "đàm phán", "dam phan", "ĐÀM PHÁN", "dam phan Syria", "Iraq", "Saddam Hussein",
    "bầu cử tổng thống", "bau cu tong thong My", "tên lửa", "Triều Tiên hạt nhân", "trieu tien hat nhan",
    "Putin", "Bush Iraq", "khủng bố", "động đất sóng thần", "dong dat", "Arafat", "Israel Palestine",
    "lệnh ngừng bắn", "Liên hợp quốc", "NATO", "EU", "Nhật Bản", "Hàn Quốc", "Ukraine", "Covid-19", "vaccine",
    "biểu tình", "trừng phạt kinh tế", "giá dầu", "tổng thống Pháp", "thủ tướng Anh", "Afghanistan Taliban",
    "\"tên lửa đạn đạo\"", "\"Hội đồng Bảo an\"", "Iran hạt nhân", "Venezuela", "cúm gia cầm", "tin tặc",
]  # fmt: skip


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a database made by `sukien ingest`")
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs after the cold round")
    parser.add_argument("--limit", type=int, default=10, help="hits per query, as `sukien search --limit`")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser.parse_args(argv)


def timed(store, query: str, limit: int) -> tuple[float, int]:
    """Milliseconds one search takes, and its hits."""
    started = time.perf_counter()
    hits = store.search(query, limit=limit)
    return (time.perf_counter() - started) * 1000, len(hits)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main(argv: list[str] | None = None) -> None:
    """Run the queries and print the figures."""
    args = parse_args(argv)
    if not args.db.exists():
        sys.exit(f"no database at {args.db}; make one with: python bench/ingest_speed.py --db {args.db}")
    import sukien

    with sukien.open(args.db) as store:
        articles = store.counts()["articles"]
        cold = [timed(store, q, args.limit)[0] for q in QUERIES]
        warm: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(args.rounds):
            for query in QUERIES:
                warm[query].append(timed(store, query, args.limit)[0])
        matches = {q: store.count(q) for q in QUERIES}
    every = [ms for values in warm.values() for ms in values]
    result = {
        "articles": articles, "queries": len(QUERIES), "rounds": args.rounds, "limit": args.limit,
        "p50_ms": round(percentile(every, 0.5), 2), "p95_ms": round(percentile(every, 0.95), 2),
        "max_ms": round(max(every), 2), "cold_p50_ms": round(statistics.median(cold), 2),
        "cold_max_ms": round(max(cold), 2), "rss_mib": rss_mib(), "machine": machine(),
        "slowest": sorted(((round(statistics.median(v), 2), q, matches[q]) for q, v in warm.items()), reverse=True)[:5],
    }  # fmt: skip
    result["met"] = result["p50_ms"] < TARGET_P50_MS and result["p95_ms"] < TARGET_P95_MS
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"machine: {result['machine']}")
    print(f"{articles} articles, {len(QUERIES)} queries x {args.rounds} rounds, --limit {args.limit}")
    print(f"p50 {result['p50_ms']} ms (target < {TARGET_P50_MS}), p95 {result['p95_ms']} ms "
          f"(target < {TARGET_P95_MS}), max {result['max_ms']} ms")  # fmt: skip
    print(f"cold round: p50 {result['cold_p50_ms']} ms, max {result['cold_max_ms']} ms")
    for median, query, found in result["slowest"]:
        print(f"  slowest: {query!r}: {median} ms median, {found} matching articles")
    print("targets met" if result["met"] else "TARGET NOT MET")


if __name__ == "__main__":
    main()

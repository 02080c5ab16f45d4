"""How fast and how big sukien's extract stage is on a JSONL corpus, against a baseline.

Run from the repo root (the corpus defaults to ../shared/corpus/world_news.jsonl):

    python bench/extract_speed.py                  # all records, a table on stdout
    python bench/extract_speed.py --limit 2000     # the first 2,000 records only
    python bench/extract_speed.py --json           # one JSON object instead of the table

Passes, in one process, over the same records and in this order:

1. floor: read the file and json-parse each record (how much of the time is I/O and parsing);
2. sukien: the cleaning stage alone (read, clean, split), then the whole `extract_inputs([corpus])`
   (cleaning, entities, quotes, events), each article serialised as `sukien extract` does;
3. baseline: underthesea's `sent_tokenize` over each record's text (`pip install -e '.[bench]'`);
4. tracemalloc: the sukien pass again over the first 1,000 records only, since tracing slows
   Python down several times; its peak is Python allocations, not the process's RSS.

Peak RSS (`ru_maxrss`, KiB on Linux) is the process's high-water mark, read after each pass.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _common import DEFAULT_CORPUS, first_lines, machine  # bench/ is on sys.path when a script runs

TRACE_RECORDS = 1000
INSTALL_HINT = "pip install -e '.[bench]'"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="PATH", help="a JSONL corpus")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="use only the first N records")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser.parse_args(argv)


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The parsed records of a JSONL file."""
    with path.open("rb") as file:
        for line in file:
            if line.strip():
                yield json.loads(line)


def rates(result: dict[str, Any], seconds: float, n_records: int) -> dict[str, Any]:
    """`result` with its wall time and per-second rates added."""
    result["seconds"] = round(seconds, 3)
    result["records_per_s"] = round(n_records / seconds, 1) if seconds else None
    if "articles" in result:
        result["articles_per_s"] = round(result["articles"] / seconds, 1) if seconds else None
    result["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB→MiB
    return result


def floor_pass(path: Path) -> dict[str, Any]:
    """Read and json-parse every record, nothing else."""
    start = time.perf_counter()
    count = sum(1 for _ in records(path))
    return rates({"records": count}, time.perf_counter() - start, count)


def sukien_run(path: Path) -> dict[str, Any]:
    """One extract pass as `sukien extract` does it: articles and rejects serialised to JSON."""
    from sukien.errors import InputRejected
    from sukien.models import to_dict
    from sukien.pipeline import extract_inputs

    articles = rejects = chars = 0
    seen: set[str | None] = set()
    for item in extract_inputs([str(path)]):
        if isinstance(item, InputRejected):
            rejects += 1
            chars += len(json.dumps(item.to_dict(), ensure_ascii=False))
            continue
        articles += 1
        seen.add(item.input.record)
        chars += len(json.dumps(to_dict(item), ensure_ascii=False))
    return {"articles": articles, "rejects": rejects, "records_with_articles": len(seen), "output_chars": chars}


def clean_pass(path: Path, n_records: int) -> dict[str, Any]:
    """The cleaning stage alone (read, normalise, clean, split into articles), as it ran before later stages."""
    from sukien.cleaning import clean_page
    from sukien.models import Page
    from sukien.reading import read_inputs

    start = time.perf_counter()
    articles = sum(len(clean_page(page).articles) for page in read_inputs([str(path)]) if isinstance(page, Page))
    return rates({"articles": articles}, time.perf_counter() - start, n_records)


def sukien_pass(path: Path, n_records: int) -> dict[str, Any]:
    """The timed sukien pass, its import excluded (see `import_sukien`)."""
    start = time.perf_counter()
    return rates(sukien_run(path), time.perf_counter() - start, n_records)


def import_sukien() -> tuple[str, float]:
    """sukien's version and the seconds that importing sukien.pipeline took."""
    start = time.perf_counter()
    import sukien.pipeline  # trafilatura and friends load here

    return sukien.__version__, round(time.perf_counter() - start, 3)


def baseline_pass(path: Path, n_records: int) -> dict[str, Any]:
    """underthesea's sent_tokenize over each record's text, or why it was skipped."""
    start = time.perf_counter()
    try:
        import underthesea
        from underthesea import sent_tokenize
    except ImportError:
        return {"skipped": f"underthesea is not installed; install it with: {INSTALL_HINT}"}
    imported = time.perf_counter()
    sentences = sum(len(sent_tokenize(record.get("text") or "")) for record in records(path))
    result = rates({"sentences": sentences}, time.perf_counter() - imported, n_records)
    result.update(import_seconds=round(imported - start, 3), version=underthesea.__version__)
    return result


def traced_pass(path: Path, folder: str) -> dict[str, Any]:
    """The sukien pass under tracemalloc over the first TRACE_RECORDS records: peak Python allocations."""
    sample = first_lines(path, TRACE_RECORDS, folder)
    n_records = sum(1 for _ in records(sample))
    tracemalloc.start()
    try:
        sukien_run(sample)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"records": n_records, "tracemalloc_peak_mib": round(peak / 2**20, 1)}


def run(corpus: Path, limit: int | None) -> dict[str, Any]:
    """All passes; the report as one dict."""
    version, import_seconds = import_sukien()
    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as folder:
        path = first_lines(corpus, limit, folder)
        floor = floor_pass(path)
        n = floor["records"]
        report = {
            "machine": machine(),
            "sukien_version": version,
            "import_seconds": import_seconds,
            "corpus": str(corpus),
            "limit": limit,
            "records": n,
            "floor": floor,
            "clean": clean_pass(path, n),
            "sukien": sukien_pass(path, n),
            "baseline": baseline_pass(path, n),
            "traced": traced_pass(path, folder),
        }
    base = report["baseline"].get("records_per_s")
    ratio = report["sukien"]["records_per_s"] / base if base else None
    report["ratio_sukien_to_baseline"] = round(ratio, 3) if ratio else None
    return report


def render(report: dict[str, Any]) -> str:
    """The report as a readable table."""
    m, s, b, f, t = (report[key] for key in ("machine", "sukien", "baseline", "floor", "traced"))
    rows = [
        ("floor: read + json.loads", f),
        ("sukien: cleaning stage only", report["clean"]),
        ("sukien: extract + to_dict + json.dumps", s),
    ]
    if "skipped" not in b:
        rows.append((f"baseline: underthesea {b['version']} sent_tokenize", b))
    lines = [
        f"machine: {m['platform']}, {m['cpus']} CPUs, Python {m['python']}",
        f"corpus: {report['corpus']} ({report['records']} records)",
        "",
        f"{'pass':<42} {'seconds':>8} {'records/s':>10} {'articles/s':>11} {'peak RSS MiB':>13}",
    ]
    for name, r in rows:
        aps = f"{r['articles_per_s']:.1f}" if "articles_per_s" in r else "-"
        lines.append(
            f"{name:<42} {r['seconds']:>8.2f} {r['records_per_s']:>10.1f} {aps:>11} {r['peak_rss_mib']:>13.1f}"
        )
    lines += [
        "",
        f"sukien: {s['articles']} articles from {s['records_with_articles']} of {report['records']}"
        f" records, {s['rejects']} rejects; import {report['import_seconds']:.2f} s, not in the pass",
    ]
    if "skipped" in b:
        lines.append(f"baseline skipped: {b['skipped']}")
    else:
        ratio = report["ratio_sukien_to_baseline"]
        lines.append(
            f"ratio sukien/baseline (records/s): {ratio:.3f}"
            f" (sukien {'faster' if ratio >= 1 else 'slower'} by {max(ratio, 1 / ratio):.1f}x)"
        )
    lines.append(
        f"tracemalloc peak, sukien pass over the first {t['records']} records only "
        f"(tracing is slow): {t['tracemalloc_peak_mib']:.1f} MiB"
    )
    lines.append("peak RSS is the process high-water mark after each pass (ru_maxrss), so it only grows")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    if not args.corpus.is_file() or (args.limit is not None and args.limit < 1):
        print(f"need a corpus file (got {args.corpus}) and --limit of at least 1", file=sys.stderr)
        return 2
    report = run(args.corpus, args.limit)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

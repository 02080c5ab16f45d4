"""How fast sukien's whole pipeline is in one process, against underthesea's NER alone.

Run from the repo root (the corpus defaults to ../shared/corpus/world_news.jsonl):

    python bench/pipeline_speed.py                      # all records, a table on stdout
    python bench/pipeline_speed.py --limit 2000         # the first 2,000 records only
    python bench/pipeline_speed.py --json               # one JSON object instead of the table

In one process, in this order: (1) import sukien.pipeline and build one small article (loads every table),
timed apart; (2) sukien: `extract_inputs([corpus])`, each article serialised with `to_dict` + `json.dumps`
as `sukien extract` does; (3) that pass under tracemalloc over the first 500 records only; (4) underthesea's
`ner` alone over the sentences (`sukien.sentences`) of the articles sukien cleans from the first
`--baseline-limit` records (default 100; cleaning, splitting and loading its model not timed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from _common import (  # bench/ is on sys.path when a script runs
    DEFAULT_CORPUS,
    first_lines,
    has_baseline,
    machine,
    rss_mib,
)

TRACE_RECORDS = 500
TARGET_ARTICLES_PER_S = 150
WARM_UP = "Ông Putin gặp Tổng thống Mỹ tại Moskva hôm 3/5. Hai bên thảo luận về an ninh khu vực."


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="PATH", help="a JSONL corpus")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="use only the first N records")
    parser.add_argument("--baseline-limit", type=int, default=100, metavar="N", help="records for underthesea")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser.parse_args(argv)


def count_records(path: Path) -> int:
    """The non-blank lines of a JSONL file."""
    with path.open("rb") as file:
        return sum(1 for line in file if line.strip())


def with_rates(result: dict[str, Any], seconds: float) -> dict[str, Any]:
    """`result` with its seconds, per-second rates of what it counts and the peak RSS after it."""
    result["seconds"] = round(seconds, 3)
    for unit in ("records", "articles", "sentences"):
        if unit in result:
            result[f"{unit}_per_s"] = round(result[unit] / seconds, 1)
    result["rss_mib"] = rss_mib()
    return result


def load_sukien() -> dict[str, Any]:
    """Import sukien.pipeline, then build one article (loads every table): seconds of each, RSS after."""
    start = time.perf_counter()
    from sukien.pipeline import extract

    imported = time.perf_counter()
    extract(WARM_UP)
    loaded = time.perf_counter()
    seconds = {"import_s": round(imported - start, 3), "first_article_s": round(loaded - imported, 3)}
    return {**seconds, "rss_mib": rss_mib()}


def sukien_run(path: Path) -> dict[str, Any]:
    """The whole pipeline as `sukien extract` runs it; counts of what it produced."""
    from sukien.errors import InputRejected
    from sukien.models import to_dict
    from sukien.pipeline import extract_inputs

    counts = dict.fromkeys(("articles", "rejects", "entities", "quotes", "events", "output_chars"), 0)
    for item in extract_inputs([str(path)]):
        if isinstance(item, InputRejected):
            counts["rejects"] += 1
            counts["output_chars"] += len(json.dumps(item.to_dict(), ensure_ascii=False))
            continue
        counts["articles"] += 1
        for key in ("entities", "quotes", "events"):
            counts[key] += len(getattr(item, key))
        counts["output_chars"] += len(json.dumps(to_dict(item), ensure_ascii=False))
    return counts


def sukien_pass(path: Path, n_records: int) -> dict[str, Any]:
    """The timed pipeline pass: counts, seconds, rates and the peak RSS after it."""
    start = time.perf_counter()
    result = sukien_run(path)
    return with_rates({"records": n_records, **result}, time.perf_counter() - start)


def traced_pass(corpus: Path, folder: str) -> dict[str, Any]:
    """The pipeline pass under tracemalloc over the first TRACE_RECORDS records: peak Python allocations."""
    sample = first_lines(corpus, TRACE_RECORDS, folder)
    tracemalloc.start()
    try:
        articles = sukien_run(sample)["articles"]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {"records": count_records(sample), "articles": articles, "tracemalloc_peak_mib": round(peak / 2**20, 1)}


def baseline_pass(corpus: Path, limit: int, folder: str) -> dict[str, Any]:
    """underthesea's ner over each sentence of the articles sukien cleans from the first `limit` records."""
    from sukien.errors import InputRejected
    from sukien.pipeline import extract_inputs
    from sukien.sentences import split_sentences

    items = extract_inputs([str(first_lines(corpus, limit, folder))])  # untimed, as is the splitting
    texts = [item.text for item in items if not isinstance(item, InputRejected)]
    sentences = [sentence.text for text in texts for sentence in split_sentences(text)]
    start = time.perf_counter()
    import underthesea
    from underthesea import ner

    ner(WARM_UP)  # loads the model
    loaded = time.perf_counter()
    for sentence in sentences:
        ner(sentence)
    counts = {"version": underthesea.__version__, "load_s": round(loaded - start, 3), "records": limit}
    return with_rates({**counts, "articles": len(texts), "sentences": len(sentences)}, time.perf_counter() - loaded)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """All passes; the report as one dict."""
    report: dict[str, Any] = {"machine": machine(), "corpus": str(args.corpus), "limit": args.limit}
    report["load"] = load_sukien()
    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as folder:
        path = first_lines(args.corpus, args.limit, folder)
        report["sukien"] = sukien_pass(path, count_records(path))
        report["traced"] = traced_pass(path, folder)
        report["baseline"] = baseline_pass(path, min(args.baseline_limit, report["sukien"]["records"]), folder)
    ours, theirs = report["sukien"]["articles_per_s"], report["baseline"]["articles_per_s"]
    report["ratio_articles_per_s"] = round(ours / theirs, 1)
    report["target"] = {"articles_per_s": TARGET_ARTICLES_PER_S, "met": ours >= TARGET_ARTICLES_PER_S}
    return report


def render(report: dict[str, Any]) -> str:
    """The report as a readable table."""
    m, load, s, b, t = (report[key] for key in ("machine", "load", "sukien", "baseline", "traced"))
    row = "{:<44} {:>8} {:>9} {:>8} {:>10} {:>10} {:>8}"
    keys = ("records", "articles", "seconds", "records_per_s", "articles_per_s", "rss_mib")
    lines = [
        f"machine: {m['platform']}, {m['cpus']} CPUs, Python {m['python']}; underthesea {b['version']}",
        f"corpus: {report['corpus']}",
        "",
        row.format("pass", "records", "articles", "seconds", "records/s", "articles/s", "RSS MiB"),
    ]
    for name, r in (("sukien: extract_inputs + to_dict + json.dumps", s), ("underthesea ner alone, by sentence", b)):
        lines.append(row.format(name, *(r.get(key, "-") for key in keys)))
    lines += [
        "",
        f"sukien produced {s['entities']} entities, {s['quotes']} quotes, {s['events']} events;"
        f" {s['rejects']} rejects; {s['output_chars']} output characters",
        f"underthesea: {b['sentences']} sentences, {b['sentences_per_s']:.1f} sentences/s",
        f"ratio sukien / underthesea (articles/s): {report['ratio_articles_per_s']}",
        f"target: sukien >= {report['target']['articles_per_s']} articles/s:"
        f" {'met' if report['target']['met'] else 'NOT met'}",
        f"loading, not timed above: import sukien.pipeline {load['import_s']:.2f} s, first article"
        f" {load['first_article_s']:.2f} s ({load['rss_mib']} MiB RSS); underthesea import + first ner"
        f" {b['load_s']:.2f} s",
        f"tracemalloc peak, sukien over the first {t['records']} records ({t['articles']} articles):"
        f" {t['tracemalloc_peak_mib']:.1f} MiB",
        "peak RSS is the process high-water mark after each pass (ru_maxrss), so it only grows",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    limits = [args.baseline_limit] + ([] if args.limit is None else [args.limit])
    if not args.corpus.is_file() or min(limits) < 1:
        print(f"need a corpus file (got {args.corpus}) and limits of at least 1", file=sys.stderr)
        return 2
    if not has_baseline():
        return 2
    report = run(args)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

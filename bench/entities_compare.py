"""How well and how fast sukien finds entities, side by side with underthesea's bundled NER.

Run from the repo root (inputs default to ../shared/dev, ../shared/samples, ../shared/corpus/world_news.jsonl):

    python bench/entities_compare.py               # dev gold quality + speed over 1,000 corpus articles
    python bench/entities_compare.py --limit 200   # time sukien over the first 200 articles only
    python bench/entities_compare.py --json        # one JSON object instead of the table

In one process, in this order: (1) load sukien's actor base and automaton, then underthesea's model, timed
apart with the peak RSS after each; (2) quality on the dev gold: each gold article's title + body through
`extract_entities` and through underthesea's `ner` (sentence by sentence, split by `sukien.sentences`),
scored on distinct (text, type) pairs per article, plus `sukien eval`'s scores of sukien end to end on the
dev inputs; (3) speed: `extract_entities` over the cleaned text of the first N corpus articles (cleaning
not timed) and `ner` over the sentences of the first 100 of them. underthesea is imported after (1).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import islice, product
from pathlib import Path
from typing import Any

from _common import SHARED, has_baseline, machine, rss_mib  # bench/ is on sys.path when a script runs
from sukien.actorbase import load_base
from sukien.errors import InputRejected
from sukien.evaluation import evaluate, load_jsonl
from sukien.linking import extract_entities
from sukien.models import to_dict
from sukien.pipeline import build_articles, extract_inputs
from sukien.reading import read_inputs
from sukien.recognition import _automaton
from sukien.scoring import compare, gold_view, predicted_view, prf
from sukien.sentences import split_sentences

UNDERTHESEA_ARTICLES = 100
PLACES = ("GPE", "LOC")
NER_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}  # MISC is skipped
MODES = {"typed": "typed (strict)", "typed_place": "typed, GPE = LOC", "spans": "span only"}
SYSTEMS = ("sukien", "underthesea")
WARM_UP = "Ông Putin gặp Tổng thống Mỹ tại Moskva."


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=SHARED / "dev", metavar="DIR", help="gold.jsonl, records.jsonl")
    parser.add_argument("--samples", type=Path, default=SHARED / "samples", metavar="DIR", help="the sample pages")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "world_news.jsonl", metavar="PATH")
    parser.add_argument("--limit", type=int, default=1000, metavar="N", help="corpus articles timed for sukien")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    return parser.parse_args(argv)


def timed(function: Callable[..., Any], *args: Any) -> float:
    """The seconds `function(*args)` took, rounded."""
    start = time.perf_counter()
    function(*args)
    return round(time.perf_counter() - start, 3)


def load_sukien() -> dict[str, Any]:
    """Load sukien's actor base and automaton once: seconds and peak RSS of each step (imports done)."""
    report: dict[str, Any] = {"rss_imports_mib": rss_mib()}
    report.update(base_s=timed(load_base), rss_base_mib=rss_mib(), automaton_s=timed(_automaton))
    report.update(first_call_s=timed(extract_entities, WARM_UP), rss_loaded_mib=rss_mib())  # cue tables and more
    return report


def load_underthesea() -> dict[str, Any]:
    """Import underthesea and load its NER model with a first call: seconds and peak RSS."""
    import_s = timed(__import__, "underthesea")
    from underthesea import __version__, ner

    return {"version": __version__, "import_s": import_s, "first_call_s": timed(ner, WARM_UP), "rss_mib": rss_mib()}


def bio_entities(tagged: Iterable[tuple[str, ...]]) -> list[dict[str, str]]:
    """Entities from underthesea's (word, pos, chunk, BIO tag) tuples; an I- that continues nothing opens one."""
    spans: list[tuple[str, list[str]]] = []
    previous = "O"
    for word, *_, tag in tagged:
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and previous[2:] == kind:
            spans[-1][1].append(word)
        elif prefix in ("B", "I"):
            spans.append((kind, [word]))
        previous = tag
    return [
        {"text": " ".join(words).replace("_", " "), "type": NER_TYPES[kind]}
        for kind, words in spans
        if kind in NER_TYPES
    ]


def system_entities(system: str, article: dict[str, Any]) -> list[dict[str, Any]]:
    """One system's entities of a gold article: sukien's as records with their actor, underthesea's by sentence."""
    from underthesea import ner

    text = "\n".join(([article["title"]] if article.get("title") is not None else []) + list(article["body"]))
    if system == "sukien":
        return [to_dict(entity) for entity in extract_entities(text, published=article.get("published"))]
    return [entity for sentence in split_sentences(text) for entity in bio_entities(ner(sentence.text))]


def placed(predicted: Iterable[tuple[str, str]], gold: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Predicted pairs with GPE and LOC interchangeable: a place takes the place type gold gives its text."""
    gold, found = set(gold), set()
    for text, kind in predicted:
        if kind in PLACES and (text, kind) not in gold:
            kind = next((other for other in PLACES if (text, other) in gold), kind)
        found.add((text, kind))
    return found


def article_counts(article: dict[str, Any], entities: list[dict[str, Any]]) -> Counter[str]:
    """The counts of one gold article against one system's entities (sukien.scoring does typed and linking)."""
    gold, predicted = gold_view(article), predicted_view({"entities": entities})
    counts = Counter(
        {
            key.replace("entities.", "typed."): value
            for key, value in compare(gold, predicted).items()
            if key.startswith(("entities.", "linking."))
        }
    )
    counts.update(prf("typed_place", gold.entities, placed(predicted.entities, gold.entities)))
    counts.update(prf("spans", {text for text, _ in gold.entities}, {text for text, _ in predicted.entities}))
    return counts


def ratio(top: int, bottom: int) -> float | None:
    """top / bottom to three places, None for an empty bottom."""
    return round(top / bottom, 3) if bottom else None


def scores(counts: Counter[str]) -> dict[str, Any]:
    """Precision, recall and F1 of each mode, and linking accuracy, with the counts behind them."""
    report: dict[str, Any] = {"counts": dict(counts)}
    report["linking"] = ratio(counts["linking.correct"], counts["linking.found"])
    for mode in MODES:
        tp, gold, pred = (counts[f"{mode}.{part}"] for part in ("tp", "gold", "pred"))
        report[mode] = {"precision": ratio(tp, pred), "recall": ratio(tp, gold), "f1": ratio(2 * tp, gold + pred)}
    return report


def quality(dev: Path, samples: Path) -> dict[str, Any]:
    """Both systems on the gold articles' own text, and sukien end to end on the dev inputs."""
    gold = load_jsonl(dev / "gold.jsonl")
    articles = [article for document in gold for article in document["articles"]]
    counts = {system: Counter() for system in SYSTEMS}
    for article, system in product(articles, SYSTEMS):
        counts[system].update(article_counts(article, system_entities(system, article)))
    inputs = [str(dev / "records.jsonl"), str(samples)]
    end = evaluate(gold, [to_dict(item) for item in extract_inputs(inputs) if not isinstance(item, InputRejected)])
    names = ("entities.precision", "entities.recall", "entities.f1", "linking.accuracy")
    return {
        "documents": len(gold),
        "articles": len(articles),
        **{system: scores(counts[system]) for system in SYSTEMS},
        "end_to_end": {name: round(end.scores[name], 3) for name in names},
    }


def corpus_articles(corpus: Path, limit: int) -> list[Any]:
    """The first `limit` articles `build_articles` makes of the corpus (untimed: cleaning is not measured)."""
    pages = (page for page in read_inputs([str(corpus)]) if not isinstance(page, InputRejected))
    return list(islice((article for page in pages for article in build_articles(page)), limit))


def speed(name: str, articles: list[Any]) -> dict[str, Any]:
    """One system over the articles: sukien's extract_entities per article, underthesea's ner per sentence."""
    from underthesea import ner

    sentences = [sentence.text for article in articles for sentence in split_sentences(article.text)]
    start = time.perf_counter()
    if name == "sukien":
        for article in articles:
            extract_entities(article.text, published=article.published)
    else:
        for sentence in sentences:
            ner(sentence)
    seconds = time.perf_counter() - start
    return {
        "articles": len(articles),
        "sentences": len(sentences),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(articles) / seconds, 1),
        "sentences_per_s": round(len(sentences) / seconds, 1),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """All passes; the report as one dict."""
    report = {
        "machine": machine(),
        "sukien_load": load_sukien(),
        "underthesea_load": load_underthesea(),
        "quality": quality(args.dev, args.samples),
    }
    articles = corpus_articles(args.corpus, args.limit)
    ours, theirs = speed("sukien", articles), speed("underthesea", articles[:UNDERTHESEA_ARTICLES])
    report["speed"] = {
        "corpus": str(args.corpus),
        "sukien": ours,
        "underthesea": theirs,
        "ratio_sentences_per_s": round(ours["sentences_per_s"] / theirs["sentences_per_s"], 1),
    }
    report["peak_rss_mib"] = rss_mib()
    return report


def quality_lines(q: dict[str, Any]) -> list[str]:
    """The quality part of the table."""
    lines = [
        f"quality: dev gold, {q['documents']} documents, {q['articles']} articles, "
        f"{q['sukien']['counts']['typed.gold']} gold (text, type) pairs; input: each gold article's title + body",
        "",
        f"{'entities, distinct (text, type) per article':<44} {'sukien P / R / F1':>19}   "
        f"{'underthesea P / R / F1':>22}",
    ]
    for mode, label in MODES.items():
        cells = [
            " / ".join(f"{q[system][mode][part]:.2f}" for part in ("precision", "recall", "f1"))
            for system in ("sukien", "underthesea")
        ]
        lines.append(f"{label:<44} {cells[0]:>19}   {cells[1]:>22}")
    counts, end = q["sukien"]["counts"], q["end_to_end"]
    return lines + [
        f"{'linking (country/org of found gold entities)':<44} {q['sukien']['linking']:>19.2f}   {'-':>22}",
        "",
        "typed, GPE = LOC: a predicted GPE or LOC takes the place type gold gives the same text; underthesea has no"
        " GPE (it tags every place LOC), so this is its typed score. Its MISC is skipped.",
        f"linking: {counts['linking.correct']} of {counts['linking.found']} gold entities found (typed, strict)",
        f"sukien end to end (its own cleaning of records.jsonl + samples, scored as `sukien eval`): entities P / R / F1"
        f" {end['entities.precision']:.2f} / {end['entities.recall']:.2f} / {end['entities.f1']:.2f},"
        f" linking {end['linking.accuracy']:.2f}",
    ]


def render(report: dict[str, Any]) -> str:
    """The report as a readable table."""
    m, ours, theirs, speeds = (report[k] for k in ("machine", "sukien_load", "underthesea_load", "speed"))
    lines = [f"machine: {m['platform']}, {m['cpus']} CPUs, Python {m['python']}; underthesea {theirs['version']}", ""]
    lines += quality_lines(report["quality"]) + [
        "",
        f"speed: {speeds['corpus']}",
        "",
        f"{'system':<24} {'articles':>8} {'sentences':>9} {'seconds':>8} {'articles/s':>10} {'sentences/s':>11}",
    ]
    for name, label in (("sukien", "sukien extract_entities"), ("underthesea", "underthesea ner")):
        r = speeds[name]
        lines.append(
            f"{label:<24} {r['articles']:>8} {r['sentences']:>9} {r['seconds']:>8.2f} "
            f"{r['articles_per_s']:>10.1f} {r['sentences_per_s']:>11.1f}"
        )
    return "\n".join(
        lines
        + [
            "",
            f"ratio sukien / underthesea (sentences/s): {speeds['ratio_sentences_per_s']}",
            f"loading, not timed above: load_base {ours['base_s']:.2f} s,"
            f" automaton {ours['automaton_s']:.2f} s, first extract_entities {ours['first_call_s']:.2f} s;"
            f" import underthesea {theirs['import_s']:.2f} s, first ner {theirs['first_call_s']:.2f} s",
            f"peak RSS (ru_maxrss): {ours['rss_imports_mib']} MiB after sukien's imports,"
            f" {ours['rss_base_mib']} MiB after"
            f" load_base, {ours['rss_loaded_mib']} MiB loaded; {theirs['rss_mib']} MiB with underthesea;"
            f" {report['peak_rss_mib']} MiB at the end",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report."""
    args = parse_args(argv)
    needed = [args.dev / "gold.jsonl", args.dev / "records.jsonl", args.corpus]
    if any(not path.is_file() for path in needed) or not args.samples.is_dir() or args.limit < 1:
        print(f"need {', '.join(map(str, needed))}, the folder {args.samples} and --limit >= 1", file=sys.stderr)
        return 2
    if not has_baseline():
        return 2
    report = run(args)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score predicted article records (OUTPUT.md) against a gold file (GOLD.md).

Every score is a ratio of counts summed over the documents of the gold file (micro-average). A prediction
belongs to the gold document whose `doc` is its `input.record`, or else the file name of its `input.path`.
Inside a document, gold and predicted articles are paired one-to-one by the body lines they share; the
per-pair comparison lives in `scoring`.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from sukien.scoring import View, compare, gold_view, predicted_view


def _prf(name: str) -> dict[str, tuple[int, str, tuple[str, ...]]]:
    tp, gold, pred = f"{name}.tp", f"{name}.gold", f"{name}.pred"
    return {
        f"{name}.precision": (1, tp, (pred,)),
        f"{name}.recall": (1, tp, (gold,)),
        f"{name}.f1": (2, tp, (gold, pred)),  # 2·tp / (gold + pred), the harmonic mean of the two above
    }


# Every score as factor · numerator / sum(denominators), all named counts: the one place that defines them.
SCORES: dict[str, tuple[int, str, tuple[str, ...]]] = {
    **_prf("cleaning"),
    "split.accuracy": (1, "split.correct", ("split.docs",)),
    "titles.accuracy": (1, "titles.correct", ("titles.gold",)),
    **_prf("entities"),
    "linking.accuracy": (1, "linking.correct", ("linking.found",)),
    "quotes.accuracy": (1, "quotes.correct", ("quotes.gold",)),
    **_prf("events"),
    **_prf("dyads"),
    **_prf("events_untargeted"),
    "dates.accuracy": (1, "dates.correct", ("dates.gold",)),
}
COUNTS = tuple(dict.fromkeys(name for _, top, bottom in SCORES.values() for name in (top, *bottom)))


@dataclass(frozen=True)
class Report:
    """The scores of one evaluation and the counts behind them."""

    scores: dict[str, float]
    counts: dict[str, int]

    def to_dict(self) -> dict:
        """The report as JSON-ready data."""
        return {"scores": dict(self.scores), "counts": dict(self.counts)}


def evaluate(gold: Iterable[dict], predictions: Iterable[dict]) -> Report:
    """Score predicted article records against gold documents."""
    documents = _gold_documents(gold)
    predicted = _predicted_documents(predictions)
    counts: Counter[str] = Counter(dict.fromkeys(COUNTS, 0))
    for doc, record in documents.items():
        counts.update(score_document(record.get("articles") or [], predicted.get(doc, [])))
    return Report(scores=_scores(counts), counts={name: counts[name] for name in COUNTS})


def load_jsonl(path: str | Path) -> list[dict]:
    """Read a JSON Lines file, skipping blank lines and error records."""
    records = []
    with Path(path).open(encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not a JSON line ({error.msg})") from error
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: not a JSON object")
            if "error" not in record:  # a rejected input (OUTPUT.md "Errors") is no prediction
                records.append(record)
    return records


def _gold_documents(gold: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    documents: dict[str, Mapping[str, Any]] = {}
    for record in gold:
        if record["doc"] in documents:
            raise ValueError(f"gold document {record['doc']!r} appears twice")
        documents[record["doc"]] = record
    return documents


def document_key(record: Mapping[str, Any]) -> str | None:
    """The gold `doc` a prediction belongs to: its record id, else its file's name."""
    source = record.get("input") or {}
    if source.get("record") is not None:
        return source["record"]
    return PurePath(source["path"]).name if source.get("path") else None


def _predicted_documents(predictions: Iterable[Mapping[str, Any]]) -> dict[str | None, list]:
    # Documents gold does not hold are collected too, and simply never looked up.
    found: dict[str | None, list] = defaultdict(list)
    for record in predictions:
        if "error" not in record:  # a rejected input (OUTPUT.md "Errors") is no prediction
            found[document_key(record)].append(record)
    for records in found.values():
        records.sort(key=lambda record: (record.get("input") or {}).get("index") or 0)
    return found


def score_document(gold: list[Mapping[str, Any]], predicted: list[Mapping[str, Any]]) -> Counter[str]:
    """The counts of one gold document against its predicted articles (in input order)."""
    gold_views = [gold_view(article) for article in gold]
    predicted_views = [predicted_view(record) for record in predicted]
    counts = _cleaning(gold_views, predicted_views)
    pairs = align(gold_views, predicted_views)
    for index, view in enumerate(gold_views):
        counts.update(compare(view, predicted_views[pairs[index]] if index in pairs else None))
    for index in set(range(len(predicted_views))) - set(pairs.values()):
        counts.update(compare(None, predicted_views[index]))
    return counts


def _cleaning(gold: list[View], predicted: list[View]) -> Counter[str]:
    # Lines are pooled per document: a line put in the wrong article was still cleaned right.
    gold_lines = sum((view.body for view in gold), Counter())
    predicted_lines = sum((view.body for view in predicted), Counter())
    return Counter(
        {
            "cleaning.tp": (gold_lines & predicted_lines).total(),
            "cleaning.gold": gold_lines.total(),
            "cleaning.pred": predicted_lines.total(),
            "split.docs": 1,
            "split.correct": int(len(gold) == len(predicted)),
        }
    )


def align(gold: list[View], predicted: list[View]) -> dict[int, int]:
    """Pair gold and predicted articles one-to-one, most shared body lines first, ties in order."""
    candidates = sorted(
        (-(g.body & p.body).total(), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(predicted)
    )
    pairs: dict[int, int] = {}
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in pairs.values():
            pairs[gi] = pi
    return pairs


def _scores(counts: Mapping[str, int]) -> dict[str, float]:
    return {name: _ratio(counts, *parts) for name, parts in SCORES.items()}


def _ratio(counts: Mapping[str, int], factor: int, top: str, bottom: tuple[str, ...]) -> float:
    denominator = sum(counts[name] for name in bottom)
    return factor * counts[top] / denominator if denominator else 0.0


def _defined(report: Report, name: str) -> bool:
    """Whether a score had anything to count: a zero denominator reads n/a."""
    if name not in SCORES:  # a score this module does not define: nothing to say it is empty
        return True
    return sum(report.counts.get(part, 0) for part in SCORES[name][2]) > 0


def _fraction(report: Report, name: str) -> str:
    if name not in SCORES:
        return ""
    factor, top, bottom = SCORES[name]
    counts = [report.counts.get(part, 0) for part in bottom]
    numerator = f"{factor}*{report.counts.get(top, 0)}" if factor != 1 else str(report.counts.get(top, 0))
    denominator = "+".join(map(str, counts))
    return f"{numerator}/({denominator})" if len(counts) > 1 else f"{numerator}/{denominator}"


def render_table(report: Report) -> str:
    """The report as an aligned plain-text table: metric, score, and the counts behind it."""
    rows = [("metric", "score", "counts")]
    for name, value in report.scores.items():
        shown = f"{value:.3f}" if _defined(report, name) else "n/a"
        rows.append((name, shown, _fraction(report, name)))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [f"{a:<{widths[0]}}  {b:>{widths[1]}}  {c}".rstrip() for a, b, c in rows]
    return "\n".join(lines)


def check_minimums(report: Report, minimums: Mapping[str, float]) -> list[str]:
    """One message for each score below its minimum, and for each minimum naming no score."""
    messages = []
    for name, minimum in minimums.items():
        if name not in report.scores:
            messages.append(f"{name}: no such score (known: {', '.join(report.scores)})")
        elif report.scores[name] < minimum:
            shown = f"{report.scores[name]:.3f}" if _defined(report, name) else "n/a (nothing to count)"
            messages.append(f"{name} = {shown}, below its minimum {minimum:.3f} ({_fraction(report, name)})")
    return messages

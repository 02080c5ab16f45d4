"""How listing commands print records: an aligned table, CSV or JSON Lines, all with the same columns."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")
MAX_CELL = 60  # characters of a table cell; CSV and JSON are never cut


def cell(value: Any) -> str:
    """A value as one line of text: lists joined by ", ", actors by name, None as empty."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or json.dumps(value, ensure_ascii=False))
    if isinstance(value, (list, tuple)):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value).replace("\n", " ")


def emit(
    records: Sequence[dict],
    columns: Sequence[str | tuple[str, Callable[[dict], Any]]],
    fmt: str,
    stream: TextIO | None = None,
) -> None:
    """Print records in `fmt`: `columns` pick what a table and CSV show; JSON gives the whole records."""
    stream = stream or sys.stdout
    if fmt == "json":
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    names = [c if isinstance(c, str) else c[0] for c in columns]
    getters = [(lambda r, n=c: r.get(n)) if isinstance(c, str) else c[1] for c in columns]
    rows = [[cell(get(record)) for get in getters] for record in records]
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return
    stream.write(table(names, rows))


def table(names: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell (cut at MAX_CELL characters), a header line first."""
    cut = [[value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…" for value in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cut]) for i, name in enumerate(names)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(names, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cut]
    return "\n".join(lines) + "\n"

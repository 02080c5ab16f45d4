"""Exports: the store's tables as CSV or Parquet, articles as JSON Lines, events as GDELT or PLOVER.

Flat tables (csv, parquet) name a nested OUTPUT.md field by its path with dots (`input.path`,
`actor.country`, `evidence.start`) and hold lists as JSON text. `jsonl` writes each article as the
whole OUTPUT.md record. Events in the flat tables are one row per report, with `story_id`; `gdelt`
and `plover` write them folded per story (eventfold.py).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from . import gdelt, plover, queries

BATCH = 5000

# table → [(column name, SQL expression, kind)]; kind is str, int, float or bool.
TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "articles": ("articles a", [
        ("id", "a.id", "str"), ("input.path", "a.input_path", "str"), ("input.record", "a.input_record", "str"),
        ("input.index", "a.input_index", "int"), ("title", "a.title", "str"), ("text", "a.text", "str"),
        ("captions", "a.captions", "str"), ("outlet", "a.outlet", "str"), ("authors", "a.authors", "str"),
        ("sources", "a.sources", "str"), ("published", "a.published", "str"),
        ("published_basis", "a.published_basis", "str"), ("language", "a.language", "str"), ("url", "a.url", "str"),
        ("story_id", "a.story_id", "str"), ("pipeline", "a.pipeline", "str"),
    ]),
    "entities": ("entities e", [
        ("article_id", "e.article_id", "str"), ("text", "e.text", "str"), ("start", "e.start", "int"),
        ("end", 'e."end"', "int"), ("type", "e.type", "str"), ("actor.id", "e.actor_id", "str"),
        ("actor.name", "e.actor_name", "str"), ("actor.country", "e.actor_country", "str"),
        ("actor.org", "e.actor_org", "str"), ("actor.sector", "e.actor_sector", "str"),
        ("actor.wikidata", "e.actor_wikidata", "str"),
    ]),
    "quotes": ("quotes q", [
        ("article_id", "q.article_id", "str"), ("text", "q.text", "str"), ("start", "q.start", "int"),
        ("end", 'q."end"', "int"),
        *[(f"speaker.{k}", f"json_extract(q.speaker, '$.{k}')", "str")
          for k in ("id", "name", "country", "org", "sector", "wikidata")],
        ("speaker_text", "q.speaker_text", "str"),
    ]),
    "events": ("events v JOIN articles a ON a.id = v.article_id", [
        ("id", "v.id", "str"), ("article_id", "v.article_id", "str"), ("story_id", "a.story_id", "str"),
        ("type", "v.type", "str"), ("mode", "v.mode", "str"), ("context", "v.context", "str"),
        ("source", "v.source", "str"), ("target", "v.target", "str"), ("date", "v.date", "str"),
        ("date_precision", "v.date_precision", "str"),
        ("location.name", "json_extract(v.location, '$.name')", "str"),
        ("location.country", "json_extract(v.location, '$.country')", "str"),
        ("location.lat", "json_extract(v.location, '$.lat')", "float"),
        ("location.lon", "json_extract(v.location, '$.lon')", "float"),
        ("dead", "v.dead", "int"), ("injured", "v.injured", "int"), ("cameo", "v.cameo", "str"),
        ("goldstein", "v.goldstein", "float"), ("negated", "v.negated", "bool"), ("modality", "v.modality", "str"),
        ("evidence.start", "v.evidence_start", "int"), ("evidence.end", "v.evidence_end", "int"),
    ]),
}  # fmt: skip
FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")


def export(store, out: Path, *, format: str) -> list[Path]:
    """Write the store into folder `out` in one format; returns the files written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    if format == "jsonl":
        return [_write_jsonl(out / "articles.jsonl", _article_records(store.conn))]
    if format == "gdelt":
        return [gdelt.write(store.conn, out / "events.gdelt.tsv")]
    if format == "plover":
        return [_write_jsonl(out / "events.plover.jsonl", plover.records(store.conn))]
    return [_write_table(store.conn, name, out, format) for name in TABLES]


def _rows(conn, name: str) -> Iterator[tuple]:
    source, columns = TABLES[name]
    order = "a.num" if name == "articles" else ("v.article_id, v.idx" if name == "events" else "1, 2")
    yield from conn.execute(f"SELECT {', '.join(c[1] for c in columns)} FROM {source} ORDER BY {order}")


def _write_table(conn, name: str, out: Path, format: str) -> Path:
    columns = TABLES[name][1]
    path = out / f"{name}.{format}"
    if format == "csv":
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow([c[0] for c in columns])
            writer.writerows(_rows(conn, name))
        return path
    _write_parquet(path, columns, _rows(conn, name))
    return path


def _write_parquet(path: Path, columns: list[tuple[str, str, str]], rows: Iterator[tuple]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    schema = pa.schema([(name, types[kind]) for name, _, kind in columns])
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(_table(schema, columns, batch))
                batch = []
        writer.write_table(_table(schema, columns, batch))


def _table(schema, columns: list[tuple[str, str, str]], batch: list[tuple]):
    import pyarrow as pa

    values = list(zip(*batch, strict=True)) if batch else [() for _ in columns]
    arrays = [
        pa.array([None if v is None else bool(v) for v in column] if kind == "bool" else list(column), type=field.type)
        for (_, _, kind), column, field in zip(columns, values, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _article_records(conn) -> Iterator[dict]:
    for (article_id,) in conn.execute("SELECT id FROM articles ORDER BY num").fetchall():
        yield queries.article(conn, article_id)


def _write_jsonl(path: Path, records) -> Path:
    with path.open("w", encoding="utf-8") as file:
        for record in records:
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path

"""The store's commands: ingest, search, events, actors (lookup and --top), stories, article, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sukien.cli import main
from sukien.store import Store
from sukien.store.gdelt import COLUMNS, quad_class
from test_store_corpus import STRIKE_TITLE, TALKS_TITLE, write_corpus


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def json_lines(*args: str) -> list[dict]:
    return [json.loads(line) for line in run(*args).stdout.splitlines()]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli")
    paths = write_corpus(folder / "in")
    path = str(folder / "news.db")
    result = run("ingest", *map(str, paths), "--samples", "--db", path, "--workers", "0")
    assert result.exit_code == 0, result.output
    return path


def test_ingest_reports_what_it_stored_and_exits_1_when_an_input_is_rejected(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "in", with_bad=True)
    result = run("ingest", *map(str, paths), "--db", str(tmp_path / "r.db"), "--workers", "0")
    assert result.exit_code == 1
    errors = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert {e["error"]["reason"] for e in errors} == {"bad_record", "empty"}
    assert "5 articles (5 new" in result.stderr and "2 rejected" in result.stderr


def test_ingest_needs_an_input() -> None:
    assert run("ingest", "--db", "x.db").exit_code == 2


def test_the_db_comes_from_sukien_db_when_not_given(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUKIEN_DB", db)
    result = run("search", "Bình Nhưỡng", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout.splitlines()[0])["title"]


def test_a_query_on_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    result = run("search", "Nga", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "sukien ingest" in result.output
    assert not (tmp_path / "none.db").exists()


def test_search_prints_titles_and_snippets_or_json(db: str) -> None:
    text = run("search", "dam phan vien tro", "--db", db)
    assert text.exit_code == 0 and TALKS_TITLE in text.stdout and "đàm phán" in text.stdout
    hits = [
        json.loads(line) for line in run("search", "DAM PHAN", "--json", "--limit", "3", "--db", db).stdout.splitlines()
    ]
    assert len(hits) == 3 and all({"id", "snippet", "highlights", "score"} <= set(h) for h in hits)


def test_events_in_table_csv_and_json(db: str) -> None:
    args = ["events", "--actor", "ISR", "--target", "Hamas", "--type", "ASSAULT", "--since", "2023-01-01", "--db", db]
    table = run(*args)
    assert table.exit_code == 0 and STRIKE_TITLE in table.stdout and table.stdout.startswith("day")
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert [r["type"] for r in rows] == ["ASSAULT"] and rows[0]["source"] == "Quân đội Israel"
    (record,) = [json.loads(line) for line in run(*args, "--json").stdout.splitlines()]
    assert record["source"][0]["country"] == "ISR" and record["num_articles"] == 1


def test_actors_still_looks_a_name_up_and_lists_the_most_mentioned(db: str) -> None:
    lookup = run("actors", "Lukashenco")
    assert lookup.exit_code == 0 and lookup.stdout.startswith("Alexander Lukashenko")
    top = list(csv.DictReader(io.StringIO(run("actors", "--top", "3", "--format", "csv", "--db", db).stdout)))
    assert len(top) == 3 and top[0]["name"] == "Nga" and int(top[0]["articles"]) >= int(top[2]["articles"])
    people = [
        json.loads(line)
        for line in run("actors", "--top", "5", "--type", "per", "--json", "--db", db).stdout.splitlines()
    ]
    assert people and {p["type"] for p in people} == {"PER"}
    assert run("actors").exit_code == 2


def test_stories_and_one_story(db: str) -> None:
    listing = list(csv.DictReader(io.StringIO(run("stories", "--format", "csv", "--db", db).stdout)))
    assert listing[0]["size"] == "3" and listing[0]["title"] == TALKS_TITLE
    members = run("stories", listing[0]["id"], "--json", "--db", db).stdout.splitlines()
    assert len(members) == 3


def test_article_shows_what_was_found_and_related_articles(db: str) -> None:
    with Store(db) as store:
        (article_id,) = store.conn.execute("SELECT id FROM articles WHERE input_record = 'strike'").fetchone()
    shown = run("article", article_id[:8], "--db", db)
    assert shown.exit_code == 0 and STRIKE_TITLE in shown.stdout and "ASSAULT" in shown.stdout
    assert "related:" in shown.stdout
    record = json.loads(run("article", article_id, "--json", "--db", db).stdout)
    assert record["id"] == article_id and record["events"] and isinstance(record["related"], list)
    assert run("article", "nothere", "--db", db).exit_code == 1


def test_export_jsonl_gives_the_article_records(db: str, tmp_path: Path) -> None:
    result = run("export", "--format", "jsonl", "--out", str(tmp_path), "--db", db)
    (path,) = result.stdout.split()
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    with Store(db) as store:
        assert records == [store.article(r["id"]) for r in records]
        assert len(records) == store.counts()["articles"]


def test_export_csv_and_parquet_tables_have_the_same_columns_and_rows(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    run("export", "--format", "csv", "--out", str(tmp_path), "--db", db)
    run("export", "--format", "parquet", "--out", str(tmp_path), "--db", db)
    with Store(db) as store:
        counts = store.counts()
    for table in ("articles", "entities", "quotes", "events"):
        rows = list(csv.DictReader((tmp_path / f"{table}.csv").open(encoding="utf-8")))
        parquet = pq.read_table(tmp_path / f"{table}.parquet")
        assert len(rows) == parquet.num_rows == counts[table]
        assert list(rows[0]) == parquet.column_names
    assert {"input.path", "story_id"} <= set(pq.read_table(tmp_path / "articles.parquet").column_names)
    events = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert {"evidence.start", "location.name"} <= set(events[0]) and isinstance(events[0]["negated"], bool)


def test_export_gdelt_writes_the_61_columns_tab_separated(db: str, tmp_path: Path) -> None:
    (path,) = run("export", "--format", "gdelt", "--out", str(tmp_path), "--db", db).stdout.split()
    rows = [line.split("\t") for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert len(COLUMNS) == 61 and rows and all(len(row) == 61 for row in rows)
    named = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    strike = next(r for r in named if r["EventRootCode"] == "19" and r["Actor1CountryCode"] == "ISR")
    assert strike["Day"] == "20230405" and strike["MonthYear"] == "202304" and strike["Year"] == "2023"
    assert strike["Actor1Code"] == "ISRMIL" and strike["QuadClass"] == "4" and strike["NumArticles"] == "1"
    talks = next(r for r in named if r["EventCode"].startswith("04") and r["Actor2Name"] == "Antony Blinken")
    assert (talks["NumArticles"], talks["NumSources"], talks["QuadClass"]) == ("3", "3", "1")
    assert talks["SOURCEURL"].startswith("https://") and len(talks["DATEADDED"]) == 14
    assert len({r["GlobalEventID"] for r in named}) == len(named)


@pytest.mark.parametrize(("code", "quad"), [("036", 1), ("057", 1), ("0871", 2), ("112", 3), ("145", 3), ("195", 4)])
def test_gdelt_quad_class_comes_from_the_cameo_root(code: str, quad: int) -> None:
    assert quad_class(code) == quad


def test_export_plover_writes_one_record_per_folded_event(db: str, tmp_path: Path) -> None:
    (path,) = run("export", "--format", "plover", "--out", str(tmp_path), "--db", db).stdout.split()
    records = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    with Store(db) as store:
        assert len(records) == len(store.events())
    talks = next(r for r in records if r["event"] == ["CONSULT"] and r["num_articles"] == 3)
    assert {"id", "date", "source", "recipient", "mode", "context", "event_text", "quad_code", "link"} <= set(talks)
    assert talks["source"][0]["code"] == "RUS" and talks["quad_code"] == 1 and "điện đàm" in talks["event_text"][0]


def test_the_command_line_starts_without_loading_the_store() -> None:
    import subprocess
    import sys

    heavy = "{'datasketch', 'numpy', 'pyarrow', 'sukien.store.api'}"
    code = f"import sys, sukien.cli; print(sorted({heavy} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"

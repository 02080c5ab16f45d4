"""The store: schema and migrations, idempotent ingest, rows that round-trip to the OUTPUT.md record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import sukien
from sukien.models import to_dict
from sukien.pipeline import extract_inputs
from sukien.store import Store, StoreError
from sukien.store import rows as rows_module
from sukien.store.migrations import LATEST, migrate, statements
from test_store_corpus import TALKS_TITLE, write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return write_corpus(tmp_path / "in")


@pytest.fixture
def store(tmp_path: Path, corpus: list[Path]):
    with sukien.open(tmp_path / "news.db") as opened:
        opened.ingest(corpus, workers=0)
        yield opened


def test_a_new_database_has_the_latest_schema_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert set(store.counts()) <= {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_a_database_from_a_newer_sukien_is_refused_with_a_way_out(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "new.db", isolation_level=None)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(StoreError, match="upgrade sukien"):
        migrate(conn)


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    assert migrate(conn) == LATEST
    tables = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(conn) == LATEST
    assert conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == tables


def test_schema_script_splits_into_whole_statements() -> None:
    found = statements("-- a comment\nCREATE TABLE t (a TEXT DEFAULT ';');\n\n-- b\nCREATE INDEX i ON t (a);\n")
    assert found == ["CREATE TABLE t (a TEXT DEFAULT ';');", "CREATE INDEX i ON t (a);"]


def test_ingesting_the_same_inputs_twice_stores_every_article_once(tmp_path: Path, corpus: list[Path]) -> None:
    with Store(tmp_path / "twice.db") as store:
        first = store.ingest(corpus, workers=0)
        counts = store.counts()
        second = store.ingest(corpus, workers=0)
        assert store.counts() == counts
    assert first.new == 5 and first.rejected == 0
    assert second.new == 0 and second.skipped_pages == first.pages


def test_the_same_text_from_another_place_is_one_article_seen_twice(tmp_path: Path, store: Store) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text((tmp_path / "in" / "repost.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = store.counts()
    counts = store.ingest([copy], workers=0)
    after = store.counts()
    assert counts.articles == 1 and counts.new == 0
    assert after["articles"] == before["articles"] and after["entities"] == before["entities"]
    assert after["sightings"] == before["sightings"] + 1


def test_a_stored_article_reads_back_as_the_pipeline_record(store: Store, corpus: list[Path]) -> None:
    for article in extract_inputs([str(p) for p in corpus]):
        stored = store.article(article.id)
        expected = to_dict(article)
        assert {k: stored[k] for k in expected} == expected
        assert stored["story_id"] and stored["pipeline"] == rows_module.pipeline_version()


def test_an_article_is_found_by_a_unique_prefix_of_its_id(store: Store) -> None:
    ids = [row[0] for row in store.conn.execute("SELECT id FROM articles ORDER BY id")]
    assert store.article(ids[0][:6])["id"] == ids[0]
    with pytest.raises(StoreError, match="no article"):
        store.article("zzzz")
    store.conn.execute("PRAGMA foreign_keys = OFF")  # only to make two ids share a prefix
    store.conn.execute("UPDATE articles SET id = ? WHERE id = ?", (ids[0][:3] + "f" * 13, ids[-1]))
    with pytest.raises(StoreError, match="several"):
        store.article(ids[0][:3])


def test_a_new_pipeline_version_derives_entities_and_events_again(
    tmp_path: Path, corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sukien.store.ingest as ingest_module

    with Store(tmp_path / "v.db") as store:
        monkeypatch.setattr(ingest_module, "pipeline_version", lambda: "0.0.1+old")
        store.ingest(corpus, workers=0)
        store.conn.execute("DELETE FROM events")  # what the old version found: no events
        monkeypatch.undo()
        counts = store.ingest(corpus, workers=0)
        versions = {row[0] for row in store.conn.execute("SELECT DISTINCT pipeline FROM articles")}
        assert counts.rederived == 5 and counts.new == 0
        assert store.counts()["events"] > 0 and store.counts()["articles"] == 5
        assert versions == {rows_module.pipeline_version()}


def test_rejected_inputs_go_to_the_rejects_table_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "bad", with_bad=True)
    with Store(tmp_path / "r.db") as store:
        counts = store.ingest(paths, workers=0)
        rejects = {(Path(r["path"]).name, r["record"], r["reason"]) for r in store.rejects()}
        assert counts.rejected == 2 and counts.new == 5
    assert rejects == {("feed.jsonl", "line 3", "bad_record"), ("empty.txt", "", "empty")}
    assert all(r for r in rejects)


def test_a_page_that_breaks_the_pipeline_is_rejected_not_fatal(
    tmp_path: Path, corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sukien.pipeline

    real = sukien.pipeline.build_articles

    def fragile(page, **kwargs):
        if "Triều Tiên" in page.text:
            raise RuntimeError("boom")
        return real(page, **kwargs)

    monkeypatch.setattr(sukien.pipeline, "build_articles", fragile)
    with Store(tmp_path / "f.db") as store:
        counts = store.ingest(corpus, workers=0)
        (reject,) = store.rejects()
    assert counts.rejected == 1 and counts.new == 4
    assert reject["reason"] == "unreadable" and reject["record"] == "missile" and "boom" in reject["message"]


def test_a_workers_pool_stores_exactly_what_the_main_process_stores(tmp_path: Path, corpus: list[Path]) -> None:
    with Store(tmp_path / "serial.db") as serial, Store(tmp_path / "pool.db") as pooled:
        serial.ingest(corpus, workers=0)
        pooled.ingest(corpus, workers=2)
        assert pooled.counts() == serial.counts()
        query = "SELECT id, story_id, input_record FROM articles ORDER BY id"
        assert pooled.conn.execute(query).fetchall() == serial.conn.execute(query).fetchall()


def test_the_database_defaults_to_the_sukien_db_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUKIEN_DB", str(tmp_path / "env.db"))
    with sukien.open() as store:
        assert store.path == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").exists()


def test_top_actors_counts_articles_and_mentions(store: Store) -> None:
    top = store.top_actors(5)
    assert [a["articles"] for a in top] == sorted((a["articles"] for a in top), reverse=True)
    syria = next(a for a in store.top_actors(50) if a["id"] == "country/SYR")
    assert syria["name"] == "Syria" and syria["articles"] == 3 and syria["mentions"] >= 12
    assert all(a["type"] == "PER" for a in store.top_actors(10, type="PER"))


def test_stories_group_the_three_outlets_of_one_story(store: Store) -> None:
    (story,) = store.stories()
    assert story["size"] == 3 and story["title"] == TALKS_TITLE
    assert {"Báo Thời Sự", "Tin Quốc Tế"} <= set(story["outlets"])
    assert len(store.story(story["id"])) == 3 and story["id"] == min(a["id"] for a in store.story(story["id"]))

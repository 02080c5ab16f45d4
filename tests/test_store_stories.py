"""Stories (MinHash near-duplicates kept in the database), events folded per story, related articles."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from sukien.store import Store
from sukien.store.folding import fold_text
from sukien.store.stories import SAME_STORY, minhash, similarity
from test_store_corpus import MISSILE, STRIKE, STRIKE_TITLE, TALKS, TALKS_REPOST, TALKS_REPOST_2, records, write_corpus


def sign(text: str) -> bytes:
    return minhash(fold_text(text))[0]


def test_re_posts_with_small_edits_are_similar_and_other_stories_are_not() -> None:
    assert similarity(sign(TALKS), sign(TALKS_REPOST)) >= 0.6
    assert similarity(sign(TALKS), sign(TALKS_REPOST_2)) >= 0.6
    for other in (MISSILE, STRIKE):
        assert similarity(sign(TALKS), sign(other)) < SAME_STORY / 2
    assert similarity(sign(TALKS), sign(TALKS)) == 1.0


def test_a_text_without_words_gets_no_lsh_keys() -> None:
    assert minhash(fold_text("… — !!"))[1] == []
    assert len(minhash(fold_text(TALKS))[1]) == 64


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_stories_do_not_depend_on_the_order_articles_arrive_in(tmp_path: Path, order: tuple[int, ...]) -> None:
    texts = [TALKS, TALKS_REPOST_2, MISSILE]
    for position, index in enumerate(order):
        (tmp_path / f"{position}.txt").write_text("Tin thế giới\n" + texts[index], encoding="utf-8")
    with Store(tmp_path / "o.db") as store:
        store.ingest([tmp_path / f"{n}.txt" for n in range(3)], workers=0)
        groups = sorted(row[0] for row in store.conn.execute("SELECT size FROM stories"))
        story_ids = {row[0] for row in store.conn.execute("SELECT story_id FROM articles")}
        smallest = store.conn.execute("SELECT min(id) FROM articles WHERE text LIKE '%Lavrov%'").fetchone()[0]
    assert groups == [1, 2] and smallest in story_ids


def test_a_late_article_that_bridges_two_stories_merges_them(tmp_path: Path) -> None:
    first, last = TALKS.split("\n")[:3], TALKS.split("\n")[3:]
    pieces = ["\n".join(first), "\n".join(last), TALKS]  # the whole text is near both halves
    with Store(tmp_path / "b.db") as store:
        for number, text in enumerate(pieces):
            page = tmp_path / f"{number}.txt"
            page.write_text("Tin thế giới\n" + text, encoding="utf-8")
            store.ingest([page], workers=0)
        sizes = [row[0] for row in store.conn.execute("SELECT size FROM stories")]
        ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
        story_ids = {row[0] for row in store.conn.execute("SELECT story_id FROM articles")}
    if sizes == [3]:
        assert story_ids == {min(ids)}
    else:  # the halves share too little with the whole for the threshold: each stands alone
        assert sorted(sizes) == [1, 1, 1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("stories")
    with Store(folder / "s.db") as opened:
        opened.ingest(write_corpus(folder / "in"), workers=0)
        yield opened


def test_events_of_one_story_count_once_with_their_articles_and_sources(store: Store) -> None:
    consults = store.events(actor="Lavrov", types="CONSULT")
    (talks,) = [e for e in consults if [a["name"] for a in e["target"]] == ["Antony Blinken"]]
    assert talks["num_articles"] == 3 and talks["num_mentions"] == 3
    assert talks["num_sources"] == 3  # two named outlets and the unnamed page
    assert talks["date"] == "2023-03-12" and len(talks["article_ids"]) == 3
    reports = store.conn.execute("SELECT count(*) FROM events WHERE type = 'CONSULT'").fetchone()[0]
    assert reports >= 3 > len(store.events(types="CONSULT"))


@pytest.mark.parametrize("actor", ["RUS", "Nga", "Sergey Lavrov", "person/sergei-lavrov", "RUSGOV"])
def test_an_actor_filter_takes_a_country_code_a_name_or_an_id(store: Store, actor: str) -> None:
    found = store.events(actor=actor)
    assert found and all(any(a["country"] == "RUS" for a in e["source"]) for e in found)


def test_filters_by_target_type_and_dates(store: Store) -> None:
    strikes = store.events(actor="ISR", target="Hamas", types="ASSAULT", since="2023-04-01", until="2023-04")
    assert [e["title"] for e in strikes] == [STRIKE_TITLE]
    assert store.events(actor="ISR", types="ASSAULT", until="2023-03-31") == []
    by_code = store.events(types="19")
    assert by_code and all(e["cameo"].startswith("19") for e in by_code)
    assert {e["type"] for e in store.events(types="assault, consult")} == {"ASSAULT", "CONSULT"}
    assert store.events(actor="NGA") == []  # NGA is Nigeria's code; "Nga" the Vietnamese name of Russia


def test_events_are_newest_first_and_limited(store: Store) -> None:
    found = store.events(limit=5)
    days = [e["day"] for e in found]
    assert len(found) == 5 and days == sorted(days, reverse=True)


def test_related_articles_share_actors_and_leave_out_the_story(store: Store) -> None:
    talks = store.conn.execute("SELECT id, story_id FROM articles WHERE input_record = 'talks-a'").fetchone()
    related = store.related(talks["id"], limit=5)
    same_story = {a["id"] for a in store.story(talks["story_id"])}
    assert related and not ({r["id"] for r in related} & same_story)
    assert all(r["score"] > 0 for r in related)
    missile = next(r for r in related if r["title"] == records()[2]["title"])
    assert "Mỹ" in missile["shared_actors"]

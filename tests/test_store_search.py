"""Search: folded terms, safe FTS5 queries from any input, bm25 ranking, snippets in the original spelling."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sukien.normalize import fold
from sukien.store import Store
from sukien.store.folding import fold_aligned, fold_text, fts_query, query_terms
from sukien.store.search import make_snippet
from test_store_corpus import MISSILE_TITLE, TALKS_TITLE, write_corpus


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("search")
    with Store(folder / "s.db") as opened:
        opened.ingest([*write_corpus(folder / "in"), str(Path(__file__).parents[1] / "src/sukien/data/samples")])
        yield opened


def ids(hits: list[dict]) -> set[str]:
    return {hit["id"] for hit in hits}


@pytest.mark.parametrize("query", ["dam phan", "Đàm Phán", "ĐÀM PHÁN", "đàm   phán", "ĐàM pHáN"])
def test_case_and_diacritics_and_d_are_ignored(store: Store, query: str) -> None:
    expected = ids(store.search("đàm phán", limit=50))
    assert len(expected) >= 4  # the talks story (three outlets) and the Kremlin sample at least
    assert ids(store.search(query, limit=50)) == expected


def test_every_word_must_be_in_the_article(store: Store) -> None:
    hits = store.search("dam phan Syria", limit=50)
    assert hits and all("syria" in fold(store.article(h["id"])["text"]) for h in hits)
    assert not store.search("đàm phán Bình Nhưỡng tên lửa", limit=50)
    assert [h["title"] for h in store.search("Bình Nhưỡng tên lửa")] == [MISSILE_TITLE]


def test_a_headline_match_ranks_first(store: Store) -> None:
    assert store.search("viện trợ Syria")[0]["title"] == TALKS_TITLE


def test_a_quoted_phrase_needs_its_words_together(store: Store) -> None:
    assert ids(store.search('"tên lửa đạn đạo"')) <= ids(store.search("tên lửa đạn đạo"))
    assert store.search('"tên lửa đạn đạo"')
    assert not store.search('"đạo đạn lửa tên"')


def test_snippets_keep_the_original_spelling_and_mark_the_matches(store: Store) -> None:
    hit = store.search("ĐAM PHAN viện trợ")[0]
    assert "đàm phán" in hit["snippet"]
    marked = {fold(hit["snippet"][s:e]) for s, e in hit["highlights"]}
    assert marked <= {"dam", "phan", "vien", "tro"} and {"dam", "phan"} <= marked


def test_snippet_offsets_survive_characters_whose_fold_changes_length() -> None:
    text = "Ông İlham nói: đàm phán ﬁnal\u0301 sẽ diễn ra ở Baku, đàm phán tiếp."
    snippet, marks = make_snippet(text, query_terms("dam phan"))
    assert [snippet[s:e] for s, e in marks] == ["đàm", "phán", "đàm", "phán"]


@pytest.mark.parametrize("query", ["", "   ", "***", '"', "()", "-", "AND", "NEAR(", "title:", "'"])
def test_queries_of_no_words_or_fts_syntax_find_nothing_and_never_fail(store: Store, query: str) -> None:
    found = store.search(query)
    assert isinstance(found, list)
    if fts_query(query) is None:
        assert found == []


def test_fts_operators_typed_by_a_user_are_plain_words(store: Store) -> None:
    assert fts_query("Nga OR Mỹ") == '"nga" "or" "my"'
    assert fts_query('Nga NOT "Mỹ') == '"nga" "not" "my"'
    assert store.search("Nga OR Triều Tiên") == []  # "or" is a word no article holds


@given(st.text())
def test_any_unicode_query_is_a_valid_fts5_expression(query: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO f VALUES ('dam phan nga my')")
    expression = fts_query(query)
    if expression is not None:
        conn.execute("SELECT rowid FROM f WHERE f MATCH ?", (expression,)).fetchall()


@given(st.text())
def test_folding_is_the_normalize_fold_of_each_character(text: str) -> None:
    folded, offsets = fold_aligned(text)
    assert folded == "".join(fold(c) for c in text) == fold_text(text)
    if offsets is None:
        assert len(folded) == len(text)
    else:
        assert len(offsets) == len(folded) + 1 and offsets == sorted(offsets)


@given(st.text(alphabet=st.sampled_from("aàáâấđĐeéêệoóôồơờuúưừiíyýĂẮ phán"), max_size=40))
def test_vietnamese_text_folds_to_the_same_length(text: str) -> None:
    folded, offsets = fold_aligned(text)
    assert offsets is None and len(folded) == len(text) and folded.isascii()


def test_count_is_the_number_of_articles_found_without_a_limit(store: Store) -> None:
    assert store.count("đàm phán") == len(store.search("đàm phán", limit=1000))


@given(st.text(), st.text())
def test_snippets_of_any_text_and_query_mark_only_inside_themselves(text: str, query: str) -> None:
    snippet, marks = make_snippet(text, query_terms(query))
    assert all(0 <= start < end <= len(snippet) for start, end in marks)
    assert all(fold_text(snippet[start:end]).strip() for start, end in marks)

"""Normalisation: what `text` keeps, and the canonical forms used for matching."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sukien.normalize import canonical, clean_text, fold


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuỵ Sĩ", "Thụy Sĩ"),
        ("khoẻ", "khỏe"),
        ("uỷ ban", "ủy ban"),
        ("Hoà", "Hòa"),
        ("thuở", "thuở"),
        ("hoàng", "hoàng"),
        ("thuyền", "thuyền"),
        ("người", "người"),
    ],
)
def test_old_and_new_tone_placement_compare_equal(old: str, new: str) -> None:
    assert canonical(old) == canonical(new) == new


@pytest.mark.parametrize("word", ["Élysée", "José", "Nagorno-Karabakh", "quý", "già", "gìn", "khuya"])
def test_words_that_are_not_movable_syllables_stay(word: str) -> None:
    assert canonical(word) == word


VIETNAMESE = st.text(
    alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂĐEÊOÔƠUƯY .,-",
    max_size=60,
)


@given(VIETNAMESE)
def test_canonical_is_idempotent_and_keeps_length(text: str) -> None:
    once = canonical(text)
    assert canonical(once) == once
    assert len(once) == len(unicodedata.normalize("NFC", text))
    assert fold(once) == fold(text)


def test_fold_ignores_case_diacritics_and_d_stroke() -> None:
    assert fold("Đàm Phán") == fold("ĐÀM PHÁN") == fold("đàm phán") == "dam phan"


def test_clean_text_repairs_and_keeps_spelling() -> None:
    raw = "Marks &amp; Spencer  “nói”\u200b\r\nN\u0332gh\u0332i v\u0332ấn   hoà bình"
    assert clean_text(raw) == "Marks & Spencer “nói”\nNghi vấn hoà bình"


def test_clean_text_composes_decomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Tổng thống Nga")
    assert clean_text(decomposed) == "Tổng thống Nga"


def test_clean_text_repairs_mojibake() -> None:
    broken = "Tổng thống Nga".encode().decode("latin-1")
    assert clean_text(broken) == "Tổng thống Nga"

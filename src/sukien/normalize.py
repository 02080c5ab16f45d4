"""Text normalisation: what `text` keeps, and the canonical forms used for matching.

`clean_text` is applied to every page before cleaning: Unicode NFC, unambiguous mojibake and HTML
entities repaired (ftfy), invisible characters removed, spaces collapsed within a line. `text`
keeps the page's own spelling otherwise, so offsets always point into what the page said.

`canonical` is for matching only: it also puts every Vietnamese tone mark in one place, the
"new" style ("hòa", "thủy", "khỏe"), so the old style ("hoà", "thuỷ", "khoẻ") compares equal.
`fold` goes further for search: no case, no diacritics, đ → d.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy

_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # “ ” carry quote boundaries; keep them as written
    fix_latin_ligatures=True,
    fix_character_width=True,
    normalization="NFC",
    explain=False,
)

# Zero-width characters, soft hyphens, BOMs, and the combining underline/overline some pages use
# to dodge filters ("N̲gh̲i v̲ấn"): none of them carries meaning in Vietnamese text.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u0332\u0333\u0305]")
_SPACES = re.compile(r"[^\S\n]+")
# What ftfy can repair leaves traces: UTF-8 read as Latin-1/cp1252 ("Ã¡", "Æ°", "á»"), C1 controls,
# HTML entities, full-width forms, ligatures. ftfy is slow, so it only runs where one is found.
_NEEDS_FIXING = re.compile(
    "[\u00c2-\u00c6\u00e1\u00e2\u00c4][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u2122]"
    "|[\u0080-\u009f]|&(?:#[0-9]{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});|[\uff01-\uff5e\ufb00-\ufb06]"
)


def clean_text(text: str) -> str:
    """NFC, mojibake and entities repaired, invisible characters dropped, spaces collapsed per line."""
    fixed = ftfy.fix_text(text, _FTFY) if _NEEDS_FIXING.search(text) else text
    fixed = _INVISIBLE.sub("", fixed).replace("\r\n", "\n").replace("\r", "\n")
    fixed = unicodedata.normalize("NFC", fixed)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in fixed.split("\n"))


# --- tone marks -------------------------------------------------------------------------------

# Regular-expression character classes of Vietnamese (and basic Latin) upper- and lower-case letters.
# Ranges like À-Ỹ would also take lower-case letters, which sit between them in Unicode.
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED = set("ăâêôơư")
_FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
_OPEN_FIRST = {"oa", "oe", "uy"}  # the pairs whose tone moves between the two styles
_WORD = re.compile(r"[^\W\d_]+")


def _tone_position(letters: str) -> int | None:
    """Index in `letters` (lower case, no tone) where the tone mark belongs, or None if not a syllable."""
    start = 0
    if letters.startswith("qu") or (letters.startswith("gi") and len(letters) > 2 and letters[2] in _VOWELS):
        start = 2
    first = next((i for i in range(start, len(letters)) if letters[i] in _VOWELS), None)
    if first is None:
        # "gì", "gìn": the i of gi is the vowel
        return 1 if start == 2 and letters.startswith("gi") else None
    end = first
    while end < len(letters) and letters[end] in _VOWELS:
        end += 1
    if letters[end:] not in _FINALS or any(c in _VOWELS for c in letters[end:]):
        return None
    cluster = letters[first:end]
    modified = [i for i, c in enumerate(cluster) if c in _MODIFIED]
    if modified:
        return first + modified[-1]
    if len(cluster) == 1:
        return first
    if letters[end:]:
        return end - 1
    if len(cluster) == 2:
        return first  # "hòa", "thủy", "hài", "mùa"
    return first + 1  # "hoài", "xoáy"


@lru_cache(maxsize=65536)
def _canonical_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", decomposed.replace(tones[0], ""))
    position = _tone_position(bare.lower())
    if position is None:
        return word
    return unicodedata.normalize("NFC", bare[: position + 1] + tones[0] + bare[position + 1 :])


# The two styles differ only in open syllables ending in oa, oe, uy, whose old style marks the second vowel
# ("hoà", "khoẻ", "thuỷ"); text without such a pair is already canonical, which is most text.
_OLD_STYLE = re.compile("[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]")
_OLD_STYLE_WORD = re.compile(r"[^\W\d_]*(?:" + _OLD_STYLE.pattern + r")[^\W\d_]*")


def canonical(text: str) -> str:
    """NFC text with every Vietnamese tone mark in the "new" place ("hoà" → "hòa", "thuỷ" → "thủy")."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if not _OLD_STYLE.search(text):
        return text
    return _OLD_STYLE_WORD.sub(lambda m: _canonical_word(m.group()), text)  # only the words that need it


def word_edge(text: str, index: int) -> bool:
    """Whether no word character stands at `index` (outside the text counts as none): a word boundary."""
    return not (0 <= index < len(text)) or not (text[index].isalnum() or text[index] == "_")


def fold(text: str) -> str:
    """Lower case without diacritics, đ folded to d: the form used for diacritic-insensitive search."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))

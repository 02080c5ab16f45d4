"""Numbers in Vietnamese news: one expression read, or every one found in running text.

Vietnamese prints thousands with dots and decimals with commas ("5.000", "80,1%", "1,5 triệu") and
counts in words too ("hai mươi mốt", "hàng chục"). `parse_number` reads one such expression and
`find_quantities` finds every one in running text with true offsets; `sukien.casualties` takes the dead and
injured a sentence counts from them. Number words live in `data/events/casualties.tsv`.

Decisions:
- A dot followed by exactly three digits groups thousands ("1.026" → 1026), as Vietnamese prints them.
  Any other dot cannot, so it is an English decimal point ("7.9%" → 7.9). A single comma is a decimal
  comma ("80,1"); several commas grouping threes are English thousands ("1,234,567").
- Vague counts ("hàng chục", "vài", "một số") are quantities with `value` None and `vague` True.
- Dates, times, years and labels ("24-10", "13/9", "năm 2020", "thứ hai", "S-400") are not quantities.
- A range "300-400" is its lower bound with qualifier "at_least".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from functools import cache, lru_cache
from typing import NamedTuple

from sukien.cues import data_rows
from sukien.normalize import canonical

# Wide enough for any count, and no traps: arbitrary text must never raise (overflow gives Infinity).
_ARITHMETIC = Context(prec=40, traps=[])
_WORD = re.compile(r"[^\W\d_]+")
# A numeral with its separators ("5.000", "80,1", "24-10", "10:30"), a word, or any other mark.
_TOKEN = re.compile(r"(?P<num>\d+(?:[.,:/-]\d+)*)|(?P<word>[^\W\d_]+)|(?P<mark>\S)")
_SENTENCE_OPENERS = '.!?:;\n“"('


@dataclass(frozen=True)
class Quantity:
    """A number expression in running text: its place, its value, and how exact it is."""

    start: int
    end: int
    text: str
    value: float | None  # None when vague ("hàng chục")
    qualifier: str | None  # "at_least", "more_than", "about", "nearly", "up_to"
    vague: bool = False
    percent: bool = False


# --- the data file -------------------------------------------------------------------------------------


def match_form(text: str) -> str:
    """`text` in lower case with tone marks in one place, letter for letter, so offsets carry over."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such letters as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    return _WORD.sub(lambda match: _word_form(match.group()), lowered)


@lru_cache(maxsize=16384)  # words repeat from sentence to sentence; the bound keeps a long batch's memory flat
def _word_form(word: str) -> str:
    """A lower-case word with its tone mark in one place, unless that would change its length."""
    fixed = canonical(word)
    return fixed if len(fixed) == len(word) else word


@cache
def _table() -> dict[str, dict[str, str]]:
    """kind -> phrase (as `match_form` writes it) -> value, from `casualties.tsv`."""
    table: dict[str, dict[str, str]] = {}
    for row in data_rows("events/casualties.tsv"):
        table.setdefault(row["kind"], {})[match_form(row["phrase"])] = row["value"]
    return table


def phrases_of(kind: str) -> dict[str, str]:
    """The phrases of one kind of `casualties.tsv` (as `match_form` writes them), each with its value."""
    return _table().get(kind, {})


@cache
def phrase_pattern(*kinds: str, lead: str = "", anchor: str = "") -> re.Pattern[str]:
    """A regex of the phrases of `kinds` as whole words, longest first, between `lead` and `anchor`."""
    phrases = sorted({p for kind in kinds for p in phrases_of(kind)}, key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) or "(?!)"
    return re.compile(rf"{lead}(?<!\w)(?:{words})(?!\w){anchor}")


# --- tokens and the grammar of one number expression ----------------------------------------------------


class _Token(NamedTuple):  # a tuple: sentences are cut into many, and tuples are quick to make
    start: int
    end: int
    key: str
    kind: str  # "num", "word" or "mark"


@dataclass(frozen=True)
class _Read:
    """One number expression read from tokens `first` to `end` (exclusive); the number itself starts at `number`."""

    first: int
    number: int
    end: int
    value: Decimal | None
    qualifier: str | None
    vague: bool
    percent: bool


def _tokens(key: str) -> list[_Token]:
    """The tokens of a text in its match form (`match_form`)."""
    return [_Token(m.start(), m.end(), m.group(), m.lastgroup or "mark") for m in _TOKEN.finditer(key)]


@cache
def _longest(kind: str) -> int:
    """The number of words of the longest phrase of `kind`."""
    return max((len(p.split()) for p in phrases_of(kind)), default=0)


def _phrase(toks: list[_Token], i: int, kind: str) -> tuple[str, int] | None:
    """The longest phrase of `kind` starting at token `i`: (its value, the token after it)."""
    table = phrases_of(kind)
    for n in range(min(_longest(kind), len(toks) - i), 0, -1):
        phrase = " ".join(t.key for t in toks[i : i + n])
        if phrase in table:
            return table[phrase], i + n
    return None


def _is(toks: list[_Token], i: int, kind: str) -> bool:
    return i < len(toks) and toks[i].key in phrases_of(kind)


def _kind_value(toks: list[_Token], i: int, kind: str) -> int:
    return int(phrases_of(kind)[toks[i].key])


def _digit(toks: list[_Token], i: int) -> int | None:
    return _kind_value(toks, i, "digit") if _is(toks, i, "digit") else None


def _unit_after_ten(toks: list[_Token], i: int) -> int | None:
    """The unit after "mười"/"mươi"; the year word is not one: "mười năm" is ten years, fifteen is "mười lăm"."""
    if _is(toks, i, "after_ten"):
        return _kind_value(toks, i, "after_ten")
    return None if _is(toks, i, "year_word") else _digit(toks, i)


def _scale(toks: list[_Token], i: int) -> int:
    """The factor of the scale word at `i` ("trăm" 100), or 0."""
    return _kind_value(toks, i, "scale") if _is(toks, i, "scale") else 0


def _scales(toks: list[_Token], i: int, minimum: int) -> tuple[int, int]:
    """The product of the scale words at `i` of at least `minimum` ("trăm nghìn" 100000), and the token after."""
    product = 1
    while _scale(toks, i) >= minimum:
        product, i = product * _scale(toks, i), i + 1
    return product, i


def _group(toks: list[_Token], i: int, after_scale: bool) -> tuple[int, int, bool] | None:
    """A number below 1000 in words: (value, token after, whether it is more than a bare digit)."""
    j, value = i, 0
    hundreds = _digit(toks, j) if not _is(toks, j, "zero") else 0
    if hundreds is not None and _scale(toks, j + 1) == 100:
        value, j = hundreds * 100, j + 2
    if (j > i or after_scale) and _is(toks, j, "link") and _digit(toks, j + 1) is not None:
        return value + _kind_value(toks, j + 1, "digit"), j + 2, True
    if _is(toks, j, "ten"):
        unit = _unit_after_ten(toks, j + 1)
        return value + _kind_value(toks, j, "ten") + (unit or 0), j + 1 + (unit is not None), True
    digit = _digit(toks, j)
    if digit is not None and _is(toks, j + 1, "tens"):  # "hai mươi mốt"
        unit = _unit_after_ten(toks, j + 2)
        return value + _kind_value(toks, j + 1, "tens") * digit + (unit or 0), j + 2 + (unit is not None), True
    if digit is not None and _scale(toks, j + 1) == 10:  # "hai chục"; "hai chục nghìn" takes its scale later
        return value + 10 * digit, j + 2, True
    if digit is not None and j == i:
        return digit, j + 1, False  # after "trăm" a bare digit would misread "một trăm năm" (a hundred years)
    return (value, j, True) if j > i else None


def _words(toks: list[_Token], i: int) -> tuple[Decimal, int] | None:
    """A number in words ("hai mươi mốt", "một nghìn không trăm linh năm", "hai triệu rưỡi")."""
    total, j, last = Decimal(0), i, 0
    while (group := _group(toks, j, after_scale=last > 0)) is not None:
        value, k, full = group
        scale, after = _scales(toks, k, 1000)
        if scale > 1 and (last == 0 or scale < last):
            total, j, last = total + value * scale, after, scale
            if _is(toks, j, "half"):
                return total + Decimal(scale) / 2, j + 1
            continue
        if last == 0 or full:  # after a scale only a full group goes on: "hai nghìn năm" is 2000 years
            total, j = total + value, k
        break
    return (total, j) if j > i else None


def _numeral(text: str) -> Decimal | None:
    """The value of a numeral written in digits, Vietnamese style first (see the module's decisions)."""
    if any(c in text for c in ":/-"):
        return None  # dates and times
    if "," in text and "." in text:
        thousands, decimal = (".", ",") if text.rfind(",") > text.rfind(".") else (",", ".")
        whole, _, fraction = text.rpartition(decimal)
        grouped = _grouped(whole, thousands)
        return None if grouped is None or decimal in whole else _finite(f"{grouped}.{fraction}")
    for separator in ".,":
        if separator in text:
            grouped = _grouped(text, separator)
            if grouped is not None and (separator == "." or text.count(",") > 1):
                return _finite(grouped)
            parts = text.split(separator)
            return _finite(".".join(parts)) if len(parts) == 2 else None
    return _finite(text)


def _finite(digits: str) -> Decimal | None:
    value = Decimal(digits)  # Unicode digits too ("٣"); anything else is NaN, as traps are off
    return value if value.is_finite() else None


def _grouped(text: str, separator: str) -> str | None:
    """Digits of `text` if `separator` groups them in threes ("1.234.567"), else None."""
    head, *rest = text.split(separator)
    if not rest or not 1 <= len(head) <= 3 or head.startswith("0") or any(len(g) != 3 for g in rest):
        return None
    return head + "".join(rest)


def _range(text: str) -> Decimal | None:
    """The lower bound of a range "300-400"; None for anything shaped like a date ("24-10")."""
    parts = text.split("-")
    if len(parts) != 2 or any(c in text for c in ":/"):
        return None
    low, high = _numeral(parts[0]), _numeral(parts[1])
    if low is None or high is None or low >= high or (low <= 31 and high <= 12 and low == int(low)):
        return None
    return low


def _digits(toks: list[_Token], i: int) -> tuple[Decimal, int, int] | None:
    """A numeral with its scale words ("1,5 triệu", "2 tỷ 500 triệu"): (value, token after, largest scale)."""
    if i >= len(toks) or toks[i].kind != "num" or (value := _numeral(toks[i].key)) is None:
        return None
    scale, j = _scales(toks, i + 1, 10)
    total = value * scale
    if scale > 1 and _is(toks, j, "half"):
        return total + Decimal(scale) / 2, j + 1, scale
    rest = _digits(toks, j) if scale > 1 else None
    if rest is not None and 1 < rest[2] < scale:
        return total + rest[0], rest[1], scale
    return total, j, scale


def _vague(toks: list[_Token], i: int) -> int | None:
    """The token after a vague count at `i` ("vài", "hàng chục nghìn"), or None."""
    hit = _phrase(toks, i, "vague")
    if hit is None:
        return None
    scale, end = _scales(toks, hit[1], 10)
    return None if hit[0] == "scale" and scale == 1 else end  # "hàng" alone is goods or a row, not a count


def _read(toks: list[_Token], i: int) -> _Read | None:
    """The number expression starting at token `i`: qualifier, number, percent sign."""
    qualifier, number = _phrase(toks, i, "qualifier") or (None, i)
    value: Decimal | None = None
    if (end := _vague(toks, number)) is None:
        if number < len(toks) and toks[number].kind == "num" and (low := _range(toks[number].key)) is not None:
            value, end, qualifier = low, number + 1, qualifier or "at_least"
        elif (digits := _digits(toks, number)) is not None:
            value, end = digits[0], digits[1]
        elif (words := _words(toks, number)) is not None:
            value, end = words
        else:
            return None
    percent = _phrase(toks, end, "percent")
    return _Read(i, number, percent[1] if percent else end, value, qualifier, value is None, percent is not None)


def parse_number(text: str) -> float | None:
    """The value of `text` when it is one Vietnamese number expression ("1,5 triệu", "hơn 240.000", "hai mươi mốt")."""
    toks = _tokens(match_form(text))
    with localcontext(_ARITHMETIC):
        read = _read(toks, 0) if toks else None
    if read is None or read.end != len(toks) or read.value is None:
        return None
    return float(read.value)


# --- number expressions in running text -----------------------------------------------------------------


def _glued(text: str, tok: _Token) -> bool:
    """A numeral that is part of a code or a time: "S-400", "MH17", "COVID-19", "10h30"."""
    before = text[tok.start - 1] if tok.start else ""
    if before == "-" and tok.start >= 2:
        before = text[tok.start - 2]
    after = text[tok.end] if tok.end < len(text) else ""
    return before.isalpha() or after.isalpha() or before.isdigit()


def _is_name(text: str, toks: list[_Token], read: _Read) -> bool:
    """A capitalised number word inside a sentence, before another capital, names something ("Hai Bà Trưng")."""
    first, following = toks[read.number], toks[read.end] if read.end < len(toks) else None
    opened = text[: first.start].rstrip()
    return (
        first.kind == "word"
        and text[first.start].isupper()
        and bool(opened)
        and opened[-1] not in _SENTENCE_OPENERS
        and following is not None
        and text[following.start].isupper()
    )


def _is_year(toks: list[_Token], read: _Read) -> bool:
    """A bare "năm" that means "year": after a number or "cuối", before "nay", a year, a mark or nothing."""
    if read.end - read.number != 1 or not _is(toks, read.number, "year_word") or read.qualifier:
        return False
    after = toks[read.end] if read.end < len(toks) else None
    before = toks[read.number - 1] if read.number else None
    counted_before = before is not None and (
        before.kind == "num" or before.key in phrases_of("year_before") or _is_number_word(before)
    )
    return counted_before or after is None or after.kind != "word" or _phrase(toks, read.end, "year_after") is not None


def _after_marker(toks: list[_Token], n: int) -> bool:
    """Whether a marker of one or two words ends right before token `n`."""
    return any(n >= k and (_phrase(toks, n - k, "marker") or ("", -1))[1] == n for k in (1, 2))


def _is_number_word(tok: _Token) -> bool:
    return any(tok.key in phrases_of(kind) for kind in ("digit", "after_ten", "ten", "tens", "scale", "half"))


def _in_context(text: str, toks: list[_Token], read: _Read) -> bool:
    """Whether a grammatical number expression is a quantity here, not a date, label, code, name or year."""
    number = toks[read.number]
    if read.number == read.first and _after_marker(toks, read.number):
        return False  # "ngày 24", "năm 2020", "thứ hai", "thế kỷ 20"
    if number.kind == "num" and _glued(text, number):
        return False
    return not (_is_name(text, toks, read) or _is_year(toks, read))


@cache
def _openers() -> frozenset[str]:
    """The words a number expression or a not-number phrase can start with: only these are read further."""
    kinds = ("digit", "ten", "zero", "qualifier", "vague", "not_number")
    return frozenset(phrase.split()[0] for kind in kinds for phrase in phrases_of(kind))


def find_quantities(text: str, *, key: str | None = None) -> list[Quantity]:
    """Every number expression in `text`, left to right, with true offsets; dates and codes left out.

    `key` is `match_form(text)` when the caller has it already.
    """
    toks, found, i, openers = _tokens(match_form(text) if key is None else key), [], 0, _openers()
    with localcontext(_ARITHMETIC):
        while i < len(toks):
            if toks[i].kind != "num" and toks[i].key not in openers:
                i += 1
                continue
            if (idiom := _phrase(toks, i, "not_number")) is not None:
                i = idiom[1]
                continue
            read = _read(toks, i)
            if read is None or not _in_context(text, toks, read):
                i += 1
                continue
            start, end = toks[read.first].start, toks[read.end - 1].end
            value = None if read.value is None else float(read.value)
            found.append(Quantity(start, end, text[start:end], value, read.qualifier, read.vague, read.percent))
            i = read.end
    return found

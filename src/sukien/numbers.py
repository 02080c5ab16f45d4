"""Numbers in Vietnamese news, and the dead and injured a sentence counts.

Vietnamese prints thousands with dots and decimals with commas ("5.000", "80,1%", "1,5 triệu") and
counts in words too ("hai mươi mốt", "hàng chục"). `parse_number` reads one such expression,
`find_quantities` finds every one in running text with true offsets, and `casualties` takes the numbers
of dead and injured a sentence states. Number words and cue words live in `data/events/casualties.tsv`.

Decisions:
- A dot followed by exactly three digits groups thousands ("1.026" → 1026), as Vietnamese prints them.
  Any other dot cannot, so it is an English decimal point ("7.9%" → 7.9). A single comma is a decimal
  comma ("80,1"); several commas grouping threes are English thousands ("1,234,567").
- Vague counts ("hàng chục", "vài", "một số") are quantities with `value` None and `vague` True.
- Dates, times, years and labels ("24-10", "13/9", "năm 2020", "thứ hai", "S-400") are not quantities.
- A range "300-400" is its lower bound with qualifier "at_least".
- "thương vong" (dead and injured as one lump) is neither count: it goes to `Casualties.dead_or_injured`.
- When a sentence gives several counts of one kind, the largest is taken: a part ("trong đó 18 em nhỏ")
  is never larger than its whole.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from functools import cache

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


@dataclass(frozen=True)
class Casualties:
    """The dead and injured a sentence counts; `dead_or_injured` is a lump count ("50 người thương vong")."""

    dead: int | None
    injured: int | None
    dead_or_injured: int | None = None


# --- the data file -------------------------------------------------------------------------------------


def _key(text: str) -> str:
    """`text` in lower case with tone marks in one place, letter for letter, so offsets carry over."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep such letters as they are
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)

    def word(match: re.Match[str]) -> str:
        fixed = canonical(match.group())
        return fixed if len(fixed) == len(match.group()) else match.group()

    return _WORD.sub(word, lowered)


@cache
def _table() -> dict[str, dict[str, str]]:
    """kind -> phrase (as `_key` writes it) -> value, from `casualties.tsv`."""
    table: dict[str, dict[str, str]] = {}
    for row in data_rows("events/casualties.tsv"):
        table.setdefault(row["kind"], {})[_key(row["phrase"])] = row["value"]
    return table


def _kind(kind: str) -> dict[str, str]:
    return _table().get(kind, {})


@cache
def _pattern(*kinds: str, lead: str = "", anchor: str = "") -> re.Pattern[str]:
    """A regex of the phrases of `kinds` as whole words, longest first, between `lead` and `anchor`."""
    phrases = sorted({p for kind in kinds for p in _kind(kind)}, key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) or "(?!)"
    return re.compile(rf"{lead}(?<!\w)(?:{words})(?!\w){anchor}")


# --- tokens and the grammar of one number expression ----------------------------------------------------


@dataclass(frozen=True)
class _Token:
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


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group(), m.lastgroup or "mark") for m in _TOKEN.finditer(_key(text))]


def _phrase(toks: list[_Token], i: int, kind: str) -> tuple[str, int] | None:
    """The longest phrase of `kind` starting at token `i`: (its value, the token after it)."""
    table = _kind(kind)
    longest = max((len(p.split()) for p in table), default=0)
    for n in range(min(longest, len(toks) - i), 0, -1):
        phrase = " ".join(t.key for t in toks[i : i + n])
        if phrase in table:
            return table[phrase], i + n
    return None


def _is(toks: list[_Token], i: int, kind: str) -> bool:
    return i < len(toks) and toks[i].key in _kind(kind)


def _kind_value(toks: list[_Token], i: int, kind: str) -> int:
    return int(_kind(kind)[toks[i].key])


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
    toks = _tokens(text)
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
        before.kind == "num" or before.key in _kind("year_before") or _is_number_word(before)
    )
    return counted_before or after is None or after.kind != "word" or _phrase(toks, read.end, "year_after") is not None


def _after_marker(toks: list[_Token], n: int) -> bool:
    """Whether a marker of one or two words ends right before token `n`."""
    return any(n >= k and (_phrase(toks, n - k, "marker") or ("", -1))[1] == n for k in (1, 2))


def _is_number_word(tok: _Token) -> bool:
    return any(tok.key in _kind(kind) for kind in ("digit", "after_ten", "ten", "tens", "scale", "half"))


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
    return frozenset(phrase.split()[0] for kind in kinds for phrase in _kind(kind))


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in `text`, left to right, with true offsets; dates and codes left out."""
    toks, found, i, openers = _tokens(text), [], 0, _openers()
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


# --- casualties ---------------------------------------------------------------------------------------

# What stops a count from reaching a casualty word: a clause break (a comma or dot not inside a
# numeral like "5.000"), or a count too far away.
_BREAK = re.compile(r"[,.](?!\d)|(?<!\d)[,.]|[;:!?()\[\]“”\"]|\s-\s|[–—]")
_MAX_GAP_WORDS = 10


@dataclass(frozen=True)
class _Cue:
    kind: str  # "dead", "injured" or "both"
    order: str  # where its count stands: "before" or "after"
    start: int
    end: int


def _cues(key: str) -> list[_Cue]:
    """The casualty words of a sentence; phrases like "cái chết" hold one but are skipped."""
    cues = []
    for match in _pattern("dead", "injured", "both", "not_cue").finditer(key):
        phrase = " ".join(match.group().split())
        kind = next((k for k in ("dead", "injured", "both") if phrase in _kind(k)), None)
        if kind is not None:
            cues.append(_Cue(kind, _kind(kind)[phrase], match.start(), match.end()))
    return cues


def _as_count(quantity: Quantity) -> int | None:
    """A whole number of people, or None (vague, a percentage, a fraction)."""
    value = quantity.value
    if value is None or quantity.percent or not math.isfinite(value) or value < 0 or value != int(value):
        return None
    return int(value)


def _person_after(key: str, position: int) -> int | None:
    """The end of a noun of people right after `position` ("binh sĩ", "người"), or None."""
    match = _pattern("person", "not_person", lead=r"\s*").match(key, position)
    if match is None or " ".join(match.group().split()) not in _kind("person"):
        return None  # "5 tên lửa" are missiles, though "tên" counts militants
    return match.end()


def _blocked(gap: str) -> bool:
    """Whether a count cannot reach across `gap` to its casualty word."""
    return bool(
        _BREAK.search(gap)
        or len(gap.split()) > _MAX_GAP_WORDS
        or _pattern("cause").search(gap)
        or _pattern("negation").search(gap)
        or _pattern("dead", "injured", "both").search(gap)
    )


def _count_before(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The count before its noun before the cue: "50 quân nhân nước này đã thiệt mạng"."""
    earlier = [q for q in quantities if q.end <= cue.start]
    for n in range(len(earlier) - 1, -1, -1):
        quantity = earlier[n]
        if _blocked(key[quantity.end : cue.start]) or quantity.percent:
            return None
        if _person_after(key, quantity.end) is not None:
            return _with_earlier(key, earlier[:n], quantity)
    return None


def _with_earlier(key: str, earlier: list[Quantity], quantity: Quantity) -> int | None:
    """`quantity`'s count, read with the counts just before it.

    "3 trong số 10 con tin đã bị giết" counts 3 (a percentage part, "10% trong số ...", counts none);
    "9 chiến binh và một người qua đường thiệt mạng" counts 10. Vague counts give None.
    """
    part = earlier[-1] if earlier else None
    if part is not None and _pattern("part", lead=r"\s*", anchor=r"\s*$").fullmatch(key[part.end : quantity.start]):
        return _as_count(part)
    count = _as_count(quantity)
    for previous in reversed(earlier):
        noun = _person_after(key, previous.end)
        joined = noun is not None and _pattern("and", anchor=r"\s*$").search(key[noun : quantity.start])
        if count is None or not joined or _blocked(key[previous.end : quantity.start]):
            break
        more = _as_count(previous)
        count, quantity = (None if more is None else count + more), previous
    return count


def _count_after(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The count right after the cue: "làm thiệt mạng hơn 240.000 người", "giết 3 binh sĩ", "làm chết 129."."""
    quantity = next((q for q in quantities if q.start >= cue.end), None)
    if quantity is None or _pattern("filler").sub("", key[cue.end : quantity.start]).strip():
        return None
    rest = key[quantity.end :].lstrip()
    ends = not rest or not rest[0].isalnum() or _pattern("clause").match(rest) is not None
    return _as_count(quantity) if ends or _person_after(key, quantity.end) is not None else None


def _tallied(key: str, cue: _Cue) -> bool:
    """Whether the cue belongs to a total's noun: "số người thiệt mạng", "lượng binh sĩ Armenia thiệt mạng"."""
    clause = _BREAK.split(key[: cue.start])[-1]
    nouns = list(_pattern("tally").finditer(clause))
    if not nouns or len(clause[nouns[-1].end() :].split()) > 4:  # "số" + a noun of people and a name or two
        return False
    return _pattern("not_tally", anchor="$").search(clause[: nouns[-1].end()]) is None


def _tally_count(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    """The figure a total reaches after the cue ("... lên tổng cộng 963 người"), else a count of people after it."""
    # Only up to the next casualty word: "số bỏ mạng lên 2.120 người, còn số bị thương là gần 16.000".
    following = _pattern("dead", "injured", "both").search(key, cue.end)
    stop = following.start() if following else len(key)
    after = [q for q in quantities if q.start >= cue.end and q.end <= stop and not q.percent]
    reached = [q for q in after if _pattern("reach", anchor=r"\s*$").search(key[cue.end : q.start])]
    if reached:
        return _as_count(reached[-1])
    counted = next((q for q in after if _person_after(key, q.end) is not None), None)
    return _as_count(counted) if counted else None


def _count(key: str, cue: _Cue, quantities: list[Quantity]) -> int | None:
    before = key[: cue.start]
    if _pattern("negation", anchor=r"\s*$").search(before):
        return None  # "không bị thương"
    if cue.order == "after" or _pattern("cause", anchor=r"\s*$").search(before):
        return _count_after(key, cue, quantities)
    if _tallied(key, cue) and (total := _tally_count(key, cue, quantities)) is not None:
        return total
    return _count_before(key, cue, quantities)  # also "tổng số 216.000 người thiệt mạng"


def casualties(sentence: str) -> Casualties:
    """The dead and injured counts `sentence` states ("16 dân thường đã thiệt mạng, 46 người khác bị thương")."""
    key, quantities = _key(sentence), find_quantities(sentence)
    counts: dict[str, list[int]] = {"dead": [], "injured": [], "both": []}
    for cue in _cues(key):
        count = _count(key, cue, quantities)
        if count is not None:
            counts[cue.kind].append(count)
    # The largest: a part ("trong đó 18 em nhỏ") never exceeds its whole.
    dead, injured, both = (max(counts[k], default=None) for k in ("dead", "injured", "both"))
    return Casualties(dead, injured, both)

"""The grammar of Vietnamese date expressions: one pattern and one reader per form, and the scan that runs them.

`dates.py` holds the public functions and the choices they make; this module only finds and reads mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import anchors
from .anchors import UNKNOWN, Anchor, ResolvedDate
from .normalize import LOWER, UPPER, word_edge


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression of a text, where it stands (half-open `[start, end)`), and the date it gives."""

    start: int
    end: int
    text: str
    resolved: ResolvedDate


# --- the grammar ---------------------------------------------------------------------------------

_PART = r"(?:rạng\s+sáng|sáng\s+sớm|sáng|trưa|chiều|tối|đêm|khuya|nửa\s+đêm)"
# A date word written before the day, part of the mention: "hôm ", "ngày ", "rạng sáng ", "chiều ngày ".
_LEAD = rf"(?P<lead>(?:{_PART}\s+)?(?:ngày|hôm)\s+|{_PART}\s+)?"
# A number starts a date only as a word of its own: not inside "B61-11", "5.000.000", "80,1", a path.
_START = r"(?<![\w.,/-])"
_END = r"(?!\w)(?![.,/-]\d)"
_DAY_MONTH = r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?"
_QUAL = r"(?:(?P<q>đầu|cuối|giữa|trung\s+tuần|thượng\s+tuần|hạ\s+tuần)\s+)?"
# "tới" after a date looks forward ("ngày 5/11 tới"), unless it is the verb "go to" ("hôm 24-10 tới Moskva").
_FORWARD = (
    rf"sắp\s+tới|tới\s+đây|tới(?!\s+(?-i:[{UPPER}]))(?!\s+(?:thăm|dự|gặp|làm\s+việc|nơi|chỗ|các|những|một|khu"
    r"|thủ\s+đô|thành\s+phố|hiện\s+trường|đó)(?!\w))"
)
_YEAR_WORD = r"năm\s+(?:(?P<rel>nay|ngoái|trước|tới|sau)|(?P<y2>\d{4}))(?!\w)"
# Words that end a relative expression and make it relative to another time: "năm sau đó", "tuần trước khi".
_NOT_FROM_NOW = r"(?!\s+(?:đó|đấy|ấy|nữa|khi)(?!\w))"

_WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5}
_MONTH_WORDS = {"một": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNTS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNT_WORDS = "|".join(_COUNTS)
_RELATIVE = {"trước": -1, "qua": -1, "rồi": -1, "ngoái": -1, "nay": 0, "này": 0, "tới": 1, "sau": 1, "kế tiếp": 1}
_DAYS = {"qua": -1, "kia": -2, "nay": 0, "mai": 1}


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)  # "Hôm qua" opens sentences; case matters only inside (?-i:...)


# Context that makes a number a quantity, not a date: before it ("khoảng 5-8", "chiếm 1/3", "tỷ số 3-2")...
_QUANTITY_BEFORE = _rx(
    r"(?<!\w)(?:khoảng|hơn|gần|chừng|chiếm|giảm|tăng|bằng|gấp|tỷ\s+số|tỉ\s+số|tỷ\s+lệ|tỉ\s+lệ|thắng|thua|hòa|hoà"
    r"|cỡ|trên|dưới|lúc|số|mất)\s*$"
)
# ...or after it ("5-8 lần", "20-30 người", "14.10 giờ").
_QUANTITY_AFTER = _rx(
    r"\s*(?:%|(?:phần\s+trăm|lần|giờ|h|g|phút|giây|ngày|tuần|tháng|năm|triệu|tỷ|tỉ|nghìn|ngàn|trăm|chục|km|m|cm|mm"
    r"|kg|tấn|lít|độ|usd|đô|euro|điểm|người|tuổi|lên|xuống|ha|dặm|chiếc|quả|con|bàn|ghế|phiếu|số|cử\s+tri)(?!\w))"
)
# A dotted pair before another number is a decimal in a range: "từ 1.5 đến 2 triệu".
_DECIMAL_RANGE_AFTER = _rx(r"\s*(?:đến|tới|-|–)\s*\d")
# Common fractions ("2/3 số ghế", "1/3 dân số") are dates only where no word follows them ("22/8: ...", "(1/3)").
_FRACTIONS = {"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "2/5", "3/5", "4/5"}
_WORD_AFTER = _rx(rf"\s+(?-i:[{LOWER}])")
# Date words that let a dotted "14.10" (or a lower-case "thứ hai") be a date though they stand outside it.
_CUE_BEFORE = _rx(r"(?<!\w)(?:vào|từ|đến|tới|hồi|cho\s+đến|kể\s+từ|trước|sau|hôm|ngày|" + _PART + r")\s*$")
_PAST_CUE = _rx(r"(?<!\w)(?:hồi|vào\s+hồi)\s*$")
# "vụ 11/9" names the 2001 attacks, "24/7" means all the time: no date of the anchor's year.
_NAMED_DAY = _rx(
    r"(?<!\w)(?:vụ|sự\s+kiện|khủng\s+bố|tấn\s+công|hậu|ủy\s+ban|uỷ\s+ban|thảm\s+kịch|thảm\s+họa|thảm\s+hoạ|kiểu)\s*$"
)
_COUNT_BEFORE = _rx(rf"(?:\d|(?<!\w)(?:{_COUNT_WORDS}|mươi|trăm|vài|mấy|nhiều|các|những|mỗi|hàng|bao|nửa|ít))\s*$")
_ERA_BEFORE = _rx(r"(?<!\w)(?:những|các|thập\s+niên|thập\s+kỷ|mỗi|từng)\s*$")
_ORDINAL_AFTER = _rx(r"\s+(?:liên\s+tiếp|trong|của)(?!\w)")


@dataclass(frozen=True, slots=True)
class _Scan:
    """One match being read: the text around it, the anchor, and whether the text is a lone expression."""

    text: str
    match: re.Match[str]
    anchor: Anchor | None
    lenient: bool  # `resolve`: the expression stands alone, so its start counts as after a date word

    def before(self, start: int | None = None) -> str:
        """Up to 30 characters before the match (or before `start`)."""
        start = self.match.start() if start is None else start
        return self.text[max(0, start - 30) : start]

    def cued(self) -> bool:
        """Whether a date word stands right before the match, or the match opens a lone expression."""
        return (self.lenient and self.match.start() == 0) or bool(_CUE_BEFORE.search(self.before()))

    def mention(self, start: int, end: int, resolved: ResolvedDate) -> DateMention:
        """A mention of `text[start:end]`."""
        return DateMention(start, end, self.text[start:end], resolved)

    def whole(self, resolved: ResolvedDate | None) -> list[DateMention] | None:
        """The whole match as one mention, or None when it resolves to no date."""
        if resolved is None:
            return None
        return [self.mention(self.match.start(), self.match.end(), resolved)]


def _day_month(scan: _Scan, *, lean: str) -> ResolvedDate | None:
    """The day-month (and year) of a match: d, m, y or y2, rel; None if the calendar has no such day."""
    groups = scan.match.groupdict()
    day, month = int(groups["d"]), int(groups["m"])
    year = groups.get("y") or groups.get("y2")
    if year:
        return anchors.full_date(int(year), month, day)
    if not anchors.is_day_month(day, month):
        return None
    if groups.get("rel"):
        return anchors.day_in_year(day, month, scan.anchor, _RELATIVE[groups["rel"].lower()])
    return anchors.day_month(day, month, scan.anchor, lean)


def _lean(scan: _Scan) -> str:
    """Which way a yearless day or month looks: "tới" forward, "vừa qua" and "hồi" back, else near."""
    direction = (scan.match.groupdict().get("dir") or "").lower()
    if "tới" in direction:
        return "future"
    if direction.startswith("vừa") or direction == "qua" or _PAST_CUE.search(scan.before()):
        return "past"
    return "near"


def _bare_number_ok(scan: _Scan, start: int, end: int, day_month: str, *, dotted: bool = False) -> bool:
    """Whether a number pair with no date word in it is a date, not a quantity, score, fraction or named day."""
    before, text = scan.before(start), scan.text
    if _QUANTITY_BEFORE.search(before) or _QUANTITY_AFTER.match(text, end):
        return False
    if (dotted and _DECIMAL_RANGE_AFTER.match(text, end)) or (day_month in _FRACTIONS and _WORD_AFTER.match(text, end)):
        return False
    return not (day_month == "24/7" or (day_month == "11/9" and _NAMED_DAY.search(before)))


def _numeric(scan: _Scan) -> list[DateMention] | None:
    """ "hôm 24-10", "13/9", "sáng 14.10", "13.10.2015", "ngày 1/12/2018", "ngày 24-10 năm ngoái"."""
    match = scan.match
    if not match["y"] and not match["lead"]:
        if match["sep"] == "." and not scan.cued():
            return None  # "2.5 lần", "5.10" in a table: a dotted pair is a date only after a date word
        pair = f"{int(match['d'])}/{int(match['m'])}"
        if not _bare_number_ok(scan, match.start(), match.end(), pair, dotted=match["sep"] == "."):
            return None
    return scan.whole(_day_month(scan, lean=_lean(scan)))


def _range(scan: _Scan) -> list[DateMention] | None:
    """ "ngày 23 và 24-10", "từ 5 đến 7/11", "23-24/10": a mention for each day."""
    match = scan.match
    if not match["lead"]:
        if match["conj"] not in ("-", "–") or match["sep"] == ".":
            return None
        if not _bare_number_ok(scan, match.start(), match.end(), ""):
            return None
    last = _day_month(scan, lean=_lean(scan))
    first_day = int(match["d1"])
    if last is None or not 1 <= first_day <= 31:
        return None
    first = _earlier_day(first_day, last, later_day=int(match["d"])) if last.value else UNKNOWN
    if first is None:
        return None
    return [scan.mention(match.start(), match.end("d1"), first), scan.mention(match.start("second"), match.end(), last)]


def _earlier_day(day: int, last: ResolvedDate, *, later_day: int) -> ResolvedDate | None:
    """The first day of a range in the month of its last day, or the month before ("30 đến 2/12")."""
    year, month = int(last.value[:4]), int(last.value[5:7])  # type: ignore[index]
    if day > later_day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return anchors.full_date(year, month, day)


def _written(scan: _Scan) -> list[DateMention] | None:
    """ "ngày 5 tháng 3", "ngày 5 tháng 3 năm 2011"."""
    return scan.whole(_day_month(scan, lean=_lean(scan)))


def _month(scan: _Scan) -> list[DateMention] | None:
    """ "tháng 3", "cuối tháng 7", "tháng 3/2011", "tháng 3.2011", "tháng 11 năm 2001", "tháng 12 năm ngoái"."""
    groups = scan.match.groupdict()
    written = groups["m"].lower().split()
    if written[0].isdigit():
        month = int(written[0])
    else:  # "tháng Ba", "tháng Mười hai"
        month = 10 + _MONTH_WORDS[written[1]] if len(written) == 2 else _MONTH_WORDS[written[0]]
    if not 1 <= month <= 12:
        return None
    year = groups["y"] or groups["y2"]
    if year:
        return scan.whole(anchors.as_month(int(year), month))
    if groups["rel"]:
        return scan.whole(anchors.month_in_year(month, scan.anchor, _RELATIVE[groups["rel"].lower()]))
    return scan.whole(anchors.month_of(month, scan.anchor, _lean(scan)))


def _year(scan: _Scan) -> list[DateMention] | None:
    """ "năm 2020", "đầu năm 2004"; not "những năm 1990" (a decade)."""
    if _ERA_BEFORE.search(scan.before()):
        return None
    return scan.whole(anchors.as_year(int(scan.match["y"])))


def _relative_unit(scan: _Scan) -> list[DateMention] | None:
    """ "năm ngoái", "tháng trước", "cuối tuần qua"; not "hai năm sau", "20 năm nay" (durations) or "năm này"."""
    match = scan.match
    if _COUNT_BEFORE.search(scan.before()):
        return None
    step = _RELATIVE[" ".join((match["w"] or match["w2"]).lower().split())]
    unit = (match["unit"] or match["unit2"]).lower()
    if unit == "năm":
        return scan.whole(anchors.shift_years(scan.anchor, step))
    if unit == "tháng":
        return scan.whole(anchors.shift_months(scan.anchor, step))
    part = match["q"].lower() if match["q"] and match["q"].lower() in ("đầu", "giữa", "cuối") else None
    return scan.whole(anchors.week(scan.anchor, step, part))


def _relative_day(scan: _Scan) -> list[DateMention] | None:
    """ "hôm qua", "hôm kia", "ngày mai", "sáng nay", "tối qua", "chiều ngày mai"; not "ngày nay" (nowadays)."""
    match = scan.match
    word = match["w"].lower()
    allowed = "qua kia nay" if match["hom"] else "mai kia" if match["ngay"] else "qua nay mai" if match["part"] else ""
    if word not in allowed.split():
        return None
    return scan.whole(anchors.shift_days(scan.anchor, _DAYS[word]))


def _ago(scan: _Scan) -> list[DateMention] | None:
    """ "3 ngày trước", "hai năm trước đây", "cách đây 2 tháng"."""
    match = scan.match
    count = match["n1"] or match["n2"]
    unit = (match["u1"] or match["u2"]).lower()
    number = int(count) if count.isdigit() else _COUNTS[count.lower()]
    return scan.whole(anchors.ago(number, unit, scan.anchor))


def _weekday(scan: _Scan) -> list[DateMention] | None:
    """ "hôm thứ Tư", "thứ Hai", "chủ nhật", "thứ Hai tuần tới", "chủ nhật tới", "thứ Bảy (24/10)"."""
    match = scan.match
    name = " ".join(match["wd"].split())
    number = 6 if name.lower().startswith("chủ") else _WEEKDAYS[name.split()[1].lower()]
    tail = match["d"] or match["w"] or match["dir"]
    capital = name.split()[1][0].isupper() or name.lower().startswith("chủ")
    if not (tail or match["cue"] or capital or scan.cued()):
        return None  # "lần thứ hai", "lớn thứ hai": the ordinal
    if not (tail or capital) and _ORDINAL_AFTER.match(scan.text, match.end()):
        return None  # "đêm thứ hai liên tiếp"
    if match["d"]:
        day = _day_month(scan, lean="near")
        if day is not None:
            return scan.whole(day)
        return [scan.mention(match.start(), match.end("wd"), anchors.weekday(number, scan.anchor))]
    if match["w"]:
        return scan.whole(anchors.weekday(number, scan.anchor, weeks=_RELATIVE[match["w"].lower()]))
    direction = (match["dir"] or "").lower()
    if direction == "này":
        return scan.whole(anchors.weekday(number, scan.anchor, weeks=0))
    lean = "future" if "tới" in direction else "before" if direction else "past"
    return scan.whole(anchors.weekday(number, scan.anchor, lean=lean))


_WEEKDAY = r"(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
_WEEKDAY_TAIL = (
    r"\s*,?\s*\(?\s*(?:ngày\s+)?" + _DAY_MONTH + r"\)?" + _END + r"|\s+tuần\s+(?P<w>này|trước|qua|tới|sau|rồi)(?!\w)"
    rf"|\s+(?P<dir>{_FORWARD}|vừa\s+(?:qua|rồi)|này)(?!\w)"
)
_MONTH_NAME = r"(?-i:Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười(?:\s+[Mm]ột|\s+[Hh]ai)?)"

# (pattern, reader): every pattern is searched on its own; overlaps go to the earliest, then longest.
_RULES: list[tuple[re.Pattern[str], Callable[[_Scan], list[DateMention] | None]]] = [
    (
        _rx(rf"{_START}{_LEAD}{_DAY_MONTH}{_END}(?:\s+(?:{_YEAR_WORD}|(?P<dir>{_FORWARD}|vừa\s+(?:qua|rồi))(?!\w)))?"),
        _numeric,
    ),
    (
        _rx(
            rf"{_START}{_LEAD}(?P<d1>\d{{1,2}})\s*(?P<conj>và|hoặc|hay|,|-|–|đến|tới|cho\s+đến)\s*"
            rf"(?P<second>(?:(?:ngày|hôm)\s+)?{_DAY_MONTH}){_END}"
        ),
        _range,
    ),
    (
        _rx(
            rf"(?<!\w)(?:{_PART}\s+)?ngày\s+(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
            rf"(?:\s*,?\s*năm\s+(?P<y>\d{{4}}))?{_END}"
        ),
        _written,
    ),
    (
        _rx(
            rf"(?<!\w){_QUAL}tháng\s+(?P<m>\d{{1,2}}|{_MONTH_NAME})(?:\s*[-/.]\s*(?P<y>\d{{4}})|\s*,?\s+{_YEAR_WORD}"
            rf"|\s+(?P<dir>{_FORWARD}|vừa\s+(?:qua|rồi)|qua(?!\s+đời)))?(?!\w)(?![./]\d)"
        ),
        _month,
    ),
    (_rx(rf"(?<!\w){_QUAL}năm\s+(?P<y>[12]\d{{3}})(?!\d)(?![.,/]\d)"), _year),
    (
        _rx(
            rf"(?<!\w){_QUAL}(?:(?P<unit>năm)\s+(?P<w>ngoái|nay|trước|qua|tới|sau|kế\s+tiếp)"
            rf"|(?P<unit2>tháng|tuần)\s+(?P<w2>này|nay|trước|qua|rồi|tới|sau|kế\s+tiếp))"
            rf"(?!\w){_NOT_FROM_NOW}"
        ),
        _relative_unit,
    ),
    (
        _rx(rf"(?<!\w)(?:(?P<part>{_PART})\s+)?(?:(?P<ngay>ngày)\s+)?(?:(?P<hom>hôm)\s+)?(?P<w>qua|kia|nay|mai)(?!\w)"),
        _relative_day,
    ),
    (
        _rx(
            rf"(?<!\w)(?:cách\s+đây\s+(?P<n1>\d{{1,3}}|{_COUNT_WORDS})\s+(?P<u1>ngày|tuần|tháng|năm)(?:\s+về\s+trước)?"
            rf"|(?P<n2>\d{{1,3}}|{_COUNT_WORDS})\s+(?P<u2>ngày|tuần|tháng|năm)\s+(?:về\s+)?trước"
            rf"(?=\s*(?:[,.;:!?)\n]|$)|\s+đây(?!\w)))(?:\s+đây)?(?!\w)"
        ),
        _ago,
    ),
    (_rx(rf"(?<!\w)(?:(?P<cue>hôm|{_PART})\s+)?(?:(?:ngày|hôm)\s+)?{_WEEKDAY}(?!\w)(?:{_WEEKDAY_TAIL})?"), _weekday),
]


# Each rule's core: what every mention of it holds (a digit pair, "tháng", "qua"...), cheap to find. The rule's
# full pattern, slow to try at every position, is searched only in windows around its cores.
_CORES: list[tuple[re.Pattern[str], ...]] = [
    (re.compile(r"\d[-/.]\d"),),
    (re.compile(r"\d[-/.]\d"),),
    (re.compile(r"ngày\s+\d"),),
    (re.compile(r"tháng(?!\w)"),),
    (re.compile(r"năm\s+[12]\d"),),
    (re.compile(r"năm(?!\w)"), re.compile(r"tháng(?!\w)"), re.compile(r"tuần(?!\w)")),
    (re.compile(r"qua(?!\w)"), re.compile(r"kia(?!\w)"), re.compile(r"nay(?!\w)"), re.compile(r"mai(?!\w)")),
    (re.compile(r"trước(?!\w)"), re.compile(r"cách\s+đây(?!\w)")),
    (re.compile(r"thứ(?!\w)"), re.compile(r"chủ\s+nhật(?!\w)")),
]
# A window reaches this far before a core (the longest lead: "rạng sáng ngày 23 đến ngày ") and after it, up to
# the next sentence end: there a truncated text ends as the whole text goes on, so lookaheads read the same.
_BEFORE_CORE = 48
_AFTER_CORE = 64
_SENTENCE_END = re.compile(r"(?<!\d)[.;!?](?=\s)")


def scan(text: str, anchor: Anchor | None, *, lenient: bool) -> list[DateMention]:
    """Every mention of every rule, then the earliest (and longest) of overlapping ones."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter that lower-cases to two: the cores would be misplaced
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    candidates = [
        found
        for (pattern, reader), cores in zip(_RULES, _CORES, strict=True)
        for found in _matches(pattern, reader, _windows(cores, lowered), text, anchor, lenient)
    ]
    candidates.sort(key=lambda found: (found[0].start, -found[-1].end))
    chosen: list[DateMention] = []
    for found in candidates:
        if not chosen or found[0].start >= chosen[-1].end:
            chosen.extend(found)
    return chosen


def _windows(cores: tuple[re.Pattern[str], ...], lowered: str) -> list[tuple[int, int]]:
    """Where a rule can match: around each of its cores in the lower-cased text, overlapping windows merged.

    The cores are literal-led, so they are searched fast; the word boundary before a word core is checked here.
    """
    hits = [hit for core in cores for hit in core.finditer(lowered) if _starts_word(lowered, hit)]
    hits.sort(key=lambda hit: hit.start())
    windows: list[tuple[int, int]] = []
    for hit in hits:
        start = max(0, hit.start() - _BEFORE_CORE)
        if windows and hit.end() + _AFTER_CORE <= windows[-1][1]:
            continue  # the open window already reaches the sentence end this core would
        stop = _SENTENCE_END.search(lowered, hit.end() + _AFTER_CORE)
        end = stop.start() if stop else len(lowered)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _starts_word(text: str, hit: re.Match[str]) -> bool:
    """A digit core may stand anywhere; a word core only after a non-word character."""
    index = hit.start()
    return text[index].isdigit() or word_edge(text, index - 1)


def _matches(pattern, reader, windows, text: str, anchor: Anchor | None, lenient: bool) -> Iterator[list[DateMention]]:
    # a match that is no date is retried one character on: "23-24/10" fails as 23 of month 24, "24/10" is next
    position = 0
    for start, end in windows:
        position = max(position, start)
        while (match := pattern.search(text, position, end)) is not None:
            found = reader(_Scan(text, match, anchor, lenient))
            if found:
                yield found
                position = match.end()
            else:
                position = match.start() + 1

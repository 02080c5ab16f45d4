"""The anchor of `dates`: reading it, counting from it, and recovering its year when an article has none.

Kept apart from the grammar in `dates.py`: nothing here reads date expressions. The arithmetic takes the
anchor (the publication date, as precise as it is known) and returns a `ResolvedDate`; with no anchor, an
expression that needs one gives `UNKNOWN`. `infer_year` weighs what an undated article states.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Protocol

from .models import Entity

if TYPE_CHECKING:
    from .actorbase import ActorBase

# A day or month without a year is the latest one at most this far after the anchor: news reports past
# events and announces near ones ("cuộc bầu cử ngày 3/11" in late October), so "hôm 30-12" in an article
# of 2 January is last December's and "ngày 5/1" in one of 28 December is next January's.
AHEAD = timedelta(days=61)
# How far back a day is looked for: 29 February comes back within eight years, even across 2100.
_YEARS_BACK = 9


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date at the precision the text gives: "2020-10-24" (day), "2020-10" (month), "2020" (year)."""

    value: str | None  # None: no year can be recovered
    precision: str | None  # "day", "month", "year"


UNKNOWN = ResolvedDate(None, None)


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication date expressions are read against, and how much of it is known."""

    day: date  # the day, or the first day of the month or year that is known
    precision: str  # "day", "month", "year"

    @property
    def latest(self) -> date:
        """The last day the anchor may stand for: the day itself, the end of its month or year."""
        if self.precision == "day":
            return self.day
        if self.precision == "month":
            return _next_month(self.day) - timedelta(days=1)
        return date(self.day.year, 12, 31)


# Anchors outside these years are not news dates; keeping to them also keeps the arithmetic off date.max.
_YEARS = range(1000, 3000)
_ISO = re.compile(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.+-]*Z?)?\s*$")


def parse_anchor(anchor: date | str | Anchor | None) -> Anchor | None:
    """The anchor from a date, an ISO string ("2020-10-25", "2020-10", "2020", with a time or not), or None."""
    if anchor is None or isinstance(anchor, Anchor):
        return anchor
    if isinstance(anchor, date):
        day = anchor.date() if isinstance(anchor, datetime) else anchor
        return Anchor(day, "day") if _YEARS.start <= day.year < _YEARS.stop else None
    match = _ISO.match(str(anchor))
    if not match:
        return None  # an unreadable anchor is no anchor: full dates still resolve
    year, month, day = (int(part) if part else None for part in match.groups())
    if year not in _YEARS:
        return None
    try:
        if day is not None:
            return Anchor(date(year, month, day), "day")  # type: ignore[arg-type]
        if month is not None:
            return Anchor(date(year, month, 1), "month")  # type: ignore[arg-type]
        return Anchor(date(year, 1, 1), "year")  # type: ignore[arg-type]
    except ValueError:
        return None


# --- formatting ----------------------------------------------------------------------------------


def as_day(day: date) -> ResolvedDate:
    """A day, precision day."""
    return ResolvedDate(day.isoformat(), "day")


def as_month(year: int, month: int) -> ResolvedDate:
    """A month, precision month."""
    return ResolvedDate(f"{year:04d}-{month:02d}", "month")


def as_year(year: int) -> ResolvedDate:
    """A year, precision year."""
    return ResolvedDate(f"{year:04d}", "year")


def coarse(day: date, precision: str) -> ResolvedDate:
    """A day written at a lower precision: what is left of a relative day when the anchor is a month or year."""
    if precision == "day":
        return as_day(day)
    return as_month(day.year, day.month) if precision == "month" else as_year(day.year)


def is_day_month(day: int, month: int) -> bool:
    """Whether the day exists in the month in some year (29/2 does, 31/2 and 31/4 do not)."""
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def full_date(year: int, month: int, day: int) -> ResolvedDate | None:
    """A day the text writes whole ("13.10.2015"); None if the calendar has no such day."""
    try:
        return as_day(date(year, month, day))
    except ValueError:
        return None


# --- days and months without a year --------------------------------------------------------------


def day_month(day: int, month: int, anchor: Anchor | None, lean: str = "near") -> ResolvedDate:
    """A day-month without a year ("hôm 24-10"), in the year the anchor and `lean` point to.

    lean "near": the latest such day at most AHEAD after the anchor; "past": on or before it ("hồi 24-10",
    "24-10 vừa qua"); "future": the first one after it ("ngày 5/11 tới").
    """
    if anchor is None:
        return UNKNOWN
    if anchor.precision == "year":
        return full_date(anchor.day.year, month, day) or UNKNOWN  # no rollback: the month is unknown
    if lean == "future":
        earliest = anchor.day
        for year in range(earliest.year, earliest.year + _YEARS_BACK):
            found = _date_or_none(year, month, day)
            if found and found > earliest:
                return as_day(found)
        return UNKNOWN
    limit = anchor.latest + (AHEAD if lean == "near" else timedelta(0))
    for year in range(limit.year, limit.year - _YEARS_BACK, -1):
        found = _date_or_none(year, month, day)
        if found and found <= limit:
            return as_day(found)
    return UNKNOWN


def day_in_year(day: int, month: int, anchor: Anchor | None, years: int) -> ResolvedDate:
    """A day-month of the anchor's year shifted by `years` ("24-10 năm ngoái")."""
    if anchor is None:
        return UNKNOWN
    return full_date(anchor.day.year + years, month, day) or UNKNOWN


def month_of(month: int, anchor: Anchor | None, lean: str = "near") -> ResolvedDate:
    """A month without a year ("tháng 3", "cuối tháng 7"), by the same rule as `day_month`."""
    if anchor is None:
        return UNKNOWN
    if anchor.precision == "year":
        return as_month(anchor.day.year, month)
    if lean == "future":
        year = anchor.day.year if month > anchor.day.month else anchor.day.year + 1
        return as_month(year, month)
    limit = anchor.latest + (AHEAD if lean == "near" else timedelta(0))
    year = limit.year if date(limit.year, month, 1) <= limit else limit.year - 1
    return as_month(year, month)


def month_in_year(month: int, anchor: Anchor | None, years: int) -> ResolvedDate:
    """A month of the anchor's year shifted by `years` ("tháng 12 năm ngoái")."""
    return UNKNOWN if anchor is None else as_month(anchor.day.year + years, month)


# --- relative days, weeks, months, years ---------------------------------------------------------


def shift_days(anchor: Anchor | None, days: int) -> ResolvedDate:
    """The anchor moved by whole days ("hôm qua": -1); a month or year anchor keeps its own precision."""
    if anchor is None:
        return UNKNOWN
    if anchor.precision != "day":
        return coarse(anchor.day, anchor.precision)  # "hôm qua" of "2020-10" is somewhere in (about) 2020-10
    return as_day(anchor.day + timedelta(days=days))


def shift_months(anchor: Anchor | None, months: int) -> ResolvedDate:
    """The anchor's month moved by whole months ("tháng trước": -1), precision month."""
    if anchor is None:
        return UNKNOWN
    if anchor.precision == "year":
        return as_year(anchor.day.year)
    index = anchor.day.year * 12 + anchor.day.month - 1 + months
    return as_month(index // 12, index % 12 + 1)


def shift_years(anchor: Anchor | None, years: int) -> ResolvedDate:
    """The anchor's year moved by whole years ("năm ngoái": -1), precision year."""
    return UNKNOWN if anchor is None else as_year(anchor.day.year + years)


# Where in a week a qualifier points: "đầu tuần" Monday, "giữa tuần" Wednesday, "cuối tuần" Saturday.
_WEEK_PART = {"đầu": 0, "giữa": 2, "cuối": 5}


def week(anchor: Anchor | None, weeks: int, part: str | None = None) -> ResolvedDate:
    """A week relative to the anchor's ("tuần trước": -1, "cuối tuần qua"), as the month of its day, precision month.

    OUTPUT.md knows no week precision: the week is given as the month of the day it points to (the anchor's
    weekday that week, or its Monday, Wednesday or Saturday for đầu, giữa, cuối).
    """
    if anchor is None:
        return UNKNOWN
    if anchor.precision != "day":
        return coarse(anchor.day, anchor.precision)
    monday = anchor.day - timedelta(days=anchor.day.weekday()) + timedelta(weeks=weeks)
    offset = anchor.day.weekday() if part is None else _WEEK_PART[part]
    day = monday + timedelta(days=offset)
    return as_month(day.year, day.month)


def weekday(number: int, anchor: Anchor | None, *, weeks: int | None = None, lean: str = "past") -> ResolvedDate:
    """A weekday (0 Monday ... 6 Sunday) near the anchor, precision day.

    Alone ("hôm thứ Tư"): the latest one on or before the anchor; lean "before" ("thứ Bảy vừa qua"):
    strictly before; "future" ("chủ nhật tới"): strictly after; `weeks` ("thứ Hai tuần tới": 1): in that
    week, weeks running Monday to Sunday.
    """
    if anchor is None:
        return UNKNOWN
    if anchor.precision != "day":
        return coarse(anchor.day, anchor.precision)
    today = anchor.day.weekday()
    if weeks is not None:
        return as_day(anchor.day + timedelta(days=number - today, weeks=weeks))
    if lean == "future":
        return as_day(anchor.day + timedelta(days=(number - today - 1) % 7 + 1))
    if lean == "before":
        return as_day(anchor.day - timedelta(days=(today - number - 1) % 7 + 1))
    return as_day(anchor.day - timedelta(days=(today - number) % 7))


def ago(count: int, unit: str, anchor: Anchor | None) -> ResolvedDate:
    """`count` days, weeks, months or years before the anchor ("3 ngày trước", "cách đây 2 năm")."""
    if unit == "ngày":
        return shift_days(anchor, -count)
    if unit == "tuần":
        return week(anchor, -count)
    if unit == "tháng":
        return shift_months(anchor, -count)
    return shift_years(anchor, -count)


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


# --- the year of an undated article --------------------------------------------------------------


class DateMentionLike(Protocol):
    """What `infer_year` reads of a `dates.DateMention`."""

    resolved: ResolvedDate


def infer_year(text: str, entities: Sequence[Entity], mentions: Sequence[DateMentionLike]) -> str | None:
    """The year an undated article was written in, from its stated dates and officeholders; None without support.

    The stated year is that of the latest full date the text gives, else of its latest month ("tháng
    3/2011"), else its latest year ("năm 2020"), from the mentions found with no anchor. A person named
    right after a title ("Ngoại trưởng Mỹ Mike Pompeo") bounds the year to the terms they held that office;
    the bounds of all such people are intersected. With bounds, the stated year is used only if it lies
    inside them, else their year if only one is left; a stated year outside them is not trusted.
    """
    stated = _stated_year(mentions)
    bounds = _term_years(text, entities)
    if bounds is None:
        return str(stated) if stated else None
    if stated in bounds:
        return str(stated)
    return str(min(bounds)) if len(bounds) == 1 else None


def _stated_year(mentions: Sequence[DateMentionLike]) -> int | None:
    """The year of the latest full date, else month, else year the text gives; none after this year (plans)."""
    this_year = date.today().year
    for precision in ("day", "month", "year"):
        years = [
            int(m.resolved.value[:4])
            for m in mentions
            if m.resolved.value and m.resolved.precision == precision and int(m.resolved.value[:4]) <= this_year
        ]
        if years:
            return max(years)
    return None


def _term_years(text: str, entities: Sequence[Entity]) -> set[int] | None:
    """The years every titled officeholder of the text held the office the title names; None if none is named."""
    from .actorbase import load_base  # the actor base is loaded only for undated articles

    base = load_base()
    bounds: set[int] | None = None
    for entity in entities:
        if entity.type != "PER" or not entity.actor.id:
            continue
        title = _title_before(text, entity, entities)
        years = _years_in_office(entity.actor.id, base.role_key(title), base) if title else set()
        if years:  # a title the base has no term for says nothing about the year
            bounds = years if bounds is None else bounds & years
    return bounds


def _years_in_office(person: str, key: str, base: ActorBase) -> set[int]:
    """Years `person` held the office `key` names; for "former_..." keys, the years since a term of it ended."""
    this_year = date.today().year
    office = key.removeprefix("former_")
    years: set[int] = set()
    for role in base.roles_of(person):
        if base.role_key(role.title) != office:
            continue
        end = int(role.end[:4]) if role.end else None
        if key.startswith("former_"):
            years |= set(range(end, this_year + 1)) if end else set()
        else:
            years |= set(range(int(role.start[:4]), (end or this_year) + 1))
    return years


def _title_before(text: str, entity: Entity, entities: Sequence[Entity]) -> str | None:
    """The title right before a person's name, with at most a country or body between ("Ngoại trưởng Mỹ")."""
    offset = max(0, entity.start - 60)
    window = text[offset : entity.start]
    found = list(_title_pattern().finditer(window))
    if not found:
        return None
    last = found[-1]  # an earlier title belongs to someone named before
    words = list(re.finditer(r"\S+", window[last.end() :]))
    if len(words) > 4:
        return None
    for word in words:
        position = offset + last.end() + word.start()
        inside = next((e for e in entities if e.start <= position < e.end), None)
        if inside is not None and inside.type == "PER":
            return None  # "Thủ tướng Anh Boris Johnson, ..." titles Johnson
        if inside is None and not (word.group()[0].isupper() and word.group().isalpha()):
            return None
    return last.group()


@cache
def _title_pattern() -> re.Pattern[str]:
    from .actorbase import load_base

    ordered = sorted(load_base().titles, key=len, reverse=True)  # "Phó Tổng thống" before "Tổng thống"
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")

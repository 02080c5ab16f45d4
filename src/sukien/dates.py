"""Date expressions in Vietnamese news, found in running text and resolved against the publication date.

`find_dates` finds every expression ("hôm 24-10", "13.10.2015", "tháng 3/2011", "năm ngoái", "hôm qua",
"thứ Hai tuần tới", "cuối tuần qua"...), `resolve` reads one, `infer_anchor` recovers the year of an article
printed without a date. The arithmetic is in `anchors`. Choices made where the text leaves room:

- A day-month without a year is the latest such day at most ~2 months after the anchor (`anchors.AHEAD`):
  news reports past events and announces near ones. "tới" after it looks forward, "vừa qua" or "hồi" back.
- Weeks ("tuần trước", "cuối tuần qua") have no precision of their own in OUTPUT.md: they are given as the
  month of the day they point to, precision month. A weekday ("thứ Hai tuần tới") is a day.
- "ngày 23 và 24-10", "từ 5 đến 7/11", "từ ngày 5/11 đến 2/12": one mention per day given, in order;
  `resolve` of the whole expression gives the last one.
- A dotted "14.10" is a day-month only after a date word ("hôm", "ngày", "sáng", "vào", "từ"...) or a
  weekday, and never before a unit ("lúc 14.10 giờ"); "80,1%" and "5.000" never match. A bare "24-10" or
  "13/9" is a date unless a quantity stands beside it ("khoảng 5-8 lần", "chiếm 1/3 dân số").
- Lower-case "thứ hai" is also the ordinal "second": it is a weekday only beside a date word, a week or a
  date ("hôm thứ hai", "thứ hai tuần tới"); "thứ Hai" and "chủ nhật" always are.
- "tuần qua", "tháng qua", "năm qua" are the previous week, month, year; "N ngày trước", "cách đây N năm"
  count back from the anchor. Counted ones ("hai năm sau", "20 năm nay", "3 tháng qua") and ones relative
  to another time ("năm sau đó", "2 ngày trước khi") are durations, not dates.
- "vụ 11/9" (the 2001 attacks) and "24/7" are not dates of the anchor's year.
- With a month or year anchor, relative days and weeks keep the anchor's precision ("hôm qua" of "2020-10"
  is "2020-10"); with no anchor, only expressions that state their year resolve, the rest give
  `ResolvedDate(None, None)`.
"""

from __future__ import annotations

import re
from datetime import date

from . import anchors
from .anchors import ResolvedDate, parse_anchor
from .dategrammar import DateMention
from .dategrammar import scan as _find
from .models import Entity

__all__ = ["DateMention", "ResolvedDate", "find_dates", "infer_anchor", "resolve"]


def resolve(expression: str, anchor: date | str | None) -> ResolvedDate | None:
    """The date one expression gives against the anchor; None if the expression is not a date expression."""
    found = _find(expression, parse_anchor(anchor), lenient=True)
    if not found or _LEFTOVER.sub("", _without(expression, found)):
        return None
    return found[-1].resolved


def find_dates(text: str, anchor: date | str | None) -> list[DateMention]:
    """Every date expression of a running text, left to right, resolved against the anchor."""
    return _find(text, parse_anchor(anchor), lenient=False)


def infer_anchor(
    text: str, entities: tuple[Entity, ...] | list[Entity] = (), captions: tuple[str, ...] | list[str] = ()
) -> tuple[str | None, str | None]:
    """The year ("YYYY", "inferred") of an undated article from the dates and officeholders it names; (None, None).

    Captions count as stated dates: a photo is dated the day it was taken ("... ngày 13.10.2015 - Ảnh: AFP").
    """
    mentions = find_dates(text, None) + [m for caption in captions for m in find_dates(caption, None)]
    year = anchors.infer_year(text, entities, mentions)
    return (year, "inferred") if year else (None, None)


# What may stand around the mentions of an expression given to `resolve`: prepositions and joiners.
_LEFTOVER = re.compile(r"(?:\b(?:vào|từ|kể|cho|đến|tới|hồi|và|hoặc|hay|lúc)\b|[\s,;:.()–-])+", re.IGNORECASE)


def _without(text: str, mentions: list[DateMention]) -> str:
    kept, position = [], 0
    for mention in mentions:
        kept.append(text[position : mention.start])
        position = mention.end
    return "".join(kept) + text[position:]

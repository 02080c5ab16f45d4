"""Events counted once per story: reports of one story with the same (source, type, target, date) fold into one.

GDELT counts every report of an event as an event; here near-duplicate articles form a story
(`stories.py`) and the events they share are one event with `num_mentions` (reports),
`num_articles` (distinct articles) and `num_sources` (distinct outlets). A denial ("không tấn công")
never folds with an assertion: negation is part of the key.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from urllib.parse import urlsplit

from .queries import event_record, event_rows


def fold_key(row: sqlite3.Row) -> tuple:
    """What makes two reports the same event."""
    return (row["story_id"], row["source_key"], row["type"], row["target_key"], row["date"], row["negated"])


def folded_id(key: tuple) -> str:
    """A stable id for a folded event, from its key."""
    text = "\x1f".join("" if part is None else str(part) for part in key)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _outlets(row: sqlite3.Row) -> set[str]:
    """The outlets an event's article was seen in: named outlet, else the URL's host, else unknown ('')."""
    found = set()
    for outlet, url, _path in json.loads(row["seen"] or "[]"):
        found.add(outlet or (urlsplit(url).hostname or "" if url else ""))
    return found


def fold(rows: list[sqlite3.Row]) -> list[dict]:
    """Fold event rows (in any order) into one record per event; the first report of each is its face.

    A report that gives no date joins the dated reports of the same story, parties and type when they
    all agree on one date (a re-post without a publication date cannot resolve "hôm 12/3").
    """
    groups: dict[tuple, list[sqlite3.Row]] = {}
    for row in rows:
        groups.setdefault(fold_key(row), []).append(row)
    dates: dict[tuple, list[tuple]] = {}
    for key in groups:
        if key[4] is not None:
            dates.setdefault(_undated(key), []).append(key)
    for key in [k for k in groups if k[4] is None]:
        dated = dates.get(_undated(key), [])
        if len(dated) == 1:
            groups[dated[0]].extend(groups.pop(key))
    return [_folded(key, reports) for key, reports in groups.items()]


def _undated(key: tuple) -> tuple:
    return key[:4] + key[5:]


def _folded(key: tuple, reports: list[sqlite3.Row]) -> dict:
    face = reports[0]
    record = event_record(face)
    for field in ("dead", "injured"):  # the largest count any report gives
        counts = [r[field] for r in reports if r[field] is not None]
        record[field] = max(counts) if counts else None
    outlets = set().union(*(_outlets(r) for r in reports))
    return {
        "id": folded_id(key),
        **record,
        "day": face["day"],
        "event_text": face["event_text"],
        "story_id": face["story_id"],
        "article_id": face["article_id"],
        "title": face["title"],
        "published": face["published"],
        "outlet": face["outlet"],
        "url": face["url"],
        "lead": bool(face["lead"]),
        "ingested": face["ingested"],
        "num_mentions": len(reports),
        "num_articles": len({r["article_id"] for r in reports}),
        "num_sources": len(outlets) or 1,
        "article_ids": sorted({r["article_id"] for r in reports}),
        "event_ids": [r["id"] for r in reports],
    }


def events(conn: sqlite3.Connection, *, limit: int | None = None, newest_first: bool = True, **filters) -> list[dict]:
    """Folded events passing the filters (actor, target, types, since, until), newest first by default."""
    folded = fold(event_rows(conn, **filters))
    dated = sorted((e for e in folded if e["day"]), key=lambda e: (e["day"], e["id"]), reverse=newest_first)
    result = dated + [e for e in folded if not e["day"]]
    return result[:limit] if limit is not None else result

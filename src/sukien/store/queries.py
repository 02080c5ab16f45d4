"""Read queries over the store: events (folded per story), most-mentioned actors, stories, one article.

Every record returned is a plain dict with OUTPUT.md field names, plus a few added fields (`story_id`,
`url`, counts), so it serialises to JSON as it is.
"""

from __future__ import annotations

import json
import sqlite3
from functools import cache

from .migrations import StoreError


def resolve_actor(value: str) -> tuple[str, list[str]]:
    """An SQL condition on `event_actors x` for an actor filter: ISO3 country, org code, actor id or name."""
    from ..actorbase import load_base, search_actors

    text = value.strip()
    countries, orgs = _codes()
    # Codes are written in capitals: "NGA" is Nigeria, "Nga" is the Vietnamese name of Russia.
    if text in countries:
        return "x.country = ?", [text]
    if text in orgs:
        return "x.org = ?", [text]
    if len(text) == 6 and text.isupper() and text[:3] in countries:  # CAMEO-style country + sector: RUSMIL
        return "(x.country = ? AND x.sector = ?)", [text[:3], text[3:]]
    if "/" in text and text in load_base().entries:
        return "x.actor_id = ?", [text]
    conditions, params = ["x.name = ?"], [text]
    for entry in search_actors(text):
        if entry.id.startswith("country/"):
            conditions.append("x.country = ?")
            params.append(entry.country)
        elif entry.id.startswith("org/") and entry.org:
            conditions.append("x.org = ?")
            params.append(entry.org)
        else:
            conditions.append("x.actor_id = ?")
            params.append(entry.id)
    return "(" + " OR ".join(conditions) + ")", params


@cache
def _codes() -> tuple[frozenset[str], frozenset[str]]:
    from ..actorbase import load_base

    entries = load_base().entries.values()
    countries = frozenset(e.country for e in entries if e.id.startswith("country/") and e.country)
    return countries, frozenset(e.org for e in entries if e.org)


_HAS_ACTOR = "EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.role = ? AND {condition})"


def event_rows(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    target: str | None = None,
    types: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[sqlite3.Row]:
    """Stored events (one per report) that pass the filters, oldest first."""
    where, params = [], []
    for role, value in (("source", actor), ("target", target)):
        if value:
            condition, values = resolve_actor(value)
            where.append(_HAS_ACTOR.format(condition=condition))
            params += [role, *values]
    if types:
        kinds = [t.strip().upper() for t in types.split(",") if t.strip()]
        where.append("(" + " OR ".join("e.cameo LIKE ? || '%'" if k.isdigit() else "e.type = ?" for k in kinds) + ")")
        params += kinds
    if since:
        where.append("e.day >= ?")
        params.append(since)
    if until:
        where.append("e.day <= ? || '~'")  # '~' sorts after every date suffix: --until 2020 takes 2020-12-31
        params.append(until)
    sql = f"""SELECT e.*, a.story_id, a.published, a.title, a.url, a.outlet, a.input_path, a.input_record,
                     a.ingested, substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS event_text,
                     (SELECT json_group_array(json_array(s.outlet, s.url, s.path))
                      FROM sightings s WHERE s.article_id = e.article_id) AS seen
              FROM events e JOIN articles a ON a.id = e.article_id
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY e.day IS NULL, e.day, e.article_id, e.idx"""
    return conn.execute(sql, params).fetchall()


def event_record(row: sqlite3.Row) -> dict:
    """One stored event in the OUTPUT.md Event shape, with where it was reported."""
    return {
        "type": row["type"],
        "source": json.loads(row["source"]),
        "target": json.loads(row["target"]),
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "mode": row["mode"],
        "context": json.loads(row["context"]),
        "date": row["date"],
        "date_precision": row["date_precision"],
        "location": json.loads(row["location"]) if row["location"] else None,
        "dead": row["dead"],
        "injured": row["injured"],
        "negated": bool(row["negated"]),
        "modality": row["modality"],
    }


def top_actors(conn: sqlite3.Connection, *, limit: int = 20, type: str | None = None) -> list[dict]:
    """The actors mentioned in most articles (mentions break ties), with their codes."""
    where, params = ("WHERE type = ?", [type.upper()]) if type else ("", [])
    rows = conn.execute(
        f"""SELECT t.actor_key, t.articles, t.mentions, a.name, a.country, a.org, a.sector, a.wikidata,
                   (SELECT type FROM article_actors WHERE actor_key = t.actor_key
                    GROUP BY type ORDER BY count(*) DESC LIMIT 1) AS type
            FROM (SELECT actor_key, count(*) AS articles, sum(mentions) AS mentions FROM article_actors {where}
                  GROUP BY actor_key ORDER BY articles DESC, mentions DESC, actor_key LIMIT ?) AS t
            LEFT JOIN actors a ON a.id = t.actor_key
            ORDER BY t.articles DESC, t.mentions DESC, t.actor_key""",
        (*params, limit),
    ).fetchall()
    return [_actor_count(row) for row in rows]


def _actor_count(row: sqlite3.Row) -> dict:
    known = not row["actor_key"].startswith("name:")
    return {
        "id": row["actor_key"] if known else None,
        "name": row["name"] if known else row["actor_key"][5:],
        "type": row["type"],
        "country": row["country"],
        "org": row["org"],
        "sector": row["sector"],
        "wikidata": row["wikidata"],
        "articles": row["articles"],
        "mentions": row["mentions"],
    }


def stories(conn: sqlite3.Connection, *, limit: int = 20, min_size: int = 2) -> list[dict]:
    """Stories told by at least `min_size` articles, largest first, with their outlets."""
    rows = conn.execute(
        """SELECT s.*, (SELECT json_group_array(DISTINCT coalesce(g.outlet, g.path)) FROM articles a
                        JOIN sightings g ON g.article_id = a.id WHERE a.story_id = s.id) AS outlets
           FROM stories s WHERE s.size >= ? ORDER BY s.size DESC, s.last_published DESC, s.id LIMIT ?""",
        (min_size, limit),
    ).fetchall()
    return [{**dict(row), "outlets": json.loads(row["outlets"])} for row in rows]


def story_articles(conn: sqlite3.Connection, story_id: str) -> list[dict]:
    """The articles of one story, oldest first."""
    rows = conn.execute(
        "SELECT id, title, published, outlet, url, input_path, input_record FROM articles WHERE story_id = ? "
        "ORDER BY published IS NULL, published, id",
        (story_id,),
    ).fetchall()
    return [dict(row) for row in rows]


def find_article_id(conn: sqlite3.Connection, prefix: str) -> str:
    """The full id of the article whose id starts with `prefix`; an error names the ambiguity."""
    prefix = prefix.strip().lower()
    rows = conn.execute(
        "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 6", (prefix, prefix + "\uffff")
    ).fetchall()
    if not prefix or not rows:
        raise StoreError(f"no article has an id starting with {prefix!r}; `sukien search` finds ids")
    if len(rows) > 1 and rows[0]["id"] != prefix:
        ids = ", ".join(row["id"] for row in rows[:5])
        raise StoreError(f"{prefix!r} starts several article ids ({ids}...); give more of it")
    return rows[0]["id"]


def article(conn: sqlite3.Connection, article_id: str) -> dict:
    """One article in the OUTPUT.md shape, with its entities, quotes and events, plus url and story_id."""
    full = find_article_id(conn, article_id)
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (full,)).fetchone()
    record = {
        "id": row["id"],
        "input": {"path": row["input_path"], "record": row["input_record"], "index": row["input_index"]},
        "title": row["title"],
        "text": row["text"],
        "captions": json.loads(row["captions"]),
        "outlet": row["outlet"],
        "authors": json.loads(row["authors"]),
        "sources": json.loads(row["sources"]),
        "published": row["published"],
        "published_basis": row["published_basis"],
        "language": row["language"],
        "entities": [_entity(e) for e in _children(conn, "entities", full)],
        "quotes": [_quote(q) for q in _children(conn, "quotes", full)],
        "events": [event_record(e) for e in _children(conn, "events", full)],
    }
    return {**record, "url": row["url"], "story_id": row["story_id"], "pipeline": row["pipeline"]}


def _children(conn: sqlite3.Connection, table: str, article_id: str) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", (article_id,)).fetchall()


def _entity(row: sqlite3.Row) -> dict:
    actor = {k: row[f"actor_{k}"] for k in ("id", "name", "country", "org", "sector", "wikidata")}
    return {"text": row["text"], "start": row["start"], "end": row["end"], "type": row["type"], "actor": actor}


def _quote(row: sqlite3.Row) -> dict:
    speaker = json.loads(row["speaker"]) if row["speaker"] else None
    span = {"text": row["text"], "start": row["start"], "end": row["end"]}
    return {**span, "speaker": speaker, "speaker_text": row["speaker_text"]}

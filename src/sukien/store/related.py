"""Related articles: those that share the article's actors and its distinctive words.

Two signals, each scaled to [0, 1] and added: the actors both articles mention, weighted by how rare
each actor is (idf), and the bm25 score of the article's headline words (its first words when it
has no headline) over the rest of the store, the commonest words left out. Articles of the same
story are near-copies, not related reading, so they are left out.
"""

from __future__ import annotations

import math
import sqlite3

from .folding import TOKEN, fold_text

MAX_ACTORS = 12  # the article's rarest, most mentioned actors looked up
MAX_TERMS = 16
COMMON_SHARE = 0.05  # words in more than this share of articles say nothing about relatedness
CANDIDATES = 200


def related(conn: sqlite3.Connection, article_id: str, *, limit: int = 10) -> list[dict]:
    """Articles related to `article_id`, best first, with the actors they share with it."""
    row = conn.execute("SELECT num, title, text, story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return []
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0] or 1
    by_actors, shared = _actor_scores(conn, article_id, total)
    by_terms = _term_scores(conn, row["title"] or row["text"][:300], row["num"], total)
    scores: dict[str, float] = {}
    for part in (by_actors, by_terms):
        top = max(part.values(), default=0.0) or 1.0
        for other, value in part.items():
            scores[other] = scores.get(other, 0.0) + value / top
    same_story = {r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id = ?", (row["story_id"],))}
    ranked = sorted((item for item in scores.items() if item[0] not in same_story), key=lambda kv: (-kv[1], kv[0]))
    return [_describe(conn, other, score, shared.get(other, [])) for other, score in ranked[:limit]]


def _actor_scores(conn: sqlite3.Connection, article_id: str, total: int) -> tuple[dict, dict]:
    own = conn.execute(
        """SELECT a.actor_key, a.mentions, (SELECT count(*) FROM article_actors b WHERE b.actor_key = a.actor_key) AS df
           FROM article_actors a WHERE a.article_id = ?""",
        (article_id,),
    ).fetchall()
    weights = {r["actor_key"]: math.log(1 + total / r["df"]) for r in own if r["df"] > 1}
    chosen = sorted(weights, key=lambda k: -weights[k] * next(r["mentions"] for r in own if r["actor_key"] == k))
    scores: dict[str, float] = {}
    shared: dict[str, list[str]] = {}
    for key in chosen[:MAX_ACTORS]:
        for (other,) in conn.execute(
            "SELECT article_id FROM article_actors WHERE actor_key = ? AND article_id != ?", (key, article_id)
        ):
            scores[other] = scores.get(other, 0.0) + weights[key]
            shared.setdefault(other, []).append(key)
    return scores, shared


def _term_scores(conn: sqlite3.Connection, text: str, num: int, total: int) -> dict[str, float]:
    tokens = list(dict.fromkeys(t for t in TOKEN.findall(fold_text(text)) if not t.isdigit()))
    if not tokens:
        return {}
    marks = ",".join("?" * len(tokens))
    frequency = dict(conn.execute(f"SELECT term, doc FROM fts_terms WHERE term IN ({marks})", tokens).fetchall())
    rare = [t for t in tokens if 0 < frequency.get(t, 0) <= max(2, COMMON_SHARE * total)][:MAX_TERMS]
    if not rare:
        return {}
    expression = " OR ".join(f'"{t}"' for t in rare)
    rows = conn.execute(
        "SELECT a.id, f.score FROM (SELECT rowid, bm25(fts) AS score FROM fts WHERE fts MATCH ? AND rowid != ? "
        "ORDER BY score LIMIT ?) AS f JOIN articles a ON a.num = f.rowid",
        (expression, num, CANDIDATES),
    ).fetchall()
    return {r["id"]: -r["score"] for r in rows}


def _describe(conn: sqlite3.Connection, article_id: str, score: float, actor_keys: list[str]) -> dict:
    sql = "SELECT id, title, published, outlet, story_id FROM articles WHERE id = ?"
    row = conn.execute(sql, (article_id,)).fetchone()
    names = []
    for key in actor_keys:
        found = conn.execute("SELECT name FROM actors WHERE id = ?", (key,)).fetchone()
        names.append(found[0] if found else key.removeprefix("name:"))
    return {**dict(row), "score": round(score, 4), "shared_actors": names}

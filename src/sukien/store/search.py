"""Full-text search: folded terms matched by FTS5, ranked by bm25, with snippets in the original spelling.

"dam phan", "Đàm Phán" and "ĐÀM PHÁN" all fold to the terms "dam" "phan", so they find exactly the
articles "đàm phán" finds. Words are ANDed; words in double quotes must stand together, in that order.
"""

from __future__ import annotations

import re
import sqlite3

from .folding import fold_aligned, fts_query, query_terms

SNIPPET_CHARS = 220
MAX_MATCHES = 300  # matches looked at for the snippet of one article
TITLE_WEIGHT = 10.0  # a term in the headline counts this many times one in the body


def search(conn: sqlite3.Connection, query: str, *, limit: int = 10) -> list[dict]:
    """Articles holding every term of `query`, best first, each with a highlighted snippet."""
    expression = fts_query(query)
    if expression is None or limit <= 0:
        return []
    hits = conn.execute(
        f"""SELECT a.id, a.title, a.text, a.published, a.outlet, a.story_id, f.score
            FROM (SELECT rowid, bm25(fts, {TITLE_WEIGHT}, 1.0) AS score FROM fts WHERE fts MATCH ?
                  ORDER BY score LIMIT ?) AS f
            JOIN articles AS a ON a.num = f.rowid ORDER BY f.score""",
        (expression, limit),
    ).fetchall()
    terms = query_terms(query)
    return [_hit(row, terms) for row in hits]


def _hit(row: sqlite3.Row, terms: list[tuple[str, ...]]) -> dict:
    snippet, highlights = make_snippet(row["text"], terms)
    return {
        "id": row["id"],
        "title": row["title"],
        "published": row["published"],
        "outlet": row["outlet"],
        "story_id": row["story_id"],
        "score": round(-row["score"], 4),  # bm25 is lower-is-better; shown as higher-is-better
        "snippet": snippet,
        "highlights": highlights,
    }


def _pattern(terms: list[tuple[str, ...]]) -> re.Pattern[str] | None:
    phrases = [r"[\W_]+".join(re.escape(token) for token in term) for term in terms if term]
    if not phrases:
        return None
    return re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")(?![^\W_])")


def make_snippet(text: str, terms: list[tuple[str, ...]], *, size: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A passage of `text` around the densest run of matches, and where the matches are in it.

    Matching runs on the folded text; the offsets map back to the original, so the snippet keeps the
    article's spelling ("Đàm phán" for a query "dam phan"). Line breaks become spaces.
    """
    folded, offsets = fold_aligned(text)
    pattern = _pattern(terms)
    spans = [m.span() for m, _ in zip(pattern.finditer(folded), range(MAX_MATCHES), strict=False)] if pattern else []
    if offsets is not None:
        spans = [(offsets[s], offsets[e]) for s, e in spans]
    start, end = _window(text, spans, size)
    passage = text[start:end].replace("\n", " ")
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    marks = [[s - start + len(prefix), e - start + len(prefix)] for s, e in spans if s >= start and e <= end]
    return prefix + passage + suffix, marks


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """The [start, end) of about `size` characters holding the most matches, cut at word boundaries."""
    best, best_count = 0, 0
    for index, (first, _) in enumerate(spans):
        count = sum(1 for s, e in spans[index:] if e <= first + size)
        if count > best_count:
            best, best_count = max(0, first - size // 5), count
    start = _word_start(text, best)
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + size // 2 else end
    return start, end


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = max(text.rfind(" ", 0, position), text.rfind("\n", 0, position))
    return space + 1 if space >= 0 else 0


def count(conn: sqlite3.Connection, query: str) -> int:
    """How many articles hold every term of `query`."""
    expression = fts_query(query)
    if expression is None:
        return 0
    return conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()[0]

"""Stories: near-duplicate articles (one story from several outlets, or re-posted) grouped together.

Each article gets a MinHash signature of its word shingles (datasketch). LSH is kept in the database:
the signature is cut into bands and each band's hash is a row of `story_keys`, so the candidates of
a new article are the articles sharing a key with it, found by one indexed query. A candidate joins
the article's story when the signatures estimate a Jaccard similarity of at least `SAME_STORY`; the
groups are the connected components of those pairs, whatever order articles arrive in, and a
story's id is its smallest article id. All of it happens in the article's own transaction, so an
interrupted ingest never leaves half a story behind.
"""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np
from datasketch import MinHash

from .folding import TOKEN

NUM_PERM = 192
BANDS = 64  # 64 bands of 3 rows: a pair at similarity 0.3 shares a band with odds 0.83, at 0.4 with 0.985,
ROWS = NUM_PERM // BANDS  # at 0.1 with 0.06, at the 0.01 of unrelated articles with 0.0001
SHINGLE = 3  # words per shingle
# Estimated Jaccard similarity of 3-word shingles from which two articles are one story. Chosen on
# the corpus (docs/store.md): re-posts and rolling updates score 0.45-1.0, one agency story in two
# outlets 0.25-0.35, follow-ups of a topic that share background paragraphs 0.15-0.3, and
# articles on one event written apart (VietnameseMDS clusters) 0.01-0.07, like unrelated ones.
SAME_STORY = 0.3

_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32").permutations


def shingles(folded: str) -> list[bytes]:
    """The word shingles of a folded text, as bytes for hashing."""
    words = TOKEN.findall(folded)
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")] if words else []
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def minhash(folded: str) -> tuple[bytes, list[int]]:
    """The MinHash signature of a folded text and its LSH keys (none for a text without words)."""
    found = shingles(folded)
    sketch = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32", permutations=_PERMUTATIONS)
    sketch.update_batch(found)
    values = sketch.hashvalues.astype("<u4")
    return values.tobytes(), (_keys(values) if found else [])


def _keys(values: np.ndarray) -> list[int]:
    keys = []
    for band in range(BANDS):
        chunk = bytes([band]) + values[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return keys


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    a, b = np.frombuffer(first, dtype="<u4"), np.frombuffer(second, dtype="<u4")
    return float(np.mean(a == b))


def join_story(conn: sqlite3.Connection, article_id: str, signature: bytes, keys: list[int]) -> str:
    """Put a just-inserted article into its story, merging the stories it bridges; returns the story id."""
    if keys:
        rows = [(key, article_id) for key in keys]
        conn.executemany("INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)", rows)
    matched = _near_duplicates(conn, article_id, signature, keys)
    old = {article_id} | {row["story_id"] for row in matched}
    story = min(old)
    if len(old) > 1:
        marks = ",".join("?" * len(old))
        conn.execute(f"UPDATE articles SET story_id = ? WHERE story_id IN ({marks})", (story, *old))
        conn.execute(f"DELETE FROM stories WHERE id IN ({marks}) AND id != ?", (*old, story))
    else:
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
    refresh_story(conn, story)
    return story


def _near_duplicates(conn: sqlite3.Connection, article_id: str, signature: bytes, keys: list[int]) -> list:
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    candidates = conn.execute(
        f"SELECT id, story_id, signature FROM articles WHERE id IN "
        f"(SELECT article_id FROM story_keys WHERE key IN ({marks}) AND article_id != ?)",
        (*keys, article_id),
    ).fetchall()
    return [row for row in candidates if similarity(signature, row["signature"]) >= SAME_STORY]


def refresh_story(conn: sqlite3.Connection, story: str) -> None:
    """Recount a story's row in `stories` from its articles: size, title of its first article, dates."""
    conn.execute(
        """INSERT OR REPLACE INTO stories (id, size, title, first_published, last_published)
           SELECT :story, count(*),
                  (SELECT title FROM articles WHERE story_id = :story AND title IS NOT NULL ORDER BY id LIMIT 1),
                  min(published), max(published)
           FROM articles WHERE story_id = :story""",
        {"story": story},
    )

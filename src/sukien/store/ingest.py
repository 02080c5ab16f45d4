"""Ingest: read inputs, derive articles in worker processes, write them with one writer.

Pages are read in the main process and sent in small chunks to a pool of workers, which run the
pipeline and turn each article into rows (`rows.py`); results come back in input order and the main
process writes them (`writer.py`). A transaction holds one input file, or at most `BATCH` pages of a
JSON Lines file, so a long file commits as it goes; since every write is keyed on content ids,
killing ingest at any point and running it again ends with exactly the rows a clean run gives.
Pages already stored by this pipeline version are skipped before any work is spent on them.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from ..errors import InputRejected
from ..models import Page
from ..settings import Settings, load_settings
from .rows import ArticleRows, article_rows, pipeline_version
from .writer import Counts, finish_page, write_article, write_reject

BATCH = 200  # pages of one file per transaction
CHUNK = 8  # pages per task sent to a worker
WINDOW = 4  # tasks in flight per worker: keeps workers busy and memory bounded


@dataclass
class Derived:
    """What became of one page: its articles' rows, or why it was rejected."""

    key: str | None
    path: str | None
    record: str | None
    articles: list[ArticleRows] = field(default_factory=list)
    rejected: tuple[str | None, str, str, str | None] | None = None  # InputRejected does not pickle

    def rejection(self) -> InputRejected | None:
        """The rejection as the error record OUTPUT.md describes."""
        return InputRejected(*self.rejected[:3], record=self.rejected[3]) if self.rejected else None


def default_workers() -> int:
    """Worker processes to use: one per core, at most two (the writer needs some CPU too)."""
    return max(1, min(2, os.cpu_count() or 1))


def page_key(page: Page) -> str:
    """The identity of a raw page: where it was read from and what it said."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{page.path or ''}\0{page.record or ''}\0".encode())
    digest.update(page.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def ingest(
    conn: sqlite3.Connection,
    paths: Iterable[str],
    *,
    settings: Settings | None = None,
    workers: int | None = None,
    on_page: Callable[[Derived], None] | None = None,
) -> Counts:
    """Store every article of `paths` in the database; `on_page` hears of each page done (for progress)."""
    from ..reading import read_inputs

    settings = settings or load_settings()
    pipeline = pipeline_version()
    counts = Counts()
    workers = default_workers() if workers is None else workers
    items = _pending(conn, read_inputs(list(paths), settings=settings), pipeline, counts, on_page)
    with _derivation(workers, settings) as derive_all:
        _write_all(conn, derive_all(_chunks(items)), pipeline, counts, on_page)
    return counts


def _pending(conn, items: Iterator, pipeline: str, counts: Counts, on_page) -> Iterator[tuple[str, Page] | Derived]:
    """Pages still to derive, with their keys; rejections pass through; stored pages are skipped."""
    for item in items:
        if isinstance(item, InputRejected):
            yield Derived(None, item.path, item.record, rejected=(item.path, item.reason, item.message, item.record))
            continue
        key = page_key(item)
        done = conn.execute("SELECT pipeline FROM pages WHERE key = ?", (key,)).fetchone()
        if done is not None and done[0] == pipeline:
            counts.pages += 1
            counts.skipped_pages += 1
            if on_page:
                on_page(Derived(key, item.path, item.record))
            continue
        yield key, item


def _chunks(items: Iterator) -> Iterator[list]:
    while chunk := list(islice(items, CHUNK)):
        yield chunk


def _write_all(conn: sqlite3.Connection, results: Iterator[Derived], pipeline: str, counts: Counts, on_page) -> None:
    """Write results in order: a transaction per input file, or per `BATCH` pages within one."""
    current, in_batch = object(), 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for result in results:
            if result.path != current or in_batch >= BATCH:
                conn.execute("COMMIT")
                conn.execute("BEGIN IMMEDIATE")
                current, in_batch = result.path, 0
            _write_one(conn, result, pipeline, counts)
            in_batch += 1
            if on_page:
                on_page(result)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _write_one(conn: sqlite3.Connection, result: Derived, pipeline: str, counts: Counts) -> None:
    counts.pages += 1
    rejection = result.rejection()
    if rejection is not None:
        counts.rejected += 1
        write_reject(conn, rejection)
        return
    for rows in result.articles:
        write_article(conn, rows, pipeline=pipeline, counts=counts)
    finish_page(conn, result.key, result.path, result.record, pipeline)


# --- deriving pages, here or in worker processes ---------------------------------------------

_settings: Settings | None = None


def derive(key: str, page: Page, settings: Settings | None = None) -> Derived:
    """Run the pipeline over one page and turn its articles into rows; a failure rejects the page."""
    from ..pipeline import build_articles

    try:
        articles = build_articles(page, settings=settings or _settings)
        return Derived(key, page.path, page.record, [article_rows(a, url=page.url) for a in articles])
    except Exception as error:  # one broken page must not stop a batch
        message = f"could not be processed: {error!r}"
        return Derived(key, page.path, page.record, rejected=(page.path, "unreadable", message, page.record))


def _derive_chunk(chunk: list) -> list[Derived]:
    return [item if isinstance(item, Derived) else derive(*item) for item in chunk]


def _start_worker(settings: Settings, parent: int) -> None:
    global _settings
    _settings = settings
    # Pool workers outlive a parent killed with SIGKILL (they wait on a pipe they hold open themselves):
    # a watchdog ends each worker as soon as its parent is gone.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


@contextmanager
def _derivation(workers: int, settings: Settings):
    """A function from chunks of pages to derived pages in order: in-process, or through a worker pool."""
    global _settings
    if workers <= 0:
        _settings = settings
        yield lambda chunks: (result for chunk in chunks for result in _derive_chunk(chunk))
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = context.Pool(workers, initializer=_start_worker, initargs=(settings, os.getpid()))
    try:
        yield lambda chunks: _ordered(pool, chunks, window=WINDOW * workers)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _ordered(pool, chunks: Iterator[list], *, window: int) -> Iterator[Derived]:
    """Results of `_derive_chunk` over the chunks, in order, with at most `window` chunks in flight."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(pool.apply_async(_derive_chunk, (chunk,)))
        if len(pending) >= window:
            yield from pending.popleft().get()
    while pending:
        yield from pending.popleft().get()

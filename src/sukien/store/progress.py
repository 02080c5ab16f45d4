"""What `sukien ingest` shows on standard error: a rich progress bar on a terminal, rejects, a summary."""

from __future__ import annotations

import json
import os
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from .ingest import Derived
from .writer import Counts

_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def estimate_pages(paths: list[str]) -> int | None:
    """About how many pages the inputs hold (records of JSON Lines files, files of folders); None for stdin."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            for folder, _dirs, names in os.walk(path):
                total += sum(_pages_in(os.path.join(folder, n)) for n in names if n.lower().endswith(_SUFFIXES))
        else:
            total += _pages_in(path)
    return total


def _pages_in(path: str) -> int:
    if not path.lower().endswith(".jsonl"):
        return 1
    try:
        with open(path, "rb") as file:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) or 1
    except OSError:
        return 1


class IngestProgress:
    """A progress bar over the pages of an ingest (only on a terminal), rejects as JSON error records."""

    def __init__(self, inputs: list[str], db: str) -> None:
        self.console = Console(stderr=True)
        self.db = db
        self.started = time.perf_counter()
        self.bar = Progress(
            TextColumn("ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages · {task.fields[articles]} articles"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            disable=not self.console.is_terminal,
        )
        self.task = self.bar.add_task("ingest", total=estimate_pages(inputs), articles=0)
        self.articles = 0

    def __enter__(self) -> IngestProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def page_done(self, result: Derived) -> None:
        """Advance by one page; print its rejection, if any, as OUTPUT.md's error record."""
        self.articles += len(result.articles)
        self.bar.update(self.task, advance=1, articles=self.articles)
        rejection = result.rejection()
        if rejection is not None:
            self.console.print(json.dumps(rejection.to_dict(), ensure_ascii=False), markup=False, highlight=False,
                               soft_wrap=True)  # fmt: skip

    def summary(self, counts: Counts) -> None:
        """One closing line: what was stored, skipped and rejected, and how fast."""
        seconds = time.perf_counter() - self.started
        rate = counts.articles / seconds if seconds > 0 else 0.0
        self.console.print(
            f"{self.db}: {counts.pages} pages, {counts.articles} articles ({counts.new} new, "
            f"{counts.rederived} re-derived), {counts.skipped_pages} pages already stored, "
            f"{counts.rejected} rejected; {seconds:.1f} s, {rate:.0f} articles/s",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

"""Helpers the benchmark scripts share: where the corpus is, what machine ran, memory, a corpus slice."""

from __future__ import annotations

import os
import platform
import resource
import sys
from importlib.util import find_spec
from itertools import islice
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "world_news.jsonl"
MISSING_BASELINE = "underthesea is not installed; install it with: pip install -e '.[bench]'"


def has_baseline() -> bool:
    """Whether underthesea, the baseline, is installed; says how to install it when not."""
    if find_spec("underthesea") is None:
        print(MISSING_BASELINE, file=sys.stderr)
        return False
    return True


def machine() -> dict[str, Any]:
    """What ran the benchmark."""
    return {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version()}


def rss_mib() -> float:
    """The process's peak RSS so far (ru_maxrss is KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def first_lines(corpus: Path, limit: int | None, folder: str) -> Path:
    """The corpus itself, or a copy of its first `limit` non-blank lines in `folder`."""
    if limit is None:
        return corpus
    target = Path(folder) / f"{corpus.stem}-first-{limit}.jsonl"  # never `corpus` itself
    with corpus.open("rb") as source, target.open("wb") as out:
        out.writelines(islice((line for line in source if line.strip()), limit))
    return target


def tree_rss_mib(pid: int) -> float:
    """The summed RSS of a process and all its descendants now, from /proc (Linux); 0 where /proc is missing."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            fields = stat.rsplit(")", 1)[1].split()
            parents[int(entry.name)] = int(fields[1])
            rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        for child, its_parent in parents.items():
            if its_parent == parent and child not in tree:
                tree.add(child)
                frontier.append(child)
    return round(sum(rss.get(p, 0) for p in tree) / 2**20, 1)

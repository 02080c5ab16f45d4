"""Shared fixtures: the bundled sample pages."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "sukien" / "data" / "samples"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The folder of the five bundled seed pages."""
    return SAMPLES


@pytest.fixture(scope="session")
def sample_text():
    """Read one bundled sample by its number prefix ("000" ... "004")."""

    def read(prefix: str) -> str:
        (path,) = SAMPLES.glob(f"{prefix}_*.txt")
        return path.read_text(encoding="utf-8")

    return read

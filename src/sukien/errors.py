"""sukien's exceptions, one small tree.

    SukienError                 anything sukien raises on purpose
    ├── InputRejected           one input cannot be read; the batch goes on (exit status 1)
    └── SettingsError           a setting has a value it cannot take (exit status 2)

The CLI maps these to exit codes in one place (`cli.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class SukienError(Exception):
    """Base of every error sukien raises on purpose."""


# Reasons an input can be rejected, as written in the `reason` field of an error record.
REASONS = ("not_found", "empty", "binary", "undecodable", "too_large", "bad_record", "unreadable")


@dataclass(frozen=True)
class InputRejected(SukienError):
    """An input that could not be read, with the reason and a message that says what to do."""

    path: str | None
    reason: str
    message: str
    record: str | None = None

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise ValueError(f"unknown rejection reason {self.reason!r}")

    def __str__(self) -> str:
        where = self.path or "<stdin>"
        if self.record is not None:
            where = f"{where} (record {self.record})"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The error record of OUTPUT.md "Errors"."""
        error: dict[str, Any] = {"path": self.path, "reason": self.reason, "message": self.message}
        if self.record is not None:
            error["record"] = self.record
        return {"error": error}


class SettingsError(SukienError):
    """A setting was given a value it cannot take."""

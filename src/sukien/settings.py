"""Every setting of sukien in one table: name, default, help. Checked when a run starts.

A setting can be given on the command line (`--setting name=value`) or through the environment
(`SUKIEN_<NAME>` in upper case); the command line wins.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    """The settings of one run."""

    max_input_bytes: int = 5 * 1024 * 1024
    """Inputs larger than this many bytes are rejected as `too_large` (default 5 MB)."""

    min_article_chars: int = 40
    """Articles whose cleaned text is shorter than this are dropped as empty pages."""

    def __post_init__(self) -> None:
        if self.max_input_bytes <= 0:
            raise SettingsError("max_input_bytes must be a positive number of bytes")
        if self.min_article_chars < 0:
            raise SettingsError("min_article_chars must not be negative")


def setting_names() -> list[str]:
    """The names of all settings, in table order."""
    return [f.name for f in fields(Settings)]


def load_settings(overrides: dict[str, str] | None = None, *, environ: dict[str, str] | None = None) -> Settings:
    """Settings from the defaults, then the environment, then explicit overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, int] = {}
    for f in fields(Settings):
        raw = (overrides or {}).get(f.name, environ.get(f"SUKIEN_{f.name.upper()}"))
        if raw is None:
            continue
        try:
            values[f.name] = int(raw)
        except ValueError:
            raise SettingsError(f"setting {f.name} takes a whole number, not {raw!r}") from None
    unknown = set(overrides or {}) - set(setting_names())
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(sorted(unknown))}; known: {', '.join(setting_names())}")
    return replace(Settings(), **values)

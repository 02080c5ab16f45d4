"""sukien: structured knowledge of world politics from Vietnamese news."""

from __future__ import annotations

__version__ = "0.1.0"

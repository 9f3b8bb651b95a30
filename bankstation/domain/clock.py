"""The clock protocol: services take a clock so tests control time."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never going backwards."""
        ...


def iso(moment: datetime) -> str:
    """ISO 8601 with seconds and offset, as written in ledgers and files."""
    return moment.isoformat(timespec="seconds")

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


def short_time(value: str | None, seconds: bool = True) -> str:
    """'2026-11-27T09:00:00+08:00' -> '2026-11-27 09:00:00', for people to read (the offset is
    the station's own); text that is not such a time is given back as it is."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")

"""Test doubles shared by the suite: a settable clock and cheap key-derivation parameters."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from bankstation.crypto.kdf import KdfParams
from bankstation.domain.accounts import Pledge
from bankstation.services import station
from bankstation.services.session import Session

# Cheap Argon2id for tests (8 KiB, one pass); test_kdf_defaults proves the program's own are strong.
FAST_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)
CST = timezone(timedelta(hours=8))
ADMIN, ADMIN_PW = "admin", "admin-pass-1"


class FakeClock:
    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 11, 27, 9, 0, 0, tzinfo=CST)
        self.mono = 1000.0

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)
        self.mono += seconds


def pledge(ref: str = "BM-2026-001") -> Pledge:
    return Pledge(datetime(2026, 1, 5).date(), ref)


def make_vault(path: Path, clock: FakeClock) -> Path:
    station.init_vault(path, ADMIN, "王建国", pledge(), ADMIN_PW, clock, "测试站", FAST_KDF)
    return path


def login(path: Path, clock: FakeClock, name: str = ADMIN, password: str = ADMIN_PW,
          purpose: str = "测试") -> Session:
    return station.login(path, name, password, purpose, clock, "cli", FAST_KDF)

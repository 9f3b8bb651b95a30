"""Test doubles shared by the suite: a settable clock and cheap key-derivation parameters."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from bankstation.crypto.kdf import KdfParams
from bankstation.domain.accounts import Pledge
from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.roles import Role
from bankstation.services import accounts, station
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


STAFF = (("keeper", Role.KEEPER), ("reviewer", Role.REVIEWER), ("assembler", Role.ASSEMBLER),
         ("supervisor", Role.SUPERVISOR))


def add_staff(path: Path, clock: FakeClock, staff: tuple[tuple[str, Role], ...] = STAFF) -> Path:
    """Accounts with one role each, added by the admin (password '<name>-pass-1')."""
    session = login(path, clock)
    for name, role in staff:
        accounts.add_account(session, name, f"{name} 测试", frozenset({role}),
                             pledge(f"BM-{name}"), f"{name}-pass-1")
    station.logout(session)
    return path


def sample_elements() -> list[ElementNode]:
    """A small element table: two top scopes, four second-level scopes, eight points."""
    x, y = Importance.X, Importance.Y
    return [
        ElementNode("A", "基础知识", 40), ElementNode("AA", "电工基础", 60),
        ElementNode("AA001", "欧姆定律", importance=x),
        ElementNode("AA002", "基尔霍夫定律", importance=x),
        ElementNode("AB", "安全用电", 40),
        ElementNode("AB001", "触电急救", importance=x),
        ElementNode("AB002", "安全电压", importance=y),
        ElementNode("B", "专业知识", 60), ElementNode("BA", "电机", 50),
        ElementNode("BA001", "异步电动机", importance=x),
        ElementNode("BA002", "变压器", importance=x),
        ElementNode("BB", "低压电器", 50),
        ElementNode("BB001", "接触器", importance=x), ElementNode("BB002", "熔断器", importance=x),
    ]


def make_bank(path: Path, clock: FakeClock, exam: str = "theory") -> int:
    """A 电工 level-4 bank under a national standard, with the sample element table."""
    from bankstation.domain.standards import StandardKind
    from bankstation.services import banks, elements

    session = station.login(path, "keeper", "keeper-pass-1", "建库", clock, "cli", FAST_KDF)
    bank = banks.create_bank(session, "6-31-01-03", 4, exam, StandardKind.NATIONAL,
                             "电工国家职业技能标准（2018年版）", "2018年版")
    elements.replace(session, bank.id, sample_elements())
    station.logout(session)
    return bank.id

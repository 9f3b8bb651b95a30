"""A demo vault: one account per role, known passwords, and a little history in the ledgers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bankstation.crypto.kdf import DEFAULT_KDF, KdfParams
from bankstation.domain.accounts import make_pledge
from bankstation.domain.clock import Clock
from bankstation.domain.roles import Role
from bankstation.services import accounts, registers, station


@dataclass(frozen=True)
class DemoAccount:
    name: str
    full_name: str
    roles: frozenset[Role]
    password: str
    pledge_ref: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", "王建国", frozenset({Role.ADMIN}), "admin-demo-2026", "BM-2026-001"),
    DemoAccount("keeper", "李晓梅", frozenset({Role.KEEPER}), "keeper-demo-2026", "BM-2026-002"),
    DemoAccount("reviewer", "张志强", frozenset({Role.REVIEWER}), "reviewer-demo-2026",
                "BM-2026-003"),
    DemoAccount("assembler", "陈静", frozenset({Role.ASSEMBLER}), "assembler-demo-2026",
                "BM-2026-004"),
    DemoAccount("supervisor", "刘洋", frozenset({Role.SUPERVISOR}), "supervisor-demo-2026",
                "BM-2026-005"),
)


def create_demo(path: Path, clock: Clock, kdf: KdfParams = DEFAULT_KDF) -> tuple[DemoAccount, ...]:
    """Create the demo vault at ``path`` and return its accounts with their passwords."""
    first, *others = DEMO_ACCOUNTS
    today = clock.now().date()
    pledge_day = today - timedelta(days=30)
    station.init_vault(
        path, first.name, first.full_name, make_pledge(pledge_day, first.pledge_ref, today),
        first.password, clock, station_name="演示站（题库专用计算机）", kdf=kdf, demo=True,
    )
    session = station.login(path, first.name, first.password, "创建演示账户", clock, "cli", kdf)
    for item in others:
        accounts.add_account(session, item.name, item.full_name, item.roles,
                             make_pledge(pledge_day, item.pledge_ref, today), item.password)
    station.logout(session)
    supervisor = DEMO_ACCOUNTS[-1]
    session = station.login(path, supervisor.name, supervisor.password, "登记专用场所出入",
                            clock, "cli", kdf)
    start = clock.now().replace(hour=8, minute=30, second=0) - timedelta(days=1)
    registers.add_room_access(session, "李晓梅", "题库建设组", "录入与维护试题",
                              start.isoformat(), (start + timedelta(hours=3)).isoformat(), "刘洋")
    registers.add_room_access(session, "赵海", "市职业技能鉴定中心", "保密检查",
                              (start + timedelta(hours=5)).isoformat(),
                              (start + timedelta(hours=6)).isoformat(), "刘洋")
    station.logout(session)
    return DEMO_ACCOUNTS

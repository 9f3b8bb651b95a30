"""A demo vault: one account per role, known passwords, and a little history in the ledgers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bankstation.crypto.kdf import DEFAULT_KDF, KdfParams
from bankstation.domain.accounts import make_pledge
from bankstation.domain.clock import Clock
from bankstation.domain.roles import Role
from bankstation.services import accounts, blueprints, demo_bank, registers, station
from bankstation.services.session import Session


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
    _fill_bank(path, clock, kdf)
    return DEMO_ACCOUNTS


def _as(path: Path, clock: Clock, kdf: KdfParams, name: str, purpose: str) -> Session:
    account = next(a for a in DEMO_ACCOUNTS if a.name == name)
    return station.login(path, account.name, account.password, purpose, clock, "cli", kdf)


def _fill_bank(path: Path, clock: Clock, kdf: KdfParams) -> None:
    """Keeper imports, reviewer approves, keeper drafts the blueprint, reviewer approves it."""
    keeper = _as(path, clock, kdf, "keeper", "导入演示题库")
    theory, practical = demo_bank.build_banks(keeper)
    station.logout(keeper)
    reviewer = _as(path, clock, kdf, "reviewer", "审核演示试题")
    demo_bank.review_all(reviewer, (theory, practical))
    station.logout(reviewer)
    keeper = _as(path, clock, kdf, "keeper", "编制组卷方案")
    blueprint_id = demo_bank.draft_blueprint(keeper, theory)
    station.logout(keeper)
    reviewer = _as(path, clock, kdf, "reviewer", "审核组卷方案")
    blueprints.approve(reviewer, blueprint_id)
    station.logout(reviewer)

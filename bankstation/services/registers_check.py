"""Cross-check the two registers against the audit entries that recorded them.

The registers are tables for listing and printing; the hashed audit entries are the truth.
A register row edited, added or removed behind the program's back no longer matches.
"""

from __future__ import annotations

from bankstation.domain.errors import LedgerTampered
from bankstation.domain.ledger import LedgerEntry
from bankstation.store import ledger_repo, registers_repo
from bankstation.store.vault import Vault


def _by_subject(vault: Vault, action: str) -> dict[str, LedgerEntry]:
    return {e.subject or "": e for e in ledger_repo.entries(vault, action_prefix=action)}


def check_registers(vault: Vault) -> None:
    _check_room_access(vault)
    _check_computer_use(vault)


def _check_room_access(vault: Vault) -> None:
    entries = _by_subject(vault, "room_access.add")
    rows = registers_repo.all_room_access(vault)
    for row in rows:
        entry = entries.pop(f"room_access:{row.id}", None)
        if entry is None or entry.detail != row.record():
            raise LedgerTampered(f"出入登记第 {row.id} 条与台账记录不一致（登记被改动或伪造）。")
    if entries:
        missing = sorted(entries)[0].split(":")[-1]
        raise LedgerTampered(f"出入登记第 {missing} 条已从登记表中删除。")


def _check_computer_use(vault: Vault) -> None:
    logins = _by_subject(vault, "session.login")
    logouts = _by_subject(vault, "session.logout")
    for use in registers_repo.all_uses(vault):
        key = f"computer_use:{use.id}"
        login = logins.pop(key, None)
        if (
            login is None
            or login.actor != use.account
            or login.at != use.started_at
            or login.detail.get("purpose") != use.purpose
        ):
            raise LedgerTampered(f"使用登记第 {use.id} 条与登录记录不一致（登记被改动或伪造）。")
        logout = logouts.get(key)
        if use.ended_at is not None and (
            logout is None
            or logout.at != use.ended_at
            or logout.detail.get("counts") != use.counts
        ):
            raise LedgerTampered(f"使用登记第 {use.id} 条与退出记录不一致（登记被改动）。")
    if logins:
        missing = sorted(logins)[0].split(":")[-1]
        raise LedgerTampered(f"使用登记第 {missing} 条已从登记表中删除。")

"""The computer-use and room-access registers."""

from __future__ import annotations

import json
from typing import Any

from bankstation.domain.ledger import ComputerUse, RoomAccess
from bankstation.store.vault import Vault


def start_use(vault: Vault, account: str, purpose: str, interface: str, at: str) -> int:
    return vault.execute(
        "INSERT INTO computer_use(account, purpose, interface, started_at) VALUES (?, ?, ?, ?)",
        (account, purpose, interface, at),
    )


def end_use(vault: Vault, use_id: int, at: str, reason: str, counts: dict[str, int]) -> None:
    vault.execute(
        "UPDATE computer_use SET ended_at = ?, end_reason = ?, counts = ? WHERE id = ?",
        (at, reason, json.dumps(counts, sort_keys=True), use_id),
    )


def open_uses(vault: Vault) -> list[int]:
    """Sessions never ended: the program or machine stopped before logout."""
    return [int(r[0]) for r in vault.query("SELECT id FROM computer_use WHERE ended_at IS NULL")]


_USE_SQL = (
    "SELECT u.id, u.account, a.full_name, u.purpose, u.interface, u.started_at, u.ended_at, "
    "u.end_reason, u.counts FROM computer_use u JOIN accounts a ON a.name = u.account"
)


def _use(row: tuple[Any, ...]) -> ComputerUse:
    use_id, account, full_name, purpose, interface, started, ended, reason, counts = row
    return ComputerUse(use_id, account, full_name, purpose, interface, started, ended, reason,
                       json.loads(counts))


def get_use(vault: Vault, use_id: int) -> ComputerUse | None:
    rows = vault.query(f"{_USE_SQL} WHERE u.id = ?", (use_id,))
    return _use(rows[0]) if rows else None


def list_uses(vault: Vault, limit: int = -1, offset: int = 0) -> list[ComputerUse]:
    rows = vault.query(f"{_USE_SQL} ORDER BY u.id DESC LIMIT ? OFFSET ?", (limit, offset))
    return [_use(r) for r in rows]


def add_room_access(vault: Vault, record: dict[str, Any]) -> int:
    return vault.execute(
        "INSERT INTO room_access(name, unit, purpose, time_in, time_out, escort, recorded_by, "
        "recorded_at) VALUES (:name, :unit, :purpose, :time_in, :time_out, :escort, "
        ":recorded_by, :recorded_at)",
        record,
    )


_ROOM_SQL = (
    "SELECT id, name, unit, purpose, time_in, time_out, escort, recorded_by, recorded_at "
    "FROM room_access"
)


def list_room_access(vault: Vault, limit: int = -1, offset: int = 0) -> list[RoomAccess]:
    rows = vault.query(f"{_ROOM_SQL} ORDER BY time_in DESC, id DESC LIMIT ? OFFSET ?",
                       (limit, offset))
    return [RoomAccess(*r) for r in rows]


def all_room_access(vault: Vault) -> list[RoomAccess]:
    return [RoomAccess(*r) for r in vault.query(f"{_ROOM_SQL} ORDER BY id")]


def all_uses(vault: Vault) -> list[ComputerUse]:
    return [_use(r) for r in vault.query(f"{_USE_SQL} ORDER BY u.id")]

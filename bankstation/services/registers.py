"""The room-access and computer-use registers (出入登记, 使用登记)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bankstation.domain.errors import ValidationError
from bankstation.domain.ledger import ComputerUse, RoomAccess
from bankstation.domain.roles import Role
from bankstation.services.session import Session
from bankstation.store import registers_repo


def _text(value: str | None, label: str, required: bool = True, limit: int = 100) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise ValidationError(f"请填写「{label}」。")
        return None
    if len(text) > limit:
        raise ValidationError(f"「{label}」不能超过 {limit} 个字符。")
    return text


def _moment(value: str | None, label: str, session: Session) -> datetime | None:
    if value is None or not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(
            f"「{label}」时间格式错误：{value}（应为 YYYY-MM-DDTHH:MM，如 2026-11-27T09:30）。"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=session.clock.now().tzinfo)
    return moment.replace(microsecond=0)


def add_room_access(
    session: Session,
    name: str,
    unit: str,
    purpose: str,
    time_in: str,
    time_out: str | None = None,
    escort: str | None = None,
) -> RoomAccess:
    """Enter one visit to the secure room (supervisor only)."""
    session.require(Role.SUPERVISOR)
    moment_in = _moment(time_in, "进入时间", session)
    if moment_in is None:
        raise ValidationError("请填写「进入时间」。")
    moment_out = _moment(time_out, "离开时间", session)
    if moment_out is not None and moment_out < moment_in:
        raise ValidationError("离开时间不能早于进入时间。")
    if moment_in > session.clock.now():
        raise ValidationError("进入时间不能晚于当前时间。")
    record: dict[str, Any] = {
        "name": _text(name, "姓名", limit=32),
        "unit": _text(unit, "单位"),
        "purpose": _text(purpose, "事由"),
        "time_in": moment_in.isoformat(),
        "time_out": moment_out.isoformat() if moment_out else None,
        "escort": _text(escort, "陪同人员", required=False, limit=32),
        "recorded_by": session.account.name,
        "recorded_at": session.now(),
    }
    with session.transaction():
        row_id = registers_repo.add_room_access(session.vault, record)
        session.record("room_access.add", f"room_access:{row_id}", record,
                       at=record["recorded_at"])
    return RoomAccess(id=row_id, **record)


def list_room_access(session: Session, limit: int = -1, offset: int = 0) -> list[RoomAccess]:
    session.require(Role.SUPERVISOR, Role.ADMIN)
    return registers_repo.list_room_access(session.vault, limit, offset)


def list_computer_use(session: Session, limit: int = -1, offset: int = 0) -> list[ComputerUse]:
    session.require(Role.SUPERVISOR, Role.ADMIN)
    return registers_repo.list_uses(session.vault, limit, offset)

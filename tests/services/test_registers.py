"""The room-access register (entered by a supervisor) and the computer-use register."""

from __future__ import annotations

from pathlib import Path

import pytest

from bankstation.domain.errors import ValidationError
from bankstation.services import accounts, registers, station
from tests.support import FakeClock, login


def test_room_access_entry(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "supervisor", "supervisor-pass-1")
    row = registers.add_room_access(session, "赵海", "市鉴定中心", "保密检查",
                                    "2026-11-27T08:00", "2026-11-27T08:40", "刘洋")
    listed = registers.list_room_access(session)
    station.logout(session)
    assert listed == [row]
    assert row.time_in == "2026-11-27T08:00:00+08:00" and row.recorded_by == "supervisor"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": " "}, "姓名"),
        ({"time_in": "昨天"}, "时间格式错误"),
        ({"time_out": "2026-11-27T07:00"}, "离开时间不能早于进入时间"),
        ({"time_in": "2026-11-28T08:00", "time_out": None}, "晚于当前时间"),
        ({"unit": "单" * 101}, "100"),
    ],
)
def test_room_access_bad_input(staffed_vault: Path, clock: FakeClock,
                               kwargs: dict[str, str], message: str) -> None:
    fields = {"name": "赵海", "unit": "鉴定中心", "purpose": "检查",
              "time_in": "2026-11-27T08:00", "time_out": "2026-11-27T08:30", "escort": None}
    fields.update(kwargs)
    session = login(staffed_vault, clock, "supervisor", "supervisor-pass-1")
    with pytest.raises(ValidationError, match=message):
        registers.add_room_access(session, **fields)  # type: ignore[arg-type]
    assert registers.list_room_access(session) == []
    station.logout(session)


def test_computer_use_records_who_when_why_and_what(staffed_vault: Path,
                                                    clock: FakeClock) -> None:
    session = login(staffed_vault, clock, purpose="账户管理")
    accounts.record_pledge(session, "keeper", accounts.pledge_from(session, "2026-03-01", "N-1"))
    accounts.change_password(session, "keeper", "keeper-pass-9")
    clock.advance(600)
    station.logout(session)
    sup = login(staffed_vault, clock, "supervisor", "supervisor-pass-1", "台账检查")
    uses = registers.list_computer_use(sup)
    station.logout(sup)
    mine = uses[1]  # newest first: the supervisor's own is first
    assert (mine.account, mine.purpose, mine.interface) == ("admin", "账户管理", "cli")
    assert mine.started_at == "2026-11-27T09:00:00+08:00"
    assert mine.ended_at == "2026-11-27T09:10:00+08:00"
    assert mine.counts == {"account.pledge": 1, "account.passwd": 1}
    assert "登记保密责任书 1 项" in mine.work_summary()
    assert uses[0].ended_at is None  # still in use while it was listed

"""The two registers: 出入登记 (room access) and 使用登记 (computer use)."""

from __future__ import annotations

from typing import assert_never

from bankstation.domain.clock import short_time
from bankstation.domain.ledger import ComputerUse, RoomAccess, interface_label
from bankstation.gui.models.base import Column, TableModel
from bankstation.services import registers


class RoomColumn(Column):
    ID = ("序号", 3)
    NAME = ("姓名", 6)
    UNIT = ("单位", 12)
    PURPOSE = ("事由", 12)
    TIME_IN = ("进入时间", 10)
    TIME_OUT = ("离开时间", 10)
    ESCORT = ("陪同人员", 6)
    RECORDED_BY = ("登记人", 6)


class RoomAccessModel(TableModel[RoomAccess]):
    columns = RoomColumn

    def fetch(self, offset: int, limit: int) -> list[RoomAccess]:
        return registers.list_room_access(self._ctx.session, limit, offset)

    def comes_after(self, row: RoomAccess, last: RoomAccess) -> bool:
        # the service's order: ORDER BY time_in DESC, id DESC
        return (row.time_in, row.id) < (last.time_in, last.id)

    def cell(self, row: RoomAccess, column: RoomColumn) -> str:
        match column:
            case RoomColumn.ID:
                return str(row.id)
            case RoomColumn.NAME:
                return row.name
            case RoomColumn.UNIT:
                return row.unit
            case RoomColumn.PURPOSE:
                return row.purpose
            case RoomColumn.TIME_IN:
                return short_time(row.time_in, seconds=False)
            case RoomColumn.TIME_OUT:
                return short_time(row.time_out, seconds=False) or "（未登记）"
            case RoomColumn.ESCORT:
                return row.escort or ""
            case RoomColumn.RECORDED_BY:
                return row.recorded_by
        assert_never(column)


class UseColumn(Column):
    ID = ("序号", 3)
    USER = ("使用人", 9)
    PURPOSE = ("事由", 8)
    STARTED = ("开始", 10)
    ENDED = ("结束", 10)
    END_REASON = ("结束方式", 7)
    INTERFACE = ("方式", 4)
    WORK = ("所做工作", 16)


class ComputerUseModel(TableModel[ComputerUse]):
    columns = UseColumn

    def fetch(self, offset: int, limit: int) -> list[ComputerUse]:
        return registers.list_computer_use(self._ctx.session, limit, offset)

    def comes_after(self, row: ComputerUse, last: ComputerUse) -> bool:
        return row.id < last.id  # newest first

    def cell(self, row: ComputerUse, column: UseColumn) -> str:
        match column:
            case UseColumn.ID:
                return str(row.id)
            case UseColumn.USER:
                return f"{row.full_name}（{row.account}）"
            case UseColumn.PURPOSE:
                return row.purpose
            case UseColumn.STARTED:
                return short_time(row.started_at)
            case UseColumn.ENDED:
                return short_time(row.ended_at) if row.ended_at else "（使用中）"
            case UseColumn.END_REASON:
                return row.end_reason or ""
            case UseColumn.INTERFACE:
                return interface_label(row.interface)
            case UseColumn.WORK:
                return row.work_summary() if row.ended_at else ""
        assert_never(column)

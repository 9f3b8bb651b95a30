"""Every table model passes Qt's model tester, loads page by page off the GUI thread without
repeats or gaps, and holds nothing while the session is locked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.gui.hub import Context, Hub
from bankstation.gui.models.accounts import AccountColumn, AccountsModel
from bankstation.gui.models.audit import AuditColumn, AuditModel
from bankstation.gui.models.base import TableModel
from bankstation.gui.models.registers import ComputerUseModel, RoomAccessModel, UseColumn
from bankstation.services import ledger, registers, station
from bankstation.services.session import Session
from tests.gui.gui_support import wait_for_ops
from tests.support import FakeClock, login


@pytest.fixture
def session(staffed_vault: Path, clock: FakeClock) -> Iterator[Session]:
    """A supervisor entered two visits; then an admin session (which may read everything)."""
    supervisor = login(staffed_vault, clock, "supervisor", "supervisor-pass-1", "出入登记")
    registers.add_room_access(supervisor, "赵海", "市职业技能鉴定中心", "保密检查",
                              "2026-11-27T08:00", "2026-11-27T08:40", "刘洋")
    registers.add_room_access(supervisor, "李晓梅", "题库建设组", "录入试题", "2026-11-27T08:30")
    station.logout(supervisor)
    admin = login(staffed_vault, clock, purpose="账户管理")
    yield admin
    admin.detach()


@pytest.fixture
def ctx(session: Session) -> Context:
    return Context(session, Hub())


def _loaded(qtbot: QtBot, model: TableModel[Any]) -> None:
    wait_for_ops(qtbot)
    assert not model.loading


def _fetch_all(qtbot: QtBot, model: TableModel[Any]) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        _loaded(qtbot, model)


def _column(model: TableModel[Any], column: Any) -> list[str]:
    return [model.data(model.index(r, model.column_of(column))) for r in range(model.rowCount())]


@pytest.mark.parametrize("model_class", [AccountsModel, RoomAccessModel, ComputerUseModel,
                                         AuditModel])
def test_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: Context, model_class: type[TableModel[Any]]
) -> None:
    model = model_class(ctx)
    _loaded(qtbot, model)
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    # The tester keeps watching while pages arrive, the model reloads and is emptied.
    model.page_size = 2
    model.refresh()
    _loaded(qtbot, model)
    _fetch_all(qtbot, model)
    ctx.hub.changed.emit()
    _loaded(qtbot, model)
    station.lock(ctx.session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0
    station.unlock(ctx.session, "admin-pass-1")


def test_model_passes_qts_own_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: Context
) -> None:
    model = AuditModel(ctx)
    _loaded(qtbot, model)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_accounts_model_shows_pledges_and_status(qtbot: QtBot, ctx: Context) -> None:
    model = AccountsModel(ctx)
    _loaded(qtbot, model)

    def cell(name: str, column: AccountColumn) -> str:
        return str(model.data(model.index(model.find(name), model.column_of(column))))

    assert _column(model, AccountColumn.NAME) == sorted(
        ["admin", "keeper", "reviewer", "assembler", "supervisor"])
    assert cell("keeper", AccountColumn.ROLES) == "题库管理员"
    assert cell("keeper", AccountColumn.PLEDGE) == "2026-01-05　BM-keeper"
    assert cell("keeper", AccountColumn.STATUS) == "正常"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [c.header for c in AccountColumn]


def test_audit_model_fetches_page_by_page(qtbot: QtBot, ctx: Context) -> None:
    model = AuditModel(ctx)
    model.page_size = 3
    model.refresh()
    _loaded(qtbot, model)
    assert model.rowCount() == 3
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.loading and not model.canFetchMore(QModelIndex())  # one page at a time
    _loaded(qtbot, model)
    assert model.rowCount() == 6
    _fetch_all(qtbot, model)
    total = len(ledger.audit_entries(ctx.session))
    seqs = [int(s) for s in _column(model, AuditColumn.SEQ)]
    assert seqs == list(range(total, 0, -1))


def test_entries_arriving_between_pages_neither_repeat_nor_leave_gaps(
    qtbot: QtBot, ctx: Context
) -> None:
    model = AuditModel(ctx)
    model.page_size = 4
    model.refresh()
    _loaded(qtbot, model)
    top = int(_column(model, AuditColumn.SEQ)[0])
    for _ in range(3):  # six entries arrive at the top, shifting every later page
        station.lock(ctx.session)
        station.unlock(ctx.session, "admin-pass-1")
    _fetch_all(qtbot, model)
    assert [int(s) for s in _column(model, AuditColumn.SEQ)] == list(range(top, 0, -1))
    model.refresh()  # the newcomers come with the next reload
    _loaded(qtbot, model)
    assert int(_column(model, AuditColumn.SEQ)[0]) == top + 6


def test_a_reload_keeps_the_old_rows_until_the_new_page_is_there(
    qtbot: QtBot, ctx: Context
) -> None:
    model = RoomAccessModel(ctx)
    _loaded(qtbot, model)
    model.refresh()
    assert model.rowCount() == 2 and model.loading  # no flicker to an empty table
    _loaded(qtbot, model)
    assert model.rowCount() == 2


def test_audit_filter_shows_one_kind_of_action(qtbot: QtBot, ctx: Context) -> None:
    model = AuditModel(ctx)
    model.set_filter("session.login")
    _loaded(qtbot, model)
    assert set(_column(model, AuditColumn.ACTION)) == {"登录"}
    model.set_filter("account.")
    _loaded(qtbot, model)
    assert set(_column(model, AuditColumn.ACTION)) == {"新增账户"}
    assert _column(model, AuditColumn.SUBJECT)[0].startswith("账户 ")


def test_computer_use_model_marks_the_open_session(qtbot: QtBot, ctx: Context) -> None:
    model = ComputerUseModel(ctx)
    _loaded(qtbot, model)
    assert _column(model, UseColumn.ENDED)[0] == "（使用中）"
    assert _column(model, UseColumn.INTERFACE)[0] == "命令行"
    assert _column(model, UseColumn.WORK)[0] == ""  # counted when the session ends


def test_models_empty_while_locked_and_refill_on_change(qtbot: QtBot, ctx: Context) -> None:
    model = RoomAccessModel(ctx)
    _loaded(qtbot, model)
    assert model.rowCount() == 2
    station.lock(ctx.session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    station.unlock(ctx.session, "admin-pass-1")
    ctx.hub.changed.emit()
    _loaded(qtbot, model)
    assert model.rowCount() == 2

"""出入登记 and 使用登记 pages: entering a visit through the form, and reading both registers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.registers import RoomColumn, UseColumn
from bankstation.gui.pages.computer_use import ComputerUsePage
from bankstation.gui.pages.room_access import RoomAccessForm, RoomAccessPage
from bankstation.gui.widgets import qdatetime
from bankstation.services import registers, station
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import close_messages, wait_for_message, wait_for_ops
from tests.support import ADMIN, ADMIN_PW, CST, FakeClock, login


@pytest.fixture
def window(staffed_vault: Path, make_window: MakeWindow) -> MainWindow:
    return make_window(staffed_vault, "supervisor", "supervisor-pass-1", purpose="出入登记")


@pytest.fixture
def page(window: MainWindow) -> RoomAccessPage:
    page = window.show_page("出入登记")
    assert isinstance(page, RoomAccessPage)
    return page


def _form(page: RoomAccessPage) -> RoomAccessForm:
    assert page.form is not None
    return page.form


def _fill(form: RoomAccessForm, time_in: datetime, time_out: datetime | None) -> None:
    form.name.setText("赵海")
    form.unit.setText("市职业技能鉴定中心")
    form.purpose.setEditText("保密检查")
    form.time_in.setDateTime(qdatetime(time_in))
    form.left.setChecked(time_out is not None)
    if time_out is not None:
        form.time_out.setDateTime(qdatetime(time_out))
    form.escort.setText("刘洋")


def _rows(page: RoomAccessPage, column: RoomColumn) -> list[str]:
    model = page.model
    return [model.data(model.index(r, model.column_of(column))) for r in range(model.rowCount())]


def test_the_form_starts_at_the_current_time(page: RoomAccessPage) -> None:
    form = _form(page)
    assert form.time_in.dateTime() == qdatetime(datetime(2026, 11, 27, 9, 0, tzinfo=CST))
    assert not form.time_out.isEnabled()
    assert page.model.rowCount() == 0


def test_an_entered_visit_appears_in_the_list(
    qtbot: QtBot, page: RoomAccessPage, staffed_vault: Path, clock: FakeClock
) -> None:
    form = _form(page)
    _fill(form, datetime(2026, 11, 27, 8, 0), datetime(2026, 11, 27, 8, 40))
    form.submit_button.click()
    wait_for_ops(qtbot)
    assert _rows(page, RoomColumn.NAME) == ["赵海"]
    assert _rows(page, RoomColumn.TIME_IN) == ["2026-11-27 08:00"]
    assert _rows(page, RoomColumn.TIME_OUT) == ["2026-11-27 08:40"]
    assert _rows(page, RoomColumn.RECORDED_BY) == ["supervisor"]
    assert form.name.text() == "" and form.unit.text() == ""  # ready for the next visitor
    check = login(staffed_vault, clock)
    try:
        row = registers.list_room_access(check)[0]
    finally:
        station.logout(check)
    assert (row.name, row.unit, row.purpose, row.escort) == ("赵海", "市职业技能鉴定中心",
                                                             "保密检查", "刘洋")
    assert row.time_out == "2026-11-27T08:40:00+08:00"


def test_a_visit_still_inside_has_no_time_out(qtbot: QtBot, page: RoomAccessPage) -> None:
    form = _form(page)
    _fill(form, datetime(2026, 11, 27, 8, 30), None)
    form.submit_button.click()
    wait_for_ops(qtbot)
    assert _rows(page, RoomColumn.TIME_OUT) == ["（未登记）"]


def test_time_out_before_time_in_is_refused_and_the_form_kept(
    qtbot: QtBot, page: RoomAccessPage
) -> None:
    form = _form(page)
    _fill(form, datetime(2026, 11, 27, 8, 40), datetime(2026, 11, 27, 8, 0))
    form.submit_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "离开时间不能早于进入时间。")
    close_messages()
    assert page.model.rowCount() == 0
    assert form.name.text() == "赵海" and form.unit.text() == "市职业技能鉴定中心"
    assert form.purpose.currentText() == "保密检查" and form.escort.text() == "刘洋"
    assert form.left.isChecked()
    assert form.time_in.dateTime() == qdatetime(datetime(2026, 11, 27, 8, 40))
    assert form.submit_button.isEnabled()


def test_a_missing_name_is_asked_for(qtbot: QtBot, page: RoomAccessPage) -> None:
    form = _form(page)
    _fill(form, datetime(2026, 11, 27, 8, 0), None)
    form.name.clear()
    form.submit_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "请填写「姓名」。")
    close_messages()
    assert form.unit.text() == "市职业技能鉴定中心"


def test_the_admin_reads_the_register_without_a_form(
    qtbot: QtBot, page: RoomAccessPage, staffed_vault: Path, make_window: MakeWindow
) -> None:
    form = _form(page)
    _fill(form, datetime(2026, 11, 27, 8, 0), None)
    form.submit_button.click()
    wait_for_ops(qtbot)
    admin = make_window(staffed_vault, ADMIN, ADMIN_PW)
    admin_page = admin.show_page("出入登记")
    assert isinstance(admin_page, RoomAccessPage) and admin_page.form is None
    assert _rows(admin_page, RoomColumn.UNIT) == ["市职业技能鉴定中心"]


def test_computer_use_page_lists_sessions_with_their_work(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW, purpose="账户管理")
    page = window.show_page("使用登记")
    assert isinstance(page, ComputerUsePage)
    model = page.model

    def column(col: UseColumn) -> list[str]:
        return [model.data(model.index(r, model.column_of(col))) for r in range(model.rowCount())]

    assert column(UseColumn.PURPOSE)[0] == "账户管理"
    assert column(UseColumn.ENDED)[0] == "（使用中）"
    assert column(UseColumn.INTERFACE)[0] == "图形界面"
    # the fixture's session that added four accounts, ended normally
    assert "新增账户 4 项" in column(UseColumn.WORK)
    assert "王建国（admin）" in column(UseColumn.USER)
    assert "正常退出" in column(UseColumn.END_REASON)

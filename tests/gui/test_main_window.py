"""The main window: pages by role, who is logged in, and the end of the computer-use record."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.domain.ledger import ComputerUse
from bankstation.gui.dialogs.accounts import PasswordDialog
from bankstation.gui.pages.accounts import AccountsPage
from bankstation.gui.pages.audit import AuditPage
from bankstation.gui.pages.room_access import RoomAccessPage
from bankstation.services import registers, station
from bankstation.services.session import Session
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import wait_for_ops
from tests.support import ADMIN, ADMIN_PW, FAST_KDF, FakeClock, login


def _use(path: Path, clock: FakeClock, use_id: int) -> ComputerUse:
    check = login(path, clock, "supervisor", "supervisor-pass-1", "台账检查")
    try:
        return next(u for u in registers.list_computer_use(check) if u.id == use_id)
    finally:
        station.logout(check)


@pytest.mark.parametrize(
    ("name", "password", "titles"),
    [
        (ADMIN, ADMIN_PW, ["概况", "题库", "试题", "质量报告", "账户与保密责任书", "出入登记",
                           "使用登记", "审计台账"]),
        ("supervisor", "supervisor-pass-1", ["概况", "试卷", "出入登记", "使用登记", "审计台账"]),
        ("keeper", "keeper-pass-1", ["概况", "题库", "试题", "导入试题", "质量报告", "组卷方案"]),
        ("assembler", "assembler-pass-1", ["概况", "题库", "试题", "质量报告", "组卷方案", "组卷",
                                           "试卷"]),
        ("reviewer", "reviewer-pass-1", ["概况", "题库", "试题", "审核", "质量报告", "组卷方案",
                                         "试卷"]),
    ],
)
def test_pages_follow_the_roles(
    staffed_vault: Path, make_window: MakeWindow, name: str, password: str, titles: list[str]
) -> None:
    window = make_window(staffed_vault, name, password)
    assert window.page_titles() == titles
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == titles
    kinds = {type(page) for page in window.pages.values()}
    assert (AccountsPage in kinds) == (name == ADMIN)
    assert (AuditPage in kinds) == (name in (ADMIN, "supervisor"))


def test_only_the_supervisor_gets_the_room_access_form(
    staffed_vault: Path, make_window: MakeWindow
) -> None:
    admin = make_window(staffed_vault, ADMIN, ADMIN_PW)
    page = admin.pages["出入登记"]
    assert isinstance(page, RoomAccessPage) and page.form is None
    supervisor = make_window(staffed_vault, "supervisor", "supervisor-pass-1")
    page = supervisor.pages["出入登记"]
    assert isinstance(page, RoomAccessPage) and page.form is not None


def test_status_bar_names_the_person_roles_and_purpose(
    staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "supervisor", "supervisor-pass-1", purpose="台账检查")
    assert window.user_label.text() == "supervisor 测试（supervisor）· 监督员"
    assert window.purpose_label.text() == "使用事由：台账检查"
    assert window.lock_button.isVisible()
    assert "supervisor 测试" in window.windowTitle()


def test_navigation_shows_the_chosen_page(staffed_vault: Path, make_window: MakeWindow) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW)
    window.nav.setCurrentRow(window.page_titles().index("审计台账"))
    assert window.stack.currentWidget() is window.pages["审计台账"]
    assert window.show_page("使用登记") is window.stack.currentWidget()


def test_logout_ends_the_computer_use_record(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "keeper", "keeper-pass-1", purpose="录入试题")
    session = window.ctx.session
    clock.advance(600)
    with qtbot.waitSignal(window.ended, timeout=10_000) as blocker:
        window.logout_action.trigger()
    assert blocker.args == [True]
    assert session.locked and not window.isVisible()
    use = _use(staffed_vault, clock, session.use_id)
    assert use.account == "keeper" and use.purpose == "录入试题"
    assert use.end_reason == "正常退出"
    assert use.ended_at == "2026-11-27T09:10:00+08:00"


def test_closing_the_window_also_ends_the_record(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "reviewer", "reviewer-pass-1", purpose="审核试题")
    session = window.ctx.session
    with qtbot.waitSignal(window.ended, timeout=10_000) as blocker:
        window.close()
    assert blocker.args == [False]
    assert session.locked
    assert _use(staffed_vault, clock, session.use_id).end_reason == "正常退出"


def test_closing_while_locked_just_exits_and_the_next_login_closes_the_record(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "keeper", "keeper-pass-1")
    session = window.ctx.session
    window.lock()
    wait_for_ops(qtbot)
    assert session.locked
    with qtbot.waitSignal(window.ended, timeout=10_000):
        window.close()
    use = _use(staffed_vault, clock, session.use_id)
    assert use.ended_at is not None
    assert use.end_reason is not None and "未正常退出" in use.end_reason


def test_change_own_password_from_the_menu(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "keeper", "keeper-pass-1")
    window.password_action.trigger()
    dialog = window.findChild(PasswordDialog)
    assert dialog is not None and dialog.windowTitle() == "修改密码"
    dialog.password.setText("keeper-new-pass")
    dialog.password2.setText("keeper-new-pass")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    again: Session = station.login(staffed_vault, "keeper", "keeper-new-pass", "测试", clock, "gui",
                                   FAST_KDF)
    station.logout(again)


@pytest.mark.parametrize(("source", "label_name", "warning", "detail"), [
    ("network_warning", "network", "警告：检测到本机网络连接处于启用状态（eth0）。", "eth0"),
    ("memory_warning", "memory", "警告：本机账户可锁定的内存上限为 8 MiB（建议不少于 256 MiB）。",
     "8 MiB"),
])
def test_overview_shows_a_station_warning_only_when_there_is_one(
        staffed_vault: Path, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch,
        source: str, label_name: str, warning: str, detail: str) -> None:
    """A live network (DESIGN.md §1) and memory that cannot stay locked (§5)."""
    monkeypatch.setattr(f"bankstation.gui.pages.overview.{source}", lambda: warning)
    window = make_window(staffed_vault, "keeper", "keeper-pass-1")
    label = getattr(window.pages["概况"], label_name)
    assert not label.isHidden()
    assert detail in label.text()
    monkeypatch.setattr(f"bankstation.gui.pages.overview.{source}", lambda: None)
    quiet = make_window(staffed_vault, "reviewer", "reviewer-pass-1")
    assert getattr(quiet.pages["概况"], label_name).isHidden()

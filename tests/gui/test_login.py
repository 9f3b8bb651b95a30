"""The login dialog: off-thread unlock, inline Chinese errors, only the password cleared."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bankstation.gui.application import Shell, run
from bankstation.gui.login import LoginDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.resources import load_app_font, resources_dir
from bankstation.services import registers, station
from bankstation.services.session import Session
from tests.gui.gui_support import close_messages, wait_for_message, wait_for_ops
from tests.support import ADMIN, ADMIN_PW, FAST_KDF, FakeClock, login


def _dialog(qtbot: QtBot, path: Path, clock: FakeClock) -> LoginDialog:
    dialog = LoginDialog(path, clock, FAST_KDF)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(dialog: LoginDialog, name: str, password: str, purpose: str = "录入试题") -> None:
    dialog.account.setText(name)
    dialog.password.setText(password)
    dialog.purpose.setEditText(purpose)


def test_login_opens_a_session_off_the_gui_thread(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, vault_path, clock)
    assert str(vault_path) in [w.text() for w in dialog.findChildren(type(dialog.error))]
    _fill(dialog, ADMIN, ADMIN_PW, "账户管理")
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        dialog.login_button.click()
        assert dialog.progress.isVisible()  # the unlock runs in the background meanwhile
        assert not dialog.login_button.isEnabled()
    session = blocker.args[0]
    assert isinstance(session, Session)
    try:
        assert session.account.name == ADMIN
        assert session.purpose == "账户管理"
        assert session.interface == "gui"
        assert not dialog.isVisible()
    finally:
        station.logout(session)


def test_wrong_password_says_so_and_keeps_the_account_name(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, vault_path, clock)
    _fill(dialog, ADMIN, "wrong-password", "组卷")
    dialog.login_button.click()
    wait_for_ops(qtbot)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "账户名或密码错误。"
    assert dialog.account.text() == ADMIN
    assert dialog.purpose.currentText() == "组卷"
    assert dialog.password.text() == ""
    assert dialog.isVisible() and dialog.login_button.isEnabled()
    assert dialog.session is None


def test_missing_fields_are_asked_for_before_any_unlock(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, vault_path, clock)
    _fill(dialog, ADMIN, ADMIN_PW, "  ")
    dialog.login_button.click()
    assert dialog.error.text() == "请选择或填写使用事由。"
    assert dialog.password.text() == ADMIN_PW  # nothing ran, nothing to clear


def test_a_missing_vault_is_explained_not_a_crash(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    missing = tmp_path / "nowhere" / "vault.bsv"
    dialog = _dialog(qtbot, missing, clock)
    assert dialog.error.isVisible()
    assert "找不到题库文件" in dialog.error.text()
    assert "bankstation demo" in dialog.error.text()
    _fill(dialog, ADMIN, ADMIN_PW)
    dialog.login_button.click()
    wait_for_ops(qtbot)
    assert "找不到题库文件" in dialog.error.text()


def test_an_account_without_pledge_is_refused_with_the_reason(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    from bankstation.domain.roles import Role
    from bankstation.services import accounts

    admin = login(vault_path, clock)
    accounts.add_account(admin, "li", "李晓梅", frozenset({Role.KEEPER}), None, "li-pass-123")
    station.logout(admin)
    dialog = _dialog(qtbot, vault_path, clock)
    _fill(dialog, "li", "li-pass-123")
    dialog.login_button.click()
    wait_for_ops(qtbot)
    assert "尚未登记保密责任书" in dialog.error.text()


def test_closing_is_refused_while_the_login_runs(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, vault_path, clock)
    _fill(dialog, ADMIN, ADMIN_PW)
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        dialog.login_button.click()
        dialog.reject()
        assert dialog.isVisible()
    station.logout(blocker.args[0])


def test_failed_logins_since_the_last_success_are_shown(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    dialog = _dialog(qtbot, vault_path, clock)
    for _ in range(2):
        _fill(dialog, ADMIN, "wrong-password")
        dialog.login_button.click()
        wait_for_ops(qtbot)
    _fill(dialog, ADMIN, ADMIN_PW)
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        dialog.login_button.click()
    session = blocker.args[0]
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    wait_for_message(qtbot, "自上次成功登录以来有 2 次登录失败，已记入台账。")
    close_messages()
    overview = window.pages["概况"]
    assert "2 次登录失败" in overview.failed_logins.text()  # type: ignore[attr-defined]
    window.close()
    wait_for_ops(qtbot)
    assert session.locked


def test_shell_goes_from_login_to_window_and_back_after_logout(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock
) -> None:
    shell = Shell(staffed_vault, clock, FAST_KDF)
    shell.start()
    assert shell.login is not None
    _fill(shell.login, "supervisor", "supervisor-pass-1", "台账检查")
    shell.login.login_button.click()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
    window = shell.window
    assert window is not None
    use_id = window.ctx.session.use_id
    window.logout()
    qtbot.waitUntil(lambda: shell.login is not None and shell.login.isVisible(), timeout=10_000)
    assert shell.window is None
    check = login(staffed_vault, clock, "supervisor", "supervisor-pass-1")
    use = next(u for u in registers.list_computer_use(check) if u.id == use_id)
    station.logout(check)
    assert use.ended_at is not None and use.end_reason == "正常退出"
    assert use.purpose == "台账检查" and use.interface == "gui"
    with qtbot.waitSignal(shell.finished, timeout=5000) as blocker:
        shell.login.reject()
    assert blocker.args == [0]


def test_run_shows_the_login_and_returns_when_it_is_closed(
    qtbot: QtBot, vault_path: Path, clock: FakeClock
) -> None:
    hook = sys.excepthook

    def close_login() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, LoginDialog) and widget.isVisible():
                widget.reject()
                return
        QTimer.singleShot(20, close_login)

    QTimer.singleShot(0, close_login)
    assert run(vault_path, clock, FAST_KDF) == 0
    assert sys.excepthook is hook
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.font().family() == "WenQuanYi Micro Hei"
    assert app.applicationName() == "题库工作站"


def test_the_shipped_font_is_found_and_loaded(qtbot: QtBot) -> None:
    assert (resources_dir() / "fonts" / "wqy-microhei.ttc").is_file()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert load_app_font(app) == "WenQuanYi Micro Hei"


def test_resources_inside_a_frozen_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"

"""Idle lock: input resets the timer; when it runs out the vault closes until the same person
types their password again."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from bankstation.gui.dialogs.accounts import AddAccountDialog
from bankstation.gui.ops import run_op
from bankstation.services import ledger
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import wait_for_ops
from tests.support import ADMIN, ADMIN_PW

IDLE_MS = 200


def test_idle_lock_closes_the_vault_and_hides_the_content(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW, idle_ms=IDLE_MS)
    session = window.ctx.session
    page = window.show_page("审计台账")
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    wait_for_ops(qtbot)
    assert window.locked
    assert window.lock_panel.isVisible() and not page.isVisible()
    assert not window.content.isVisible()
    assert not window.lock_action.isEnabled() and not window.password_action.isEnabled()
    assert window.logout_action.isEnabled()
    assert page.model.rowCount() == 0  # type: ignore[attr-defined]
    assert not window.idle.active


def test_wrong_password_stays_locked_right_one_unlocks(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW, idle_ms=IDLE_MS)
    session = window.ctx.session
    qtbot.waitUntil(lambda: session.locked, timeout=5000)
    wait_for_ops(qtbot)
    panel = window.lock_panel
    panel.password.setText("wrong-password")
    panel.unlock_button.click()
    wait_for_ops(qtbot)
    assert session.locked and window.locked
    assert panel.error.text() == "密码错误，题库仍保持锁定。失败次数已记录。"
    assert panel.password.text() == ""
    panel.password.setText(ADMIN_PW)
    qtbot.keyClick(panel.password, Qt.Key.Key_Return)
    wait_for_ops(qtbot)
    assert not session.locked and not window.locked
    assert window.content.isVisible()
    assert window.idle.active
    actions = [e.action for e in ledger.audit_entries(session, 3)]
    assert actions == ["session.unlock", "session.lock", "session.login"]
    assert ledger.audit_entries(session, 1)[0].detail["failed_attempts"] == 1
    accounts_page = window.pages["账户与保密责任书"]
    assert accounts_page.model.rowCount() == 5  # type: ignore[attr-defined]


def test_input_keeps_the_session_open(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW, idle_ms=1000)
    target = window.nav.viewport()
    for step in range(15):
        qtbot.wait(100)
        qtbot.mouseMove(target, QPoint(10 + step % 5, 10))
    assert not window.ctx.session.locked
    qtbot.waitUntil(lambda: window.ctx.session.locked, timeout=5000)


def test_lock_waits_for_a_running_operation(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW, idle_ms=100)
    release = threading.Event()
    run_op(window, lambda: release.wait(5), lambda _r: None, busy_text=None)
    qtbot.wait(400)
    assert not window.ctx.session.locked and not window.locked
    release.set()
    qtbot.waitUntil(lambda: window.ctx.session.locked, timeout=5000)


def test_manual_lock_and_logout_from_the_lock_screen(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW)
    window.lock_button.click()
    wait_for_ops(qtbot)
    assert window.ctx.session.locked and window.locked
    with qtbot.waitSignal(window.ended, timeout=5000) as blocker:
        window.lock_panel.logout_button.click()
    assert blocker.args == [True]
    assert not window.isVisible()


def test_locking_closes_open_dialogs(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, ADMIN, ADMIN_PW)
    page = window.show_page("账户与保密责任书")
    dialog = page.add_account()  # type: ignore[attr-defined]
    dialog.name.setText("secret")
    assert dialog.isVisible()
    window.lock()
    wait_for_ops(qtbot)
    assert window.ctx.session.locked
    assert not any(d.isVisible() for d in window.findChildren(AddAccountDialog))

"""The accounts page: add, pledge, roles, password reset, removal and rekey, through the dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.domain.errors import AuthError
from bankstation.domain.roles import Role
from bankstation.gui.dialogs.accounts import AddAccountDialog, PledgeDialog, RolesDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.accounts import AccountColumn
from bankstation.gui.pages.accounts import AccountsPage
from bankstation.gui.widgets import qdate
from bankstation.services import station
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.support import ADMIN, ADMIN_PW, FAST_KDF, FakeClock, login


@pytest.fixture
def window(staffed_vault: Path, make_window: MakeWindow) -> MainWindow:
    return make_window(staffed_vault, ADMIN, ADMIN_PW, purpose="账户管理")


@pytest.fixture
def page(window: MainWindow) -> AccountsPage:
    page = window.show_page("账户与保密责任书")
    assert isinstance(page, AccountsPage)
    return page


def _names(page: AccountsPage) -> list[str]:
    column = page.model.column_of(AccountColumn.NAME)
    return [page.model.data(page.model.index(r, column)) for r in range(page.model.rowCount())]


def _cell(page: AccountsPage, name: str, column: AccountColumn) -> str:
    row = page.model.find(name)
    return str(page.model.data(page.model.index(row, page.model.column_of(column))))


def _fill_new_account(dialog: AddAccountDialog, name: str = "lixm") -> None:
    dialog.name.setText(name)
    dialog.full_name.setText("李晓明")
    dialog.roles.boxes[Role.REVIEWER].setChecked(True)
    dialog.roles.boxes[Role.ASSEMBLER].setChecked(True)
    dialog.pledge_date.setDate(qdate(date(2026, 11, 20)))
    dialog.pledge_ref.setText("BM-2026-006")
    dialog.password.setText("lixm-pass-2026")
    dialog.password2.setText("lixm-pass-2026")


def test_table_lists_every_account_with_its_pledge(page: AccountsPage) -> None:
    assert set(_names(page)) == {ADMIN, "keeper", "reviewer", "assembler", "supervisor"}
    assert _cell(page, "supervisor", AccountColumn.ROLES) == "监督员"
    assert _cell(page, ADMIN, AccountColumn.PLEDGE) == "2026-01-05　BM-2026-001"
    assert page.view.isVisible()


def test_added_account_appears_in_the_table_and_can_log_in(
    qtbot: QtBot, page: AccountsPage, staffed_vault: Path, clock: FakeClock
) -> None:
    dialog = page.add_account()
    assert isinstance(dialog, AddAccountDialog) and dialog.isVisible()
    _fill_new_account(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert "lixm" in _names(page)
    assert _cell(page, "lixm", AccountColumn.ROLES) == "审核员、组卷员"
    assert _cell(page, "lixm", AccountColumn.PLEDGE) == "2026-11-20　BM-2026-006"
    assert page.selected() is not None and page.selected().name == "lixm"  # type: ignore[union-attr]
    session = station.login(staffed_vault, "lixm", "lixm-pass-2026", "审核试题", clock, "gui",
                            FAST_KDF)
    station.logout(session)


def test_mismatched_passwords_keep_the_dialog_and_its_contents(
    qtbot: QtBot, page: AccountsPage
) -> None:
    dialog = page.add_account()
    assert isinstance(dialog, AddAccountDialog)
    _fill_new_account(dialog)
    dialog.password2.setText("something-else")
    dialog.ok_button.click()
    wait_for_message(qtbot, "两次输入的密码不一致。")
    close_messages()
    assert dialog.isVisible()
    assert dialog.name.text() == "lixm" and dialog.pledge_ref.text() == "BM-2026-006"
    assert "lixm" not in _names(page)


def test_a_refused_account_keeps_the_form_and_says_why(qtbot: QtBot, page: AccountsPage) -> None:
    dialog = page.add_account()
    assert isinstance(dialog, AddAccountDialog)
    _fill_new_account(dialog, name="keeper")
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "账户「keeper」已存在。")
    close_messages()
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert dialog.full_name.text() == "李晓明" and dialog.password.text() == "lixm-pass-2026"
    dialog.name.setText("Bad Name")
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "账户名「Bad Name」不合规")
    close_messages()
    dialog.reject()


def test_admin_and_keeper_roles_are_kept_apart(qtbot: QtBot, page: AccountsPage) -> None:
    page.select("keeper")
    dialog = page.change_roles()
    assert isinstance(dialog, RolesDialog)
    dialog.roles.boxes[Role.ADMIN].setChecked(True)
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "系统管理员不能兼任题库管理员")
    close_messages()
    dialog.roles.boxes[Role.ADMIN].setChecked(False)
    dialog.roles.boxes[Role.REVIEWER].setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert _cell(page, "keeper", AccountColumn.ROLES) == "题库管理员、审核员"


def test_record_a_renewed_pledge(qtbot: QtBot, page: AccountsPage) -> None:
    page.select("reviewer")
    dialog = page.record_pledge()
    assert isinstance(dialog, PledgeDialog)
    assert dialog.pledge_ref.text() == "BM-reviewer"
    dialog.pledge_date.setDate(qdate(date(2026, 11, 1)))
    dialog.pledge_ref.setText("BM-2026-099")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert _cell(page, "reviewer", AccountColumn.PLEDGE) == "2026-11-01　BM-2026-099"


def test_reset_password_then_remove_after_confirmation(
    qtbot: QtBot, page: AccountsPage, staffed_vault: Path, clock: FakeClock
) -> None:
    page.select("assembler")
    dialog = page.reset_password()
    assert dialog is not None and dialog.windowTitle() == "重置密码"
    dialog.password.setText("assembler-new-1")  # type: ignore[attr-defined]
    dialog.password2.setText("assembler-new-1")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    session = station.login(staffed_vault, "assembler", "assembler-new-1", "组卷", clock, "gui",
                            FAST_KDF)
    station.logout(session)

    page.select("assembler")
    page.remove_account()
    box = wait_for_message(qtbot, "确定删除账户「assembler 测试（assembler）」？")
    answer(box, "取消")
    wait_for_ops(qtbot)
    assert "assembler" in _names(page)
    page.select("assembler")
    page.remove_account()
    answer(wait_for_message(qtbot, "确定删除账户"), "删除")
    wait_for_ops(qtbot)
    assert "assembler" not in _names(page)
    page.show_removed.setChecked(True)
    wait_for_ops(qtbot)
    assert _cell(page, "assembler", AccountColumn.STATUS) == "已删除"
    with pytest.raises(AuthError):
        login(staffed_vault, clock, "assembler", "assembler-new-1")


def test_own_account_cannot_be_removed(page: AccountsPage) -> None:
    page.select(ADMIN)
    assert not page.remove_button.isEnabled()
    page.select("keeper")
    assert page.remove_button.isEnabled()


def test_rekey_after_confirmation_keeps_every_password(
    qtbot: QtBot, page: AccountsPage, staffed_vault: Path, clock: FakeClock
) -> None:
    keys = staffed_vault.with_name(staffed_vault.name + ".keys")
    old_keys = keys.read_bytes()
    page.rekey()
    answer(wait_for_message(qtbot, "确定更换题库密钥？"), "更换密钥")
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "已更换题库密钥，5 个账户的密钥槽已用新密钥重新封装。")
    close_messages()
    assert keys.read_bytes() != old_keys
    assert page.model.rowCount() == 5  # the session goes on with the new key
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    station.logout(session)


"""账户与保密责任书 (admin): the accounts table and every account action, and the rekey."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from bankstation.domain.accounts import Account
from bankstation.gui import messages
from bankstation.gui.dialogs.accounts import (
    AddAccountDialog,
    PasswordDialog,
    PledgeDialog,
    RolesDialog,
)
from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.hub import Context
from bankstation.gui.models.accounts import AccountsModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import bar_button, page_layout
from bankstation.gui.widgets import make_table, selected_row
from bankstation.services import accounts, rekey

REKEY_QUESTION = (
    "更换题库密钥后，题库文件用新密钥重新加密，所有账户的密钥槽改用新密钥封装；各人的密码不变。\n\n"
    "此后，旧的密钥槽文件（.keys）副本和任何旧密码都不能再打开题库。更换完成后请重新备份"
    "题库文件和密钥槽文件。\n\n确定更换题库密钥？"
)


class AccountsPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = page_layout(
            self, "账户与保密责任书",
            "每人一个账户，角色按岗位分配；账户须登记已签署的保密责任书（签署日期和编号）后"
            "才能登录。删除账户会移除其密钥槽，历史记录仍保留在台账中。")
        self.model = AccountsModel(ctx, self)
        self.view = make_table(self.model)
        bar = QHBoxLayout()
        self.add_button = self._button(bar, "新增账户…", self.add_account)
        self.pledge_button = self._button(bar, "登记保密责任书…", self.record_pledge)
        self.roles_button = self._button(bar, "修改角色…", self.change_roles)
        self.password_button = self._button(bar, "重置密码…", self.reset_password)
        self.remove_button = self._button(bar, "删除账户…", self.remove_account)
        bar.addStretch(1)
        self.rekey_button = self._button(bar, "更换题库密钥…", self.rekey)
        layout.addLayout(bar)
        self.show_removed = QCheckBox("显示已删除的账户")
        self.show_removed.toggled.connect(self.model.set_include_removed)
        layout.addWidget(self.show_removed)
        layout.addWidget(self.view, 1)
        self._want = ""  # the account to keep selected across reloads
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._reloaded)
        self.view.doubleClicked.connect(self.record_pledge)
        self._update_buttons()

    _button = staticmethod(bar_button)

    def selected(self) -> Account | None:
        return self.model.row_at(selected_row(self.view))

    def select(self, name: str) -> None:
        """Select ``name`` now, and again once the reload under way has brought it in."""
        self._want = name
        row = self.model.find(name)
        if row >= 0:
            self.view.selectRow(row)

    def _reloaded(self) -> None:
        if self._want:
            self.select(self._want)
        self._update_buttons()

    def _selection_changed(self) -> None:
        account = self.selected()
        if account is not None:
            self._want = account.name
        self._update_buttons()

    def _update_buttons(self) -> None:
        account = self.selected()
        usable = account is not None and account.active
        for button in (self.pledge_button, self.roles_button, self.password_button):
            button.setEnabled(usable)
        own = account is not None and account.name == self.ctx.session.account.name
        self.remove_button.setEnabled(usable and not own)

    # -- actions -----------------------------------------------------------------------------
    def _open(self, dialog: FormDialog, done: str) -> FormDialog:
        selected = self.selected()
        name = selected.name if selected else ""

        def finished() -> None:
            self.ctx.hub.notice.emit(done)
            account = dialog.result_value  # the new account, for 新增账户
            self.select(account.name if isinstance(account, Account) else name)

        dialog.accepted.connect(finished)
        dialog.open()
        return dialog

    def add_account(self) -> FormDialog:
        return self._open(AddAccountDialog(self.ctx, self), "已新增账户。")

    def record_pledge(self) -> FormDialog | None:
        account = self.selected()
        if account is None or not account.active:
            return None
        return self._open(PledgeDialog(self.ctx, account, self),
                          f"已登记「{account.full_name}」的保密责任书。")

    def change_roles(self) -> FormDialog | None:
        account = self.selected()
        if account is None or not account.active:
            return None
        return self._open(RolesDialog(self.ctx, account, self),
                          f"已修改「{account.full_name}」的角色。")

    def reset_password(self) -> FormDialog | None:
        account = self.selected()
        if account is None or not account.active:
            return None
        return self._open(PasswordDialog(self.ctx, account.name, account.full_name, self),
                          f"已重置「{account.full_name}」的密码。")

    def remove_account(self) -> None:
        account = self.selected()
        if account is None or not account.active:
            return
        session, name = self.ctx.session, account.name
        question = (f"确定删除账户「{account.full_name}（{name}）」？\n\n"
                    "删除后该账户的密钥槽被移除，不能再登录；其历史记录仍保留在台账中。")

        def remove() -> None:
            run_op(self, lambda: accounts.remove_account(session, name),
                   lambda _none: self.ctx.hub.notice.emit(f"已删除账户「{name}」。"),
                   busy_text="正在删除账户…", hub=self.ctx.hub)

        messages.confirm(self, question, remove, "删除")

    def rekey(self) -> None:
        session = self.ctx.session

        def done(slots: int) -> None:
            messages.show_info(self, f"已更换题库密钥，{slots} 个账户的密钥槽已用新密钥重新封装。"
                                     "\n请重新备份题库文件和密钥槽文件。")

        def start() -> None:
            run_op(self, lambda: rekey.rekey(session), done,
                   busy_text="正在更换题库密钥，请勿关闭程序…", hub=self.ctx.hub)

        messages.confirm(self, REKEY_QUESTION, start, "更换密钥")

"""Dialogs of the accounts page: add an account, record a pledge, change roles, set a password."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QWidget

from bankstation.domain.accounts import MIN_PASSWORD_LENGTH, Account
from bankstation.domain.roles import Role
from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.hub import Context
from bankstation.gui.widgets import RoleChecks, iso_date, qdate
from bankstation.services import accounts


def _date_edit(today: date, value: date | None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(qdate(today))  # a pledge cannot be signed in the future
    edit.setDate(qdate(value or today))
    return edit


def _password_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


class AddAccountDialog(FormDialog):
    """新增账户: name, full name, roles, the signed pledge and a first password."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "新增账户", "新增", parent)
        today = ctx.session.clock.now().date()
        self.name = QLineEdit()
        self.name.setPlaceholderText("小写字母开头，如 lixm")
        self.full_name = QLineEdit()
        self.roles = RoleChecks()
        self.pledge_date = _date_edit(today, None)
        self.pledge_ref = QLineEdit()
        self.pledge_ref.setPlaceholderText("如 BM-2026-006")
        self.password = _password_edit(f"至少 {MIN_PASSWORD_LENGTH} 个字符")
        self.password2 = _password_edit()
        self.form.addRow("账户名：", self.name)
        self.form.addRow("姓名：", self.full_name)
        self.form.addRow("角色：", self.roles)
        self.form.addRow("保密责任书签署日期：", self.pledge_date)
        self.form.addRow("保密责任书编号：", self.pledge_ref)
        self.form.addRow("初始密码：", self.password)
        self.form.addRow("再次输入密码：", self.password2)
        note = QLabel("未登记保密责任书的账户不能登录。"
                      "请将初始密码当面交给本人，并请其登录后修改。")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.setMinimumWidth(560)

    def submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.fail("两次输入的密码不一致。")
            return
        roles = self.roles.roles()
        if not roles:
            self.fail("请至少选择一个角色。")
            return
        session = self.ctx.session
        name, full_name = self.name.text().strip(), self.full_name.text()
        signed_on, ref = iso_date(self.pledge_date.date()), self.pledge_ref.text()
        password = self.password.text()
        self.run(lambda: accounts.add_account(session, name, full_name, roles,
                                              accounts.pledge_from(session, signed_on, ref),
                                              password),
                 "正在新增账户并生成密钥槽…")


class PledgeDialog(FormDialog):
    """登记保密责任书 for an existing account (a renewed pledge replaces the old one)."""

    def __init__(self, ctx: Context, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "登记保密责任书", "登记", parent)
        self.account = account
        today = ctx.session.clock.now().date()
        pledge = account.pledge
        self.pledge_date = _date_edit(today, pledge.signed_on if pledge else None)
        self.pledge_ref = QLineEdit(pledge.reference if pledge else "")
        self.form.addRow("账户：", QLabel(f"{account.full_name}（{account.name}）"))
        self.form.addRow("签署日期：", self.pledge_date)
        self.form.addRow("责任书编号：", self.pledge_ref)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        session, name = self.ctx.session, self.account.name
        signed_on, ref = iso_date(self.pledge_date.date()), self.pledge_ref.text()
        self.run(lambda: accounts.record_pledge(session, name,
                                                accounts.pledge_from(session, signed_on, ref)),
                 "正在登记…")


class RolesDialog(FormDialog):
    """修改角色 of an existing account."""

    def __init__(self, ctx: Context, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "修改角色", "保存", parent)
        self.account = account
        self.roles = RoleChecks(account.roles)
        self.form.addRow("账户：", QLabel(f"{account.full_name}（{account.name}）"))
        self.form.addRow("角色：", self.roles)
        note = QLabel("系统管理员不能兼任题库管理员。")
        self.form.addRow(note)

    def submit(self) -> None:
        roles: frozenset[Role] = self.roles.roles()
        if not roles:
            self.fail("请至少选择一个角色。")
            return
        session, name = self.ctx.session, self.account.name
        self.run(lambda: accounts.set_roles(session, name, roles), "正在保存…")


class PasswordDialog(FormDialog):
    """A new password, typed twice: one's own (修改密码) or someone's as admin (重置密码)."""

    def __init__(self, ctx: Context, name: str, full_name: str,
                 parent: QWidget | None = None) -> None:
        own = name == ctx.session.account.name
        super().__init__(ctx, "修改密码" if own else "重置密码", "确定", parent)
        self.account_name = name
        self.password = _password_edit(f"至少 {MIN_PASSWORD_LENGTH} 个字符")
        self.password2 = _password_edit()
        self.form.addRow("账户：", QLabel(f"{full_name}（{name}）"))
        self.form.addRow("新密码：", self.password)
        self.form.addRow("再次输入新密码：", self.password2)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.fail("两次输入的新密码不一致。")
            return
        session, name, password = self.ctx.session, self.account_name, self.password.text()
        self.run(lambda: accounts.change_password(session, name, password),
                 "正在更新密钥槽…")

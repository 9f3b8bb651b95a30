"""The accounts table of the 账户与保密责任书 page."""

from __future__ import annotations

from typing import assert_never

from PySide6.QtCore import QObject

from bankstation.domain.accounts import Account
from bankstation.domain.roles import roles_label
from bankstation.gui.formatting import account_status, pledge_text
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Column, TableModel
from bankstation.services import accounts


class AccountColumn(Column):
    NAME = ("账户", 8)
    FULL_NAME = ("姓名", 6)
    ROLES = ("角色", 12)
    PLEDGE = ("保密责任书（日期　编号）", 16)
    STATUS = ("状态", 10)


class AccountsModel(TableModel[Account]):
    columns = AccountColumn
    page_size = 500  # a station has a handful of accounts; one page holds them all

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self._include_removed = False
        super().__init__(ctx, parent)

    def set_include_removed(self, include: bool) -> None:
        if include != self._include_removed:
            self._include_removed = include
            self.refresh()

    def fetch(self, offset: int, limit: int) -> list[Account]:
        rows = accounts.list_accounts(self._ctx.session, self._include_removed)
        return rows[offset:offset + limit]

    def comes_after(self, row: Account, last: Account) -> bool:
        return row.name > last.name  # the service lists accounts by name

    def cell(self, row: Account, column: AccountColumn) -> str:
        match column:
            case AccountColumn.NAME:
                return row.name
            case AccountColumn.FULL_NAME:
                return row.full_name
            case AccountColumn.ROLES:
                return roles_label(row.roles)
            case AccountColumn.PLEDGE:
                return pledge_text(row)
            case AccountColumn.STATUS:
                return account_status(row)
        assert_never(column)

    def muted(self, row: Account) -> bool:
        return not row.active

    def find(self, name: str) -> int:
        """Row of the account ``name``, or -1."""
        return next((i for i, a in enumerate(self._rows) if a.name == name), -1)

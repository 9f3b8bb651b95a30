"""The audit trail (审计台账), newest first, filtered by kind of action."""

from __future__ import annotations

from typing import assert_never

from PySide6.QtCore import QObject

from bankstation.domain.clock import short_time
from bankstation.domain.ledger import ACTION_LABELS, LedgerEntry
from bankstation.domain.ledger_text import detail_text, subject_text
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Column, TableModel
from bankstation.services import ledger

# Groups first (a prefix of several actions), then every single action the ledger knows.
ACTION_GROUPS: tuple[tuple[str, str], ...] = (
    ("登录、退出、锁定", "session."),
    ("账户与保密责任书", "account."),
    ("题库文件与密钥", "vault."),
    ("试题（含导入、导出）", "question"),  # question.* and questions.*
    ("组卷方案", "blueprint."),
)


def action_filters() -> list[tuple[str, str | None]]:
    """(label, action prefix) pairs for the filter box; the first shows everything."""
    singles = [(f"　{label}", action) for action, label in ACTION_LABELS.items()]
    return [("全部操作", None), *ACTION_GROUPS, *singles]


class AuditColumn(Column):
    SEQ = ("序号", 4)
    AT = ("时间", 10)
    ACTOR = ("账户", 6)
    ACTION = ("操作", 7)
    SUBJECT = ("对象", 9)
    DETAIL = ("详情", 30)


class AuditModel(TableModel[LedgerEntry]):
    columns = AuditColumn

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self._prefix: str | None = None
        super().__init__(ctx, parent)

    @property
    def prefix(self) -> str | None:
        return self._prefix

    def set_filter(self, prefix: str | None) -> None:
        if prefix != self._prefix:
            self._prefix = prefix
            self.refresh()

    def fetch(self, offset: int, limit: int) -> list[LedgerEntry]:
        return ledger.audit_entries(self._ctx.session, limit, offset, self._prefix)

    def comes_after(self, row: LedgerEntry, last: LedgerEntry) -> bool:
        return row.seq < last.seq  # newest first

    def cell(self, row: LedgerEntry, column: AuditColumn) -> str:
        match column:
            case AuditColumn.SEQ:
                return str(row.seq)
            case AuditColumn.AT:
                return short_time(row.at)
            case AuditColumn.ACTOR:
                return row.actor or ""
            case AuditColumn.ACTION:
                return row.label
            case AuditColumn.SUBJECT:
                return subject_text(row.subject)
            case AuditColumn.DETAIL:
                return detail_text(row.detail)
        assert_never(column)

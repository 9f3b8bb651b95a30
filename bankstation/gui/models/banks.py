"""The banks table of the 题库 page: what each bank is, the standard it follows, its state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, assert_never

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from bankstation.domain.banks import Bank
from bankstation.domain.qtypes import EXAM_LABELS
from bankstation.domain.standards import Standard
from bankstation.gui.models.base import Column, Index, TableModel
from bankstation.services import banks, search

VOID_COLOR = QColor(176, 0, 32)
VOID_STATUS = "已废止，不能用于组卷"


@dataclass(frozen=True)
class BankRow:
    bank: Bank
    standard: Standard | None
    questions: int


class BankColumn(Column):
    NAME = ("题库", 22)
    OCCUPATION = ("职业编码", 7)
    LEVEL = ("等级", 7)
    EXAM = ("考试类别", 5)
    STANDARD = ("评价标准", 22)
    QUESTIONS = ("试题数", 4)
    STATUS = ("状态", 12)


def standard_text(standard: Standard | None) -> str:
    if standard is None:
        return "（缺失）"
    ref = f"，{standard.reference}" if standard.reference else ""
    return f"{standard.title}（{standard.kind.label}{ref}）"


class BanksModel(TableModel[BankRow]):
    columns = BankColumn
    page_size = 500  # a station keeps tens of banks, not thousands

    def fetch(self, offset: int, limit: int) -> list[BankRow]:
        session = self._ctx.session
        by_id = {s.id: s for s in banks.standards(session)}
        rows = [BankRow(b, by_id.get(b.standard_id), search.question_count(session, b.id))
                for b in banks.list_banks(session)]
        return rows[offset:offset + limit]

    def comes_after(self, row: BankRow, last: BankRow) -> bool:
        return row.bank.id > last.bank.id  # the service lists banks by id

    def cell(self, row: BankRow, column: BankColumn) -> str:
        bank = row.bank
        match column:
            case BankColumn.NAME:
                return bank.name
            case BankColumn.OCCUPATION:
                return bank.trade or bank.occupation
            case BankColumn.LEVEL:
                return bank.level.label
            case BankColumn.EXAM:
                return EXAM_LABELS.get(bank.exam, bank.exam)
            case BankColumn.STANDARD:
                return standard_text(row.standard)
            case BankColumn.QUESTIONS:
                return str(row.questions)
            case BankColumn.STATUS:
                return VOID_STATUS if bank.voided else "正常"
        assert_never(column)

    def tooltip(self, row: BankRow, column: Any) -> str | None:
        if row.bank.void_reason:
            return row.bank.void_reason
        return super().tooltip(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and row.bank.voided:
                return VOID_COLOR
        return super().data(index, role)

    def find(self, bank_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.bank.id == bank_id), -1)

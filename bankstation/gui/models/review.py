"""The review queue: submitted questions of the bank; one's own are greyed and say why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionFilter, QuestionRow
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Index
from bankstation.gui.models.questions import QuestionColumn, QuestionModel

OWN_REASON = "本题由您本人编写，须由其他审核员审核。"


class ReviewModel(QuestionModel):
    """Questions waiting for review, oldest first; those someone else wrote stand out."""

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self.me = ctx.session.account.name
        super().__init__(ctx, parent)
        self.set_filter(QuestionFilter(status=Status.SUBMITTED))

    def own(self, row: QuestionRow) -> bool:
        return row.author == self.me

    def muted(self, row: QuestionRow) -> bool:
        return self.own(row)

    def cell(self, row: QuestionRow, column: QuestionColumn) -> str:
        text = super().cell(row, column)
        if column is QuestionColumn.AUTHOR and self.own(row):
            return f"{text}（本人）"
        return text

    def tooltip(self, row: QuestionRow, column: Any) -> str | None:
        return OWN_REASON if self.own(row) else super().tooltip(row, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            row = self.row_at(index.row())
            if row is not None and not self.own(row):
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)

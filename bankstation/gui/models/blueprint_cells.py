"""The cell table (双向细目表) of the blueprint editor: derived live, or typed in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from bankstation.domain.blueprints import Cells
from bankstation.domain.qtypes import QType
from bankstation.gui.models.blueprint_tables import EDIT, WRONG, Index, MemoryModel


class CellsModel(MemoryModel):
    """双向细目表: one row per scope and a total row; one column per section's type and a total.
    The columns follow the blueprint's sections, so there is no fixed column enum here.
    Editable (in the scope × type cells) only when the blueprint gives the table itself."""

    TOTAL = "合计"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scopes: list[tuple[str, str]] = []  # (code, name)
        self.qtypes: list[QType] = []
        self.counts: Cells = {}
        self.targets: dict[str, int] = {}  # qtype -> the section's count
        self.explicit = False

    def headers(self) -> list[str]:
        return ["鉴定范围", *(q.label for q in self.qtypes), self.TOTAL]

    def row_count(self) -> int:
        return len(self.scopes) + 1 if self.scopes else 0

    def numeric(self, column: int) -> bool:
        return column > 0

    def _is_total_row(self, row: int) -> bool:
        return row == len(self.scopes)

    def _column_total(self, qtype: QType) -> int:
        return sum(self.counts.get(code, {}).get(qtype.value, 0) for code, _name in self.scopes)

    def value(self, row: int, column: int) -> int:
        """The count shown at (row, column) for column > 0."""
        if column == len(self.qtypes) + 1:
            if self._is_total_row(row):
                return sum(self._column_total(q) for q in self.qtypes)
            return sum(self.counts.get(self.scopes[row][0], {}).get(q.value, 0)
                       for q in self.qtypes)
        qtype = self.qtypes[column - 1]
        if self._is_total_row(row):
            return self._column_total(qtype)
        return self.counts.get(self.scopes[row][0], {}).get(qtype.value, 0)

    def text(self, row: int, column: int) -> str:
        if column == 0:
            if self._is_total_row(row):
                return self.TOTAL
            code, name = self.scopes[row]
            return f"{code} {name}".strip()
        return str(self.value(row, column))

    def edit_value(self, row: int, column: int) -> Any:
        return self.value(row, column) if self.editable(row, column) else None

    def editable(self, row: int, column: int) -> bool:
        return (self.explicit and not self._is_total_row(row)
                and 0 < column <= len(self.qtypes))

    def colour(self, row: int, column: int) -> QColor | None:
        if self._is_total_row(row) and 0 < column <= len(self.qtypes):
            qtype = self.qtypes[column - 1]
            if self._column_total(qtype) != self.targets.get(qtype.value, 0):
                return WRONG
        return None

    def tip(self, row: int, column: int) -> str | None:
        if column == 0:
            return self.text(row, column)
        if self.colour(row, column) is not None:
            qtype = self.qtypes[column - 1]
            return (f"{qtype.label}合计 {self._column_total(qtype)} 题，"
                    f"与题量 {self.targets.get(qtype.value, 0)} 不符。")
        return None

    def store(self, row: int, column: int, value: Any) -> bool:
        try:
            count = max(0, int(value))
        except (TypeError, ValueError):
            return False
        code, qtype = self.scopes[row][0], self.qtypes[column - 1]
        self.counts.setdefault(code, {})[qtype.value] = count
        return True

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        changed = bool(super().setData(index, value, role))
        if changed:  # the totals in the last row and column move with every cell
            self.refresh_all()
        return changed

    def set_table(self, scopes: list[tuple[str, str]], qtypes: list[QType], counts: Cells,
                  targets: dict[str, int], explicit: bool) -> None:
        """Show a cell table; a table of the same shape is updated in place (no reset, so the
        view keeps its selection and scroll position while the person types elsewhere)."""
        same = scopes == self.scopes and qtypes == self.qtypes
        if not same:
            self.beginResetModel()
        self.scopes, self.qtypes, self.targets = list(scopes), list(qtypes), dict(targets)
        self.counts = {code: dict(row) for code, row in counts.items()}
        self.explicit = explicit
        if same:
            self.refresh_all()
        else:
            self.endResetModel()

    def cells(self) -> Cells:
        """The table as the blueprint's ``cells`` (types not in the sections left out)."""
        known = {q.value for q in self.qtypes}
        return {code: {q: n for q, n in self.counts.get(code, {}).items() if q in known and n}
                for code, _name in self.scopes}

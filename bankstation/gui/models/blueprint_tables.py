"""Editable in-memory tables of the blueprint editor: sections, scope weights, the cell table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from bankstation.domain.qtypes import QType
from bankstation.gui.models.base import Column

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WARN = QColor(176, 96, 0)
WRONG = QColor(176, 0, 32)
WEIGHT_SLACK = 0.05  # as the service's rule check: closer than this counts as agreeing


def col(column: Column) -> int:
    """The position of an enum column (its value, typed)."""
    return int(column.value)


def number(value: float) -> str:
    return f"{value:g}"


class MemoryModel(QAbstractTableModel):
    """Rows held in memory; ``edited`` follows every change a person made in a cell.
    Subclasses give ``headers`` and ``row_count`` and the cell methods."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.read_only = False

    def headers(self) -> list[str]:
        raise NotImplementedError

    def row_count(self) -> int:
        raise NotImplementedError

    def text(self, row: int, column: int) -> str:
        raise NotImplementedError

    def edit_value(self, row: int, column: int) -> Any:
        return None

    def editable(self, row: int, column: int) -> bool:
        return False

    def store(self, row: int, column: int, value: Any) -> bool:
        return False

    def colour(self, row: int, column: int) -> QColor | None:
        return None

    def tip(self, row: int, column: int) -> str | None:
        return None

    def numeric(self, column: int) -> bool:
        return False

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def _valid(self, index: Index) -> bool:
        return (index.isValid() and 0 <= index.row() < self.row_count()
                and 0 <= index.column() < len(self.headers()))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not self._valid(index):
            return None
        row, column = index.row(), index.column()
        if role == DISPLAY:
            return self.text(row, column)
        if role == EDIT:
            return self.edit_value(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(column):
            return int(RIGHT.value)
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not self._valid(index) or not self._can_edit(index):
            return False
        if not self.store(index.row(), index.column(), value):
            return False
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.columnCount() - 1))
        self.edited.emit()
        return True

    def _can_edit(self, index: Index) -> bool:
        return not self.read_only and self.editable(index.row(), index.column())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._can_edit(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY \
                and 0 <= section < len(headers):
            return headers[section]
        return None

    def refresh_all(self) -> None:
        """Every cell may show something new (a total, a colour); the shape is unchanged."""
        if self.row_count() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.row_count() - 1, self.columnCount() - 1))


# -- sections ----------------------------------------------------------------------------------
class SectionColumn(Column):
    QTYPE = ("题型", 8)
    COUNT = ("题量", 4)
    POINTS = ("每题分值", 5)
    SUBTOTAL = ("小计", 4)


@dataclass
class SectionRow:
    qtype: QType
    count: int
    points: float


class SectionsModel(MemoryModel):
    """题型、题量与分值, in the order the paper prints them."""

    columns = SectionColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SectionRow] = []
        self.qtypes: list[QType] = list(QType)  # the types the bank's exam kind allows

    def headers(self) -> list[str]:
        return [c.header for c in SectionColumn]

    def row_count(self) -> int:
        return len(self.rows)

    def numeric(self, column: int) -> bool:
        return column != 0

    def text(self, row: int, column: int) -> str:
        r = self.rows[row]
        return (r.qtype.label, str(r.count), number(r.points), number(r.count * r.points))[column]

    def edit_value(self, row: int, column: int) -> Any:
        r = self.rows[row]
        return (r.qtype.value, r.count, r.points, None)[column]

    def editable(self, row: int, column: int) -> bool:
        return column != col(SectionColumn.SUBTOTAL)

    def colour(self, row: int, column: int) -> QColor | None:
        r = self.rows[row]
        bad = ((column == 0 and r.qtype not in self.qtypes) or (column == 1 and r.count <= 0)
               or (column == 2 and r.points <= 0))
        return WRONG if bad else None

    def store(self, row: int, column: int, value: Any) -> bool:
        r = self.rows[row]
        try:
            if column == col(SectionColumn.QTYPE):
                r.qtype = QType(str(value))
            elif column == col(SectionColumn.COUNT):
                r.count = max(0, int(value))
            else:
                r.points = max(0.0, round(float(value), 2))
        except (TypeError, ValueError):
            return False
        return True

    def set_rows(self, rows: list[SectionRow]) -> None:
        self.beginResetModel()
        self.rows = [SectionRow(r.qtype, r.count, r.points) for r in rows]
        self.endResetModel()

    def add_row(self) -> int:
        """A row for the first allowed type not yet used (or the first); returns its row."""
        used = {r.qtype for r in self.rows}
        qtype = next((q for q in self.qtypes if q not in used), self.qtypes[0])
        at = len(self.rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self.rows.append(SectionRow(qtype, 10, 1.0))
        self.endInsertRows()
        self.edited.emit()
        return at

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        to = row + delta
        if not (0 <= row < len(self.rows) and 0 <= to < len(self.rows)):
            return row
        # beginMoveRows names the row *before which* the moved row lands
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if delta > 0 else to)
        self.rows.insert(to, self.rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return to


# -- weights -----------------------------------------------------------------------------------
class WeightColumn(Column):
    SCOPE = ("鉴定范围", 8)
    WEIGHT = ("方案比重%", 5)
    TABLE = ("细目表比重%", 6)


@dataclass
class WeightRow:
    code: str
    name: str
    weight: float
    table_weight: float | None  # the element table's own absolute weight, a hint


class WeightsModel(MemoryModel):
    """Weights per scope of one depth; the element table's weight stands beside each."""

    columns = WeightColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[WeightRow] = []

    def headers(self) -> list[str]:
        return [c.header for c in WeightColumn]

    def row_count(self) -> int:
        return len(self.rows)

    def numeric(self, column: int) -> bool:
        return column >= col(WeightColumn.WEIGHT)

    def text(self, row: int, column: int) -> str:
        r = self.rows[row]
        table = "（未给出）" if r.table_weight is None else number(round(r.table_weight, 2))
        return (f"{r.code} {r.name}", number(r.weight), table)[column]

    def edit_value(self, row: int, column: int) -> Any:
        return self.rows[row].weight if column == col(WeightColumn.WEIGHT) else None

    def editable(self, row: int, column: int) -> bool:
        return column == col(WeightColumn.WEIGHT)

    def disagrees(self, row: WeightRow) -> bool:
        if row.table_weight is None:
            return False
        return abs(row.table_weight - row.weight) > WEIGHT_SLACK

    def colour(self, row: int, column: int) -> QColor | None:
        if column == col(WeightColumn.WEIGHT) and self.disagrees(self.rows[row]):
            return WARN
        return None

    def tip(self, row: int, column: int) -> str | None:
        r = self.rows[row]
        if column == col(WeightColumn.SCOPE):
            return f"{r.code} {r.name}"
        if column == col(WeightColumn.WEIGHT) and self.disagrees(r):
            return (f"与细目表比重 {number(round(r.table_weight or 0, 2))}% 不一致；"
                    "程序不会自动改正，请核对。")
        return None

    def store(self, row: int, column: int, value: Any) -> bool:
        try:
            self.rows[row].weight = max(0.0, round(float(value), 2))
        except (TypeError, ValueError):
            return False
        return True

    def set_rows(self, rows: list[WeightRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def weights(self) -> dict[str, float]:
        return {r.code: r.weight for r in self.rows}

    def total(self) -> float:
        return round(sum(r.weight for r in self.rows), 2)

    def fill_from_table(self) -> None:
        """Take the element table's weights where it has them (only when asked to)."""
        for r in self.rows:
            if r.table_weight is not None:
                r.weight = round(r.table_weight, 2)
        self.refresh_all()
        self.edited.emit()

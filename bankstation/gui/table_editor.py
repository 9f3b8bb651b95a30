"""A small editable table with 添加/删除 buttons, for blanks, marking points and rubric rows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class TableEditor(QWidget):
    """Rows of plain text cells; ``changed`` on every edit, added or removed row."""

    changed = Signal()

    def __init__(self, headers: list[str], add_text: str = "添加一行",
                 stretch: tuple[int, ...] = (0,), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            mode = (QHeaderView.ResizeMode.Stretch if column in stretch
                    else QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(column, mode)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(add_text)
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton("删除选中行")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def _add_clicked(self) -> None:
        self.add_row()

    def add_row(self, values: list[str] | None = None) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            text = values[column] if values and column < len(values) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow()] if self.table.currentRow() >= 0 else []
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for values in rows:
            self.add_row(values)
        self.changed.emit()

    def set_cell(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        if item is None:
            self.table.setItem(row, column, QTableWidgetItem(text))
        else:
            item.setText(text)

    def rows(self) -> list[list[str]]:
        """Every row's cells, stripped; rows left wholly empty are skipped."""
        out = []
        for row in range(self.table.rowCount()):
            cells = []
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                cells.append(item.text().strip() if item else "")
            if any(cells):
                out.append(cells)
        return out

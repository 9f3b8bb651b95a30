"""The quality page's view of a report, and its tables only as tall as their rows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

from bankstation.domain.elements import ElementTable
from bankstation.domain.questions import QuestionRow
from bankstation.gui.models.text_rows import TextRows
from bankstation.services.quality import QualityReport


@dataclass(frozen=True)
class ReportView:
    report: QualityReport
    table: ElementTable
    rows: dict[int, QuestionRow]  # the questions named by near-duplicate pairs
    searching: bool = False  # the counts are in; the near-duplicate pairs not yet


def empty_report() -> QualityReport:
    return QualityReport(0, "", None, 0, {}, {}, [], {}, [], None)


ALL_COLUMNS = -2  # ``stretch``: every column shares the width


def make_table(headers: list[str], stretch: int = -1) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    _set_up(table, stretch)
    return table


def make_view(model: TextRows, stretch: int = -1) -> QTableView:
    """A table over a model, for lists too long for an item per cell (near-duplicate pairs:
    a bank of templated questions can have hundreds of thousands)."""
    view = QTableView()
    view.setModel(model)
    _set_up(view, stretch)
    return view


def _set_up(table: QTableView, stretch: int) -> None:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch == ALL_COLUMNS:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    elif stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


def fill(table: QTableWidget, rows: list[list[str]], shown: tuple[int, int] = (1, 8)) -> None:
    """Put ``rows`` in and make the table as tall as between ``shown`` rows (it scrolls)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    fit_height(table, len(rows), shown)


def fit_height(table: QTableView, count: int, shown: tuple[int, int]) -> None:
    """As tall as ``count`` rows, kept between ``shown`` rows (it scrolls beyond)."""
    lines = min(max(count, shown[0]), shown[1])
    height = (table.horizontalHeader().sizeHint().height()
              + lines * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())
    table.setFixedHeight(height)


def set_headers(table: QTableWidget, headers: list[str], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

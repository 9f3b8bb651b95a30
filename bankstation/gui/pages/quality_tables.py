"""The quality page's view of a report, and its tables only as tall as their rows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from bankstation.domain.elements import ElementTable
from bankstation.domain.questions import QuestionRow
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
    return table


def fill(table: QTableWidget, rows: list[list[str]], shown: tuple[int, int] = (1, 8)) -> None:
    """Put ``rows`` in and make the table as tall as between ``shown`` rows (it scrolls)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    lines = min(max(len(rows), shown[0]), shown[1])
    height = (table.horizontalHeader().sizeHint().height()
              + lines * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth())
    table.setFixedHeight(height)


def set_headers(table: QTableWidget, headers: list[str], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

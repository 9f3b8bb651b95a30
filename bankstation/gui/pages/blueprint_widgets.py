"""Pieces of the blueprint editor: the starting blueprint, small editable tables, boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.blueprints import Blueprint, Section
from bankstation.domain.elements import ElementTable
from bankstation.domain.qtypes import QType
from bankstation.gui.models.blueprint_tables import MemoryModel
from bankstation.gui.pages.blueprint_rules import DEFAULT_DIFFICULTY, DEFAULT_IMPORTANCE

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked
                 | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed
                 | QAbstractItemView.EditTrigger.SelectedClicked)


def default_blueprint(bank: Bank, table: ElementTable) -> Blueprint:
    """A starting point for a new blueprint: the usual sections, the table's top weights."""
    sections: tuple[Section, ...]
    if bank.exam == "theory":
        sections = (Section(QType.JUDGE, 20, 1.0), Section(QType.SINGLE, 60, 1.0),
                    Section(QType.MULTIPLE, 10, 2.0))
    else:
        sections = (Section(QType.PRACTICAL, 4, 25.0),)
    top = [s.code for s in table.scopes() if len(s.code) == 1]
    weights = {code: round(table.absolute_weight(code) or 0.0, 2) for code in top}
    name = bank.name.removesuffix("题库")
    return Blueprint(f"{name}考试组卷方案", bank.occupation, int(bank.level), bank.exam,
                     sections, weights=weights, duration_minutes=90, pass_score=60.0,
                     importance={k: dict(v) for k, v in DEFAULT_IMPORTANCE.items()},
                     difficulty=dict(DEFAULT_DIFFICULTY), forms=2, max_overlap=0.10,
                     rest_days=180)


def table_view(model: MemoryModel, stretch: int = 0, rows: int = 0) -> QTableView:
    """A small editable table: column ``stretch`` takes the room left, the others fit their
    contents; ``rows``: show that many rows at most before scrolling (0: no limit)."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(EDIT_TRIGGERS)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    row_height = view.fontMetrics().height() + 10
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    model.modelReset.connect(lambda: stretch_column(header, stretch))
    model.columnsInserted.connect(lambda: stretch_column(header, stretch))
    stretch_column(header, stretch)
    if rows:
        view.setMaximumHeight(header.sizeHint().height() + rows * row_height + 4)
    return view


def stretch_column(header: QHeaderView, column: int) -> None:
    if column < header.count():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def group_box(title: str, *widgets: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget)
    return box

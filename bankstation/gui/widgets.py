"""Small building blocks shared by pages and dialogs: tables, role boxes, date conversions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from bankstation.domain.roles import Role
from bankstation.gui.models.base import TableModel

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def make_table(model: TableModel[Any], parent: QWidget | None = None) -> QTableView:
    """A read-only, row-selecting table whose column widths come from the column enum."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    char = view.fontMetrics().horizontalAdvance("字")
    for section, column in enumerate(list(model.columns)[:-1]):  # the last one stretches
        view.setColumnWidth(section, column.width * char + char)
    return view


class FillColumn(QObject):
    """Gives one column the width the others leave, but never less than ``minimum`` pixels.

    Qt's Stretch mode squeezes the column to nothing when the others take the width: on a
    1024-pixel screen the question table showed its stems as "…". With this the table scrolls
    sideways instead."""

    def __init__(self, view: QTableView, section: int, minimum: int) -> None:
        super().__init__(view)
        self.view, self.section, self.minimum = view, section, minimum
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's API
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.section:  # its own resize would come back here
            self.fit()

    def fit(self) -> None:
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != self.section and not header.isSectionHidden(i))
        spare = self.view.viewport().width() - others
        header.resizeSection(self.section, max(self.minimum, spare))


# Room left around a window for its title bar and frame, which resize() does not count.
FRAME_ROOM = (16, 48)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or less where the screen has less room: a station's
    screen may be 1024x768 or 1366x768, with a taskbar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_ROOM[0])
        height = min(height, room.height() - FRAME_ROOM[1])
    widget.resize(width, height)


def selected_row(view: QTableView) -> int:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class RoleChecks(QWidget):
    """One check box per role, in the order of DESIGN.md §2."""

    def __init__(self, roles: frozenset[Role] = frozenset(), parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role in Role:
            box = QCheckBox(role.label)
            box.setChecked(role in roles)
            layout.addWidget(box)
            self.boxes[role] = box
        layout.addStretch(1)

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())

    def set_roles(self, roles: frozenset[Role]) -> None:
        for role, box in self.boxes.items():
            box.setChecked(role in roles)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """The wall-clock time of ``moment`` (the station's zone), without any zone conversion."""
    return QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute))


def iso_date(value: QDate) -> str:
    return f"{value.year():04d}-{value.month():02d}-{value.day():02d}"


def iso_minutes(edit: QDateTimeEdit) -> str:
    """'YYYY-MM-DDTHH:MM' as the registers service reads it (its zone is the station's)."""
    value = edit.dateTime()
    return f"{iso_date(value.date())}T{value.time().hour():02d}:{value.time().minute():02d}"

"""Cell editors of the blueprint tables: a type list from the bank's exam kind, number boxes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from bankstation.gui.models.blueprint_tables import SectionColumn, SectionsModel, col

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole


def count_box(parent: QWidget | None = None, maximum: int = 500) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, maximum)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


def number_box(parent: QWidget | None, low: float, high: float, decimals: int,
               step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class SectionDelegate(QStyledItemDelegate):
    """题型 from the types the bank's exam kind allows; 题量 and 每题分值 as number boxes."""

    def __init__(self, model: SectionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        if index.column() == col(SectionColumn.QTYPE):
            combo = QComboBox(parent)
            for qtype in self._model.qtypes:
                combo.addItem(qtype.label, qtype.value)
            return combo
        if index.column() == col(SectionColumn.COUNT):
            return count_box(parent)
        return number_box(parent, 0, 100, 1, 0.5)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(EDIT)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value or 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), EDIT)


class NumberDelegate(QStyledItemDelegate):
    """A count box (``decimals=0``) or a percentage box for the weights."""

    def __init__(self, decimals: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._decimals = decimals

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        if self._decimals == 0:
            return count_box(parent)
        return number_box(parent, 0, 100, self._decimals, 1)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(index.data(EDIT) or 0)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), EDIT)


"""Picking an assessment point (or a scope) from the bank's element table, never typing one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from bankstation.domain.elements import ElementTable

CODE_ROLE = Qt.ItemDataRole.UserRole


def node_text(code: str, name: str) -> str:
    return f"{code}　{name}"


class PointCombo(QComboBox):
    """Scopes and points in table order. With ``points_only`` the scopes are headings that
    cannot be chosen (the editor); otherwise a scope means everything under it (the filter).
    ``all_text`` adds a first item that chooses nothing."""

    def __init__(self, points_only: bool, all_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points_only = points_only
        self.all_text = all_text
        self.setMaxVisibleItems(24)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(18)
        self.setPlaceholderText("请选择鉴定点")
        self.set_table(ElementTable([]))

    def set_table(self, table: ElementTable) -> None:
        keep = self.code()
        model = QStandardItemModel(self)
        if self.all_text:
            model.appendRow(self._item(self.all_text, None))
        bold = QFont(self.font())
        bold.setBold(True)
        for code in sorted(table.nodes):
            node = table.nodes[code]
            if node.is_point:
                model.appendRow(self._item(node_text(code, node.name), code))
                continue
            item = self._item(node_text(code, node.name), code)
            if self.points_only:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setFont(bold)
            model.appendRow(item)
        self.setModel(model)
        self.set_code(keep)

    @staticmethod
    def _item(text: str, code: str | None) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(code, CODE_ROLE)
        item.setEditable(False)
        return item

    def code(self) -> str | None:
        value = self.currentData(CODE_ROLE)
        return str(value) if value else None

    def set_code(self, code: str | None) -> None:
        """Choose ``code``; one no longer in the table is shown as such (the save says why)."""
        index = self.findData(code, CODE_ROLE) if code else -1
        if index < 0 and code:
            model = self.model()
            if isinstance(model, QStandardItemModel):
                model.appendRow(self._item(f"{code}（不在细目表中）", code))
                index = self.count() - 1
        if index < 0:
            index = 0 if self.all_text else -1  # the editor shows its placeholder
        self.setCurrentIndex(index)

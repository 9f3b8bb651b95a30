"""Sub/superscript tags and image markers typed into plain text fields, and the bar that does it.

Question text is stored as plain text with ``<sup>``/``<sub>`` tags and ``[[图片:…]]`` markers
(what the importers read and the papers print); the preview shows them rendered.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

TextField = QLineEdit | QPlainTextEdit


def wrap_selection(field: TextField, tag: str) -> None:
    """``<tag>selection</tag>``; with nothing selected the cursor lands between the tags."""
    if isinstance(field, QLineEdit):
        selected = field.selectedText()
        start = field.selectionStart() if field.hasSelectedText() else field.cursorPosition()
        field.insert(f"<{tag}>{selected}</{tag}>")
        if not selected:
            field.setCursorPosition(start + len(tag) + 2)
        return
    cursor = field.textCursor()
    selected = cursor.selectedText()
    cursor.insertText(f"<{tag}>{selected}</{tag}>")
    if not selected:
        cursor.setPosition(cursor.position() - len(tag) - 3)
    field.setTextCursor(cursor)


def insert_text(field: TextField, text: str) -> None:
    if isinstance(field, QLineEdit):
        field.insert(text)
    else:
        field.insertPlainText(text)


class MarkupBar(QWidget):
    """上标 / 下标 / 插入图片… for whichever text field of the window last had the focus.

    The buttons are tool buttons, which take no focus when clicked, so the field keeps its
    selection. ``image_requested`` carries the field the image goes into.
    """

    image_requested = Signal(object)

    def __init__(self, default: TextField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: TextField = default
        self._default = default
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.sup_button = self._button(layout, "上标 x²", "把选中的文字设为上标（如 m²）",
                                       lambda: wrap_selection(self.target, "sup"))
        self.sub_button = self._button(layout, "下标 x₂", "把选中的文字设为下标（如 H₂O）",
                                       lambda: wrap_selection(self.target, "sub"))
        self.image_button = self._button(layout, "插入图片…", "选择 PNG 或 JPEG 图片插入到光标处",
                                         lambda: self.image_requested.emit(self.target))
        self.where = QLabel()
        self.where.setStyleSheet("color: #555555;")
        layout.addWidget(self.where)
        layout.addStretch(1)
        self._show_target()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def _button(layout: QHBoxLayout, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def set_target(self, field: TextField) -> None:
        self.target = field
        self._show_target()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if (isinstance(new, QLineEdit | QPlainTextEdit) and not new.isReadOnly()
                and self.window().isAncestorOf(new)):
            self.set_target(new)

    def _show_target(self) -> None:
        name = self.target.accessibleName() or "题干"
        self.where.setText(f"作用于：{name}")

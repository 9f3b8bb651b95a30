"""Short forms asking for one piece of text before an action: a reason, an enemy group."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.hub import Context


class ReasonDialog(FormDialog):
    """``action(reason)`` runs off-thread on OK; a required reason is asked for first."""

    def __init__(self, ctx: Context, title: str, ok_text: str, prompt: str,
                 action: Callable[[str], Any], required: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, ok_text, parent)
        self.action, self.required = action, required
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 14)
        self.form.addRow(label)
        self.form.addRow("理由：" if required else "说明：", self.reason)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if self.required and not reason:
            self.fail("请写明理由。")
            return
        action = self.action
        self.run(lambda: action(reason), "正在处理…")


class GroupDialog(FormDialog):
    """互斥组 for the selected questions; an empty name takes them out of their group."""

    def __init__(self, ctx: Context, count: int, current: str, action: Callable[[str], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, "设置互斥组", "确定", parent)
        self.action = action
        self.group = QLineEdit(current)
        self.group.setPlaceholderText("留空表示移出互斥组")
        note = QLabel(f"为选中的 {count} 道试题设置互斥组。同一互斥组的试题不会出现在同一份试卷中。"
                      "设置互斥组不产生新版本。")
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow("互斥组：", self.group)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        group, action = self.group.text().strip(), self.action
        self.run(lambda: action(group), "正在设置互斥组…")

"""A dialog that asks for the reason of a refusal (退回组卷方案, 撤回试卷) and then acts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.hub import Context


class ReasonDialog(FormDialog):
    """``action(reason)`` runs off the GUI thread; a blank reason is refused before it."""

    def __init__(self, ctx: Context, title: str, explanation: str, ok_text: str,
                 action: Callable[[str], Any], busy_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, title, ok_text, parent)
        self._action, self._busy_text = action, busy_text
        note = QLabel(explanation)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("必填，记入台账")
        self.reason.setMinimumHeight(90)
        self.form.addRow("理由：", self.reason)
        self.setMinimumWidth(480)

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.fail("请写明理由。")
            return
        action = self._action
        self.run(lambda: action(reason), self._busy_text)

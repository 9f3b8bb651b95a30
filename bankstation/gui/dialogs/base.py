"""A form dialog whose OK runs an operation: it closes on success and keeps its input on error."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.ops import run_op


class FormDialog(QDialog):
    """Subclasses add rows to ``form`` and implement ``submit``; ``result_value`` holds the
    operation's result after ``accepted``."""

    def __init__(self, ctx: Context, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_value: Any = None
        self._running = False
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened anew for every use
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def fail(self, text: str) -> None:
        """A check before any operation ran: say so; every field keeps its content."""
        messages.show_error(self, text)

    def run(self, fn: Callable[[], Any], busy_text: str) -> None:
        self._set_running(True)
        run_op(self, fn, self._succeeded, self._failed, busy_text, self.ctx.hub)

    def _succeeded(self, value: Any) -> None:
        self._set_running(False)
        self.result_value = value
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        messages.show_failure(self, exc)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.ok_button.setEnabled(not running)

    def reject(self) -> None:
        if not self._running:  # an operation under way finishes first; its result is shown
            super().reject()

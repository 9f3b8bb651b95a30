"""Background operations: one small function per user action, run off the GUI thread.

After Anki's ``aqt/operations``: the action is a plain function of the services; it runs on a
pool thread; its result or error comes back to the GUI thread through a queued signal, where
``on_success`` runs and the hub's ``changed`` signal tells every model to refresh. Errors are
handled here in one place: a known ``BankStationError`` is shown in Chinese (or handed to
``on_failure``); anything else is a bug, logged with its traceback, with a generic message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressBar, QVBoxLayout, QWidget

from bankstation.domain.errors import BankStationError
from bankstation.gui import messages
from bankstation.gui.hub import Hub

log = logging.getLogger(__name__)
T = TypeVar("T")

# A quick operation (most take milliseconds) should not flash a dialog; a slow one (Argon2id,
# verifying a long ledger, rekeying) shows it after this delay.
BUSY_DELAY_MS = 300


class BusyDialog(QDialog):
    """A modal 'please wait' with an indeterminate bar; Esc and the close button do nothing."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.APP_TITLE)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        self.label = QLabel(text)
        layout.addWidget(self.label)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setMinimumWidth(280)
        layout.addWidget(bar)

    def reject(self) -> None:
        pass  # the work cannot be abandoned half-way; it ends by itself


class OpTracker(QObject):
    """Which operations are running; the idle lock waits for them before closing the vault."""

    all_done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.running: set[Op] = set()

    def busy(self) -> bool:
        return bool(self.running)


_tracker: OpTracker | None = None


def tracker() -> OpTracker:
    global _tracker  # noqa: PLW0603 - one tracker per process, like the thread pool it watches
    if _tracker is None:
        _tracker = OpTracker()
    return _tracker


class _Task(QRunnable):
    def __init__(self, op: Op, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._op, self._fn = op, fn

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # every failure, known or not, goes back to the GUI thread
            self._op.failed.emit(exc)
            return
        self._op.succeeded.emit(result)


class Op(QObject):
    """One running operation; lives in the GUI thread, so its slots run there (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        parent: QObject,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None,
        busy_text: str | None,
        hub: Hub | None,
    ) -> None:
        super().__init__()
        self._parent, self._hub = parent, hub
        self._on_success, self._on_failure = on_success, on_failure
        self._busy_text = busy_text
        self._dialog: BusyDialog | None = None
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

    def start(self, fn: Callable[[], Any]) -> None:
        tracker().running.add(self)
        if self._busy_text:  # a quiet operation (a page of rows, a count) keeps the cursor
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QTimer.singleShot(BUSY_DELAY_MS, self, self._show_busy)
        QThreadPool.globalInstance().start(_Task(self, fn))

    def _show_busy(self) -> None:
        if self in tracker().running and self._alive():
            self._dialog = BusyDialog(self._window(), self._busy_text or "")
            self._dialog.show()

    def _alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _window(self) -> QWidget | None:
        if isinstance(self._parent, QWidget):
            return self._parent.window()
        return QApplication.activeWindow()

    def _succeeded(self, result: object) -> None:
        try:
            self._finish()
            if self._hub is not None and shiboken6.isValid(self._hub):
                self._hub.changed.emit()
            if self._alive():
                self._on_success(result)
        finally:
            self._forget()

    def _failed(self, exc: Exception) -> None:
        try:
            self._finish()
            known = isinstance(exc, BankStationError)
            if not known:
                log.error("操作失败（程序错误）", exc_info=(type(exc), exc, exc.__traceback__))
            if not self._alive():
                return
            if self._on_failure is not None:
                self._on_failure(exc)
            else:
                messages.show_error(self._window(), messages.describe(exc))
        finally:
            self._forget()

    def _finish(self) -> None:
        if self._busy_text:
            QApplication.restoreOverrideCursor()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.hide()
            self._dialog.deleteLater()
        self._dialog = None

    def _forget(self) -> None:
        running = tracker().running
        running.discard(self)
        if not running:
            tracker().all_done.emit()


def run_op(
    parent: QObject,
    fn: Callable[[], T],
    on_success: Callable[[T], None],
    on_failure: Callable[[Exception], None] | None = None,
    busy_text: str | None = "正在处理，请稍候…",
    hub: Hub | None = None,
) -> Op:
    """Run ``fn`` on a pool thread and report back on the GUI thread.

    Without ``on_failure`` the error is shown in a message box (``messages.describe``: a known
    error's own Chinese message, else a generic one). With it, the caller shows the error
    itself (inline, say) and restores its widgets. An unexpected error is always logged with
    its traceback first. ``hub``: emit ``changed`` after a success.
    ``busy_text=None`` shows no dialog and no wait cursor (the caller has its own indicator,
    or the work is a quiet read). ``parent``: the widget (or model) the results are for; when
    it is gone by then, the callbacks are skipped.
    """
    op = Op(parent, on_success, on_failure, busy_text, hub)
    op.start(fn)
    return op

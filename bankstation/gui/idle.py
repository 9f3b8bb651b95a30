"""Idle detection: an application-wide event filter restarts a timer on every input event."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from bankstation.gui.ops import tracker

DEFAULT_IDLE_MS = 5 * 60 * 1000  # DESIGN.md §5: lock after 5 minutes by default

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
})
# While an operation holds the vault, locking would wait on it; look again this much later.
RETRY_MS = 500


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``idle_ms`` without keyboard or mouse input.

    It watches the whole application (dialogs and message boxes included) and never consumes an
    event. It does not fire while an operation runs: closing the vault under a running
    verification would block the GUI thread on the vault's lock.
    """

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._idle_ms = idle_ms
        self._timer.timeout.connect(self._expired)
        self._active = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._active:
            app.installEventFilter(self)
        self._active = True
        self._timer.start(self._idle_ms)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self._active:
            app.removeEventFilter(self)
        self._active = False
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's API
        if self._active and event.type() in INPUT_EVENTS:
            self._timer.start(self._idle_ms)
        return False

    def _expired(self) -> None:
        if not self._active:
            return
        if tracker().busy():
            self._timer.start(RETRY_MS)
            return
        self.idle.emit()

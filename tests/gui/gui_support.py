"""Helpers for driving the GUI in tests: waiting for operations, reading message boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from bankstation.gui.ops import tracker

OP_TIMEOUT_MS = 15_000


def wait_for_ops(qtbot: QtBot) -> None:
    """Until every background operation has reported back on the GUI thread."""
    qtbot.waitUntil(lambda: not tracker().busy(), timeout=OP_TIMEOUT_MS)


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def message_texts() -> list[str]:
    return [box.text() for box in message_boxes()]


def wait_for_message(qtbot: QtBot, fragment: str) -> QMessageBox:
    """The visible message box whose text contains ``fragment``."""
    found: list[QMessageBox] = []

    def check() -> bool:
        found[:] = [b for b in message_boxes() if fragment in b.text()]
        return bool(found)

    qtbot.waitUntil(check, timeout=OP_TIMEOUT_MS)
    return found[0]


def answer(box: QMessageBox, button_text: str) -> None:
    """Click the button labelled ``button_text`` of a message box."""
    for button in box.buttons():
        if button.text() == button_text:
            button.click()
            return
    raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")


def close_messages() -> None:
    for box in message_boxes():
        box.done(0)


def children_of(widget: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in widget.findChildren(kind) if w.isVisible()]

"""Message boxes that never block the event loop: errors, notices and confirmations.

Every box is opened with ``open()`` rather than ``exec()``: no nested event loop, so a running
operation, the idle timer and the tests all keep going while the box is up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from bankstation.domain.errors import BankStationError

APP_TITLE = "题库工作站"
GENERIC_ERROR = "程序内部错误：操作未能完成。详细信息已写入日志，请联系系统管理员。"


def describe(exc: BaseException) -> str:
    """The Chinese text for a failure: a known error's own message, else the generic one."""
    return exc.message if isinstance(exc, BankStationError) else GENERIC_ERROR


# A box without a parent belongs to no one in Qt; keep it referenced until it is closed, or
# Python collects it (and Qt deletes it) as soon as the caller lets go.
_orphans: set[QMessageBox] = set()


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    if parent is None:
        _orphans.add(box)
        box.finished.connect(lambda _result: _orphans.discard(box))
    box.setIcon(icon)
    box.setWindowTitle(APP_TITLE)
    box.setText(text)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(
        Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
    )
    return box


def show_error(
    parent: QWidget | None, text: str, on_close: Callable[[], None] | None = None
) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Warning, text)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    if on_close is not None:
        box.finished.connect(lambda _result: on_close())
    box.open()
    return box


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Information, text)
    box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    box.open()
    return box


def confirm(
    parent: QWidget | None, text: str, on_yes: Callable[[], None], yes_text: str = "确定"
) -> QMessageBox:
    """Ask before something that cannot be undone; ``on_yes`` runs only on the yes button."""
    box = _box(parent, QMessageBox.Icon.Question, text)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.finished.connect(lambda _result: on_yes() if box.clickedButton() is yes else None)
    box.open()
    return box



def show_failure(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """For ``on_failure`` handlers of ``run_op``: the known error's message, else the generic."""
    return show_error(parent, describe(exc))

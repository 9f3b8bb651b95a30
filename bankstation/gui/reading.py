"""Quiet background reads for pages: no busy dialog, and nothing said when the vault was locked."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from bankstation.domain.errors import VaultLocked
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.ops import run_op

T = TypeVar("T")


def read(parent: QObject, ctx: Context, fn: Callable[[], T], done: Callable[[T], None],
         failed_too: Callable[[Exception], None] | None = None) -> bool:
    """Run a read off the GUI thread; False (and nothing run) while the session is locked.

    A read that meets the lock half-way is dropped silently: the unlock's ``changed`` reads
    again. Any other failure is shown, as every operation's is, and then handed to
    ``failed_too`` (for a page to show what it is left with).
    """
    if ctx.session.locked:
        return False

    def failed(exc: Exception) -> None:
        if not isinstance(exc, VaultLocked):
            messages.show_failure(parent if isinstance(parent, QWidget) else None, exc)
            if failed_too is not None:
                failed_too(exc)

    run_op(parent, fn, done, failed, busy_text=None)
    return True

"""Logging to a file, and the last line of defence: an uncaught exception is a bug to report."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication

from bankstation.gui import messages

log = logging.getLogger("bankstation.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
CRASH_MESSAGE = (
    "程序内部错误：{what}\n\n这是程序的缺陷，不是您的操作有误。详细信息已写入日志文件，"
    "请将日志交给系统管理员。已保存的数据不受影响。"
)


def setup_logging(folder: Path) -> Path | None:
    """Log to ``folder/bankstation.log`` (rotated) unless the host program configured logging."""
    root = logging.getLogger()
    if root.handlers:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bankstation.log"
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        path, handler = None, logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook() -> ExceptHook:
    """Route uncaught exceptions (also those raised in Qt slots) to the log and a message box;
    return the previous hook so the caller can put it back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        log.error("未捕获的异常：\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            what = f"{kind.__name__}: {exc}"
            messages.show_error(QApplication.activeWindow(), CRASH_MESSAGE.format(what=what))

    sys.excepthook = hook
    return previous

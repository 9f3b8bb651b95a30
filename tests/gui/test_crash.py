"""The last line of defence: an uncaught exception is logged with its traceback and reported."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.gui.crash import install_excepthook, setup_logging
from tests.gui.gui_support import close_messages, wait_for_message


def test_uncaught_exception_is_logged_and_shown(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    previous = install_excepthook()
    try:
        try:
            raise ZeroDivisionError("division by zero in a slot")
        except ZeroDivisionError as exc:
            with caplog.at_level(logging.ERROR):
                sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        sys.excepthook = previous
    box = wait_for_message(qtbot, "程序内部错误")
    assert "ZeroDivisionError" in box.text()
    close_messages()
    assert "Traceback" in caplog.text and "test_crash.py" in caplog.text


def test_logging_goes_to_a_file_unless_already_configured(tmp_path: Path) -> None:
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers.clear()
    try:
        path = setup_logging(tmp_path / "logs")
        assert path == tmp_path / "logs" / "bankstation.log"
        logging.getLogger("bankstation.test").warning("写入日志")
        for handler in root.handlers:
            handler.flush()
        assert "写入日志" in path.read_text(encoding="utf-8")
        assert setup_logging(tmp_path / "other") is None  # configured now: left alone
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers[:] = saved

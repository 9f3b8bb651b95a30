"""GUI fixtures: offscreen Qt, logged-in main windows per role, and waiting for operations."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.gui.idle import DEFAULT_IDLE_MS
from bankstation.gui.main_window import MainWindow
from bankstation.services import station
from bankstation.services.session import Session
from tests.gui.gui_support import OP_TIMEOUT_MS, wait_for_ops
from tests.support import FAST_KDF, FakeClock

GUI_TESTS = Path(__file__).resolve().parent
# The offscreen platform cannot resize windows to their size hints and says so for every
# dialog with a layout; it is noise from the test platform, not from the program.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"

MakeWindow = Callable[..., MainWindow]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _ops_finished(qtbot: QtBot) -> Iterator[None]:
    """No operation may outlive its test (it would touch the next test's vault)."""
    yield
    wait_for_ops(qtbot)


@pytest.fixture
def make_window(qtbot: QtBot, clock: FakeClock) -> Iterator[MakeWindow]:
    """Log in through the services as the GUI does and show the main window. At teardown the
    window is closed the way a person closes it (which logs out), and every vault is closed."""
    sessions: list[Session] = []

    def end(window: MainWindow) -> None:
        if not window._finished:
            window.close()
            qtbot.waitUntil(lambda: window._finished, timeout=OP_TIMEOUT_MS)

    def make(path: Path, name: str, password: str, purpose: str = "测试",
             idle_ms: int = DEFAULT_IDLE_MS) -> MainWindow:
        session = station.login(path, name, password, purpose, clock, "gui", FAST_KDF)
        sessions.append(session)
        window = MainWindow(session, idle_ms)
        qtbot.addWidget(window, before_close_func=end)
        window.show()
        wait_for_ops(qtbot)
        return window

    yield make
    for session in sessions:
        session.detach()  # normally already closed by the logout above

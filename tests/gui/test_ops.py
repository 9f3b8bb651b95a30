"""Background operations: results and errors come back on the GUI thread, handled in one place."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bankstation.domain.errors import ValidationError
from bankstation.gui import messages
from bankstation.gui.hub import Hub
from bankstation.gui.ops import BusyDialog, run_op, tracker
from tests.gui.gui_support import close_messages, wait_for_message, wait_for_ops


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(
    qtbot: QtBot, parent: QWidget
) -> None:
    gui_thread = threading.current_thread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["done"], seen["value"] = threading.current_thread(), value

    hub = Hub()
    with qtbot.waitSignal(hub.changed, timeout=5000):
        run_op(parent, work, done, hub=hub)
    wait_for_ops(qtbot)
    assert seen["work"] is not gui_thread
    assert seen["done"] is gui_thread
    assert seen["value"] == 42


def test_a_known_error_is_shown_in_chinese(qtbot: QtBot, parent: QWidget) -> None:
    def work() -> None:
        raise ValidationError("离开时间不能早于进入时间。")

    run_op(parent, work, lambda _v: pytest.fail("no success"))
    wait_for_ops(qtbot)
    box = wait_for_message(qtbot, "离开时间不能早于进入时间。")
    assert box.windowTitle() == "题库工作站"
    close_messages()


def test_a_bug_is_logged_with_its_traceback_and_a_generic_message_shown(
    qtbot: QtBot, parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise KeyError("internal detail")

    with caplog.at_level(logging.ERROR):
        run_op(parent, work, lambda _v: None)
        wait_for_ops(qtbot)
    wait_for_message(qtbot, messages.GENERIC_ERROR)
    close_messages()
    record = next(r for r in caplog.records if r.exc_info)
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert "internal detail" not in messages.GENERIC_ERROR


def test_on_failure_replaces_the_message_box(qtbot: QtBot, parent: QWidget) -> None:
    failures: list[Exception] = []

    def work() -> None:
        raise ValidationError("请填写使用事由。")

    run_op(parent, work, lambda _v: None, failures.append)
    wait_for_ops(qtbot)
    assert [str(e) for e in failures] == ["请填写使用事由。"]
    assert not any(isinstance(w, BusyDialog) for w in parent.findChildren(BusyDialog))


def test_a_slow_operation_shows_the_busy_dialog_and_tracks_itself(
    qtbot: QtBot, parent: QWidget
) -> None:
    release = threading.Event()
    results: list[str] = []
    run_op(parent, lambda: release.wait(5) and "done", results.append, busy_text="正在校验台账…")
    assert tracker().busy()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(BusyDialog)))
    dialog = parent.findChildren(BusyDialog)[0]
    assert dialog.label.text() == "正在校验台账…"
    dialog.reject()  # Esc does not abandon the work
    assert dialog.isVisible()
    release.set()
    wait_for_ops(qtbot)
    assert results == ["done"]
    assert not tracker().busy()
    qtbot.waitUntil(lambda: not any(d.isVisible() for d in parent.findChildren(BusyDialog)))


def test_callbacks_are_skipped_when_the_parent_is_gone(qtbot: QtBot) -> None:
    widget = QWidget()
    called: list[object] = []
    run_op(widget, lambda: time.sleep(0.05), called.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not tracker().busy())
    assert called == []

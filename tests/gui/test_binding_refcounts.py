"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 did not, and aborted 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_the_references_to_none_and_bools(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    calls = 5_000
    before = {name: sys.getrefcount(value)
              for name, value in (("None", None), ("True", True), ("False", False))}
    for _ in range(calls):
        label.setText("电工")  # returns nothing: 6.12.0 lost one reference to None here
        label.setVisible(False)
        label.setEnabled(True)
    after = {"None": sys.getrefcount(None), "True": sys.getrefcount(True),
             "False": sys.getrefcount(False)}
    # other threads may take or drop a few references meanwhile; a leak loses thousands
    assert all(abs(after[name] - before[name]) < calls // 10 for name in before), (before, after)

"""TextRows: the model behind the import preview's tabs and the quality page's pairs."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from bankstation.gui.models.text_rows import TextRows


def test_rows_are_shown_with_their_tooltips_and_colour(qtmodeltester: ModelTester) -> None:
    red = QColor(176, 0, 32)
    model = TextRows(["行", "问题"], red)
    model.set_rows([["2", "题干为空。"], ["3", "「也许」无法识别。"]])
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 2 and model.columnCount() == 2
    cell = model.index(1, 1)
    assert model.data(cell) == model.data(cell, Qt.ItemDataRole.ToolTipRole) == "「也许」无法识别。"
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) == red
    assert model.headerData(1, Qt.Orientation.Horizontal) == "问题"
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table: rows have no children
    assert model.data(QModelIndex()) is None


def test_new_rows_replace_the_old_and_plain_rows_have_no_colour(
    qtmodeltester: ModelTester,
) -> None:
    model = TextRows(["试题"])
    model.set_rows([["1"], ["2"], ["3"]])
    model.set_rows([["9"]])
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == ["9"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None

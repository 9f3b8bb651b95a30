"""A 1024-pixel-wide screen: every role's window fits, and the question table keeps its stems
readable by scrolling sideways instead of squeezing them to "…"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from bankstation.gui.models.questions import QuestionColumn
from bankstation.gui.models.text_rows import TextRows
from bankstation.gui.pages.questions import MIN_STEM_CHARS, QuestionsPage
from bankstation.gui.resources import load_app_font
from bankstation.gui.widgets import FRAME_ROOM, FillColumn, fit_to_screen
from tests.gui.conftest import MakeWindow
from tests.support import ADMIN, ADMIN_PW

SCREEN_WIDTH = 1024


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The font the program itself uses (widths depend on it), put back afterwards."""
    before = qapp.font()
    assert load_app_font(qapp) is not None
    yield
    qapp.setFont(before)


@pytest.mark.parametrize(("name", "password"), [
    (ADMIN, ADMIN_PW), ("supervisor", "supervisor-pass-1"), ("keeper", "keeper-pass-1"),
    ("assembler", "assembler-pass-1"), ("reviewer", "reviewer-pass-1")])
def test_every_window_fits_a_1024_pixel_screen(
    app_font: None, staffed_vault: Path, make_window: MakeWindow, name: str, password: str
) -> None:
    window = make_window(staffed_vault, name, password)
    widest = max(window.pages.items(), key=lambda kv: kv[1].minimumSizeHint().width())
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH, f"widest page: {widest[0]}"


def _view(qtbot: QtBot, columns: int, width: int) -> tuple[QTableView, FillColumn]:
    model = TextRows([f"列{n}" for n in range(columns)])
    model.set_rows([["题干文字" * 5] * columns for _ in range(3)])
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    for section in range(columns):
        view.setColumnWidth(section, 100)
    fill = FillColumn(view, 1, 160)
    view.resize(width, 200)
    view.show()
    qtbot.waitExposed(view)
    return view, fill


def test_the_column_takes_the_spare_width_when_there_is_some(qtbot: QtBot) -> None:
    view, _fill = _view(qtbot, 4, 900)
    header = view.horizontalHeader()
    assert header.sectionSize(1) == view.viewport().width() - 300 > 160
    assert view.horizontalScrollBar().maximum() == 0
    view.setColumnWidth(3, 250)  # another column made wider: this one gives the width up
    assert header.sectionSize(1) == view.viewport().width() - 450


def test_the_column_keeps_its_minimum_and_the_table_scrolls(qtbot: QtBot) -> None:
    view, _fill = _view(qtbot, 6, 500)
    assert view.horizontalHeader().sectionSize(1) == 160
    assert view.horizontalScrollBar().maximum() > 0


def test_the_question_table_keeps_readable_stems_on_a_narrow_window(
    app_font: None, staffed_vault: Path, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, "keeper", "keeper-pass-1")
    window.resize(SCREEN_WIDTH, 700)
    page = window.show_page("试题")
    assert isinstance(page, QuestionsPage)
    QApplication.processEvents()
    stem = page.model.column_of(QuestionColumn.STEM)
    char = page.view.fontMetrics().horizontalAdvance("字")
    assert page.view.horizontalHeader().sectionSize(stem) >= MIN_STEM_CHARS * char


def test_windows_open_no_larger_than_the_screen(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    """The offscreen test screen is smaller than the 1280x800 the main window asks for."""
    window = make_window(staffed_vault, "keeper", "keeper-pass-1")
    room = window.screen().availableGeometry()
    assert room.width() < 1280 or room.height() < 800  # else this test proves nothing
    assert window.width() <= room.width() - FRAME_ROOM[0]
    assert window.height() <= room.height() - FRAME_ROOM[1]
    small = QWidget()
    qtbot.addWidget(small)
    fit_to_screen(small, 300, 200)  # room enough: the size asked for
    assert (small.width(), small.height()) == (300, 200)

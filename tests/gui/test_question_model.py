"""The question model: Qt's model tester, lazy pages over thousands of questions, the service's
sort orders, filters and full-text search, and nothing held while locked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.gui.hub import Context, Hub
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.questions import QuestionColumn, QuestionModel
from bankstation.gui.models.review import ReviewModel
from bankstation.gui.pages.questions import QuestionsPage
from bankstation.services import station
from bankstation.services.session import Session
from tests.gui import bank_support as support
from tests.gui.bank_support import KEEPER, add_questions, bulk_questions, judge, page_of, settle
from tests.gui.gui_support import wait_for_ops
from tests.support import FakeClock, login

# Fixtures shared by the bank page tests.
bank = support.bank
keeper_window = support.keeper_window

MANY = 3000


@pytest.fixture
def big_bank(staffed_vault: Path, clock: FakeClock, bank: int) -> int:
    bulk_questions(staffed_vault, clock, bank, MANY)
    return bank


@pytest.fixture
def session(staffed_vault: Path, clock: FakeClock, big_bank: int) -> Iterator[Session]:
    keeper = login(staffed_vault, clock, *KEEPER)
    yield keeper
    keeper.detach()


@pytest.fixture
def ctx(session: Session) -> Context:
    return Context(session, Hub())


def _column(model: QuestionModel, column: QuestionColumn) -> list[str]:
    return [model.data(model.index(r, model.column_of(column))) for r in range(model.rowCount())]


def _fetch_all(qtbot: QtBot, model: QuestionModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        wait_for_ops(qtbot)


def test_pages_come_lazily_one_at_a_time(qtbot: QtBot, ctx: Context, big_bank: int) -> None:
    model = QuestionModel(ctx)
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    assert model.total == MANY  # every id is known at once…
    assert model.rowCount() == model.page_size  # …but only the first page of rows is read
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.loading and not model.canFetchMore(QModelIndex())  # one page at a time
    wait_for_ops(qtbot)
    assert model.rowCount() == 2 * model.page_size
    ctx.hub.changed.emit()  # a reload starts again from the first page
    wait_for_ops(qtbot)
    assert model.rowCount() == model.page_size
    station.lock(ctx.session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0 and model.total == 0
    assert not model.canFetchMore(QModelIndex())
    station.unlock(ctx.session, "keeper-pass-1")
    ctx.hub.changed.emit()
    wait_for_ops(qtbot)
    assert model.rowCount() == model.page_size


@pytest.mark.parametrize("force_py", [True, False])
def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: Context, big_bank: int, force_py: bool
) -> None:
    """The tester fetches more after every insertion, so it reads a narrowed list to the end,
    watching each page go in, the sort orders, the reloads and the lock."""
    model = QuestionModel(ctx)
    model.page_size = 40
    model.set_bank(big_bank)
    model.set_filter(QuestionFilter(point="AA001"))
    wait_for_ops(qtbot)
    qtmodeltester.check(model, force_py=force_py)  # type: ignore[no-untyped-call]
    wait_for_ops(qtbot)
    assert model.rowCount() == model.total == MANY // 8
    model.sort(model.column_of(QuestionColumn.DIFFICULTY), Qt.SortOrder.DescendingOrder)
    wait_for_ops(qtbot)
    model.set_filter(QuestionFilter(point="AA001", text="编号 00"))
    wait_for_ops(qtbot)
    station.lock(ctx.session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0
    station.unlock(ctx.session, "keeper-pass-1")
    ctx.hub.changed.emit()
    wait_for_ops(qtbot)


def test_every_page_comes_once_in_order(qtbot: QtBot, ctx: Context, big_bank: int) -> None:
    model = QuestionModel(ctx)
    model.page_size = 700
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    _fetch_all(qtbot, model)
    ids = [int(i) for i in _column(model, QuestionColumn.ID)]
    assert ids == sorted(ids) and len(set(ids)) == MANY
    assert not model.canFetchMore(QModelIndex())


def test_sorting_uses_the_services_orders(qtbot: QtBot, ctx: Context, big_bank: int) -> None:
    model = QuestionModel(ctx)
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    model.sort(model.column_of(QuestionColumn.DIFFICULTY), Qt.SortOrder.DescendingOrder)
    wait_for_ops(qtbot)
    first = _column(model, QuestionColumn.DIFFICULTY)
    assert first[0] == "0.89" and first == sorted(first, reverse=True)
    model.sort(model.column_of(QuestionColumn.POINT), Qt.SortOrder.AscendingOrder)
    wait_for_ops(qtbot)
    assert _column(model, QuestionColumn.POINT)[0] == "AA001"
    before = model.ids
    model.sort(model.column_of(QuestionColumn.STEM), Qt.SortOrder.AscendingOrder)  # unsortable
    wait_for_ops(qtbot)
    assert model.ids == before


def test_filters_and_full_text_search(
    qtbot: QtBot, ctx: Context, staffed_vault: Path, clock: FakeClock, big_bank: int
) -> None:
    single = QuestionContent(QType.SINGLE, "BB001", "交流接触器的短路环作用是（　）。",
                             options=("减小振动", "增大吸力"), answer="A", difficulty=0.5,
                             enemy_group="接触器")
    add_questions(staffed_vault, clock, big_bank,
                  [single, judge("熔断器用于短路保护。", point="BB002")], approve=True)
    model = QuestionModel(ctx)
    model.set_bank(big_bank)
    cases = [
        (QuestionFilter(qtype=QType.SINGLE), 1),
        (QuestionFilter(status=Status.APPROVED), 2),
        (QuestionFilter(status=Status.SUBMITTED), MANY),
        (QuestionFilter(point="BB"), MANY // 4 + 2),
        (QuestionFilter(point="BB001"), MANY // 8 + 1),
        (QuestionFilter(min_difficulty=0.85, max_difficulty=0.89), MANY // 60 * 5),
        (QuestionFilter(enemy_group="接触器"), 1),
        (QuestionFilter(used=True), 0),
        (QuestionFilter(text="短路环"), 1),  # three characters: the trigram index
        (QuestionFilter(text="熔断"), 1),  # two: the LIKE fallback
        (QuestionFilter(text="编号 01234"), 1),
    ]
    for flt, expected in cases:
        model.set_filter(flt)
        wait_for_ops(qtbot)
        assert model.total == expected, flt


def test_review_model_greys_out_ones_own_questions(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    add_questions(staffed_vault, clock, bank, [judge("甲题：电流方向。")], submit=True)
    keeper = login(staffed_vault, clock, *KEEPER)
    try:
        model = ReviewModel(Context(keeper, Hub()))
        model.set_bank(bank)
        wait_for_ops(qtbot)
        author = model.index(0, model.column_of(QuestionColumn.AUTHOR))
        assert model.data(author) == "keeper（本人）"
        assert "其他审核员" in model.data(author, Qt.ItemDataRole.ToolTipRole)
        assert model.data(author, Qt.ItemDataRole.ForegroundRole) is not None
    finally:
        keeper.detach()


def test_the_page_filters_searches_and_counts(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, big_bank: int,
    keeper_window: MainWindow
) -> None:
    page: QuestionsPage = page_of(keeper_window, "试题", QuestionsPage)
    assert page.count_label.text() == f"共 {MANY} 道"
    assert page.filters.qtype.count() == 1 + 8  # theory bank: no practical tasks
    page.filters.search.setText("编号 00042")
    settle(qtbot, 500)
    assert page.count_label.text() == "共 1 道"
    page.view.selectRow(0)
    wait_for_ops(qtbot)
    assert page.current is not None and "00042" in page.preview.toPlainText()
    page.filters.clear()
    wait_for_ops(qtbot)
    index = page.filters.point.findData("AB002", Qt.ItemDataRole.UserRole)
    page.filters.point.setCurrentIndex(index)
    wait_for_ops(qtbot)
    assert page.count_label.text() == f"共 {MANY // 8} 道"
    page.view.selectRow(3)
    wait_for_ops(qtbot)
    qid = page.current.id if page.current else None
    keeper_window.lock()
    wait_for_ops(qtbot)
    assert page.model.rowCount() == 0 and page.current is None
    assert page.preview.toPlainText() == ""
    keeper_window.lock_panel.password.setText("keeper-pass-1")
    keeper_window.lock_panel.unlock_button.click()
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.id == qid  # the same question again
    header = page.view.horizontalHeader()
    header.setSortIndicator(page.model.column_of(QuestionColumn.STEM),
                            Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == 0  # the stem column cannot be sorted by

"""The question model: Qt's model tester, every row from the start with their contents read a
block at a time (a far jump reads one block), the service's sort orders, filters and full-text
search, selection and edits across reloads, and nothing held while locked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter, QuestionRow
from bankstation.gui.hub import Context, Hub
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.questions import QuestionColumn, QuestionModel
from bankstation.gui.models.review import ReviewModel
from bankstation.gui.pages.questions import QuestionsPage, question_table
from bankstation.services import questions, search, station
from bankstation.services.session import Session
from tests.gui import bank_support as support
from tests.gui.bank_support import (
    KEEPER,
    REVIEWER,
    add_questions,
    bulk_questions,
    judge,
    page_of,
    settle,
)
from tests.gui.conftest import MakeWindow
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


def _column(qtbot: QtBot, model: QuestionModel, column: QuestionColumn) -> list[str]:
    """Every cell of ``column``, after reading every block."""
    model.ensure_rows(0, model.rowCount() - 1)
    wait_for_ops(qtbot)
    return [model.data(model.index(r, model.column_of(column))) for r in range(model.rowCount())]


def _stem(model: QuestionModel, row: int) -> str | None:
    value = model.data(model.index(row, model.column_of(QuestionColumn.STEM)))
    return value if isinstance(value, str) else None


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every block the model reads (search.question_rows calls)."""
    sizes: list[int] = []
    real = search.question_rows

    def counted(session: Session, qids: list[int]) -> dict[int, QuestionRow]:
        sizes.append(len(qids))
        return real(session, qids)

    monkeypatch.setattr(search, "question_rows", counted)
    return sizes


def test_every_row_is_there_and_blocks_come_when_drawn(
        qtbot: QtBot, ctx: Context, big_bank: int, reads: list[int]) -> None:
    model = QuestionModel(ctx)
    size = model.block_size
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    assert model.rowCount() == model.total == MANY  # every row at once…
    assert reads == [size]  # …with only the first block read
    assert not model.canFetchMore(QModelIndex())
    assert model.row_at(0) is not None and model.row_at(size) is None
    assert _stem(model, size + 5) is None  # not read yet: drawing it asks for its block
    assert model.data(model.index(size + 5, 0)) == str(model.ids[size + 5])  # the id is known
    assert model.loading
    model.data(model.index(size + 6, 3))  # the same block: not asked for twice
    wait_for_ops(qtbot)
    assert reads == [size, size] and not model.loading
    assert "编号 00305" in (_stem(model, size + 5) or "")
    assert model.row_at(2 * size) is None
    ctx.hub.changed.emit()  # a reload reads the blocks drawn last again, with the ids
    wait_for_ops(qtbot)
    assert model.row_at(size + 5) is not None and model.row_at(0) is not None
    assert reads == [size, size, size, size]
    station.lock(ctx.session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0 and model.total == 0 and model.row_at(0) is None
    station.unlock(ctx.session, "keeper-pass-1")
    ctx.hub.changed.emit()
    wait_for_ops(qtbot)
    assert model.rowCount() == MANY


def test_a_far_jump_reads_one_block_and_paints_it(
        qtbot: QtBot, ctx: Context, big_bank: int, reads: list[int]) -> None:
    """Dragging the scroll bar to row 2,500 of 3,000 (block 125 of 150) reads the blocks on
    screen there, not the 124 above them."""
    model = QuestionModel(ctx)
    model.block_size = 20
    view = question_table(model)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    assert reads == [20]
    view.scrollTo(model.index(2500, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    view.viewport().grab()  # paint: data() for the rows on screen
    wait_for_ops(qtbot)
    assert view.rowAt(0) == 2500
    assert 2 <= len(reads) <= 3  # the first block, and the one or two on screen
    assert model.row_at(2500) is not None and model.row_at(1250) is None
    assert "编号 02500" in (_stem(model, 2500) or "")
    before = len(reads)
    view.viewport().grab()  # painting again reads nothing
    wait_for_ops(qtbot)
    assert len(reads) == before


def test_the_cache_keeps_the_blocks_drawn_last(
        qtbot: QtBot, ctx: Context, big_bank: int, reads: list[int]) -> None:
    model = QuestionModel(ctx)
    model.block_size, model.max_blocks = 100, 3
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    for row in (100, 200, 300, 150):
        _stem(model, row)
        wait_for_ops(qtbot)
    assert len(reads) == 4  # blocks 0-3 read once each (150's block was still there)
    assert model.row_at(0) is None  # three kept: block 0 went for block 3
    assert all(model.row_at(r) is not None for r in (100, 200, 300))
    _stem(model, 5)
    wait_for_ops(qtbot)
    assert len(reads) == 5 and model.row_at(5) is not None
    # block 1 was drawn after block 2, so block 2 went for block 0
    assert [model.row_at(r) is not None for r in (100, 200, 300)] == [True, False, True]


@pytest.mark.parametrize("force_py", [True, False])
def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, ctx: Context, big_bank: int, force_py: bool
) -> None:
    """The tester fetches more after every insertion, so it reads a narrowed list to the end,
    watching each page go in, the sort orders, the reloads and the lock."""
    model = QuestionModel(ctx)
    model.block_size = 40
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


def test_every_block_comes_once_in_order(
        qtbot: QtBot, ctx: Context, big_bank: int, reads: list[int]) -> None:
    model = QuestionModel(ctx)
    model.block_size = 700
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    ids = [int(i) for i in _column(qtbot, model, QuestionColumn.ID)]
    assert ids == sorted(ids) == model.ids and len(set(ids)) == MANY
    # blocks are read on worker threads, so they may start in any order: each exactly once
    assert sorted(reads) == [200, 700, 700, 700, 700]


def test_sorting_uses_the_services_orders(qtbot: QtBot, ctx: Context, big_bank: int) -> None:
    model = QuestionModel(ctx)
    model.set_bank(big_bank)
    wait_for_ops(qtbot)
    model.sort(model.column_of(QuestionColumn.DIFFICULTY), Qt.SortOrder.DescendingOrder)
    wait_for_ops(qtbot)
    first = _column(qtbot, model, QuestionColumn.DIFFICULTY)
    assert first[0] == "0.89" and first == sorted(first, reverse=True)
    model.sort(model.column_of(QuestionColumn.POINT), Qt.SortOrder.AscendingOrder)
    wait_for_ops(qtbot)
    assert _column(qtbot, model, QuestionColumn.POINT)[0] == "AA001"
    # sorted in Python by the service (no index): ties keep the id order
    model.sort(model.column_of(QuestionColumn.UPDATED), Qt.SortOrder.DescendingOrder)
    wait_for_ops(qtbot)
    assert model.ids == sorted(model.ids, reverse=True)  # one import: one time, all ties
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


def test_an_edit_shows_in_place_and_the_selection_stays(
    qtbot: QtBot, big_bank: int, keeper_window: MainWindow
) -> None:
    """A question far down the table, selected and edited: after the reload the same question
    is selected on its row, its new text is drawn, and the preview shows it."""
    page: QuestionsPage = page_of(keeper_window, "试题", QuestionsPage)
    model = page.model
    qid = model.ids[2600]
    assert page.select_question(qid)
    wait_for_ops(qtbot)
    assert page.selected_ids() == [qid] and page.current is not None
    assert page.view.rowAt(page.view.viewport().height() // 2) > 2000  # scrolled to it
    page.view.viewport().grab()
    wait_for_ops(qtbot)
    edited = page.current.content.with_changes(stem="改过的题干：接地电阻不大于 4Ω。")
    session = page.ctx.session
    questions.edit(session, qid, edited)
    page.ctx.hub.changed.emit()  # what the editor's operation does
    wait_for_ops(qtbot)
    assert page.selected_ids() == [qid]
    assert page.view.selectionModel().selectedRows()[0].row() == 2600
    assert _stem(model, 2600) == "改过的题干：接地电阻不大于 4Ω。"
    assert page.current is not None and "改过的题干" in page.preview.toPlainText()
    page.view.selectAll()  # every row, read or not
    assert len(page.selected_ids()) == MANY


def test_review_approves_selected_rows_not_read_yet(
    qtbot: QtBot, staffed_vault: Path, big_bank: int, make_window: MakeWindow
) -> None:
    from bankstation.gui.pages.review import ReviewPage

    window = make_window(staffed_vault, *REVIEWER, purpose="审核试题")
    page: ReviewPage = page_of(window, "审核", ReviewPage)
    assert page.model.total == MANY and page.model.row_at(MANY - 1) is None
    page.view.selectAll()
    assert len(page.reviewable_ids()) == MANY  # by the keeper: none of them the reviewer's
    assert page.approve_button.isEnabled()

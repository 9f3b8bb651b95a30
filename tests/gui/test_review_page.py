"""审核 page: approve, reject with a required reason, approve in bulk; one's own questions
cannot be approved; the version and review record of the question selected."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import Status
from bankstation.gui.dialogs.reason import ReasonDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.questions import QuestionColumn
from bankstation.gui.pages.review import ReviewPage
from bankstation.services import questions
from tests.gui import bank_support as support
from tests.gui.bank_support import (
    BOTH,
    REVIEWER,
    add_both_account,
    add_questions,
    closed,
    judge,
    page_of,
    session_as,
    stored,
)
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.support import FakeClock

# Fixtures shared by the bank page tests.
bank = support.bank


def _page(window: MainWindow) -> ReviewPage:
    page: ReviewPage = page_of(window, "审核", ReviewPage)
    return page


def _select(qtbot: QtBot, page: ReviewPage, qid: int) -> None:
    assert page.select_question(qid)
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.id == qid


def test_approve_one_and_reject_another_with_a_reason(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    first, second = add_questions(staffed_vault, clock, bank,
                                  [judge("甲题：电流的方向。"), judge("乙题：电压的方向。")],
                                  submit=True)
    page = _page(make_window(staffed_vault, *REVIEWER, purpose="审核试题"))
    assert page.count_label.text() == "共 2 道"
    assert page.approve_all_button.isEnabled()  # with nothing selected yet
    _select(qtbot, page, first)
    assert "甲题" in page.preview.toPlainText()
    assert page.history.rowCount() == 1 and page.history.item(0, 1).text() == "待审核"
    assert not page.own_label.isVisible()
    page.approve_button.click()
    wait_for_ops(qtbot)
    assert stored(staffed_vault, clock, first).status is Status.APPROVED
    assert page.count_label.text() == "共 1 道"
    _select(qtbot, page, second)
    dialog = page.reject_current()
    assert isinstance(dialog, ReasonDialog)
    dialog.ok_button.click()  # no reason yet
    wait_for_message(qtbot, "请写明理由")
    close_messages()
    assert dialog.isVisible()
    assert stored(staffed_vault, clock, second).status is Status.SUBMITTED
    dialog.reason.setPlainText("题干表述不严谨，请改为“规定正电荷移动方向”。")
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert closed(dialog)
    rejected = stored(staffed_vault, clock, second)
    assert rejected.status is Status.REJECTED
    assert rejected.reviewer == "reviewer"
    assert rejected.review_note == "题干表述不严谨，请改为“规定正电荷移动方向”。"
    assert page.model.total == 0
    assert not page.approve_all_button.isEnabled()


def test_ones_own_question_cannot_be_approved(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    add_both_account(staffed_vault, clock)
    [other] = add_questions(staffed_vault, clock, bank, [judge("他人编写的题。")], submit=True)
    [own] = add_questions(staffed_vault, clock, bank, [judge("本人编写的题。")], submit=True,
                          who=BOTH)
    page = _page(make_window(staffed_vault, *BOTH, purpose="审核试题"))
    model = page.review_model
    authors = {model.row_at(r).id: model.data(model.index(r, model.column_of(
        QuestionColumn.AUTHOR))) for r in range(model.rowCount())}  # type: ignore[union-attr]
    assert authors == {other: "keeper", own: "lixm（本人）"}
    _select(qtbot, page, own)
    assert page.own_label.isVisible()
    assert page.own_label.text() == "本题由您本人编写，须由其他审核员审核。"
    assert not page.approve_button.isEnabled() and not page.reject_button.isEnabled()
    assert page.reject_current() is None
    page.approve_all_button.click()  # everything waiting: the own one is refused, and said so
    answer(wait_for_message(qtbot, "本人编写的试题不会通过"), "全部通过")
    wait_for_ops(qtbot)
    box = wait_for_message(qtbot, "已通过 1 道试题")
    assert f"试题 {own}：试题 {own} 由您本人编写" in box.text()
    close_messages()
    assert stored(staffed_vault, clock, other).status is Status.APPROVED
    assert stored(staffed_vault, clock, own).status is Status.SUBMITTED
    assert page.model.ids == [own]


def test_several_selected_are_approved_together(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    ids = add_questions(staffed_vault, clock, bank, [judge(f"第 {i} 题：安全电压。")
                                                     for i in range(3)], submit=True)
    page = _page(make_window(staffed_vault, *REVIEWER))
    page.view.selectAll()
    wait_for_ops(qtbot)
    assert page.reviewable_ids() == ids
    page.approve_button.click()
    wait_for_ops(qtbot)
    assert {stored(staffed_vault, clock, q).status for q in ids} == {Status.APPROVED}
    assert page.model.total == 0


def test_a_resubmitted_question_shows_why_it_came_back(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    (qid,) = add_questions(staffed_vault, clock, bank, [judge("丙题：电阻的单位。")], submit=True)
    with session_as(staffed_vault, clock, REVIEWER) as reviewer:
        questions.reject(reviewer, qid, "单位符号写错")
    with session_as(staffed_vault, clock) as keeper:
        questions.edit(keeper, qid, judge("丙题：电阻的单位是欧姆。"), submit=True)
    page = _page(make_window(staffed_vault, *REVIEWER, purpose="审核试题"))
    _select(qtbot, page, qid)
    assert page.history.item(0, 6).text() == ""  # the edit cleared the version's note
    events = page.records.events
    rows = [[events.item(r, c).text() for c in range(events.columnCount())]
            for r in range(events.rowCount())]
    assert [row[2] for row in rows] == ["修改试题", "退回试题", "新增试题"]  # newest first
    assert rows[1][1] == "reviewer" and rows[1][4] == "单位符号写错"

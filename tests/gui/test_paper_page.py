"""The 试卷 page: a paper as printed (options in printed order), 审定 by a second person, 撤回."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.domain.answers import LETTERS
from bankstation.domain.papers import printed_options
from bankstation.gui.hub import Context, Hub
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.paper_list import PaperColumn, PapersModel
from bankstation.gui.pages.paper_document import IMAGE_SCHEME, text_html
from bankstation.gui.pages.papers import PaperBrowser, PapersPage
from bankstation.services import assembly, papers, questions, station
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.papers import conftest as papers_data
from tests.support import FakeClock, login

bank = papers_data.bank
approved_blueprint = papers_data.approved_blueprint


@pytest.fixture
def forms(staffed_vault: Path, clock: FakeClock, approved_blueprint: int) -> list[dict[str, Any]]:
    """A and B, assembled by the assembler (drafts)."""
    session = login(staffed_vault, clock, "assembler", "assembler-pass-1")
    outcome = assembly.assemble(session, approved_blueprint, seed="paper-page")
    station.logout(session)
    return outcome.papers


def open_page(qtbot: QtBot, window: MainWindow, paper_id: str) -> PapersPage:
    page = window.show_page("试卷")
    assert isinstance(page, PapersPage)
    wait_for_ops(qtbot)
    page.select(paper_id)
    wait_for_ops(qtbot)
    assert page.shown is not None and page.shown.paper["paper_id"] == paper_id
    return page


def test_the_paper_reads_as_printed_and_its_assembler_cannot_approve(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow,
    forms: list[dict[str, Any]],
) -> None:
    paper = forms[0]
    page = open_page(qtbot, make_window(staffed_vault, "assembler", "assembler-pass-1"),
                     paper["paper_id"])
    assert f"{paper['title']}（A卷）" in page.header.text()
    assert "状态：草稿" in page.header.text() and paper["seed"] in page.header.text()
    text = page.document.toPlainText()
    assert "一、判断题（每题 2 分，共 10 题）" in text
    assert "二、单项选择题（每题 3 分，共 20 题）" in text
    assert "三、多项选择题（每题 4 分，共 5 题）" in text
    check = login(staffed_vault, clock, "assembler", "assembler-pass-1")
    shuffled = 0
    for section in paper["sections"]:
        for item in section["items"]:
            content = questions.version(check, item["question_id"], item["version"]).content
            assert f"{item['no']}. {content.stem}" in text
            assert f"答案：{item['answer']}" in text
            if item["option_order"]:
                shown = printed_options(content, item["option_order"])
                block = "\n".join(f"{LETTERS[i]}. {o}" for i, o in enumerate(shown))
                assert block in text  # the options in printed order, lettered A, B, …
                shuffled += item["option_order"] != "ABCD"
    station.logout(check)
    assert shuffled > 0
    assert 'href="#section-1"' in page.header.text()
    page.header.linkActivated.emit("#section-1")  # 二、单项选择题
    assert page.document.verticalScrollBar().value() > 0
    assert not page.approve_button.isEnabled()
    assert page.why.text() == "本卷由您组卷，须由另一人审定。"
    assert page.withdraw_button.isEnabled()


def test_the_reviewer_approves_and_the_list_says_so(
    qtbot: QtBot, qtmodeltester: ModelTester, staffed_vault: Path, clock: FakeClock,
    make_window: MakeWindow, forms: list[dict[str, Any]],
) -> None:
    paper_id = forms[1]["paper_id"]
    page = open_page(qtbot, make_window(staffed_vault, "reviewer", "reviewer-pass-1"), paper_id)
    assert page.approve_button.isEnabled() and not page.why.text()
    page.approve_button.click()
    answer(wait_for_message(qtbot, "确定审定B卷"), "审定")
    wait_for_ops(qtbot)
    row = page.model.find(paper_id)
    status = page.model.data(page.model.index(row, page.model.column_of(PaperColumn.STATUS)))
    approver = page.model.data(page.model.index(row, page.model.column_of(
        PaperColumn.APPROVED_BY)))
    assert (status, approver) == ("已审定", "reviewer")
    assert "状态：已审定" in page.header.text()
    assert not page.approve_button.isEnabled()
    assert page.why.text() == "只有草稿状态的试卷可以审定（当前为「已审定」）。"
    qtmodeltester.check(page.model, force_py=True)  # type: ignore[no-untyped-call]
    check = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    assert papers.get(check, paper_id)["approved_by"] == "reviewer"
    station.logout(check)


def test_withdrawing_needs_a_reason(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, forms: list[dict[str, Any]],
) -> None:
    paper_id = forms[0]["paper_id"]
    page = open_page(qtbot, make_window(staffed_vault, "supervisor", "supervisor-pass-1"),
                     paper_id)
    dialog = page.withdraw()
    assert dialog is not None
    dialog.ok_button.click()
    wait_for_message(qtbot, "请写明理由。")
    close_messages()
    dialog.reason.setPlainText("试题泄露风险，重新组卷")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    row = page.model.find(paper_id)
    cells = [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]
    assert "已撤回" in cells and "试题泄露风险，重新组卷" in cells
    assert not page.withdraw_button.isEnabled() and not page.approve_button.isEnabled()


def test_papers_model(qtbot: QtBot, qtmodeltester: ModelTester, staffed_vault: Path,
                      clock: FakeClock, forms: list[dict[str, Any]]) -> None:
    session = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    ctx = Context(session, Hub())
    model = PapersModel(ctx)
    wait_for_ops(qtbot)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    form = model.column_of(PaperColumn.FORM)
    assert [model.data(model.index(r, form)) for r in range(model.rowCount())] == ["A卷", "B卷"]
    model.page_size = 1
    model.refresh()
    wait_for_ops(qtbot)
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
        wait_for_ops(qtbot)
    assert model.rowCount() == 2
    station.lock(session)
    ctx.hub.changed.emit()
    assert model.rowCount() == 0
    station.unlock(session, "reviewer-pass-1")
    session.detach()


def test_question_markup_prints_as_the_paper_does(qtbot: QtBot) -> None:
    image_id = "0123456789abcdef"
    out = text_html(f"I<sub>1</sub>＋x<SUP>2</SUP> & <b>\n[[图片:{image_id}]]")
    assert out == (f"I<sub>1</sub>＋x<sup>2</sup> &amp; &lt;b&gt;<br>"
                   f'<img src="{IMAGE_SCHEME}:{image_id}">')
    browser = PaperBrowser()
    qtbot.addWidget(browser)
    missing = browser.loadResource(2, QUrl(f"{IMAGE_SCHEME}:{image_id}"))
    assert isinstance(missing, QImage) and not missing.isNull()  # a grey box, not nothing

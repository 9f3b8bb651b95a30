"""The question editor: a form for every type, stored exactly as filled; images, sub- and
superscripts; refusals that keep the form; a new version for an approved question."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from pytestqt.qtbot import QtBot

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, RubricRow
from bankstation.gui.dialogs.question_editor import QuestionEditor
from bankstation.gui.dialogs.question_forms import (
    ChoiceForm,
    FillForm,
    JudgeForm,
    PracticalForm,
    SubjectiveForm,
)
from bankstation.gui.dialogs.question_history import HistoryDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.pages.questions import QuestionsPage
from bankstation.gui.question_html import image_url
from bankstation.services import duplicates, images, search
from tests.gui import bank_support as support
from tests.gui.bank_support import (
    add_questions,
    closed,
    judge,
    page_of,
    png_bytes,
    session_as,
    settle,
    stored,
)
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.support import FakeClock

# Fixtures shared by the bank page tests.
bank = support.bank
keeper_window = support.keeper_window
practical_bank = support.practical_bank

Fill = Callable[[QuestionEditor], QuestionContent]


def _page(window: MainWindow) -> QuestionsPage:
    page: QuestionsPage = page_of(window, "试题", QuestionsPage)
    return page


def _open(qtbot: QtBot, window: MainWindow, bank_id: int) -> QuestionEditor:
    page = _page(window)
    page.selection.reload()  # a bank made by another session after the window opened
    wait_for_ops(qtbot)
    page.selection.select(bank_id)
    wait_for_ops(qtbot)
    editor = page.new_question()
    assert isinstance(editor, QuestionEditor) and editor.isVisible()
    return editor


def _common(editor: QuestionEditor, qtype: QType, point: str, stem: str) -> None:
    editor.set_qtype(qtype)
    editor.point.set_code(point)
    editor.stem.setPlainText(stem)
    editor.difficulty.setValue(0.75)
    editor.analysis.setPlainText("解析文字")
    editor.source.setText("《电工》第3章")
    editor.enemy_group.setText("组甲")
    editor.code.setText(f"DG-{qtype.value}")


def _base(qtype: QType, point: str, stem: str) -> QuestionContent:
    return QuestionContent(qtype, point, stem, difficulty=0.75, analysis="解析文字",
                           source="《电工》第3章", enemy_group="组甲", code=f"DG-{qtype.value}")


def fill_judge(editor: QuestionEditor) -> QuestionContent:
    stem = "电流的方向规定为正电荷定向移动的方向。"
    _common(editor, QType.JUDGE, "AA001", stem)
    form = editor.form
    assert isinstance(form, JudgeForm)
    form.wrong.setChecked(True)
    return _base(QType.JUDGE, "AA001", stem).with_changes(answer="×")


def _choices(editor: QuestionEditor, texts: list[str], correct: set[int]) -> None:
    form = editor.form
    assert isinstance(form, ChoiceForm)
    while len(form.option_rows) < len(texts):
        form.add_option()
    while len(form.option_rows) > len(texts):
        form.remove_option(form.option_rows[-1])
    for i, (row, text) in enumerate(zip(form.option_rows, texts, strict=True)):
        row.text.setText(text)
        row.correct.setChecked(i in correct)


def fill_single(editor: QuestionEditor) -> QuestionContent:
    stem = "10Ω 的电阻接在 220V 电源上，电流为（　）。"
    _common(editor, QType.SINGLE, "AA001", stem)
    options = ["2.2A", "22A", "0.45A", "220A", "11A"]
    _choices(editor, options, {1})
    return _base(QType.SINGLE, "AA001", stem).with_changes(options=tuple(options), answer="B")


def fill_multiple(editor: QuestionEditor) -> QuestionContent:
    stem = "发现有人触电，正确的做法有（　）。"
    _common(editor, QType.MULTIPLE, "AB001", stem)
    options = ["立即切断电源", "用干燥木棒挑开电线", "直接用手拉开"]
    _choices(editor, options, {0, 1})
    return _base(QType.MULTIPLE, "AB001", stem).with_changes(options=tuple(options),
                                                              answer="AB")


def fill_fill(editor: QuestionEditor) -> QuestionContent:
    stem = "电阻的单位是____，电压的单位是____。"
    _common(editor, QType.FILL, "AA002", stem)
    form = editor.form
    assert isinstance(form, FillForm)
    assert "题干中有 2 个空" in form.hint.text()
    form.blanks.set_rows([["欧姆 / Ω"], ["伏特/V"]])
    return _base(QType.FILL, "AA002", stem).with_changes(blanks=(("欧姆", "Ω"), ("伏特", "V")))


def _subjective(qtype: QType, point: str) -> Fill:
    def fill(editor: QuestionEditor) -> QuestionContent:
        stem = f"{qtype.label}：简述三相异步电动机的工作原理。"
        _common(editor, qtype, point, stem)
        form = editor.form
        assert isinstance(form, SubjectiveForm)
        form.answer.setPlainText("定子三相电流产生旋转磁场……")
        form.marking.set_rows([["旋转磁场", "2"], ["电磁转矩", "3.5"]])
        assert form.total.text() == "得分点合计 5.5 分"
        return _base(qtype, point, stem).with_changes(
            answer="定子三相电流产生旋转磁场……",
            marking=(MarkingPoint("旋转磁场", 2.0), MarkingPoint("电磁转矩", 3.5)))
    return fill


def fill_practical(editor: QuestionEditor) -> QuestionContent:
    stem = "安装并调试接触器正反转控制线路。"
    _common(editor, QType.PRACTICAL, "BB001", stem)
    form = editor.form
    assert isinstance(form, PracticalForm)
    form.time_limit.setValue(120)
    form.site_prep.setPlainText("电工实训台 1 套")
    form.candidate_prep.setPlainText("电工常用工具 1 套")
    form.answer.setPlainText("线路正确，通电试车一次成功")
    form.rubric.set_rows([["元件安装", "布置合理", "20", "不合理扣 5 分"],
                          ["通电试车", "一次成功", "70", "不成功扣 40 分"]])
    assert form.total.text() == "配分合计 90 分（通常为 100 分）"
    form.rubric.add_row(["安全文明", "遵守规程", "10", "违规扣 10 分"])
    assert form.total.text() == "配分合计 100 分"
    return _base(QType.PRACTICAL, "BB001", stem).with_changes(
        answer="线路正确，通电试车一次成功", time_limit=120, site_prep="电工实训台 1 套",
        candidate_prep="电工常用工具 1 套",
        rubric=(RubricRow("元件安装", "布置合理", 20, "不合理扣 5 分"),
                RubricRow("通电试车", "一次成功", 70, "不成功扣 40 分"),
                RubricRow("安全文明", "遵守规程", 10, "违规扣 10 分")))


FILLS: dict[QType, Fill] = {
    QType.JUDGE: fill_judge, QType.SINGLE: fill_single, QType.MULTIPLE: fill_multiple,
    QType.FILL: fill_fill, QType.SHORT: _subjective(QType.SHORT, "BA001"),
    QType.CALC: _subjective(QType.CALC, "BA002"), QType.ESSAY: _subjective(QType.ESSAY, "AB002"),
    QType.CASE: _subjective(QType.CASE, "BB002"), QType.PRACTICAL: fill_practical,
}


@pytest.mark.parametrize("qtype", list(QType))
def test_every_type_is_stored_as_filled_in(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int,
    practical_bank: int, qtype: QType
) -> None:
    editor = _open(qtbot, keeper_window, practical_bank if qtype.exam == "practical" else bank)
    expected = FILLS[qtype](editor)
    settle(qtbot, 250)  # the preview follows the form
    assert expected.stem in editor.preview.toPlainText()
    editor.draft_button.click()
    wait_for_ops(qtbot)
    assert closed(editor)
    page = _page(keeper_window)
    assert page.model.total == 1
    saved = stored(staffed_vault, clock, page.model.ids[0])
    assert saved.content == expected
    assert (saved.status, saved.version, saved.author) == (Status.DRAFT, 1, "keeper")


def test_a_theory_bank_offers_only_theory_types(
    qtbot: QtBot, keeper_window: MainWindow, bank: int
) -> None:
    editor = _open(qtbot, keeper_window, bank)
    offered = [editor.qtype.itemData(i) for i in range(editor.qtype.count())]
    assert offered == [q for q in QType if q.exam == "theory"]
    with pytest.raises(ValueError, match="theory"):
        editor.set_qtype(QType.PRACTICAL)
    assert editor.current_qtype() is QType.JUDGE  # the form is left as it was


def test_saving_and_submitting_puts_it_in_the_review_queue(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    editor = _open(qtbot, keeper_window, bank)
    fill_judge(editor)
    editor.submit_button.click()
    wait_for_ops(qtbot)
    page = _page(keeper_window)
    assert stored(staffed_vault, clock, page.model.ids[0]).status is Status.SUBMITTED


def test_a_bad_question_is_refused_in_chinese_and_the_form_kept(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    editor = _open(qtbot, keeper_window, bank)
    fill_multiple(editor)
    form = editor.form
    assert isinstance(form, ChoiceForm)
    form.option_rows[1].correct.setChecked(False)  # a multiple choice with one answer
    editor.submit_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "多项选择题至少要有两个正确答案")
    close_messages()
    assert editor.isVisible() and editor.submit_button.isEnabled()
    assert editor.stem.toPlainText() == "发现有人触电，正确的做法有（　）。"
    assert [r.text.text() for r in form.option_rows] == ["立即切断电源", "用干燥木棒挑开电线",
                                                         "直接用手拉开"]
    assert editor.content().answer == "A"
    with session_as(staffed_vault, clock) as session:
        assert search.question_count(session, bank) == 0


def test_a_rubric_score_that_is_not_a_number_is_named(
    qtbot: QtBot, keeper_window: MainWindow, practical_bank: int
) -> None:
    editor = _open(qtbot, keeper_window, practical_bank)
    fill_practical(editor)
    form = editor.form
    assert isinstance(form, PracticalForm)
    form.rubric.set_cell(1, 2, "七十")
    editor.draft_button.click()
    wait_for_message(qtbot, "评分表第 2 行的配分「七十」不是数字。")
    close_messages()
    assert editor.isVisible()


def test_superscript_and_subscript_wrap_the_selection(
    qtbot: QtBot, keeper_window: MainWindow, bank: int
) -> None:
    editor = _open(qtbot, keeper_window, bank)
    editor.stem.setPlainText("面积单位 m2，水是 H2O。")
    cursor = editor.stem.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    editor.stem.setTextCursor(cursor)
    editor.markup.set_target(editor.stem)
    editor.markup.sup_button.click()
    text = editor.stem.toPlainText()
    assert text == "面积单位 m<sup>2</sup>，水是 H2O。"
    start = text.index("H2O") + 1
    cursor.setPosition(start)
    cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
    editor.stem.setTextCursor(cursor)
    editor.markup.sub_button.click()
    assert editor.stem.toPlainText() == "面积单位 m<sup>2</sup>，水是 H<sub>2</sub>O。"
    editor.update_preview()
    html = editor.preview.toHtml()
    assert "vertical-align:super" in html and "vertical-align:sub" in html
    assert "&lt;sup&gt;" not in html


def test_an_inserted_image_is_stored_and_shown_in_the_preview(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int,
    tmp_path: Path
) -> None:
    picture = tmp_path / "接线图.png"
    picture.write_bytes(png_bytes(40, 30))
    editor = _open(qtbot, keeper_window, bank)
    fill_single(editor)
    editor.stem.moveCursor(QTextCursor.MoveOperation.End)
    editor.insert_image_file(picture, editor.stem)
    wait_for_ops(qtbot)
    stem = editor.stem.toPlainText()
    assert stem.startswith("10Ω 的电阻接在 220V 电源上，电流为（　）。[[图片:")
    image_id = stem.split("[[图片:")[1].rstrip("]")
    form = editor.form
    assert isinstance(form, ChoiceForm)
    editor.insert_image_file(picture, form.option_rows[2].text)  # the same picture in C
    wait_for_ops(qtbot)
    assert form.option_rows[2].text.text() == f"0.45A[[图片:{image_id}]]"
    resource = editor.preview.document().resource(QTextDocument.ResourceType.ImageResource,
                                                  QUrl(image_url(image_id)))
    assert resource is not None and resource.width() == 40
    assert f'src="{image_url(image_id)}"' in editor.preview.toHtml()
    editor.draft_button.click()
    wait_for_ops(qtbot)
    page = _page(keeper_window)
    saved = stored(staffed_vault, clock, page.model.ids[0])
    assert saved.content.image_ids() == [image_id]
    with session_as(staffed_vault, clock) as session:
        assert images.image_bytes(session, image_id) == ("image/png", png_bytes(40, 30))


def test_a_file_that_is_no_picture_is_refused(
    qtbot: QtBot, keeper_window: MainWindow, bank: int, tmp_path: Path
) -> None:
    bogus = tmp_path / "图.png"
    bogus.write_bytes(b"GIF89a not a png")
    editor = _open(qtbot, keeper_window, bank)
    editor.stem.setPlainText("题干")
    editor.insert_image_file(bogus)
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "只能插入 PNG 或 JPEG 格式的图片")
    close_messages()
    assert editor.stem.toPlainText() == "题干"


def test_editing_an_approved_question_warns_and_makes_a_new_version(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    [qid] = add_questions(staffed_vault, clock, bank, [judge("旧题干：电流方向的规定。")],
                          approve=True)
    page = _page(keeper_window)
    page.model.refresh()
    wait_for_ops(qtbot)
    assert page.select_question(qid)
    wait_for_ops(qtbot)
    editor = page.edit_question()
    assert editor is not None
    assert editor.notice.isVisible()
    assert "将生成第 2 版" in editor.notice.text()
    assert editor.stem.toPlainText() == "旧题干：电流方向的规定。"
    editor.stem.setPlainText("新题干：电流方向的规定。")
    editor.submit_button.click()
    answer(wait_for_message(qtbot, "确定保存为新版本？"), "保存为新版本")
    wait_for_ops(qtbot)
    assert closed(editor)
    saved = stored(staffed_vault, clock, qid)
    assert (saved.version, saved.status, saved.content.stem) == (2, Status.SUBMITTED,
                                                                 "新题干：电流方向的规定。")
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.version == 2
    history = page.show_history()
    assert isinstance(history, HistoryDialog)
    wait_for_ops(qtbot)
    assert [history.table.item(r, 0).text() for r in range(history.table.rowCount())] == [
        "第 2 版", "第 1 版"]
    assert history.table.item(1, 1).text() == "已通过"
    history.table.selectRow(1)
    assert "旧题干" in history.preview.toPlainText()
    assert history.preview.isReadOnly()


def test_a_near_copy_of_a_bank_question_is_named_before_it_is_saved(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    [twin, other] = add_questions(staffed_vault, clock, bank, [
        judge("电流的方向规定为正电荷定向移动的方向！", analysis="物理学中的规定。"),
        judge("使用兆欧表测量绝缘电阻前，应先将被测设备断电并放电。")], approve=True)
    editor = _open(qtbot, keeper_window, bank)
    fill_judge(editor)  # the same stem as ``twin``, with another analysis and answer
    editor.submit_button.click()
    box = wait_for_message(qtbot, "题库中已有与本题近似的试题")
    assert f"试题 {twin}（已通过，相似度 100%）：电流的方向规定" in box.text()
    assert f"试题 {other}" not in box.text()
    answer(box, "取消")
    wait_for_ops(qtbot)
    assert editor.isVisible() and editor.submit_button.isEnabled()
    with session_as(staffed_vault, clock) as session:
        assert search.question_count(session, bank) == 2  # nothing saved
    editor.submit_button.click()
    answer(wait_for_message(qtbot, "题库中已有与本题近似的试题"), "仍然保存")
    wait_for_ops(qtbot)
    assert closed(editor)
    with session_as(staffed_vault, clock) as session:
        assert search.question_count(session, bank) == 3


def test_over_the_bank_limit_the_editor_saves_and_says_it_did_not_look(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    add_questions(staffed_vault, clock, bank, [judge("电流的方向规定为正电荷定向移动的方向！")],
                  approve=True)
    monkeypatch.setattr(duplicates, "EDITOR_BANK_LIMIT", 0)
    editor = _open(qtbot, keeper_window, bank)
    fill_judge(editor)
    editor.submit_button.click()
    wait_for_ops(qtbot)
    assert closed(editor)  # no question asked
    assert "题库超过 0 道试题，保存前未查找近似试题" in keeper_window.statusBar().currentMessage()

"""导入试题 page: a good workbook previewed by counts and saved whole; a broken one listed by
row and column with nothing saved; a file from inside an ISO; the import template."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionFilter
from bankstation.gui.dialogs.source_pick import open_iso
from bankstation.gui.main_window import MainWindow
from bankstation.gui.pages.imports import ADDED, PROBLEMS, WARNINGS, ImportPage
from bankstation.services import imports, search
from bankstation.services.imports import Source
from bankstation.services.resources import resource
from tests.disc.test_iso_read import make_iso
from tests.gui import bank_support as support
from tests.gui.bank_support import page_of, session_as
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.support import FakeClock

# Fixtures shared by the bank page tests.
bank = support.bank
keeper_window = support.keeper_window

DEMO = resource("demo", "electrician-4-theory.xlsx")
HEADER = ["试题编号", "题型", "鉴定点", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "难度"]


@pytest.fixture
def demo_bank(staffed_vault: Path, clock: FakeClock, bank: int) -> int:
    """The test bank with the demo bank's element table, so the demo workbook fits it."""
    with session_as(staffed_vault, clock) as keeper:
        imports.import_elements(keeper, bank, Source(resource("demo",
                                                              "electrician-4-elements.csv")))
    return bank


def _page(window: MainWindow) -> ImportPage:
    page: ImportPage = page_of(window, "导入试题", ImportPage)
    return page


def _rows(page: ImportPage, tab: int) -> list[list[str]]:
    """What the tab's table shows, row by row, read through its view's model."""
    model = page.tables[tab].model()
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试题"
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def test_a_good_workbook_shows_its_counts_and_is_saved_whole(
    qtbot: QtBot, demo_bank: int, keeper_window: MainWindow, staffed_vault: Path,
    clock: FakeClock
) -> None:
    page = _page(keeper_window)
    assert not page.commit_button.isEnabled()
    page.check_source(Source(DEMO))
    wait_for_ops(qtbot)
    plan = page.plan
    assert plan is not None and plan.ok
    added = len(plan.added)
    assert added > 600
    assert page.tab_counts() == {"新增": f"新增 {added}", "新版本": "新版本 0", "修改": "修改 0",
                                 "未变": "未变 0", "问题": "问题 0",
                                 "提示": f"提示 {len(plan.warnings)}"}
    assert page.tabs.currentIndex() == ADDED
    assert _rows(page, ADDED)[0][0] == "2"  # the first question is on row 2, under the header
    assert page.summary.text().startswith("检查通过：新增")
    assert page.commit_button.isEnabled()
    assert page.commit_button.text() == f"导入 {added} 道试题"
    page.commit_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "导入的试题为「待审核」")
    close_messages()
    with session_as(staffed_vault, clock) as session:
        assert search.question_count(session, demo_bank) == added
        assert search.question_count(session, demo_bank,
                                     QuestionFilter(status=Status.SUBMITTED)) == added
    assert page.plan is None and not page.commit_button.isEnabled()
    page.check_source(Source(DEMO))  # the same file again changes nothing
    wait_for_ops(qtbot)
    assert page.tab_counts()["未变"] == f"未变 {added}"
    assert not page.commit_button.isEnabled()
    assert "没有需要导入的" in page.summary.text()


def test_a_broken_workbook_lists_its_problems_and_saves_nothing(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock,
    tmp_path: Path
) -> None:
    path = _workbook(tmp_path / "坏文件.xlsx", [
        ["DG-1", "判断题", "AA001", "电流的方向规定为正电荷移动的方向。", None, None, None, None,
         "√", "易"],
        ["DG-2", "多项选择题", "AA001", "触电急救的做法有（　）。", "断电", "挑开", "拉手", None,
         "A", 0.6],
        ["DG-3", "单项选择题", "ZZ001", "电阻的单位是（　）。", "欧姆", "伏特", None, None,
         "A", 0.7],
        ["DG-4", "判断题", "AA002", "基尔霍夫定律适用于节点。", None, None, None, None,
         "也许", 0.7],
    ])
    page = _page(keeper_window)
    page.check_source(Source(path))
    wait_for_ops(qtbot)
    plan = page.plan
    assert plan is not None and not plan.ok
    assert page.tabs.currentIndex() == PROBLEMS
    assert page.tab_counts()["问题"] == f"问题 {len(plan.problems)}"
    problems = _rows(page, PROBLEMS)
    rows = {r[1] for r in problems}
    assert {"3", "4", "5"} <= rows and "2" not in rows
    assert ["试题", "3", "答案", "多项选择题至少要有两个正确答案，「A」只有一个。"] in problems
    assert ["试题", "4", "鉴定点", "鉴定点「ZZ001」不在鉴定要素细目表中。"] in problems
    assert any(r[1:3] == ["5", "答案"] and "「也许」无法识别" in r[3] for r in problems)
    assert not page.commit_button.isEnabled()
    assert "不能导入" in page.summary.text()
    page.commit()  # even asked directly, nothing is saved
    wait_for_ops(qtbot)
    with session_as(staffed_vault, clock) as session:
        assert search.question_count(session, bank) == 0


def test_every_problem_of_a_long_file_is_listed(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    """The tab listed at most 2,000 rows, whatever its count said; a file with a bad column
    has a problem on every row, and the person must see each one."""
    rows = 2500
    path = tmp_path / "长文件.csv"
    lines = [",".join(HEADER)] + [
        f"DG-{n},判断题,ZZ001,第 {n} 题：电流的方向规定为正电荷移动的方向。,,,,,√,0.6"
        for n in range(1, rows + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = _page(keeper_window)
    page.check_source(Source(path))
    wait_for_ops(qtbot)
    problems = _rows(page, PROBLEMS)
    assert page.tab_counts()["问题"] == f"问题 {rows}"
    assert len(problems) == rows
    assert problems[-1] == ["", str(rows + 1), "鉴定点", "鉴定点「ZZ001」不在鉴定要素细目表中。"]
    assert page.tables[PROBLEMS].model().data(
        page.tables[PROBLEMS].model().index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None


def test_extra_columns_are_warnings_apart_from_problems(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "多一列.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试题"
    sheet.append(["题型", "鉴定点", "题干", "答案", "备注"])
    sheet.append(["判断题", "AA001", "安全电压不高于 36V。", "√", "老题"])
    book.save(path)
    page = _page(keeper_window)
    page.check_source(Source(path))
    wait_for_ops(qtbot)
    assert page.tab_counts()["问题"] == "问题 0"
    assert page.tab_counts()["提示"] == "提示 1"
    assert "备注" in _rows(page, WARNINGS)[0][3]
    assert [page.tables[tab].model().headerData(3, Qt.Orientation.Horizontal)
            for tab in (PROBLEMS, WARNINGS)] == ["问题", "提示"]
    assert page.commit_button.isEnabled()


def test_a_workbook_inside_an_iso_image(
    qtbot: QtBot, demo_bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    iso = tmp_path / "试题光盘.iso"
    make_iso(iso, {"电工四级理论.xlsx": DEMO.read_bytes(), "说明.txt": "说明".encode()})
    page = _page(keeper_window)
    dialog = open_iso(page, page.ctx, iso, (".xlsx", ".csv", ".txt"), page.check_source)
    wait_for_ops(qtbot)
    assert dialog.files.count() == 2
    dialog.choose("/资料/电工四级理论.xlsx")
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert page.source == Source(iso, "/资料/电工四级理论.xlsx")
    assert "试题光盘.iso 中的 /资料/电工四级理论.xlsx" in page.source_label.text()
    assert page.plan is not None and page.plan.ok and page.commit_button.isEnabled()


def test_a_file_that_is_no_spreadsheet_says_so(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "试题.xlsx"
    path.write_bytes(b"this is not a workbook")
    page = _page(keeper_window)
    page.check_source(Source(path))
    wait_for_ops(qtbot)
    [problem] = _rows(page, PROBLEMS)
    assert problem[1:3] == ["", ""] and "文件不是 Excel 工作簿" in problem[3]
    assert page.tab_counts()["问题"] == "问题 1"
    assert not page.commit_button.isEnabled()


def test_the_import_template_is_saved(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "试题导入模板.xlsx"
    _page(keeper_window).save_template(target)
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "导入模板已保存到")
    close_messages()
    sheets = load_workbook(target).sheetnames
    assert "试题" in sheets and "评分表" in sheets


def test_a_cut_off_iso_image_says_so_and_lists_nothing(
    qtbot: QtBot, bank: int, keeper_window: MainWindow, tmp_path: Path
) -> None:
    whole = tmp_path / "whole.iso"
    make_iso(whole, {"电工四级理论.xlsx": DEMO.read_bytes()}, udf=False)
    cut = tmp_path / "中断的光盘.iso"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    page = _page(keeper_window)
    dialog = open_iso(page, page.ctx, cut, (".xlsx", ".csv"), page.check_source)
    box = wait_for_message(qtbot, "光盘映像 中断的光盘.iso 不完整")
    answer(box, "确定")
    wait_for_ops(qtbot)
    assert dialog.files.count() == 0 and not dialog.ok_button.isEnabled()
    assert dialog.note.text().startswith("光盘映像 中断的光盘.iso 不完整")
    assert page.source is None

"""题库 page: the banks list, creating a bank through the dialog, the element table and its
editor, and importing an element table from inside an ISO image."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.standards import StandardKind
from bankstation.gui.dialogs.bank_create import CreateBankDialog
from bankstation.gui.dialogs.element_editor import IMPORTANCE, SUM, WEIGHT, ElementEditor
from bankstation.gui.dialogs.source_pick import IsoPickDialog, open_iso
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.banks import VOID_COLOR, VOID_STATUS, BankColumn
from bankstation.gui.pages.banks import BanksPage
from bankstation.services import banks, elements
from bankstation.services.imports import Source
from bankstation.services.resources import resource
from tests.disc.test_iso_read import make_iso
from tests.gui import bank_support as support
from tests.gui.bank_support import KEEPER, closed, page_of, session_as, settle
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.support import FakeClock

# Fixtures shared by the bank page tests.
bank = support.bank
keeper_window = support.keeper_window


def _page(window: MainWindow) -> BanksPage:
    page: BanksPage = page_of(window, "题库", BanksPage)
    return page


def _cell(page: BanksPage, row: int, column: BankColumn) -> object:
    return page.model.data(page.model.index(row, page.model.column_of(column)))


def test_creating_a_bank_through_the_dialog(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    window = make_window(staffed_vault, *KEEPER)
    page = _page(window)
    assert page.model.rowCount() == 0
    assert "尚无题库" in page.summary.text()
    dialog = page.create_bank()
    assert isinstance(dialog, CreateBankDialog)
    dialog.search.setText("电工")
    settle(qtbot)
    listed = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any(text.startswith("6-31-01-03　电工") for text in listed)
    assert not any(text.startswith("2-") for text in listed)  # group 2 carries no bank
    assert dialog.choose("6-31-01-03")
    wait_for_ops(qtbot)
    dialog.level.setCurrentIndex(dialog.level.findData(3))
    dialog.exam.setCurrentIndex(dialog.exam.findData("practical"))
    dialog.kind.setCurrentIndex(dialog.kind.findData(StandardKind.NATIONAL))
    dialog.title.setEditText("电工国家职业技能标准（2018年版）")
    dialog.reference.setText("人社厅发〔2018〕145号")
    dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert closed(dialog)
    with session_as(staffed_vault, clock) as session:
        made = banks.list_banks(session)
        assert len(made) == 1
        standard = banks.standard_of(session, made[0])
    assert (made[0].occupation, int(made[0].level), made[0].exam) == ("6-31-01-03", 3,
                                                                      "practical")
    assert (standard.kind, standard.reference) == (StandardKind.NATIONAL, "人社厅发〔2018〕145号")
    assert page.model.rowCount() == 1
    assert page.selection.bank_id == made[0].id
    assert _cell(page, 0, BankColumn.NAME) == "电工（三级/高级工）操作技能题库"
    assert _cell(page, 0, BankColumn.STATUS) == "正常"
    assert "还没有鉴定要素细目表" in page.summary.text()


def test_a_bank_needs_an_occupation_from_the_list(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow
) -> None:
    page = _page(make_window(staffed_vault, *KEEPER))
    dialog = page.create_bank()
    dialog.search.setText("2-02-11-01")  # 电工电器工程技术人员: group 2, never listed
    settle(qtbot)
    assert dialog.results.count() == 0
    dialog.title.setEditText("某标准")
    dialog.ok_button.click()
    wait_for_message(qtbot, "请先在列表中选择职业")
    close_messages()
    assert dialog.isVisible() and dialog.title.currentText() == "某标准"


def test_banks_and_their_element_table(keeper_window: MainWindow) -> None:
    page = _page(keeper_window)
    assert page.model.rowCount() == 1
    assert _cell(page, 0, BankColumn.NAME) == "电工（四级/中级工）理论知识题库"
    assert _cell(page, 0, BankColumn.STANDARD) == \
        "电工国家职业技能标准（2018年版）（国家职业技能标准，2018年版）"
    tree = page.tree
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [(t.text(0), t.text(2)) for t in tops if t] == [("A", "40"), ("B", "60")]
    first = tops[0]
    assert first is not None
    aa = first.child(0)
    assert aa is not None
    assert (aa.text(0), aa.text(2), aa.text(3)) == ("AA", "60", "24")  # 40 % × 60 %
    point = aa.child(0)
    assert point is not None
    assert (point.text(0), point.text(1), point.text(4)) == ("AA001", "欧姆定律", "X 核心要素")
    assert "6 个鉴定范围、8 个鉴定点" in page.summary.text()


def test_a_voided_bank_says_why_in_red(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow
) -> None:
    with session_as(staffed_vault, clock) as keeper:
        made = banks.create_bank(keeper, "6-31-01-03", 4, "theory", StandardKind.INDUSTRY,
                                 "电工行业评价规范", "行规-2020")
        banks.add_standard(keeper, "6-31-01-03", StandardKind.NATIONAL,
                           "电工国家职业技能标准（2018年版）", "人社厅发〔2018〕145号")
    page = _page(make_window(staffed_vault, *KEEPER))
    assert page.selection.bank_id == made.id
    status = page.model.index(0, page.model.column_of(BankColumn.STATUS))
    assert page.model.data(status) == VOID_STATUS
    assert page.model.data(status, Qt.ItemDataRole.ForegroundRole) == VOID_COLOR
    assert "废止" in page.model.data(status, Qt.ItemDataRole.ToolTipRole)
    assert page.void_label.isVisible()
    assert "废止，不能再用于组卷" in page.void_label.text()


def test_the_element_editor_refuses_sibling_weights_off_100_and_keeps_the_edit(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    page = _page(keeper_window)
    editor = page.edit_elements()
    assert isinstance(editor, ElementEditor)
    assert editor.problem_texts() == []
    editor.set_weight("A", 50)
    assert "一级鉴定范围（A、B）比重合计 110，应为 100。" in editor.problem_texts()
    assert editor.top_sum.text() == "一级鉴定范围比重合计：110"
    editor.save_button.click()
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "鉴定要素细目表有 1 个问题，未保存")
    close_messages()
    assert editor.isVisible()
    assert editor.data_of("A", WEIGHT) == 50
    assert editor.save_button.isEnabled()
    with session_as(staffed_vault, clock) as session:
        assert elements.table(session, bank).nodes["A"].weight == 40


def test_the_element_editor_adds_a_point_and_saves_the_table(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int
) -> None:
    page = _page(keeper_window)
    editor = page.edit_elements()
    assert editor is not None
    scope = editor.item_for("BB")
    assert scope is not None
    item = editor.add_point(scope)
    assert item.text(0) == "BB003"
    editor.set_name("BB003", "热继电器")
    editor.set_importance("BB003", Importance.Y)
    added = editor.add_scope(None)
    assert added is not None and added.text(0) == "C"
    assert "一级鉴定范围有的填了比重、有的没填（C）。" in editor.problem_texts()
    editor.remove_current()  # the new scope C, still selected
    assert editor.problem_texts() == []
    editor.save_button.click()
    wait_for_ops(qtbot)
    assert closed(editor)
    with session_as(staffed_vault, clock) as session:
        table = elements.table(session, bank)
    assert table.nodes["BB003"] == ElementNode("BB003", "热继电器", None, Importance.Y)
    assert "9 个鉴定点" in page.summary.text()


def test_importing_an_element_table_from_inside_an_iso(
    qtbot: QtBot, keeper_window: MainWindow, staffed_vault: Path, clock: FakeClock, bank: int,
    tmp_path: Path
) -> None:
    iso = tmp_path / "细目表光盘.iso"
    csv = resource("demo", "electrician-4-elements.csv").read_bytes()
    make_iso(iso, {"说明.txt": b"readme", "电工四级细目表.csv": csv})
    page = _page(keeper_window)
    picked: list[Source] = []
    dialog = open_iso(page, page.ctx, iso, (".xlsx", ".csv"), picked.append)
    assert isinstance(dialog, IsoPickDialog)
    wait_for_ops(qtbot)
    assert [dialog.files.item(i).text() for i in range(dialog.files.count())] == [
        "/资料/电工四级细目表.csv"]
    dialog.ok_button.click()
    assert picked == [Source(iso, "/资料/电工四级细目表.csv")]
    page.import_elements(picked[0])
    answer(wait_for_message(qtbot, "替换"), "导入")
    wait_for_ops(qtbot)
    box = wait_for_message(qtbot, "已从 电工四级细目表.csv 导入细目表")
    close_messages()
    assert box is not None
    with session_as(staffed_vault, clock) as session:
        table = elements.table(session, bank)
    assert "AA002" in table.nodes and table.nodes["AA002"].name == "电工职业守则"
    assert f"{len(table.points())} 个鉴定点" in page.summary.text()


def test_the_element_delegates_edit_weights_and_importance(keeper_window: MainWindow) -> None:
    editor = _page(keeper_window).edit_elements()
    assert editor is not None
    delegate = editor.tree.itemDelegate()
    model = editor.tree.model()
    scope, point = editor.item_for("AA"), editor.item_for("AA001")
    assert scope is not None and point is not None
    weight = editor.tree.indexFromItem(scope, WEIGHT)
    spin = delegate.createEditor(editor.tree, QStyleOptionViewItem(), weight)
    assert isinstance(spin, QDoubleSpinBox)
    delegate.setEditorData(spin, weight)
    assert spin.value() == 60
    spin.setValue(55)
    delegate.setModelData(spin, model, weight)
    assert editor.data_of("AA", WEIGHT) == 55
    assert scope.text(WEIGHT) == "55"
    assert "「A」下鉴定范围（AA、AB）比重合计 95，应为 100。" in editor.problem_texts()
    assert editor.item_for("A").text(SUM) == "95"  # type: ignore[union-attr]
    importance = editor.tree.indexFromItem(point, IMPORTANCE)
    combo = delegate.createEditor(editor.tree, QStyleOptionViewItem(), importance)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("Z"))
    delegate.setModelData(combo, model, importance)
    assert point.text(IMPORTANCE) == "Z 辅助要素"
    assert editor.nodes()[2] == ElementNode("AA001", "欧姆定律", None, Importance.Z)
    code = editor.tree.indexFromItem(point, 0)
    assert delegate.createEditor(editor.tree, QStyleOptionViewItem(), code) is None
    assert delegate.createEditor(editor.tree, QStyleOptionViewItem(),
                                 editor.tree.indexFromItem(point, WEIGHT)) is None

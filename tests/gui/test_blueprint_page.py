"""The 组卷方案 page: live cell table and feasibility, refusals, save, review, lock, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType, Status
from bankstation.domain.roles import Role
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.blueprint_tables import WeightColumn, col
from bankstation.gui.pages.blueprint_editor import BlueprintEditor
from bankstation.gui.pages.blueprints import BlueprintsPage
from bankstation.services import accounts, blueprints, station
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import answer, close_messages, wait_for_message, wait_for_ops
from tests.papers import conftest as papers_data
from tests.support import FakeClock, login, pledge

# The 电工 bank of 192 approved questions and its approved blueprint, as tests/papers has them.
bank = papers_data.bank
approved_blueprint = papers_data.approved_blueprint

KEEPER = ("keeper", "keeper-pass-1")
REVIEWER = ("reviewer", "reviewer-pass-1")


def open_page(window: MainWindow) -> BlueprintsPage:
    page = window.show_page("组卷方案")
    assert isinstance(page, BlueprintsPage)
    return page


def new_blueprint(qtbot: QtBot, page: BlueprintsPage) -> BlueprintEditor:
    wait_for_ops(qtbot)
    page.new_blueprint()
    wait_for_ops(qtbot)
    assert page.editor.blueprint() is not None
    return page.editor


def set_sections(editor: BlueprintEditor, rows: list[tuple[QType, int, float]]) -> None:
    model = editor.sections
    while len(model.rows) > len(rows):
        model.remove_row(len(model.rows) - 1)
    while len(model.rows) < len(rows):
        model.add_row()
    for r, (qtype, count, points) in enumerate(rows):
        assert model.setData(model.index(r, 0), qtype.value)
        assert model.setData(model.index(r, 1), count)
        assert model.setData(model.index(r, 2), points)


def set_weights(editor: BlueprintEditor, weights: dict[str, float]) -> None:
    model = editor.weights
    for r, row in enumerate(model.rows):
        if row.code in weights:
            assert model.setData(model.index(r, col(WeightColumn.WEIGHT)), weights[row.code])


def cell_table(editor: BlueprintEditor) -> dict[str, dict[str, int]]:
    """What the cell table view shows, as {scope: {qtype: n}} (zeros left out)."""
    model = editor.cells
    out: dict[str, dict[str, int]] = {}
    for r in range(model.rowCount() - 1):  # the last row is the total
        scope = str(model.data(model.index(r, 0))).split()[0]
        out[scope] = {q.value: int(model.data(model.index(r, c + 1)))
                      for c, q in enumerate(model.qtypes)
                      if int(model.data(model.index(r, c + 1)))}
    return out


def wait_for_verdict(qtbot: QtBot, editor: BlueprintEditor, fragment: str) -> str:
    qtbot.waitUntil(lambda: fragment in editor.feasibility.plain_text(), timeout=15_000)
    return editor.feasibility.plain_text()


def test_the_cell_table_follows_counts_and_weights_live(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, bank: int
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    editor = new_blueprint(qtbot, page)
    set_sections(editor, [(QType.JUDGE, 10, 10)])
    set_weights(editor, {"A": 40, "B": 60})
    assert cell_table(editor) == {"A": {"judge": 4}, "B": {"judge": 6}}
    set_sections(editor, [(QType.JUDGE, 10, 2), (QType.SINGLE, 20, 3), (QType.MULTIPLE, 5, 4)])
    set_weights(editor, {"A": 33.3, "B": 66.7})
    bp = editor.blueprint()
    assert bp is not None
    assert cell_table(editor) == {k: {q: n for q, n in v.items() if n}
                                  for k, v in bp.derived_cells().items()}
    assert cell_table(editor)["A"] == {"judge": 3, "single": 7, "multiple": 2}
    assert editor.total.text() == "合计 35 题，100 分"
    assert editor.cells.data(editor.cells.index(2, 4)) == "35"  # the grand total


def test_a_total_other_than_100_is_shown_and_saving_is_refused(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow, bank: int
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    editor = new_blueprint(qtbot, page)
    set_sections(editor, [(QType.JUDGE, 10, 2), (QType.SINGLE, 25, 3)])
    assert "应为 100 分" in editor.total.text()
    assert "总分为 95 分，应为满分 100 分。" in editor.errors()
    page.submit_button.click()
    wait_for_message(qtbot, "总分为 95 分，应为满分 100 分。")
    close_messages()
    assert [r.qtype for r in editor.sections.rows] == [QType.JUDGE, QType.SINGLE]
    assert page.current is None and page.model.rowCount() == 0
    check = login(staffed_vault, clock, *KEEPER)
    assert blueprints.list_blueprints(check) == []
    station.logout(check)


def test_the_feasibility_panel_says_how_many_forms_or_names_the_short_cell(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, bank: int
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    editor = new_blueprint(qtbot, page)
    set_sections(editor, [(QType.JUDGE, 10, 2), (QType.SINGLE, 20, 3), (QType.MULTIPLE, 5, 4)])
    set_weights(editor, {"A": 40, "B": 60})
    for level in ("X", "Y", "Z"):
        editor.rules.bound_checks[level].setChecked(False)
    text = wait_for_verdict(qtbot, editor, "题库可支持")
    assert "套" in text and editor.feasibility.feasible is True
    # 100 judge questions: scope A needs 40, the bank has 4 points × 8 of them
    set_sections(editor, [(QType.JUDGE, 100, 1)])
    text = wait_for_verdict(qtbot, editor, "不能满足")
    assert "鉴定范围 A 的判断题需要 40 道，可用 32 道" in text
    assert "鉴定范围 B 的判断题需要 60 道，可用 32 道" in text
    assert editor.feasibility.feasible is False


def test_a_weight_unlike_the_element_table_is_a_warning_never_corrected(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, bank: int
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    editor = new_blueprint(qtbot, page)
    assert [(r.code, r.table_weight) for r in editor.weights.rows] == [("A", 40), ("B", 60)]
    set_weights(editor, {"A": 50, "B": 50})
    messages_now = editor.problems.messages()
    assert any("「A 基础知识」在方案中占 50%，而细目表比重为 40%" in m for m in messages_now)
    assert not editor.errors()
    page.draft_button.click()
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.status is Status.DRAFT
    assert page.current.blueprint.weights == {"A": 50.0, "B": 50.0}  # saved as written
    assert editor.weights.weights() == {"A": 50.0, "B": 50.0}


@pytest.fixture
def keeper_reviewer(staffed_vault: Path, clock: FakeClock) -> tuple[str, str]:
    """An account that both writes and reviews blueprints (allowed: roles combine)."""
    admin = login(staffed_vault, clock)
    accounts.add_account(admin, "lixm", "李晓明", frozenset({Role.KEEPER, Role.REVIEWER}),
                         pledge("BM-lixm"), "lixm-pass-2026")
    station.logout(admin)
    return ("lixm", "lixm-pass-2026")


def test_saved_for_review_then_approved_by_another_reviewer_not_the_author(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow, bank: int,
    keeper_reviewer: tuple[str, str],
) -> None:
    window = make_window(staffed_vault, *keeper_reviewer)
    page = open_page(window)
    editor = new_blueprint(qtbot, page)
    editor.title.setText("电工（四级）理论知识测试方案")
    page.submit_button.click()
    wait_for_ops(qtbot)
    stored = page.current
    assert stored is not None and stored.status is Status.SUBMITTED
    assert page.model.rowCount() == 1
    assert not page.approve_button.isEnabled()
    assert page.review_note.text() == "本方案由您编写，须由其他审核员审核。"
    window.close()
    qtbot.waitUntil(lambda: window._finished, timeout=15_000)

    page = open_page(make_window(staffed_vault, *REVIEWER))
    wait_for_ops(qtbot)
    page.select(stored.id)
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.id == stored.id
    assert page.editor.read_only and not page.draft_button.isVisible()
    assert page.approve_button.isEnabled()
    page.approve_button.click()
    answer(wait_for_message(qtbot, "确定审核通过"), "审核通过")
    wait_for_ops(qtbot)
    assert page.current.status is Status.APPROVED
    assert "已审核通过并锁定" in page.state.text() and stored.sha256 in page.state.text()
    check = login(staffed_vault, clock, *KEEPER)
    approved = blueprints.get(check, stored.id)
    station.logout(check)
    assert approved.status is Status.APPROVED and approved.reviewer == "reviewer"


def test_a_reviewer_rejects_with_a_reason(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow, bank: int
) -> None:
    keeper = login(staffed_vault, clock, *KEEPER)
    data = json.dumps(papers_data.blueprint_dict())
    stored, _w = blueprints.save(keeper, bank, blueprints.parse(data))
    station.logout(keeper)
    page = open_page(make_window(staffed_vault, *REVIEWER))
    wait_for_ops(qtbot)
    page.select(stored.id)
    wait_for_ops(qtbot)
    dialog = page.reject()
    assert dialog is not None
    dialog.ok_button.click()
    wait_for_message(qtbot, "请写明理由。")
    close_messages()
    dialog.reason.setPlainText("判断题比重偏高")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_for_ops(qtbot)
    assert page.current is not None and page.current.status is Status.REJECTED
    assert "退回理由：判断题比重偏高" in page.state.text()


def test_an_approved_blueprint_is_locked_and_a_change_is_a_new_version(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow,
    approved_blueprint: int,
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    wait_for_ops(qtbot)
    page.select(approved_blueprint)
    wait_for_ops(qtbot)
    editor = page.editor
    assert editor.read_only and editor.title.isReadOnly()
    assert not page.submit_button.isEnabled() and page.new_version_button.isVisible()
    assert page.current is not None
    assert page.current.sha256 in page.state.text()
    assert not editor.sections.flags(editor.sections.index(0, 1)) & \
        editor.sections.flags(editor.sections.index(0, 1)).ItemIsEditable
    wait_for_verdict(qtbot, editor, "题库可支持")
    page.new_version_button.click()
    assert not editor.read_only and "第 2 版" in page.state.text()
    editor.rules.rest_days.setValue(60)
    page.submit_button.click()
    wait_for_ops(qtbot)
    assert page.current.version == 2 and page.current.status is Status.SUBMITTED
    check = login(staffed_vault, clock, *KEEPER)
    first = blueprints.get(check, approved_blueprint, version=1)
    station.logout(check)
    assert first.status is Status.APPROVED and first.blueprint.rest_days == 30


def test_export_then_import_gives_the_same_blueprint(
    qtbot: QtBot, tmp_path: Path, staffed_vault: Path, make_window: MakeWindow,
    approved_blueprint: int,
) -> None:
    page = open_page(make_window(staffed_vault, *KEEPER))
    wait_for_ops(qtbot)
    page.select(approved_blueprint)
    wait_for_ops(qtbot)
    assert page.current is not None
    sha = page.current.sha256
    path = tmp_path / "方案.json"
    page.export_file(path)
    wait_for_ops(qtbot)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "bankstation.blueprint/1" and data["weights"] == {"A": 40, "B": 60}
    page.import_file(path)
    wait_for_ops(qtbot)
    assert page.current is None and "新方案" in page.state.text()
    bp = page.editor.blueprint()
    assert bp is not None and bp.sha256() == sha
    (tmp_path / "bad.json").write_text('{"format": "bankstation.blueprint/1"}', encoding="utf-8")
    page.import_file(tmp_path / "bad.json")
    wait_for_message(qtbot, "组卷方案文件有问题，未导入")
    close_messages()
    assert page.editor.blueprint() == bp  # what was in the editor stays


def test_locking_keeps_unsaved_edits_and_unlocking_reloads(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, approved_blueprint: int,
) -> None:
    window = make_window(staffed_vault, "assembler", "assembler-pass-1")
    page = open_page(window)
    wait_for_ops(qtbot)
    page.select(approved_blueprint)
    wait_for_ops(qtbot)
    page.new_version_button.click()
    page.editor.rules.rest_days.setValue(90)
    assert page.editor.is_dirty()
    window.lock()
    qtbot.waitUntil(lambda: window.ctx.session.locked, timeout=15_000)
    wait_for_ops(qtbot)
    assert page.model.rowCount() == 0  # the models hold nothing while locked
    window.lock_panel.password.setText("assembler-pass-1")
    window.lock_panel.unlock_button.click()
    wait_for_ops(qtbot)
    assert not window.locked and page.model.rowCount() == 1
    assert page.editor.rules.rest_days.value() == 90 and page.editor.is_dirty()
    assert page.current is not None and page.current.id == approved_blueprint
    assert page.selected() is not None
    assert "题库可支持" in wait_for_verdict(qtbot, page.editor, "题库可支持")

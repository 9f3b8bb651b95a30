"""The 组卷 page: forms from an approved blueprint, checked against it; reasons when it can't."""

from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType
from bankstation.domain.standards import StandardKind
from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.assembly_results import OverlapModel, StatisticsModel
from bankstation.gui.pages.assembly import AssemblyPage
from bankstation.services import assembly, banks, blueprints, elements, papers, station
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import wait_for_ops
from tests.papers import conftest as papers_data
from tests.support import FakeClock, login, sample_elements

bank = papers_data.bank
approved_blueprint = papers_data.approved_blueprint
ASSEMBLER = ("assembler", "assembler-pass-1")


def open_page(qtbot: QtBot, window: MainWindow) -> AssemblyPage:
    page = window.show_page("组卷")
    assert isinstance(page, AssemblyPage)
    wait_for_ops(qtbot)
    return page


def grid(model: StatisticsModel | OverlapModel) -> list[list[str]]:
    return [[model.text(r, c) for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def test_two_forms_with_statistics_and_overlap(
    qtbot: QtBot, qtmodeltester: ModelTester, staffed_vault: Path, clock: FakeClock,
    make_window: MakeWindow, approved_blueprint: int,
) -> None:
    page = open_page(qtbot, make_window(staffed_vault, *ASSEMBLER))
    choice = page.current()
    assert choice is not None and choice.stored.id == approved_blueprint
    assert page.forms.value() == 2
    assert re.fullmatch(r"[0-9a-f]{16}", page.seed.text())
    assert "题库可支持" in page.precheck.text()
    page.seed.setText("audit-7")
    page.run_button.click()
    assert page.running and page.busy.isVisibleTo(page) and not page.run_button.isEnabled()
    wait_for_ops(qtbot)
    assert not page.running and not page.busy.isVisibleTo(page)
    outcome = page.outcome
    assert outcome is not None and outcome.seed == "audit-7"
    assert [p["form"] for p in outcome.papers] == ["A", "B"]
    assert "种子 audit-7" in page.message_text()
    assert page.seed.text() != "audit-7"  # the next run draws anew
    # statistics: every rule of the blueprint and each form's value, none in red
    stats = grid(page.stats)
    headers = [page.stats.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["项目", "方案要求", "A卷", "B卷"]
    rows = {r[0]: r[1:] for r in stats}
    assert rows["一、判断题"] == ["10 题 × 2 分", "10 题", "10 题"]
    assert rows["总分"] == ["100 分", "100 分", "100 分"]
    assert rows["平均难度系数"][0] == "0.65 ± 0.08（0.57–0.73）"
    assert rows["重要程度 X"][0] == "≥ 60%"
    assert rows["鉴定范围 A"] == ["判断 4 · 单选 8 · 多选 2"] * 3
    assert rows["鉴定范围 B"] == ["判断 6 · 单选 12 · 多选 3"] * 3
    assert not any(page.stats.is_bad(r, c) for r in range(len(stats)) for c in range(4))
    # overlap: count and share of the paper, within 10 % (3 of 35)
    overlap = grid(page.overlap)
    assert overlap[0][0] == overlap[1][1] == "—"
    shared = int(overlap[0][1].split()[0])
    assert shared <= 3 and overlap[0][1] == overlap[1][0] == f"{shared} 题（{shared / 35:.1%}）"
    for model in (page.stats, page.overlap):
        qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    check = login(staffed_vault, clock, *ASSEMBLER)
    listed = papers.list_papers(check)
    station.logout(check)
    assert sorted(p["paper_id"] for p in listed) == sorted(p["paper_id"]
                                                          for p in outcome.papers)


def test_an_infeasible_blueprint_shows_every_reason(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow, bank: int,
) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    data = papers_data.blueprint_dict(sections=[{"qtype": "judge", "count": 100, "points": 1}])
    stored, _w = blueprints.save(keeper, bank, blueprints.parse(json.dumps(data)))
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    blueprints.approve(reviewer, stored.id)
    station.logout(reviewer)
    page = open_page(qtbot, make_window(staffed_vault, *ASSEMBLER))
    assert "鉴定范围 A 的判断题需要 40 道" in page.precheck.text()
    page.run_button.click()
    wait_for_ops(qtbot)
    text = page.message_text()
    assert "题库不能满足组卷方案，未组卷" in text
    assert "鉴定范围 A 的判断题需要 40 道，可用 32 道" in text
    assert "鉴定范围 B 的判断题需要 60 道，可用 32 道" in text
    assert page.outcome is None and page.stats.rowCount() == 0
    assert page.run_button.isEnabled()


def test_one_form_has_no_overlap_and_fewer_forms_can_be_chosen(
    qtbot: QtBot, staffed_vault: Path, make_window: MakeWindow, approved_blueprint: int,
) -> None:
    page = open_page(qtbot, make_window(staffed_vault, *ASSEMBLER))
    page.forms.setValue(1)
    wait_for_ops(qtbot)
    page.run_button.click()
    wait_for_ops(qtbot)
    assert page.outcome is not None and len(page.outcome.papers) == 1
    assert page.stats.columnCount() == 3 and grid(page.overlap) == [["—"]]
    assert page.overlap_note.text() == "只组了一套，无套间重复。"
    assert QType.JUDGE.label in grid(page.stats)[0][0]


def test_questions_still_resting_are_reused_only_with_a_note(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow,
    approved_blueprint: int,
) -> None:
    # approve papers until some cell has too few questions outside the 30-day rest
    for round_ in range(8):
        assembler = login(staffed_vault, clock, *ASSEMBLER)
        if assembly.feasibility(assembler, approved_blueprint).rested_short:
            station.logout(assembler)
            break
        outcome = assembly.assemble(assembler, approved_blueprint, seed=f"use-{round_}")
        station.logout(assembler)
        reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
        for paper in outcome.papers:
            papers.approve(reviewer, paper["paper_id"])
        station.logout(reviewer)
    else:
        raise AssertionError("the bank never ran short of rested questions")
    page = open_page(qtbot, make_window(staffed_vault, *ASSEMBLER))
    assert "回避期内用过的试题" in page.precheck.text()
    page.run_button.click()
    wait_for_ops(qtbot)
    assert page.outcome is not None and page.outcome.notes
    text = page.message_text()
    assert "注意：" in text and "使用了" in text and "回避期（30 天）内用过的试题" in text


def test_a_bank_whose_standard_was_voided_is_refused_with_the_reason(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow,
) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    bank_id = banks.create_bank(keeper, "6-31-01-03", 4, "theory", StandardKind.INDUSTRY,
                                "电工行业评价规范", "2019").id
    elements.replace(keeper, bank_id, sample_elements())
    station.logout(keeper)
    papers_data.fill_bank(staffed_vault, clock, bank_id)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    data = json.dumps(papers_data.blueprint_dict())
    stored, _w = blueprints.save(keeper, bank_id, blueprints.parse(data))
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    blueprints.approve(reviewer, stored.id)
    station.logout(reviewer)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    banks.add_standard(keeper, "6-31-01-03", StandardKind.NATIONAL, "电工国家职业技能标准",
                       "人社厅发〔2018〕145号")
    station.logout(keeper)
    page = open_page(qtbot, make_window(staffed_vault, *ASSEMBLER))
    assert page.blueprint.currentText().endswith("（题库标准已作废）")
    assert "不能用于组卷：本题库依据的" in page.precheck.text()
    assert "电工国家职业技能标准" in page.precheck.text()
    assert not page.run_button.isEnabled()

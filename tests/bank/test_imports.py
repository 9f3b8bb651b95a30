"""Importing questions through the service: plan, near-duplicates, versions, all or nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from bankstation.domain.qtypes import Status
from bankstation.services import imports, questions, station
from bankstation.services.imports import Source
from tests.support import FakeClock, login, make_bank

NEUTRAL = "在三相四线制供电系统中，中性线上"
HEADER = ["试题编号", "题型", "鉴定点", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "难度"]


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试题"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_plan_commit_versions_and_near_duplicates(staffed_vault: Path, clock: FakeClock,
                                                  tmp_path: Path) -> None:
    bank = make_bank(staffed_vault, clock)
    first = workbook(tmp_path / "a.xlsx", [
        ["Q-1", "判断题", "AA001", NEUTRAL + "不允许安装熔断器。", "", "", "", "",
         "√", "中等"],
        ["Q-2", "单项选择题", "AB001", "发现有人触电，首先应当（　）。", "切断电源", "呼救", "拉人",
         "报告", "A", 0.8],
    ])
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    plan = imports.import_questions(keeper, bank, Source(first))
    assert (len(plan.added), plan.ok, plan.warnings) == (2, True, [])
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    questions.approve_many(reviewer, bank)
    station.logout(reviewer)
    second = workbook(tmp_path / "b.xlsx", [
        ["Q-1", "判断题", "AA001", NEUTRAL + "不得安装熔断器。", "", "", "", "",
         "√", "中等"],
        ["Q-2", "单项选择题", "AB001", "发现有人触电，首先应当（　）。", "切断电源", "呼救", "拉人",
         "报告", "A", 0.8],
        ["", "判断题", "AA001", NEUTRAL + "不得安装熔断器和开关。", "", "", "",
         "", "√", "中等"],
    ])
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    plan = imports.plan_import(keeper, bank, Source(second))
    assert ([r for r, _ in plan.added], [r for r, _q, _c in plan.new_versions],
            [r for r, _q in plan.unchanged]) == ([4], [2], [3])
    assert [w.row for w in plan.warnings] == [4]
    assert "与第 2 行近似" in plan.warnings[0].message
    imports.commit_import(keeper, plan)
    q1 = questions.get(keeper, plan.new_versions[0][1])
    old = questions.version(keeper, q1.id, 1)
    station.logout(keeper)
    assert (q1.version, q1.status, old.status) == (2, Status.SUBMITTED, Status.APPROVED)
    assert "不得" in q1.content.stem and "不允许" in old.content.stem

"""Importing questions through the service: plan, near-duplicates, versions, all or nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bankstation.domain.errors import DiskFull, ValidationError
from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.domain.standards import StandardKind
from bankstation.services import (
    banks,
    duplicates,
    import_duplicates,
    imports,
    questions,
    search,
    station,
)
from bankstation.services.demo_bank import build_banks, review_all
from bankstation.services.imports import Source
from bankstation.services.resources import resource
from bankstation.services.session import Session
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
    q2 = plan.unchanged[0][1]
    third = workbook(tmp_path / "c.xlsx", [
        ["Q-1", "判断题", "AA001", NEUTRAL + "严禁安装熔断器。", "", "", "", "", "√", "中等"]])
    assert len(imports.import_questions(keeper, bank, Source(third)).edited) == 1
    new_id = max(search.question_ids(keeper, bank))
    trails = {qid: [(e.label, e.actor, e.version, e.note) for e in questions.events(keeper, qid)]
              for qid in (q1.id, q2, new_id)}
    station.logout(keeper)
    assert trails[q1.id] == [
        ("导入试题（新增）", "keeper", 1, "来自 a.xlsx"),
        ("审核通过试题", "reviewer", 1, None),
        ("导入试题（新版本）", "keeper", None, "来自 b.xlsx"),
        ("导入试题（修改）", "keeper", None, "来自 c.xlsx")]
    assert [t[0] for t in trails[q2]] == ["导入试题（新增）", "审核通过试题"]  # unchanged in b
    assert trails[new_id] == [("导入试题（新增）", "keeper", 1, "来自 b.xlsx")]
    assert (q1.version, q1.status, old.status) == (2, Status.SUBMITTED, Status.APPROVED)
    assert "不得" in q1.content.stem and "不允许" in old.content.stem


def test_over_the_near_duplicate_limits_the_import_says_it_did_not_check(
        staffed_vault: Path, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = make_bank(staffed_vault, clock)
    twins = workbook(tmp_path / "twins.xlsx", [
        ["", "判断题", "AA001", NEUTRAL + "不得安装熔断器。", "", "", "", "", "√", "中等"],
        ["", "判断题", "AA001", NEUTRAL + "不得安装熔断器和开关。", "", "", "", "", "√", "中等"],
    ])
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    checked = imports.plan_import(keeper, bank, Source(twins))
    monkeypatch.setattr(import_duplicates, "WHOLE_LIMIT", 1)
    by_rows = imports.plan_import(keeper, bank, Source(twins))  # 2 rows: indexed alone
    monkeypatch.setattr(import_duplicates, "ROWS_LIMIT", 1)
    unchecked = imports.plan_import(keeper, bank, Source(twins))
    station.logout(keeper)
    assert [(w.row, w.column) for w in checked.warnings] == [(3, "题干")]
    assert by_rows.warnings == checked.warnings
    [note] = unchecked.warnings
    assert (note.row, note.column) == (None, None)
    assert note.message.startswith("文件有 2 道试题、题库有 0 道，"
                                   "超出导入时近似查重的范围（合计 1 道以内")
    assert "导入时未做近似查重" in note.message
    assert len(unchecked.added) == 2 and unchecked.ok


def test_rows_are_checked_against_a_bank_too_large_for_the_whole_join(
        staffed_vault: Path, clock: FakeClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bank = make_bank(staffed_vault, clock)
    stems = ["不得安装熔断器。", "应装设漏电保护器。", "必须可靠接地。", "严禁带电作业。"]
    first = workbook(tmp_path / "bank.xlsx", [
        ["", "判断题", "AA001", NEUTRAL + stem, "", "", "", "", "√", "中等"] for stem in stems])
    second = workbook(tmp_path / "rows.xlsx", [
        ["", "判断题", "AA001", "配电箱内必须可靠接地！", "", "", "", "", "√", "中等"],
        ["", "判断题", "AA001", NEUTRAL + "必须可靠接地。", "", "", "", "", "√", "中等"],
    ])
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    imports.import_questions(keeper, bank, Source(first))
    whole = imports.plan_import(keeper, bank, Source(second))
    monkeypatch.setattr(import_duplicates, "WHOLE_LIMIT", 3)
    monkeypatch.setattr(import_duplicates, "ROWS_LIMIT", 2)
    rows_alone = imports.plan_import(keeper, bank, Source(second))
    monkeypatch.setattr(import_duplicates, "BANK_LIMIT", 3)
    unchecked = imports.plan_import(keeper, bank, Source(second))
    grounded = search.question_ids(keeper, bank, QuestionFilter(text="必须可靠接地"))
    station.logout(keeper)
    assert [(w.row, w.message) for w in whole.warnings] == [
        (3, f"与题库中的试题 {grounded[0]} 近似（相似度 1.00），请确认不是重复试题。")]
    assert rows_alone.warnings == whole.warnings
    assert "题库 3 道以内" in unchecked.warnings[0].message


def test_a_full_disk_during_an_import_saves_nothing_and_says_so(
        staffed_vault: Path, clock: FakeClock, tmp_path: Path) -> None:
    bank = make_bank(staffed_vault, clock)
    rows: list[list[object]] = [
        [f"F-{n}", "判断题", "AA001", f"第 {n} 号配电箱的{'外壳应可靠接地' * 8}。", "", "", "", "",
         "√", "中等"] for n in range(400)]
    path = workbook(tmp_path / "big.xlsx", rows)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    vault = keeper.vault
    entries = vault.scalar("SELECT count(*) FROM ledger")
    vault.set_max_pages(int(vault.scalar("PRAGMA page_count")) + 4)
    with pytest.raises(DiskFull, match="磁盘空间不足，操作未保存"):
        imports.import_questions(keeper, bank, Source(path))
    assert search.question_ids(keeper, bank, QuestionFilter()) == []
    assert vault.scalar("SELECT count(*) FROM ledger") == entries
    vault.execute("INSERT INTO question_fts(question_fts) VALUES ('integrity-check')")
    vault.set_max_pages(1_000_000)
    plan = imports.import_questions(keeper, bank, Source(path))  # room again: all of it
    found = search.question_ids(keeper, bank, QuestionFilter(text="第 399 号配电箱"))
    station.logout(keeper)
    assert len(plan.added) == 400 and len(found) == 1


def test_export_then_import_gives_the_same_bank(staffed_vault: Path, clock: FakeClock,
                                                tmp_path: Path) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    theory, _practical = build_banks(keeper)
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    review_all(reviewer, (theory,))
    out = tmp_path / "export.xlsx"
    assert imports.export_questions(reviewer, theory, out) == 644
    station.logout(reviewer)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    copy = banks.create_bank(keeper, "6-31-01-03", 3, "theory", StandardKind.NATIONAL,
                             "电工国家职业技能标准（2018年版）").id
    imports.import_elements(keeper, copy, Source(resource("demo", "electrician-4-elements.csv")))
    plan = imports.import_questions(keeper, copy, Source(out))
    original, copied = _contents(keeper, theory), _contents(keeper, copy)
    station.logout(keeper)
    assert plan.ok
    assert len(plan.added) == 644
    assert copied == original


def test_an_export_holds_current_versions_of_the_statuses_asked_for(
        staffed_vault: Path, clock: FakeClock, tmp_path: Path) -> None:
    bank = make_bank(staffed_vault, clock)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    imports.import_questions(keeper, bank, Source(workbook(tmp_path / "in.xlsx", GOOD_ROWS)))
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    questions.approve_many(reviewer, bank)
    station.logout(reviewer)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    h1, h2, h3 = sorted(search.question_ids(keeper, bank))
    edited = replace(questions.get(keeper, h2).content, stem="我国安全电压额定值的等级是（　）。")
    questions.edit(keeper, h2, edited, submit=True)  # version 2, awaiting review
    questions.retire(keeper, h3, "过时")
    approved, both = tmp_path / "approved.xlsx", tmp_path / "both.xlsx"
    counts = (imports.export_questions(keeper, bank, approved),
              imports.export_questions(keeper, bank, both, (Status.SUBMITTED, Status.APPROVED)))
    h1_content = questions.get(keeper, h1).content
    read_back = [imports.parse_source(keeper, bank, Source(p)) for p in (approved, both)]
    station.logout(keeper)
    assert counts == (1, 2)
    assert not read_back[0].problems and not read_back[1].problems
    assert [i.content for i in read_back[0].items] == [h1_content]
    # by the statuses in the order asked for, then by id
    assert [i.content for i in read_back[1].items] == [edited, h1_content]


def _contents(session: Session, bank: int) -> list[QuestionContent]:
    ids = search.question_ids(session, bank)
    return sorted((questions.get(session, q).content for q in ids), key=lambda c: c.code or "")


GOOD_ROWS = [
    ["H-1", "判断题", "AA001", "导体的电阻与其长度成正比。", "", "", "", "", "√", "易"],
    ["H-2", "单项选择题", "AB001", "我国安全电压额定值的等级不包括（　）。", "42V", "36V", "24V",
     "220V", "D", 0.7],
    ["H-3", "多项选择题", "BA001", "三相异步电动机的调速方法有（　）。", "变极", "变频", "变转差率",
     "变相序", "ABC", "较难"],
]
MUTATIONS = st.tuples(st.integers(0, 2), st.integers(0, 9),
                      st.one_of(st.text(st.characters(blacklist_categories=("Cc", "Cs")),
                                        max_size=12), st.sampled_from(
                          ["", "E", "A", "ZZ999", "论文题", "1.5", "√×", "AB001", "9"])))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations=st.lists(MUTATIONS, max_size=4))
def test_corrupted_files_save_all_or_nothing(staffed_vault: Path, clock: FakeClock,
                                             tmp_path_factory: pytest.TempPathFactory,
                                             mutations: list[tuple[int, int, str]]) -> None:
    bank = _shared_bank(staffed_vault, clock)
    rows = [list(r) for r in GOOD_ROWS]
    for row, column, value in mutations:
        rows[row][column] = value
    path = workbook(tmp_path_factory.mktemp("fuzz") / "f.xlsx", rows)
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    before = search.question_count(keeper, bank)
    try:
        plan = imports.plan_import(keeper, bank, Source(path))
        if plan.ok:
            imports.commit_import(keeper, plan)
            saved = len(plan.added) + len(plan.new_versions) + len(plan.edited)
            assert search.question_count(keeper, bank) == before + len(plan.added)
            assert saved + len(plan.unchanged) == 3
        else:
            assert all(p.message for p in plan.problems)
            with pytest.raises(ValidationError):
                imports.commit_import(keeper, plan)
            assert search.question_count(keeper, bank) == before
    finally:
        station.logout(keeper)


_BANKS: dict[Path, int] = {}


def _shared_bank(path: Path, clock: FakeClock) -> int:
    if path not in _BANKS:
        _BANKS[path] = make_bank(path, clock)
    return _BANKS[path]


def test_a_copy_with_its_own_analysis_is_still_a_near_duplicate(
        staffed_vault: Path, clock: FakeClock, tmp_path: Path) -> None:
    bank = make_bank(staffed_vault, clock)
    stem = NEUTRAL + "不允许安装熔断器。"
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(f"题型,鉴定点,题干,答案,解析\n判断题,AA001,{stem},√,"
                     "中性线断开会使三相负载电压不平衡，烧毁用电设备。\n", encoding="utf-8")
    second.write_text(f"题型,鉴定点,题干,答案,解析,出处\n判断题,AA001,{stem},√,"
                      "依据《低压配电设计规范》，PEN 线和 N 线上严禁装设开关电器与熔断器，"
                      "以免断线后出现危险电压。,培训教程\n", encoding="utf-8")
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    imports.import_questions(keeper, bank, Source(first))
    plan = imports.import_questions(keeper, bank, Source(second))
    pairs = duplicates.find(keeper, bank)
    station.logout(keeper)
    [warning] = plan.warnings
    assert "近似（相似度 1.00）" in warning.message
    assert [(p.first, p.second, p.similarity) for p in pairs] == [(1, 2, 1.0)]

"""Assembling papers from the vault: rules met, reasons when short, reproducible, ledgered."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from bankstation.domain.errors import PermissionDenied, ValidationError
from bankstation.services import assembly, blueprints, ledger, papers, questions, station
from tests.papers.conftest import blueprint_dict
from tests.support import FakeClock, login

ASSEMBLER = ("assembler", "assembler-pass-1")


def _items(paper: dict) -> list[dict]:
    return [i for s in paper["sections"] for i in s["items"]]


def test_assembly_meets_the_blueprint(staffed_vault: Path, clock: FakeClock,
                                      approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    outcome = assembly.assemble(session, approved_blueprint, seed="s1")
    stored = blueprints.get(session, approved_blueprint)
    station.logout(session)
    assert [p["form"] for p in outcome.papers] == ["A", "B"]
    for paper in outcome.papers:
        items = _items(paper)
        assert len(items) == 35 and len({i["question_id"] for i in items}) == 35
        assert paper["total_points"] == 100
        assert paper["title"] == "电工（四级）理论知识测试试卷"  # the plan is 测试方案
        assert paper["blueprint"] == {"id": stored.id, "version": 1, "sha256": stored.sha256}
        cells = {}
        for section in paper["sections"]:
            for item in section["items"]:
                key = (item["scopes"][0], section["qtype"])
                cells[key] = cells.get(key, 0) + 1
        assert cells == {(s, q): n for s, row in stored.blueprint.derived_cells().items()
                         for q, n in row.items()}
        mean = sum(i["difficulty"] for i in items) / len(items)
        assert 0.57 <= mean <= 0.73
        assert sum(i["importance"] == "X" for i in items) >= 21
        assert [i["no"] for i in items] == list(range(1, 36))
    a, b = ({i["question_id"] for i in _items(p)} for p in outcome.papers)
    assert len(a & b) <= 3


def test_choice_options_are_shuffled_and_answers_follow(staffed_vault: Path, clock: FakeClock,
                                                        approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    paper = assembly.assemble(session, approved_blueprint, seed="opt").papers[0]
    checked = 0
    for item in _items(paper):
        if item["option_order"]:
            content = questions.get(session, item["question_id"]).content
            printed = [content.options["ABCD".index(ch)] for ch in item["option_order"]]
            keyed = {printed["ABCD".index(ch)] for ch in item["answer"]}
            assert keyed == {content.options["ABCD".index(ch)] for ch in content.answer}
            checked += 1
    station.logout(session)
    assert checked == 25
    assert any(i["option_order"] not in (None, "ABCD") for i in _items(paper))


def test_same_seed_same_papers(staffed_vault: Path, clock: FakeClock,
                               approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    first = assembly.assemble(session, approved_blueprint, seed="audit-42")
    again = assembly.assemble(session, approved_blueprint, seed="audit-42")
    other = assembly.assemble(session, approved_blueprint, seed="audit-43")
    station.logout(session)

    def shape(outcome: assembly.AssemblyOutcome) -> list[list[tuple]]:
        return [[(i["question_id"], i["version"], i["option_order"], i["answer"])
                 for i in _items(p)] for p in outcome.papers]

    assert shape(first) == shape(again)
    assert shape(first) != shape(other)


def test_shortage_is_refused_with_cells_named(staffed_vault: Path, clock: FakeClock,
                                              bank: int) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    big = blueprint_dict(sections=[{"qtype": "judge", "count": 80, "points": 1},
                                   {"qtype": "single", "count": 10, "points": 2}])
    stored, _w = blueprints.save(keeper, bank, blueprints.parse(json.dumps(big)))
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    blueprints.approve(reviewer, stored.id)
    station.logout(reviewer)
    session = login(staffed_vault, clock, *ASSEMBLER)
    with pytest.raises(assembly.Infeasible) as exc:
        assembly.assemble(session, stored.id)
    station.logout(session)
    assert exc.value.reasons == [
        "鉴定范围 B 的判断题需要 48 道，可用 32 道（已通过、未停用、互斥组各计一道）。"]


def test_only_approved_blueprints_and_assemblers(staffed_vault: Path, clock: FakeClock,
                                                 bank: int) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    stored, _w = blueprints.save(keeper, bank, blueprints.parse(json.dumps(blueprint_dict())))
    with pytest.raises(PermissionDenied):
        assembly.assemble(keeper, stored.id)
    station.logout(keeper)
    session = login(staffed_vault, clock, *ASSEMBLER)
    with pytest.raises(ValidationError, match="审核通过"):
        assembly.assemble(session, stored.id)
    station.logout(session)


def test_paper_approval_withdrawal_and_production_ledger(staffed_vault: Path, clock: FakeClock,
                                                         approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    outcome = assembly.assemble(session, approved_blueprint, seed="p")
    a, b = (p["paper_id"] for p in outcome.papers)
    with pytest.raises(PermissionDenied, match="另一人"):
        papers.approve(session, a)
    station.logout(session)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    approved = papers.approve(reviewer, a)
    papers.withdraw(reviewer, b, "印刷前发现错别字")
    with pytest.raises(ValidationError, match="理由"):
        papers.withdraw(reviewer, a, " ")
    used = questions.get(reviewer, _items(approved)[0]["question_id"]).used_count
    station.logout(reviewer)
    assert approved["approved_by"] == "reviewer" and used == 1
    sup = login(staffed_vault, clock, "supervisor", "supervisor-pass-1")
    actions = [e.action for e in ledger.production_entries(sup)]
    verified = ledger.verify(sup)
    station.logout(sup)
    assert actions == ["paper.withdraw", "paper.approve", "assembly.run"]
    assert verified.size > 0


def test_rest_days_prefer_unused_and_say_when_reused(staffed_vault: Path, clock: FakeClock,
                                                     approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    first = assembly.assemble(session, approved_blueprint, forms=1, seed="r1").papers[0]
    station.logout(session)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    papers.approve(reviewer, first["paper_id"])
    station.logout(reviewer)
    session = login(staffed_vault, clock, *ASSEMBLER)
    second = assembly.assemble(session, approved_blueprint, forms=1, seed="r2")
    station.logout(session)
    used = {i["question_id"] for i in _items(first)}
    again = {i["question_id"] for i in _items(second.papers[0])}
    # 32 per scope and type against at most 12 drawn: room to rest every used question
    assert used.isdisjoint(again)
    assert second.notes == []


def test_pairs_of_forms_respect_the_overlap_limit(staffed_vault: Path, clock: FakeClock,
                                                  approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    outcome = assembly.assemble(session, approved_blueprint, forms=3, seed="three")
    station.logout(session)
    sets = [{i["question_id"] for i in _items(p)} for p in outcome.papers]
    assert all(len(x & y) <= 3 for x, y in itertools.combinations(sets, 2))


def test_a_cell_short_of_rested_questions_names_each_reused_one(
        staffed_vault: Path, clock: FakeClock, approved_blueprint: int) -> None:
    session = login(staffed_vault, clock, *ASSEMBLER)
    first = assembly.assemble(session, approved_blueprint, seed="r1").papers
    station.logout(session)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    for paper in first:
        papers.approve(reviewer, paper["paper_id"])
    station.logout(reviewer)
    session = login(staffed_vault, clock, *ASSEMBLER)
    short = assembly.feasibility(session, approved_blueprint, forms=1).rested_short
    outcome = assembly.assemble(session, approved_blueprint, forms=1, seed="r2")
    station.logout(session)
    resting = {i["question_id"] for p in first for i in _items(p)}
    items = _items(outcome.papers[0])
    held: dict[tuple[str, str], dict[int, list[str]]] = {}
    for section in outcome.papers[0]["sections"]:
        for item in section["items"]:
            if item["question_id"] in resting:
                cell = (item["scopes"][0], section["qtype"])
                held.setdefault(cell, {})[item["question_id"]] = ["A"]
    # Two forms of 12 B-single questions each leave 8 of 32 rested for a need of 12: that
    # cell, and only a cell as short, reuses; each reused question is named with its form.
    assert short and set(held) == set(short)
    assert {(r.scope, r.qtype): r.questions for r in outcome.reused} == held
    assert all(len(questions) == short[cell] for cell, questions in held.items())
    assert len(outcome.notes) == len(held)
    for note, reuse in zip(outcome.notes, outcome.reused, strict=True):
        assert f"使用了 {len(reuse.questions)} 道回避期（30 天）内用过的试题" in note
        assert all(f"试题 {qid}（A卷）" in note for qid in reuse.questions)
    assert len(items) == 35

"""Export then import gives the same contents, for random questions at the edges."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bankstation.domain.elements import ElementNode, ElementTable, Importance
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, content_problems
from bankstation.formats.question_sheet import parse_questions
from bankstation.formats.tabular import read_tables
from bankstation.formats.workbook import write_questions
from tests.formats.strategies import (
    THEORY,
    practical_contents,
    question_lists,
    theory_contents,
)

SLOW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def table_for(items: list[QuestionContent]) -> ElementTable:
    """An element table holding every point the questions name."""
    codes = {c.point for c in items}
    scopes = {p[:i] for p in codes for i in range(1, len(p) - 2)}
    return ElementTable([ElementNode(s, "范围") for s in sorted(scopes)]
                        + [ElementNode(p, "鉴定点", None, Importance.X) for p in sorted(codes)])


def round_trip(items: list[QuestionContent], exam: str) -> list[QuestionContent]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "导出.xlsx"
        write_questions(path, items)
        parsed = parse_questions(read_tables(path.read_bytes(), path.name), table_for(items), exam)
    assert parsed.problems == [] and parsed.warnings == []
    assert [item.row for item in parsed.items] == list(range(2, len(items) + 2))
    return [item.content for item in parsed.items]


@SLOW
@given(question_lists)
def test_theory_questions_survive_export_and_import(items: list[QuestionContent]) -> None:
    assert all(content_problems(c) == [] for c in items)
    assert round_trip(items, "theory") == items


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_every_theory_type_round_trips(data: st.DataObject) -> None:
    items = [data.draw(theory_contents(qtype)).with_changes(code=None) for qtype in THEORY]
    assert [c.qtype for c in round_trip(items, "theory")] == THEORY
    assert round_trip(items, "theory") == items


@settings(max_examples=30, deadline=None)
@given(st.lists(practical_contents(), min_size=1, max_size=3, unique_by=lambda c: c.code))
def test_practical_tasks_and_their_rubrics_round_trip(items: list[QuestionContent]) -> None:
    assert all(c.qtype is QType.PRACTICAL and content_problems(c) == [] for c in items)
    assert round_trip(items, "practical") == items

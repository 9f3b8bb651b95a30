"""parse_elements: the 鉴定要素细目表 sheet, its row-level and table-level problems."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.problems import Problem
from bankstation.formats.element_sheet import parse_elements, read_elements
from bankstation.formats.tabular import read_tables
from bankstation.formats.workbook import write_elements_csv
from tests.formats.helpers import csv_bytes, xlsx_bytes

HEADER: list[object] = ["代码", "名称", "比重", "重要程度"]
GOOD: list[list[object]] = [
    ["A", "基础知识", "20", ""],
    ["AA", "电工基础", "60%", ""],
    ["AA001", "欧姆定律", "", "X"],
    ["AB", "安全知识", "40.0", ""],
    ["AB001", "安全电压", "", "核心"],
    ["B", "相关知识", "８０％", ""],
    ["BA", "电机", "", ""],
    ["BA001", "异步电动机", "", "z"],
]
EXPECTED = [
    ElementNode("A", "基础知识", 20.0), ElementNode("AA", "电工基础", 60.0),
    ElementNode("AA001", "欧姆定律", None, Importance.X), ElementNode("AB", "安全知识", 40.0),
    ElementNode("AB001", "安全电压", None, Importance.X), ElementNode("B", "相关知识", 80.0),
    ElementNode("BA", "电机"), ElementNode("BA001", "异步电动机", None, Importance.Z),
]


def parse(rows: Sequence[Sequence[object]], header: Sequence[object] = HEADER
          ) -> tuple[list[ElementNode], list[Problem]]:
    return parse_elements(read_tables(xlsx_bytes({"鉴定要素细目表": [header, *rows]}), "a.xlsx"))


def test_a_good_table_in_any_column_order() -> None:
    nodes, problems = parse(GOOD)
    assert problems == []
    assert nodes == EXPECTED
    reordered = [[r[3], r[1], r[0], r[2]] for r in [HEADER, *GOOD]]
    assert parse(reordered[1:], reordered[0]) == (EXPECTED, [])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_good_table_as_csv(encoding: str) -> None:
    tables = read_tables(csv_bytes([HEADER, *GOOD], encoding), "细目表.csv")
    assert parse_elements(tables) == (EXPECTED, [])


@pytest.mark.parametrize(("row", "column", "words"), [
    (["AA", "电工基础", "六十", ""], "比重", "不是数字"),
    (["AA001", "欧姆定律", "", "Q"], "重要程度", "无法识别"),
    (["", "没有代码", "", ""], "代码", "代码为空"),
    (["aa1", "坏代码", "", ""], "代码", "格式错误"),
    (["AA001", "欧姆定律", "", ""], "重要程度", "缺少重要程度"),
    (["AA001", "欧姆定律", "5", "X"], "比重", "不应填写比重"),
])
def test_a_bad_cell_is_reported_at_its_row_and_column(row: list[object], column: str,
                                                       words: str) -> None:
    rows = [list(r) for r in GOOD]
    index = next((i for i, r in enumerate(rows) if r[0] == row[0]), 2)
    rows[index] = row
    _, problems = parse(rows)
    assert any(p.row == index + 2 and p.column == column and words in p.message
               for p in problems), problems


def test_a_duplicate_code_is_reported_on_the_second_row() -> None:
    _, problems = parse([*GOOD, ["AA001", "又一个", "", "Y"]])
    (problem,) = problems
    assert (problem.row, problem.column) == (10, "代码") and "第 4 行" in problem.message


def test_table_problems_are_mapped_to_the_row_of_the_code_they_name() -> None:
    rows = [list(r) for r in GOOD]
    rows[3][2] = "30"  # AB: AA + AB = 90 under A
    rows.append(["CA001", "孤儿", "", "X"])
    _, problems = parse(rows)
    sums = [p for p in problems if "合计" in p.message]
    assert [(p.row, p.column) for p in sums] == [(2, "比重")]  # the row of scope A
    orphan = [p for p in problems if "上级" in p.message]
    assert [(p.row, p.column) for p in orphan] == [(10, "代码")]


def test_missing_columns_and_unknown_columns() -> None:
    _, problems = parse([["A", "x"]], ["代码", "说明"])
    (problem,) = problems
    assert problem.row == 1 and "名称、重要程度" in problem.message
    parsed = read_elements(read_tables(csv_bytes([[*HEADER, "备注"], *GOOD]), "a.csv"))
    assert parsed.problems == []
    assert [(w.row, w.column) for w in parsed.warnings] == [(1, "备注")]


def test_an_unreadable_file_gives_its_problem_and_no_nodes() -> None:
    nodes, problems = parse_elements(read_tables(b"\x00\x01garbage", "a.xlsx"))
    assert nodes == [] and len(problems) == 1


def test_elements_csv_round_trips_through_a_path_and_streams(tmp_path: Path) -> None:
    path = tmp_path / "细目表.csv"
    write_elements_csv(path, EXPECTED)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert parse_elements(read_tables(path.read_bytes(), path.name)) == (EXPECTED, [])
    binary = io.BytesIO()
    write_elements_csv(binary, EXPECTED)
    assert binary.getvalue() == path.read_bytes()
    text = io.StringIO()
    write_elements_csv(text, EXPECTED)
    assert parse_elements(read_tables(text.getvalue().encode(), "a.csv")) == (EXPECTED, [])


def test_weights_keep_their_precision_in_the_csv(tmp_path: Path) -> None:
    nodes = [ElementNode("A", "甲", 100 / 3), ElementNode("B", "乙", 200 / 3),
             ElementNode("A001", "点", None, Importance.Y), ElementNode("B001", "点", None,
                                                                         Importance.X)]
    write_elements_csv(tmp_path / "a.csv", nodes)
    parsed, problems = parse_elements(read_tables((tmp_path / "a.csv").read_bytes(), "a.csv"))
    assert parsed == nodes and problems == []

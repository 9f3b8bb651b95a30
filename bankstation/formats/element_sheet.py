"""The element table (鉴定要素细目表) sheet: columns 代码, 名称, 比重, 重要程度."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bankstation.domain.elements import ElementNode, ElementTable, Importance
from bankstation.domain.problems import Problem
from bankstation.formats.tabular import Row, Sheet, Tables, check_columns
from bankstation.formats.text_clean import code_key, nfkc

ELEMENT_COLUMNS = ("代码", "名称", "比重", "重要程度")
REQUIRED_COLUMNS = ("代码", "名称", "重要程度")
SHEET_NAMES = ("鉴定要素细目表", "细目表", "鉴定要素")
IMPORTANCE_WORDS = {"核心": "X", "核心要素": "X", "一般": "Y", "一般要素": "Y",
                    "辅助": "Z", "辅助要素": "Z"}
_WEIGHT_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*%?$")
_QUOTED_RE = re.compile(r"「([^」]+)」")
_LISTED_RE = re.compile(r"[（、]([A-Z]{1,6}(?:\d{3})?)(?=[、）])")


@dataclass
class ParsedElements:
    nodes: list[ElementNode] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def parse_elements(tables: Tables) -> tuple[list[ElementNode], list[Problem]]:
    """Nodes and errors (including the file's own and the table's rules); see read_elements."""
    parsed = read_elements(tables)
    return parsed.nodes, parsed.problems


def read_elements(tables: Tables) -> ParsedElements:
    """Nodes in file order, errors located by row and column, and warnings (unknown columns)."""
    out = ParsedElements(problems=list(tables.problems), warnings=list(tables.warnings))
    if not tables.sheets:
        return out
    sheet = tables.find(SHEET_NAMES, REQUIRED_COLUMNS)
    if sheet is None:
        out.problems.append(Problem(None, None, "找不到细目表：请把工作表命名为「鉴定要素细目表」，"
                                    "或只保留一个工作表。"))
        return out
    errors, warnings = check_columns(sheet, REQUIRED_COLUMNS, ELEMENT_COLUMNS)
    out.problems.extend(errors)
    out.warnings.extend(warnings)
    if errors:
        return out
    rows_by_code: dict[str, int] = {}
    for row in sheet.rows:
        node = _node(sheet, row, out.problems)
        if node is None:
            continue
        if node.code in rows_by_code:
            first = rows_by_code[node.code]
            message = f"代码「{node.code}」与第 {first} 行重复。"
            out.problems.append(sheet.problem(row.number, "代码", message))
            continue
        rows_by_code[node.code] = row.number
        out.nodes.append(node)
    # A cell already reported (a bad 比重 read as none) is not reported again by the table.
    reported = {(p.row, p.column) for p in out.problems}
    for problem in ElementTable(out.nodes).problems():
        located = _locate(sheet, problem, rows_by_code)
        if (located.row, located.column) not in reported:
            out.problems.append(located)
    return out


def _node(sheet: Sheet, row: Row, problems: list[Problem]) -> ElementNode | None:
    code = code_key(row.get("代码"))
    if not code:
        problems.append(sheet.problem(row.number, "代码", "代码为空。"))
        return None
    weight: float | None = None
    weight_text = nfkc(row.get("比重"))
    if weight_text:
        match = _WEIGHT_RE.match(weight_text)
        if match is None:
            problems.append(sheet.problem(row.number, "比重", f"比重「{weight_text}」不是数字"
                                          "（应填百分数，如 20 或 20%）。"))
        else:
            weight = float(match.group(1))
    importance_text = code_key(row.get("重要程度"))
    importance: Importance | None = None
    if importance_text:
        value = IMPORTANCE_WORDS.get(importance_text, importance_text)
        if value not in ("X", "Y", "Z"):
            problems.append(sheet.problem(row.number, "重要程度", f"重要程度「{importance_text}」"
                                          "无法识别，应为 X（核心）、Y（一般）或 Z（辅助）。"))
        else:
            importance = Importance(value)
    return ElementNode(code, row.get("名称"), weight, importance)


def _locate(sheet: Sheet, problem: Problem, rows_by_code: dict[str, int]) -> Problem:
    """Give a table-level problem the row of the first code it names, when there is one."""
    named = _QUOTED_RE.findall(problem.message) + _LISTED_RE.findall(problem.message)
    for code in named:
        if code in rows_by_code:
            return sheet.problem(rows_by_code[code], problem.column, problem.message)
    return sheet.problem(problem.row, problem.column, problem.message)

"""Writing the element tables (CSV with BOM) and the question workbooks (.xlsx)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from common import Question
from elements import Row
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

THEORY_COLUMNS = ("试题编号", "题型", "鉴定点", "题干", "选项A", "选项B", "选项C", "选项D",
                  "选项E", "答案", "难度", "解析", "出处", "互斥组")
PRACTICAL_COLUMNS = ("试题编号", "题型", "鉴定点", "题干", "时限", "考场准备", "考生准备",
                     "答案", "难度")
RUBRIC_COLUMNS = ("试题编号", "考核内容", "评分要素", "配分", "评分标准")
# A fixed creation time keeps the workbook properties the same on every run.
CREATED = dt.datetime(2026, 1, 5, 9, 0, 0)
WIDTHS = {"题干": 60, "解析": 40, "出处": 24, "考场准备": 40, "考生准备": 40, "答案": 24,
          "评分要素": 30, "评分标准": 44, "考核内容": 18}


def write_elements(path: Path, rows: Sequence[Row]) -> None:
    """代码,名称,比重,重要程度 — UTF-8 with BOM, as Chinese Excel expects."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(("代码", "名称", "比重", "重要程度"))
        for code, name, weight, importance in rows:
            out.writerow((code, name, "" if weight is None else weight, importance))


def theory_row(q: Question) -> tuple[Any, ...]:
    options = list(q.get("options") or [])
    options += [""] * (5 - len(options))
    return (q["code"], q["qtype"], q["point"], q["stem"], *options, q["answer"], q["diff"],
            q["why"], q["src"], q["group"])


def write_theory(path: Path, items: Sequence[Question]) -> None:
    book = _book()
    sheet = book.active
    sheet.title = "试题"
    _fill(sheet, THEORY_COLUMNS, (theory_row(q) for q in items))
    book.save(path)


def write_practical(path: Path, tasks: Sequence[dict[str, Any]],
                    rubric: Sequence[tuple[Any, ...]]) -> None:
    book = _book()
    sheet = book.active
    sheet.title = "试题"
    _fill(sheet, PRACTICAL_COLUMNS, ([t[c] for c in PRACTICAL_COLUMNS] for t in tasks))
    _fill(book.create_sheet("评分表"), RUBRIC_COLUMNS, rubric)
    book.save(path)


def _book() -> Workbook:
    book = Workbook()
    book.properties.creator = "BankStation demo generator"
    book.properties.created = CREATED
    book.properties.modified = CREATED
    return book


def _fill(sheet: Any, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append(list(row))
    for number, header in enumerate(headers, start=1):
        letter = sheet.cell(row=1, column=number).column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(header, 14)
        if header in WIDTHS:
            for cell in sheet[letter][1:]:
                cell.alignment = wrap
    sheet.freeze_panes = "A2"

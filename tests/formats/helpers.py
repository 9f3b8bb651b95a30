"""Building spreadsheet and CSV bytes for the format tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from openpyxl import Workbook

from bankstation.formats.question_sheet import QUESTION_COLUMNS, RUBRIC_COLUMNS
from bankstation.formats.tabular import Tables, read_tables

Grid = Sequence[Sequence[object]]


def xlsx_bytes(sheets: Mapping[str, Grid]) -> bytes:
    """A workbook with one sheet per entry; rows appended from A1 (None leaves a cell empty)."""
    book = Workbook()
    for index, (name, rows) in enumerate(sheets.items()):
        sheet = book.active if index == 0 else book.create_sheet(name)
        sheet.title = name
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: Grid, encoding: str = "utf-8") -> bytes:

    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(
        ["" if v is None else str(v) for v in row] for row in rows)
    return buffer.getvalue().encode(encoding)


def question_grid(rows: Sequence[Mapping[str, object]],
                  columns: Sequence[str] = QUESTION_COLUMNS) -> list[list[object]]:
    return [list(columns), *[[row.get(c) for c in columns] for row in rows]]


def question_tables(rows: Sequence[Mapping[str, object]],
                    rubric: Sequence[Mapping[str, object]] | None = None,
                    columns: Sequence[str] = QUESTION_COLUMNS) -> Tables:
    """A 试题 sheet (header in row 1, so the n-th row dict is spreadsheet row n+1), and 评分表."""
    sheets: dict[str, Grid] = {"试题": question_grid(rows, columns)}
    if rubric is not None:
        sheets["评分表"] = question_grid(rubric, RUBRIC_COLUMNS)
    return read_tables(xlsx_bytes(sheets), "试题.xlsx")


def where(problems: Sequence[object]) -> list[tuple[object, object]]:
    return [(getattr(p, "row", None), getattr(p, "column", None)) for p in problems]

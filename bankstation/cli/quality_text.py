"""`bank report` as text: the tables of the GUI's quality page, one after another."""

from __future__ import annotations

from typing import TextIO

from bankstation.cli.tables import print_table
from bankstation.domain.elements import ElementTable
from bankstation.domain.questions import QuestionRow
from bankstation.services.quality import QualityReport
from bankstation.services.quality_rows import (
    CELLS_TITLE,
    DUPLICATES_TITLE,
    HISTOGRAM_TITLE,
    IMPORTANCE_HEADERS,
    IMPORTANCE_TITLE,
    PAIR_HEADERS,
    STATUS_HEADERS,
    THIN_HEADERS,
    THIN_TITLE,
    cell_rows,
    histogram_rows,
    importance_rows,
    mean_text,
    pair_rows,
    status_row,
    thin_rows,
)

STEM_CHARS = 24


def print_report(out: TextIO, report: QualityReport, table: ElementTable,
                 rows: dict[int, QuestionRow]) -> None:
    """``rows``: the questions the near-duplicate pairs name (for their stems)."""
    print(f"{report.bank_name}（题库 {report.bank_id}）质量报告", file=out)
    if report.void_reason:
        print(f"！{report.void_reason}", file=out)
    counts = zip(STATUS_HEADERS, status_row(report), strict=True)
    print("试题：" + "，".join(f"{label} {n}" for label, n in counts), file=out)
    headers, cells = cell_rows(report, table)
    _section(out, CELLS_TITLE, headers, cells)
    _section(out, IMPORTANCE_TITLE, IMPORTANCE_HEADERS, importance_rows(report))
    _section(out, HISTOGRAM_TITLE, ["难度系数", "试题"], histogram_rows(report))
    if text := mean_text(report):
        print(text, file=out)
    _section(out, f"{THIN_TITLE}（{len(report.thin_points)} 个）", THIN_HEADERS,
             thin_rows(report))
    _section(out, f"{DUPLICATES_TITLE}（{len(report.near_duplicates)} 对）", PAIR_HEADERS,
             pair_rows(report, rows, STEM_CHARS))


def _section(out: TextIO, title: str, headers: list[str], rows: list[list[str]]) -> None:
    print(f"\n{title}", file=out)
    print_table(out, headers, rows)

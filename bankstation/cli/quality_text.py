"""`bank report` as text: the tables of the GUI's quality page, one after another."""

from __future__ import annotations

from typing import TextIO

from bankstation.cli.tables import print_table
from bankstation.domain.elements import ElementTable
from bankstation.domain.questions import QuestionRow
from bankstation.services import quality_rows as qr
from bankstation.services.quality import QualityReport

STEM_CHARS = 24


def print_report(out: TextIO, report: QualityReport, table: ElementTable,
                 rows: dict[int, QuestionRow]) -> None:
    """``rows``: the questions the near-duplicate pairs name (for their stems)."""
    print(f"{report.bank_name}（题库 {report.bank_id}）质量报告", file=out)
    if report.void_reason:
        print(f"！{report.void_reason}", file=out)
    counts = zip(qr.STATUS_HEADERS, qr.status_row(report), strict=True)
    print("试题：" + "，".join(f"{label} {n}" for label, n in counts), file=out)
    headers, cells = qr.cell_rows(report, table)
    _section(out, qr.CELLS_TITLE, headers, cells)
    _section(out, qr.IMPORTANCE_TITLE, qr.IMPORTANCE_HEADERS, qr.importance_rows(report))
    _section(out, qr.HISTOGRAM_TITLE, ["难度系数", "试题"], qr.histogram_rows(report))
    if text := qr.mean_text(report):
        print(text, file=out)
    _section(out, f"{qr.THIN_TITLE}（{len(report.thin_points)} 个）", qr.THIN_HEADERS,
             qr.thin_rows(report))
    _section(out, f"{qr.DUPLICATES_TITLE}（{len(report.near_duplicates)} 对）", qr.PAIR_HEADERS,
             qr.pair_rows(report, rows, STEM_CHARS))


def _section(out: TextIO, title: str, headers: list[str], rows: list[list[str]]) -> None:
    print(f"\n{title}", file=out)
    print_table(out, headers, rows)

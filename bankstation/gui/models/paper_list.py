"""The papers table of the 试卷 page: every form of every assembly, newest assembly first."""

from __future__ import annotations

from typing import Any, assert_never

from bankstation.domain.clock import short_time
from bankstation.domain.papers import PaperStatus
from bankstation.gui.models.base import Column, TableModel
from bankstation.services import papers

PaperRow = dict[str, Any]  # a row of papers.list_papers


class PaperColumn(Column):
    FORM = ("卷别", 3)
    STATUS = ("状态", 4)
    ASSEMBLY = ("组卷批次", 4)
    BLUEPRINT = ("组卷方案", 4)
    ASSEMBLED_BY = ("组卷人", 5)
    ASSEMBLED_AT = ("组卷时间", 10)
    APPROVED_BY = ("审定人", 5)
    NOTE = ("备注", 10)
    PAPER_ID = ("试卷编号", 10)


def status_label(status: str) -> str:
    try:
        return PaperStatus(status).label
    except ValueError:
        return status


class PapersModel(TableModel[PaperRow]):
    columns = PaperColumn
    page_size = 1000

    def fetch(self, offset: int, limit: int) -> list[PaperRow]:
        return papers.list_papers(self._ctx.session)[offset:offset + limit]

    def comes_after(self, row: PaperRow, last: PaperRow) -> bool:
        # the service's order: ORDER BY assembly DESC, form
        return (-row["assembly"], row["form"]) > (-last["assembly"], last["form"])

    def cell(self, row: PaperRow, column: PaperColumn) -> str:
        match column:
            case PaperColumn.FORM:
                return f"{row['form']}卷"
            case PaperColumn.STATUS:
                return status_label(row["status"])
            case PaperColumn.ASSEMBLY:
                return f"第 {row['assembly']} 次"
            case PaperColumn.BLUEPRINT:
                return f"方案 {row['blueprint']}"
            case PaperColumn.ASSEMBLED_BY:
                return str(row["assembled_by"])
            case PaperColumn.ASSEMBLED_AT:
                return short_time(row["assembled_at"], seconds=False)
            case PaperColumn.APPROVED_BY:
                return str(row["approved_by"] or "")
            case PaperColumn.NOTE:
                return str(row["note"] or "")
            case PaperColumn.PAPER_ID:
                return str(row["paper_id"])
        assert_never(column)

    def muted(self, row: PaperRow) -> bool:
        return bool(row["status"] == PaperStatus.WITHDRAWN.value)

    def find(self, paper_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["paper_id"] == paper_id), -1)

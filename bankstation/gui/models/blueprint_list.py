"""The blueprints table of the 组卷方案 page: each blueprint's current version."""

from __future__ import annotations

from dataclasses import dataclass
from typing import assert_never

from PySide6.QtCore import QObject

from bankstation.domain.clock import short_time
from bankstation.domain.qtypes import Status
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Column, TableModel
from bankstation.services import banks, blueprints
from bankstation.services.blueprints import StoredBlueprint

SHA_SHOWN = 12


class BlueprintColumn(Column):
    ID = ("编号", 3)
    TITLE = ("方案名称", 22)
    BANK = ("题库", 16)
    VERSION = ("版本", 3)
    STATUS = ("状态", 4)
    SHA = ("SHA-256", 8)
    AUTHOR = ("编写人", 5)
    REVIEWER = ("审核人", 5)


@dataclass(frozen=True)
class BlueprintRow:
    stored: StoredBlueprint
    bank_name: str


def review_text(stored: StoredBlueprint) -> str:
    if stored.reviewer is None:
        return ""
    return f"{stored.reviewer}（{short_time(stored.reviewed_at, seconds=False)}）"


class BlueprintsModel(TableModel[BlueprintRow]):
    columns = BlueprintColumn
    page_size = 500  # a station keeps a few dozen blueprints; one page holds them

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self.bank_id: int | None = None
        super().__init__(ctx, parent)

    def set_bank(self, bank_id: int | None) -> None:
        if bank_id != self.bank_id:
            self.bank_id = bank_id
            self.refresh()

    def fetch(self, offset: int, limit: int) -> list[BlueprintRow]:
        session = self._ctx.session
        names = {b.id: b.name for b in banks.list_banks(session)}
        rows = blueprints.list_blueprints(session, self.bank_id)[offset:offset + limit]
        return [BlueprintRow(r, names.get(r.bank_id, str(r.bank_id))) for r in rows]

    def comes_after(self, row: BlueprintRow, last: BlueprintRow) -> bool:
        return row.stored.id > last.stored.id  # the service lists by id

    def cell(self, row: BlueprintRow, column: BlueprintColumn) -> str:
        stored = row.stored
        match column:
            case BlueprintColumn.ID:
                return str(stored.id)
            case BlueprintColumn.TITLE:
                return stored.blueprint.title
            case BlueprintColumn.BANK:
                return row.bank_name
            case BlueprintColumn.VERSION:
                return f"第 {stored.version} 版"
            case BlueprintColumn.STATUS:
                return stored.status.label
            case BlueprintColumn.SHA:
                return stored.sha256[:SHA_SHOWN]
            case BlueprintColumn.AUTHOR:
                return stored.author
            case BlueprintColumn.REVIEWER:
                return review_text(stored)
        assert_never(column)

    def tooltip(self, row: BlueprintRow, column: BlueprintColumn) -> str | None:
        if column is BlueprintColumn.SHA:
            return row.stored.sha256
        if column is BlueprintColumn.STATUS and row.stored.review_note:
            return f"退回理由：{row.stored.review_note}"
        return super().tooltip(row, column)

    def muted(self, row: BlueprintRow) -> bool:
        return row.stored.status in (Status.REJECTED, Status.RETIRED)

    def find(self, blueprint_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.stored.id == blueprint_id), -1)

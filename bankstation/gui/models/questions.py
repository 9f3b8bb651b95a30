"""The question table: every id of the filter held at once, rows read a page at a time.

After Anki's browser: the ids of all matching questions (a few hundred KB for 200,000) come in
one query in the order asked for, so sorting and paging never shift; ``fetchMore`` then reads
the next page of rows for the next slice of ids, off the GUI thread.
"""

from __future__ import annotations

from typing import Any, assert_never

from PySide6.QtCore import QObject, Qt

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionFilter, QuestionRow
from bankstation.gui.formatting import short_time
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Column, Index, TableModel
from bankstation.gui.ops import run_op
from bankstation.services import search


class QuestionColumn(Column):
    ID = ("编号", 4)
    CODE = ("试题编号", 7)
    QTYPE = ("题型", 5)
    POINT = ("鉴定点", 4)
    STATUS = ("状态", 4)
    DIFFICULTY = ("难度", 3)
    STEM = ("题干", 30)
    AUTHOR = ("编写人", 5)
    UPDATED = ("更新时间", 9)
    USED = ("使用次数", 4)
    ENEMY = ("互斥组", 5)


# The service's ORDERS keys; the stem and the enemy group are not sortable.
SORT_KEYS: dict[QuestionColumn, str] = {
    QuestionColumn.ID: "id", QuestionColumn.CODE: "code", QuestionColumn.QTYPE: "qtype",
    QuestionColumn.POINT: "point", QuestionColumn.STATUS: "status",
    QuestionColumn.DIFFICULTY: "difficulty", QuestionColumn.AUTHOR: "author",
    QuestionColumn.UPDATED: "updated", QuestionColumn.USED: "used",
}


class QuestionModel(TableModel[QuestionRow]):
    columns = QuestionColumn
    page_size = 300

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self._bank_id: int | None = None
        self._filter = QuestionFilter()
        self._order, self._descending = "id", False
        self._ids: list[int] = []
        super().__init__(ctx, parent)

    # -- what is shown -----------------------------------------------------------------------
    @property
    def bank_id(self) -> int | None:
        return self._bank_id

    @property
    def filter(self) -> QuestionFilter:
        return self._filter

    @property
    def total(self) -> int:
        """Questions matching the filter (all of them, not only the rows read so far)."""
        return len(self._ids)

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def set_bank(self, bank_id: int | None) -> None:
        if bank_id != self._bank_id:
            self._bank_id = bank_id
            self.refresh()

    def set_filter(self, flt: QuestionFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        col = self._cols[column] if 0 <= column < len(self._cols) else None
        key = SORT_KEYS.get(col) if isinstance(col, QuestionColumn) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._order, self._descending):
            self._order, self._descending = key, descending
            self.refresh()

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the ids of the filter and the first page of rows, in one operation."""
        self._generation += 1
        bank_id = self._bank_id
        if self._ctx.session.locked or bank_id is None:
            self._loading = False
            self._ids = []
            self._replace([], exhausted=True)
            return
        self._loading = True
        generation, size, session = self._generation, self.page_size, self._ctx.session
        flt, order, descending = self._filter, self._order, self._descending

        def first() -> tuple[list[int], list[QuestionRow]]:
            ids = search.question_ids(session, bank_id, flt, order, descending)
            return ids, self._rows_for(ids[:size])

        run_op(self, first, lambda found: self._first_arrived(generation, *found),
               lambda exc: self._failed(generation, exc), busy_text=None)

    def _first_arrived(self, generation: int, ids: list[int], rows: list[QuestionRow]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._ids = ids
        self._replace(rows, exhausted=len(rows) >= len(ids))

    def _rows_for(self, ids: list[int]) -> list[QuestionRow]:
        found = search.question_rows(self._ctx.session, ids)
        return [found[i] for i in ids if i in found]

    def fetch(self, offset: int, limit: int) -> list[QuestionRow]:
        # On a pool thread; a page read for an older id list is dropped by its generation.
        return self._rows_for(self._ids[offset:offset + limit])

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt's API
        return super().canFetchMore(parent) and len(self._rows) < len(self._ids)

    def comes_after(self, row: QuestionRow, last: QuestionRow) -> bool:
        return True  # the id list is fixed until the next reload: nothing repeats

    # -- cells -------------------------------------------------------------------------------
    def cell(self, row: QuestionRow, column: QuestionColumn) -> str:
        match column:
            case QuestionColumn.ID:
                return str(row.id)
            case QuestionColumn.CODE:
                return row.code or ""
            case QuestionColumn.QTYPE:
                return row.qtype.label
            case QuestionColumn.POINT:
                return row.point
            case QuestionColumn.STATUS:
                return row.status.label
            case QuestionColumn.DIFFICULTY:
                return f"{row.difficulty:.2f}"
            case QuestionColumn.STEM:
                return row.stem_preview
            case QuestionColumn.AUTHOR:
                return row.author
            case QuestionColumn.UPDATED:
                return short_time(row.updated_at, seconds=False)
            case QuestionColumn.USED:
                return str(row.used_count)
            case QuestionColumn.ENEMY:
                return row.enemy_group or ""
        assert_never(column)

    def muted(self, row: QuestionRow) -> bool:
        return row.status is Status.RETIRED

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.TextAlignmentRole and index.isValid()
                and self._cols[index.column()] in NUMERIC):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def find(self, qid: int) -> int:
        """Row of question ``qid`` among the rows read so far, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == qid), -1)


NUMERIC = frozenset({QuestionColumn.ID, QuestionColumn.DIFFICULTY, QuestionColumn.USED})

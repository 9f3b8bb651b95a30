"""The question table: every id of the filter held at once, rows read a block at a time.

After Anki's browser: the ids of all matching questions (a few MB for 200,000) come in one
query in the order asked for, so the table has all its rows from the start and sorting never
shifts them. Cells are drawn from a cache of blocks of rows; a block the view asks for and the
cache lacks is read off the GUI thread (``search.question_rows``, about 2 ms for 300 rows), and
its rows are drawn when it reports back. Dragging the scroll bar to the middle of 200,000
questions costs one block and one paint, not a page for every row above it.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, assert_never, cast

from PySide6.QtCore import QModelIndex, QObject, Qt

from bankstation.domain.clock import short_time
from bankstation.domain.errors import VaultLocked
from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionFilter, QuestionRow
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.models.base import Column, Index, TableModel
from bankstation.gui.ops import run_op
from bankstation.services import search
from bankstation.services.session import Session

Block = list[QuestionRow | None]  # None: the question is gone (never, unless the vault changed)


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
    block_size = 300  # rows read at once
    max_blocks = 40  # blocks kept (12,000 rows); the least recently drawn go first

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        self._bank_id: int | None = None
        self._filter = QuestionFilter()
        self._order, self._descending = "id", False
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, Block] = OrderedDict()
        self._pending: set[int] = set()  # blocks being read
        self._failed_blocks: set[int] = set()  # not read again until the next reload
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
        """Questions matching the filter: every row of the table."""
        return len(self._ids)

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    @property
    def loading(self) -> bool:
        """The ids or a block of rows are being read."""
        return self._loading or bool(self._pending)

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
        """Read the ids of the filter again, with the blocks drawn last (the rows on screen,
        which stay until the new ones are there) or else the first."""
        self._generation += 1
        self._pending.clear()
        bank_id = self._bank_id
        if self._ctx.session.locked or bank_id is None:
            self._loading = False
            self._reset([], {})
            return
        self._loading = True
        generation, size, session = self._generation, self.block_size, self._ctx.session
        flt, order, descending = self._filter, self._order, self._descending
        wanted = list(self._blocks)[-2:] or [0]

        def read() -> tuple[list[int], dict[int, Block]]:
            ids = search.question_ids(session, bank_id, flt, order, descending)
            kept = [b for b in wanted if b * size < len(ids)] or [0]
            return ids, {b: _read_block(session, ids[b * size:(b + 1) * size]) for b in kept}

        run_op(self, read, lambda found: self._ids_arrived(generation, *found),
               lambda exc: self._failed(generation, exc), busy_text=None)

    def _ids_arrived(self, generation: int, ids: list[int], blocks: dict[int, Block]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._reset(ids, blocks)

    def _reset(self, ids: list[int], blocks: dict[int, Block]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._blocks = OrderedDict(blocks)
        self._failed_blocks.clear()
        self.endResetModel()
        self.loaded.emit()

    def _block_of(self, row: int) -> Block | None:
        """The cached block holding ``row`` (now the most recently drawn), or None."""
        number = row // self.block_size
        block = self._blocks.get(number)
        if block is not None:
            self._blocks.move_to_end(number)
        return block

    def _request(self, number: int) -> None:
        """Read block ``number`` off the GUI thread, unless it is on its way (or failed, or the
        ids themselves are being read: its rows would belong to the old list)."""
        if (number in self._pending or number in self._failed_blocks or self._loading
                or self._ctx.session.locked):
            return
        self._pending.add(number)
        generation, session = self._generation, self._ctx.session
        first = number * self.block_size
        ids = self._ids[first:first + self.block_size]
        run_op(self, lambda: _read_block(session, ids),
               lambda block: self._block_arrived(generation, number, block),
               lambda exc: self._block_failed(generation, number, exc), busy_text=None)

    def _block_arrived(self, generation: int, number: int, block: Block) -> None:
        if generation != self._generation:
            return  # reloaded meanwhile: the block belongs to the old id list
        self._pending.discard(number)
        self._blocks[number] = block
        while len(self._blocks) > self.max_blocks:
            self._blocks.popitem(last=False)
        first = number * self.block_size
        last = min(first + len(block), len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._cols) - 1))
        self.loaded.emit()

    def _block_failed(self, generation: int, number: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        if isinstance(exc, VaultLocked):
            return  # locked while the block was read; the unlock reloads
        self._failed_blocks.add(number)  # one message, not one per repaint
        messages.show_failure(None, exc)

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._ids)

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802 - Qt's API
        return False  # every row is there from the start

    def fetchMore(self, parent: Index) -> None:  # noqa: N802 - Qt's API
        return

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = cast(QuestionColumn, self._cols[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        block = self._block_of(index.row())
        if block is None:
            self._request(index.row() // self.block_size)
            # until the block is there, a row shows its id (which the model already has)
            if role == Qt.ItemDataRole.DisplayRole and column is QuestionColumn.ID:
                return str(self._ids[index.row()])
            return None
        row = block[index.row() % self.block_size]
        return None if row is None else self.role_value(row, column, role)

    # -- for pages ---------------------------------------------------------------------------
    def row_at(self, row: int) -> QuestionRow | None:
        """The row's question if its block is read (without asking for it), else None."""
        if not 0 <= row < len(self._ids):
            return None
        block = self._blocks.get(row // self.block_size)
        return block[row % self.block_size] if block is not None else None

    def id_at(self, row: int) -> int | None:
        """The question on ``row``: known for every row, read or not."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def find(self, qid: int) -> int:
        """Row of question ``qid``, or -1."""
        try:
            return self._ids.index(qid)
        except ValueError:
            return -1

    def ensure_rows(self, first: int, last: int) -> None:
        """Ask for the blocks of rows ``first``..``last`` (what painting them would ask)."""
        for number in range(max(first, 0) // self.block_size,
                            min(last, len(self._ids) - 1) // self.block_size + 1):
            if number not in self._blocks:
                self._request(number)

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


def _read_block(session: Session, ids: list[int]) -> Block:
    found = search.question_rows(session, ids)
    return [found.get(i) for i in ids]


NUMERIC = frozenset({QuestionColumn.ID, QuestionColumn.DIFFICULTY, QuestionColumn.USED})

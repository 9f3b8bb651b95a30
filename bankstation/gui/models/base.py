"""The shared table model: rows fetched a page at a time, off the GUI thread, as the view scrolls.

After Anki's browser ``DataModel``: the view asks ``canFetchMore``/``fetchMore`` when the
person scrolls near the end, so a ledger of a million entries costs one page to open. Each page
is read by a background operation (a sparse filter over a long ledger can take a second), and
the rows go in when it reports back. Models never poll: they reload when the hub says something
changed (keeping the old rows on screen until the new first page is there), and hold nothing
while the session is locked.
"""

from __future__ import annotations

import logging
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from bankstation.domain.errors import VaultLocked
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.ops import run_op

log = logging.getLogger(__name__)
RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
MUTED = QColor(128, 128, 128)


class Column(Enum):
    """A table column: its Chinese header and a default width in CJK characters."""

    header: str
    width: int

    def __new__(cls, header: str, width: int) -> Column:
        member = object.__new__(cls)
        member._value_ = len(cls.__members__)
        member.header = header
        member.width = width
        return member


class TableModel(QAbstractTableModel, Generic[RowT]):
    """Subclasses give ``columns`` and implement ``fetch``, ``comes_after`` and ``cell``; they
    set their own attributes before calling ``__init__``, which starts loading the first page.
    ``fetch`` runs on a pool thread."""

    columns: type[Column]
    page_size = 200
    loaded = Signal()  # a page went in (or the model was emptied for the lock)

    def __init__(self, ctx: Context, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._cols: list[Column] = list(self.columns)
        self._rows: list[RowT] = []
        self._offset = 0  # rows the service has handed over, repeats included
        self._exhausted = False
        self._loading = False
        self._generation = 0  # bumped by every reload; a page for an older one is dropped
        ctx.hub.changed.connect(self.refresh)
        self.refresh()

    # -- what a subclass provides ------------------------------------------------------------
    def fetch(self, offset: int, limit: int) -> list[RowT]:
        raise NotImplementedError

    def comes_after(self, row: RowT, last: RowT) -> bool:
        """Whether ``row`` sorts after ``last`` in the service's order (which is unique)."""
        raise NotImplementedError

    def cell(self, row: RowT, column: Any) -> str:
        raise NotImplementedError

    def tooltip(self, row: RowT, column: Any) -> str | None:
        text = self.cell(row, column)
        return text if len(text) > column.width else None

    def muted(self, row: RowT) -> bool:
        """Rows shown in grey (removed accounts, finished business)."""
        return False

    # -- the model ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.role_value(self._rows[index.row()], self._cols[index.column()], role)

    def role_value(self, row: RowT, column: Any, role: int) -> Any:
        """What one cell shows for ``role``: text, tooltip, or the muted colour."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and self.muted(row):
            return MUTED
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == DISPLAY
                and 0 <= section < len(self._cols)):
            return self._cols[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return (not parent.isValid() and not self._exhausted and not self._loading
                and not self._ctx.session.locked)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._load(self._offset, replace=False)

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the first page again; the rows on screen stay until it is there."""
        self._generation += 1
        if self._ctx.session.locked:
            self._loading = False
            self._replace([], exhausted=True)
            return
        self._load(0, replace=True)

    @property
    def loading(self) -> bool:
        return self._loading

    def _load(self, offset: int, replace: bool) -> None:
        self._loading = True
        generation, size = self._generation, self.page_size
        run_op(self, lambda: self.fetch(offset, size),
               lambda page: self._arrived(generation, size, page, replace),
               lambda exc: self._failed(generation, exc), busy_text=None)

    def _arrived(self, generation: int, size: int, page: list[RowT], replace: bool) -> None:
        if generation != self._generation:
            return  # reloaded meanwhile; that load brings its own page
        self._loading = False
        if replace:
            self._replace(page, exhausted=len(page) < size)
            return
        self._offset += len(page)
        self._exhausted = len(page) < size
        # Rows added since the last reload shift the next page down: it then starts with rows
        # already shown, or with newcomers that belong higher up. Only rows that sort after
        # the last one shown are kept, so nothing repeats and nothing older is skipped; the
        # newcomers appear at the next reload, which their operation's ``changed`` brings.
        fresh: list[RowT] = []
        last = self._rows[-1] if self._rows else None
        for row in page:
            if last is None or self.comes_after(row, last):
                fresh.append(row)
                last = row
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()
        self.loaded.emit()

    def _replace(self, rows: list[RowT], exhausted: bool) -> None:
        self.beginResetModel()
        self._rows, self._offset, self._exhausted = list(rows), len(rows), exhausted
        self.endResetModel()
        self.loaded.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True  # no retry loop; the next change or reload tries again
        if isinstance(exc, VaultLocked):
            return  # locked while the page was read; the unlock reloads
        messages.show_failure(None, exc)

    # -- for pages ---------------------------------------------------------------------------
    def row_at(self, row: int) -> RowT | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_of(self, column: Column) -> int:
        return self._cols.index(column)

"""版本历史: every version of a question with its review record; older versions read-only."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.clock import short_time
from bankstation.domain.questions import Question
from bankstation.gui.hub import Context
from bankstation.gui.preview import ImageCache, QuestionPreview
from bankstation.gui.reading import read
from bankstation.gui.widgets import fit_to_screen
from bankstation.services import questions
from bankstation.services.questions import QuestionEvent

HEADERS = ["版本", "状态", "编写人", "保存时间", "审核人", "审核时间", "审核意见"]
EVENT_HEADERS = ["时间", "操作人", "操作", "版本", "说明"]


def version_cells(q: Question) -> list[str]:
    return [f"第 {q.version} 版", q.status.label, q.author, short_time(q.created_at, False),
            q.reviewer or "", short_time(q.reviewed_at, False), q.review_note or ""]


class RecordTable(QTableWidget):
    """A read-only table of text rows, whole rows selected, the last column stretched."""

    def __init__(self, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def fill(self, rows: list[list[str]]) -> None:
        self.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)


class HistoryTable(RecordTable):
    """The versions of one question, newest first, as the review record shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(HEADERS, parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions: list[Question] = []

    def set_versions(self, versions: list[Question]) -> None:
        self.versions = sorted(versions, key=lambda q: -q.version)
        self.fill([version_cells(v) for v in self.versions])

    def selected_version(self) -> Question | None:
        row = self.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None


def event_cells(event: QuestionEvent) -> list[str]:
    version = f"第 {event.version} 版" if event.version else ""
    return [short_time(event.at), event.actor or "", event.label, version, event.note or ""]


class EventTable(RecordTable):
    """处理记录: every audit entry about one question, newest first, with each 退回 reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(EVENT_HEADERS, parent)

    def set_events(self, events: list[QuestionEvent]) -> None:
        self.fill([event_cells(e) for e in sorted(events, key=lambda e: -e.seq)])


class RecordTabs(QTabWidget):
    """版本 and 处理记录 of one question side by side, loaded together."""

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.versions = HistoryTable()
        self.events = EventTable()
        self.addTab(self.versions, "版本")
        self.addTab(self.events, "处理记录")

    def clear_records(self) -> None:
        self.versions.set_versions([])
        self.events.set_events([])

    def load(self, owner: QWidget, ctx: Context, qid: int,
             still_wanted: Callable[[], bool] = lambda: True) -> None:
        """Read both in the background; ``still_wanted`` drops a reply the user moved past."""
        session = ctx.session

        def fetch() -> tuple[list[Question], list[QuestionEvent]]:
            return questions.history(session, qid), questions.events(session, qid)

        def arrived(result: tuple[list[Question], list[QuestionEvent]]) -> None:
            if still_wanted():
                self.versions.set_versions(result[0])
                self.events.set_events(result[1])
                self.loaded.emit()

        read(owner, ctx, fetch, arrived)


class HistoryDialog(QDialog):
    def __init__(self, ctx: Context, qid: int, cache: ImageCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.qid = ctx, qid
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"试题 {qid} 的版本历史")
        note = QLabel("每次修改已通过的试题都生成新版本，旧版本保留不变，"
                      "已组成的试卷指向当时的版本。这里只能查看，不能修改旧版本。")
        note.setWordWrap(True)
        self.records = RecordTabs()
        self.table = self.records.versions
        self.preview = QuestionPreview(ctx, cache)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.records)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._selected)
        fit_to_screen(self, 900, 680)
        self.records.loaded.connect(self._select_newest)
        self.records.load(self, ctx, qid)

    def _select_newest(self) -> None:
        if self.table.versions:
            self.table.selectRow(0)

    def _selected(self) -> None:
        version = self.table.selected_version()
        heading = f"第 {version.version} 版（{version.status.label}）" if version else ""
        self.preview.show_content(version.content if version else None, heading)

"""题库质量报告: coverage by type and scope, thin points, importance, difficulty, duplicates."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.elements import ElementTable
from bankstation.domain.qtypes import Status
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.bank_choice import BankCombo
from bankstation.gui.histogram import Histogram
from bankstation.gui.hub import Context
from bankstation.gui.models.text_rows import TextRows
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.pages.quality_tables import (
    ALL_COLUMNS,
    ReportView,
    empty_report,
    fill,
    fit_height,
    make_table,
    make_view,
    set_headers,
)
from bankstation.gui.reading import read
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services import duplicates, elements, quality, questions, search
from bankstation.services import quality_rows as qr
from bankstation.services.quality import MIN_PER_POINT


class QualityPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        account = ctx.session.account
        self.may_act = account.has(Role.KEEPER) or account.has(Role.REVIEWER)
        self.view: ReportView | None = None
        self._stale = True
        self._generation = 0  # each refresh's number: a slower, older answer is dropped
        layout = page_layout(
            self, "题库质量报告",
            f"统计已通过审核的试题：每个鉴定点至少应有 {MIN_PER_POINT} 道；重要程度、难度分布和"
            "近似重复的试题一并列出。近似重复的两题可放入同一互斥组（不会同卷出现），或停用其一。")
        self.bank_combo = BankCombo(ctx)
        self.refresh_button = QPushButton("重新统计")
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel("题库："))
        top.addWidget(self.bank_combo)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.void_label = QLabel()
        self.void_label.setWordWrap(True)
        self.void_label.setStyleSheet(ERROR_STYLE)
        self.void_label.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.void_label)
        layout.addWidget(self.summary)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content())
        layout.addWidget(scroll, 1)
        self.bank_combo.selection.selected.connect(self._invalidate)
        ctx.hub.changed.connect(self._invalidate)

    def _content(self) -> QWidget:
        content = QWidget()
        grid = QGridLayout(content)
        self.cells = make_table(["鉴定范围", "合计"], stretch=0)
        self.statuses = make_table(qr.STATUS_HEADERS, stretch=ALL_COLUMNS)
        self.thin = make_table(qr.THIN_HEADERS, stretch=1)
        self.importance = make_table(qr.IMPORTANCE_HEADERS, stretch=ALL_COLUMNS)
        self.histogram = Histogram()
        self.mean_label = QLabel()
        self.pairs = TextRows(qr.PAIR_HEADERS)
        self.duplicates = make_view(self.pairs)
        header = self.duplicates.horizontalHeader()
        for stem in (1, 3):
            header.setSectionResizeMode(stem, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.cells_box = self._box(qr.CELLS_TITLE, self.cells)
        self.thin_box = self._box(qr.THIN_TITLE, self.thin)
        histogram_box = QGroupBox(qr.HISTOGRAM_TITLE)
        inner = QVBoxLayout(histogram_box)
        inner.addWidget(self.histogram, 1)
        inner.addWidget(self.mean_label)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.cells_box)
        left.addWidget(self.thin_box)
        left.addWidget(self._duplicates_box())
        left.addStretch(1)
        right.addWidget(self._box("试题状态", self.statuses))
        right.addWidget(self._box(qr.IMPORTANCE_TITLE, self.importance))
        right.addWidget(histogram_box, 1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return content

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _duplicates_box(self) -> QGroupBox:
        self.duplicates_box = self._box(qr.DUPLICATES_TITLE, self.duplicates)
        bar = QHBoxLayout()
        self.group_button = QPushButton("放入同一互斥组")
        self.group_button.clicked.connect(self.group_selected)
        self.retire_button = QPushButton("停用其中一题")
        self.retire_menu = QMenu(self)
        self.retire_button.setMenu(self.retire_menu)
        self.retire_menu.aboutToShow.connect(self._fill_retire_menu)
        for button in (self.group_button, self.retire_button):
            button.setVisible(self.may_act)
            bar.addWidget(button)
        bar.addStretch(1)
        layout = self.duplicates_box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(bar)
        self.duplicates.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        return self.duplicates_box

    # -- loading -----------------------------------------------------------------------------
    def _invalidate(self) -> None:
        self._stale = True
        if self.ctx.session.locked:
            self._show(None)
        elif self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's API
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Count again off the GUI thread: the counts first, then the near-duplicate pairs,
        whose search reads every text of the bank (seconds on a large one)."""
        bank = self.bank_combo.selection.bank
        self._stale = False
        self._generation += 1
        if bank is None:
            self._show(None)
            return
        session, bank_id, generation = self.ctx.session, bank.id, self._generation

        def counts() -> ReportView:
            report = quality.report(session, bank_id, near_duplicates=False)
            return ReportView(report, elements.table(session, bank_id), {}, searching=True)

        def counted(view: ReportView) -> None:
            if generation == self._generation:
                self._show(view)
                self._find_pairs(view, generation)

        self.refresh_button.setEnabled(False)
        if not read(self, self.ctx, counts, counted):
            self.refresh_button.setEnabled(True)

    def _find_pairs(self, view: ReportView, generation: int) -> None:
        session, bank_id = self.ctx.session, view.report.bank_id

        def work() -> ReportView:
            pairs = quality.duplicate_pairs(session, bank_id)
            ids = sorted({p[k] for p in pairs for k in ("first", "second")})
            return replace(view, report=replace(view.report, near_duplicates=pairs),
                           rows=search.question_rows(session, ids), searching=False)

        def found(done: ReportView) -> None:
            if generation == self._generation:
                self._show(done)

        if not read(self, self.ctx, work, found):
            self.refresh_button.setEnabled(True)

    def _show(self, view: ReportView | None) -> None:
        self.view = view
        searching = view is not None and view.searching
        self.refresh_button.setEnabled(not searching)
        report = view.report if view else empty_report()
        table = view.table if view else ElementTable([])
        self.void_label.setText(report.void_reason or "")
        self.void_label.setVisible(bool(report.void_reason))
        approved = report.by_status.get(Status.APPROVED.value, 0)
        self.summary.setText(
            f"「{report.bank_name}」共 {report.total} 道试题，其中已通过 {approved} 道；"
            f"细目表 {len(table.points())} 个鉴定点，{len(report.thin_points)} 个不足 "
            f"{MIN_PER_POINT} 道；{self._pairs_text(view)}。" if view else "")
        headers, rows = qr.cell_rows(report, table)
        set_headers(self.cells, headers, stretch=0)
        fill(self.cells, rows, (3, 12))
        fill(self.statuses, [qr.status_row(report)])
        fill(self.thin, qr.thin_rows(report), (3, 10))
        self.thin_box.setTitle(f"{qr.THIN_TITLE}（{len(report.thin_points)} 个）")
        fill(self.importance, qr.importance_rows(report), (3, 4))
        self.histogram.set_bins(report.difficulty_histogram if approved else [])
        self.mean_label.setText(qr.mean_text(report))
        self.pairs.set_rows(qr.pair_rows(report, view.rows) if view else [])
        fit_height(self.duplicates, len(self.pairs.rows), (2, 10))
        pairs = self._pairs_text(view, short=True)
        self.duplicates_box.setTitle(f"{qr.DUPLICATES_TITLE}（{pairs}）")
        self._update_buttons()

    @staticmethod
    def _pairs_text(view: ReportView | None, short: bool = False) -> str:
        if view is not None and view.searching:
            return "正在查找…" if short else "近似重复的试题查找中"
        pairs = len(view.report.near_duplicates) if view else 0
        return f"{pairs} 对" if short else f"近似重复 {pairs} 对"

    # -- near-duplicate actions --------------------------------------------------------------
    def selected_pair(self) -> tuple[int, int] | None:
        row = self.duplicates.currentIndex().row()
        if self.view is None or not 0 <= row < len(self.view.report.near_duplicates):
            return None
        if not self.duplicates.selectionModel().selectedRows():
            return None
        pair = self.view.report.near_duplicates[row]
        return int(pair["first"]), int(pair["second"])

    def _update_buttons(self) -> None:
        has = self.selected_pair() is not None
        self.group_button.setEnabled(has)
        self.retire_button.setEnabled(has)

    def group_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        session = self.ctx.session
        run_op(self, lambda: duplicates.group_pair(session, *pair),
               lambda group: self.ctx.hub.notice.emit(
                   f"试题 {pair[0]} 和 {pair[1]} 已放入互斥组「{group}」。"),
               busy_text="正在设置互斥组…", hub=self.ctx.hub)

    def _fill_retire_menu(self) -> None:
        self.retire_menu.clear()
        pair = self.selected_pair()
        if pair is None:
            return
        for qid, other in (pair, pair[::-1]):
            action = self.retire_menu.addAction(f"停用试题 {qid}（保留 {other}）")
            action.triggered.connect(lambda _c=False, q=qid, o=other: self.retire(q, o))

    def retire(self, qid: int, other: int) -> None:
        session = self.ctx.session

        def start() -> None:
            run_op(self, lambda: questions.retire(session, qid, f"与试题 {other} 近似重复"),
                   lambda _q: self.ctx.hub.notice.emit(f"试题 {qid} 已停用。"),
                   busy_text="正在停用试题…", hub=self.ctx.hub)

        messages.confirm(self, f"停用试题 {qid}？它与试题 {other} 近似重复。\n"
                               "停用后不再用于组卷，也不能再修改；已组成的试卷不受影响。",
                         start, "停用")

"""题库质量报告: coverage by type and scope, thin points, importance, difficulty, duplicates."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.elements import ElementTable, Importance
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionRow
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.bank_choice import BankCombo
from bankstation.gui.histogram import Histogram
from bankstation.gui.hub import Context
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.reading import read
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services import duplicates, elements, quality, questions, search
from bankstation.services.quality import MIN_PER_POINT, QualityReport

# Reference mix of a paper's assessment points (DESIGN.md §1); shown beside the bank's own.
IMPORTANCE_GUIDE = {"X": "≥ 80%", "Y": "≤ 15%", "Z": "≤ 5%"}


@dataclass(frozen=True)
class ReportView:
    report: QualityReport
    table: ElementTable
    rows: dict[int, QuestionRow]  # the questions named by near-duplicate pairs


def make_table(headers: list[str], rows: list[list[str]], stretch: int = -1) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    fill(table, rows)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch >= 0:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def cell_rows(report: QualityReport, table: ElementTable) -> tuple[list[str], list[list[str]]]:
    """Approved questions by top scope (rows) and type (columns), with totals."""
    used = {q for counts in report.by_qtype_scope.values() for q in counts}
    qtypes = [q for q in QType if q.value in used]
    headers = ["鉴定范围", *[q.label for q in qtypes], "合计"]
    rows = []
    for scope, counts in report.by_qtype_scope.items():
        node = table.nodes.get(scope)
        name = f"{scope} {node.name}" if node else scope
        rows.append([name, *[str(counts.get(q.value, 0)) for q in qtypes],
                     str(sum(counts.values()))])
    totals = [sum(c.get(q.value, 0) for c in report.by_qtype_scope.values()) for q in qtypes]
    rows.append(["合计", *[str(t) for t in totals], str(sum(totals))])
    return headers, rows


def status_rows(report: QualityReport) -> list[list[str]]:
    rows = [[s.label, str(report.by_status.get(s.value, 0))] for s in Status]
    return [*rows, ["合计", str(report.total)]]


def importance_rows(report: QualityReport) -> list[list[str]]:
    rows = []
    for key, share in report.importance.items():
        label = f"{key} {Importance(key).label}" if key in IMPORTANCE_GUIDE else "未标注"
        rows.append([label, f"{share:g}%", IMPORTANCE_GUIDE.get(key, "")])
    return rows


def duplicate_rows(view: ReportView) -> list[list[str]]:
    out = []
    for pair in view.report.near_duplicates:
        first, second = view.rows.get(pair["first"]), view.rows.get(pair["second"])
        out.append([str(pair["first"]), first.stem_preview if first else "",
                    str(pair["second"]), second.stem_preview if second else "",
                    f"{pair['similarity']:.0%}", "是" if pair["same_enemy_group"] else "否"])
    return out


class QualityPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        account = ctx.session.account
        self.may_act = account.has(Role.KEEPER) or account.has(Role.REVIEWER)
        self.view: ReportView | None = None
        self._stale = True
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
        self.cells = make_table(["鉴定范围", "合计"], [], stretch=0)
        self.statuses = make_table(["状态", "题数"], status_rows(self._empty()))
        self.thin = make_table(["鉴定点", "名称", "已通过"], [], stretch=1)
        self.importance = make_table(["重要程度", "占已通过试题", "参考"], [])
        self.histogram = Histogram()
        self.mean_label = QLabel()
        self.duplicates = make_table(["试题", "题干", "试题", "题干", "相似度", "同一互斥组"], [])
        for table in (self.cells, self.statuses, self.importance):
            table.setMinimumHeight(160)
        self.thin.setMinimumHeight(200)
        self.duplicates.setMinimumHeight(180)
        header = self.duplicates.horizontalHeader()
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.cells_box = self._box("按鉴定范围和题型统计（已通过）", self.cells)
        self.thin_box = self._box(f"不足 {MIN_PER_POINT} 道已通过试题的鉴定点", self.thin)
        side = QWidget()
        stack = QVBoxLayout(side)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self._box("试题状态", self.statuses))
        stack.addWidget(self._box("重要程度构成（已通过）", self.importance))
        histogram_box = QGroupBox("难度分布（已通过，难度系数）")
        inner = QVBoxLayout(histogram_box)
        inner.addWidget(self.histogram, 1)
        inner.addWidget(self.mean_label)
        grid.addWidget(self.cells_box, 0, 0)
        grid.addWidget(side, 0, 1)
        grid.addWidget(self.thin_box, 1, 0)
        grid.addWidget(histogram_box, 1, 1)
        grid.addWidget(self._duplicates_box(), 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return content

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(widget)
        return box

    def _duplicates_box(self) -> QGroupBox:
        self.duplicates_box = self._box("近似重复的试题", self.duplicates)
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
        self.duplicates.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()
        return self.duplicates_box

    def _empty(self) -> QualityReport:
        return QualityReport(0, "", None, 0, {}, {}, [], {}, [], None)

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
        """Count again (off the GUI thread: the near-duplicate search reads every question)."""
        bank = self.bank_combo.selection.bank
        self._stale = False
        if bank is None:
            self._show(None)
            return
        session, bank_id = self.ctx.session, bank.id

        def work() -> ReportView:
            report = quality.report(session, bank_id)
            ids = sorted({p[k] for p in report.near_duplicates for k in ("first", "second")})
            return ReportView(report, elements.table(session, bank_id),
                              search.question_rows(session, ids))

        def arrived(view: ReportView) -> None:
            if self.bank_combo.selection.bank_id == bank_id:
                self._show(view)

        self.refresh_button.setEnabled(False)
        if not read(self, self.ctx, work, arrived):
            self.refresh_button.setEnabled(True)

    def _show(self, view: ReportView | None) -> None:
        self.view = view
        self.refresh_button.setEnabled(True)
        report = view.report if view else self._empty()
        table = view.table if view else ElementTable([])
        self.void_label.setText(f"本题库已废止：{report.void_reason}" if report.void_reason
                                else "")
        self.void_label.setVisible(bool(report.void_reason))
        approved = report.by_status.get(Status.APPROVED.value, 0)
        self.summary.setText(
            f"「{report.bank_name}」共 {report.total} 道试题，其中已通过 {approved} 道；"
            f"细目表 {len(table.points())} 个鉴定点，{len(report.thin_points)} 个不足 "
            f"{MIN_PER_POINT} 道；近似重复 {len(report.near_duplicates)} 对。"
            if view else "")
        headers, rows = cell_rows(report, table)
        self.cells.setColumnCount(len(headers))
        self.cells.setHorizontalHeaderLabels(headers)
        self.cells.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fill(self.cells, rows if view else [])
        fill(self.statuses, status_rows(report))
        fill(self.thin, [[t["point"], t["name"], str(t["approved"])]
                         for t in report.thin_points])
        self.thin_box.setTitle(f"不足 {MIN_PER_POINT} 道已通过试题的鉴定点"
                               f"（{len(report.thin_points)} 个）")
        fill(self.importance, importance_rows(report))
        self.histogram.set_bins(report.difficulty_histogram if approved else [])
        mean = report.mean_difficulty
        self.mean_label.setText(f"平均难度系数 {mean:.3f}（目标约 0.65）" if mean is not None
                                else "")
        fill(self.duplicates, duplicate_rows(view) if view else [])
        self.duplicates_box.setTitle(f"近似重复的试题（{len(report.near_duplicates)} 对）")
        self._update_buttons()

    # -- near-duplicate actions --------------------------------------------------------------
    def selected_pair(self) -> tuple[int, int] | None:
        row = self.duplicates.currentRow()
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

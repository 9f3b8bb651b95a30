"""导入试题: pick a file (in a folder or an ISO image), preview what it would do, save it whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)

from bankstation.domain.problems import Problem
from bankstation.domain.questions import QuestionContent, preview
from bankstation.gui import messages
from bankstation.gui.bank_choice import BankCombo
from bankstation.gui.dialogs.source_pick import source_menu
from bankstation.gui.hub import Context
from bankstation.gui.models.text_rows import TextRows
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.widgets import ERROR_STYLE, OK_STYLE
from bankstation.services import imports
from bankstation.services.imports import ImportPlan, Source

QUESTION_FILTER = "试题文件 (*.xlsx *.csv *.txt);;所有文件 (*)"
QUESTION_SUFFIXES = (".xlsx", ".csv", ".txt")
TABS = ("新增", "新版本", "修改", "未变", "问题", "提示")
ADDED, NEW_VERSIONS, EDITED, UNCHANGED, PROBLEMS, WARNINGS = range(len(TABS))
CONTENT_HEADERS = ["行", "试题", "试题编号", "题型", "鉴定点", "题干"]
PROBLEM_HEADERS = ["工作表", "行", "列"]  # and the tab's own name: 问题 or 提示
PROBLEM_COLOR = QColor(176, 0, 32)


def content_row(row: int, qid: int | None, c: QuestionContent) -> list[str]:
    return [str(row), "" if qid is None else str(qid), c.code or "", c.qtype.label, c.point,
            preview(c.stem, 60)]


def problem_row(p: Problem) -> list[str]:
    return [p.sheet or "", "" if p.row is None else str(p.row), p.column or "", p.message]


def plan_rows(plan: ImportPlan, tab: int) -> list[list[str]]:
    if tab == ADDED:
        return [content_row(r, None, c) for r, c in plan.added]
    if tab == NEW_VERSIONS:
        return [content_row(r, q, c) for r, q, c in plan.new_versions]
    if tab == EDITED:
        return [content_row(r, q, c) for r, q, c in plan.edited]
    if tab == UNCHANGED:
        return [[str(r), str(q), "", "", "", ""] for r, q in plan.unchanged]
    return [problem_row(p) for p in (plan.problems if tab == PROBLEMS else plan.warnings)]


def plan_counts(plan: ImportPlan) -> list[int]:
    return [len(plan.added), len(plan.new_versions), len(plan.edited), len(plan.unchanged),
            len(plan.problems), len(plan.warnings)]


def _table(model: TextRows) -> QTableView:
    """Every row of a tab, however many: a 100,000-row file previews through a model."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class ImportPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.source: Source | None = None
        layout = page_layout(
            self, "导入试题",
            "从光盘上的文件导入试题（.xlsx、.csv 或从 Word 粘贴的 .txt）。程序先检查整个文件并列出"
            "每一处问题；没有问题时才能导入，整个文件一次存入，要么全部导入，要么一道也不导入。"
            "导入的试题为「待审核」。试题编号与库中相同的，作为该题的新版本。")
        self.bank_combo = BankCombo(ctx)
        self.bank_combo.selection.selected.connect(self.clear)
        top = QHBoxLayout()
        top.addWidget(QLabel("导入到："))
        top.addWidget(self.bank_combo)
        top.addStretch(1)
        layout.addLayout(top)
        row = QHBoxLayout()
        self.choose_button = QPushButton("选择文件")
        self.choose_button.setMenu(source_menu(self, ctx, QUESTION_FILTER, QUESTION_SUFFIXES,
                                               self.check_source))
        self.source_label = QLabel("尚未选择文件。")
        self.template_button = QPushButton("下载导入模板…")
        self.template_button.clicked.connect(self.choose_template_path)
        row.addWidget(self.choose_button)
        row.addWidget(self.source_label, 1)
        row.addWidget(self.template_button)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.models: list[TextRows] = []
        self.tables: list[QTableView] = []
        for index, name in enumerate(TABS):
            model = TextRows([*PROBLEM_HEADERS, name] if index >= PROBLEMS else CONTENT_HEADERS,
                             PROBLEM_COLOR if index == PROBLEMS else None)
            table = _table(model)
            self.models.append(model)
            self.tables.append(table)
            self.tabs.addTab(table, name)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.commit_button = QPushButton("导入")
        self.commit_button.clicked.connect(self.commit)
        bottom.addWidget(self.commit_button)
        layout.addLayout(bottom)
        ctx.hub.changed.connect(self._maybe_locked)
        self.clear()

    # -- the plan ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.plan, self.source = None, None
        self.source_label.setText("尚未选择文件。")
        self.summary.clear()
        self._show_plan(None)

    def _maybe_locked(self) -> None:
        if self.ctx.session.locked:  # the preview holds question text; drop it with the lock
            self.clear()

    def check_source(self, source: Source) -> None:
        """Check the whole file off the GUI thread and show what importing it would do."""
        bank = self.bank_combo.selection.bank
        if bank is None:
            messages.show_error(self, "请先选择要导入的题库。")
            return
        self.clear()
        self.source = source
        where = f"{source.path.name} 中的 {source.inner}" if source.inner else str(source.path)
        self.source_label.setText(f"文件：{where}")
        session, bank_id = self.ctx.session, bank.id

        def failed(exc: Exception) -> None:
            self.summary.setText(messages.describe(exc))
            self.summary.setStyleSheet(ERROR_STYLE)
            messages.show_failure(self, exc)

        run_op(self, lambda: imports.plan_import(session, bank_id, source), self._planned,
               failed, busy_text="正在检查文件…")

    def _planned(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._show_plan(plan)

    def _show_plan(self, plan: ImportPlan | None) -> None:
        counts = plan_counts(plan) if plan else [0] * len(TABS)
        for index, (name, model) in enumerate(zip(TABS, self.models, strict=True)):
            model.set_rows(plan_rows(plan, index) if plan else [])
            self.tabs.setTabText(index, f"{name} {counts[index]}" if plan else name)
        bar = self.tabs.tabBar()
        bar.setTabTextColor(PROBLEMS, PROBLEM_COLOR if counts[PROBLEMS] else bar.palette().text()
                            .color())
        writes = sum(counts[:UNCHANGED])
        self.commit_button.setEnabled(plan is not None and plan.ok and writes > 0)
        self.commit_button.setText(f"导入 {writes} 道试题" if plan and plan.ok else "导入")
        if plan is None:
            return
        if not plan.ok:
            self.summary.setText(f"文件有 {len(plan.problems)} 处问题，不能导入。请按「问题」页"
                                 "所列的行和列修改文件后重新选择；本次没有导入任何试题。")
            self.summary.setStyleSheet(ERROR_STYLE)
            self.tabs.setCurrentIndex(PROBLEMS)
        else:
            note = "" if writes else "文件中的试题与题库中的完全相同，没有需要导入的。"
            self.summary.setText(f"检查通过：{plan.summary()}。{note}")
            self.summary.setStyleSheet(OK_STYLE)
            self.tabs.setCurrentIndex(ADDED)

    def tab_counts(self) -> dict[str, str]:
        return {TABS[i]: self.tabs.tabText(i) for i in range(len(TABS))}

    # -- saving ------------------------------------------------------------------------------
    def commit(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        session = self.ctx.session
        self.commit_button.setEnabled(False)

        def done(saved: ImportPlan) -> None:
            name = saved.source
            self.clear()
            self.summary.setText(f"已导入 {name}：{saved.summary()}。导入的试题等待审核。")
            self.summary.setStyleSheet(OK_STYLE)
            messages.show_info(self, f"已导入 {name}。\n{saved.summary()}。\n"
                                     "导入的试题为「待审核」，请审核员在「审核」页审核。")

        def failed(exc: Exception) -> None:
            self.commit_button.setEnabled(True)
            messages.show_failure(self, exc)

        run_op(self, lambda: imports.commit_import(session, plan), done, failed,
               "正在导入试题…", self.ctx.hub)

    def choose_template_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存导入模板", "试题导入模板.xlsx",
                                              "Excel 工作簿 (*.xlsx)")
        if path:
            self.save_template(Path(path))

    def save_template(self, path: Path) -> None:
        def done(_none: None) -> None:
            messages.show_info(self, f"导入模板已保存到：\n{path}")

        run_op(self, lambda: imports.write_template(path), done, busy_text="正在生成导入模板…")

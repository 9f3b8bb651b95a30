"""试题: the bank's questions, filtered and searched, with a preview and every question action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.elements import ElementTable
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import Question
from bankstation.domain.roles import Role
from bankstation.gui.bank_choice import BankCombo
from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.dialogs.question_editor import QuestionEditor
from bankstation.gui.dialogs.question_history import HistoryDialog
from bankstation.gui.dialogs.reason import GroupDialog, ReasonDialog
from bankstation.gui.hub import Context
from bankstation.gui.models.questions import SORT_KEYS, QuestionColumn, QuestionModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import bar_button, page_layout
from bankstation.gui.pages.question_filters import FilterBar
from bankstation.gui.preview import ImageCache, QuestionPreview
from bankstation.gui.reading import read
from bankstation.gui.widgets import FillColumn, make_table
from bankstation.services import elements, questions

MIN_STEM_CHARS = 16  # a stem column narrower than this shows too little to tell questions apart


def question_table(model: QuestionModel) -> QTableView:
    """The table with the stem column taking the spare width (at least ``MIN_STEM_CHARS``)
    and sortable headers."""
    view = make_table(model)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    char = view.fontMetrics().horizontalAdvance("字")
    FillColumn(view, model.column_of(QuestionColumn.STEM), MIN_STEM_CHARS * char)
    return view


class BankQuestionsBase(QWidget):
    """What the questions and review pages share: the bank, its element table, the selection
    and the preview of the question selected."""

    def __init__(self, ctx: Context, model: QuestionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cache = ImageCache()
        self.table = ElementTable([])
        self.current: Question | None = None
        self._want: int | None = None  # the question to keep selected across reloads
        self.bank_combo = BankCombo(ctx)
        self.selection = self.bank_combo.selection
        self.count_label = QLabel()
        self.model = model
        self.view = question_table(model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_clicked)
        self.preview = QuestionPreview(ctx, self.cache)
        self.model.loaded.connect(self._loaded)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.selection.selected.connect(self._bank_changed)
        ctx.hub.changed.connect(self._maybe_locked)

    def bank_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("题库："))
        row.addWidget(self.bank_combo)
        row.addWidget(self.count_label)
        row.addStretch(1)
        return row

    def splitter(self, side: QWidget, orientation: Qt.Orientation) -> QSplitter:
        """The table and, beside or below it, ``side`` (which shows the preview)."""
        splitter = QSplitter(orientation)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        return splitter

    def bank(self) -> Bank | None:
        return self.selection.bank

    # -- the bank ----------------------------------------------------------------------------
    def _bank_changed(self) -> None:
        bank = self.bank()
        self._want = None
        self.model.set_bank(bank.id if bank else None)
        self.table = ElementTable([])
        self.bank_loaded(bank)
        self._show(None)
        if bank is None:
            return
        session, bank_id = self.ctx.session, bank.id

        def arrived(table: ElementTable) -> None:
            if self.selection.bank_id == bank_id:
                self.table = table
                self.table_loaded(table)

        read(self, self.ctx, lambda: elements.table(session, bank_id), arrived)

    def _maybe_locked(self) -> None:
        """Locked: the rows are gone (the model emptied itself), so are the question and its
        pictures; the unlock reads them again and selects the same question."""
        if self.ctx.session.locked:
            self._show(None)
            self.cache.images.clear()

    def bank_loaded(self, bank: Bank | None) -> None:
        """Subclasses adjust to the bank (its exam kind) before its element table arrives."""

    def table_loaded(self, table: ElementTable) -> None:
        """Subclasses use the element table once it is read."""

    def _loaded(self) -> None:
        self.count_label.setText(f"共 {self.model.total} 道" if self.bank() else "")
        self.update_buttons()  # 全部通过 and the like follow the count, not only the selection
        if self._want is not None and not self.selected_ids():
            self.select_question(self._want)

    def _sort_clicked(self, section: int, order: Qt.SortOrder) -> None:
        if list(self.model.columns)[section] in SORT_KEYS:
            self._sort = (section, order)
            return
        header = self.view.horizontalHeader()  # the stem and the group cannot be sorted by
        header.blockSignals(True)
        header.setSortIndicator(*self._sort)
        header.blockSignals(False)

    # -- the selected question ---------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The questions of the selected rows, read or not (the model knows every id)."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [q for q in map(self.model.id_at, rows) if q is not None]

    def select_question(self, qid: int) -> bool:
        """Select ``qid`` now if it is in the table (and show it), and again after the reload
        under way."""
        self._want = qid
        row = self.model.find(qid)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))
        return row >= 0

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            self._show(None)
            return
        self._want = ids[0]
        self._load(ids[0])

    def _load(self, qid: int) -> None:
        session = self.ctx.session

        def arrived(question: Question) -> None:
            if self.selected_ids() == [qid]:
                self._show(question)

        if not read(self, self.ctx, lambda: questions.get(session, qid), arrived):
            self._show(None)

    def _show(self, question: Question | None) -> None:
        self.current = question
        heading = ""
        if question is not None:
            heading = f"试题 {question.id} · 第 {question.version} 版 · {question.status.label}"
        self.preview.show_content(question.content if question else None, heading)
        self.update_buttons()

    def update_buttons(self) -> None:
        """Subclasses enable their actions for ``current`` and the selection."""

    def show_history(self) -> HistoryDialog | None:
        if self.current is None:
            return None
        dialog = HistoryDialog(self.ctx, self.current.id, self.cache, self)
        dialog.open()
        return dialog

    button = staticmethod(bar_button)


class QuestionsPage(BankQuestionsBase):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QuestionModel(ctx), parent)
        self.model.setParent(self)
        account = ctx.session.account
        self.keeper = account.has(Role.KEEPER)
        self.may_retire = self.keeper or account.has(Role.REVIEWER)
        layout = page_layout(
            self, "试题",
            "按题型、状态、鉴定范围、难度、互斥组和使用情况筛选，或全文搜索；点击列标题排序。"
            "修改已通过的试题会生成新版本，须重新审核。")
        layout.addLayout(self.bank_row())
        self.filters = FilterBar()
        self.filters.changed.connect(self.model.set_filter)
        layout.addWidget(self.filters)
        # The preview goes below: the table needs the width for its eleven columns.
        layout.addWidget(self.splitter(self.preview, Qt.Orientation.Vertical), 1)
        bar = QHBoxLayout()
        self.new_button = self.button(bar, "新建试题…", self.new_question)
        self.edit_button = self.button(bar, "修改…", self.edit_question)
        self.submit_button = self.button(bar, "提交审核", self.submit_question)
        self.group_button = self.button(bar, "设置互斥组…", self.set_group)
        self.retire_button = self.button(bar, "停用…", self.retire_question)
        bar.addStretch(1)
        self.history_button = self.button(bar, "版本历史…", self.show_history)
        for button in (self.new_button, self.edit_button, self.submit_button):
            button.setVisible(self.keeper)
        for button in (self.group_button, self.retire_button):
            button.setVisible(self.may_retire)
        layout.addLayout(bar)
        self.view.doubleClicked.connect(
            lambda _i: self.edit_question() if self.keeper else self.show_history())
        self._bank_changed()

    def bank_loaded(self, bank: Bank | None) -> None:
        exam = bank.exam if bank else None
        self.filters.set_qtypes([q for q in QType if exam is None or q.exam == exam])
        self.filters.set_table(ElementTable([]))
        self.model.set_filter(self.filters.value())

    def table_loaded(self, table: ElementTable) -> None:
        self.filters.set_table(table)
        self.update_buttons()

    def update_buttons(self) -> None:
        q, ids = self.current, self.selected_ids()
        live = q is not None and q.status is not Status.RETIRED
        self.new_button.setEnabled(self.bank() is not None and bool(len(self.table)))
        self.edit_button.setEnabled(live and bool(len(self.table)))
        self.submit_button.setEnabled(q is not None and q.status in (Status.DRAFT,
                                                                     Status.REJECTED))
        self.retire_button.setEnabled(live)
        self.group_button.setEnabled(bool(ids))
        self.history_button.setEnabled(q is not None)

    # -- actions -----------------------------------------------------------------------------
    def _editor(self, question: Question | None) -> QuestionEditor | None:
        bank = self.bank()
        if bank is None:
            return None
        editor = QuestionEditor(self.ctx, bank, self.table, question, self.cache, self)

        def saved() -> None:
            if editor.result_value is not None:
                self.select_question(editor.result_value.id)

        editor.accepted.connect(saved)
        editor.open()
        return editor

    def new_question(self) -> QuestionEditor | None:
        return self._editor(None)

    def edit_question(self) -> QuestionEditor | None:
        if self.current is None or self.current.status is Status.RETIRED:
            return None
        return self._editor(self.current)

    def submit_question(self) -> None:
        if self.current is None:
            return
        session, qid = self.ctx.session, self.current.id
        run_op(self, lambda: questions.submit(session, qid),
               lambda q: self.ctx.hub.notice.emit(f"试题 {q.id} 已提交审核。"),
               busy_text="正在提交…", hub=self.ctx.hub)

    def retire_question(self) -> FormDialog | None:
        if self.current is None:
            return None
        session, qid = self.ctx.session, self.current.id
        dialog = ReasonDialog(
            self.ctx, "停用试题", "停用",
            f"停用后试题 {qid} 不再用于组卷，也不能再修改；已组成的试卷不受影响。",
            lambda reason: questions.retire(session, qid, reason), required=False,
            parent=self)
        dialog.accepted.connect(lambda: self.ctx.hub.notice.emit(f"试题 {qid} 已停用。"))
        dialog.open()
        return dialog

    def set_group(self) -> FormDialog | None:
        ids = self.selected_ids()
        if not ids:
            return None
        session = self.ctx.session
        current = (self.current.content.enemy_group or "") if self.current else ""
        dialog = GroupDialog(self.ctx, len(ids), current,
                             lambda group: questions.set_enemy_group(session, ids, group), self)
        dialog.accepted.connect(lambda: self.ctx.hub.notice.emit(
            f"已为 {len(ids)} 道试题设置互斥组。"))
        dialog.open()
        return dialog

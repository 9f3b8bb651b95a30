"""The blueprint editor: fields, sections, weights or cells, rules; cell table and check live."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.blueprints import Blueprint, Cells, Section, rule_problems
from bankstation.domain.elements import ElementTable
from bankstation.domain.errors import VaultLocked
from bankstation.domain.feasibility import Feasibility
from bankstation.domain.qtypes import QType
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.models.blueprint_cells import CellsModel
from bankstation.gui.models.blueprint_tables import (
    SectionRow,
    SectionsModel,
    WeightRow,
    WeightsModel,
)
from bankstation.gui.ops import run_op
from bankstation.gui.pages.blueprint_delegates import (
    NumberDelegate,
    SectionDelegate,
    count_box,
    number_box,
)
from bankstation.gui.pages.blueprint_live import FeasibilityPanel, ProblemsLabel, preview
from bankstation.gui.pages.blueprint_rules import RulesBox
from bankstation.gui.pages.blueprint_widgets import default_blueprint, group_box, table_view
from bankstation.gui.pages.common import NOTE_STYLE
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services import elements

FULL_MARK = 100
FEASIBILITY_DELAY_MS = 400  # the check reads the bank; wait until the typing pauses
DEPTH_NAMES = "一二三四五六"


class BlueprintEditor(QWidget):
    """``changed`` after every edit; ``loaded`` once a blueprint is in the fields."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banks: dict[int, Bank] = {}
        self.bank_id: int | None = None
        self.table: ElementTable | None = None
        self._tables: dict[int, ElementTable] = {}
        self._loaded_sha: str | None = None
        self._filling = False
        self._check_generation = 0
        self.read_only = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FEASIBILITY_DELAY_MS)
        self._timer.timeout.connect(self._run_feasibility)
        self._build()
        ctx.hub.changed.connect(self._vault_changed)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        left, middle, right = QVBoxLayout(), QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._basic_box())
        left.addWidget(self._weights_box())
        left.addStretch(1)
        middle.addWidget(self._sections_box())
        self.rules = RulesBox()
        self.rules.changed.connect(self._edited)
        middle.addWidget(self.rules)
        middle.addStretch(1)
        self.cells = CellsModel(self)
        self.cells.edited.connect(self._edited)
        self.cells_view = table_view(self.cells)
        self.cells_view.setItemDelegate(NumberDelegate(0, self.cells_view))
        self.cells_note = QLabel()
        self.cells_note.setWordWrap(True)
        self.cells_note.setStyleSheet(NOTE_STYLE)
        right.addWidget(group_box("双向细目表（鉴定范围 × 题型，实时）", self.cells_view,
                               self.cells_note), 3)
        self.feasibility = FeasibilityPanel()
        right.addWidget(self.feasibility, 2)
        self.problems = ProblemsLabel()
        right.addWidget(self.problems)
        for column, stretch in ((left, 4), (middle, 4), (right, 5)):
            row.addLayout(column, stretch)

    def _basic_box(self) -> QGroupBox:
        box = QGroupBox("基本信息")
        form = QFormLayout(box)
        self.bank = QComboBox()
        self.bank.activated.connect(self._bank_chosen)
        self.title = QLineEdit()
        self.title.textChanged.connect(self._edited)
        self.duration = count_box(None, 600)
        self.duration.setSuffix(" 分钟")
        self.pass_score = number_box(None, 0, FULL_MARK, 1, 1)
        self.pass_score.setSuffix(" 分")
        for box_ in (self.duration, self.pass_score):
            box_.valueChanged.connect(self._edited)
        form.addRow("题库：", self.bank)
        form.addRow("方案名称：", self.title)
        form.addRow("考试时长：", self.duration)
        form.addRow("及格分：", self.pass_score)
        return box

    def _sections_box(self) -> QGroupBox:
        self.sections = SectionsModel(self)
        self.sections.edited.connect(self._edited)
        self.sections_view = table_view(self.sections, stretch=0, rows=3)
        self.sections_view.setItemDelegate(SectionDelegate(self.sections, self.sections_view))
        buttons = QHBoxLayout()
        self.add_section = QPushButton("添加题型")
        self.add_section.clicked.connect(self._add_section)
        self.remove_section = QPushButton("删除")
        self.remove_section.clicked.connect(lambda: self.sections.remove_row(self._section()))
        self.up_button = QPushButton("↑")
        self.up_button.setToolTip("上移")
        self.up_button.clicked.connect(lambda: self._move_section(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setToolTip("下移")
        self.down_button.clicked.connect(lambda: self._move_section(1))
        self.total = QLabel()
        for button in (self.add_section, self.remove_section, self.up_button, self.down_button):
            buttons.addWidget(button)
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(3 * button.fontMetrics().horizontalAdvance("字"))
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        box = group_box("题型、题量与分值（满分 100 分）", self.sections_view)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(buttons)
        return box

    def _weights_box(self) -> QGroupBox:
        self.by_weights = QRadioButton("按比重分配")
        self.by_cells = QRadioButton("直接给出双向细目表")
        self.by_weights.setChecked(True)
        self.by_weights.toggled.connect(self._mode_changed)
        self.depth_combo = QComboBox()
        self.depth_combo.activated.connect(self._depth_chosen)
        self.weights = WeightsModel(self)
        self.weights.edited.connect(self._edited)
        self.weights_view = table_view(self.weights, stretch=0, rows=5)
        self.weights_view.setItemDelegate(NumberDelegate(2, self.weights_view))
        self.weights_sum = QLabel()
        self.fill_button = QPushButton("按细目表比重填入")
        self.fill_button.setToolTip("用细目表自身的比重替换方案比重（仅在点击时）")
        self.fill_button.clicked.connect(self.weights.fill_from_table)
        modes = QHBoxLayout()
        modes.addWidget(self.by_weights)
        modes.addWidget(self.by_cells)
        modes.addStretch(1)
        depth_row = QHBoxLayout()
        depth_row.addWidget(QLabel("比重所在层级："))
        depth_row.addWidget(self.depth_combo, 1)
        sum_row = QHBoxLayout()
        sum_row.addWidget(self.weights_sum, 1)
        sum_row.addWidget(self.fill_button)
        box = group_box("考核范围与比重", self.weights_view)
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, modes)
        layout.insertLayout(1, depth_row)
        layout.addLayout(sum_row)
        return box

    # -- loading -----------------------------------------------------------------------------
    def set_banks(self, banks: list[Bank]) -> None:
        self.banks = {b.id: b for b in banks}
        self._filling = True
        try:
            self.bank.clear()
            for bank in banks:
                suffix = "（标准已作废）" if bank.voided else ""
                self.bank.addItem(f"{bank.name}{suffix}", bank.id)
            self.bank.setCurrentIndex(self.bank.findData(self.bank_id))
        finally:
            self._filling = False

    def new_blueprint(self, bank_id: int) -> None:
        def fill(table: ElementTable) -> None:
            self._fill(default_blueprint(self.banks[bank_id], table), bank_id, table)
            self._loaded_sha = None  # nothing saved yet
            self._apply_read_only()
            self.changed.emit()

        self._with_table(bank_id, fill)

    def open_blueprint(self, bp: Blueprint, bank_id: int, saved: bool) -> None:
        """Show ``bp`` of bank ``bank_id``; ``saved``: it is what the vault holds."""
        def fill(table: ElementTable) -> None:
            self._fill(bp, bank_id, table)
            self._loaded_sha = bp.sha256() if saved else None
            self._apply_read_only()
            self.changed.emit()

        self._with_table(bank_id, fill)

    def _with_table(self, bank_id: int, then: Callable[[ElementTable], None]) -> None:
        if bank_id in self._tables:
            then(self._tables[bank_id])
            return
        session = self.ctx.session

        def arrived(table: ElementTable) -> None:
            self._tables[bank_id] = table
            then(table)

        run_op(self, lambda: elements.table(session, bank_id), arrived, busy_text=None)

    def _fill(self, bp: Blueprint, bank_id: int, table: ElementTable) -> None:
        bank = self.banks[bank_id]
        self._filling = True
        try:
            self.bank_id, self.table = bank_id, table
            self.bank.setCurrentIndex(self.bank.findData(bank_id))
            self.title.setText(bp.title)
            self.title.setCursorPosition(0)  # a long title shows its beginning
            self.duration.setValue(bp.duration_minutes)
            self.pass_score.setValue(bp.pass_score)
            self.sections.qtypes = [q for q in QType if q.exam == bank.exam]
            self.sections.set_rows([SectionRow(s.qtype, s.count, s.points)
                                    for s in bp.sections])
            scopes = bp.scopes()
            depth = len(scopes[0]) if scopes else 1
            self._fill_depths(depth)
            weights = bp.weights if bp.weights is not None else self._table_weights(depth)
            self.weights.set_rows(self._weight_rows(depth, weights))
            counts = bp.cells if bp.cells is not None else self._derived(bp)
            self.by_cells.setChecked(bp.cells is not None)
            self.by_weights.setChecked(bp.cells is None)
            self._set_cells(counts, bp.cells is not None, extra=list(counts))
            self.rules.set_values(bp)
        finally:
            self._filling = False
        self._update_live()
        self.loaded.emit()

    def _fill_depths(self, depth: int) -> None:
        self.depth_combo.clear()
        depths = sorted({len(s.code) for s in self.table.scopes()} if self.table else {1})
        for d in depths:
            codes = [code for code, _name in self._scopes(d)]
            shown = "、".join(codes[:4]) + ("…" if len(codes) > 4 else "")
            self.depth_combo.addItem(f"{DEPTH_NAMES[d - 1]}级鉴定范围（{shown}）", d)
        self.depth_combo.setCurrentIndex(max(0, self.depth_combo.findData(depth)))

    def _scopes(self, depth: int) -> list[tuple[str, str]]:
        if self.table is None:
            return []
        return [(s.code, s.name) for s in self.table.scopes() if len(s.code) == depth]

    def _table_weights(self, depth: int) -> dict[str, float]:
        table = self.table
        if table is None:
            return {}
        return {code: round(table.absolute_weight(code) or 0.0, 2)
                for code, _name in self._scopes(depth)}

    def _weight_rows(self, depth: int, weights: dict[str, float]) -> list[WeightRow]:
        known = dict(self._scopes(depth))
        codes = list(known) + sorted(c for c in weights if c not in known)
        table = self.table
        return [WeightRow(code, known.get(code, "（细目表中没有）"), weights.get(code, 0.0),
                          table.absolute_weight(code) if table and code in known else None)
                for code in codes]

    # -- reading the fields ------------------------------------------------------------------
    def blueprint(self) -> Blueprint | None:
        """The blueprint as the fields say it now (None before a bank's table is loaded)."""
        bank = self.banks.get(self.bank_id) if self.bank_id is not None else None
        if bank is None or self.table is None:
            return None
        by_weights = self.by_weights.isChecked()
        return Blueprint(
            title=self.title.text().strip(), occupation=bank.occupation, level=int(bank.level),
            exam=bank.exam,
            sections=tuple(Section(r.qtype, r.count, float(r.points)) for r in self.sections.rows),
            weights=self.weights.weights() if by_weights else None,
            cells=None if by_weights else self.cells.cells(),
            duration_minutes=self.duration.value(), pass_score=round(self.pass_score.value(), 1),
            **self.rules.values())

    def is_dirty(self) -> bool:
        """Whether the fields differ from what the vault holds (a new one always does)."""
        bp = self.blueprint()
        return bp is not None and bp.sha256() != self._loaded_sha

    def errors(self) -> list[str]:
        return [p.message for p in self.problems.errors]

    def _derived(self, bp: Blueprint) -> Cells:
        try:
            return bp.derived_cells()
        except ValueError:  # every weight is zero: nothing to apportion yet
            return {}

    # -- live updates ------------------------------------------------------------------------
    def _edited(self) -> None:
        if self._filling:
            return
        self._update_live()
        self.changed.emit()

    def _update_live(self) -> None:
        bp = self.blueprint()
        if bp is None or self.table is None:
            return
        bad_total = abs(bp.total_points - FULL_MARK) > 1e-9
        self.total.setText(f"合计 {bp.item_count} 题，{bp.total_points:g} 分"
                           + (f"（应为 {FULL_MARK} 分）" if bad_total else ""))
        self.total.setStyleSheet(ERROR_STYLE if bad_total else "")
        weight_total = self.weights.total()
        self.weights_sum.setText(f"比重合计 {weight_total:g}%"
                                 + ("（应为 100%）" if abs(weight_total - 100) > 0.01 else ""))
        self.weights_sum.setStyleSheet(ERROR_STYLE if abs(weight_total - 100) > 0.01 else "")
        explicit = bp.cells is not None
        counts = self.cells.counts if explicit else self._derived(bp)
        self._set_cells(counts, explicit)
        bank = self.banks[self.bank_id or 0]
        errors, warnings = rule_problems(bp, self.table, bank.exam, FULL_MARK)
        self.problems.show_problems(errors, warnings)
        self._schedule_check()

    def _schedule_check(self) -> None:
        self.feasibility.show_pending()
        self._check_generation += 1  # a check under way is for fields that are gone
        self._timer.start()

    def _vault_changed(self) -> None:
        """The bank may have new questions, an element table may have been replaced, the
        vault may have been locked or unlocked: check again once it can be read."""
        self._tables.clear()
        if self.blueprint() is not None and not self.ctx.session.locked:
            self._schedule_check()

    def _set_cells(self, counts: Cells, explicit: bool, extra: list[str] | None = None) -> None:
        depth = self.depth_combo.currentData() or 1
        scopes = self._scopes(depth)
        known = {code for code, _n in scopes}
        for code in sorted(set(extra or []) | {c for c in counts if c not in known}):
            if code not in known:
                scopes.append((code, "（细目表中没有）"))
                known.add(code)
        qtypes = [r.qtype for r in self.sections.rows]
        targets = {r.qtype.value: r.count for r in self.sections.rows}
        self.cells.set_table(scopes, qtypes, counts, targets, explicit)
        self.cells.read_only = self.read_only
        self.cells_note.setText("直接填写各鉴定范围各题型的题数；每列合计须等于该题型题量。"
                                if explicit else
                                "各题型的题量按比重以最大余数法分到各鉴定范围，随编辑实时更新。")

    def _run_feasibility(self) -> None:
        bp = self.blueprint()
        bank_id = self.bank_id
        if bp is None or bank_id is None:
            return
        if not any(n for row in self._derived(bp).values() for n in row.values()):
            self.feasibility.show_unavailable("方案尚无可分配的题量，暂不能核算。")
            return
        generation, session = self._check_generation, self.ctx.session

        def done(verdict: Feasibility) -> None:
            if generation == self._check_generation:
                self.feasibility.show_verdict(verdict, bp.forms, bp.max_overlap)

        def failed(exc: Exception) -> None:
            if generation == self._check_generation:
                text = "题库已锁定。" if isinstance(exc, VaultLocked) else messages.describe(exc)
                self.feasibility.show_unavailable(f"未能核算：{text}")

        run_op(self, lambda: preview(session, bank_id, bp), done, failed, busy_text=None)

    # -- what the person changed -------------------------------------------------------------
    def _bank_chosen(self) -> None:
        """Another bank has other scopes and types: the blueprint starts anew for it."""
        bank_id = self.bank.currentData()
        if bank_id is None or bank_id == self.bank_id:
            return

        def back() -> None:  # the answer was no: the combo shows the bank still in use
            if self.bank_id != bank_id:
                self.bank.setCurrentIndex(self.bank.findData(self.bank_id))

        box = messages.confirm(self, "换用另一题库将按该题库的细目表重新开始本方案，"
                                     "当前填写的内容不再保留。确定换用？",
                               lambda: self.new_blueprint(int(bank_id)), "换用题库")
        box.finished.connect(lambda _r: back())

    def _mode_changed(self) -> None:
        if self._filling:
            return
        bp = self.blueprint()
        if self.by_cells.isChecked() and bp is not None:
            # start the explicit table from what the weights give now
            weights_bp = Blueprint(bp.title, bp.occupation, bp.level, bp.exam, bp.sections,
                                   weights=self.weights.weights())
            self._set_cells(self._derived(weights_bp), explicit=True)
        self._apply_read_only()
        self._edited()

    def _depth_chosen(self) -> None:
        depth = self.depth_combo.currentData() or 1
        self.weights.set_rows(self._weight_rows(depth, self._table_weights(depth)))
        if self.by_cells.isChecked():
            bp = self.blueprint()
            if bp is not None:
                weights_bp = Blueprint(bp.title, bp.occupation, bp.level, bp.exam, bp.sections,
                                       weights=self.weights.weights())
                self._set_cells(self._derived(weights_bp), explicit=True)
        self._edited()

    def _section(self) -> int:
        index = self.sections_view.currentIndex()
        return index.row() if index.isValid() else len(self.sections.rows) - 1

    def _add_section(self) -> None:
        row = self.sections.add_row()
        self.sections_view.setCurrentIndex(self.sections.index(row, 0))

    def _move_section(self, delta: int) -> None:
        row = self.sections.move_row(self._section(), delta)
        self.sections_view.setCurrentIndex(self.sections.index(row, 0))

    # -- read-only ---------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        ro = self.read_only
        self.title.setReadOnly(ro)
        for box in (self.duration, self.pass_score):
            box.setReadOnly(ro)
        self.bank.setEnabled(not ro and self._loaded_sha is None)  # a saved one keeps its bank
        for widget in (self.add_section, self.remove_section, self.up_button, self.down_button,
                       self.by_weights, self.by_cells, self.depth_combo):
            widget.setEnabled(not ro)
        self.fill_button.setEnabled(not ro and self.by_weights.isChecked())
        self.weights_view.setEnabled(self.by_weights.isChecked())
        for model in (self.sections, self.weights, self.cells):
            model.read_only = ro
        self.rules.set_read_only(ro)

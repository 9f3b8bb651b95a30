"""组卷 (assembler): run an approved blueprint with a recorded seed; check each form's result."""

from __future__ import annotations

import html
import secrets
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.errors import BankStationError
from bankstation.domain.feasibility import Feasibility
from bankstation.domain.qtypes import Status
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.models.assembly_results import OverlapModel, ResultModel, StatisticsModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.blueprint_live import (
    BAD_COLOUR,
    MUTED_COLOUR,
    OK_COLOUR,
    WARN_COLOUR,
    verdict_html,
)
from bankstation.gui.pages.common import page_layout
from bankstation.services import assembly, banks, blueprints
from bankstation.services.assembly import AssemblyOutcome, Infeasible
from bankstation.services.blueprints import StoredBlueprint
from bankstation.services.session import Session

SEED_BYTES = 8


def new_seed() -> str:
    return secrets.token_hex(SEED_BYTES)


@dataclass(frozen=True)
class Choice:
    stored: StoredBlueprint
    bank: Bank

    @property
    def label(self) -> str:
        void = "（题库标准已作废）" if self.bank.voided else ""
        return (f"方案 {self.stored.id} 第 {self.stored.version} 版："
                f"{self.stored.blueprint.title}{void}")


def approved_choices(session: Session) -> list[Choice]:
    found = {b.id: b for b in banks.list_banks(session)}
    return [Choice(s, found[s.bank_id]) for s in blueprints.list_blueprints(session)
            if s.status is Status.APPROVED and s.bank_id in found]


def _lines(lines: list[str], colour: str) -> str:
    return "".join(f'<p style="color:{colour}; margin:2px 0;">{html.escape(t)}</p>'
                   for t in lines)


def result_view(model: ResultModel, row_headers: bool) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(row_headers)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class AssemblyPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = page_layout(
            self, "组卷",
            "按审核通过的组卷方案从题库抽题，一次组成 A卷、B卷……。种子与结果一并记入台账，"
            "同一题库状态下用同一种子可复核出相同的试卷。组成的试卷为草稿，须由另一人在「试卷」页审定。")
        self.choices: list[Choice] = []
        self.running = False
        self.outcome: AssemblyOutcome | None = None
        layout.addWidget(self._controls())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.stats = StatisticsModel(self)
        self.overlap = OverlapModel(self)
        self.stats_view = result_view(self.stats, row_headers=False)
        self.overlap_view = result_view(self.overlap, row_headers=True)
        results = QHBoxLayout()
        stats_box = QGroupBox("各卷与方案对照（红色为不符）")
        QVBoxLayout(stats_box).addWidget(self.stats_view)
        overlap_box = QGroupBox("套间重复（重复题数及占本卷比例）")
        overlap_layout = QVBoxLayout(overlap_box)
        overlap_layout.addWidget(self.overlap_view)
        self.overlap_note = QLabel()
        self.overlap_note.setWordWrap(True)
        overlap_layout.addWidget(self.overlap_note)
        results.addWidget(stats_box, 3)
        results.addWidget(overlap_box, 2)
        layout.addLayout(results, 1)
        ctx.hub.changed.connect(self._load_choices)
        self._load_choices()

    def _controls(self) -> QGroupBox:
        box = QGroupBox("方案、卷套数与种子")
        grid = QGridLayout(box)
        self.blueprint = QComboBox()
        self.blueprint.currentIndexChanged.connect(self._blueprint_chosen)
        self.forms = QSpinBox()
        self.forms.setRange(1, 26)
        self.forms.setSuffix(" 套")
        self.forms.valueChanged.connect(self._precheck)
        self.seed = QLineEdit(new_seed())
        self.seed.setToolTip("随机生成；复核时可填入原来的种子，重现同样的抽题")
        self.seed_button = QPushButton("重新生成")
        self.seed_button.clicked.connect(lambda: self.seed.setText(new_seed()))
        self.run_button = QPushButton("开始组卷")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.precheck = QLabel()
        self.precheck.setWordWrap(True)
        self.precheck.setTextFormat(Qt.TextFormat.RichText)
        grid.addWidget(QLabel("组卷方案："), 0, 0)
        grid.addWidget(self.blueprint, 0, 1, 1, 5)
        grid.addWidget(QLabel("卷套数："), 1, 0)
        grid.addWidget(self.forms, 1, 1)
        grid.addWidget(QLabel("随机种子："), 1, 2)
        grid.addWidget(self.seed, 1, 3)
        grid.addWidget(self.seed_button, 1, 4)
        run_row = QHBoxLayout()
        run_row.addWidget(self.busy)
        run_row.addWidget(self.run_button)
        grid.addLayout(run_row, 1, 5)
        grid.addWidget(self.precheck, 2, 0, 1, 6)
        grid.setColumnStretch(3, 1)
        return box

    # -- choices -----------------------------------------------------------------------------
    def _load_choices(self) -> None:
        session = self.ctx.session
        if session.locked:
            return
        run_op(self, lambda: approved_choices(session), self._choices_arrived, busy_text=None)

    def _choices_arrived(self, choices: list[Choice]) -> None:
        before = self.current()
        before_id = before.stored.id if before else None
        self.choices = choices
        self.blueprint.blockSignals(True)
        self.blueprint.clear()
        for choice in choices:
            self.blueprint.addItem(choice.label)
        keep = next((i for i, c in enumerate(choices) if c.stored.id == before_id), 0)
        self.blueprint.setCurrentIndex(keep if choices else -1)
        self.blueprint.blockSignals(False)
        if not choices:
            self.precheck.setText(_lines(["没有审核通过的组卷方案。方案须在「组卷方案」页"
                                          "编写并经审核员审核通过后才能用于组卷。"], MUTED_COLOUR))
        now = self.current()
        if now is not None and now.stored.id == before_id:
            self._precheck()  # the bank may have changed; the forms chosen stay
        else:
            self._blueprint_chosen()

    def current(self) -> Choice | None:
        index = self.blueprint.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def select_blueprint(self, blueprint_id: int) -> None:
        index = next((i for i, c in enumerate(self.choices) if c.stored.id == blueprint_id), -1)
        self.blueprint.setCurrentIndex(index)

    def _blueprint_chosen(self) -> None:
        choice = self.current()
        if choice is not None:
            self.forms.blockSignals(True)
            self.forms.setValue(choice.stored.blueprint.forms)
            self.forms.blockSignals(False)
        self._precheck()

    def _precheck(self) -> None:
        choice, session = self.current(), self.ctx.session
        self._update_run()
        if choice is None:
            return
        if choice.bank.void_reason:
            self.precheck.setText(_lines([f"不能用于组卷：{choice.bank.void_reason}"],
                                         BAD_COLOUR))
            return
        forms, bp = self.forms.value(), choice.stored.blueprint
        self.precheck.setText(_lines(["正在按题库核算…"], MUTED_COLOUR))

        def done(verdict: Feasibility) -> None:
            if self.current() is choice and self.forms.value() == forms:
                self.precheck.setText(verdict_html(verdict, forms, bp.max_overlap)[0])

        run_op(self, lambda: assembly.feasibility(session, choice.stored.id, forms), done,
               lambda exc: self.precheck.setText(_lines([messages.describe(exc)], BAD_COLOUR)),
               busy_text=None)

    def _update_run(self) -> None:
        choice = self.current()
        usable = choice is not None and not choice.bank.voided
        self.run_button.setEnabled(usable and not self.running)
        for widget in (self.blueprint, self.forms, self.seed, self.seed_button):
            widget.setEnabled(not self.running)

    # -- running -----------------------------------------------------------------------------
    def run(self) -> None:
        choice = self.current()
        if choice is None or self.running:
            return
        session, forms = self.ctx.session, self.forms.value()
        seed = self.seed.text().strip() or None
        self._set_running(True)
        run_op(self, lambda: assembly.assemble(session, choice.stored.id, forms, seed),
               lambda outcome: self._done(choice, outcome), self._failed,
               busy_text="正在组卷，请稍候…", hub=self.ctx.hub)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.busy.setVisible(running)
        self._update_run()

    def _done(self, choice: Choice, outcome: AssemblyOutcome) -> None:
        self._set_running(False)
        self.outcome = outcome
        bp = choice.stored.blueprint
        self.stats.show(bp, outcome.papers)
        self.overlap.show(outcome.papers, bp.max_overlap)
        forms = "、".join(f"{p['form']}卷" for p in outcome.papers)
        lines = [f"第 {outcome.assembly_id} 次组卷完成：{forms}（草稿，待另一人审定）。"
                 f"种子 {outcome.seed}，方案 {choice.stored.id} 第 {choice.stored.version} 版"
                 f"（SHA-256 {choice.stored.sha256[:16]}…）。"]
        text = _lines(lines, OK_COLOUR)
        if self.stats.all_ok() and self.overlap.all_ok():
            text += _lines(["各卷均符合方案的全部要求（见下表）。"], OK_COLOUR)
        else:  # the engine meets every rule or refuses; this would be a bug, said plainly
            text += _lines(["有不符合方案的项目（下表红色），请勿使用这些试卷。"], BAD_COLOUR)
        text += _lines([f"注意：{n}" for n in outcome.notes], WARN_COLOUR)
        self._show_message(text)
        self.overlap_note.setText(f"方案规定任意两套重复不超过 {bp.max_overlap:.0%}。"
                                  if len(outcome.papers) > 1 else "只组了一套，无套间重复。")
        self.seed.setText(new_seed())  # the next run draws anew unless a seed is typed in
        self.ctx.hub.notice.emit(f"已组成 {forms}，请在「试卷」页查看并交他人审定。")

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        self.outcome = None
        self.stats.clear()
        self.overlap.clear()
        self.overlap_note.clear()
        if isinstance(exc, Infeasible):
            text = _lines(["题库不能满足组卷方案，未组卷："], BAD_COLOUR) + \
                _lines([f"• {r}" for r in exc.reasons], BAD_COLOUR)
        elif isinstance(exc, BankStationError):
            text = _lines([f"未组卷：{exc.message}"], BAD_COLOUR)
        else:
            text = ""
            messages.show_failure(self, exc)
        self._show_message(text)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def message_text(self) -> str:
        return self.message.text()

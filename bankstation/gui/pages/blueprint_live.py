"""The live side of the blueprint editor: the feasibility preview and the problem list."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from bankstation.domain.blueprints import Blueprint
from bankstation.domain.feasibility import Feasibility
from bankstation.domain.feasibility import check as feasibility_check
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import QType
from bankstation.services import assembly
from bankstation.services.session import Session

OK_COLOUR, BAD_COLOUR, WARN_COLOUR, MUTED_COLOUR = "#1b5e20", "#b00020", "#b06000", "#777777"
FORMS_CAP = 26  # feasibility counts forms up to A–Z; 26 means "26 or more"


def preview(session: Session, bank_id: int, bp: Blueprint) -> Feasibility:
    """Feasibility of a blueprint not saved yet (runs on a pool thread)."""
    items, _table = assembly.eligible_items(session, bank_id, bp, session.clock.now())
    return feasibility_check(items, assembly.rules_of(bp))


def forms_text(supported: int) -> str:
    return f"{supported} 套及以上" if supported >= FORMS_CAP else f"{supported} 套"


def _lines(items: list[str], colour: str) -> str:
    return "".join(f'<p style="color:{colour}; margin:2px 0;">{html.escape(i)}</p>'
                   for i in items)


def verdict_html(verdict: Feasibility, forms: int, max_overlap: float) -> tuple[str, bool]:
    """The panel's text, and whether the bank can meet the blueprint as it stands."""
    if not verdict.feasible:
        return (_lines(["题库不能满足本方案："], BAD_COLOUR)
                + _lines([f"• {r}" for r in verdict.reasons()], BAD_COLOUR), False)
    supported = verdict.forms_supported
    if supported < forms:
        return _lines([f"题库可支持 {forms_text(supported)}，少于方案要求的 {forms} 套"
                       f"（套间重复率不超过 {max_overlap:.0%}）。"], BAD_COLOUR), False
    text = _lines([f"题库可支持 {forms_text(supported)}（本方案每次组 {forms} 套）"], OK_COLOUR)
    rested = [f"• 鉴定范围 {scope} 的{QType(qtype).label}回避期外的试题少 {n} 道，"
              "组卷时将动用回避期内用过的试题。"
              for (scope, qtype), n in sorted(verdict.rested_short.items())]
    return text + _lines(rested, WARN_COLOUR), True


class FeasibilityPanel(QGroupBox):
    """题库能否满足方案: green with the number of forms, or red with every reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("题库能否满足（实时）", parent)
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.feasible: bool | None = None

    def show_pending(self) -> None:
        self.feasible = None
        self.label.setText(_lines(["正在按题库核算…"], MUTED_COLOUR))

    def show_unavailable(self, text: str) -> None:
        self.feasible = None
        self.label.setText(_lines([text], MUTED_COLOUR))

    def show_verdict(self, verdict: Feasibility, forms: int, max_overlap: float) -> None:
        text, self.feasible = verdict_html(verdict, forms, max_overlap)
        self.label.setText(text)

    def plain_text(self) -> str:
        return self.label.text()


def problems_html(errors: list[Problem], warnings: list[Problem]) -> str:
    return (_lines([f"✗ {p.message}" for p in errors], BAD_COLOUR)
            + _lines([f"⚠ {p.message}" for p in warnings], WARN_COLOUR))


class ProblemsLabel(QLabel):
    """The blueprint's errors (red; saving is refused) and warnings (amber; saved, shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self.hide()

    def show_problems(self, errors: list[Problem], warnings: list[Problem]) -> None:
        self.errors, self.warnings = list(errors), list(warnings)
        self.setText(problems_html(errors, warnings))
        self.setVisible(bool(errors or warnings))

    def messages(self) -> list[str]:
        return [p.message for p in self.errors + self.warnings]

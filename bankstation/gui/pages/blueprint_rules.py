"""The rules box of the blueprint editor: importance bounds, difficulty, forms, overlap, rest."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QWidget,
)

from bankstation.domain.blueprints import Blueprint
from bankstation.domain.elements import Importance
from bankstation.gui.pages.blueprint_delegates import count_box, number_box

# The bounds the editor offers, one per level, as the usual rules put them (DESIGN.md §1);
# any other bound an imported file carries is kept as it is and shown below them.
EDITED_BOUNDS = (("X", "min", "不少于"), ("Y", "max", "不多于"), ("Z", "max", "不多于"))
DEFAULT_IMPORTANCE = {"X": {"min": 80.0}, "Y": {"max": 15.0}, "Z": {"max": 5.0}}
DEFAULT_DIFFICULTY = {"target": 0.65, "tolerance": 0.05}


class RulesBox(QGroupBox):
    """Emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("组卷规则", parent)
        grid = QGridLayout(self)
        grid.setVerticalSpacing(4)
        self.bound_checks: dict[str, QCheckBox] = {}
        self.bound_spins: dict[str, QDoubleSpinBox] = {}
        for row, (level, _key, words) in enumerate(EDITED_BOUNDS):
            check = QCheckBox(f"{Importance(level).label} {level} {words}")
            spin = number_box(None, 0, 100, 1, 5)
            spin.setSuffix(" %")
            check.toggled.connect(spin.setEnabled)
            self.bound_checks[level], self.bound_spins[level] = check, spin
            grid.addWidget(check, row, 0)
            grid.addWidget(spin, row, 1)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        self.extra.hide()
        grid.addWidget(self.extra, 3, 0, 1, 4)
        self.difficulty_on = QCheckBox("平均难度系数")
        self.target = number_box(None, 0.05, 0.95, 2, 0.01)
        self.tolerance = number_box(None, 0, 0.5, 2, 0.01)
        self.tolerance.setPrefix("± ")
        for widget in (self.target, self.tolerance):
            self.difficulty_on.toggled.connect(widget.setEnabled)
        grid.addWidget(self.difficulty_on, 4, 0)
        grid.addWidget(self.target, 4, 1)
        grid.addWidget(self.tolerance, 4, 2)
        self.forms = count_box(None, 26)
        self.forms.setMinimum(1)
        self.forms.setSuffix(" 套")
        self.max_overlap = number_box(None, 0, 100, 1, 1)
        self.max_overlap.setSuffix(" %")
        self.rest_days = count_box(None, 3650)
        self.rest_days.setSuffix(" 天")
        rows: tuple[tuple[str, QAbstractSpinBox], ...] = (
            ("卷套数（A卷、B卷…）", self.forms), ("套间重复率不超过", self.max_overlap),
            ("试题回避期", self.rest_days))
        for row, (text, field) in enumerate(rows, start=5):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(field, row, 1)
        grid.setColumnStretch(3, 1)
        self._extra_bounds: dict[str, dict[str, float]] = {}
        for spin in self.bound_spins.values():
            spin.valueChanged.connect(self.changed)
        for box in (self.target, self.tolerance, self.max_overlap):
            box.valueChanged.connect(self.changed)
        for count in (self.forms, self.rest_days):
            count.valueChanged.connect(self.changed)
        for check in (*self.bound_checks.values(), self.difficulty_on):
            check.toggled.connect(self.changed)

    def _boxes(self) -> list[QAbstractSpinBox]:
        return [*self.bound_spins.values(), self.target, self.tolerance, self.forms,
                self.max_overlap, self.rest_days]

    def set_values(self, bp: Blueprint) -> None:
        self._extra_bounds = {}
        for level, bounds in bp.importance.items():
            for key, value in bounds.items():
                if (level, key) not in {(lv, k) for lv, k, _w in EDITED_BOUNDS}:
                    self._extra_bounds.setdefault(level, {})[key] = value
        for level, key, _words in EDITED_BOUNDS:
            given = bp.importance.get(level, {}).get(key)
            self.bound_checks[level].setChecked(given is not None)
            self.bound_spins[level].setEnabled(given is not None)
            self.bound_spins[level].setValue(
                given if given is not None else DEFAULT_IMPORTANCE[level][key])
        extra = "；".join(f"{level} {'不少于' if key == 'min' else '不多于'} {value:g}%"
                         for level, bounds in sorted(self._extra_bounds.items())
                         for key, value in sorted(bounds.items()))
        self.extra.setText(f"另有界限（随方案保留）：{extra}")
        self.extra.setVisible(bool(extra))
        difficulty = bp.difficulty
        self.difficulty_on.setChecked(difficulty is not None)
        for widget in (self.target, self.tolerance):
            widget.setEnabled(difficulty is not None)
        shown = difficulty or DEFAULT_DIFFICULTY
        self.target.setValue(shown["target"])
        self.tolerance.setValue(shown["tolerance"])
        self.forms.setValue(bp.forms)
        self.max_overlap.setValue(round(bp.max_overlap * 100, 1))
        self.rest_days.setValue(bp.rest_days)

    def values(self) -> dict[str, Any]:
        """The rule fields of a ``Blueprint``."""
        importance = {level: dict(bounds) for level, bounds in self._extra_bounds.items()}
        for level, key, _words in EDITED_BOUNDS:
            if self.bound_checks[level].isChecked():
                importance.setdefault(level, {})[key] = round(self.bound_spins[level].value(), 1)
        difficulty = None
        if self.difficulty_on.isChecked():
            difficulty = {"target": round(self.target.value(), 2),
                          "tolerance": round(self.tolerance.value(), 2)}
        return {"importance": importance, "difficulty": difficulty,
                "forms": self.forms.value(),
                "max_overlap": round(self.max_overlap.value() / 100, 4),
                "rest_days": self.rest_days.value()}

    def set_read_only(self, read_only: bool) -> None:
        for box in self._boxes():
            box.setReadOnly(read_only)
            box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
                                 else QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        for check in (*self.bound_checks.values(), self.difficulty_on):
            check.setEnabled(not read_only)

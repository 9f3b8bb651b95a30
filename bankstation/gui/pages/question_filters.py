"""The filters above the question table, and the full-text search box."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from bankstation.domain.elements import ElementTable
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionFilter
from bankstation.gui.point_combo import PointCombo

USED_CHOICES = (("全部", None), ("已用于试卷", True), ("未用过", False))
TYPING_DELAY_MS = 350  # search once the person pauses, not at every keystroke


def _difficulty_spin(special: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, 1)
    spin.setDecimals(2)
    spin.setSingleStep(0.05)
    spin.setSpecialValueText(special)
    return spin


class FilterBar(QWidget):
    """Emits ``changed`` with the new filter; typing waits for a pause."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("全文搜索：题干、选项、答案、解析（多个词用空格分开）")
        self.search.setClearButtonEnabled(True)
        self.qtype = QComboBox()
        self.status = QComboBox()
        self.status.addItem("全部状态", None)
        for status in Status:
            self.status.addItem(status.label, status)
        self.point = PointCombo(points_only=False, all_text="全部鉴定范围")
        self.min_difficulty = _difficulty_spin("不限")
        self.max_difficulty = _difficulty_spin("不限")
        self.enemy_group = QLineEdit()
        self.enemy_group.setPlaceholderText("互斥组名称")
        self.enemy_group.setClearButtonEnabled(True)
        self.used = QComboBox()
        for label, value in USED_CHOICES:
            self.used.addItem(label, value)
        self.clear_button = QPushButton("清除筛选")
        self.clear_button.clicked.connect(self.clear)
        self.set_qtypes(list(QType))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.emit_now)
        self._layout()
        for combo in (self.qtype, self.status, self.point, self.used):
            combo.currentIndexChanged.connect(lambda _i: self.emit_now())
        for spin in (self.min_difficulty, self.max_difficulty):
            spin.valueChanged.connect(lambda _v: self._timer.start())
        for edit in (self.search, self.enemy_group):
            edit.textChanged.connect(lambda _t: self._timer.start())
            edit.returnPressed.connect(self.emit_now)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("搜索："), 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 5)
        grid.addWidget(self.clear_button, 0, 6)
        # Two rows, so that the page (and the window) fits a 1024-pixel-wide screen.
        rows: tuple[tuple[tuple[str, QWidget], ...], ...] = (
            (("题型：", self.qtype), ("状态：", self.status), ("鉴定范围：", self.point)),
            (("难度：", self.min_difficulty), ("至", self.max_difficulty),
             ("互斥组：", self.enemy_group), ("使用：", self.used)))
        for number, pairs in enumerate(rows, 1):
            row = QHBoxLayout()
            for label, widget in pairs:
                row.addWidget(QLabel(label))
                row.addWidget(widget)
            row.addStretch(1)
            grid.addLayout(row, number, 0, 1, 7)
        grid.setColumnStretch(1, 1)

    def set_qtypes(self, qtypes: list[QType]) -> None:
        keep = self.qtype.currentData()
        self.qtype.blockSignals(True)
        self.qtype.clear()
        self.qtype.addItem("全部题型", None)
        for qtype in qtypes:
            self.qtype.addItem(qtype.label, qtype)
        self.qtype.setCurrentIndex(max(self.qtype.findData(keep), 0) if keep else 0)
        self.qtype.blockSignals(False)

    def set_table(self, table: ElementTable) -> None:
        self.point.blockSignals(True)
        self.point.set_table(table)
        self.point.blockSignals(False)

    def value(self) -> QuestionFilter:
        qtype, status = self.qtype.currentData(), self.status.currentData()
        low, high = self.min_difficulty.value(), self.max_difficulty.value()
        return QuestionFilter(
            qtype=QType(qtype) if qtype else None,
            status=Status(status) if status else None,
            point=self.point.code(),
            min_difficulty=low or None,
            max_difficulty=high or None,
            enemy_group=self.enemy_group.text().strip() or None,
            used=self.used.currentData(),
            text=" ".join(self.search.text().split()) or None)

    def emit_now(self) -> None:
        self._timer.stop()
        self.changed.emit(self.value())

    def clear(self) -> None:
        for widget in (self.qtype, self.status, self.point, self.used,
                       self.min_difficulty, self.max_difficulty, self.search, self.enemy_group):
            widget.blockSignals(True)
        self.qtype.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.point.setCurrentIndex(0)
        self.used.setCurrentIndex(0)
        self.min_difficulty.setValue(0)
        self.max_difficulty.setValue(0)
        self.search.clear()
        self.enemy_group.clear()
        for widget in (self.qtype, self.status, self.point, self.used,
                       self.min_difficulty, self.max_difficulty, self.search, self.enemy_group):
            widget.blockSignals(False)
        self.emit_now()

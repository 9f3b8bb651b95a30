"""The answer part of the question editor, one form per kind of question type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.answers import LETTERS, MarkingPoint, count_blanks
from bankstation.domain.errors import ValidationError
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, RubricRow
from bankstation.gui.table_editor import TableEditor
from bankstation.gui.widgets import ERROR_STYLE

MIN_OPTIONS, MAX_OPTIONS = 2, 8
NOTE_STYLE = "color: #555555;"


def text_box(name: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def number(text: str, where: str, strict: bool) -> float:
    """A number typed into a table cell; ``strict`` says so when it is not one."""
    try:
        return float(text.replace("分", "").strip() or "0")
    except ValueError:
        if strict:
            raise ValidationError(f"{where}「{text}」不是数字。") from None
        return 0.0


class TypeForm(QWidget):
    """Shows and reads the fields one kind of question has beyond the common ones."""

    changed = Signal()

    def fill(self, content: QuestionContent) -> None:
        raise NotImplementedError

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        raise NotImplementedError

    def set_qtype(self, qtype: QType) -> None:
        """Forms that serve several types adjust their labels or answer boxes."""

    def set_stem(self, stem: str) -> None:
        """Forms that depend on the stem (blanks) follow it."""


class JudgeForm(TypeForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.right = QRadioButton("√ 正确")
        self.wrong = QRadioButton("× 错误")
        self.group = QButtonGroup(self)
        for button in (self.right, self.wrong):
            self.group.addButton(button)
            button.toggled.connect(lambda _on: self.changed.emit())
        row = QHBoxLayout(self)
        row.addWidget(QLabel("答案："))
        row.addWidget(self.right)
        row.addWidget(self.wrong)
        row.addStretch(1)

    def fill(self, content: QuestionContent) -> None:
        self.group.setExclusive(False)
        self.right.setChecked(content.answer == "√")
        self.wrong.setChecked(content.answer == "×")
        self.group.setExclusive(True)

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        answer = "√" if self.right.isChecked() else "×" if self.wrong.isChecked() else ""
        return base.with_changes(answer=answer)


class OptionRow(QWidget):
    """One option: its letter, its text, whether it is a correct answer, and its buttons."""

    def __init__(self, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.letter = QLabel()
        self.letter.setFixedWidth(self.letter.fontMetrics().horizontalAdvance("字") * 2)
        self.text = QLineEdit()
        self.correct: QAbstractButton = QCheckBox("正确") if multiple else QRadioButton("正确")
        self.image_button = QToolButton()
        self.image_button.setText("图片…")
        self.image_button.setToolTip("在本选项中插入图片")
        self.remove_button = QToolButton()
        self.remove_button.setText("删除")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.letter, self.text, self.correct, self.image_button,
                       self.remove_button):
            row.addWidget(widget, 1 if widget is self.text else 0)

    def set_letter(self, letter: str) -> None:
        self.letter.setText(f"{letter}.")
        self.text.setAccessibleName(f"选项 {letter}")


class ChoiceForm(TypeForm):
    """Single and multiple choice: 2–8 options; radios for one answer, checks for several."""

    image_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = False
        self.option_rows: list[OptionRow] = []
        self.group = QButtonGroup(self)
        self.rows_box = QVBoxLayout()
        self.add_button = QPushButton("添加选项")
        self.add_button.clicked.connect(self._add_clicked)
        self.hint = QLabel()
        self.hint.setStyleSheet(NOTE_STYLE)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        layout.addLayout(bottom)
        layout.addStretch(1)
        for _ in range(4):
            self.add_option()

    def _add_clicked(self) -> None:
        self.add_option()

    def set_qtype(self, qtype: QType) -> None:
        multiple = qtype is QType.MULTIPLE
        if multiple == self.multiple:
            return
        texts = [(r.text.text(), r.correct.isChecked()) for r in self.option_rows]
        self.multiple = multiple
        self._rebuild(texts)

    def _rebuild(self, options: list[tuple[str, bool]]) -> None:
        for row in self.option_rows:
            self._drop(row)
        self.option_rows = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multiple)
        for text, correct in options:
            self.add_option(text, correct)
        self._relabel()

    def add_option(self, text: str = "", correct: bool = False) -> OptionRow | None:
        if len(self.option_rows) >= MAX_OPTIONS:
            return None
        row = OptionRow(self.multiple)
        row.text.setText(text)
        self.group.addButton(row.correct)
        self.group.setExclusive(not self.multiple)
        row.correct.setChecked(correct)
        row.text.textChanged.connect(lambda _t: self.changed.emit())
        row.correct.toggled.connect(lambda _on: self.changed.emit())
        row.remove_button.clicked.connect(lambda: self.remove_option(row))
        row.image_button.clicked.connect(lambda: self.image_requested.emit(row.text))
        self.option_rows.append(row)
        self.rows_box.addWidget(row)
        self._relabel()
        self.changed.emit()
        return row

    def remove_option(self, row: OptionRow) -> None:
        if len(self.option_rows) <= MIN_OPTIONS or row not in self.option_rows:
            return
        self.option_rows.remove(row)
        self.group.removeButton(row.correct)
        self._drop(row)
        self._relabel()
        self.changed.emit()

    def _drop(self, row: OptionRow) -> None:
        self.rows_box.removeWidget(row)
        row.hide()  # gone from the screen now; Qt deletes it once back in the event loop
        row.deleteLater()

    def _relabel(self) -> None:
        for letter, row in zip(LETTERS, self.option_rows, strict=False):
            row.set_letter(letter)
            row.remove_button.setEnabled(len(self.option_rows) > MIN_OPTIONS)
        self.add_button.setEnabled(len(self.option_rows) < MAX_OPTIONS)
        kind = "勾选全部正确答案（至少两个）" if self.multiple else "选中唯一正确答案"
        self.hint.setText(f"{MIN_OPTIONS}–{MAX_OPTIONS} 个选项；{kind}。")

    def fill(self, content: QuestionContent) -> None:
        self.multiple = content.qtype is QType.MULTIPLE
        options = list(content.options) or ["", "", "", ""]
        self._rebuild([(text, letter in content.answer)
                       for letter, text in zip(LETTERS, options, strict=False)])

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        options = tuple(r.text.text().strip() for r in self.option_rows)
        answer = "".join(letter for letter, r in zip(LETTERS, self.option_rows, strict=False)
                         if r.correct.isChecked())
        return base.with_changes(options=options, answer=answer)


class FillForm(TypeForm):
    """One row per blank of the stem, each with every answer accepted for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blanks = TableEditor(["可接受的答案（同一空的几种答案用 / 分隔）"], "添加一空")
        self.blanks.table.setMinimumHeight(120)
        self.blanks.changed.connect(self.changed.emit)
        self.hint = QLabel()
        self.hint.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.blanks)
        self.set_stem("")

    def set_stem(self, stem: str) -> None:
        holes = count_blanks(stem)
        self.hint.setText(f"题干中有 {holes} 个空（用 ____ 或（　）标出），"
                          "请按顺序每空填一行。")

    def fill(self, content: QuestionContent) -> None:
        self.blanks.set_rows([["/".join(alts)] for alts in content.blanks] or [[""]])

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        blanks = tuple(tuple(a.strip() for a in row[0].split("/") if a.strip())
                       for row in self.blanks.rows())
        return base.with_changes(blanks=tuple(b for b in blanks if b))


class SubjectiveForm(TypeForm):
    """简答、计算、论述、案例分析: a reference answer and its marking points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer = text_box("参考答案", 5)
        self.answer.textChanged.connect(self.changed.emit)
        self.marking = TableEditor(["得分点", "分值"], "添加得分点")
        self.marking.table.setMinimumHeight(110)
        self.marking.changed.connect(self._changed)
        self.total = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("参考答案：", self.answer)
        form.addRow("得分点：", self.marking)
        form.addRow("", self.total)
        self._changed()

    def _changed(self) -> None:
        total = sum(number(r[1], "", strict=False) for r in self.marking.rows())
        self.total.setText(f"得分点合计 {total:g} 分")
        self.changed.emit()

    def fill(self, content: QuestionContent) -> None:
        self.answer.setPlainText(content.answer)
        self.marking.set_rows([[m.text, f"{m.points:g}"] for m in content.marking])

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        marking = []
        for i, (text, points) in enumerate(self.marking.rows(), 1):
            value = number(points, f"第 {i} 个得分点的分值", strict)
            if strict and not text:
                raise ValidationError(f"第 {i} 个得分点没有内容。")
            marking.append(MarkingPoint(text, value))
        return base.with_changes(answer=self.answer.toPlainText().strip(), marking=tuple(marking))


class PracticalForm(TypeForm):
    """操作技能考核题: time limit, preparations, and the rubric with its live total."""

    RUBRIC_HEADERS = ("考核内容", "评分要素", "配分", "评分标准")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.time_limit = QSpinBox()
        self.time_limit.setRange(0, 600)
        self.time_limit.setSuffix(" 分钟")
        self.time_limit.setSpecialValueText("（未填）")
        self.time_limit.setMaximumWidth(self.time_limit.fontMetrics().horizontalAdvance("字") * 9)
        self.time_limit.valueChanged.connect(lambda _v: self.changed.emit())
        self.site_prep = text_box("考场准备")
        self.candidate_prep = text_box("考生准备")
        self.answer = text_box("操作要求", 3)
        for box in (self.site_prep, self.candidate_prep, self.answer):
            box.textChanged.connect(self.changed.emit)
        self.rubric = TableEditor(list(self.RUBRIC_HEADERS), "添加评分项", stretch=(0, 1, 3))
        self.rubric.table.setMinimumHeight(150)
        self.rubric.changed.connect(self._changed)
        self.total = QLabel()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("时限：", self.time_limit)
        form.addRow("考场准备：", self.site_prep)
        form.addRow("考生准备：", self.candidate_prep)
        form.addRow("操作要求：", self.answer)
        form.addRow("评分表：", self.rubric)
        form.addRow("", self.total)
        self._changed()

    def rubric_total(self) -> float:
        return sum(number(r[2], "", strict=False) for r in self.rubric.rows())

    def _changed(self) -> None:
        total = self.rubric_total()
        self.total.setText(f"配分合计 {total:g} 分" + ("" if total == 100 else "（通常为 100 分）"))
        self.total.setStyleSheet("" if total == 100 else ERROR_STYLE)
        self.changed.emit()

    def fill(self, content: QuestionContent) -> None:
        self.time_limit.setValue(content.time_limit or 0)
        self.site_prep.setPlainText(content.site_prep)
        self.candidate_prep.setPlainText(content.candidate_prep)
        self.answer.setPlainText(content.answer)
        self.rubric.set_rows([[r.content, r.element, f"{r.points:g}", r.criteria]
                              for r in content.rubric])

    def apply(self, base: QuestionContent, strict: bool = True) -> QuestionContent:
        rows = []
        for i, (content, element, points, criteria) in enumerate(self.rubric.rows(), 1):
            rows.append(RubricRow(content, element,
                                  number(points, f"评分表第 {i} 行的配分", strict), criteria))
        return base.with_changes(
            time_limit=self.time_limit.value() or None,
            site_prep=self.site_prep.toPlainText().strip(),
            candidate_prep=self.candidate_prep.toPlainText().strip(),
            answer=self.answer.toPlainText().strip(), rubric=tuple(rows))


def form_kind(qtype: QType) -> str:
    """Which form serves a type: judge, choice, fill, subjective or practical."""
    if qtype.is_choice:
        return "choice"
    if qtype.is_subjective:
        return "subjective"
    return qtype.value

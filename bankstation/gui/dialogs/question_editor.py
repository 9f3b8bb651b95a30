"""试题编辑: one form per question type, a live preview, images and sub/superscripts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.answers import DEFAULT_DIFFICULTY, difficulty_word
from bankstation.domain.banks import Bank
from bankstation.domain.elements import ElementTable
from bankstation.domain.errors import ValidationError, os_reason
from bankstation.domain.images import ImageInfo
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import Question, QuestionContent, preview
from bankstation.gui import messages
from bankstation.gui.dialogs.question_forms import (
    ChoiceForm,
    FillForm,
    JudgeForm,
    PracticalForm,
    SubjectiveForm,
    TypeForm,
    form_kind,
    text_box,
)
from bankstation.gui.dialogs.question_history import HistoryDialog
from bankstation.gui.hub import Context
from bankstation.gui.markup import MarkupBar, TextField, insert_text
from bankstation.gui.ops import run_op
from bankstation.gui.point_combo import PointCombo
from bankstation.gui.preview import ImageCache, QuestionPreview
from bankstation.gui.widgets import fit_to_screen
from bankstation.services import duplicates, images, questions
from bankstation.services.duplicates import SimilarQuestion

WARN_STYLE = "background: #fff4e5; color: #8a4b00; padding: 6px; border: 1px solid #f0c36d;"
IMAGE_FILTER = "图片 (*.png *.jpg *.jpeg);;所有文件 (*)"


def new_version_text(question: Question) -> str:
    return (f"本题已通过审核（第 {question.version} 版）。保存修改将生成"
            f"第 {question.version + 1} 版，须重新审核通过后才能用于组卷；"
            "已组成的试卷仍使用原来的版本。")


def similar_text(similar: list[SimilarQuestion]) -> str:
    lines = [f"试题 {s.row.id}（{s.row.status.label}，相似度 {s.similarity:.0%}）："
             f"{preview(s.row.stem_preview, 40)}" for s in similar]
    return ("题库中已有与本题近似的试题：\n\n" + "\n".join(lines) + "\n\n若确是不同的试题，"
            "可在「质量报告」中把近似的两题放入同一互斥组，两题就不会出现在同一份试卷中。仍然保存？")


def qtypes_for(exam: str) -> list[QType]:
    return [q for q in QType if q.exam == exam]


class QuestionEditor(QDialog):
    """New question (``question`` None) or a change to one; ``result_value`` is the saved
    question after ``accepted``. Nothing is kept when the save fails, except the form."""

    def __init__(self, ctx: Context, bank: Bank, table: ElementTable,
                 question: Question | None = None, cache: ImageCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bank, self.table, self.question = ctx, bank, table, question
        self.cache = cache or ImageCache()
        self.result_value: Question | None = None
        self._running = False
        self._unchecked = False  # the last save skipped the near-duplicate check (a huge bank)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = f"修改试题 {question.id}" if question else "新建试题"
        self.setWindowTitle(f"{title} — {bank.name}")
        self._build()
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.update_preview)
        self._load(question.content if question else None)
        fit_to_screen(self, 1180, 720)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARN_STYLE)
        self.notice.setVisible(self._approved)
        if self.question is not None and self._approved:
            self.notice.setText(new_version_text(self.question))
        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self._common_box())
        column.addWidget(self._stem_box())
        column.addWidget(self._answer_box())
        column.addWidget(self._analysis_box())
        column.addStretch(1)
        self.form_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        self.preview = QuestionPreview(self.ctx, self.cache)
        preview_box = QGroupBox("预览（上标、下标和图片按打印效果显示）")
        QVBoxLayout(preview_box).addWidget(self.preview)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())

    @property
    def _approved(self) -> bool:
        return self.question is not None and self.question.status is Status.APPROVED

    def _common_box(self) -> QGroupBox:
        box = QGroupBox("基本信息")
        grid = QGridLayout(box)
        self.qtype = QComboBox()
        for qtype in qtypes_for(self.bank.exam):
            self.qtype.addItem(qtype.label, qtype)
        self.qtype.currentIndexChanged.connect(self._qtype_changed)
        self.code = QLineEdit()
        self.code.setPlaceholderText("可不填，如 DG4-0001")
        self.point = PointCombo(points_only=True)
        self.point.set_table(self.table)
        self.point.currentIndexChanged.connect(self._point_changed)
        self.importance = QLabel()
        self.importance.setStyleSheet("color: #555555;")
        self.difficulty = QDoubleSpinBox()
        self.difficulty.setRange(0.01, 0.99)
        self.difficulty.setSingleStep(0.05)
        self.difficulty.setDecimals(2)
        self.difficulty.valueChanged.connect(self._difficulty_changed)
        self.difficulty_hint = QLabel()
        self.difficulty_hint.setStyleSheet("color: #555555;")
        self.enemy_group = QLineEdit()
        self.enemy_group.setPlaceholderText("同组试题不会出现在同一份试卷中")
        self.source = QLineEdit()
        self.source.setPlaceholderText("如 教材名称、页码")
        point_row = QHBoxLayout()
        point_row.addWidget(self.point, 1)
        point_row.addWidget(self.importance)
        difficulty_row = QHBoxLayout()
        difficulty_row.addWidget(self.difficulty)
        difficulty_row.addWidget(self.difficulty_hint, 1)
        rows: list[tuple[str, QWidget | QHBoxLayout, str, QWidget | QHBoxLayout | None]] = [
            ("题型：", self.qtype, "试题编号：", self.code),
            ("鉴定点：", point_row, "", None),
            ("难度：", difficulty_row, "互斥组：", self.enemy_group),
            ("出处：", self.source, "", None),
        ]
        for r, (label, field, label2, field2) in enumerate(rows):
            grid.addWidget(QLabel(label), r, 0)
            span = 1 if field2 is not None else 3
            self._put(grid, field, r, 1, span)
            if field2 is not None:
                grid.addWidget(QLabel(label2), r, 2)
                self._put(grid, field2, r, 3, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for edit in (self.code, self.enemy_group, self.source):
            edit.textChanged.connect(self.schedule_preview)
        return box

    @staticmethod
    def _put(grid: QGridLayout, item: QWidget | QHBoxLayout, row: int, col: int,
             span: int) -> None:
        if isinstance(item, QHBoxLayout):
            grid.addLayout(item, row, col, 1, span)
        else:
            grid.addWidget(item, row, col, 1, span)

    def _stem_box(self) -> QGroupBox:
        box = QGroupBox("题干")
        self.stem = text_box("题干", 5)
        self.stem.textChanged.connect(self._stem_changed)
        self.markup = MarkupBar(self.stem)
        self.markup.image_requested.connect(self.choose_image)
        layout = QVBoxLayout(box)
        layout.addWidget(self.markup)
        layout.addWidget(self.stem)
        return box

    def _answer_box(self) -> QGroupBox:
        self.answer_box = QGroupBox("答案")
        self.forms: dict[str, TypeForm] = {
            "judge": JudgeForm(), "choice": ChoiceForm(), "fill": FillForm(),
            "subjective": SubjectiveForm(), "practical": PracticalForm()}
        self.stack = QStackedWidget()
        for form in self.forms.values():
            self.stack.addWidget(form)
            form.changed.connect(self.schedule_preview)
        choice = self.forms["choice"]
        assert isinstance(choice, ChoiceForm)
        choice.image_requested.connect(self.choose_image)
        QVBoxLayout(self.answer_box).addWidget(self.stack)
        return self.answer_box

    def _analysis_box(self) -> QGroupBox:
        box = QGroupBox("解析")
        self.analysis = text_box("解析", 3)
        self.analysis.textChanged.connect(self.schedule_preview)
        QVBoxLayout(box).addWidget(self.analysis)
        return box

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.history_button = QPushButton("版本历史…")
        self.history_button.setVisible(self.question is not None)
        self.history_button.clicked.connect(self.show_history)
        self.cancel_button = QPushButton("取消")
        self.cancel_button.clicked.connect(self.reject)
        self.draft_button = QPushButton("保存草稿")
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button = QPushButton("保存并提交审核")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        row.addWidget(self.history_button)
        row.addStretch(1)
        for button in (self.cancel_button, self.draft_button, self.submit_button):
            row.addWidget(button)
        return row

    # -- filling and reading -----------------------------------------------------------------
    def _load(self, content: QuestionContent | None) -> None:
        qtype = content.qtype if content else qtypes_for(self.bank.exam)[0]
        self.qtype.setCurrentIndex(max(self.qtype.findData(qtype), 0))
        self._qtype_changed()
        if content is None:
            self.difficulty.setValue(DEFAULT_DIFFICULTY)
            self.point.set_code(None)
            self.update_preview()
            return
        self.code.setText(content.code or "")
        self.point.set_code(content.point)
        self.difficulty.setValue(content.difficulty)
        self.enemy_group.setText(content.enemy_group or "")
        self.source.setText(content.source)
        self.stem.setPlainText(content.stem)
        self.analysis.setPlainText(content.analysis)
        self.form.fill(content)
        self.update_preview()

    @property
    def form(self) -> TypeForm:
        return self.forms[form_kind(self.current_qtype())]

    def current_qtype(self) -> QType:
        data = self.qtype.currentData()
        return data if isinstance(data, QType) else QType(str(data))

    def set_qtype(self, qtype: QType) -> None:
        index = self.qtype.findData(qtype)
        if index < 0:  # the combo offers only the bank's exam kind; -1 would blank it
            raise ValueError(f"{qtype.label} is not a qtype of a {self.bank.exam} bank")
        self.qtype.setCurrentIndex(index)

    def content(self, strict: bool = True) -> QuestionContent:
        """What the form says; ``strict`` refuses numbers that are not numbers."""
        base = QuestionContent(
            qtype=self.current_qtype(), point=self.point.code() or "",
            stem=self.stem.toPlainText().strip(), difficulty=round(self.difficulty.value(), 2),
            analysis=self.analysis.toPlainText().strip(), source=self.source.text().strip(),
            enemy_group=self.enemy_group.text().strip() or None,
            code=self.code.text().strip() or None)
        return self.form.apply(base, strict)

    # -- live updates ------------------------------------------------------------------------
    def _qtype_changed(self) -> None:
        qtype = self.current_qtype()
        form = self.form
        form.set_qtype(qtype)
        form.set_stem(self.stem.toPlainText())
        self.stack.setCurrentWidget(form)
        for page in self.forms.values():  # the stack is as tall as the form shown, no taller
            policy = (QSizePolicy.Policy.Preferred if page is form
                      else QSizePolicy.Policy.Ignored)
            page.setSizePolicy(policy, policy)
        self.stack.adjustSize()
        self.answer_box.setTitle("考核要求与评分表" if qtype is QType.PRACTICAL
                                 else f"答案（{qtype.label}）")
        self.schedule_preview()

    def _stem_changed(self) -> None:
        self.form.set_stem(self.stem.toPlainText())
        self.schedule_preview()

    def _point_changed(self) -> None:
        node = self.table.nodes.get(self.point.code() or "")
        importance = node.importance if node else None
        self.importance.setText(f"重要程度：{importance.value} {importance.label}"
                                if importance else "")
        self.schedule_preview()

    def _difficulty_changed(self, value: float) -> None:
        self.difficulty_hint.setText(f"{difficulty_word(value)}（预计得分率，越高越容易）")
        self.schedule_preview()

    def schedule_preview(self) -> None:
        self._preview_timer.start()

    def update_preview(self) -> None:
        self._preview_timer.stop()
        self.preview.show_content(self.content(strict=False))

    # -- images ------------------------------------------------------------------------------
    def choose_image(self, field: TextField) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "插入图片", "", IMAGE_FILTER)
        if path:
            self.insert_image_file(Path(path), field)

    def insert_image_file(self, path: Path, field: TextField | None = None) -> None:
        """Store the picture in the vault and put its marker at the cursor of ``field``."""
        target = field or self.markup.target
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.show_error(self, f"无法读取图片 {path}：{os_reason(exc)}")
            return
        session = self.ctx.session

        def added(info: ImageInfo) -> None:
            self.cache.add(info.id, data)
            insert_text(target, info.marker)
            self.update_preview()

        def failed(exc: Exception) -> None:
            messages.show_failure(self, exc)

        run_op(self, lambda: images.add_image(session, data), added, failed, "正在保存图片…",
               self.ctx.hub)

    # -- saving ------------------------------------------------------------------------------
    def save(self, submit: bool) -> None:
        try:
            content = self.content()
        except ValidationError as exc:
            messages.show_error(self, exc.message)
            return
        if self._approved and self.question is not None:
            messages.confirm(self, new_version_text(self.question) + "\n\n确定保存为新版本？",
                             lambda: self._check_similar(content, submit), "保存为新版本")
            return
        self._check_similar(content, submit)

    def _check_similar(self, content: QuestionContent, submit: bool) -> None:
        """Before saving, look for questions of the bank nearly the same, and ask if any."""
        session, bank_id = self.ctx.session, self.bank.id
        qid = self.question.id if self.question else None

        def found(similar: list[SimilarQuestion] | None) -> None:
            self._set_running(False)
            # said with the saved notice, which would replace a notice of its own
            self._unchecked = similar is None
            if not similar:
                self._save(content, submit)
                return
            messages.confirm(self, similar_text(similar), lambda: self._save(content, submit),
                             "仍然保存")

        self._set_running(True)
        run_op(self, lambda: duplicates.similar_to(session, bank_id, content, qid), found,
               self._failed, "正在查找近似试题…", self.ctx.hub)

    def _save(self, content: QuestionContent, submit: bool) -> None:
        session, bank_id, question = self.ctx.session, self.bank.id, self.question
        self._set_running(True)
        if question is None:
            run_op(self, lambda: questions.create(session, bank_id, content, submit),
                   self._saved, self._failed, "正在保存试题…", self.ctx.hub)
        else:
            qid = question.id
            run_op(self, lambda: questions.edit(session, qid, content, submit),
                   self._saved, self._failed, "正在保存试题…", self.ctx.hub)

    def _saved(self, question: Question) -> None:
        self._set_running(False)
        self.result_value = question
        state = "并提交审核" if question.status is Status.SUBMITTED else "为草稿"
        unchecked = (f"题库超过 {duplicates.EDITOR_BANK_LIMIT} 道试题，保存前未查找近似试题，"
                     "可在「质量报告」中查看。" if self._unchecked else "")
        self.ctx.hub.notice.emit(
            f"试题 {question.id}（第 {question.version} 版）已保存{state}。{unchecked}")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        messages.show_failure(self, exc)  # every field keeps what was typed

    def _set_running(self, running: bool) -> None:
        self._running = running
        for button in (self.draft_button, self.submit_button):
            button.setEnabled(not running)

    def reject(self) -> None:
        if not self._running:
            super().reject()

    def show_history(self) -> None:
        if self.question is None:
            return
        HistoryDialog(self.ctx, self.question.id, self.cache, self).open()

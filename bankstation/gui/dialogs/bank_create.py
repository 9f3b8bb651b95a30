"""新建题库: the occupation picked from the catalogue (never typed), level, exam and standard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from bankstation.domain.occupations import LEVEL_LABELS, Level, Occupation, Trade
from bankstation.domain.qtypes import EXAM_LABELS
from bankstation.domain.standards import Standard, StandardKind
from bankstation.gui.dialogs.base import FormDialog
from bankstation.gui.hub import Context
from bankstation.gui.reading import read
from bankstation.services import banks, catalogue

OCCUPATION_ROLE = Qt.ItemDataRole.UserRole


def occupation_text(occupation: Occupation) -> str:
    flags = [label for on, label in ((occupation.digital, "数字职业"),
                                     (occupation.green, "绿色职业")) if on]
    marks = "".join(f"〔{f}〕" for f in flags)
    return f"{occupation.code}　{occupation.name}{('　' + marks) if marks else ''}"


class CreateBankDialog(FormDialog):
    """Only occupations of major groups 3–6 are listed: only they may carry a bank."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "新建题库", "新建", parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("输入职业编码或名称的一部分，如 电工、6-31")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(200)
        self.results.currentItemChanged.connect(lambda _a, _b: self._occupation_chosen())
        self.chosen = QLabel("（未选择）")
        self.trade = QComboBox()
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(f"{int(level)} 级 · {LEVEL_LABELS[level]}", int(level))
        self.exam = QComboBox()
        for exam, label in EXAM_LABELS.items():
            self.exam.addItem(label, exam)
        self.kind = QComboBox()
        for kind in StandardKind:
            self.kind.addItem(kind.label, kind)
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        title_edit = self.title.lineEdit()
        if title_edit is not None:
            title_edit.setPlaceholderText("如 电工国家职业技能标准（2018年版）")
        self.title.activated.connect(self._standard_chosen)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText("发布文号或版本，如 人社厅发〔2018〕145号")
        self.form.addRow("查找职业：", self.search)
        self.form.addRow("", self.results)
        self.form.addRow("职业：", self.chosen)
        self.form.addRow("工种：", self.trade)
        self.form.addRow("等级：", self.level)
        self.form.addRow("考试类别：", self.exam)
        self.form.addRow("评价标准类别：", self.kind)
        self.form.addRow("评价标准名称：", self.title)
        self.form.addRow("文号或版本：", self.reference)
        note = QLabel("只列出职业分类大典第三至第六大类的职业；大典以后新增的职业和工种由系统管理员"
                      "按通知登记后才会出现。同一职业发布国家职业技能标准后，依据行业、企业评价规范的"
                      "题库自动废止。")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555555;")
        self.form.addRow(note)
        self.standards: list[Standard] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.setMinimumWidth(640)
        self._fill_trades([])
        self.run_search()

    # -- the occupation ----------------------------------------------------------------------
    def run_search(self) -> None:
        self._timer.stop()
        session, text = self.ctx.session, self.search.text()
        read(self, self.ctx, lambda: catalogue.search(session, text), self._found)

    def _found(self, found: list[Occupation]) -> None:
        self.results.clear()
        for occupation in found:
            item = QListWidgetItem(occupation_text(occupation), self.results)
            item.setData(OCCUPATION_ROLE, occupation.code)
        if len(found) == 1:
            self.results.setCurrentRow(0)

    def choose(self, code: str) -> bool:
        """Select the listed occupation ``code`` (what a click on it does)."""
        for row in range(self.results.count()):
            if self.results.item(row).data(OCCUPATION_ROLE) == code:
                self.results.setCurrentRow(row)
                return True
        return False

    def occupation_code(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(OCCUPATION_ROLE)) if item is not None else None

    def _occupation_chosen(self) -> None:
        item = self.results.currentItem()
        self.chosen.setText(item.text() if item else "（未选择）")
        code = self.occupation_code()
        self._fill_trades([])
        self.title.clear()
        if code is None:
            return
        session = self.ctx.session

        def load() -> tuple[list[Trade], list[Standard]]:
            return catalogue.trades(session, code), banks.standards(session, code)

        def loaded(found: tuple[list[Trade], list[Standard]]) -> None:
            if code != self.occupation_code():
                return  # another occupation was picked meanwhile
            self._fill_trades(found[0])
            self.standards = found[1]
            self.title.clear()
            for standard in self.standards:
                self.title.addItem(standard.title, standard.id)
            self.title.setCurrentIndex(-1)

        read(self, self.ctx, load, loaded)

    def _fill_trades(self, trades: list[Trade]) -> None:
        self.trade.clear()
        self.trade.addItem("（不分工种）", None)
        for trade in trades:
            self.trade.addItem(f"{trade.code}　{trade.name}", trade.code)
        self.trade.setEnabled(bool(trades))

    def _standard_chosen(self, index: int) -> None:
        """Picking a standard already recorded for the occupation fills its kind and number."""
        standard_id = self.title.itemData(index)
        standard = next((s for s in self.standards if s.id == standard_id), None)
        if standard is not None:
            self.kind.setCurrentIndex(self.kind.findData(standard.kind))
            self.reference.setText(standard.reference)

    # -- saving ------------------------------------------------------------------------------
    def submit(self) -> None:
        code = self.occupation_code()
        if code is None:
            self.fail("请先在列表中选择职业（职业名称不能自行填写）。")
            return
        session = self.ctx.session
        trade, level, exam = self.trade.currentData(), int(self.level.currentData()), \
            str(self.exam.currentData())
        kind = StandardKind(self.kind.currentData())
        title, reference = self.title.currentText(), self.reference.text()
        self.run(lambda: banks.create_bank(session, code, level, exam, kind, title, reference,
                                           trade),
                 "正在新建题库…")

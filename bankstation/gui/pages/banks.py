"""题库: the banks of the station, and the element table (鉴定要素细目表) of the one selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.elements import ElementTable
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.bank_choice import shared_selection
from bankstation.gui.dialogs.bank_create import CreateBankDialog
from bankstation.gui.dialogs.element_editor import ElementEditor
from bankstation.gui.dialogs.source_pick import source_menu
from bankstation.gui.element_tree import ElementTree
from bankstation.gui.hub import Context
from bankstation.gui.models.banks import BanksModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.reading import read
from bankstation.gui.widgets import ERROR_STYLE, make_table, selected_row
from bankstation.services import elements, imports
from bankstation.services.imports import Source

# Who sees the bank pages; the admin may look, only the keeper changes anything.
BANK_VIEWERS = (Role.KEEPER, Role.REVIEWER, Role.ASSEMBLER, Role.ADMIN)
ELEMENT_FILTER = "细目表 (*.xlsx *.csv);;所有文件 (*)"
ELEMENT_SUFFIXES = (".xlsx", ".csv")


def void_text(bank: Bank) -> str:
    return bank.void_reason or ""


class BanksPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.keeper = ctx.session.account.has(Role.KEEPER)
        layout = page_layout(
            self, "题库",
            "每个题库对应一个职业（工种）、一个等级、一种考试类别和一项评价标准。"
            "职业只能从职业分类大典第三至第六大类中选择；评价标准被国家标准取代的题库标为已废止。")
        self.selection = shared_selection(ctx)
        self.table_value = ElementTable([])
        bar = QHBoxLayout()
        self.create_button = QPushButton("新建题库…")
        self.create_button.clicked.connect(self.create_bank)
        self.import_button = QPushButton("导入细目表")
        self.import_button.setMenu(source_menu(self, ctx, ELEMENT_FILTER, ELEMENT_SUFFIXES,
                                               self.import_elements))
        self.edit_button = QPushButton("编辑细目表…")
        self.edit_button.clicked.connect(self.edit_elements)
        for button in (self.create_button, self.import_button, self.edit_button):
            button.setVisible(self.keeper)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.model = BanksModel(ctx, self)
        self.view = make_table(self.model)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self._element_box())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)
        self.view.selectionModel().selectionChanged.connect(self._row_selected)
        self.model.modelReset.connect(self._follow_selection)
        self.selection.selected.connect(self._bank_changed)
        ctx.hub.changed.connect(self.load_elements)
        self._bank_changed()

    def _element_box(self) -> QGroupBox:
        self.element_box = QGroupBox("鉴定要素细目表")
        box = QVBoxLayout(self.element_box)
        self.void_label = QLabel()
        self.void_label.setWordWrap(True)
        self.void_label.setStyleSheet(ERROR_STYLE)
        self.void_label.hide()
        self.summary = QLabel()
        self.tree = ElementTree()
        box.addWidget(self.void_label)
        box.addWidget(self.summary)
        box.addWidget(self.tree, 1)
        return self.element_box

    # -- which bank --------------------------------------------------------------------------
    def bank(self) -> Bank | None:
        return self.selection.bank

    def _row_selected(self) -> None:
        row = self.model.row_at(selected_row(self.view))
        if row is not None:
            self.selection.select(row.bank.id)

    def _follow_selection(self) -> None:
        row = self.model.find(self.selection.bank_id)
        if row >= 0 and selected_row(self.view) != row:
            self.view.selectRow(row)

    def _bank_changed(self) -> None:
        self._follow_selection()
        self.load_elements()

    def load_elements(self) -> None:
        bank = self.bank()
        self.edit_button.setEnabled(bank is not None)
        self.import_button.setEnabled(bank is not None)
        if bank is None or self.ctx.session.locked:
            self._show_table(None, ElementTable([]))
            return
        session, bank_id = self.ctx.session, bank.id

        def arrived(table: ElementTable) -> None:
            current = self.bank()
            if current is not None and current.id == bank_id:
                self._show_table(current, table)

        read(self, self.ctx, lambda: elements.table(session, bank_id), arrived)

    def _show_table(self, bank: Bank | None, table: ElementTable) -> None:
        self.table_value = table
        self.tree.set_table(table)
        self.element_box.setTitle(f"鉴定要素细目表 — {bank.name}" if bank else "鉴定要素细目表")
        self.void_label.setText(void_text(bank) if bank else "")
        self.void_label.setVisible(bank is not None and bank.voided)
        if bank is None:
            self.summary.setText("尚无题库。" + ("请点击「新建题库…」。" if self.keeper else ""))
        elif not len(table):
            hint = ("请用「导入细目表」从文件导入，或「编辑细目表…」逐项录入。"
                    if self.keeper else "")
            self.summary.setText("本题库还没有鉴定要素细目表。" + hint)
        else:
            self.summary.setText(f"{len(table.scopes())} 个鉴定范围、{len(table.points())} 个"
                                 "鉴定点；「占全卷」为各级比重的乘积。")

    # -- actions -----------------------------------------------------------------------------
    def create_bank(self) -> CreateBankDialog:
        dialog = CreateBankDialog(self.ctx, self)

        def created() -> None:
            bank = dialog.result_value
            if isinstance(bank, Bank):
                self.selection.select(bank.id)
                self.ctx.hub.notice.emit(f"已新建「{bank.name}」。")

        dialog.accepted.connect(created)
        dialog.open()
        return dialog

    def edit_elements(self) -> ElementEditor | None:
        bank = self.bank()
        if bank is None:
            return None
        dialog = ElementEditor(self.ctx, bank, self.table_value, self)
        dialog.open()
        return dialog

    def import_elements(self, source: Source) -> None:
        bank = self.bank()
        if bank is None:
            return
        session, bank_id = self.ctx.session, bank.id

        def done(points: int) -> None:
            messages.show_info(self, f"已从 {source.name} 导入细目表，共 {points} 个鉴定点。")

        def start() -> None:
            run_op(self, lambda: imports.import_elements(session, bank_id, source), done,
                   busy_text="正在导入细目表…", hub=self.ctx.hub)

        if len(self.table_value):
            messages.confirm(self, f"将用 {source.name} 中的细目表替换「{bank.name}」现有的细目表"
                                   f"（{len(self.table_value.points())} 个鉴定点）。"
                                   "仍有试题在用的鉴定点不能删除。\n\n确定导入？", start, "导入")
        else:
            start()

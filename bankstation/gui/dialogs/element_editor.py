"""编辑鉴定要素细目表: add, remove and edit nodes, with live sibling sums and every problem."""

from __future__ import annotations

from string import ascii_uppercase
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.elements import POINT_RE, ElementNode, ElementTable, Importance
from bankstation.domain.problems import Problem
from bankstation.gui import messages
from bankstation.gui.element_tree import nest, weight_text
from bankstation.gui.hub import Context
from bankstation.gui.ops import run_op
from bankstation.gui.widgets import ERROR_STYLE, OK_STYLE, fit_to_screen
from bankstation.services import elements

CODE, NAME, WEIGHT, IMPORTANCE, SUM = range(5)
HEADERS = ["代码", "名称", "比重 %", "重要程度", "下级比重合计"]
VALUE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def is_point(code: str) -> bool:
    return POINT_RE.match(code) is not None


class ElementDelegate(QStyledItemDelegate):
    """A spin box for a scope's weight (0 = none), a list for a point's importance, a line
    edit for names; codes and sums are not edited."""

    # Qt takes no editor (None) as "this cell is not edited"; the stubs say it never is.
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # type: ignore[override]  # noqa: N802
                     index: Index) -> QWidget | None:
        code = str(index.sibling(index.row(), CODE).data())
        column = index.column()
        if column == WEIGHT and not is_point(code):
            spin = QDoubleSpinBox(parent)
            spin.setRange(0, 100)
            spin.setDecimals(2)
            spin.setSpecialValueText("—")
            return spin
        if column == IMPORTANCE and is_point(code):
            combo = QComboBox(parent)
            for value in Importance:
                combo.addItem(f"{value.value} {value.label}", value.value)
            return combo
        if column == NAME:
            return super().createEditor(parent, option, index)
        return None

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(VALUE)
        if isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value) if value is not None else 0)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QDoubleSpinBox):
            value = editor.value() or None
            model.setData(index, value, VALUE)
            model.setData(index, weight_text(value), Qt.ItemDataRole.DisplayRole)
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), VALUE)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)
        else:
            super().setModelData(editor, model, index)


class ElementEditor(QDialog):
    """Edits a copy of the table; 保存 replaces the bank's table as a whole, or nothing."""

    def __init__(self, ctx: Context, bank: Bank, table: ElementTable,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.bank = ctx, bank
        self._running = False
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"编辑鉴定要素细目表 — {bank.name}")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(HEADERS))
        self.tree.setHeaderLabels(HEADERS)
        self.tree.setItemDelegate(ElementDelegate(self.tree))
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked
                                  | QTreeWidget.EditTrigger.EditKeyPressed
                                  | QTreeWidget.EditTrigger.SelectedClicked)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(lambda _item, _column: self.recheck())
        self.tree.currentItemChanged.connect(lambda _a, _b: self._update_buttons())
        self.top_sum = QLabel()
        self.problems = QListWidget()
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems_label = QLabel()
        self._build(self._bar())
        self._fill(table)
        fit_to_screen(self, 980, 720)

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.add_top_button = QPushButton("添加一级范围")
        self.add_top_button.clicked.connect(lambda: self.add_scope(None))
        self.add_scope_button = QPushButton("添加下级范围")
        self.add_scope_button.clicked.connect(lambda: self.add_scope(self._current_scope()))
        self.add_point_button = QPushButton("添加鉴定点")
        self.add_point_button.clicked.connect(self._add_point_here)
        self.remove_button = QPushButton("删除")
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_top_button, self.add_scope_button, self.add_point_button,
                       self.remove_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.top_sum)
        return bar

    def _build(self, bar: QHBoxLayout) -> None:
        note = QLabel("双击名称、比重或重要程度修改。比重填在鉴定范围上，同一层的比重合计应为 100；"
                      "重要程度（X 核心、Y 一般、Z 辅助）填在鉴定点上。保存时整表替换，"
                      "仍有试题在用的鉴定点不能删除。")
        note.setWordWrap(True)
        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.problems_label)
        box.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.save_button = QPushButton("保存")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton("取消")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # -- the tree ----------------------------------------------------------------------------
    def _fill(self, table: ElementTable) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for code, item in nest(self.tree, table).items():
            self._set_node(item, table.nodes[code])
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.recheck()

    @staticmethod
    def _set_node(item: QTreeWidgetItem, node: ElementNode) -> None:
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        item.setText(CODE, node.code)
        item.setText(NAME, node.name)
        item.setData(WEIGHT, VALUE, node.weight)
        item.setText(WEIGHT, weight_text(node.weight))
        value = node.importance.value if node.importance else None
        item.setData(IMPORTANCE, VALUE, value)
        item.setText(IMPORTANCE, f"{value} {Importance(value).label}" if value else "")

    def _items(self) -> list[QTreeWidgetItem]:
        """Every item, parents before children, in the order the table is saved."""
        out: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem) -> None:
            out.append(item)
            for i in range(item.childCount()):
                child = item.child(i)
                if child is not None:
                    walk(child)

        for item in self._top_items():
            walk(item)
        return out

    def _top_items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def item_for(self, code: str) -> QTreeWidgetItem | None:
        return next((i for i in self._items() if i.text(CODE) == code), None)

    def nodes(self) -> list[ElementNode]:
        out = []
        for item in self._items():
            weight = item.data(WEIGHT, VALUE)
            importance = item.data(IMPORTANCE, VALUE)
            out.append(ElementNode(item.text(CODE), item.text(NAME).strip(),
                                   float(weight) if weight is not None else None,
                                   Importance(importance) if importance else None))
        return out

    # -- editing (the delegate does the same through the model) ------------------------------
    def set_weight(self, code: str, weight: float | None) -> None:
        item = self.item_for(code)
        if item is not None:
            item.setData(WEIGHT, VALUE, weight)
            item.setText(WEIGHT, weight_text(weight))

    def set_name(self, code: str, name: str) -> None:
        item = self.item_for(code)
        if item is not None:
            item.setText(NAME, name)

    def set_importance(self, code: str, importance: Importance | None) -> None:
        item = self.item_for(code)
        if item is not None:
            item.setData(IMPORTANCE, VALUE, importance.value if importance else None)
            item.setText(IMPORTANCE, f"{importance.value} {importance.label}"
                         if importance else "")

    def _current_scope(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        if item is not None and is_point(item.text(CODE)):
            return item.parent()
        return item

    def _kids(self, parent: QTreeWidgetItem | None) -> list[QTreeWidgetItem]:
        if parent is None:
            return self._top_items()
        found = (parent.child(i) for i in range(parent.childCount()))
        return [item for item in found if item is not None]

    def _children_codes(self, parent: QTreeWidgetItem | None) -> list[str]:
        return [k.text(CODE) for k in self._kids(parent)]

    def add_scope(self, parent: QTreeWidgetItem | None) -> QTreeWidgetItem | None:
        prefix = parent.text(CODE) if parent else ""
        used = set(self._children_codes(parent))
        letter = next((c for c in ascii_uppercase if prefix + c not in used), None)
        if letter is None or len(prefix) >= 6:
            messages.show_error(self, "这一层已不能再添加鉴定范围。")
            return None
        return self._add(parent, ElementNode(prefix + letter, "新鉴定范围"))

    def _add_point_here(self) -> None:
        scope = self._current_scope()
        if scope is None:
            messages.show_error(self, "请先选中鉴定点所属的鉴定范围。")
            return
        self.add_point(scope)

    def add_point(self, scope: QTreeWidgetItem) -> QTreeWidgetItem:
        prefix = scope.text(CODE)
        numbers = [int(c[-3:]) for c in self._children_codes(scope) if is_point(c)]
        code = f"{prefix}{max(numbers, default=0) + 1:03d}"
        return self._add(scope, ElementNode(code, "新鉴定点", importance=Importance.X))

    def _add(self, parent: QTreeWidgetItem | None, node: ElementNode) -> QTreeWidgetItem:
        self.tree.blockSignals(True)
        item = QTreeWidgetItem(parent) if parent else QTreeWidgetItem(self.tree)
        self._set_node(item, node)
        self.tree.blockSignals(False)
        if parent:
            parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.recheck()
        return item

    def remove_current(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is not None:
            parent.removeChild(item)
        else:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        self.recheck()

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.add_scope_button.setEnabled(item is not None)
        self.add_point_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None)

    # -- live checks -------------------------------------------------------------------------
    def recheck(self) -> None:
        """Sibling sums on every scope and the table's problems, after every edit."""
        self.tree.blockSignals(True)
        for item in self._items():
            kids = self._kids(item)
            weights = [k.data(WEIGHT, VALUE) for k in kids if not is_point(k.text(CODE))]
            known = [float(w) for w in weights if w is not None]
            text, ok = (f"{sum(known):g}", abs(sum(known) - 100) <= 0.01) if known else ("", True)
            item.setText(SUM, text)
            item.setData(SUM, Qt.ItemDataRole.ForegroundRole, None if ok else Qt.GlobalColor.red)
        self.tree.blockSignals(False)
        tops = [item.data(WEIGHT, VALUE) for item in self._top_items()]
        total = sum(float(w) for w in tops if w is not None)
        ok = abs(total - 100) <= 0.01 or not any(w is not None for w in tops)
        self.top_sum.setText(f"一级鉴定范围比重合计：{total:g}")
        self.top_sum.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.show_problems(ElementTable(self.nodes()).problems())
        self._update_buttons()

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems.clear()
        for problem in problems:
            self.problems.addItem(problem.message if problem.row is None else str(problem))
        self.problems_label.setText(f"问题（{len(problems)} 个）：" if problems
                                    else "没有发现问题。")
        self.problems_label.setStyleSheet(ERROR_STYLE if problems else OK_STYLE)
        self.problems.setVisible(bool(problems))

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        session, bank_id, nodes = self.ctx.session, self.bank.id, self.nodes()
        self._running = True
        self.save_button.setEnabled(False)
        run_op(self, lambda: elements.replace(session, bank_id, nodes), self._saved,
               self._failed, "正在保存细目表…", self.ctx.hub)

    def _saved(self, table: ElementTable) -> None:
        self._running = False
        self.ctx.hub.notice.emit(f"细目表已保存：{len(table.scopes())} 个鉴定范围、"
                                 f"{len(table.points())} 个鉴定点。")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.save_button.setEnabled(True)
        if isinstance(exc, elements.ElementTableInvalid):
            self.show_problems(exc.problems)
        messages.show_failure(self, exc)  # the edits stay as they are

    def reject(self) -> None:
        if not self._running:
            super().reject()

    def data_of(self, code: str, column: int) -> Any:
        item = self.item_for(code)
        return None if item is None else item.data(column, VALUE)

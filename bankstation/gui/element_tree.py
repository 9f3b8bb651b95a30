"""The element table (鉴定要素细目表) as a read-only tree: scopes with weights, points below."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from bankstation.domain.elements import ElementNode, ElementTable

HEADERS = ["代码", "名称", "比重 %", "占全卷 %", "重要程度"]
EXPAND_ALL_UP_TO = 400  # nodes; a larger table opens at its top scopes


def weight_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def importance_text(node: ElementNode) -> str:
    return f"{node.importance.value} {node.importance.label}" if node.importance else ""


def nest(tree: QTreeWidget, table: ElementTable,
         make: type[QTreeWidgetItem] = QTreeWidgetItem) -> dict[str, QTreeWidgetItem]:
    """One item per node under its parent (a node whose parent is missing goes on top)."""
    items: dict[str, QTreeWidgetItem] = {}
    for code in sorted(table.nodes, key=lambda c: (len(table.ancestors(c)), c)):
        parent = items.get(table.nodes[code].parent or "")
        item = make(parent) if parent is not None else make(tree)
        items[code] = item
    return items


class ElementTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(len(HEADERS))
        self.setHeaderLabels(HEADERS)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table = ElementTable([])

    def set_table(self, table: ElementTable) -> None:
        self.table = table
        self.clear()
        for code, item in nest(self, table).items():
            node = table.nodes[code]
            share = None if node.is_point else table.absolute_weight(code)
            texts = [code, node.name, weight_text(node.weight),
                     "" if share is None else f"{share:.4g}", importance_text(node)]
            for column, text in enumerate(texts):
                item.setText(column, text)
        if len(table) <= EXPAND_ALL_UP_TO:
            self.expandAll()
        else:
            self.expandToDepth(0)

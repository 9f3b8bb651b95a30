"""The element table (鉴定要素细目表): scopes with weights, assessment points with importance.

Codes are hierarchical by prefix: scopes are letters (``A``, ``AB``), a point is its scope's
code plus three digits (``AB001``). Weights (percent) sit on scope rows; siblings sum to 100
at every level that has weights.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from bankstation.domain.problems import Problem

SCOPE_RE = re.compile(r"^[A-Z]{1,6}$")
POINT_RE = re.compile(r"^([A-Z]{1,6})(\d{3})$")
WEIGHT_TOLERANCE = 0.01


class Importance(StrEnum):
    X = "X"
    Y = "Y"
    Z = "Z"

    @property
    def label(self) -> str:
        return {"X": "核心要素", "Y": "一般要素", "Z": "辅助要素"}[self.value]


@dataclass(frozen=True)
class ElementNode:
    code: str
    name: str
    weight: float | None = None
    importance: Importance | None = None

    @property
    def is_point(self) -> bool:
        return POINT_RE.match(self.code) is not None

    @property
    def parent(self) -> str | None:
        if self.is_point:
            return self.code[:-3]
        return self.code[:-1] or None


class ElementTable:
    """A validated-or-not tree of nodes; ``problems()`` says what is wrong with it."""

    def __init__(self, nodes: list[ElementNode]) -> None:
        self.nodes = {node.code: node for node in nodes}
        self._order = [node.code for node in nodes]

    def __len__(self) -> int:
        return len(self.nodes)

    def scopes(self) -> list[ElementNode]:
        return [self.nodes[c] for c in sorted(self.nodes) if not self.nodes[c].is_point]

    def points(self) -> list[ElementNode]:
        return [self.nodes[c] for c in sorted(self.nodes) if self.nodes[c].is_point]

    def children(self, code: str | None) -> list[ElementNode]:
        return [n for n in (self.nodes[c] for c in sorted(self.nodes)) if n.parent == code]

    def ancestors(self, code: str) -> list[str]:
        """Scope codes from the top down to the node's own scope (``AB001`` -> A, AB)."""
        scope = code[:-3] if POINT_RE.match(code) else code
        return [scope[:i] for i in range(1, len(scope) + 1)]

    def absolute_weight(self, scope: str) -> float | None:
        """Percent of the whole table: the product of the percentages down the tree."""
        share = 100.0
        for code in self.ancestors(scope):
            node = self.nodes.get(code)
            if node is None or node.weight is None:
                return None
            share *= node.weight / 100
        return share

    def depth_of(self, scope: str) -> int:
        return len(scope)

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for code in self._order:
            found.extend(_node_problems(self, self.nodes[code]))
        found.extend(_weight_problems(self))
        if not self.points():
            found.append(Problem(None, None, "细目表中没有任何鉴定点。"))
        return found


def _node_problems(table: ElementTable, node: ElementNode) -> list[Problem]:
    out = []
    if not SCOPE_RE.match(node.code) and not node.is_point:
        out.append(Problem(None, "代码", f"代码「{node.code}」格式错误：鉴定范围用大写字母"
                           "（A、AB），鉴定点为范围代码加三位数字（AB001）。"))
        return out
    parent = node.parent
    if parent and parent not in table.nodes:
        out.append(Problem(None, "代码", f"「{node.code}」的上级「{parent}」不在细目表中。"))
    if not node.name.strip():
        out.append(Problem(None, "名称", f"「{node.code}」缺少名称。"))
    if node.is_point:
        if node.importance is None:
            out.append(Problem(None, "重要程度", f"鉴定点「{node.code}」缺少重要程度（X/Y/Z）。"))
        if node.weight is not None:
            out.append(Problem(None, "比重", f"鉴定点「{node.code}」不应填写比重（"
                                           "比重填在鉴定范围上）。"))
    else:
        if node.importance is not None:
            out.append(Problem(None, "重要程度",
                               f"鉴定范围「{node.code}」不应填写重要程度（填在鉴定点上）。"))
        if node.weight is not None and not 0 < node.weight <= 100:
            out.append(Problem(None, "比重",
                               f"「{node.code}」的比重 {node.weight:g} 不在 0–100 之间。"))
    return out


def _weight_problems(table: ElementTable) -> list[Problem]:
    out = []
    parents = {None} | {n.code for n in table.scopes()}
    for parent in sorted(parents, key=lambda p: p or ""):
        kids = [n for n in table.children(parent) if not n.is_point]
        weighted = [n for n in kids if n.weight is not None]
        if not weighted:
            continue
        label = f"「{parent}」下" if parent else "一级"
        if len(weighted) != len(kids):
            missing = "、".join(n.code for n in kids if n.weight is None)
            out.append(Problem(None, "比重",
                               f"{label}鉴定范围有的填了比重、有的没填（{missing}）。"))
            continue
        total = sum(n.weight or 0 for n in weighted)
        if abs(total - 100) > WEIGHT_TOLERANCE:
            codes = "、".join(n.code for n in weighted)
            out.append(Problem(None, "比重", f"{label}鉴定范围（{codes}）比重合计 {total:g}，"
                                           "应为 100。"))
    return out

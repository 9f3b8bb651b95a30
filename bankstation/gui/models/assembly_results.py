"""The results of one assembly: each form against the blueprint, and the overlap between forms.

Both tables have one column per form (A卷, B卷, …), so their columns are built per result
rather than from a fixed column enum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from bankstation.domain.blueprints import Blueprint
from bankstation.domain.papers import paper_statistics
from bankstation.gui.models.blueprint_tables import WRONG

Index = QModelIndex | QPersistentModelIndex
Paper = dict[str, Any]
DISPLAY = Qt.ItemDataRole.DisplayRole
SHORT_QTYPE = {"judge": "判断", "single": "单选", "multiple": "多选", "fill": "填空",
               "short": "简答", "calc": "计算", "essay": "论述", "case": "案例",
               "practical": "操作"}
EPS = 1e-9


@dataclass(frozen=True)
class StatRow:
    label: str
    target: str
    values: list[str]
    ok: list[bool]


def _items(paper: Paper) -> list[dict[str, Any]]:
    return [i for s in paper["sections"] for i in s["items"]]


def _section_rows(bp: Blueprint, papers: list[Paper]) -> list[StatRow]:
    rows = []
    for index, section in enumerate(bp.sections):
        counts = [sum(len(s["items"]) for s in p["sections"] if s["qtype"] == section.qtype)
                  for p in papers]
        heading = next((s["heading"] for s in papers[0]["sections"]
                        if s["qtype"] == section.qtype), section.qtype.label) if papers else ""
        rows.append(StatRow(heading or f"{index + 1}. {section.qtype.label}",
                            f"{section.count} 题 × {section.points:g} 分",
                            [f"{n} 题" for n in counts], [n == section.count for n in counts]))
    points = [sum(len(s["items"]) * s["points_each"] for s in p["sections"]) for p in papers]
    rows.append(StatRow("总分", f"{bp.total_points:g} 分", [f"{v:g} 分" for v in points],
                        [abs(v - bp.total_points) < EPS for v in points]))
    return rows


def _difficulty_row(bp: Blueprint, stats: list[dict[str, Any]]) -> StatRow:
    means = [s["mean_difficulty"] for s in stats]
    if bp.difficulty is None:
        return StatRow("平均难度系数", "不限", [f"{m:.3f}" for m in means], [True] * len(means))
    target, tol = bp.difficulty["target"], bp.difficulty["tolerance"]
    low, high = target - tol, target + tol
    return StatRow("平均难度系数", f"{target:.2f} ± {tol:.2f}（{low:.2f}–{high:.2f}）",
                   [f"{m:.3f}" for m in means],
                   [low - 5e-5 <= m <= high + 5e-5 for m in means])  # the mean is rounded


def _bound_text(bounds: dict[str, float]) -> str:
    parts = []
    if "min" in bounds:
        parts.append(f"≥ {bounds['min']:g}%")
    if "max" in bounds:
        parts.append(f"≤ {bounds['max']:g}%")
    return "，".join(parts) or "不限"


def _importance_rows(bp: Blueprint, papers: list[Paper]) -> list[StatRow]:
    rows = []
    for level in ("X", "Y", "Z"):
        bounds = bp.importance.get(level, {})
        values, ok = [], []
        for paper in papers:
            items = _items(paper)
            n = sum(1 for i in items if i["importance"] == level)
            share = 100 * n / len(items) if items else 0.0
            values.append(f"{share:.1f}%（{n} 题）")
            ok.append(share >= bounds.get("min", 0) - EPS and share <= bounds.get("max", 100) + EPS)
        rows.append(StatRow(f"重要程度 {level}", _bound_text(bounds), values, ok))
    return rows


def _cell_text(counts: dict[str, int], qtypes: list[str]) -> str:
    return " · ".join(f"{SHORT_QTYPE.get(q, q)} {counts.get(q, 0)}" for q in qtypes)


def _scope_rows(bp: Blueprint, papers: list[Paper]) -> list[StatRow]:
    cells = bp.derived_cells()
    qtypes = [s.qtype.value for s in bp.sections]
    depth = len(bp.scopes()[0]) if bp.scopes() else 1
    rows = []
    for scope, wanted in cells.items():
        values, ok = [], []
        for paper in papers:
            got: dict[str, int] = {}
            for section in paper["sections"]:
                for item in section["items"]:
                    if len(item["scopes"]) >= depth and item["scopes"][depth - 1] == scope:
                        got[section["qtype"]] = got.get(section["qtype"], 0) + 1
            values.append(_cell_text(got, qtypes))
            ok.append(all(got.get(q, 0) == wanted.get(q, 0) for q in qtypes))
        rows.append(StatRow(f"鉴定范围 {scope}", _cell_text(wanted, qtypes), values, ok))
    return rows


def statistics_rows(bp: Blueprint, papers: list[Paper]) -> list[StatRow]:
    """Every rule of the blueprint, the value each form reached, and whether it holds."""
    stats = [paper_statistics(p) for p in papers]
    return [*_section_rows(bp, papers), _difficulty_row(bp, stats),
            *_importance_rows(bp, papers), *_scope_rows(bp, papers)]


class ResultModel(QAbstractTableModel):
    """A read-only grid of text with headers on both sides; subclasses fill ``_grid``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._row_headers: list[str] = []
        self._grid: list[list[str]] = []
        self._bad: set[tuple[int, int]] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._grid)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._grid)
                                       and 0 <= index.column() < len(self._headers)):
            return None
        text = self._grid[index.row()][index.column()]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole and (index.row(), index.column()) in self._bad:
            return WRONG
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> Any:
        if role != DISPLAY:
            return None
        labels = self._headers if orientation == Qt.Orientation.Horizontal else self._row_headers
        return labels[section] if 0 <= section < len(labels) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _set(self, headers: list[str], row_headers: list[str], grid: list[list[str]],
             bad: set[tuple[int, int]]) -> None:
        self.beginResetModel()
        self._headers, self._row_headers, self._grid, self._bad = headers, row_headers, grid, bad
        self.endResetModel()

    def clear(self) -> None:
        self._set([], [], [], set())

    def text(self, row: int, column: int) -> str:
        return self._grid[row][column]

    def is_bad(self, row: int, column: int) -> bool:
        return (row, column) in self._bad

    def all_ok(self) -> bool:
        return not self._bad


class StatisticsModel(ResultModel):
    """项目 | 要求 | A卷 | B卷 …; a value outside its rule is shown in red."""

    def show(self, bp: Blueprint, papers: list[Paper]) -> None:
        rows = statistics_rows(bp, papers)
        headers = ["项目", "方案要求", *(f"{p['form']}卷" for p in papers)]
        grid = [[r.label, r.target, *r.values] for r in rows]
        bad = {(y, 2 + x) for y, r in enumerate(rows) for x, ok in enumerate(r.ok) if not ok}
        self._set(headers, [r.label for r in rows], grid, bad)


def overlap(a: Paper, b: Paper) -> int:
    return len({i["question_id"] for i in _items(a)} & {i["question_id"] for i in _items(b)})


class OverlapModel(ResultModel):
    """Questions any two forms share: count and share of the paper, red over the limit."""

    def show(self, papers: list[Paper], max_overlap: float) -> None:
        forms = [f"{p['form']}卷" for p in papers]
        grid, bad = [], set()
        for y, a in enumerate(papers):
            n = len(_items(a)) or 1
            limit = math.floor(max_overlap * n + EPS)
            row = []
            for x, b in enumerate(papers):
                if x == y:
                    row.append("—")
                    continue
                shared = overlap(a, b)
                row.append(f"{shared} 题（{shared / n:.1%}）")
                if shared > limit:
                    bad.add((y, x))
            grid.append(row)
        self._set(forms, forms, grid, bad)


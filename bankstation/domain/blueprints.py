"""Blueprints (组卷方案): sections, weights or an explicit cell table, and the paper's rules.

The JSON form is DESIGN.md §6 (`bankstation.blueprint/1`). A blueprint is identified by the
SHA-256 of its canonical JSON, so an approved, locked blueprint can be proven unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from bankstation.domain.apportion import hamilton
from bankstation.domain.elements import ElementTable
from bankstation.domain.ledger import canonical_json
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import QType, parse_qtype

FORMAT = "bankstation.blueprint/1"
Cells = dict[str, dict[str, int]]  # scope -> qtype -> count


@dataclass(frozen=True)
class Section:
    qtype: QType
    count: int
    points: float


@dataclass(frozen=True)
class Blueprint:
    title: str
    occupation: str
    level: int
    exam: str
    sections: tuple[Section, ...]
    weights: dict[str, float] | None = None
    cells: Cells | None = None
    duration_minutes: int = 90
    pass_score: float = 60
    importance: dict[str, dict[str, float]] = field(default_factory=dict)
    difficulty: dict[str, float] | None = None
    forms: int = 1
    max_overlap: float = 0.10
    rest_days: int = 0

    @property
    def total_points(self) -> float:
        return sum(s.count * s.points for s in self.sections)

    @property
    def item_count(self) -> int:
        return sum(s.count for s in self.sections)

    def derived_cells(self) -> Cells:
        """The cell table: given explicitly, or apportioned per section from the weights."""
        if self.cells is not None:
            return {scope: dict(row) for scope, row in sorted(self.cells.items())}
        weights = self.weights or {}
        out: Cells = {scope: {} for scope in sorted(weights)}
        for section in self.sections:
            for scope, seats in hamilton(section.count, weights).items():
                if seats:
                    out[scope][section.qtype.value] = seats
        return out

    def scopes(self) -> list[str]:
        return sorted(self.cells if self.cells is not None else (self.weights or {}))

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": FORMAT, "title": self.title, "occupation": self.occupation,
            "level": self.level, "exam": self.exam,
            "duration_minutes": self.duration_minutes, "pass_score": self.pass_score,
            "sections": [{"qtype": s.qtype.value, "count": s.count, "points": s.points}
                         for s in self.sections],
            "importance": self.importance, "forms": self.forms,
            "max_overlap": self.max_overlap, "rest_days": self.rest_days,
        }
        if self.weights is not None:
            data["weights"] = self.weights
        if self.cells is not None:
            data["cells"] = self.cells
        if self.difficulty is not None:
            data["difficulty"] = self.difficulty
        return data

    def canonical(self) -> bytes:
        return canonical_json(self.to_dict())

    def sha256(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


class BlueprintFormatError(ValueError):
    """The JSON cannot be read as a blueprint at all; ``problems`` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


def _num(data: dict[str, Any], key: str, default: Any, problems: list[Problem]) -> Any:
    value = data.get(key, default)
    if value is None or isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(Problem(None, key, f"「{key}」应为数字。"))
        return default
    return value


def from_dict(data: Any) -> Blueprint:
    """Read the §6 JSON; structural problems raise BlueprintFormatError (rules come later)."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise BlueprintFormatError([Problem(None, None, "组卷方案文件应为 JSON 对象。")])
    if data.get("format") != FORMAT:
        problems.append(Problem(None, "format", f"「format」应为 {FORMAT}。"))
    sections = _sections(data.get("sections"), problems)
    weights = _weights(data.get("weights"), problems)
    cells = _cells(data.get("cells"), problems)
    if weights is None and cells is None:
        problems.append(Problem(None, "weights", "须给出「weights」（"
                                                 "各鉴定范围比重）或「cells」（双向细目表）。"))
    bp = Blueprint(
        title=str(data.get("title") or "").strip(),
        occupation=str(data.get("occupation") or "").strip(),
        level=int(_num(data, "level", 0, problems)),
        exam=str(data.get("exam") or ""),
        sections=tuple(sections),
        weights=weights, cells=cells,
        duration_minutes=int(_num(data, "duration_minutes", 90, problems)),
        pass_score=float(_num(data, "pass_score", 60, problems)),
        importance=_importance(data.get("importance"), problems),
        difficulty=_difficulty(data.get("difficulty"), problems),
        forms=int(_num(data, "forms", 1, problems)),
        max_overlap=float(_num(data, "max_overlap", 0.10, problems)),
        rest_days=int(_num(data, "rest_days", 0, problems)),
    )
    if problems:
        raise BlueprintFormatError(problems)
    return bp


def _sections(raw: Any, problems: list[Problem]) -> list[Section]:
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(None, "sections", "「sections」应列出至少一个题型。"))
        return []
    out = []
    for i, item in enumerate(raw, 1):
        qtype = parse_qtype(str(item.get("qtype", ""))) if isinstance(item, dict) else None
        count, points = (item.get("count"), item.get("points")) if isinstance(item, dict) \
            else (None, None)
        if qtype is None or not isinstance(count, int) or isinstance(count, bool) \
                or not isinstance(points, int | float) or isinstance(points, bool):
            problems.append(Problem(i, "sections", f"第 {i} 个题型应写明 qtype、count（"
                                                   "整数）和 points。"))
            continue
        out.append(Section(qtype, count, float(points)))
    return out


def _weights(raw: Any, problems: list[Problem]) -> dict[str, float] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in raw.values()):
        problems.append(Problem(None, "weights", "「weights」应为 {鉴定范围代码: 百分比}。"))
        return None
    return {str(k): float(v) for k, v in raw.items()}


def _cells(raw: Any, problems: list[Problem]) -> Cells | None:
    if raw is None:
        return None
    ok = isinstance(raw, dict) and all(
        isinstance(row, dict) and all(isinstance(n, int) and not isinstance(n, bool)
                                      for n in row.values()) for row in raw.values())
    if not ok:
        problems.append(Problem(None, "cells", "「cells」应为 {鉴定范围: {题型: 题数}}。"))
        return None
    out: Cells = {}
    for scope, row in raw.items():
        out[str(scope)] = {}
        for name, n in row.items():
            qtype = parse_qtype(str(name))
            if qtype is None:
                problems.append(Problem(None, "cells", f"「cells」中的题型「{name}」无法识别。"))
                continue
            out[str(scope)][qtype.value] = n
    return out


def _importance(raw: Any, problems: list[Problem]) -> dict[str, dict[str, float]]:
    if raw is None:
        return {}
    out: dict[str, dict[str, float]] = {}
    if not isinstance(raw, dict):
        problems.append(Problem(None, "importance", "「importance」格式错误。"))
        return out
    for level, bounds in raw.items():
        if level not in ("X", "Y", "Z") or not isinstance(bounds, dict) or not all(
                k in ("min", "max") and isinstance(v, int | float) for k, v in bounds.items()):
            problems.append(Problem(None, "importance",
                                    f"「importance」中「{level}」应为 X/Y/Z "
                                    "及其 min、max 百分比。"))
            continue
        out[level] = {k: float(v) for k, v in bounds.items()}
    return out


def _difficulty(raw: Any, problems: list[Problem]) -> dict[str, float] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("target"), int | float):
        problems.append(Problem(None, "difficulty", "「difficulty」应含 target（及 tolerance）。"))
        return None
    return {"target": float(raw["target"]), "tolerance": float(raw.get("tolerance", 0.05))}


def rule_problems(bp: Blueprint, table: ElementTable, exam: str, full_mark: float = 100
                  ) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of a blueprint against its bank's element table."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    _check_sections(bp, exam, full_mark, errors)
    _check_scopes(bp, table, errors, warnings)
    _check_bounds(bp, errors)
    return errors, warnings


def _check_sections(bp: Blueprint, exam: str, full_mark: float, errors: list[Problem]) -> None:
    seen: set[QType] = set()
    for s in bp.sections:
        if s.qtype in seen:
            errors.append(Problem(None, "sections", f"题型「{s.qtype.label}」重复出现。"))
        seen.add(s.qtype)
        if s.qtype.exam != exam:
            errors.append(Problem(None, "sections", f"{s.qtype.label}不属于本考试类别。"))
        if s.count <= 0 or s.points <= 0:
            errors.append(Problem(None, "sections", f"{s.qtype.label}的题量和分值都必须大于 0。"))
    if bp.sections and abs(bp.total_points - full_mark) > 1e-9:
        errors.append(Problem(None, "sections",
                              f"总分为 {bp.total_points:g} 分，应为满分 {full_mark:g} 分。"))
    if not 0 < bp.pass_score <= full_mark:
        errors.append(Problem(None, "pass_score", "及格分应在 0 与满分之间。"))


def _check_scopes(bp: Blueprint, table: ElementTable, errors: list[Problem],
                  warnings: list[Problem]) -> None:
    scopes = bp.scopes()
    unknown = [s for s in scopes if s not in table.nodes or table.nodes[s].is_point]
    if unknown:
        names = "、".join(unknown)
        errors.append(Problem(None, "weights", f"鉴定范围 {names} 不在本题库的细目表中。"))
        return
    if len({len(s) for s in scopes}) > 1:
        errors.append(Problem(None, "weights", "比重应针对细目表中同一层级的鉴定范围。"))
    if bp.weights is not None:
        total = sum(bp.weights.values())
        if abs(total - 100) > 0.01:
            errors.append(Problem(None, "weights", f"各鉴定范围比重合计 {total:g}，应为 100。"))
        for scope in scopes:
            expected = table.absolute_weight(scope)
            if expected is not None and abs(expected - bp.weights[scope]) > 0.05:
                warnings.append(Problem(None, "weights", (
                    f"鉴定范围「{scope} {table.nodes[scope].name}」在方案中占 "
                    f"{bp.weights[scope]:g}%，"
                    f"而细目表比重为 {expected:g}%。")))
    if bp.cells is not None:
        _check_cells(bp, errors)


def _check_cells(bp: Blueprint, errors: list[Problem]) -> None:
    for s in bp.sections:
        given = sum(row.get(s.qtype.value, 0) for row in (bp.cells or {}).values())
        if given != s.count:
            errors.append(Problem(None, "cells",
                                  f"双向细目表中{s.qtype.label}共 {given} 题，"
                                  f"与题量 {s.count} 不符。"))
    known = {s.qtype.value for s in bp.sections}
    for scope, row in (bp.cells or {}).items():
        for qtype, n in row.items():
            if qtype not in known and n:
                errors.append(Problem(None, "cells", f"双向细目表「{scope}」中有方案未列的题型。"))
            if n < 0:
                errors.append(Problem(None, "cells", f"双向细目表「{scope}」中题数为负。"))


def _check_bounds(bp: Blueprint, errors: list[Problem]) -> None:
    for level, bounds in bp.importance.items():
        low, high = bounds.get("min", 0), bounds.get("max", 100)
        if not 0 <= low <= high <= 100:
            errors.append(Problem(None, "importance", f"重要程度 {level} 的比例界限无效。"))
    if bp.difficulty is not None:
        target, tol = bp.difficulty["target"], bp.difficulty["tolerance"]
        if not 0 < target < 1 or not 0 <= tol < 1:
            errors.append(Problem(None, "difficulty", "难度目标应在 0–1 之间，容差应在 0–1 之间。"))
    if bp.forms < 1 or bp.forms > 26:
        errors.append(Problem(None, "forms", "卷套数应在 1–26 之间（A卷至Z卷）。"))
    if not 0 <= bp.max_overlap <= 1:
        errors.append(Problem(None, "max_overlap", "套间重复率上限应在 0–1 之间。"))
    if bp.rest_days < 0:
        errors.append(Problem(None, "rest_days", "试题回避天数不能为负。"))

"""Before drawing: can the bank meet the blueprint at all, and if not, exactly why.

Every check is a bound the engine cannot beat, so a refusal here is never wrong: a cell with
fewer eligible questions (counting one per enemy group) than it needs; an importance or
difficulty bound beyond the best value any choice could reach; and an estimate of how many
forms the bank can support at the blueprint's overlap limit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from bankstation.domain.assembly import Cell, Item, Rules
from bankstation.domain.qtypes import QType


@dataclass(frozen=True)
class Shortfall:
    scope: str
    qtype: str
    needed: int
    available: int

    def message(self) -> str:
        return (f"鉴定范围 {self.scope} 的{QType(self.qtype).label}需要 {self.needed} 道，"
                f"可用 {self.available} 道（已通过、未停用、互斥组各计一道）。")


@dataclass
class Feasibility:
    shortfalls: list[Shortfall] = field(default_factory=list)
    bound_problems: list[str] = field(default_factory=list)
    forms_supported: int = 0
    rested_short: dict[Cell, int] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return not self.shortfalls and not self.bound_problems

    def reasons(self) -> list[str]:
        return [s.message() for s in self.shortfalls] + self.bound_problems


def _distinct_available(pool: list[Item]) -> int:
    groups = {i.group for i in pool if i.group}
    return sum(1 for i in pool if not i.group) + len(groups)


def check(items: list[Item], rules: Rules) -> Feasibility:
    pools: dict[Cell, list[Item]] = defaultdict(list)
    for item in items:
        if item.cell in rules.cells:
            pools[item.cell].append(item)
    result = Feasibility()
    for (scope, qtype), need in sorted(rules.cells.items()):
        available = _distinct_available(pools[(scope, qtype)])
        if available < need:
            result.shortfalls.append(Shortfall(scope, qtype, need, available))
        rested = sum(1 for i in pools[(scope, qtype)] if i.rested)
        if rested < need:
            result.rested_short[(scope, qtype)] = need - rested
    if not result.shortfalls:
        result.bound_problems += _importance_bounds(pools, rules)
        result.bound_problems += _difficulty_bounds(pools, rules)
    result.forms_supported = forms_supported(pools, rules) if not result.shortfalls else 0
    return result


def _importance_bounds(pools: dict[Cell, list[Item]], rules: Rules) -> list[str]:
    out = []
    n = rules.size
    for level, (low, high) in rules.importance_counts().items():
        most = sum(min(need, sum(1 for i in pools[c] if i.importance == level))
                   for c, need in rules.cells.items())
        least = sum(max(0, need - sum(1 for i in pools[c] if i.importance != level))
                    for c, need in rules.cells.items())
        if most < low:
            out.append(f"重要程度 {level} 至少应占 {100 * low / n:.1f}%（{low} 题），"
                       f"题库最多只能达到 {100 * most / n:.1f}%（{most} 题）。")
        if least > high:
            out.append(f"重要程度 {level} 至多应占 {100 * high / n:.1f}%（{high} 题），"
                       f"题库最少也要 {100 * least / n:.1f}%（{least} 题）。")
    return out


def _difficulty_bounds(pools: dict[Cell, list[Item]], rules: Rules) -> list[str]:
    if rules.difficulty is None:
        return []
    low, high = rules.difficulty
    n = rules.size
    least = sum(sum(sorted(i.difficulty for i in pools[c])[:need])
                for c, need in rules.cells.items())
    most = sum(sum(sorted((i.difficulty for i in pools[c]), reverse=True)[:need])
               for c, need in rules.cells.items())
    if most / n < low - 1e-9:
        return [f"平均难度系数应在 {low:.3f}–{high:.3f} 之间，题库最高只能达到 {most / n:.3f}"
                "（可选试题整体偏难）。"]
    if least / n > high + 1e-9:
        return [f"平均难度系数应在 {low:.3f}–{high:.3f} 之间，题库最低也有 {least / n:.3f}"
                "（可选试题整体偏易）。"]
    return []


def forms_supported(pools: dict[Cell, list[Item]], rules: Rules, cap: int = 26) -> int:
    """How many forms the bank can give at the overlap limit, as an upper bound: k forms need
    k·n_c questions per cell; any shortfall must be repeats, and k forms can absorb at most
    limit·k(k-1)/2 repeats in all (each repeat is at least one shared pair)."""
    limit = rules.overlap_limit
    available = {c: _distinct_available(pools[c]) for c in rules.cells}  # once, not per k
    if any(available[c] < need for c, need in rules.cells.items()):
        return 0
    best = 0
    for k in range(1, cap + 1):
        deficit = sum(max(0, k * need - available[c]) for c, need in rules.cells.items())
        if deficit > limit * k * (k - 1) // 2:
            break
        best = k
    return best

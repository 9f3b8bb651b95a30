"""Forms under construction: the aggregates every rule is checked on, kept current by each swap."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for annotations: assembly.py imports this module
    from bankstation.domain.assembly import Cell, Item, Rules


class Form:
    """One form with the aggregates its own rules are checked on."""

    def __init__(self, rules: Rules, index: int) -> None:
        self.rules = rules
        self.index = index
        self.chosen: dict[Cell, list[Item]] = {cell: [] for cell in rules.cells}
        self.ids: set[int] = set()
        self.groups: Counter[str] = Counter()
        self.levels: Counter[str] = Counter()
        self.total_difficulty = 0.0
        self.bounds = rules.importance_counts()

    def has(self, item: Item) -> bool:
        return item.qid in self.ids

    def add(self, item: Item, sign: int = 1) -> None:
        if sign > 0:
            self.chosen[item.cell].append(item)
            self.ids.add(item.qid)
        else:
            self.chosen[item.cell].remove(item)
            self.ids.discard(item.qid)
        if item.group:
            self.groups[item.group] += sign
        self.levels[item.importance] += sign
        self.total_difficulty += sign * item.difficulty

    def items(self) -> list[Item]:
        return [item for cell in sorted(self.chosen) for item in self.chosen[cell]]

    def violation(self) -> float:
        return (self.difficulty_violation(self.total_difficulty)
                + sum(self.level_violation(level, self.levels[level]) for level in self.bounds)
                + sum(n - 1 for n in self.groups.values() if n > 1))

    def difficulty_violation(self, total: float) -> float:
        if self.rules.difficulty is None:
            return 0.0
        low, high = self.rules.difficulty
        n = self.rules.size
        # in items' worth of difficulty, so one unit is comparable to one misplaced item
        return max(0.0, low * n - total - 1e-9) + max(0.0, total - high * n - 1e-9)

    def too_easy(self) -> bool:
        """Mean coefficient above the bound (a higher coefficient is an easier question)."""
        return (self.rules.difficulty is not None
                and self.total_difficulty > self.rules.difficulty[1] * self.rules.size + 1e-9)

    def too_hard(self) -> bool:
        return (self.rules.difficulty is not None
                and self.total_difficulty < self.rules.difficulty[0] * self.rules.size - 1e-9)

    def level_violation(self, level: str, count: int) -> int:
        low, high = self.bounds[level]
        return max(0, low - count) + max(0, count - high)

    def swap_delta(self, out: Item, inn: Item) -> float:
        delta = self.difficulty_violation(self.total_difficulty - out.difficulty + inn.difficulty)
        delta -= self.difficulty_violation(self.total_difficulty)
        if out.importance != inn.importance:
            for level, change in ((out.importance, -1), (inn.importance, 1)):
                if level in self.bounds:
                    now = self.levels[level]
                    delta += (self.level_violation(level, now + change)
                              - self.level_violation(level, now))
        if out.group != inn.group:
            if out.group and self.groups[out.group] > 1:
                delta -= 1
            if inn.group and self.groups[inn.group] >= 1:
                delta += 1
        return delta

    def describe(self) -> list[str]:
        parts = []
        n = self.rules.size
        if self.difficulty_violation(self.total_difficulty) > 0 and self.rules.difficulty:
            low, high = self.rules.difficulty
            parts.append(f"平均难度系数应在 {low:.4f}–{high:.4f} 之间，"
                         f"只能达到 {self.total_difficulty / n:.4f}")
        for level in self.bounds:
            if self.level_violation(level, self.levels[level]):
                parts.append(f"重要程度 {level} 只能达到 {100 * self.levels[level] / n:.1f}%")
        if any(v > 1 for v in self.groups.values()):
            parts.append("无法避免同一互斥组的试题同时入卷")
        return parts


class Joint:
    """All forms of one assembly, with the pairwise overlaps between them."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.forms: list[Form] = []
        self.members: dict[int, set[int]] = {}  # qid -> indexes of forms holding it
        self.overlap: dict[tuple[int, int], int] = {}
        self.limit = rules.overlap_limit

    def new_form(self) -> Form:
        self.forms.append(Form(self.rules, len(self.forms)))
        return self.forms[-1]

    def add(self, form: Form, item: Item, sign: int = 1) -> None:
        me = form.index
        holders = self.members.setdefault(item.qid, set())
        if sign < 0:
            holders.discard(me)
        for other in holders:
            key = (min(me, other), max(me, other))
            self.overlap[key] = self.overlap.get(key, 0) + sign
        if sign > 0:
            holders.add(me)
        form.add(item, sign)

    def swap(self, form: Form, out: Item, inn: Item) -> None:
        self.add(form, out, -1)
        self.add(form, inn, 1)

    def violation(self) -> float:
        return (sum(f.violation() for f in self.forms)
                + sum(max(0, o - self.limit) for o in self.overlap.values()))

    def broken_forms(self) -> list[Form]:
        """The forms a swap should go to: those breaking a rule of their own, else those in a
        pair over the overlap limit (empty when every rule holds)."""
        bad = [f for f in self.forms if f.violation() > 0]
        if bad:
            return bad
        over = {i for pair, o in self.overlap.items() if o > self.limit for i in pair}
        return [self.forms[i] for i in sorted(over)]

    def swap_delta(self, form: Form, out: Item, inn: Item) -> float:
        delta = form.swap_delta(out, inn)
        me = form.index
        changes: Counter[int] = Counter()
        for other in self.members.get(out.qid, ()):
            if other != me:
                changes[other] -= 1
        for other in self.members.get(inn.qid, ()):
            if other != me:
                changes[other] += 1
        for other, change in changes.items():
            if change:
                now = self.overlap.get((min(me, other), max(me, other)), 0)
                delta += max(0, now + change - self.limit) - max(0, now - self.limit)
        return delta

    def describe(self) -> str:
        parts = [p for f in self.forms for p in f.describe()]
        worst = max(self.overlap.values(), default=0)
        if worst > self.limit:
            parts.append(f"两套试卷之间重复 {worst} 题，超过上限 {self.limit} 题")
        reasons = "；".join(dict.fromkeys(parts)) or "未知原因"
        return f"组卷引擎未能同时满足全部规则：{reasons}。"

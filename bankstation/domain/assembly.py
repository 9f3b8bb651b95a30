"""The assembly engine: choose each form's questions so every hard rule of the blueprint holds.

Hard rules (met exactly, or the assembly is refused): each cell (scope × qtype) gets its count;
no question twice; at most one question per enemy group; the importance bounds; the mean
difficulty bounds; any two forms share at most ``max_overlap`` of their items.

Method: a randomised greedy draw that prefers the least-used, rested questions, then a local
search of same-cell swaps that drives the violation of the count-free rules (difficulty,
importance, overlap, enemy groups) to zero. Everything random comes from one seeded
``random.Random``, so the same bank state, blueprint and seed always give the same papers.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import dataclass, field

Cell = tuple[str, str]  # (scope, qtype)


@dataclass(frozen=True)
class Item:
    """An eligible question (its current approved version) as the engine sees it."""

    qid: int
    version: int
    scope: str
    qtype: str
    point: str
    importance: str
    difficulty: float
    group: str | None
    uses: int
    rested: bool = True

    @property
    def cell(self) -> Cell:
        return (self.scope, self.qtype)


@dataclass(frozen=True)
class Rules:
    cells: dict[Cell, int]
    importance: dict[str, dict[str, float]] = field(default_factory=dict)  # percent bounds
    difficulty: tuple[float, float] | None = None  # bounds on the mean coefficient
    forms: int = 1
    max_overlap: float = 0.10

    @property
    def size(self) -> int:
        return sum(self.cells.values())

    @property
    def overlap_limit(self) -> int:
        return math.floor(self.max_overlap * self.size + 1e-9)

    def importance_counts(self) -> dict[str, tuple[int, int]]:
        """Bounds in items: (at least, at most) per importance level."""
        n = self.size
        return {level: (math.ceil(b.get("min", 0) * n / 100 - 1e-9),
                        math.floor(b.get("max", 100) * n / 100 + 1e-9))
                for level, b in self.importance.items()}


@dataclass
class AssemblyResult:
    forms: list[list[Item]]
    reused: dict[Cell, int]  # cells that had to take questions still resting


class AssemblyFailed(Exception):
    """The search ran out before meeting every rule (the pre-check found no shortage)."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


def assemble(items: list[Item], rules: Rules, rng: random.Random,
             max_rounds: int = 12) -> AssemblyResult:
    pools: dict[Cell, list[Item]] = {cell: [] for cell in rules.cells}
    for item in items:
        if item.cell in pools:
            pools[item.cell].append(item)
    for pool in pools.values():
        pool.sort(key=lambda i: i.qid)  # a fixed order, whatever order the bank gave
    best: _Joint | None = None
    for _round in range(max_rounds):
        joint = _Joint(rules)
        reused: Counter[Cell] = Counter()
        for _form in range(rules.forms):
            reused.update(_draw(joint, pools, rules, rng, jitter=1.5 + 4 * _round))
        _repair(joint, pools, rng)
        if joint.violation() == 0:
            return AssemblyResult([form.items() for form in joint.forms], dict(+reused))
        if best is None or joint.violation() < best.violation():
            best = joint
    raise AssemblyFailed(best.describe() if best else "无法组卷。")


def _preference(item: Item, joint: _Joint, rng: random.Random, jitter: float
                ) -> tuple[float, ...]:
    # Fewer appearances in this assembly's other forms, then rested, then least used; the
    # jitter spreads repeated assemblies over every question of equal use.
    return (len(joint.members.get(item.qid, ())), 0 if item.rested else 1,
            item.uses + rng.random() * jitter)


def _draw(joint: _Joint, pools: dict[Cell, list[Item]], rules: Rules,
          rng: random.Random, jitter: float) -> Counter[Cell]:
    """Add one more form to ``joint`` by a greedy draw in preference order."""
    form = joint.new_form()
    reused: Counter[Cell] = Counter()
    # Scarce cells first, so they are not starved of enemy-group members by easy ones.
    order = sorted(rules.cells, key=lambda c: (len(pools[c]) / max(rules.cells[c], 1), c))
    for cell in order:
        need = rules.cells[cell]
        ranked = sorted(pools[cell], key=lambda i: _preference(i, joint, rng, jitter))
        picked = 0
        for strict in (True, False):  # second pass: group clashes the repair must resolve
            for item in ranked:
                if picked == need:
                    break
                if form.has(item) or (strict and item.group and form.groups[item.group]):
                    continue
                joint.add(form, item)
                picked += 1
                reused[cell] += 0 if item.rested else 1
    return reused


def _repair(joint: _Joint, pools: dict[Cell, list[Item]], rng: random.Random,
            max_steps: int = 3000, samples: int = 12) -> None:
    """Same-cell swaps until no rule is broken: the best of a few sampled moves each step,
    taking a worse one now and then (less often as the search cools) to leave local minima."""
    cells = [c for c in pools if joint.rules.cells[c] and len(pools[c]) > joint.rules.cells[c]]
    if not cells:
        return
    for step in range(max_steps):
        if joint.violation() == 0:
            return
        move, delta = _best_of_sample(joint, pools, cells, rng, samples)
        if move is None:
            continue
        temperature = 0.6 * (1 - step / max_steps) + 0.02
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            joint.swap(*move)


def _best_of_sample(joint: _Joint, pools: dict[Cell, list[Item]], cells: list[Cell],
                    rng: random.Random, samples: int
                    ) -> tuple[tuple[_Form, Item, Item] | None, float]:
    best_move, best_delta = None, math.inf
    for _ in range(samples):
        form = rng.choice(joint.forms)
        cell = rng.choice(cells)
        out = rng.choice(form.chosen[cell])
        inn = rng.choice(pools[cell])
        if form.has(inn):
            continue
        delta = joint.swap_delta(form, out, inn)
        if delta < best_delta:
            best_move, best_delta = (form, out, inn), delta
    return best_move, best_delta


class _Form:
    """One form with the aggregates its own rules are checked on."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
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
        return (self._difficulty_violation(self.total_difficulty)
                + sum(self._level_violation(level, self.levels[level]) for level in self.bounds)
                + sum(n - 1 for n in self.groups.values() if n > 1))

    def _difficulty_violation(self, total: float) -> float:
        if self.rules.difficulty is None:
            return 0.0
        low, high = self.rules.difficulty
        n = self.rules.size
        # in items' worth of difficulty, so one unit is comparable to one misplaced item
        return max(0.0, low * n - total - 1e-9) + max(0.0, total - high * n - 1e-9)

    def _level_violation(self, level: str, count: int) -> int:
        low, high = self.bounds[level]
        return max(0, low - count) + max(0, count - high)

    def swap_delta(self, out: Item, inn: Item) -> float:
        delta = self._difficulty_violation(self.total_difficulty - out.difficulty + inn.difficulty)
        delta -= self._difficulty_violation(self.total_difficulty)
        if out.importance != inn.importance:
            for level, change in ((out.importance, -1), (inn.importance, 1)):
                if level in self.bounds:
                    now = self.levels[level]
                    delta += (self._level_violation(level, now + change)
                              - self._level_violation(level, now))
        if out.group != inn.group:
            if out.group and self.groups[out.group] > 1:
                delta -= 1
            if inn.group and self.groups[inn.group] >= 1:
                delta += 1
        return delta

    def describe(self) -> list[str]:
        parts = []
        n = self.rules.size
        if self._difficulty_violation(self.total_difficulty) > 0 and self.rules.difficulty:
            low, high = self.rules.difficulty
            parts.append(f"平均难度系数应在 {low:.4f}–{high:.4f} 之间，"
                         f"只能达到 {self.total_difficulty / n:.4f}")
        for level in self.bounds:
            if self._level_violation(level, self.levels[level]):
                parts.append(f"重要程度 {level} 只能达到 {100 * self.levels[level] / n:.1f}%")
        if any(v > 1 for v in self.groups.values()):
            parts.append("无法避免同一互斥组的试题同时入卷")
        return parts


class _Joint:
    """All forms of one assembly, with the pairwise overlaps between them."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.forms: list[_Form] = []
        self.members: dict[int, set[int]] = {}  # qid -> indexes of forms holding it
        self.overlap: dict[tuple[int, int], int] = {}
        self.limit = rules.overlap_limit

    def new_form(self) -> _Form:
        self.forms.append(_Form(self.rules))
        return self.forms[-1]

    def _index(self, form: _Form) -> int:
        return next(i for i, f in enumerate(self.forms) if f is form)

    def add(self, form: _Form, item: Item, sign: int = 1) -> None:
        me = self._index(form)
        holders = self.members.setdefault(item.qid, set())
        if sign < 0:
            holders.discard(me)
        for other in holders:
            key = (min(me, other), max(me, other))
            self.overlap[key] = self.overlap.get(key, 0) + sign
        if sign > 0:
            holders.add(me)
        form.add(item, sign)

    def swap(self, form: _Form, out: Item, inn: Item) -> None:
        self.add(form, out, -1)
        self.add(form, inn, 1)

    def violation(self) -> float:
        return (sum(f.violation() for f in self.forms)
                + sum(max(0, o - self.limit) for o in self.overlap.values()))

    def swap_delta(self, form: _Form, out: Item, inn: Item) -> float:
        delta = form.swap_delta(out, inn)
        me = self._index(form)
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

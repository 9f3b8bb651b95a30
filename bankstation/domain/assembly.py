"""The assembly engine: choose each form's questions so every hard rule of the blueprint holds."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from operator import attrgetter

from bankstation.domain.assembly_repair import Candidates, repair, shed_resting
from bankstation.domain.assembly_state import Joint

Cell = tuple[str, str]  # (scope, qtype)

STEPS_PER_FORM = 3_000  # repair steps per form and round: ten forms need ten times one
ROUND_STEPS_CAP = 30_000  # ... up to this many per round
TOTAL_STEPS_CAP = 60_000  # over all rounds, so a refusal after the pre-check stays bounded
# The first 1/RESTED_TRY of a round's steps keep resting questions out of every cell whose
# rested ones could fill it; long enough for the benchmark banks that can do without them
# (12 % of a round at most), short enough not to cost a bank that cannot: a third of each
# round doubled the time of the tight 2k-hard instances.
RESTED_TRY = 10


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
    # Per cell whose final forms hold resting questions: their ids, ascending. Empty when the
    # bank had enough rested questions everywhere.
    reused: dict[Cell, tuple[int, ...]]


class AssemblyFailed(Exception):
    """The search ran out before meeting every rule (the pre-check found no shortage)."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


def assemble(items: list[Item], rules: Rules, rng: random.Random, max_rounds: int = 12,
             max_steps: int | None = None) -> AssemblyResult:
    """Forms meeting every hard rule, or ``AssemblyFailed`` saying which rule the best try broke.

    Hard rules: each cell (scope × qtype) gets its count; no question twice in a form; at most
    one question per enemy group; the importance bounds; the mean difficulty bounds; any two
    forms share at most ``max_overlap`` of their items. Each round draws the forms greedily
    (least used and rested first), then repairs them with same-cell swaps aimed at the broken
    forms and bounds (``assembly_repair``), with ``max_steps`` steps (by default
    ``STEPS_PER_FORM`` per form, capped); the rounds fit in ``TOTAL_STEPS_CAP`` steps.

    Resting questions (used within the blueprint's ``rest_days``) stay out of every cell with
    enough rested ones to fill it while the search can do without them, and come last
    elsewhere; ``reused`` lists those the returned forms hold. Everything random comes from
    ``rng``, so the same items, rules and seed give the same forms.
    """
    pools = _pools(items, rules)
    rested = {cell: [i for i in pool if i.rested] for cell, pool in pools.items()}
    full = Candidates(pools, rested)
    strict_pools = _rested_where_enough(pools, rested, rules)
    narrowed = any(strict_pools[c] is not pools[c] for c in pools)
    strict = Candidates(strict_pools, rested) if narrowed else None
    steps = max_steps or min(STEPS_PER_FORM * rules.forms, ROUND_STEPS_CAP)
    rounds = min(max_rounds, max(1, TOTAL_STEPS_CAP // steps))
    best: Joint | None = None
    for round_ in range(rounds):
        joint = Joint(rules)
        for _form in range(rules.forms):
            _draw(joint, (strict or full).pools, rules, rng, jitter=1.5 + 4 * round_)
        if strict is not None:
            # Rested questions only where the cell has enough, then, if that has not met
            # every rule, the same forms go on with resting questions allowed (still last in
            # preference), for a bank whose rested questions cannot meet the bounds. A whole
            # round of rested questions only cost a whole budget on such a bank.
            repair(joint, strict, rng, steps // RESTED_TRY)
            repair(joint, full, rng, steps - steps // RESTED_TRY)
        else:
            repair(joint, full, rng, steps)
        if joint.violation() == 0:
            shed_resting(joint, full)
            forms = [form.items() for form in joint.forms]
            return AssemblyResult(forms, _resting_by_cell(forms))
        if best is None or joint.violation() < best.violation():
            best = joint
    raise AssemblyFailed(best.describe() if best else "无法组卷。")


def _resting_by_cell(forms: list[list[Item]]) -> dict[Cell, tuple[int, ...]]:
    """The resting questions the forms hold, per cell, as the report of what had to be reused."""
    found: dict[Cell, set[int]] = {}
    for form in forms:
        for item in form:
            if not item.rested:
                found.setdefault(item.cell, set()).add(item.qid)
    return {cell: tuple(sorted(qids)) for cell, qids in sorted(found.items())}


def _pools(items: list[Item], rules: Rules) -> dict[Cell, list[Item]]:
    pools: dict[Cell, list[Item]] = {cell: [] for cell in rules.cells}
    for item in sorted(items, key=attrgetter("qid")):  # a fixed order, whatever the bank's
        pool = pools.get((item.scope, item.qtype))  # not item.cell: 20,000 calls add up
        if pool is not None:
            pool.append(item)
    return pools


def _rested_where_enough(pools: dict[Cell, list[Item]], rested: dict[Cell, list[Item]],
                         rules: Rules) -> dict[Cell, list[Item]]:
    """The pools without resting questions in each cell whose rested ones could fill the cell
    in a form with no enemy group twice (each group counted once). The forms may then share
    rested questions up to the overlap limit: on the benchmark's 2,000-question bank that
    needs no resting question at all, where keeping them out only of the cells with enough
    for every form without sharing left 42 in the ten forms."""
    return {cell: rested[cell] if _distinct_at_least(rested[cell], rules.cells[cell]) else pool
            for cell, pool in pools.items()}


def _distinct_at_least(questions: list[Item], need: int) -> bool:
    """Whether ``questions`` hold ``need`` with no enemy group twice; stops as soon as they
    do, which on a big bank is a few dozen questions into hundreds."""
    found, groups = 0, set()
    for item in questions:
        if not item.group or item.group not in groups:
            found += 1
            if item.group:
                groups.add(item.group)
            if found >= need:
                return True
    return found >= need


def _preference(item: Item, joint: Joint, full: set[int], rng: random.Random, jitter: float
                ) -> tuple[int, float]:
    # Not shared with a form this one already shares its limit with, then rested, then in
    # fewer of this assembly's other forms, then least used: sharing a rested question costs
    # overlap, which the limit allows some of, where a resting one breaks the rest the
    # blueprint asks for. The jitter spreads repeated assemblies over every question of
    # equal use.
    # (The first three folded into one integer: this key is made for every question of the
    # cell for every form, and a shorter tuple sorts faster.)
    holders = joint.members.get(item.qid, ())
    rank = len(holders) + (0 if item.rested else 1 << 16)
    if holders and not full.isdisjoint(holders):
        rank += 1 << 32
    return (rank, item.uses + rng.random() * jitter)


def _draw(joint: Joint, pools: dict[Cell, list[Item]], rules: Rules, rng: random.Random,
          jitter: float) -> None:
    """Add one more form to ``joint`` by a greedy draw in preference order."""
    form = joint.new_form()
    # Scarce cells first, so they are not starved of enemy-group members by easy ones.
    order = sorted(rules.cells, key=lambda c: (len(pools[c]) / max(rules.cells[c], 1), c))
    for cell in order:
        need = rules.cells[cell]
        full = {other for other in range(form.index)
                if joint.overlap.get((other, form.index), 0) >= joint.limit}
        ranked = sorted(pools[cell], key=lambda i: _preference(i, joint, full, rng, jitter))
        picked = 0
        for strict in (True, False):  # second pass: group clashes the repair must resolve
            for item in ranked:
                if picked == need:
                    break
                if form.has(item) or (strict and item.group and form.groups[item.group]):
                    continue
                joint.add(form, item)
                picked += 1

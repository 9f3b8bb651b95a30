"""Repair: same-cell swaps aimed at the broken forms and bounds until every rule holds."""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import TYPE_CHECKING

from bankstation.domain.assembly_state import Form, Joint

if TYPE_CHECKING:  # only for annotations: assembly.py imports this module
    from bankstation.domain.assembly import Cell, Item

SAMPLES = 12  # moves looked at per step; the best of them is the step's candidate
# Temperature at the start (HOT + COLD) and end (COLD) of a round, in items' worth of
# violation. Starting at 0.62, the tight benchmark instances met every rule only in the last
# tenth of a round, once the search had cooled; starting at 0.12 they take a third the time.
HOT, COLD = 0.1, 0.02
# Share of samples from any form, not only the broken ones: a form meeting its own rules may
# have to give up a question the broken form needs under the overlap limit.
ANY_FORM = 0.1
# A round ends after 1/STALL of its steps without a new best and the next one draws afresh:
# in the benchmark runs measured, no successful round waited a tenth of its steps for one,
# and a refusal after the pre-check comes that much sooner.
STALL = 3
# Share of directed proposals looked for among the rested questions first. With all of
# them, the tight 2k-hard benchmark instances failed on every seed, starved of the resting
# questions they need; with none, they used about a tenth more resting questions.
RESTED_AIM = 0.5
NEAR = 0.05  # how much easier than ``out`` a question of a missing level may be on an easy form


@dataclass(frozen=True)
class _ByDifficulty:
    """Questions sorted by coefficient (ties stay in id order), with the coefficients for
    bisecting."""

    items: list[Item]
    keys: list[float]

    @classmethod
    def of(cls, items: list[Item]) -> _ByDifficulty:
        ordered = sorted(items, key=attrgetter("difficulty"))  # stable: pools are in id order
        return cls(ordered, [i.difficulty for i in ordered])

    def below(self, value: float) -> list[Item]:
        return self.items[:bisect.bisect_left(self.keys, value)]

    def above(self, value: float) -> list[Item]:
        return self.items[bisect.bisect_right(self.keys, value):]

    def at_most(self, value: float) -> list[Item]:
        return self.items[:bisect.bisect_right(self.keys, value)]


class _CellView:
    """Some of a cell's questions, also by difficulty and by importance, built on first use:
    on a roomy bank the repair touches few cells, or none, and one 200-item form must stay
    within a few tens of milliseconds."""

    def __init__(self, questions: list[Item]) -> None:
        self.everything = questions
        self._of_level: dict[str, _ByDifficulty] = {}
        self._not_of_level: dict[str, list[Item]] = {}

    @cached_property
    def by_difficulty(self) -> _ByDifficulty:
        return _ByDifficulty.of(self.everything)

    def of_level(self, level: str) -> _ByDifficulty:
        if level not in self._of_level:
            self._of_level[level] = _ByDifficulty.of(
                [i for i in self.everything if i.importance == level])
        return self._of_level[level]

    def not_of_level(self, level: str) -> list[Item]:
        if level not in self._not_of_level:
            self._not_of_level[level] = [i for i in self.everything if i.importance != level]
        return self._not_of_level[level]

    def aimed(self, form: Form, out: Item, rng: random.Random) -> Item | None:
        """A question aimed at the form's broken bound, if this view has one: of a level
        under its minimum (not much easier, if the form is too easy), of another level for a
        level over its maximum, harder for a form too easy, easier for a form too hard."""
        for level, (low, high) in form.bounds.items():
            count = form.levels[level]
            if count < low and out.importance != level and (same := self.of_level(level).items):
                if form.too_easy():
                    same = self.of_level(level).at_most(out.difficulty + NEAR) or same
                return rng.choice(same)
            if count > high and out.importance == level and (other := self.not_of_level(level)):
                return rng.choice(other)
        # A lower coefficient is a harder question: bisect the sorted coefficients.
        if form.too_easy() and (harder := self.by_difficulty.below(out.difficulty)):
            return rng.choice(harder)
        if form.too_hard() and (easier := self.by_difficulty.above(out.difficulty)):
            return rng.choice(easier)
        return None


class Candidates:
    """The pools the search draws from and the per-cell views its moves propose from;
    ``rested`` is each cell's rested questions (the same whichever pools the round uses)."""

    def __init__(self, pools: dict[Cell, list[Item]], rested: dict[Cell, list[Item]]) -> None:
        self.pools = pools
        self.views = {cell: _CellView(pool) for cell, pool in pools.items()}
        self.rested = {cell: _CellView(rested[cell]) for cell in pools}

    def any(self, cell: Cell, rng: random.Random) -> Item:
        """An undirected proposal, half the time from the rested questions (while the cell has
        any): from them only, a form over the overlap limit could not trade a shared rested
        question for an unshared resting one."""
        rested = self.rested[cell].everything
        return rng.choice(rested if rested and rng.random() < 0.5 else self.views[cell].everything)

    def directed(self, form: Form, cell: Cell, out: Item, rng: random.Random) -> Item:
        """A proposal aimed at the form's broken bound, half the time from the rested
        questions first; else any question of the cell."""
        first = self.rested[cell] if rng.random() < RESTED_AIM else self.views[cell]
        return (first.aimed(form, out, rng) or self.views[cell].aimed(form, out, rng)
                or self.any(cell, rng))


def repair(joint: Joint, candidates: Candidates, rng: random.Random, max_steps: int) -> None:
    """Swaps until no rule is broken, ``max_steps`` run out, or the search stalls: each step
    the best of a few sampled moves, taking a worse one now and then (less often as the search
    cools) to leave local minima."""
    cells = [c for c, pool in candidates.pools.items() if 0 < joint.rules.cells[c] < len(pool)]
    if not cells:
        return
    violation = best = joint.violation()
    best_step = 0
    for step in range(max_steps):
        forms = joint.broken_forms()
        if not forms or step - best_step > max_steps // STALL:
            return
        move, delta = _best_of_sample(joint, forms, candidates, cells, rng)
        if move is None:
            continue
        temperature = HOT * (1 - step / max_steps) + COLD
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            joint.swap(*move)
            violation += delta  # a swap's delta is exactly its change of the violation
            if violation < best - 1e-6:
                best, best_step = violation, step


def _best_of_sample(joint: Joint, forms: list[Form], candidates: Candidates, cells: list[Cell],
                    rng: random.Random) -> tuple[tuple[Form, Item, Item] | None, float]:
    # Mostly broken forms are sampled: on ten forms, a uniform pick spent most steps on forms
    # already meeting every rule. Half the proposals are directed at the broken bound, since
    # a uniform pick from the cell offers an easier question to a too-easy form half the time.
    best_move, best_delta = None, math.inf
    for _ in range(SAMPLES):
        form = rng.choice(forms if rng.random() >= ANY_FORM else joint.forms)
        cell = rng.choice(cells)
        out = rng.choice(form.chosen[cell])
        if rng.random() < 0.5:
            inn = candidates.directed(form, cell, out, rng)
        else:
            inn = candidates.any(cell, rng)
        if form.has(inn):
            continue
        delta = joint.swap_delta(form, out, inn)
        if not inn.rested and out.rested and delta >= 0:
            continue  # a resting question replaces a rested one only to mend a rule
        if delta < best_delta:
            best_move, best_delta = (form, out, inn), delta
    return best_move, best_delta


def shed_resting(joint: Joint, candidates: Candidates) -> None:
    """Once every rule holds, swap out each resting question a rested one can replace without
    breaking a rule, so the forms keep only the resting questions they need."""
    for form in joint.forms:
        for cell, chosen in form.chosen.items():
            for out in [i for i in chosen if not i.rested]:
                for inn in _rested_by_preference(joint, candidates, cell):
                    if not form.has(inn) and joint.swap_delta(form, out, inn) <= 0:
                        joint.swap(form, out, inn)
                        break


def _rested_by_preference(joint: Joint, candidates: Candidates, cell: Cell) -> list[Item]:
    # the same order the draw prefers: fewest other forms, then least used
    return sorted(candidates.rested[cell].everything,
                  key=lambda i: (len(joint.members.get(i.qid, ())), i.uses, i.qid))

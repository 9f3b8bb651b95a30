"""A prototype of the engine changes proposed in benchmarks/README.md ("Assembly: what fails"),
installed by replacing two private functions of bankstation.domain.assembly for the duration
of a ``with prototype():`` block. The engine's file is not changed. This is a measuring aid,
not the implementation.

(a) sample only forms that break a rule; (b) half of the samples directed: a harder question
when a form is too easy, an easier one when too hard, a question of a level under its
minimum; (c) a repair budget of 3,000 steps per form; (d, ``rest=True``) never take a resting
question where the cell has enough rested ones for every form, nor trade a rested for a
resting one without a gain.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Iterator
from contextlib import contextmanager

import bankstation.domain.assembly as engine
from bankstation.domain.assembly import Cell, Item


class _Views:
    """Per-pool views (by difficulty, by level, rested), rebuilt when the pool list changes."""

    def __init__(self) -> None:
        self.cache: dict[tuple[int, str], tuple[list[Item], object]] = {}

    def _get(self, pool: list[Item], kind: str, make):
        key = (id(pool), kind)
        hit = self.cache.get(key)
        if hit is None or hit[0] is not pool:
            hit = (pool, make())
            self.cache[key] = hit
        return hit[1]

    def by_difficulty(self, pool: list[Item]) -> tuple[list[Item], list[float]]:
        def make() -> tuple[list[Item], list[float]]:
            ordered = sorted(pool, key=lambda i: i.difficulty)
            return ordered, [i.difficulty for i in ordered]
        return self._get(pool, "difficulty", make)

    def level(self, pool: list[Item], level: str) -> list[Item]:
        return self._get(pool, "level:" + level,
                         lambda: [i for i in pool if i.importance == level])

    def rested(self, pool: list[Item]) -> list[Item]:
        return self._get(pool, "rested", lambda: [i for i in pool if i.rested])


def _directed(views: _Views, form, cell: Cell, out: Item,
              pools: dict[Cell, list[Item]], rng: random.Random) -> Item:
    rules = form.rules
    n = rules.size
    too_easy = rules.difficulty is not None and form.total_difficulty > rules.difficulty[1] * n
    for level, (low, high) in form.bounds.items():
        if form.levels[level] < low and out.importance != level:
            candidates = views.level(pools[cell], level)
            if too_easy:
                candidates = [i for i in candidates if i.difficulty <= out.difficulty + 0.05] \
                    or candidates
            if candidates:
                return rng.choice(candidates)
        if form.levels[level] > high and out.importance == level:
            candidates = [i for i in pools[cell] if i.importance != level]
            if candidates:
                return rng.choice(candidates)
    if rules.difficulty is not None:
        low, high = rules.difficulty
        ordered, keys = views.by_difficulty(pools[cell])
        if form.total_difficulty > high * n + 1e-9:  # too easy: a lower coefficient
            k = bisect.bisect_left(keys, out.difficulty)
            if k:
                return ordered[rng.randrange(k)]
        elif form.total_difficulty < low * n - 1e-9:
            k = bisect.bisect_right(keys, out.difficulty)
            if k < len(ordered):
                return ordered[rng.randrange(k, len(ordered))]
    return rng.choice(pools[cell])


@contextmanager
def prototype(rest: bool = False) -> Iterator[None]:
    views = _Views()
    saved_sample, saved_repair = engine._best_of_sample, engine._repair

    def best_of_sample(joint, pools, cells, rng, samples):
        bad = [f for f in joint.forms if f.violation() > 0]
        if not bad:  # only the overlap is broken: the forms of the pairs over the limit
            over = {i for (a, b), o in joint.overlap.items() if o > joint.limit for i in (a, b)}
            bad = [joint.forms[i] for i in sorted(over)] or joint.forms
        best_move, best_delta = None, math.inf
        for _ in range(samples):
            form = rng.choice(bad)
            cell = rng.choice(cells)
            out = rng.choice(form.chosen[cell])
            if rng.random() < 0.5:
                inn = _directed(views, form, cell, out, pools, rng)
            else:
                inn = rng.choice((views.rested(pools[cell]) if rest else None) or pools[cell])
            if form.has(inn):
                continue
            delta = joint.swap_delta(form, out, inn)
            if rest and not inn.rested and (
                    len(views.rested(pools[cell])) >= len(joint.forms) * joint.rules.cells[cell]
                    or (out.rested and delta >= 0)):
                continue
            if delta < best_delta:
                best_move, best_delta = (form, out, inn), delta
        return best_move, best_delta

    def repair(joint, pools, rng, max_steps=3000, samples=12):
        return saved_repair(joint, pools, rng, max_steps * max(1, joint.rules.forms), samples)

    engine._best_of_sample, engine._repair = best_of_sample, repair
    try:
        yield
    finally:
        engine._best_of_sample, engine._repair = saved_sample, saved_repair

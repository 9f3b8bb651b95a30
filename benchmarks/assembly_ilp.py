"""The exact 0/1 integer programme of an assembly, solved with HiGHS (highspy), as a baseline.

Variables: binary x[f, q] for form f and eligible question q (only questions of the
blueprint's cells). Rows, for every form: each cell's count as an equality; at most one
question per enemy group; each importance level's bounds in items; the mean difficulty's
bounds, in hundredths (the generated coefficients have two decimals, so the row is exact
integer arithmetic, free of the solver's tolerances). "At most once per form" is the
binary bound itself. Overlap, for every pair of forms f < g: y[f, g, q] >= x[f, q] + x[g, q] - 1
with y continuous in [0, 1] (the standard linearisation; y need not be integral because
only its lower bound is forced), and sum over q of y[f, g, q] <= L.

The y rows are the bulk of the model (forms·(forms-1)/2 · questions). ``overlap="full"``
writes them all; ``overlap="lazy"`` adds them only for the questions two forms actually
share in a solution and re-solves, which is still exact: every round solves a relaxation
(so "infeasible" is a proof) and the answer is returned only once it meets every pair.

Objective: ``none`` (feasibility only), ``rest`` (fewest questions still resting, the
blueprint's rest_days rule "while the bank allows it"), or ``uses`` (``rest`` first, then
the least-used questions, as the engine prefers).
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from dataclasses import dataclass

import highspy
import numpy as np

from bankstation.domain.assembly import Item, Rules

REST_WEIGHT = 1_000  # one resting question outweighs any plausible sum of use counts


@dataclass
class IlpResult:
    status: str  # optimal | feasible | infeasible | time limit | ...
    forms: list[list[Item]] | None
    build_s: float
    solve_s: float
    rounds: int
    columns: int
    rows: int
    objective: float | None = None


def version() -> str:
    return f"{highspy.HIGHS_VERSION_MAJOR}.{highspy.HIGHS_VERSION_MINOR}." \
           f"{highspy.HIGHS_VERSION_PATCH}"


def difficulty_units(item: Item) -> int:
    return round(item.difficulty * 100)


class _Model:
    def __init__(self, items: list[Item], rules: Rules, time_limit: float, threads: int) -> None:
        self.items = [i for i in items if i.cell in rules.cells]
        self.items.sort(key=lambda i: i.qid)
        self.rules = rules
        self.n_q = len(self.items)
        self.n_f = rules.forms
        self.highs = highspy.Highs()
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("time_limit", float(time_limit))
        self.highs.setOptionValue("random_seed", 1)
        if threads:
            self.highs.setOptionValue("threads", threads)
        self.deadline = time.perf_counter() + time_limit
        self.pair_rows: dict[tuple[int, int], int] = {}
        self.y_cols: dict[tuple[int, int, int], int] = {}

    def x(self, form: int, j: int) -> int:
        return form * self.n_q + j

    def _add_rows(self, lower: list[float], upper: list[float],
                  rows: list[tuple[list[int], list[float]]]) -> int:
        """Add rows given as (column indexes, values); returns the index of the first."""
        first = self.highs.getNumRow()
        starts, index, value = [], [], []
        for cols, vals in rows:
            starts.append(len(index))
            index.extend(cols)
            value.extend(vals)
        self.highs.addRows(len(rows), np.array(lower, dtype=np.float64),
                           np.array(upper, dtype=np.float64), len(index),
                           np.array(starts, dtype=np.int32), np.array(index, dtype=np.int32),
                           np.array(value, dtype=np.float64))
        return first

    def build_forms(self, objective: str) -> None:
        n_q, n_f = self.n_q, self.n_f
        cost = np.zeros(n_q, dtype=np.float64)
        if objective in ("rest", "uses"):
            cost += np.array([0 if i.rested else REST_WEIGHT for i in self.items], dtype=float)
        if objective == "uses":
            cost += np.array([i.uses for i in self.items], dtype=float)
        n_x = n_f * n_q
        self.highs.addCols(n_x, np.tile(cost, n_f), np.zeros(n_x), np.ones(n_x), 0,
                           np.array([], dtype=np.int32), np.array([], dtype=np.int32),
                           np.array([], dtype=np.float64))
        self.highs.changeColsIntegrality(n_x, np.arange(n_x, dtype=np.int32),
                                         np.array([highspy.HighsVarType.kInteger] * n_x))
        by_cell: dict[object, list[int]] = defaultdict(list)
        by_group: dict[str, list[int]] = defaultdict(list)
        by_level: dict[str, list[int]] = defaultdict(list)
        for j, item in enumerate(self.items):
            by_cell[item.cell].append(j)
            if item.group:
                by_group[item.group].append(j)
            by_level[item.importance].append(j)
        groups = [js for js in by_group.values() if len(js) > 1]
        size = self.rules.size
        levels = self.rules.importance_counts()
        diff = [difficulty_units(i) for i in self.items]
        if self.rules.difficulty is not None:
            low, high = self.rules.difficulty
            d_low = math.ceil(round(low * size * 100, 6))
            d_high = math.floor(round(high * size * 100, 6))
        for f in range(n_f):
            lower: list[float] = []
            upper: list[float] = []
            rows: list[tuple[list[int], list[float]]] = []
            for cell, need in self.rules.cells.items():
                js = by_cell.get(cell, [])
                rows.append(([self.x(f, j) for j in js], [1.0] * len(js)))
                lower.append(need)
                upper.append(need)
            for js in groups:
                rows.append(([self.x(f, j) for j in js], [1.0] * len(js)))
                lower.append(-highspy.kHighsInf)
                upper.append(1)
            for level, (least, most) in levels.items():
                js = by_level.get(level, [])
                rows.append(([self.x(f, j) for j in js], [1.0] * len(js)))
                lower.append(least)
                upper.append(most)
            if self.rules.difficulty is not None:
                rows.append(([self.x(f, j) for j in range(n_q)], [float(d) for d in diff]))
                lower.append(d_low)
                upper.append(d_high)
            self._add_rows(lower, upper, rows)

    def pairs(self) -> list[tuple[int, int]]:
        return [(f, g) for f in range(self.n_f) for g in range(f + 1, self.n_f)]

    def build_overlap_full(self) -> None:
        """All the y columns and rows at once, vectorised."""
        pairs = self.pairs()
        if not pairs:
            return
        n_q = self.n_q
        limit = self.rules.overlap_limit
        first_y = self.highs.getNumCol()
        n_y = len(pairs) * n_q
        self.highs.addCols(n_y, np.zeros(n_y), np.zeros(n_y), np.ones(n_y), 0,
                           np.array([], dtype=np.int32), np.array([], dtype=np.int32),
                           np.array([], dtype=np.float64))
        js = np.arange(n_q, dtype=np.int32)
        for p, (f, g) in enumerate(pairs):
            ys = first_y + p * n_q + js
            # x[f,q] + x[g,q] - y[f,g,q] <= 1, one row per question
            index = np.stack([f * n_q + js, g * n_q + js, ys], axis=1).ravel().astype(np.int32)
            value = np.tile(np.array([1.0, 1.0, -1.0]), n_q)
            starts = np.arange(0, 3 * n_q, 3, dtype=np.int32)
            self.highs.addRows(n_q, np.full(n_q, -highspy.kHighsInf), np.ones(n_q), 3 * n_q,
                               starts, index, value)
            self.highs.addRow(-highspy.kHighsInf, float(limit), n_q, ys.astype(np.int32),
                              np.ones(n_q))

    def add_overlap_lazy(self, shared: dict[tuple[int, int], set[int]]) -> int:
        """y rows for the given (pair -> question indexes) not yet modelled; returns how many."""
        limit = float(self.rules.overlap_limit)
        added = 0
        for (f, g), js in shared.items():
            new = [j for j in sorted(js) if (f, g, j) not in self.y_cols]
            if not new:
                continue
            first_y = self.highs.getNumCol()
            self.highs.addCols(len(new), np.zeros(len(new)), np.zeros(len(new)),
                               np.ones(len(new)), 0, np.array([], dtype=np.int32),
                               np.array([], dtype=np.int32), np.array([], dtype=np.float64))
            rows = []
            for k, j in enumerate(new):
                self.y_cols[(f, g, j)] = first_y + k
                rows.append(([self.x(f, j), self.x(g, j), first_y + k], [1.0, 1.0, -1.0]))
            self._add_rows([-highspy.kHighsInf] * len(new), [1.0] * len(new), rows)
            if (f, g) not in self.pair_rows:
                self.pair_rows[(f, g)] = self._add_rows(
                    [-highspy.kHighsInf], [limit],
                    [(list(range(first_y, first_y + len(new))), [1.0] * len(new))])
            else:
                row = self.pair_rows[(f, g)]
                for k in range(len(new)):
                    self.highs.changeCoeff(row, first_y + k, 1.0)
            added += len(new)
        return added

    def solve(self) -> tuple[str, list[list[int]] | None, float | None]:
        remaining = self.deadline - time.perf_counter()
        if remaining <= 0:
            return "time limit", None, None
        self.highs.setOptionValue("time_limit", remaining)
        self.highs.run()
        status = self.highs.getModelStatus()
        name = {
            highspy.HighsModelStatus.kOptimal: "optimal",
            highspy.HighsModelStatus.kInfeasible: "infeasible",
            highspy.HighsModelStatus.kTimeLimit: "time limit",
        }.get(status, self.highs.modelStatusToString(status))
        info = self.highs.getInfo()
        if info.primal_solution_status != highspy.kSolutionStatusFeasible:
            return name, None, None
        values = np.asarray(self.highs.getSolution().col_value[: self.n_f * self.n_q])
        chosen = [list(np.nonzero(values[f * self.n_q:(f + 1) * self.n_q] > 0.5)[0])
                  for f in range(self.n_f)]
        return name, chosen, info.objective_function_value

    def shared_over(self, chosen: list[list[int]]) -> dict[tuple[int, int], set[int]]:
        """Questions two forms share, for every pair whose overlap breaks the limit."""
        sets = [set(c) for c in chosen]
        out = {}
        for f, g in self.pairs():
            common = sets[f] & sets[g]
            if len(common) > self.rules.overlap_limit:
                out[(f, g)] = common
        return out


def solve(items: list[Item], rules: Rules, objective: str = "none", overlap: str = "full",
          time_limit: float = 300.0, threads: int = 0) -> IlpResult:
    begin = time.perf_counter()
    model = _Model(items, rules, time_limit, threads)
    model.build_forms(objective)
    if overlap == "full":
        model.build_overlap_full()
    build_s = time.perf_counter() - begin
    rounds = 0
    solve_begin = time.perf_counter()
    while True:
        rounds += 1
        status, chosen, value = model.solve()
        if chosen is None or overlap == "full":
            break
        shared = model.shared_over(chosen)
        if not shared:
            break
        model.add_overlap_lazy(shared)
    solve_s = time.perf_counter() - solve_begin
    if chosen is not None and status == "time limit":
        status = "time limit (feasible)"
    elif chosen is not None and status != "optimal":
        status = f"{status} (feasible)"
    forms = None
    if chosen is not None:
        if overlap == "lazy" and model.shared_over(chosen):
            status, forms = "time limit", None  # the last round ran out before meeting overlap
        else:
            forms = [[model.items[j] for j in c] for c in chosen]
    if objective == "none" and status == "optimal":
        status = "feasible"  # a zero objective: optimal only means a solution was found
    return IlpResult(status, forms, build_s, solve_s, rounds, model.highs.getNumCol(),
                     model.highs.getNumRow(), value)

"""Assembly engine (domain.assembly.assemble) on realistic banks vs an exact 0/1 programme (HiGHS).

A generated bank of 20,000 questions on 200 assessment points (12 second-level scopes under
6 first-level ones), blueprints of 100 and 200 items over judge/single/multiple sections,
with importance and difficulty bounds, enemy groups, use counts and questions still resting.
Every instance is assembled by the engine (several seeds) and by HiGHS, and both answers are
checked here against every rule by an independent checker (exact arithmetic, no engine code).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

import assembly_ilp
from common import header, table, timed

from bankstation.domain.assembly import AssemblyFailed, Item, Rules, assemble
from bankstation.domain.blueprints import Blueprint, Section
from bankstation.domain.feasibility import check
from bankstation.domain.qtypes import QType
from bankstation.services.assembly import rules_of

QTYPES = ("judge", "single", "multiple")
TOP = "ABCDEF"


# -- the bank ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Question:
    qid: int
    version: int
    point: str
    importance: str
    qtype: str
    difficulty: float  # two decimals, as imports write it
    group: str | None
    uses: int
    rested: bool


@dataclass(frozen=True)
class BankSpec:
    name: str
    questions: int
    points: int = 200
    importance_mix: tuple[float, float, float] = (0.72, 0.18, 0.10)  # X, Y, Z share of points
    qtype_mix: tuple[float, float, float] = (0.25, 0.50, 0.25)  # judge, single, multiple
    difficulty_mean: float = 0.66  # centre of the scopes' means
    difficulty_spread: float = 0.13  # per question, around its scope's mean
    grouped: float = 0.06  # share of questions in an enemy group (groups of 2-4)
    resting: float = 0.08  # share of questions used within rest_days
    seed: int = 2026


def subscopes() -> list[str]:
    return [top + chr(ord("A") + k) for top in TOP for k in range(2)]


def make_bank(spec: BankSpec) -> list[Question]:
    """Points spread unevenly over 12 sub-scopes, questions unevenly over points; a sub-scope
    has its own difficulty level; groups hold near-duplicates of one point."""
    rng = random.Random(spec.seed)
    subs = subscopes()
    points: list[tuple[str, str]] = []  # (code, importance)
    per_sub = Counter(rng.choices(subs, k=spec.points - 4 * len(subs)))
    x_share, y_share, _z = spec.importance_mix
    for sub in subs:
        for k in range(4 + per_sub[sub]):
            r = rng.random()
            level = "X" if r < x_share else "Y" if r < x_share + y_share else "Z"
            points.append((f"{sub}{k + 1:03d}", level))
    sub_mean = {sub: spec.difficulty_mean + rng.uniform(-0.07, 0.07) for sub in subs}
    point_weight = [rng.lognormvariate(0, 0.5) for _ in points]
    counts = Counter(rng.choices(range(len(points)), weights=point_weight,
                                 k=spec.questions - 3 * len(points)))
    bank: list[Question] = []
    qid = 0
    for p, (code, level) in enumerate(points):
        made: list[Question] = []
        for k in range(3 + counts[p]):
            qid += 1
            qtype = QTYPES[k] if k < 3 else rng.choices(QTYPES, weights=spec.qtype_mix)[0]
            mean = sub_mean[code[:2]] + (0.05 if level == "Z" else 0.0)
            difficulty = min(0.95, max(0.25, rng.gauss(mean, spec.difficulty_spread)))
            uses = min(int(rng.expovariate(0.45)), 15)
            rested = uses == 0 or rng.random() >= spec.resting / 0.63
            made.append(Question(qid, 1 + (rng.random() < 0.1), code, level, qtype,
                                 round(difficulty, 2), None, uses, rested))
        group_no = 0
        pool = made[:]
        rng.shuffle(pool)
        while pool and sum(q.group is not None for q in made) < spec.grouped * len(made) \
                and len(pool) >= 2:
            group_no += 1
            size = min(len(pool), rng.choice((2, 2, 2, 3, 4)))
            name = f"{code}-{group_no}"
            for q in (pool.pop() for _ in range(size)):
                made[made.index(q)] = Question(q.qid, q.version, q.point, q.importance, q.qtype,
                                               q.difficulty, name, q.uses, q.rested)
        bank.extend(made)
    return bank


def items_for(bank: list[Question], depth: int) -> list[Item]:
    """The engine's view, as services.assembly.eligible_items builds it."""
    return [Item(q.qid, q.version, q.point[:depth], q.qtype, q.point, q.importance,
                 q.difficulty, q.group, q.uses, q.rested) for q in bank]


# -- blueprints --------------------------------------------------------------------------------

def weights_for(scopes: list[str], seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    raw = [rng.uniform(0.6, 1.4) for _ in scopes]
    ints = [max(2, round(100 * r / sum(raw))) for r in raw]
    ints[ints.index(max(ints))] += 100 - sum(ints)
    return dict(zip(scopes, map(float, ints), strict=True))


def blueprint(items: int, depth: int, x_min: float, z_max: float, tol: float,
              forms: int, y_max: float | None = None, overlap: float = 0.10) -> Blueprint:
    if items == 100:
        sections = ((QType.JUDGE, 20, 0.5), (QType.SINGLE, 60, 1.0), (QType.MULTIPLE, 20, 1.5))
    else:
        sections = ((QType.JUDGE, 40, 0.5), (QType.SINGLE, 120, 0.5), (QType.MULTIPLE, 40, 0.5))
    scopes = list(TOP) if depth == 1 else subscopes()
    importance: dict[str, dict[str, float]] = {"X": {"min": x_min}, "Z": {"max": z_max}}
    if y_max is not None:
        importance["Y"] = {"max": y_max}
    return Blueprint(
        title=f"基准测试组卷方案 {items} 题", occupation="4-01-02-01", level=4, exam="theory",
        sections=tuple(Section(q, n, p) for q, n, p in sections),
        weights=weights_for(scopes, items + depth), importance=importance,
        difficulty={"target": 0.65, "tolerance": tol}, forms=forms, max_overlap=overlap,
        rest_days=180)


@dataclass(frozen=True)
class Instance:
    name: str
    bank: BankSpec
    bp: Blueprint
    depth: int
    quick: bool = False


BIG = BankSpec("20k", 20_000)
SMALL = BankSpec("2k", 2_000, grouped=0.10, resting=0.15, difficulty_mean=0.70, seed=7)
SMALL_HARD = BankSpec("2k-hard", 2_000, importance_mix=(0.80, 0.12, 0.08), grouped=0.15,
                      resting=0.20, difficulty_mean=0.74, seed=11)
ONE_K = BankSpec("1.2k", 1_200, grouped=0.10, resting=0.15, difficulty_mean=0.70, seed=5)


def instances() -> list[Instance]:
    return [
        Instance("big-100x1", BIG, blueprint(100, 1, 80, 5, 0.05, 1), 1, quick=True),
        Instance("big-200x1", BIG, blueprint(200, 2, 75, 5, 0.03, 1, y_max=20), 2, quick=True),
        Instance("big-100x10", BIG, blueprint(100, 1, 80, 5, 0.05, 10), 1),
        Instance("big-200x10", BIG, blueprint(200, 2, 75, 5, 0.03, 10, y_max=20), 2),
        Instance("big-200x10-x80-d02", BIG, blueprint(200, 2, 80, 5, 0.02, 10), 2),
        Instance("2k-100x10-x85-d02", SMALL, blueprint(100, 1, 85, 5, 0.02, 10), 1, quick=True),
        Instance("2k-200x10-x85-d02", SMALL, blueprint(200, 2, 85, 5, 0.02, 10), 2),
        Instance("2kh-100x10-x90-d01", SMALL_HARD, blueprint(100, 2, 90, 3, 0.01, 10), 2),
        Instance("2kh-200x10-x85-d03", SMALL_HARD, blueprint(200, 2, 85, 5, 0.03, 10), 2),
        Instance("2kh-200x10-x80-d02", SMALL_HARD, blueprint(200, 2, 80, 5, 0.02, 10), 2),
        Instance("2kh-200x10-x85-d02", SMALL_HARD, blueprint(200, 2, 85, 5, 0.02, 10), 2),
        Instance("1.2k-100x10-x85-d02", ONE_K, blueprint(100, 2, 85, 5, 0.02, 10), 2),
    ]


# -- the independent checker -------------------------------------------------------------------

def violations(forms: list[list[Item]], bp: Blueprint, bank: dict[int, Question],
               depth: int) -> list[str]:
    """Every hard rule of DESIGN.md §6, from the blueprint itself and the bank's records, in
    exact arithmetic (percentages and two-decimal difficulties as Fractions)."""
    out: list[str] = []
    cells = Counter({(scope, qtype): n for scope, row in bp.derived_cells().items()
                     for qtype, n in row.items() if n})
    if len(forms) != bp.forms:
        out.append(f"{len(forms)} forms, wanted {bp.forms}")
    for f, form in enumerate(forms):
        name = chr(ord("A") + f)
        n = len(form)
        if n != bp.item_count:
            out.append(f"{name}: {n} items, wanted {bp.item_count}")
        qids = [i.qid for i in form]
        if len(set(qids)) != n:
            out.append(f"{name}: a question twice")
        records = []
        for item in form:
            q = bank.get(item.qid)
            if q is None or (q.version, q.point, q.qtype, q.importance, q.difficulty, q.group) \
                    != (item.version, item.point, item.qtype, item.importance,
                        item.difficulty, item.group):
                out.append(f"{name}: item {item.qid} does not match the bank")
            else:
                records.append(q)
        got = Counter((q.point[:depth], q.qtype) for q in records)
        if got != cells:
            wrong = sorted(c for c in set(got) | set(cells) if got[c] != cells[c])
            out.append(f"{name}: cell counts differ in {len(wrong)} cells, e.g. {wrong[0]}")
        groups = Counter(q.group for q in records if q.group)
        if any(k > 1 for k in groups.values()):
            out.append(f"{name}: {sum(k - 1 for k in groups.values() if k > 1)} enemy clashes")
        levels = Counter(q.importance for q in records)
        for level, bounds in bp.importance.items():
            share = Fraction(100 * levels[level], n or 1)
            if "min" in bounds and share < Fraction(str(bounds["min"])):
                out.append(f"{name}: {level} {float(share):.1f}% < {bounds['min']:g}%")
            if "max" in bounds and share > Fraction(str(bounds["max"])):
                out.append(f"{name}: {level} {float(share):.1f}% > {bounds['max']:g}%")
        if bp.difficulty is not None and n:
            mean = sum((Fraction(str(q.difficulty)) for q in records), Fraction(0)) / n
            target = Fraction(str(bp.difficulty["target"]))
            tol = Fraction(str(bp.difficulty["tolerance"]))
            if not target - tol <= mean <= target + tol:
                out.append(f"{name}: mean difficulty {float(mean):.4f} outside "
                           f"{float(target - tol):.2f}-{float(target + tol):.2f}")
    limit = Fraction(str(bp.max_overlap))
    worst = 0
    for f in range(len(forms)):
        for g in range(f + 1, len(forms)):
            shared = len({i.qid for i in forms[f]} & {i.qid for i in forms[g]})
            if Fraction(shared, bp.item_count) > limit:
                worst = max(worst, shared)
    if worst:
        out.append(f"two forms share {worst} items > {float(limit):.0%}")
    return out


def resting_used(forms: list[list[Item]], bank: dict[int, Question]) -> int:
    return sum(1 for form in forms for i in form if not bank[i.qid].rested)


def uses_sum(forms: list[list[Item]], bank: dict[int, Question]) -> int:
    return sum(bank[i.qid].uses for form in forms for i in form)


# -- the run -----------------------------------------------------------------------------------

@dataclass
class EngineRuns:
    times: list[float] = field(default_factory=list)
    ok: int = 0
    failures: list[str] = field(default_factory=list)
    resting: list[int] = field(default_factory=list)
    reported_reused: list[int] = field(default_factory=list)
    uses: list[int] = field(default_factory=list)


def run_engine(items: list[Item], rules: Rules, bp: Blueprint, bank: dict[int, Question],
               depth: int, seeds: int) -> EngineRuns:
    runs = EngineRuns()
    for seed in range(seeds):
        rng = random.Random(f"bench-{seed}")
        begin = time.perf_counter()
        try:
            result = assemble(items, rules, rng)
        except AssemblyFailed as exc:
            runs.times.append(time.perf_counter() - begin)
            runs.failures.append(f"seed {seed}: AssemblyFailed: {exc.detail}")
            continue
        runs.times.append(time.perf_counter() - begin)
        problems = violations(result.forms, bp, bank, depth)
        if problems:
            runs.failures.append(f"seed {seed}: returned but breaks: {'; '.join(problems)}")
        else:
            runs.ok += 1
        runs.resting.append(resting_used(result.forms, bank))
        # placements of the questions the engine reports as reused, to set beside the count
        # the checker makes from the bank's own records
        runs.reported_reused.append(sum(1 for form in result.forms for i in form
                                        if i.qid in result.reused.get(i.cell, ())))
        runs.uses.append(uses_sum(result.forms, bank))
    return runs


def witness(items: list[Item], rules: Rules, bp: Blueprint, bank: dict[int, Question],
            depth: int, steps: int) -> bool:
    """A certificate of feasibility for an instance neither the timed engine nor HiGHS settled:
    one round of the engine's own search with ``steps`` repair steps instead of its default
    (never in a timed run); the answer counts only if the independent checker accepts it."""
    try:
        result = assemble(items, rules, random.Random("witness"), max_rounds=1, max_steps=steps)
    except AssemblyFailed:
        return False
    return not violations(result.forms, bp, bank, depth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="three instances, 2 seeds")
    parser.add_argument("--seeds", type=int, default=5, help="engine runs per instance")
    parser.add_argument("--only", help="run the instances whose name contains this")
    parser.add_argument("--objective", choices=("none", "rest", "uses"), default="none",
                        help="HiGHS objective (default: feasibility only)")
    parser.add_argument("--overlap", choices=("full", "lazy"), default="full",
                        help="HiGHS overlap rows: all at once, or as solutions break them")
    parser.add_argument("--highs-limit", type=float, default=600.0, help="seconds per solve")
    parser.add_argument("--no-highs", action="store_true")
    parser.add_argument("--witness", type=int, default=30_000, metavar="STEPS",
                        help="repair steps for a feasibility witness where nothing else "
                             "settled an instance (0: none)")
    args = parser.parse_args()
    seeds = 2 if args.quick else args.seeds
    chosen = [i for i in instances() if (i.quick or not args.quick)
              and (not args.only or args.only in i.name)]

    header("assembly: domain.assembly.assemble vs an exact 0/1 programme (HiGHS)")
    print(f"HiGHS {assembly_ilp.version()} (highspy), objective {args.objective}, overlap rows "
          f"{args.overlap}, time limit {args.highs_limit:g} s; engine: {seeds} seeds each\n")

    banks: dict[str, list[Question]] = {}
    rows, checks, notes = [], [], []
    for inst in chosen:
        if inst.bank.name not in banks:
            begin = time.perf_counter()
            banks[inst.bank.name] = make_bank(inst.bank)
            b = banks[inst.bank.name]
            print(f"bank {inst.bank.name}: {len(b):,} questions on "
                  f"{len({q.point for q in b})} points, "
                  f"{len({q.group for q in b if q.group})} enemy groups, "
                  f"{sum(not q.rested for q in b):,} resting, mean difficulty "
                  f"{statistics.fmean(q.difficulty for q in b):.3f}, X share "
                  f"{sum(q.importance == 'X' for q in b) / len(b):.0%} "
                  f"(made in {time.perf_counter() - begin:.1f} s)")
        bank = banks[inst.bank.name]
        by_qid = {q.qid: q for q in bank}
        items = items_for(bank, inst.depth)
        rules = rules_of(inst.bp)
        check_s = [timed(lambda items=items, rules=rules: check(items, rules))
                   for _ in range(3)]
        verdict = check(items, rules)
        checks.append((inst.name, f"{len(items):,}", len(rules.cells),
                       1000 * statistics.median(check_s),
                       "ok" if verdict.feasible else "refuses", verdict.forms_supported))
        engine = run_engine(items, rules, inst.bp, by_qid, inst.depth, seeds)
        engine_ms = 1000 * statistics.median(engine.times)
        highs_ms: float | str = "-"
        highs_status, ratio, feasible = "not run", "-", "unknown"
        highs_rest: int | str = "-"
        if not args.no_highs:
            ilp = assembly_ilp.solve(items, rules, args.objective, args.overlap,
                                     args.highs_limit)
            highs_ms = 1000 * ilp.solve_s
            highs_status = ilp.status
            if ilp.forms is not None:
                problems = violations(ilp.forms, inst.bp, by_qid, inst.depth)
                highs_status += " ok" if not problems else " BREAKS " + "; ".join(problems)
                feasible = "yes (HiGHS)" if not problems else feasible
                if args.objective != "none":
                    highs_rest = resting_used(ilp.forms, by_qid)
            elif ilp.status == "infeasible":
                feasible = "no (HiGHS)"
            bound = ">" if ilp.status.startswith("time limit") and ilp.forms is None else ""
            ratio = f"{bound}{ilp.solve_s * 1000 / engine_ms:.1f}x"
            notes.append(f"{inst.name}: HiGHS model {ilp.columns:,} columns, {ilp.rows:,} rows, "
                         f"built in {ilp.build_s:.1f} s, {ilp.rounds} solve round(s)"
                         + (f", objective {ilp.objective:g}" if ilp.objective is not None
                            else ""))
        if feasible == "unknown" and engine.ok:
            feasible = "yes (engine)"
        if feasible == "unknown" and args.witness \
                and witness(items, rules, inst.bp, by_qid, inst.depth, args.witness):
            feasible = f"yes (witness, {args.witness:,} steps)"
        reported = max(engine.reported_reused, default=0)
        rows.append((inst.name, inst.bank.name, inst.bp.item_count, inst.bp.forms, engine_ms,
                     1000 * max(engine.times), highs_ms, f"{engine.ok}/{seeds}", highs_status,
                     ratio, feasible, f"{max(engine.resting, default=0)}/{reported}",
                     highs_rest))
        for failure in engine.failures:
            notes.append(f"{inst.name}: engine {failure}")
        print(f"  done {inst.name}", file=sys.stderr)
    print()
    table(("instance", "bank", "items", "forms", "engine ms (med)", "engine ms (max)",
           "HiGHS ms", "engine ok", "HiGHS status", "HiGHS/engine", "feasible",
           "engine resting/noted", "HiGHS resting"), rows)
    print("feasibility.check (median of 3):")
    table(("instance", "eligible", "cells", "check ms", "verdict", "forms supported"), checks)
    for note in notes:
        print(note)
    print()
    big = [r for r in rows if r[1] == "20k"]
    one = [r[5] for r in big if r[2] == 200 and r[3] == 1]
    ten = [r[5] for r in big if r[3] == 10]
    if one:
        print(f"target: one 200-item form under 50 ms: worst {max(one):.0f} ms -> "
              f"{'met' if max(one) < 50 else 'NOT met'}")
    if ten:
        print(f"target: 10 forms under 1 s: worst {max(ten):.0f} ms -> "
              f"{'met' if max(ten) < 1000 else 'NOT met'}")
    for label, which in (("HiGHS proves feasible", ("yes (HiGHS)",)),
                         ("known feasible (HiGHS, engine or witness)", ("yes",))):
        known = [r for r in rows if str(r[10]).startswith(which)]
        failed = [str(r[0]) for r in known if r[7] != f"{seeds}/{seeds}"]
        print(f"target: success on every instance {label}: "
              f"{len(known) - len(failed)}/{len(known)} on all seeds"
              + (f" (failing: {', '.join(failed)})" if failed else ""))


if __name__ == "__main__":
    main()

"""The assembly engine: every hard rule on every paper, refusals that name the cell,
reproducibility from the seed, and coverage of the whole bank over repeated assemblies."""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bankstation.domain.assembly import AssemblyFailed, Item, Rules, assemble
from bankstation.domain.feasibility import check

SCOPES = ("A", "B", "C")
QTYPES = ("judge", "single", "multiple")


def make_bank(rng: random.Random, per_cell: int, groups: int = 0) -> list[Item]:
    items, qid = [], 0
    for scope, qtype in itertools.product(SCOPES, QTYPES):
        for _ in range(per_cell):
            qid += 1
            group = f"G{rng.randrange(groups)}" if groups and rng.random() < 0.2 else None
            items.append(Item(qid, 1, scope, qtype, f"{scope}A{qid % 7:03d}",
                              rng.choices("XYZ", (8, 1.5, 0.5))[0],
                              round(rng.uniform(0.3, 0.95), 2), group, rng.randrange(5),
                              rng.random() > 0.1))
    return items


def check_rules(forms: list[list[Item]], rules: Rules) -> None:
    for form in forms:
        assert len({i.qid for i in form}) == len(form) == rules.size
        assert Counter(i.cell for i in form) == Counter(rules.cells)
        groups = Counter(i.group for i in form if i.group)
        assert all(n == 1 for n in groups.values())
        for level, (low, high) in rules.importance_counts().items():
            assert low <= sum(i.importance == level for i in form) <= high
        if rules.difficulty:
            mean = sum(i.difficulty for i in form) / len(form)
            assert rules.difficulty[0] - 1e-9 <= mean <= rules.difficulty[1] + 1e-9
    for a, b in itertools.combinations(forms, 2):
        assert len({i.qid for i in a} & {i.qid for i in b}) <= rules.overlap_limit


def oracle(items: list[Item], rules: Rules) -> bool:
    """Exhaustive: is there any set of forms meeting every rule? (small instances only)"""
    per_cell = [list(itertools.combinations([i for i in items if i.cell == c], n))
                for c, n in sorted(rules.cells.items())]
    valid = []
    for parts in itertools.product(*per_cell):
        form = [i for part in parts for i in part]
        try:
            check_rules([form], Rules(rules.cells, rules.importance, rules.difficulty, 1))
        except AssertionError:
            continue
        valid.append(frozenset(i.qid for i in form))
    if rules.forms == 1:
        return bool(valid)
    limit = rules.overlap_limit

    def extend(chosen: list[frozenset[int]], start: int) -> bool:
        if len(chosen) == rules.forms:
            return True
        return any(all(len(v & c) <= limit for c in chosen) and extend([*chosen, v], k + 1)
                   for k, v in enumerate(valid[start:], start))

    return extend([], 0)


small_cells = st.dictionaries(st.sampled_from([("A", "judge"), ("B", "single")]),
                              st.integers(1, 3), min_size=1)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), cells=small_cells, per_cell=st.integers(1, 7),
       forms=st.integers(1, 3), groups=st.integers(0, 3), x_min=st.sampled_from([0, 60, 90]),
       target=st.floats(0.45, 0.8))
def test_small_instances_match_an_exhaustive_oracle(seed: int, cells: dict, per_cell: int,
                                                    forms: int, groups: int, x_min: int,
                                                    target: float) -> None:
    items = make_bank(random.Random(seed), per_cell, groups)
    rules = Rules(cells, {"X": {"min": x_min}, "Z": {"max": 20}},
                  (target - 0.06, target + 0.06), forms, 0.34)
    possible = oracle(items, rules)
    verdict = check(items, rules)
    if not verdict.feasible:
        assert not possible  # the pre-check never refuses a feasible instance
        return
    if possible:
        check_rules(assemble(items, rules, random.Random(seed)).forms, rules)
    else:
        with pytest.raises(AssemblyFailed, match="未能同时满足"):
            assemble(items, rules, random.Random(seed), max_rounds=2)


cells_strategy = st.fixed_dictionaries(
    {cell: st.integers(0, 6) for cell in itertools.product(SCOPES, QTYPES)}
).filter(lambda d: sum(d.values()) >= 5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), cells=cells_strategy, forms=st.integers(1, 4),
       groups=st.integers(0, 6), x_min=st.sampled_from([0, 50, 70, 80]))
def test_roomy_banks_always_give_papers_meeting_every_rule(seed: int, cells: dict, forms: int,
                                                           groups: int, x_min: int) -> None:
    rng = random.Random(seed)
    items = make_bank(rng, 6 * 4 * 2 + 10, groups)
    rules = Rules({c: n for c, n in cells.items() if n}, {"X": {"min": x_min}, "Z": {"max": 10}},
                  (0.6, 0.7), forms, 0.1)
    assert check(items, rules).feasible
    check_rules(assemble(items, rules, random.Random(seed)).forms, rules)


def test_same_seed_same_papers_and_different_seed_differs() -> None:
    items = make_bank(random.Random(1), 40)
    rules = Rules({c: 5 for c in itertools.product(SCOPES, QTYPES)}, {"X": {"min": 70}},
                  (0.6, 0.7), forms=3, max_overlap=0.1)
    first = assemble(items, rules, random.Random("seed-1"))
    again = assemble(list(reversed(items)), rules, random.Random("seed-1"))
    other = assemble(items, rules, random.Random("seed-2"))
    ids = [[i.qid for i in f] for f in first.forms]
    assert ids == [[i.qid for i in f] for f in again.forms]
    assert ids != [[i.qid for i in f] for f in other.forms]
    check_rules(first.forms, rules)


def test_shortage_names_the_cell() -> None:
    items = [i for i in make_bank(random.Random(2), 10)
             if not (i.scope == "B" and i.qtype == "multiple")]
    rules = Rules({("A", "judge"): 3, ("B", "multiple"): 2})
    verdict = check(items, rules)
    assert not verdict.feasible
    assert [(s.scope, s.qtype, s.needed, s.available) for s in verdict.shortfalls] == [
        ("B", "multiple", 2, 0)]
    assert "B 的多项选择题需要 2 道，可用 0 道" in verdict.reasons()[0]


def test_unreachable_bounds_say_the_best_value() -> None:
    items = [Item(i, 1, "A", "judge", "AA001", "Y" if i % 2 else "X", 0.9, None, 0)
             for i in range(20)]
    rules = Rules({("A", "judge"): 10}, {"X": {"min": 80}}, (0.6, 0.7))
    reasons = check(items, rules).reasons()
    assert reasons == ["平均难度系数应在 0.600–0.700 之间，"
                       "题库最低也有 0.900（可选试题整体偏易）。"]


def test_importance_shortage_reported() -> None:
    items = [Item(i, 1, "A", "judge", "AA001", "X" if i < 5 else "Y", 0.65, None, 0)
             for i in range(20)]
    reasons = check(items, Rules({("A", "judge"): 10}, {"X": {"min": 80}})).reasons()
    assert reasons == ["重要程度 X 至少应占 80.0%（8 题），题库最多只能达到 50.0%（5 题）。"]


def test_repeated_assemblies_reach_every_question() -> None:
    items = make_bank(random.Random(3), 12)
    rules = Rules({c: 3 for c in itertools.product(SCOPES, QTYPES)})
    uses: Counter[int] = Counter()
    rng = random.Random(99)
    for _ in range(12):
        bank = [Item(i.qid, 1, i.scope, i.qtype, i.point, i.importance, i.difficulty, i.group,
                     uses[i.qid]) for i in items]
        for item in assemble(bank, rules, rng).forms[0]:
            uses[item.qid] += 1
    assert set(uses) == {i.qid for i in items}
    assert max(uses.values()) - min(uses.values()) <= 2


def test_forms_supported_estimate() -> None:
    items = make_bank(random.Random(4), 10)
    rules = Rules({c: 5 for c in itertools.product(SCOPES, QTYPES)}, max_overlap=0.1)
    verdict = check(items, rules)
    assert verdict.forms_supported == 2  # 10 per cell covers two disjoint forms; 45×0.1 = 4
    result = assemble(items, Rules(rules.cells, forms=2, max_overlap=0.1), random.Random(5))
    check_rules(result.forms, Rules(rules.cells, forms=2, max_overlap=0.1))


@pytest.mark.parametrize("seed", range(5))
def test_tight_but_feasible_instances_succeed(seed: int) -> None:
    rng = random.Random(seed)
    items = make_bank(rng, 15, groups=4)
    rules = Rules({c: 4 for c in itertools.product(SCOPES, QTYPES)},
                  {"X": {"min": 80}, "Z": {"max": 5}}, (0.62, 0.66), forms=3, max_overlap=0.1)
    if not check(items, rules).feasible:
        pytest.fail("instance generator should make a feasible bank")
    check_rules(assemble(items, rules, random.Random(seed)).forms, rules)


def skewed_bank(seed: int, per_cell: int = 50, mean: float = 0.78) -> list[Item]:
    """A bank much easier on average than the blueprints below aim for (0.65), 80 % X, a tenth
    of the questions in enemy groups, 15 % resting: each form must find its few hard X
    questions while five forms compete for them under the overlap limit."""
    rng = random.Random(seed)
    items, qid = [], 0
    for scope, qtype in itertools.product(SCOPES, QTYPES):
        for k in range(per_cell):
            qid += 1
            r = rng.random()
            level = "X" if r < 0.8 else "Y" if r < 0.92 else "Z"
            difficulty = round(min(0.95, max(0.25, rng.gauss(mean, 0.12))), 2)
            group = f"{scope}{qtype}{k // 3}" if rng.random() < 0.1 else None
            items.append(Item(qid, 1, scope, qtype, f"{scope}A{k % 5:03d}", level, difficulty,
                              group, rng.randrange(6), rng.random() >= 0.15))
    return items


TIGHT = Rules({c: 6 for c in itertools.product(SCOPES, QTYPES)},
              {"X": {"min": 85}, "Z": {"max": 5}}, (0.63, 0.67), forms=5, max_overlap=0.1)


@pytest.mark.parametrize("seed", range(2))
def test_tight_bank_far_from_the_target_difficulty_is_assembled(seed: int) -> None:
    # The engine before the directed repair (uniform moves over all forms, 3,000 steps for
    # the whole assembly) failed this on every seed tried (0-5), after about 2.7 s each.
    items = skewed_bank(1)
    assert check(items, TIGHT).feasible
    result = assemble(items, TIGHT, random.Random(seed))
    assert len(result.forms) == TIGHT.forms
    check_rules(result.forms, TIGHT)


def test_same_seed_same_forms_on_a_tight_bank_whatever_the_hash_seed() -> None:
    # The repair runs thousands of random moves here; any iteration over a set or dict whose
    # order depends on string hashing would show as different forms between processes.
    script = ("import random, sys; sys.path.insert(0, '.');"
              "from tests.domain.test_assembly import TIGHT, skewed_bank;"
              "from bankstation.domain.assembly import assemble;"
              "r = assemble(skewed_bank(1), TIGHT, random.Random('audit'));"
              "print([[i.qid for i in f] for f in r.forms], r.reused)")
    root = Path(__file__).resolve().parents[2]
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=root, check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": hash_seed}).stdout
               for hash_seed in ("1", "2")}
    in_process = assemble(skewed_bank(1), TIGHT, random.Random("audit"))
    assert outputs == {f"{[[i.qid for i in f] for f in in_process.forms]} "
                       f"{in_process.reused}\n"}

"""Questions still resting (used within rest_days): left out while the bank has enough rested
ones, and when it has not, ``reused`` names exactly the resting questions the forms hold."""

from __future__ import annotations

import itertools
import random

from bankstation.domain.assembly import Cell, Item, Rules, assemble

CELLS = list(itertools.product("AB", ("judge", "single")))


def bank(seed: int, per_cell: int, resting: dict[Cell, int] | None = None,
         default_resting: int = 0) -> list[Item]:
    """``resting[cell]`` of each cell's questions are resting, and those are the ones a
    blueprint aiming at 0.62 would like best: all of moderate difficulty, where the rested
    ones spread from hard to easy."""
    rng = random.Random(seed)
    items, qid = [], 0
    for cell in CELLS:
        still = (resting or {}).get(cell, default_resting)
        for k in range(per_cell):
            qid += 1
            rested = k >= still
            difficulty = rng.uniform(0.35, 0.95) if rested else rng.uniform(0.58, 0.66)
            items.append(Item(qid, 1, cell[0], cell[1], f"{cell[0]}A{k % 4:03d}",
                              "X" if rng.random() < 0.85 else "Y", round(difficulty, 2),
                              None, rng.randrange(4), rested))
    return items


def resting_held(forms: list[list[Item]]) -> dict[Cell, tuple[int, ...]]:
    found: dict[Cell, set[int]] = {}
    for item in (i for form in forms for i in form if not i.rested):
        found.setdefault(item.cell, set()).add(item.qid)
    return {cell: tuple(sorted(qids)) for cell, qids in found.items()}


def test_enough_rested_questions_means_no_resting_one_in_any_form() -> None:
    # 40 % of each cell resting and better suited to the difficulty bound than most rested
    # ones; the rested ones can still fill every form (24 per cell against 3 × 5).
    items = bank(1, 40, default_resting=16)
    rules = Rules({c: 5 for c in CELLS}, {"X": {"min": 80}}, (0.6, 0.64), forms=3)
    for seed in range(4):
        result = assemble(items, rules, random.Random(seed))
        assert [i.qid for form in result.forms for i in form if not i.rested] == []
        assert result.reused == {}


def test_a_short_cell_reuses_only_what_it_must_and_says_which() -> None:
    # A-judge has 2 rested questions for a need of 4: exactly 2 resting ones, and both
    # rested ones; every other cell has plenty.
    items = bank(2, 30, {("A", "judge"): 28})
    rules = Rules({c: 4 for c in CELLS}, {"X": {"min": 60}}, (0.55, 0.7))
    result = assemble(items, rules, random.Random(7))
    (form,) = result.forms
    a_judge = [i for i in form if i.cell == ("A", "judge")]
    assert sorted(i.rested for i in a_judge) == [False, False, True, True]
    assert result.reused == {("A", "judge"): tuple(sorted(i.qid for i in a_judge
                                                          if not i.rested))}


def test_reused_is_what_the_final_forms_hold() -> None:
    # Three forms; A-judge has 4 rested questions and B-single 3 for a need of 5, A-single
    # 10: whatever the search swapped in and out on the way, the report matches the forms
    # it returned, and names only the two cells that cannot fill a form from rested ones.
    items = bank(3, 24, {("A", "judge"): 20, ("B", "single"): 21, ("A", "single"): 14})
    rules = Rules({c: 5 for c in CELLS}, {"X": {"min": 70}}, (0.58, 0.66), forms=3,
                  max_overlap=0.2)
    for seed in range(3):
        result = assemble(items, rules, random.Random(seed))
        assert result.reused == resting_held(result.forms)
        assert set(result.reused) == {("A", "judge"), ("B", "single")}

"""Generate the 电工 level-4 demo question bank: element tables, theory and practical workbooks.

Run: .venv/bin/python resources/demo/generate.py
Everything is synthetic demo content, deterministic for a given SEED; files land next to this
script and are read back and checked before the script reports success.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import dedup  # noqa: E402  (the topic modules live next to this script)
import elements  # noqa: E402
import practical  # noqa: E402
import report  # noqa: E402
import topics_basics  # noqa: E402
import topics_circuits_ac  # noqa: E402
import topics_control  # noqa: E402
import topics_electronics  # noqa: E402
import topics_ethics_law  # noqa: E402
import topics_machines  # noqa: E402
import topics_meters  # noqa: E402
import topics_more  # noqa: E402
import topics_plc_wiring  # noqa: E402
import topics_safety  # noqa: E402
import topics_subjective  # noqa: E402
import topics_switchgear  # noqa: E402
import validate  # noqa: E402
import writers  # noqa: E402
from common import JUDGE, MULTIPLE, SINGLE, Question  # noqa: E402

SEED = 20260105
PREFIX = "DG4"
TOPICS = (topics_ethics_law, topics_basics, topics_circuits_ac, topics_electronics,
          topics_meters, topics_safety, topics_machines, topics_switchgear, topics_control,
          topics_plc_wiring, topics_more, topics_subjective)
TYPE_ORDER = (JUDGE, SINGLE, MULTIPLE, "简答题", "计算题", "论述题")
FILES = {
    "elements": "electrician-4-elements.csv",
    "theory": "electrician-4-theory.xlsx",
    "practical_elements": "electrician-4-practical-elements.csv",
    "practical": "electrician-4-practical.xlsx",
}


def collect(rng: random.Random) -> list[Question]:
    known = elements.points(elements.THEORY)
    items: list[Question] = []
    for module in TOPICS:
        for q in module.questions(rng):
            if q["point"] not in known:
                raise ValueError(f"{module.__name__}: unknown point {q['point']}: {q['stem']}")
            items.append(q)
    return items


def place_options(items: list[Question], rng: random.Random) -> None:
    """Shuffle options into letters; single-choice keys cycle through shuffled decks of ABCD."""
    deck: list[str] = []
    for q in items:
        if q["qtype"] == SINGLE:
            if not deck:
                deck = rng.sample("ABCD", 4)
            slot = "ABCD".index(deck.pop())
            wrong = rng.sample(q["wrong"], 3)
            q["options"] = [*wrong[:slot], q["right"][0], *wrong[slot:]]
            q["answer"] = "ABCD"[slot]
        elif q["qtype"] == MULTIPLE:
            size = len(q["right"]) + len(q["wrong"])
            slots = sorted(rng.sample(range(size), len(q["right"])))
            right, wrong = rng.sample(q["right"], len(q["right"])), rng.sample(q["wrong"],
                                                                               len(q["wrong"]))
            q["options"] = [right.pop() if n in slots else wrong.pop() for n in range(size)]
            q["answer"] = "".join("ABCDE"[n] for n in slots)
        else:
            q["options"] = []


def number(items: list[Question]) -> list[Question]:
    point_order = {code: n for n, code in enumerate(elements.points(elements.THEORY))}
    ordered = sorted(items, key=lambda q: (TYPE_ORDER.index(q["qtype"]), point_order[q["point"]]))
    for n, q in enumerate(ordered, start=1):
        q["code"] = f"{PREFIX}-{n:04d}"
    return ordered


def main() -> int:
    rng = random.Random(SEED)  # noqa: S311  (demo content, not security)
    raw = collect(rng)
    kept, dropped = dedup.filter_near_duplicates(raw)
    place_options(kept, rng)
    items = number(kept)
    writers.write_elements(HERE / FILES["elements"], elements.THEORY)
    writers.write_theory(HERE / FILES["theory"], items)
    writers.write_elements(HERE / FILES["practical_elements"], elements.PRACTICAL)
    writers.write_practical(HERE / FILES["practical"], practical.TASKS, practical.rubric_rows())
    stats = validate.check_all(HERE, FILES)
    stats["dropped"] = dropped
    stats["generated"] = len(raw)
    (HERE / "SOURCE.md").write_text(report.source_md(stats, FILES), encoding="utf-8")
    print(report.summary(stats))
    by_type = Counter(q["qtype"] for q in items)
    print("by type:", dict(by_type))
    if stats["problems"]:
        print(f"{len(stats['problems'])} problem(s):")
        for problem in stats["problems"]:
            print("  -", problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

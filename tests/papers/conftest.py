"""A small reviewed bank (generated questions) with an approved blueprint."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent
from bankstation.services import blueprints, questions, station
from tests.support import FakeClock, login, make_bank

POINTS = ("AA001", "AA002", "AB001", "AB002", "BA001", "BA002", "BB001", "BB002")


def blueprint_dict(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "format": "bankstation.blueprint/1", "title": "电工（四级）理论知识测试方案",
        "occupation": "6-31-01-03", "level": 4, "exam": "theory",
        "duration_minutes": 60, "pass_score": 60,
        "sections": [{"qtype": "judge", "count": 10, "points": 2},
                     {"qtype": "single", "count": 20, "points": 3},
                     {"qtype": "multiple", "count": 5, "points": 4}],
        "weights": {"A": 40, "B": 60},
        "importance": {"X": {"min": 60}},
        "difficulty": {"target": 0.65, "tolerance": 0.08},
        "forms": 2, "max_overlap": 0.1, "rest_days": 30,
    }
    data.update(changes)
    return data


def fill_bank(path: Path, clock: FakeClock, bank: int, per_point: int = 24) -> None:
    rng = random.Random(7)
    keeper = login(path, clock, "keeper", "keeper-pass-1")
    made = 0
    for point in POINTS:
        for i in range(per_point):
            made += 1
            qtype = (QType.JUDGE, QType.SINGLE, QType.MULTIPLE)[i % 3]
            options = tuple(f"{point}选项{made}-{k}" for k in "甲乙丙丁")
            answer = {"judge": "√", "single": "C", "multiple": "ABD"}[qtype.value]
            content = QuestionContent(qtype, point, f"第{made}题：关于{point}的表述{rng.random()}",
                                      options=options if qtype.is_choice else (), answer=answer,
                                      difficulty=round(rng.uniform(0.45, 0.85), 2),
                                      code=f"T-{made:04d}")
            questions.create(keeper, bank, content, submit=True)
    station.logout(keeper)
    reviewer = login(path, clock, "reviewer", "reviewer-pass-1")
    questions.approve_many(reviewer, bank)
    station.logout(reviewer)


@pytest.fixture
def bank(staffed_vault: Path, clock: FakeClock) -> int:
    bank_id = make_bank(staffed_vault, clock)
    fill_bank(staffed_vault, clock, bank_id)
    return bank_id


@pytest.fixture
def approved_blueprint(staffed_vault: Path, clock: FakeClock, bank: int) -> int:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    stored, _w = blueprints.save(keeper, bank, blueprints.parse(json.dumps(blueprint_dict())))
    station.logout(keeper)
    reviewer = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    blueprints.approve(reviewer, stored.id)
    station.logout(reviewer)
    return stored.id

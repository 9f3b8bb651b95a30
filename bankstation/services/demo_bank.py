"""The demo vault's bank: 电工 level 4 theory and practical banks, reviewed, and a blueprint.

The content comes from resources/demo (synthetic, see its SOURCE.md) and goes in through the
same importers and review rules staff use, so the demo exercises the real paths.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bankstation.domain.standards import StandardKind
from bankstation.services import banks, blueprints, imports, questions
from bankstation.services.imports import Source
from bankstation.services.resources import resource
from bankstation.services.session import Session

OCCUPATION, LEVEL = "6-31-01-03", 4
STANDARD = ("电工国家职业技能标准（2018年版）", "人力资源社会保障部 2018年版")


@dataclass(frozen=True)
class DemoBanks:
    theory: int
    practical: int
    blueprint: int


def build_banks(keeper: Session) -> tuple[int, int]:
    """Create both banks, import their element tables and questions (as the keeper)."""
    made = []
    for exam, stem in (("theory", "electrician-4"), ("practical", "electrician-4-practical")):
        bank = banks.create_bank(keeper, OCCUPATION, LEVEL, exam, StandardKind.NATIONAL,
                                 *STANDARD)
        imports.import_elements(keeper, bank.id, Source(resource("demo", f"{stem}-elements.csv")))
        workbook = "electrician-4-theory.xlsx" if exam == "theory" else f"{stem}.xlsx"
        imports.import_questions(keeper, bank.id, Source(resource("demo", workbook)))
        made.append(bank.id)
    return made[0], made[1]


def demo_blueprint() -> dict[str, object]:
    return {
        "format": "bankstation.blueprint/1",
        "title": "电工（四级/中级工）理论知识考试组卷方案",
        "occupation": OCCUPATION, "level": LEVEL, "exam": "theory",
        "duration_minutes": 90, "pass_score": 60,
        "sections": [{"qtype": "judge", "count": 20, "points": 1},
                     {"qtype": "single", "count": 60, "points": 1},
                     {"qtype": "multiple", "count": 10, "points": 2}],
        "weights": {"A": 30, "B": 35, "C": 35},
        "importance": {"X": {"min": 70}, "Z": {"max": 10}},
        "difficulty": {"target": 0.65, "tolerance": 0.05},
        "forms": 2, "max_overlap": 0.10, "rest_days": 180,
    }


def review_all(reviewer: Session, bank_ids: tuple[int, ...]) -> None:
    for bank_id in bank_ids:
        questions.approve_many(reviewer, bank_id)


def draft_blueprint(keeper: Session, bank_id: int) -> int:
    stored, _warnings = blueprints.save(keeper, bank_id,
                                        blueprints.parse(json.dumps(demo_blueprint())))
    return stored.id

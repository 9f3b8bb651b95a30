"""A question bank: one occupation (or trade), one level, one exam kind, one standard."""

from __future__ import annotations

from dataclasses import dataclass

from bankstation.domain.occupations import LEVEL_LABELS, Level
from bankstation.domain.qtypes import EXAM_LABELS


@dataclass(frozen=True)
class Bank:
    id: int
    occupation: str
    occupation_name: str
    trade: str | None
    level: Level
    exam: str
    standard_id: int
    created_at: str
    void_reason: str | None = None

    @property
    def name(self) -> str:
        return (f"{self.occupation_name}（{LEVEL_LABELS[self.level]}）"
                f"{EXAM_LABELS[self.exam]}题库")

    @property
    def voided(self) -> bool:
        return self.void_reason is not None

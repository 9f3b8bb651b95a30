"""The bank quality report (题库质量报告)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

from bankstation.domain.elements import ElementTable
from bankstation.domain.qtypes import QType, Status
from bankstation.services import banks, duplicates, elements
from bankstation.services.session import Session
from bankstation.store import questions_repo

MIN_PER_POINT = 4  # at least 4 approved questions per assessment point (national practice)


@dataclass
class QualityReport:
    bank_id: int
    bank_name: str
    void_reason: str | None
    total: int
    by_status: dict[str, int]
    by_qtype_scope: dict[str, dict[str, int]]  # approved: scope -> qtype -> count
    thin_points: list[dict[str, Any]]
    importance: dict[str, float]  # share of approved questions, percent
    difficulty_histogram: list[dict[str, Any]]
    mean_difficulty: float | None
    near_duplicates: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def report(session: Session, bank_id: int, threshold: float = 0.8, *,
           near_duplicates: bool = True) -> QualityReport:
    """The report; without ``near_duplicates`` the pairs are left out (and the list empty):
    finding them reads every text of the bank, seconds on a large one, so the GUI shows the
    counts first and the pairs when ``duplicate_pairs`` has them."""
    bank = banks.get_bank(session, bank_id)
    table = elements.table(session, bank_id)
    stats = questions_repo.stats(session.vault, bank_id)
    approved = [(q, p, d) for q, p, s, d in stats if s == Status.APPROVED.value]
    return QualityReport(
        bank_id=bank_id,
        bank_name=bank.name,
        void_reason=bank.void_reason,
        total=len(stats),
        by_status=dict(Counter(s for _q, _p, s, _d in stats)),
        by_qtype_scope=_cells(table, approved),
        thin_points=_thin(table, approved),
        importance=_importance(table, approved),
        difficulty_histogram=_histogram([d for _q, _p, d in approved]),
        mean_difficulty=(round(sum(d for *_x, d in approved) / len(approved), 3)
                         if approved else None),
        near_duplicates=(duplicate_pairs(session, bank_id, threshold) if near_duplicates
                         else []),
    )


def duplicate_pairs(session: Session, bank_id: int, threshold: float = 0.8
                    ) -> list[dict[str, Any]]:
    """The report's ``near_duplicates``: every near-duplicate pair of the bank's live questions."""
    return [{"first": p.first, "second": p.second, "similarity": p.similarity,
             "same_enemy_group": p.same_group}
            for p in duplicates.find(session, bank_id, threshold)]


def _cells(table: ElementTable, approved: list[tuple[str, str, float]]
           ) -> dict[str, dict[str, int]]:
    cells: dict[str, Counter[str]] = defaultdict(Counter)
    for qtype, point, _d in approved:
        top = table.ancestors(point)[0] if point else "?"
        cells[top][qtype] += 1
    return {scope: dict(counts) for scope, counts in sorted(cells.items())}


def _thin(table: ElementTable, approved: list[tuple[str, str, float]]) -> list[dict[str, Any]]:
    per_point = Counter(point for _q, point, _d in approved)
    return [{"point": p.code, "name": p.name, "approved": per_point[p.code]}
            for p in table.points() if per_point[p.code] < MIN_PER_POINT]


def _importance(table: ElementTable, approved: list[tuple[str, str, float]]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for _q, point, _d in approved:
        node = table.nodes.get(point)
        counts[node.importance.value if node and node.importance else "?"] += 1
    total = sum(counts.values()) or 1
    return {k: round(100 * v / total, 1) for k, v in sorted(counts.items())}


def _histogram(values: list[float]) -> list[dict[str, Any]]:
    bins = Counter(min(int(v * 10), 9) for v in values)
    return [{"from": i / 10, "to": (i + 1) / 10, "count": bins[i]} for i in range(10)]


def qtype_label(code: str) -> str:
    return QType(code).label

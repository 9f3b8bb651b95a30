"""Finding questions: filtered, paged id lists for the lazy table, and full-text search."""

from __future__ import annotations

from bankstation.domain.questions import QuestionFilter, QuestionRow
from bankstation.services.session import Session
from bankstation.store import questions_repo


def question_ids(session: Session, bank_id: int, flt: QuestionFilter | None = None,
                 order: str = "id", descending: bool = False, limit: int = -1,
                 offset: int = 0) -> list[int]:
    return questions_repo.ids(session.vault, bank_id, flt or QuestionFilter(), order, descending,
                              limit, offset)


def question_count(session: Session, bank_id: int, flt: QuestionFilter | None = None) -> int:
    return questions_repo.count(session.vault, bank_id, flt or QuestionFilter())


def question_rows(session: Session, qids: list[int]) -> dict[int, QuestionRow]:
    return questions_repo.rows(session.vault, qids)


def search(session: Session, bank_id: int, text: str, limit: int = 50,
           flt: QuestionFilter | None = None) -> list[QuestionRow]:
    """First page of questions matching every word of ``text`` (stem, options, analysis)."""
    base = flt or QuestionFilter()
    query = QuestionFilter(base.qtype, base.status, base.point, base.min_difficulty,
                           base.max_difficulty, base.enemy_group, base.used, text)
    ids = questions_repo.ids(session.vault, bank_id, query, limit=limit)
    found = questions_repo.rows(session.vault, ids)
    return [found[i] for i in ids]

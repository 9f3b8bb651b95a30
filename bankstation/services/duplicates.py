"""Near-duplicate questions in a bank, and what to do with a pair."""

from __future__ import annotations

from dataclasses import dataclass

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionContent, QuestionRow
from bankstation.domain.similarity import similar_pairs
from bankstation.domain.similarity_new import pairs_with
from bankstation.services import questions
from bankstation.services.session import Session
from bankstation.store import questions_repo

LIVE = (Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.REJECTED)


@dataclass(frozen=True)
class DuplicatePair:
    first: int
    second: int
    similarity: float
    same_group: bool


def find(session: Session, bank_id: int, threshold: float = 0.8) -> list[DuplicatePair]:
    texts = questions_repo.question_texts(session.vault, bank_id, LIVE)
    pairs = similar_pairs(texts, threshold)
    ids = sorted({p.first for p in pairs} | {p.second for p in pairs})
    rows = questions_repo.rows(session.vault, ids)
    return [DuplicatePair(p.first, p.second, p.similarity,
                          bool(rows[p.first].enemy_group)
                          and rows[p.first].enemy_group == rows[p.second].enemy_group)
            for p in pairs]


@dataclass(frozen=True)
class SimilarQuestion:
    row: QuestionRow
    similarity: float


# How many near-duplicates the editor names: beyond a few, the quality report is the place.
SHOWN_SIMILAR = 5
# Above this many live questions the editor saves without looking: reading every text of the
# bank is most of the cost (2.5 s at 100,000 generated questions, 5 s at 194,000).
EDITOR_BANK_LIMIT = 100_000


def similar_to(session: Session, bank_id: int, content: QuestionContent,
               qid: int | None = None, threshold: float = 0.8) -> list[SimilarQuestion] | None:
    """The bank's live questions nearly the same as ``content`` (the question ``qid`` itself
    left out), most similar first: what the editor asks about before saving. Only the one new
    text is indexed; each bank question probes it once. None when the bank is over
    ``EDITOR_BANK_LIMIT`` and nothing was looked at."""
    if questions_repo.count_in(session.vault, bank_id, LIVE) > EDITOR_BANK_LIMIT:
        return None
    old = [(key, text) for key, text in
           questions_repo.question_texts(session.vault, bank_id, LIVE) if key != qid]
    pairs = pairs_with(old, [(-1, content.question_text())], threshold)[:SHOWN_SIMILAR]
    rows = questions_repo.rows(session.vault, [p.second for p in pairs])
    return [SimilarQuestion(rows[p.second], p.similarity) for p in pairs]


def group_pair(session: Session, first: int, second: int) -> str:
    """Put both questions in one enemy group (reusing the group one of them already has)."""
    rows = questions_repo.rows(session.vault, [first, second])
    group = rows[first].enemy_group or rows[second].enemy_group or f"近似-{first}-{second}"
    questions.set_enemy_group(session, [first, second], group)
    return group

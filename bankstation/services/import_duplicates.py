"""The near-duplicate check of an import plan: its rows against each other and the bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bankstation.domain.problems import Problem
from bankstation.domain.similarity import SimilarPair, similar_pairs
from bankstation.domain.similarity_new import pairs_with
from bankstation.services import duplicates
from bankstation.services.session import Session
from bankstation.store import questions_repo

if TYPE_CHECKING:
    from bankstation.services.imports import ImportPlan

# Up to this many texts (bank + file) the whole join runs: about 2.3 s at 30,000 generated texts
# (benchmarks/near_duplicates.py); it grows faster than the count.
WHOLE_LIMIT = 30_000
# Beyond it only the file's rows are indexed and each bank question probes them once
# (domain/similarity_new.py): about 1 s for 100 rows and 2 s for 1,000 rows against 100,000
# generated questions, 10 s for 10,000 rows (benchmarks/near_duplicates.py, second table).
ROWS_LIMIT = 1_000
BANK_LIMIT = 100_000


def warnings(session: Session, bank_id: int, plan: ImportPlan) -> list[Problem]:
    """Rows nearly the same as each other or as a question already in the bank; or one
    notice that the check was not made, and why."""
    incoming = [*plan.added, *((row, c) for row, _q, c in plan.new_versions)]
    if not incoming:
        return []
    in_bank = questions_repo.count_in(session.vault, bank_id, duplicates.LIVE)
    whole = in_bank + len(incoming) <= WHOLE_LIMIT
    if not whole and (len(incoming) > ROWS_LIMIT or in_bank > BANK_LIMIT):
        # decided before the bank's texts are read: 194,000 of them take 3.5 s
        return [Problem(None, None, f"文件有 {len(incoming)} 道试题、题库有 {in_bank} 道，超出"
                        f"导入时近似查重的范围（合计 {WHOLE_LIMIT} 道以内，或文件 {ROWS_LIMIT} 道"
                        f"以内且题库 {BANK_LIMIT} 道以内），导入时未做近似查重；"
                        "可在题库质量报告中查看近似试题。")]
    replaced = {qid for _row, qid, _c in plan.new_versions}
    old = [(qid, text) for qid, text in
           questions_repo.question_texts(session.vault, bank_id, duplicates.LIVE)
           if qid not in replaced]
    new = [(-row, content.question_text()) for row, content in incoming]
    # whole join: the bank's own pairs are left to the quality report
    pairs = ([p for p in similar_pairs([*old, *new]) if p.first < 0] if whole
             else pairs_with(old, new))
    return sorted(_warning(pair) for pair in pairs)


def _warning(pair: SimilarPair) -> Problem:
    other = f"第 {-pair.second} 行" if pair.second < 0 else f"题库中的试题 {pair.second} "
    note = f"与{other}近似（相似度 {pair.similarity:.2f}），请确认不是重复试题。"
    return Problem(-pair.first, "题干", note)

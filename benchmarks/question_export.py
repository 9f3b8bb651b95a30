"""Exporting the approved questions of a 200,000-question bank to .xlsx (export_questions)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import header, table, vault_run
from python_calamine import CalamineWorkbook
from question_data import FrozenClock, keeper_login
from question_search import ensure_vault

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.formats import workbook
from bankstation.services import imports, station
from bankstation.services.session import Session
from bankstation.store import questions_repo


def one_by_one(session: Session, bank_id: int) -> list[QuestionContent]:
    """The read as export_questions did it until 2026-12-06: the ids, then a query each."""
    contents = []
    for qid in questions_repo.ids(session.vault, bank_id, QuestionFilter(status=Status.APPROVED)):
        found = questions_repo.get(session.vault, qid)
        if found is not None:
            contents.append(found.content)
    return contents


def in_one_query(session: Session, bank_id: int) -> list[QuestionContent]:
    """The read export_questions makes now."""
    return [q.content for q in
            questions_repo.current_by_status(session.vault, bank_id, Status.APPROVED)]


def median_of(runs: int, fn: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def rows_in(path: Path) -> int:
    """Data rows of the 试题 sheet, read back with calamine (the header row left out)."""
    return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_name("试题").to_python()) - 1


def main() -> None:
    asked = vault_run(__doc__, rows=200_000, runs=3, quick=(20_000, 1))
    rows, runs = asked.rows, asked.runs

    header(f"question export: the approved questions of a {rows:,}-question bank to .xlsx")
    with tempfile.TemporaryDirectory(prefix="bs-qexport-") as scratch:
        path = ensure_vault(asked.keep or Path(scratch), rows)
        session = keeper_login(path, FrozenClock(), "试题导出性能测试")
        bank_id = int(session.vault.scalar("SELECT min(id) FROM banks"))
        old_s, old = median_of(runs, lambda: one_by_one(session, bank_id))
        new_s, new = median_of(runs, lambda: in_one_query(session, bank_id))
        assert new == old, "the two reads gave different questions"
        out = Path(scratch) / "export.xlsx"
        write_s, _ = median_of(runs, lambda: workbook.write_questions(out, new))  # type: ignore
        total_s, count = median_of(
            runs, lambda: imports.export_questions(session, bank_id, out))
        station.logout(session)
        assert count == len(new) == rows_in(out), (count, len(new))
        print(f"{count:,} approved questions; median of {runs} run(s); the file "
              f"{out.stat().st_size / 1e6:.1f} MB, read back {count:,} rows\n")
        table(("measure", "seconds", "vs baseline"), [
            ("baseline: workbook.write_questions alone", write_s, 1.0),
            ("read: ids, then one query per question (before)", old_s, old_s / write_s),
            ("read: questions_repo.current_by_status (now)", new_s, new_s / write_s),
            ("imports.export_questions (read + write + ledger)", total_s, total_s / write_s),
        ])


if __name__ == "__main__":
    main()

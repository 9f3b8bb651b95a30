"""A question import killed at any moment: the vault keeps all of a file or none of it.

A child process (tests/import_crash_child.py) imports files of new questions one after
another and is SIGKILLed at random moments, most of them inside an import (the plan, the
inserts, the COMMIT and its WAL checkpoint). After each kill the vault must hold every file
whose import returned, each whole, at most one more file whole, nothing of a file in part, a
search index that agrees with the table, and one ledger entry per file; the ledger verifies.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from bankstation.domain.questions import QuestionFilter
from bankstation.services import ledger, search, station
from bankstation.services.clock import SystemClock
from tests.crash_child import SUPERVISOR, SUPERVISOR_PW
from tests.import_crash_child import KEEPER, KEEPER_PW, ROWS, tag
from tests.support import FAST_KDF, FakeClock, make_bank
from tests.test_crash import Child

SEED = 20261206
KILLS = 8


def _batches(lines: list[str]) -> tuple[list[int], int | None]:
    """The files whose import returned, and the one the child was inside when killed (any
    of them may be saved whole: the kill can land after COMMIT, before "C" is written)."""
    started = [int(line.split()[1]) for line in lines if line.startswith("import>")]
    done = [int(line.split()[1]) for line in lines if line.startswith("C ")]
    assert all(line.split()[2] == str(ROWS) for line in lines if line.startswith("C "))
    pending = started[-1] if started and started[-1] not in done else None
    return done, pending


def _check(vault: Path, saved: list[int], pending: int | None) -> list[int]:
    """Check the vault against what the children said; return the files it holds."""
    session = station.login(vault, KEEPER, KEEPER_PW, "崩溃后核查", SystemClock(), "cli",
                            FAST_KDF)
    try:
        v = session.vault
        assert v.pragma_checks() == ("ok", "")
        for index in ("question_fts", "question_grams"):
            v.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        held = []
        for batch in [*saved, *([pending] if pending is not None else [])]:
            rows = v.scalar("SELECT count(*) FROM questions WHERE stem_preview LIKE ?",
                            (f"{tag(batch)}%",))
            found = search.question_ids(session, 1, QuestionFilter(text=tag(batch)))
            assert rows == len(found), f"file {batch}: {rows} rows, the index finds {len(found)}"
            assert rows in ((0, ROWS) if batch == pending else (ROWS,)), (batch, rows)
            if rows:
                held.append(batch)
        assert v.scalar("SELECT count(*) FROM questions") == ROWS * len(held)
        assert v.scalar("SELECT count(*) FROM question_fts") == ROWS * len(held)
        entries = v.scalar("SELECT count(*) FROM ledger WHERE action = 'questions.import'")
        assert entries == len(held)
        return held
    finally:
        station.logout(session)


@pytest.mark.slow
def test_a_killed_import_saves_all_of_a_file_or_none(staffed_vault: Path, clock: FakeClock,
                                                      tmp_path: Path) -> None:
    bank = make_bank(staffed_vault, clock)
    assert bank == 1
    rng = random.Random(SEED)
    held: list[int] = []
    last_lines = []
    for kill in range(KILLS):
        first = max(held, default=0) + 1
        child = Child(staffed_vault, rng.randrange(2**32), tmp_path / "child.err",
                      "tests.import_crash_child", str(bank), str(tmp_path), str(first))
        child.wait_for("ready")
        # Half the kills anywhere in an import, half aimed inside its transaction.
        child.wait_for("commit>" if kill % 2 else "import>", rng.randint(1, 2))
        time.sleep(rng.uniform(0.0, 0.3 if kill % 2 else 0.6))
        lines = child.kill()
        last_lines.append(lines[-1].split()[0])
        saved, pending = _batches(lines)
        held = _check(staffed_vault, [*held, *saved], pending)
    assert last_lines.count("commit>") >= 2, last_lines  # some kills landed inside a commit
    supervisor = station.login(staffed_vault, SUPERVISOR, SUPERVISOR_PW, "核验台账",
                               SystemClock(), "cli", FAST_KDF)
    report = ledger.verify_vault(supervisor.vault)
    station.logout(supervisor)
    assert report.size > len(held)

"""A writer process SIGKILLed hundreds of times at random moments leaves a sound vault."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bankstation.domain.errors import LedgerTampered
from bankstation.services import ledger, registers, station
from bankstation.services.clock import SystemClock
from bankstation.services.session import Session
from bankstation.services.station import ABANDONED
from tests.crash_child import SUPERVISOR, SUPERVISOR_PW
from tests.support import FAST_KDF

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261127
KILLS = int(os.environ.get("BANKSTATION_CRASH_KILLS", "200"))
CHECK_EVERY = 50
NORMAL_LOGOUT = "正常退出"
# What the child was doing when killed, judged by the last line it managed to write.
PHASE_OF_LAST_LINE = {
    "start": "startup", "ready": "startup", "login>": "login", "login<": "session",
    "C": "session", "logout>": "logout", "logout<": "between",
}


class Child:
    """One run of a writer child (tests/crash_child.py unless told); its stdout lines are
    collected as they arrive."""

    def __init__(self, vault: Path, seed: int, stderr: Path,
                 module: str = "tests.crash_child", *extra: str) -> None:
        self._stderr_path = stderr
        with stderr.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-u", "-m", module, str(vault), str(seed), *extra],
                cwd=ROOT, stdout=subprocess.PIPE, stderr=err,
            )
        self.lines: list[str] = []
        self._cond = threading.Condition()
        self._done = False
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self._cond:
                self.lines.append(raw.decode("utf-8").rstrip("\n"))
                self._cond.notify_all()
        with self._cond:
            self._done = True
            self._cond.notify_all()

    def wait_for(self, prefix: str, occurrence: int = 1, timeout: float = 30.0) -> None:
        """Block until the ``occurrence``-th line starting with ``prefix`` has been written."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while sum(line.startswith(prefix) for line in self.lines) < occurrence:
                left = deadline - time.monotonic()
                if self._done or left <= 0:
                    break
                self._cond.wait(left)
            else:
                return
        self.kill()
        pytest.fail(f"child never wrote {prefix!r} x{occurrence}; stderr:\n{self.stderr()}")

    def kill(self) -> list[str]:
        """SIGKILL the child, then return everything it wrote (the pipe drains after death)."""
        alive = self.proc.poll() is None
        if alive:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._reader.join()
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        if not alive or self.proc.returncode != -signal.SIGKILL:
            pytest.fail(f"child died on its own (rc={self.proc.returncode}):\n{self.stderr()}")
        return self.lines

    def stderr(self) -> str:
        return self._stderr_path.read_text(encoding="utf-8", errors="replace")


@dataclass
class Outcome:
    """What the children said they did: the truth the vault must still hold."""

    committed: dict[int, int] = field(default_factory=dict)  # room_access id -> use id
    abandoned: set[int] = field(default_factory=set)  # uses killed between login and logout
    logged_out: set[int] = field(default_factory=set)  # uses whose logout returned
    either: set[int] = field(default_factory=set)  # uses killed inside logout
    phases: Counter[str] = field(default_factory=Counter)

    def absorb(self, lines: list[str]) -> None:
        use: int | None = None
        for line in lines:
            tag, _, arg = line.partition(" ")
            if tag == "login<":
                use = int(arg)
            elif tag == "C":
                record = int(arg)
                assert record not in self.committed, f"room_access id {record} reported twice"
                assert use is not None
                self.committed[record] = use
            elif tag == "logout<":
                assert use is not None
                self.logged_out.add(use)
        last = lines[-1].partition(" ")[0] if lines else "start"
        self.phases[PHASE_OF_LAST_LINE[last]] += 1
        if last in ("login<", "C"):
            assert use is not None
            self.abandoned.add(use)
        elif last == "logout>":
            assert use is not None
            self.either.add(use)


def check_vault(path: Path, outcome: Outcome) -> int:
    """Log in as the supervisor and check the vault, ledger and registers; return ledger size."""
    session = station.login(path, SUPERVISOR, SUPERVISOR_PW, "崩溃后核查", SystemClock(), "cli",
                            FAST_KDF)
    try:
        integrity, cipher = session.vault.pragma_checks()
        assert integrity == "ok", integrity
        assert cipher == "", cipher
        try:
            report = ledger.verify_vault(session.vault)
        except LedgerTampered as exc:
            pytest.fail(f"verify failed: {exc}\n{_time_mismatches(session)}")
        rows = {r.id: r for r in registers.list_room_access(session)}
        entries = {e.subject: e for e in ledger.audit_entries(session, action_prefix="room_access")}
        missing = sorted(set(outcome.committed) - set(rows))
        assert not missing, f"committed room_access ids lost: {missing[:20]}"
        for record_id, use_id in outcome.committed.items():
            entry = entries.get(f"room_access:{record_id}")
            assert entry is not None, f"room_access {record_id} has no audit entry"
            assert entry.action == "room_access.add"
            assert entry.detail == rows[record_id].record()
            assert (entry.actor, entry.session) == (SUPERVISOR, use_id)
        uses = {u.id: u for u in registers.list_computer_use(session)}
        assert [u for u in uses if uses[u].ended_at is None] == [session.use_id]
        for use_id in outcome.abandoned:
            assert uses[use_id].end_reason == ABANDONED, uses[use_id]
        for use_id in outcome.logged_out:
            assert uses[use_id].end_reason == NORMAL_LOGOUT, uses[use_id]
        for use_id in outcome.either:
            assert uses[use_id].end_reason in (ABANDONED, NORMAL_LOGOUT), uses[use_id]
        return report.size
    finally:
        station.logout(session)


def _time_mismatches(session: Session) -> str:
    """Uses whose register end time differs from their logout entry (a clock read twice)."""
    logouts = {e.subject: e for e in ledger.audit_entries(session, action_prefix="session.logout")}
    found = []
    for use in registers.list_computer_use(session):
        entry = logouts.get(f"computer_use:{use.id}")
        if entry is not None and use.ended_at is not None and entry.at != use.ended_at:
            found.append(f"use {use.id}: ended_at {use.ended_at} but logout entry at {entry.at}")
    return "\n".join(found) or "no end-time mismatch between uses and logout entries"


def kill_one(vault: Path, rng: random.Random, stderr: Path, outcome: Outcome) -> None:
    child = Child(vault, rng.randrange(2**32), stderr)
    child.wait_for("ready")
    mode = rng.random()
    if mode < 0.4:
        # Anywhere: before, inside or between logins, appends and logouts.
        time.sleep(rng.uniform(0.0, 0.35))
    else:
        # Aimed just after a marker: inside login (keyring, vault open, closing the abandoned
        # use, the login entry), inside an append's transaction, or inside logout (end of use,
        # checkpoint, sidecar high-water write).
        marker = ("login>", "C ", "logout>")[int((mode - 0.4) / 0.2)]
        child.wait_for(marker, rng.randint(1, 3))
        time.sleep(rng.uniform(0.0, 0.004))
    outcome.absorb(child.kill())


@pytest.mark.slow
def test_sigkilled_writer_never_loses_a_commit(staffed_vault: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    outcome = Outcome()
    sizes = []
    for n in range(1, KILLS + 1):
        kill_one(staffed_vault, rng, tmp_path / "child.err", outcome)
        if n % CHECK_EVERY == 0 and n < KILLS:
            sizes.append(check_vault(staffed_vault, outcome))
    sizes.append(check_vault(staffed_vault, outcome))
    # The ledger kept growing, and the kills really landed in every phase of a session.
    assert sizes == sorted(sizes)
    assert len(outcome.committed) >= KILLS, outcome.phases
    for phase in ("login", "session", "logout"):
        assert outcome.phases[phase] >= KILLS // 20, outcome.phases
    assert outcome.abandoned, outcome.phases


def test_the_check_catches_a_lost_commit(staffed_vault: Path, tmp_path: Path) -> None:
    """The checker is not vacuous: a committed id missing from the register fails it."""
    outcome = Outcome()
    child = Child(staffed_vault, 7, tmp_path / "child.err")
    child.wait_for("C ", 2)
    outcome.absorb(child.kill())
    check_vault(staffed_vault, outcome)
    outcome.committed[max(outcome.committed) + 1000] = next(iter(outcome.committed.values()))
    with pytest.raises(AssertionError, match="committed room_access ids lost"):
        check_vault(staffed_vault, outcome)

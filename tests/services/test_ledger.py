"""Ledger verification catches edits, deletions, reordering, and an older vault put back."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bankstation.domain.errors import BadCheckpoint, CheckpointMismatch, DiskFull, LedgerTampered
from bankstation.domain.ledger import LedgerEntry
from bankstation.services import ledger, registers, station
from bankstation.services.ledger import _check_index
from bankstation.services.session import Session
from tests.support import FakeClock, login, make_vault

SUPERVISOR = ("supervisor", "supervisor-pass-1")


@pytest.fixture
def busy_vault(staffed_vault: Path, clock: FakeClock) -> Path:
    """A vault with some history: room-access records and several sessions."""
    session = login(staffed_vault, clock, *SUPERVISOR)
    for i in range(5):
        registers.add_room_access(session, f"访客{i}", "鉴定中心", "检查", "2026-11-27T08:00",
                                  "2026-11-27T08:30", "刘洋")
    station.logout(session)
    return staffed_vault


def _verify(path: Path, clock: FakeClock, checkpoint: str | None = None) -> ledger.VerifyReport:
    session = login(path, clock, *SUPERVISOR)
    try:
        return ledger.verify(session, checkpoint)
    finally:
        station.logout(session)


def _tamper(path: Path, clock: FakeClock, edit: Callable[[Session], None]) -> None:
    """An insider with the vault key edits the database directly, bypassing the services."""
    session = login(path, clock)
    edit(session)
    session.detach()  # and leaves without the logout entry


def test_untouched_ledger_verifies(busy_vault: Path, clock: FakeClock) -> None:
    report = _verify(busy_vault, clock)
    # init, login, 4 accounts, logout | login, 5 visits, logout | this login
    assert (report.size, report.checkpoints_checked) == (15, 2)


def _edit_body(s: Session) -> None:
    body = json.loads(s.vault.scalar("SELECT body FROM ledger WHERE action='room_access.add'"))
    body["detail"]["name"] = "冒名"
    s.vault.execute("UPDATE ledger SET body = ? WHERE seq = ?",
                    (json.dumps(body, ensure_ascii=False).encode(), body["seq"]))


def _delete_middle(s: Session) -> None:
    s.vault.execute("DELETE FROM ledger WHERE seq = 5")


def _swap_two(s: Session) -> None:
    a, b = (bytes(r[0]) for r in s.vault.query("SELECT body FROM ledger WHERE seq IN (6, 7)"))
    s.vault.execute("UPDATE ledger SET body = ? WHERE seq = 6", (b,))
    s.vault.execute("UPDATE ledger SET body = ? WHERE seq = 7", (a,))


def _renumber(s: Session) -> None:
    s.vault.execute("UPDATE ledger SET action = 'session.login' WHERE seq = 3")


def _move_subject(s: Session) -> None:
    # a question's history could be hidden by pointing its index column elsewhere
    s.vault.execute("UPDATE ledger SET subject = 'question:999' WHERE subject IS NOT NULL")


def _edit_room_row(s: Session) -> None:
    s.vault.execute("UPDATE room_access SET unit = '无关单位' WHERE id = 2")


def _delete_room_row(s: Session) -> None:
    s.vault.execute("DELETE FROM room_access WHERE id = 3")


def _edit_use_row(s: Session) -> None:
    s.vault.execute("UPDATE computer_use SET purpose = '无' WHERE id = 1")


def _truncate_tail_and_checkpoints(s: Session) -> None:
    s.vault.execute("DELETE FROM ledger WHERE seq > 10")
    s.vault.execute("DELETE FROM checkpoints WHERE size > 10")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_edit_body, "不一致"),
        (_delete_middle, "缺失"),
        (_swap_two, "不一致"),
        (_renumber, "索引不一致"),
        (_move_subject, "索引不一致"),
        (_edit_room_row, "出入登记第 2 条"),
        (_delete_room_row, "出入登记第 3 条已从登记表中删除"),
        (_edit_use_row, "使用登记第 1 条"),
    ],
)
def test_tampering_is_detected(busy_vault: Path, clock: FakeClock,
                               edit: Callable[[Session], None], message: str) -> None:
    _tamper(busy_vault, clock, edit)
    with pytest.raises(LedgerTampered, match=message):
        _verify(busy_vault, clock)


def test_tail_truncation_is_caught_by_an_external_checkpoint(busy_vault: Path,
                                                             clock: FakeClock) -> None:
    session = login(busy_vault, clock, *SUPERVISOR)
    text = ledger.checkpoint_text(session)
    station.logout(session)
    _tamper(busy_vault, clock, _truncate_tail_and_checkpoints)
    with pytest.raises(CheckpointMismatch, match="旧副本"):
        _verify(busy_vault, clock, text)


def test_older_vault_copy_with_its_sidecar_is_caught_by_the_printed_checkpoint(
    busy_vault: Path, clock: FakeClock, tmp_path: Path
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    for suffix in ("", ".keys"):
        shutil.copy(f"{busy_vault}{suffix}", old / f"vault.bsv{suffix}")
    session = login(busy_vault, clock, *SUPERVISOR)
    registers.add_room_access(session, "后来者", "单位", "事由", "2026-11-27T08:00")
    text = ledger.checkpoint_text(session)
    station.logout(session)
    for suffix in ("", ".keys"):
        shutil.copy(old / f"vault.bsv{suffix}", f"{busy_vault}{suffix}")
    with pytest.raises(CheckpointMismatch):
        _verify(busy_vault, clock, text)


def test_checkpoint_round_trip_and_forgery(busy_vault: Path, clock: FakeClock,
                                           tmp_path: Path) -> None:
    session = login(busy_vault, clock, *SUPERVISOR)
    text = ledger.checkpoint_text(session)
    station.logout(session)
    assert _verify(busy_vault, clock, text).external is not None
    lines = text.split("\n")
    lines[1] = str(int(lines[1]) - 1)  # claim a different size, keep the signature
    with pytest.raises(BadCheckpoint, match="签名无效"):
        _verify(busy_vault, clock, "\n".join(lines))
    other = make_vault(tmp_path / "other" / "v.bsv", clock)
    s2 = login(other, clock)
    foreign = ledger.checkpoint_text(s2)
    station.logout(s2)
    with pytest.raises(BadCheckpoint, match="不属于本题库"):
        _verify(busy_vault, clock, foreign)


def test_every_change_is_in_the_same_transaction(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, *SUPERVISOR)
    before = ledger.audit_count(session)
    session.vault.set_max_pages(int(session.vault.scalar("PRAGMA page_count")))
    with pytest.raises(DiskFull):
        for _ in range(500):
            registers.add_room_access(session, "甲" * 30, "乙" * 100, "丙" * 100,
                                      "2026-11-27T08:00")
    session.vault.set_max_pages(1_000_000)
    rows = len(registers.list_room_access(session))
    entries = ledger.audit_count(session, "room_access.add")
    after = ledger.audit_count(session)
    station.logout(session)
    assert rows == entries == after - before


def test_appending_after_a_deleted_entry_is_refused(busy_vault: Path, clock: FakeClock) -> None:
    session = login(busy_vault, clock, *SUPERVISOR)
    last = session.vault.scalar("SELECT max(seq) FROM ledger")
    session.vault.execute("DELETE FROM ledger WHERE seq = ?", (last,))
    with pytest.raises(LedgerTampered, match="拒绝写入"):
        registers.add_room_access(session, "甲", "乙", "丙", "2026-11-27T08:00")
    assert registers.list_room_access(session)[0].name != "甲"  # nothing was saved
    session.detach()


@given(st.text(), st.one_of(st.none(), st.text()), st.text(), st.one_of(st.none(),
       st.integers(0, 2**62)), st.integers(1, 2**62), st.one_of(st.none(), st.text()),
       st.dictionaries(st.text(max_size=8), st.one_of(st.text(), st.integers(), st.none())))
def test_index_check_accepts_every_canonical_body(action: str, actor: str | None, at: str,
                                                  session: int | None, seq: int,
                                                  subject: str | None,
                                                  detail: dict[str, object]) -> None:
    entry = LedgerEntry(seq, at, actor, session, action, subject, detail)
    _check_index(seq, at, actor, session, action, subject, entry.body())
    with pytest.raises(LedgerTampered):
        _check_index(seq + 1, at, actor, session, action, subject, entry.body())
    with pytest.raises(LedgerTampered):
        _check_index(seq, at, actor, session, action + "x", subject, entry.body())
    with pytest.raises(LedgerTampered):
        _check_index(seq, at, actor, session, action, (subject or "") + "x", entry.body())

"""Login: passwords, pledges, failed-attempt counting, and every broken-sidecar case."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bankstation.domain.errors import (
    AccountUnusable,
    AuthError,
    CheckpointMismatch,
    LoginThrottled,
    NotAVault,
    SidecarMissing,
    SidecarTampered,
    ValidationError,
    VaultMissing,
)
from bankstation.services import accounts, ledger, station
from bankstation.services.keyring import Keyring
from tests.support import ADMIN, ADMIN_PW, FakeClock, login, make_vault


def _keys(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def _entries(path: Path, clock: FakeClock, action: str) -> list[dict[str, object]]:
    session = login(path, clock)
    try:
        return [e.detail for e in ledger.audit_entries(session, action_prefix=action)]
    finally:
        station.logout(session)


def test_login_opens_a_computer_use_record(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock, purpose="录入试题")
    assert session.account.name == ADMIN
    assert not session.locked
    station.logout(session)
    assert session.locked


def test_wrong_password_is_refused_and_counted(vault_path: Path, clock: FakeClock) -> None:
    before = _keys(vault_path).read_bytes()
    with pytest.raises(AuthError, match="账户名或密码错误"):
        login(vault_path, clock, password="wrong-password")
    assert Keyring.load(vault_path).failures(ADMIN)[0] == 1
    # the slots themselves are untouched by a failed attempt
    assert json.loads(before)["slots"] == json.loads(_keys(vault_path).read_bytes())["slots"]


def test_unknown_account_gets_the_same_message(vault_path: Path, clock: FakeClock) -> None:
    with pytest.raises(AuthError, match="账户名或密码错误"):
        login(vault_path, clock, name="nobody")


def test_empty_purpose_is_refused(vault_path: Path, clock: FakeClock) -> None:
    with pytest.raises(ValidationError, match="使用事由"):
        login(vault_path, clock, purpose="  ")


def test_delay_grows_after_five_failures(vault_path: Path, clock: FakeClock) -> None:
    for _ in range(5):
        with pytest.raises(AuthError):
            login(vault_path, clock, password="wrong-password")
        clock.advance(1)
    with pytest.raises(LoginThrottled, match="秒后再试") as first:
        login(vault_path, clock)  # even the right password must wait
    assert first.value.wait_seconds == 9
    clock.advance(10)
    with pytest.raises(AuthError):
        login(vault_path, clock, password="wrong-password")  # sixth failure
    with pytest.raises(LoginThrottled) as second:
        login(vault_path, clock)
    assert second.value.wait_seconds == 20
    clock.advance(20)
    session = login(vault_path, clock)
    assert session.failed_attempts == 6
    station.logout(session)
    assert Keyring.load(vault_path).failures(ADMIN)[0] == 0
    logins = _entries(vault_path, clock, "session.login")
    assert [d["failed_attempts"] for d in logins] == [0, 6]  # newest first


def test_account_without_pledge_cannot_log_in(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock)
    accounts.add_account(session, "clerk", "赵六", frozenset({accounts.Role.KEEPER}), None,
                         "clerk-pass-1")
    station.logout(session)
    with pytest.raises(AccountUnusable, match="保密责任书"):
        login(vault_path, clock, "clerk", "clerk-pass-1")
    session = login(vault_path, clock)
    accounts.record_pledge(session, "clerk", accounts.pledge_from(session, "2026-02-01", "BM-9"))
    station.logout(session)
    station.logout(login(vault_path, clock, "clerk", "clerk-pass-1"))


def test_missing_sidecar(vault_path: Path, clock: FakeClock) -> None:
    _keys(vault_path).unlink()
    with pytest.raises(SidecarMissing, match=r"\.keys"):
        login(vault_path, clock)


def test_missing_vault(tmp_path: Path, clock: FakeClock) -> None:
    with pytest.raises(VaultMissing, match="找不到题库文件"):
        login(tmp_path / "none.bsv", clock)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[]", b'{"format": "x"}'])
def test_unreadable_sidecar(vault_path: Path, clock: FakeClock, garbage: bytes) -> None:
    _keys(vault_path).write_bytes(garbage)
    with pytest.raises(SidecarTampered):
        login(vault_path, clock)


def test_edited_slot_is_detected(vault_path: Path, clock: FakeClock) -> None:
    data = json.loads(_keys(vault_path).read_text())
    data["high_water"] = {"size": 1, "leaf": "AAAA"}  # any authenticated field
    _keys(vault_path).write_text(json.dumps(data))
    with pytest.raises(SidecarTampered, match="校验失败"):
        login(vault_path, clock)


def test_old_slot_swapped_back_in_is_detected(vault_path: Path, clock: FakeClock) -> None:
    old_slots = json.loads(_keys(vault_path).read_text())["slots"]
    session = login(vault_path, clock)
    accounts.change_password(session, ADMIN, "new-admin-pass")
    station.logout(session)
    current = json.loads(_keys(vault_path).read_text())
    current["slots"] = old_slots  # the slot that the old password still opens
    _keys(vault_path).write_text(json.dumps(current))
    with pytest.raises(SidecarTampered, match="校验失败"):
        login(vault_path, clock)


def test_slot_from_another_vault_opens_nothing(tmp_path: Path, clock: FakeClock) -> None:
    mine = make_vault(tmp_path / "a" / "v.bsv", clock)
    other = make_vault(tmp_path / "b" / "v.bsv", clock)
    mine_keys = json.loads(_keys(mine).read_text())
    mine_keys["slots"] = json.loads(_keys(other).read_text())["slots"]
    _keys(mine).write_text(json.dumps(mine_keys))
    # Slots are bound to their vault's id, so even the right password cannot open it here;
    # before anything is authenticated this is indistinguishable from a wrong password.
    with pytest.raises(AuthError):
        login(mine, clock)


def test_whole_sidecar_from_another_vault(tmp_path: Path, clock: FakeClock) -> None:
    mine = make_vault(tmp_path / "a" / "v.bsv", clock)
    other = make_vault(tmp_path / "b" / "v.bsv", clock)
    shutil.copy(_keys(other), _keys(mine))
    with pytest.raises(NotAVault, match="不匹配"):
        login(mine, clock)


def test_older_copy_of_the_vault_put_back_is_refused(vault_path: Path, clock: FakeClock,
                                                     tmp_path: Path) -> None:
    station.logout(login(vault_path, clock))
    old = tmp_path / "old-copy.bsv"
    shutil.copy(vault_path, old)
    for _ in range(2):
        station.logout(login(vault_path, clock, purpose="继续工作"))
    shutil.copy(old, vault_path)
    with pytest.raises(CheckpointMismatch, match="旧副本"):
        login(vault_path, clock)


def test_session_lock_and_unlock(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock)
    station.lock(session)
    assert session.locked
    with pytest.raises(AuthError):
        station.unlock(session, "wrong-password")
    assert session.locked
    station.unlock(session, ADMIN_PW)
    assert not session.locked
    actions = [e.action for e in ledger.audit_entries(session, limit=3)]
    station.logout(session)
    assert actions == ["session.unlock", "session.lock", "session.login"]


def test_abandoned_session_is_closed_at_next_login(vault_path: Path, clock: FakeClock) -> None:
    crashed = login(vault_path, clock, purpose="组卷")
    crashed.detach()  # the program died: no logout
    clock.advance(60)
    session = login(vault_path, clock)
    uses = station.registers_repo.list_uses(session.vault)
    station.logout(session)
    first = next(u for u in uses if u.purpose == "组卷")
    assert first.ended_at is not None and "未正常退出" in (first.end_reason or "")

"""Account administration and role checks in the services."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO

import pytest

from bankstation.domain.errors import (
    AuthError,
    Conflict,
    DiskFull,
    PermissionDenied,
    ValidationError,
)
from bankstation.domain.roles import Role
from bankstation.services import accounts, ledger, registers, station
from bankstation.services.keyring import Keyring
from tests.support import ADMIN, FakeClock, login, pledge


def test_add_list_and_log_in_as_the_new_account(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock)
    accounts.add_account(session, "keeper", "李晓梅", frozenset({Role.KEEPER, Role.REVIEWER}),
                         pledge("BM-2"), "keeper-pass-1")
    names = [a.name for a in accounts.list_accounts(session)]
    added = ledger.audit_entries(session, action_prefix="account.add")[0]
    station.logout(session)
    assert names == ["admin", "keeper"]
    assert added.subject == "account:keeper" and added.detail["pledge_ref"] == "BM-2"
    other = login(vault_path, clock, "keeper", "keeper-pass-1")
    assert other.account.roles == {Role.KEEPER, Role.REVIEWER}
    station.logout(other)


def test_duplicate_and_invalid_accounts(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock)
    with pytest.raises(Conflict):
        accounts.add_account(session, ADMIN, "x", frozenset({Role.KEEPER}), pledge(), "pass-word-1")
    with pytest.raises(ValidationError, match="兼任"):
        accounts.add_account(session, "boss", "x", frozenset({Role.ADMIN, Role.KEEPER}),
                             pledge(), "pass-word-1")
    with pytest.raises(ValidationError, match="密码"):
        accounts.add_account(session, "shorty", "x", frozenset({Role.KEEPER}), pledge(), "abc")
    station.logout(session)
    assert list(Keyring.load(vault_path).slots) == [ADMIN]


def test_roles_are_enforced_by_the_services(staffed_vault: Path, clock: FakeClock) -> None:
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    with pytest.raises(PermissionDenied, match="系统管理员"):
        accounts.add_account(keeper, "x1", "x", frozenset({Role.KEEPER}), pledge(), "pass-word-1")
    with pytest.raises(PermissionDenied):
        accounts.change_password(keeper, ADMIN, "hijack-pass-1")
    with pytest.raises(PermissionDenied, match="监督员"):
        registers.add_room_access(keeper, "甲", "单位", "事由", "2026-11-27T08:00")
    with pytest.raises(PermissionDenied):
        ledger.audit_entries(keeper)
    station.logout(keeper)


def test_change_own_password(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    accounts.change_password(session, "keeper", "keeper-pass-2")
    station.logout(session)
    with pytest.raises(AuthError):
        login(staffed_vault, clock, "keeper", "keeper-pass-1")
    station.logout(login(staffed_vault, clock, "keeper", "keeper-pass-2"))


def test_remove_account_and_the_last_admin_stays(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock)
    with pytest.raises(PermissionDenied, match="当前登录"):
        accounts.remove_account(session, ADMIN)
    accounts.add_account(session, "admin2", "副管理员", frozenset({Role.ADMIN}), pledge(),
                         "admin2-pass-1")
    accounts.remove_account(session, "keeper")
    station.logout(session)
    with pytest.raises(AuthError):
        login(staffed_vault, clock, "keeper", "keeper-pass-1")
    second = login(staffed_vault, clock, "admin2", "admin2-pass-1")
    accounts.remove_account(second, ADMIN)
    with pytest.raises(PermissionDenied, match="最后一个系统管理员"):
        accounts.set_roles(second, "admin2", frozenset({Role.SUPERVISOR}))
    removed = [a.name for a in accounts.list_accounts(second, include_removed=True)
               if not a.active]
    station.logout(second)
    assert removed == ["admin", "keeper"]


def test_last_admin_cannot_be_removed(vault_path: Path, clock: FakeClock) -> None:
    session = login(vault_path, clock)
    accounts.add_account(session, "boss", "另一人", frozenset({Role.SUPERVISOR}), pledge(),
                         "boss-pass-123")
    station.logout(session)
    # make 'boss' an admin through the service, then have boss try to remove the only other
    session = login(vault_path, clock)
    accounts.set_roles(session, "boss", frozenset({Role.ADMIN}))
    station.logout(session)
    boss = login(vault_path, clock, "boss", "boss-pass-123")
    accounts.remove_account(boss, ADMIN)  # allowed: boss remains an admin
    with pytest.raises(PermissionDenied, match="最后一个"):
        accounts.set_roles(boss, "boss", frozenset({Role.SUPERVISOR}))
    station.logout(boss)


class _FailAfter(io.BytesIO):
    """A file that accepts N bytes and then reports a full disk (as KeePassXC's tests do)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > self.limit:
            raise OSError(28, "No space left on device")
        return super().write(data)

    def fileno(self) -> int:
        raise OSError(28, "No space left on device")


def test_full_disk_while_saving_slots_loses_nothing(vault_path: Path, clock: FakeClock,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    before = (vault_path.parent / "vault.bsv.keys").read_bytes()
    session = login(vault_path, clock)

    def failing_write(path: Path, data: bytes, opener: object = None) -> None:
        from bankstation.store import files

        def opener_(_p: Path) -> BinaryIO:
            return _FailAfter(100)

        files.atomic_write(path, data, opener_)

    monkeypatch.setattr("bankstation.store.sidecar.atomic_write", failing_write)
    with pytest.raises(DiskFull, match="磁盘空间不足"):
        accounts.add_account(session, "keeper", "李晓梅", frozenset({Role.KEEPER}), pledge(),
                             "keeper-pass-1")
    monkeypatch.undo()
    names = [a.name for a in accounts.list_accounts(session)]
    station.logout(session)
    assert names == [ADMIN]
    after = json.loads((vault_path.parent / "vault.bsv.keys").read_bytes())
    assert after["slots"] == json.loads(before)["slots"]
    assert not list(vault_path.parent.glob(".*tmp*"))


def test_change_own_password_checks_the_current_one(staffed_vault: Path,
                                                    clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    with pytest.raises(AuthError, match="当前密码不正确"):
        accounts.change_own_password(session, "wrong-pass-1", "keeper-pass-2")
    with pytest.raises(ValidationError, match="相同"):
        accounts.change_own_password(session, "keeper-pass-1", "keeper-pass-1")
    accounts.change_own_password(session, "keeper-pass-1", "keeper-pass-2")
    station.logout(session)
    station.logout(login(staffed_vault, clock, "keeper", "keeper-pass-2"))


def test_stale_temp_files_are_swept(vault_path: Path, clock: FakeClock) -> None:
    import os
    import time

    stale = vault_path.parent / ".vault.bsv.keys.tmp-12345"
    stale.write_bytes(b"old sidecar copy")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    station.logout(login(vault_path, clock))
    assert not stale.exists()
    assert not list(vault_path.parent.glob(".vault.bsv.keys.tmp-*"))

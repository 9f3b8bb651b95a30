"""Rekey: old sidecar copies and old passwords open nothing afterwards; crashes recover."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bankstation.domain.errors import AuthError, DiskFull, NotAVault
from bankstation.domain.roles import Role
from bankstation.services import accounts, ledger, station
from bankstation.services.keyring import Keyring, has_pending
from bankstation.services.rekey import rekey
from tests.support import ADMIN_PW, FakeClock, login, pledge


def _keys(path: Path) -> Path:
    return path.with_name(path.name + ".keys")


def test_after_rekey_old_sidecar_and_old_password_open_nothing(
    staffed_vault: Path, clock: FakeClock, tmp_path: Path
) -> None:
    old_keys = tmp_path / "stolen.keys"
    shutil.copy(_keys(staffed_vault), old_keys)
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    accounts.change_password(session, "keeper", "keeper-pass-2")
    station.logout(session)
    session = login(staffed_vault, clock)
    assert rekey(session) == 5
    station.logout(session)
    # every remaining account still opens with its current password, no password was needed
    for name, password in (("admin", ADMIN_PW), ("keeper", "keeper-pass-2"),
                           ("supervisor", "supervisor-pass-1")):
        station.logout(login(staffed_vault, clock, name, password))
    # the stolen sidecar copy with the password of its time opens a key the vault refuses
    current = _keys(staffed_vault).read_bytes()
    shutil.copy(old_keys, _keys(staffed_vault))
    for name, password in (("keeper", "keeper-pass-1"), ("admin", ADMIN_PW)):
        with pytest.raises(NotAVault):
            login(staffed_vault, clock, name, password)
    _keys(staffed_vault).write_bytes(current)
    with pytest.raises(AuthError):
        login(staffed_vault, clock, "keeper", "keeper-pass-1")


def test_rekey_is_admin_only(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "supervisor", "supervisor-pass-1")
    with pytest.raises(accounts.PermissionDenied):
        rekey(session)
    station.logout(session)


def test_rekey_is_ledgered_and_ledger_still_verifies(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock)
    rekey(session)
    entry = ledger.audit_entries(session, limit=1)[0]
    report = ledger.verify(session)
    station.logout(session)
    assert entry.action == "vault.rekey" and len(entry.detail["slots"]) == 5
    assert report.size == 9  # init, login, 4 accounts, logout, login, rekey


def test_crash_between_vault_rekey_and_sidecar_swap_recovers(
    staffed_vault: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = login(staffed_vault, clock)
    real_save = Keyring.save
    calls = {"n": 0}

    def crash_on_final_save(self: Keyring, vault_path: Path, opener: object = None,
                            pending: bool = False) -> None:
        if not pending:
            calls["n"] += 1
            raise KeyboardInterrupt("power cut")  # the vault is rekeyed, the sidecar is not
        real_save(self, vault_path, pending=pending)

    monkeypatch.setattr(Keyring, "save", crash_on_final_save)
    with pytest.raises(KeyboardInterrupt):
        rekey(session)
    monkeypatch.undo()
    session.detach()
    assert calls["n"] == 1 and has_pending(staffed_vault)
    recovered = login(staffed_vault, clock, "reviewer", "reviewer-pass-1")
    station.logout(recovered)
    assert not has_pending(staffed_vault)
    station.logout(login(staffed_vault, clock))


def test_disk_full_before_rekey_changes_nothing(
    vault_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = login(vault_path, clock)
    before = _keys(vault_path).read_bytes()

    def full(self: Keyring, vault_path: Path, opener: object = None, pending: bool = False) -> None:
        raise DiskFull()

    monkeypatch.setattr(Keyring, "save", full)
    with pytest.raises(DiskFull):
        rekey(session)
    monkeypatch.undo()
    assert _keys(vault_path).read_bytes() == before
    assert not has_pending(vault_path)
    station.logout(session)
    station.logout(login(vault_path, clock))  # the vault key did not change


def test_db_full_during_add_account_rolls_the_slot_back(vault_path: Path,
                                                        clock: FakeClock) -> None:
    session = login(vault_path, clock)
    session.vault.set_max_pages(int(session.vault.scalar("PRAGMA page_count")))
    with pytest.raises(DiskFull):
        for i in range(200):
            accounts.add_account(session, f"user{i:03d}", "某" * 60, frozenset({Role.KEEPER}),
                                 pledge("R" * 60), "pass-word-1")
    session.vault.set_max_pages(1_000_000)
    names = {a.name for a in accounts.list_accounts(session)}
    station.logout(session)
    assert set(Keyring.load(vault_path).slots) == names

"""The SQLCipher vault: encryption at rest, pragmas, refusals, migrations, full disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bankstation.domain.errors import DiskFull, NotAVault, VaultExists, VaultMissing, VaultTooNew
from bankstation.store import schema
from bankstation.store.vault import Vault, cipher_settings

KEY = bytes(range(32))


def test_file_holds_none_of_its_plaintext(tmp_path: Path) -> None:
    path = tmp_path / "v.bsv"
    vault = Vault.create(path, KEY)
    marker = "绝密标记-ZQX-8472-仅此一处"
    with vault.transaction():
        vault.execute("INSERT INTO meta(key, value) VALUES ('probe', ?)", (marker,))
    vault.backup(tmp_path / "copy.bsv")  # folds the WAL into the main file too
    vault.close()
    for name in ("v.bsv", "copy.bsv"):
        raw = (tmp_path / name).read_bytes()
        assert marker.encode() not in raw
        assert b"SQLite format 3" not in raw
        assert b"CREATE TABLE" not in raw
    reopened = Vault.open(path, KEY)
    assert reopened.scalar("SELECT value FROM meta WHERE key='probe'") == marker
    reopened.close()


def test_security_pragmas_are_in_force(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    settings = cipher_settings(vault)
    vault.close()
    assert settings["cipher_version"].startswith("4.")
    assert settings["journal_mode"] == "wal"
    assert settings["synchronous"] == "2"  # FULL
    assert settings["foreign_keys"] == "1"
    assert settings["cipher_memory_security"] == "1"


def test_wrong_key_is_not_a_vault(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v.bsv", KEY).close()
    with pytest.raises(NotAVault):
        Vault.open(tmp_path / "v.bsv", bytes(32))


@pytest.mark.parametrize("content", [b"", b"hello world, not a database at all" * 50])
def test_random_files_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.bsv"
    path.write_bytes(content)
    with pytest.raises(NotAVault):
        Vault.open(path, KEY)
    assert path.read_bytes() == content


def test_plain_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAVault, match="不是题库工作站"):
        Vault.open(path, KEY)
    assert path.read_bytes() == before


def test_missing_and_existing(tmp_path: Path) -> None:
    with pytest.raises(VaultMissing):
        Vault.open(tmp_path / "none.bsv", KEY)
    Vault.create(tmp_path / "v.bsv", KEY).close()
    with pytest.raises(VaultExists):
        Vault.create(tmp_path / "v.bsv", KEY)


def test_vault_newer_than_program_is_refused(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    vault.execute(f"PRAGMA user_version = {schema.LATEST_VERSION + 1}")
    vault.close()
    with pytest.raises(VaultTooNew, match="更新版本"):
        Vault.open(tmp_path / "v.bsv", KEY)


def _at_version(monkeypatch: pytest.MonkeyPatch, migrations: tuple[str, ...]) -> None:
    monkeypatch.setattr("bankstation.store.vault.MIGRATIONS", migrations)
    monkeypatch.setattr("bankstation.store.vault.LATEST_VERSION", len(migrations))


def test_migrations_run_in_order_with_a_backup(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v.bsv"
    _at_version(monkeypatch, tuple(schema.MIGRATIONS[:1]))
    vault = Vault.create(path, KEY)
    with vault.transaction():
        vault.execute("INSERT INTO meta(key, value) VALUES ('made', 'by version 1')")
    vault.close()
    monkeypatch.undo()
    vault = Vault.open(path, KEY)  # the real program: every later migration, in order
    assert vault.user_version() == schema.LATEST_VERSION
    assert vault.scalar("SELECT value FROM meta WHERE key='made'") == "by version 1"
    assert vault.scalar("SELECT count(*) FROM banks") == 0
    vault.close()
    backup = tmp_path / "v.bsv.v1.bak"
    _at_version(monkeypatch, tuple(schema.MIGRATIONS[:1]))
    old = Vault.open(backup, KEY, backup_before_migrating=False)
    assert old.user_version() == 1
    assert old.scalar("SELECT count(*) FROM sqlite_master WHERE name='banks'") == 0
    old.close()


def test_failed_migration_rolls_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v.bsv"
    Vault.create(path, KEY).close()
    _at_version(monkeypatch, (*schema.MIGRATIONS, "CREATE TABLE half (x); THIS IS NOT SQL"))
    with pytest.raises(Exception, match="syntax"):
        Vault.open(path, KEY)
    monkeypatch.undo()
    vault = Vault.open(path, KEY)
    assert vault.user_version() == schema.LATEST_VERSION
    assert vault.scalar("SELECT count(*) FROM sqlite_master WHERE name='half'") == 0
    vault.close()


def test_full_disk_is_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    with vault.transaction():
        vault.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    vault.set_max_pages(int(vault.scalar("PRAGMA page_count")))
    with pytest.raises(DiskFull, match="磁盘空间不足"), vault.transaction():
        for i in range(200):
            vault.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (f"fill{i}", "x" * 4000))
    assert vault.scalar("SELECT value FROM meta WHERE key='kept'") == "yes"
    assert vault.scalar("SELECT count(*) FROM meta WHERE key LIKE 'fill%'") == 0
    assert vault.pragma_checks() == ("ok", "")
    vault.close()

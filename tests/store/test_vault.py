"""The SQLCipher vault: encryption at rest, pragmas, refusals, migrations, full disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bankstation.domain.errors import DiskFull, NotAVault, VaultExists, VaultMissing, VaultTooNew
from bankstation.store import native_sqlite, schema
from bankstation.store import vault as vault_module
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


@pytest.mark.parametrize("failure", [RuntimeError("a bug halfway"), KeyboardInterrupt()])
def test_a_failure_inside_a_transaction_undoes_its_writes_and_the_vault_goes_on(
    tmp_path: Path, failure: BaseException
) -> None:
    """SQLite rolls back by itself on a full disk, so the test above does not need our
    ROLLBACK; an error of Python's own (or Ctrl+C) halfway through a write does."""
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    with pytest.raises(type(failure)), vault.transaction():
        vault.execute("INSERT INTO meta(key, value) VALUES ('half', 'written')")
        raise failure
    assert vault.scalar("SELECT count(*) FROM meta WHERE key = 'half'") == 0
    _works(vault)  # no transaction is left open: the next one begins and commits
    vault.close()
    reopened = Vault.open(tmp_path / "v.bsv", KEY)
    assert reopened.scalar("SELECT count(*) FROM meta WHERE key = 'half'") == 0
    reopened.close()


# -- the lookaside pool (store/vault.py: a larger one than SQLite's default) ----------------

def _prepare_many(vault: Vault, count: int = 300) -> None:
    """Keep ``count`` distinct statements in the connection's cache: together they hold more
    lookaside slots than SQLite's default pool of 123 has."""
    for i in range(count):
        vault.query(f"SELECT {i}, count(*) FROM sqlite_master WHERE type = 'table'")


def _works(vault: Vault) -> None:
    with vault.transaction():
        vault.execute("INSERT INTO meta(key, value) VALUES ('kept', 'yes')")
    assert vault.scalar("SELECT value FROM meta WHERE key = 'kept'") == "yes"


def test_a_vault_connection_has_the_larger_lookaside_pool(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    _prepare_many(vault)
    use = vault.lookaside()
    settings = cipher_settings(vault)
    vault.close()
    assert use is not None, "sqlite3_db_status could not be read"
    assert use.highwater > 200  # the default pool has 123 slots and turns the rest away
    assert use.missed_full == 0
    assert settings["cipher_memory_security"] == "1"
    assert vault.lookaside() is None  # closed: the handle is gone, never read again


def test_without_the_setting_the_same_work_overflows_the_default_pool(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the test above would see if the pool were not enlarged, and what a vault gets
    when SQLite refuses the setting: the default pool, and a vault that works."""
    assert vault_module._native is not None
    monkeypatch.setattr(vault_module._native, "enlarge_lookaside", lambda *args: False)
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    _prepare_many(vault)
    use = vault.lookaside()
    _works(vault)
    vault.close()
    assert use is not None
    assert use.highwater <= 200
    assert use.missed_full > 0


def test_a_refused_setting_changes_nothing(tmp_path: Path) -> None:
    """SQLite refuses to replace a pool that is in use (SQLITE_BUSY): the call says so and
    the connection keeps the pool it has."""
    native = vault_module._native
    assert native is not None
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    handle = vault._handle
    assert handle is not None
    assert native.enlarge_lookaside(handle, 64, 2) is False
    _prepare_many(vault)
    use = vault.lookaside()
    _works(vault)
    vault.close()
    assert use is not None and use.highwater > 200 and use.missed_full == 0


def test_a_library_without_the_c_calls_keeps_the_default_pool(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class NoSymbols:
        def __getattr__(self, name: str) -> object:
            raise AttributeError(name)

    monkeypatch.setattr(native_sqlite.ctypes, "CDLL", lambda path: NoSymbols())
    assert native_sqlite.load() is None
    monkeypatch.setattr(native_sqlite.ctypes, "CDLL", _refuse_to_load)
    assert native_sqlite.load() is None
    monkeypatch.setattr(vault_module, "_native", None)
    vault = Vault.create(tmp_path / "v.bsv", KEY)
    assert vault.lookaside() is None
    _works(vault)
    vault.close()


def _refuse_to_load(path: str) -> object:
    raise OSError(f"cannot load {path}")


def test_a_vault_opened_in_another_thread_gets_its_own_pool(tmp_path: Path) -> None:
    Vault.create(tmp_path / "v.bsv", KEY).close()
    opened: list[Vault] = []
    worker = threading.Thread(target=lambda: opened.append(Vault.open(tmp_path / "v.bsv", KEY)))
    worker.start()
    worker.join()
    here = Vault.open(tmp_path / "v.bsv", KEY)
    (there,) = opened
    assert there._handle is not None and here._handle is not None
    assert there._handle != here._handle
    _prepare_many(there)
    there_use, here_use = there.lookaside(), here.lookaside()
    there.close()
    here.close()
    assert there_use is not None and here_use is not None
    assert there_use.highwater > 200 and there_use.missed_full == 0
    assert here_use.highwater < there_use.highwater


_LOCKED_AFTER_FIRST_VAULT = """
import sys
from pathlib import Path
from bankstation.store import vault as vault_module
if sys.argv[2] == "default":
    vault_module._native = None
vault = vault_module.Vault.create(Path(sys.argv[1]), bytes(32))
status = Path("/proc/self/status").read_text().splitlines()
print(next(int(line.split()[1]) for line in status if line.startswith("VmLck:")))
vault.close()
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmLck (Linux)")
def test_the_first_vault_of_a_process_has_its_pool_locked(tmp_path: Path) -> None:
    """Memory security is process-wide and must be on before the pool is allocated, or the
    first connection's 1.2 MB pool (statement and row memory) would not be locked."""
    locked = {}
    for pool in ("larger", "default"):
        done = subprocess.run(
            [sys.executable, "-c", _LOCKED_AFTER_FIRST_VAULT, str(tmp_path / f"{pool}.bsv"), pool],
            capture_output=True, text=True, check=True, cwd=Path(__file__).parents[2])
        locked[pool] = int(done.stdout.split()[-1])
    pool_kib = native_sqlite.LOOKASIDE_SLOT_SIZE * native_sqlite.LOOKASIDE_SLOTS // 1024
    assert locked["larger"] - locked["default"] >= pool_kib * 3 // 4, locked

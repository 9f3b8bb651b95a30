"""The vault: one SQLCipher 4 file keyed with a raw 256-bit key, opened and checked.

See https://www.zetetic.net/sqlcipher/sqlcipher-api/ for the pragmas. The connection runs in
autocommit mode; every write goes through ``transaction()`` (BEGIN IMMEDIATE … COMMIT) so a
change and its ledger entry are committed together or not at all.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from bankstation.domain.errors import NotAVault, VaultError, VaultExists, VaultMissing, VaultTooNew
from bankstation.store import native_sqlite
from bankstation.store.errors import raise_sqlite_error
from bankstation.store.native_sqlite import LOOKASIDE_SLOT_SIZE, LOOKASIDE_SLOTS, LookasideUse
from bankstation.store.schema import LATEST_VERSION, MIGRATIONS

PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"


class Vault:
    """An open, keyed connection. Safe to hand between threads; one user at a time."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path, handle: int | None = None
                 ) -> None:
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._handle = handle  # the C sqlite3* of conn, when _connect could learn it

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, key: bytes) -> Vault:
        if path.exists():
            raise VaultExists()
        path.parent.mkdir(parents=True, exist_ok=True)
        conn, handle = _connect(path, key)
        vault = cls(conn, path, handle)
        vault.migrate()
        return vault

    @classmethod
    def open(cls, path: Path, key: bytes, backup_before_migrating: bool = True) -> Vault:
        check_looks_like_vault(path)
        conn, handle = _connect(path, key)
        vault = cls(conn, path, handle)
        version = vault.user_version()
        if version > LATEST_VERSION:
            vault.close()
            raise VaultTooNew()
        if 0 < version < LATEST_VERSION and backup_before_migrating:
            vault.backup(path.with_name(f"{path.name}.v{version}.bak"))
        vault.migrate()
        return vault

    def close(self) -> None:
        with self._lock:
            self._handle = None
            self._conn.close()

    # -- schema ----------------------------------------------------------------------------
    def user_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    def migrate(self) -> list[int]:
        """Apply pending migrations in order, each in its own transaction; return them."""
        applied = []
        for number in range(self.user_version() + 1, LATEST_VERSION + 1):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number - 1]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number}")
            applied.append(number)
        return applied

    def backup(self, target: Path) -> None:
        """Copy the encrypted file (after folding the WAL in) before a migration touches it."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy2(self.path, target)

    # -- statements ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlcipher3.Error as exc:
                raise_sqlite_error(exc)
                raise
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise_sqlite_error(exc)
                raise

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run one statement; return the last row id."""
        with self._lock:
            try:
                cursor = self._conn.execute(sql, params)
            except sqlcipher3.Error as exc:
                raise_sqlite_error(exc)
                raise
            return int(cursor.lastrowid or 0)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock:
            try:
                self._conn.executemany(sql, rows)
            except sqlcipher3.Error as exc:
                raise_sqlite_error(exc)
                raise

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return list(self._conn.execute(sql, params).fetchall())
            except sqlcipher3.Error as exc:
                raise_sqlite_error(exc)
                raise

    def iterate(
        self, sql: str, params: Sequence[Any] = (), batch: int = 10_000
    ) -> Iterator[tuple[Any, ...]]:
        """Stream rows in batches (for verifying a ledger of millions of entries)."""
        with self._lock:
            cursor = self._conn.execute(sql, params)
            while rows := cursor.fetchmany(batch):
                yield from rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def pragma_checks(self) -> tuple[str, str]:
        """(integrity_check, cipher_integrity_check) results; 'ok' and '' when sound."""
        integrity = ";".join(r[0] for r in self.query("PRAGMA integrity_check"))
        cipher = ";".join(str(r[0]) for r in self.query("PRAGMA cipher_integrity_check"))
        return integrity, cipher

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt every page under a new key (PRAGMA rekey); WAL is folded in first."""
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.execute("PRAGMA journal_mode = DELETE")
            self._conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            self._conn.execute("PRAGMA journal_mode = WAL")

    def set_max_pages(self, pages: int) -> None:
        """Cap the file size (tests simulate a full disk this way)."""
        self.execute(f"PRAGMA max_page_count = {int(pages)}")

    def lookaside(self) -> LookasideUse | None:
        """How this connection's lookaside pool is used; None when it cannot be read."""
        with self._lock:
            if self._handle is None or _native is None:
                return None
            return _native.lookaside_use(self._handle)


def check_looks_like_vault(path: Path) -> None:
    """Cheap refusals before keying: missing file, empty file, plain unencrypted SQLite."""
    if not path.exists():
        raise VaultMissing(f"找不到题库文件：{path}")
    if not path.is_file():
        raise NotAVault(f"{path} 不是文件。")
    with path.open("rb") as handle:
        head = handle.read(16)
    if len(head) < 16 or head == PLAIN_SQLITE_MAGIC:
        raise NotAVault()


def _connect(path: Path, key: bytes) -> tuple[sqlcipher3.Connection, int | None]:
    """A keyed, checked connection and its C handle (None if it could not be learnt)."""
    if len(key) != 32:
        raise VaultError("题库密钥长度错误。")
    if _native is not None:
        _native.forget_opened()
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise_sqlite_error(exc)
        raise
    try:
        _secure_memory(conn)
        handle = _enlarge_lookaside(conn)
        _key_and_check(conn, key)
    except BaseException:
        conn.close()
        raise
    return conn, handle


def _secure_memory(conn: sqlcipher3.Connection) -> None:
    """Wipe freed memory that held keys or page plaintext (SQLCipher >= 4.5 defaults it off).

    Both settings are process-wide in SQLCipher. Memory security goes on before the lookaside
    pool is allocated, or the first connection's pool would not be locked; executescript
    finalizes its statements, so no lookaside slot stays in use.
    """
    try:
        conn.executescript("PRAGMA cipher_log_level = NONE; PRAGMA cipher_memory_security = ON;")
    except sqlcipher3.Error as exc:
        raise_sqlite_error(exc)
        raise


def _enlarge_lookaside(conn: sqlcipher3.Connection) -> int | None:
    """Give the new connection the larger pool; its C handle, or None if it is unknown."""
    handle = _native.take_opened() if _native is not None else None
    if handle is not None and _native is not None:
        # if SQLite refuses (a slot already in use), the connection keeps the default pool
        _native.enlarge_lookaside(handle, LOOKASIDE_SLOT_SIZE, LOOKASIDE_SLOTS)
    return handle


def _key_and_check(conn: sqlcipher3.Connection, key: bytes) -> None:
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        # Reading the schema is what proves the key: a wrong key fails with SQLITE_NOTADB.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA cipher_version").fetchone()
    except sqlcipher3.Error as exc:
        raise_sqlite_error(exc)
        raise
    if not version or not version[0]:
        raise VaultError("当前 SQLite 库不支持加密（缺少 SQLCipher），拒绝打开题库。")
    if not _has_fts5(conn):
        raise VaultError("当前 SQLCipher 库缺少 FTS5 全文检索支持。")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def _has_fts5(conn: sqlcipher3.Connection) -> bool:
    options = {row[0] for row in conn.execute("PRAGMA compile_options").fetchall()}
    return "ENABLE_FTS5" in options


def _split_sql(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def cipher_settings(vault: Vault) -> dict[str, str]:
    """The settings that matter for the security model, as the open connection reports them."""
    names = ("cipher_version", "journal_mode", "synchronous", "foreign_keys",
             "cipher_memory_security")
    return {name: str(vault.scalar(f"PRAGMA {name}")) for name in names}


_native = native_sqlite.load()


__all__ = ["LookasideUse", "NotAVault", "Vault", "check_looks_like_vault", "cipher_settings"]

"""Map SQLite failures to the program's known errors in one place (as qutebrowser does)."""

from __future__ import annotations

import sqlcipher3

from bankstation.domain.errors import (
    BankStationError,
    DiskFull,
    NotAVault,
    VaultBusy,
    VaultError,
)


def translate(exc: BaseException) -> BankStationError | None:
    """The known error a SQLite exception stands for, or None when it is a bug."""
    if not isinstance(exc, sqlcipher3.Error):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary == sqlcipher3.SQLITE_FULL:
        return DiskFull()
    if primary in (sqlcipher3.SQLITE_NOTADB, sqlcipher3.SQLITE_CORRUPT):
        return NotAVault()
    if primary in (sqlcipher3.SQLITE_BUSY, sqlcipher3.SQLITE_LOCKED):
        return VaultBusy()
    if primary == sqlcipher3.SQLITE_READONLY:
        return VaultError("题库文件为只读，无法写入。请检查文件权限。")
    if primary in (sqlcipher3.SQLITE_IOERR, sqlcipher3.SQLITE_CANTOPEN):
        return VaultError(f"读写题库文件出错（{exc}）。已提交的数据不受影响。")
    return None


def raise_sqlite_error(exc: BaseException) -> None:
    """Re-raise a SQLite exception as a known error when it is one; otherwise leave it."""
    known = translate(exc)
    if known is not None:
        raise known from exc

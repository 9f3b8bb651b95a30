"""File operations the front ends need: atomic text output, and the vault's companion files."""

from __future__ import annotations

from pathlib import Path

from bankstation.domain.errors import BankStationError, os_reason
from bankstation.services.keyring import drop_pending
from bankstation.store.files import atomic_write
from bankstation.store.sidecar import sidecar_path


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file so a crash or full disk never leaves half of it."""
    atomic_write(path, text.encode("utf-8"))


def read_text(path: Path, what: str) -> str:
    """A UTF-8 text file someone picked (a BOM, as Notepad writes, is dropped), or an error
    that names ``what`` it was meant to be and why it could not be read."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BankStationError(f"无法读取{what} {path}：{os_reason(exc)}。") from None
    except UnicodeDecodeError:
        raise BankStationError(f"无法读取{what} {path}：文件不是 UTF-8 编码的文本。") from None


def keys_path(vault_path: Path) -> Path:
    return sidecar_path(vault_path)


def vault_files_exist(vault_path: Path) -> bool:
    return vault_path.exists() or sidecar_path(vault_path).exists()


def remove_vault_files(vault_path: Path) -> None:
    """Delete a vault with its WAL, shared memory and key slots (used to rebuild the demo)."""
    for suffix in ("", "-wal", "-shm"):
        vault_path.with_name(vault_path.name + suffix).unlink(missing_ok=True)
    sidecar_path(vault_path).unlink(missing_ok=True)
    drop_pending(vault_path)

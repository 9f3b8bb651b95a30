"""File operations the front ends need: atomic text output, and the vault's companion files."""

from __future__ import annotations

from pathlib import Path

from bankstation.services.keyring import drop_pending
from bankstation.store.files import atomic_write
from bankstation.store.sidecar import sidecar_path


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file so a crash or full disk never leaves half of it."""
    atomic_write(path, text.encode("utf-8"))


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

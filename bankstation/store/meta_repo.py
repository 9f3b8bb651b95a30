"""Key/value settings kept inside the vault (vault id, station name and key)."""

from __future__ import annotations

from bankstation.store.vault import Vault


def get(vault: Vault, key: str) -> str | None:
    value = vault.scalar("SELECT value FROM meta WHERE key = ?", (key,))
    return None if value is None else str(value)


def put(vault: Vault, key: str, value: str) -> None:
    vault.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )

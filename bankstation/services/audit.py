"""Appending audit entries; always called inside the transaction of the change recorded."""

from __future__ import annotations

from typing import Any

from bankstation.domain.ledger import LedgerEntry
from bankstation.store import ledger_repo
from bankstation.store.vault import Vault


def append(
    vault: Vault,
    at: str,
    actor: str | None,
    session: int | None,
    action: str,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
) -> LedgerEntry:
    """Append one entry at the end of the ledger (the caller holds the write transaction)."""
    entry = LedgerEntry(
        seq=ledger_repo.last_seq(vault) + 1,
        at=at,
        actor=actor,
        session=session,
        action=action,
        subject=subject,
        detail=detail or {},
    )
    ledger_repo.insert(vault, entry)
    return entry

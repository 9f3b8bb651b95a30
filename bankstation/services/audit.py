"""Appending audit entries; always called inside the transaction of the change recorded."""

from __future__ import annotations

from typing import Any

from bankstation.domain.errors import LedgerTampered
from bankstation.domain.ledger import LedgerEntry
from bankstation.domain.merkle import MerkleBuilder, leaf_hash
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
    tree = load_tree(vault)
    entry = LedgerEntry(
        seq=tree.size + 1,
        at=at,
        actor=actor,
        session=session,
        action=action,
        subject=subject,
        detail=detail or {},
    )
    ledger_repo.insert(vault, entry)
    tree.append(leaf_hash(entry.body()))
    ledger_repo.save_frontier(vault, tree.size, tree.state())
    return entry


def load_tree(vault: Vault) -> MerkleBuilder:
    """The ledger's Merkle frontier; refuses when it disagrees with the rows behind it."""
    size, state = ledger_repo.frontier(vault)
    if size != ledger_repo.last_seq(vault):
        raise LedgerTampered("台账状态与记录条数不一致（记录被删除或添加），已拒绝写入。")
    try:
        return MerkleBuilder.restore(size, state)
    except ValueError:
        raise LedgerTampered("台账状态已损坏，已拒绝写入。") from None

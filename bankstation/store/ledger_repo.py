"""Audit ledger rows and stored checkpoints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from bankstation.domain.ledger import LedgerEntry
from bankstation.store.vault import Vault


def last_seq(vault: Vault) -> int:
    return int(vault.scalar("SELECT coalesce(max(seq), 0) FROM ledger"))


def count(vault: Vault) -> int:
    return int(vault.scalar("SELECT count(*) FROM ledger"))


def frontier(vault: Vault) -> tuple[int, bytes]:
    size, state = vault.query("SELECT size, frontier FROM ledger_state WHERE id = 1")[0]
    return int(size), bytes(state)


def save_frontier(vault: Vault, size: int, state: bytes) -> None:
    vault.execute("UPDATE ledger_state SET size = ?, frontier = ? WHERE id = 1", (size, state))


def insert(vault: Vault, entry: LedgerEntry) -> None:
    vault.execute(
        "INSERT INTO ledger(seq, at, actor, session, action, subject, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (entry.seq, entry.at, entry.actor, entry.session, entry.action, entry.subject,
         entry.body()),
    )


def bodies(vault: Vault) -> Iterator[tuple[int, bytes]]:
    """(seq, body) in seq order, streamed."""
    for seq, body in vault.iterate("SELECT seq, body FROM ledger ORDER BY seq"):
        yield int(seq), bytes(body)


def rows_with_index(vault: Vault) -> Iterator[tuple[Any, ...]]:
    """(seq, at, actor, session, action, subject, body) in seq order, streamed."""
    yield from vault.iterate("SELECT seq, at, actor, session, action, subject, body FROM ledger "
                             "ORDER BY seq")


def entries(
    vault: Vault,
    action_prefix: str | None = None,
    session: int | None = None,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
    before_seq: int | None = None,
) -> list[LedgerEntry]:
    """Entries in seq order; ``before_seq`` pages by key, which stays fast deep in the log."""
    where, params = _filters(action_prefix, session, before_seq)
    order = "DESC" if newest_first else "ASC"
    sql = f"SELECT body FROM ledger {where} ORDER BY seq {order} LIMIT ? OFFSET ?"
    rows = vault.query(sql, (*params, -1 if limit is None else limit, offset))
    return [LedgerEntry.from_body(bytes(r[0])) for r in rows]


def subject_entries(vault: Vault, subject: str) -> list[LedgerEntry]:
    """Every entry about one subject (such as ``question:12``), oldest first."""
    rows = vault.query("SELECT body FROM ledger WHERE subject = ? ORDER BY seq", (subject,))
    return [LedgerEntry.from_body(bytes(r[0])) for r in rows]


def entry_count(vault: Vault, action_prefix: str | None = None) -> int:
    where, params = _filters(action_prefix, None)
    return int(vault.scalar(f"SELECT count(*) FROM ledger {where}", params))


def _filters(action_prefix: str | None, session: int | None, before_seq: int | None = None
             ) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if action_prefix:
        # A range on the (action, seq) index rather than LIKE, which SQLite cannot index here.
        clauses.append("action >= ? AND action < ?")
        params += [action_prefix, action_prefix + "\U0010ffff"]
    if before_seq is not None:
        clauses.append("seq < ?")
        params.append(before_seq)
    if session is not None:
        clauses.append("session = ?")
        params.append(session)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def session_action_counts(vault: Vault, session: int) -> dict[str, int]:
    rows = vault.query(
        "SELECT action, count(*) FROM ledger WHERE session = ? GROUP BY action", (session,)
    )
    return {str(a): int(n) for a, n in rows}


def insert_checkpoint(vault: Vault, size: int, root: bytes, at: str, signature: bytes) -> None:
    vault.execute(
        "INSERT OR REPLACE INTO checkpoints(size, root, at, signature) VALUES (?, ?, ?, ?)",
        (size, root, at, signature),
    )


def checkpoints(vault: Vault) -> list[tuple[int, bytes, str, bytes]]:
    rows = vault.query("SELECT size, root, at, signature FROM checkpoints ORDER BY size")
    return [(int(s), bytes(r), str(a), bytes(g)) for s, r, a, g in rows]

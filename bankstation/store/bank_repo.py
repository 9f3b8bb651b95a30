"""Occupations added by notice, trades, standards, banks and element tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from bankstation.domain.banks import Bank
from bankstation.domain.elements import ElementNode, Importance
from bankstation.domain.occupations import Level, Occupation, Trade
from bankstation.domain.standards import Standard, StandardKind
from bankstation.store.vault import Vault


def extra_occupations(vault: Vault) -> list[Occupation]:
    rows = vault.query("SELECT code, name, definition, reference FROM occupations_extra")
    return [Occupation(c, n, d, reference=r) for c, n, d, r in rows]


def add_occupation(vault: Vault, occupation: Occupation, by: str, at: str) -> None:
    vault.execute(
        "INSERT INTO occupations_extra(code, name, definition, reference, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (occupation.code, occupation.name, occupation.definition, occupation.reference, by, at),
    )


def trades(vault: Vault, occupation: str | None = None) -> list[Trade]:
    sql = "SELECT code, name, occupation, reference FROM trades"
    rows = vault.query(sql + " WHERE occupation = ? ORDER BY code", (occupation,)) \
        if occupation else vault.query(sql + " ORDER BY code")
    return [Trade(*r) for r in rows]


def add_trade(vault: Vault, trade: Trade, by: str, at: str) -> None:
    vault.execute(
        "INSERT INTO trades(code, occupation, name, reference, added_by, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (trade.code, trade.occupation, trade.name, trade.reference, by, at),
    )


def _standard(row: tuple[Any, ...]) -> Standard:
    sid, occupation, kind, title, reference, issued = row
    return Standard(sid, occupation, StandardKind(kind), title, reference,
                    date.fromisoformat(issued) if issued else None)


_STD = "SELECT id, occupation, kind, title, reference, issued_on FROM standards"


def standards(vault: Vault, occupation: str | None = None) -> list[Standard]:
    rows = vault.query(_STD + " WHERE occupation = ? ORDER BY id", (occupation,)) \
        if occupation else vault.query(_STD + " ORDER BY id")
    return [_standard(r) for r in rows]


def standard(vault: Vault, standard_id: int) -> Standard | None:
    rows = vault.query(_STD + " WHERE id = ?", (standard_id,))
    return _standard(rows[0]) if rows else None


def add_standard(vault: Vault, std: Standard, by: str, at: str) -> int:
    return vault.execute(
        "INSERT INTO standards(occupation, kind, title, reference, issued_on, added_by, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (std.occupation, std.kind.value, std.title, std.reference,
         std.issued_on.isoformat() if std.issued_on else None, by, at),
    )


_BANK = ("SELECT id, occupation, trade, level, exam, standard_id, created_at FROM banks")


def banks(vault: Vault) -> list[tuple[Any, ...]]:
    return vault.query(_BANK + " ORDER BY id")


def bank_row(vault: Vault, bank_id: int) -> tuple[Any, ...] | None:
    rows = vault.query(_BANK + " WHERE id = ?", (bank_id,))
    return rows[0] if rows else None


def find_bank(vault: Vault, occupation: str, trade: str | None, level: int, exam: str,
              standard_id: int) -> int | None:
    value = vault.scalar(
        "SELECT id FROM banks WHERE occupation = ? AND trade IS ? AND level = ? AND exam = ? "
        "AND standard_id = ?", (occupation, trade, level, exam, standard_id))
    return None if value is None else int(value)


def add_bank(vault: Vault, bank: Bank, by: str) -> int:
    return vault.execute(
        "INSERT INTO banks(occupation, trade, level, exam, standard_id, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (bank.occupation, bank.trade, int(bank.level), bank.exam, bank.standard_id, by,
         bank.created_at),
    )


def elements(vault: Vault, bank_id: int) -> list[ElementNode]:
    rows = vault.query("SELECT code, name, weight, importance FROM elements WHERE bank_id = ? "
                       "ORDER BY position", (bank_id,))
    return [ElementNode(c, n, w, Importance(i) if i else None) for c, n, w, i in rows]


def replace_elements(vault: Vault, bank_id: int, nodes: list[ElementNode]) -> None:
    vault.execute("DELETE FROM elements WHERE bank_id = ?", (bank_id,))
    for position, node in enumerate(nodes):
        vault.execute(
            "INSERT INTO elements(bank_id, code, name, weight, importance, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (bank_id, node.code, node.name, node.weight,
             node.importance.value if node.importance else None, position),
        )


def level_of(value: int) -> Level:
    return Level(value)

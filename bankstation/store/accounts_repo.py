"""Account rows."""

from __future__ import annotations

from datetime import date
from typing import Any

from bankstation.domain.accounts import Account, Pledge
from bankstation.domain.roles import format_roles, parse_roles
from bankstation.store.vault import Vault

_COLUMNS = "name, full_name, roles, pledge_date, pledge_ref, active"


def _row_to_account(row: tuple[Any, ...]) -> Account:
    name, full_name, roles, pledge_date, pledge_ref, active = row
    pledge = Pledge(date.fromisoformat(pledge_date), pledge_ref) if pledge_date else None
    return Account(name, full_name, parse_roles(roles), pledge, bool(active))


def get(vault: Vault, name: str) -> Account | None:
    rows = vault.query(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?", (name,))
    return _row_to_account(rows[0]) if rows else None


def list_all(vault: Vault, include_removed: bool = False) -> list[Account]:
    where = "" if include_removed else "WHERE active = 1"
    rows = vault.query(f"SELECT {_COLUMNS} FROM accounts {where} ORDER BY name")
    return [_row_to_account(row) for row in rows]


def insert(vault: Vault, account: Account, at: str) -> None:
    pledge = account.pledge
    vault.execute(
        "INSERT INTO accounts(name, full_name, roles, pledge_date, pledge_ref, active, "
        "created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
        (
            account.name,
            account.full_name,
            format_roles(account.roles),
            pledge.signed_on.isoformat() if pledge else None,
            pledge.reference if pledge else None,
            at,
        ),
    )


def reactivate(vault: Vault, account: Account) -> None:
    """A removed name added again: the row returns with its new details."""
    pledge = account.pledge
    vault.execute(
        "UPDATE accounts SET full_name = ?, roles = ?, pledge_date = ?, pledge_ref = ?, "
        "active = 1, removed_at = NULL WHERE name = ?",
        (
            account.full_name,
            format_roles(account.roles),
            pledge.signed_on.isoformat() if pledge else None,
            pledge.reference if pledge else None,
            account.name,
        ),
    )


def set_pledge(vault: Vault, name: str, pledge: Pledge) -> None:
    vault.execute(
        "UPDATE accounts SET pledge_date = ?, pledge_ref = ? WHERE name = ?",
        (pledge.signed_on.isoformat(), pledge.reference, name),
    )


def set_roles(vault: Vault, name: str, roles: str) -> None:
    vault.execute("UPDATE accounts SET roles = ? WHERE name = ?", (roles, name))


def deactivate(vault: Vault, name: str, at: str) -> None:
    # Rows are kept: ledgers name accounts forever, so an account is retired, not deleted.
    vault.execute("UPDATE accounts SET active = 0, removed_at = ? WHERE name = ?", (at, name))

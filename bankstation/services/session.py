"""A logged-in person's session: the open vault, who they are, and the rules they act under."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bankstation.crypto.kdf import KdfParams
from bankstation.domain.accounts import Account
from bankstation.domain.clock import Clock, iso
from bankstation.domain.errors import PermissionDenied, VaultLocked
from bankstation.domain.ledger import LedgerEntry
from bankstation.domain.roles import Role, roles_label
from bankstation.services import audit
from bankstation.store.vault import Vault


@dataclass
class Session:
    path: Path
    vault_id: str
    account: Account
    use_id: int
    interface: str
    purpose: str
    clock: Clock
    kdf: KdfParams
    failed_attempts: int
    _vault: Vault | None
    _vault_key: bytes | None

    @property
    def locked(self) -> bool:
        return self._vault is None

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise VaultLocked()
        return self._vault

    @property
    def vault_key(self) -> bytes:
        if self._vault_key is None:
            raise VaultLocked()
        return self._vault_key

    def now(self) -> str:
        return iso(self.clock.now())

    def require(self, *roles: Role) -> None:
        """Refuse unless the account holds one of ``roles`` (checked here, not only in the GUI)."""
        if not any(self.account.has(role) for role in roles):
            need = roles_label(roles)
            if len(roles) == 1:
                raise PermissionDenied(f"此操作需要「{need}」角色。")
            raise PermissionDenied(f"此操作需要以下角色之一：{need}。")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.vault.transaction():
            yield

    def record(
        self,
        action: str,
        subject: str | None = None,
        detail: dict[str, Any] | None = None,
        at: str | None = None,
    ) -> LedgerEntry:
        """Ledger an action of this session; call inside ``transaction()``.

        ``at`` lets a change and its entry carry the very same time when both record it.
        """
        return audit.append(
            self.vault, at or self.now(), self.account.name, self.use_id, action, subject, detail
        )

    def attach(self, vault: Vault, vault_key: bytes) -> None:
        self._vault, self._vault_key = vault, vault_key

    def detach(self) -> None:
        if self._vault is not None:
            self._vault.close()
        self._vault, self._vault_key = None, None

"""The sidecar document: key slots, the failed-login counters, and the ledger high-water mark.

Everything but the failed-login counters is authenticated with an HMAC keyed from the vault
key, checked right after a slot opens. The counters must be written when a login *fails*, when
no key is at hand, so they cannot be authenticated; deleting them only resets the delay, and
the next successful login still ledgers what is there.
"""

from __future__ import annotations

import contextlib
import copy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bankstation.crypto import keyslots
from bankstation.crypto.kdf import KdfParams
from bankstation.domain.errors import DiskFull, SidecarTampered
from bankstation.domain.ledger import canonical_json
from bankstation.store.files import Opener
from bankstation.store.sidecar import SIDECAR_FORMAT, read_sidecar, sidecar_path, write_sidecar

MAX_FREE_ATTEMPTS = 5
BASE_DELAY_SECONDS = 10
MAX_DELAY_SECONDS = 30 * 60


@dataclass
class Keyring:
    vault_id: str
    slots: dict[str, dict[str, Any]] = field(default_factory=dict)
    attempts: dict[str, dict[str, Any]] = field(default_factory=dict)
    generation: int = 0
    high_water: dict[str, Any] | None = None
    mac: str = ""

    # -- file ------------------------------------------------------------------------------
    @classmethod
    def load(cls, vault_path: Path, pending: bool = False) -> Keyring:
        data = read_sidecar(pending_path(vault_path) if pending else vault_path)
        try:
            slots = {slot["account"]: slot for slot in data["slots"]}
            return cls(
                vault_id=str(data["vault_id"]),
                slots=slots,
                attempts=dict(data.get("attempts") or {}),
                generation=int(data["generation"]),
                high_water=data.get("high_water"),
                mac=str(data["mac"]),
            )
        except (KeyError, TypeError, ValueError):
            raise SidecarTampered("密钥槽文件（.keys）内容不完整。") from None

    def save(self, vault_path: Path, opener: Opener | None = None, pending: bool = False) -> None:
        target = pending_path(vault_path) if pending else vault_path
        write_sidecar(target, {**self._payload(), "attempts": self.attempts, "mac": self.mac},
                      opener)

    def copy(self) -> Keyring:
        return copy.deepcopy(self)

    # -- authentication --------------------------------------------------------------------
    def _payload(self) -> dict[str, Any]:
        return {
            "format": SIDECAR_FORMAT,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [self.slots[name] for name in sorted(self.slots)],
            "high_water": self.high_water,
        }

    def seal(self, vault_key: bytes) -> None:
        """Bump the generation and re-authenticate after a change to slots or high water."""
        self.generation += 1
        self.mac = keyslots.sidecar_mac(vault_key, canonical_json(self._payload()))

    def check(self, vault_key: bytes) -> None:
        keyslots.check_sidecar_mac(vault_key, canonical_json(self._payload()), self.mac)

    # -- slots -----------------------------------------------------------------------------
    def open(self, account: str, password: str) -> bytes:
        return keyslots.open_slot(self.slots[account], password, self.vault_id)

    def set_slot(self, account: str, password: str, vault_key: bytes, params: KdfParams) -> None:
        self.slots[account] = keyslots.create_slot(
            account, password, vault_key, self.vault_id, params
        )

    def reseal_all(self, new_vault_key: bytes) -> None:
        self.slots = {
            name: keyslots.reseal_slot(slot, new_vault_key, self.vault_id)
            for name, slot in self.slots.items()
        }

    # -- failed logins ---------------------------------------------------------------------
    def failures(self, account: str) -> tuple[int, str | None]:
        record = self.attempts.get(account) or {}
        return int(record.get("failed", 0)), record.get("last_failed_at")

    def wait_seconds(self, account: str, now: datetime) -> int:
        """Seconds still to wait before this account may try again (0 when free)."""
        failed, last = self.failures(account)
        if failed < MAX_FREE_ATTEMPTS or not last:
            return 0
        delay = min(BASE_DELAY_SECONDS * 2 ** (failed - MAX_FREE_ATTEMPTS), MAX_DELAY_SECONDS)
        elapsed = (now - datetime.fromisoformat(last)).total_seconds()
        return max(0, int(delay - elapsed + 0.999))

    def note_failure(self, account: str, at: str) -> None:
        failed, _ = self.failures(account)
        self.attempts[account] = {"failed": failed + 1, "last_failed_at": at}

    def clear_failures(self, account: str) -> None:
        self.attempts.pop(account, None)


def pending_path(vault_path: Path) -> Path:
    """Where a rekey parks the next sidecar until the vault itself has been rekeyed."""
    return vault_path.with_name(vault_path.name + ".pending")


def has_pending(vault_path: Path) -> bool:
    return sidecar_path(pending_path(vault_path)).exists()


def drop_pending(vault_path: Path) -> None:
    sidecar_path(pending_path(vault_path)).unlink(missing_ok=True)


def save_quietly(keyring: Keyring, vault_path: Path) -> None:
    """Save counters when a full disk must not hide the real error (a failed login)."""
    with contextlib.suppress(DiskFull):
        keyring.save(vault_path)

"""Rekey: a new vault key, so no old sidecar copy and no old password opens the vault again.

Order, so that a crash at any point leaves a vault someone can open:
1. the new sidecar (every remaining slot resealed to the new key) is written beside the old
   one as ``.pending.keys``;
2. ``PRAGMA rekey`` re-encrypts the vault in one transaction;
3. the pending sidecar replaces the old one.
A login that finds the vault already rekeyed but step 3 not done finishes it (station.py).
"""

from __future__ import annotations

from bankstation.crypto import keyslots
from bankstation.domain.roles import Role
from bankstation.services.keyring import Keyring, drop_pending
from bankstation.services.session import Session
from bankstation.store import ledger_repo


def rekey(session: Session) -> int:
    """Rekey the vault (admin only); return how many slots were resealed."""
    session.require(Role.ADMIN)
    keyring = Keyring.load(session.path)
    keyring.check(session.vault_key)
    new_key = keyslots.new_vault_key()
    pending = keyring.copy()
    pending.attempts = {}
    pending.reseal_all(new_key)
    pending.seal(new_key)
    pending.save(session.path, pending=True)
    try:
        session.vault.rekey(new_key)
    except BaseException:
        drop_pending(session.path)
        raise
    pending.attempts = keyring.attempts
    pending.save(session.path)
    drop_pending(session.path)
    session.attach(session.vault, new_key)
    with session.transaction():
        session.record("vault.rekey", None, {
            "slots": sorted(pending.slots), "ledger_size": ledger_repo.count(session.vault),
        })
    return len(pending.slots)

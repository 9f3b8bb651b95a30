"""Creating a vault, logging in and out, idle lock and unlock.

Login order matters: the sidecar's slot gives the vault key, the key authenticates the
sidecar, the vault opens, and only then is the account's pledge checked and the session
ledgered. Failures on the way count against the account before anything else is said.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from bankstation.crypto import keyslots, signing
from bankstation.crypto.kdf import DEFAULT_KDF, KdfParams
from bankstation.domain.accounts import (
    Account,
    Pledge,
    check_account_name,
    check_full_name,
    check_password,
)
from bankstation.domain.clock import Clock, iso
from bankstation.domain.errors import (
    AccountUnusable,
    AuthError,
    CheckpointMismatch,
    LoginThrottled,
    NotAVault,
    SidecarTampered,
    ValidationError,
    VaultExists,
)
from bankstation.domain.ledger import SESSION_ACTIONS
from bankstation.domain.merkle import leaf_hash
from bankstation.domain.roles import Role
from bankstation.services import audit, ledger
from bankstation.services.keyring import Keyring, drop_pending, has_pending, save_quietly
from bankstation.services.session import Session
from bankstation.store import accounts_repo, ledger_repo, meta_repo, registers_repo
from bankstation.store.sidecar import sidecar_path
from bankstation.store.vault import Vault, check_looks_like_vault

ABANDONED = "未正常退出（程序中断、断电或锁定后关闭），于下次登录时补记"


def init_vault(
    path: Path,
    admin: str,
    full_name: str,
    pledge: Pledge,
    password: str,
    clock: Clock,
    station_name: str = "题库专用计算机",
    kdf: KdfParams = DEFAULT_KDF,
    demo: bool = False,
) -> None:
    """Create a new vault with its first administrator, station key and first ledger entry."""
    check_account_name(admin)
    full_name = check_full_name(full_name)
    check_password(password)
    if path.exists() or sidecar_path(path).exists():
        raise VaultExists()
    vault_id, vault_key = str(uuid.uuid4()), keyslots.new_vault_key()
    private, public = signing.new_signing_key()
    keyring = Keyring(vault_id)
    keyring.set_slot(admin, password, vault_key, kdf)
    keyring.seal(vault_key)
    now = iso(clock.now())
    vault = Vault.create(path, vault_key)
    try:
        with vault.transaction():
            for key, value in (
                ("vault_id", vault_id),
                ("station_name", station_name),
                ("station_private_key", private.hex()),
                ("station_public_key", public.hex()),
                ("created_at", now),
                ("demo", "1" if demo else "0"),
            ):
                meta_repo.put(vault, key, value)
            account = Account(admin, full_name, frozenset({Role.ADMIN}), pledge)
            accounts_repo.insert(vault, account, now)
            detail = {"station": station_name, "admin": admin,
                      "station_key": signing.fingerprint(public)}
            audit.append(vault, now, admin, None, "vault.init", f"vault:{vault_id}", detail)
        keyring.save(path)
    except BaseException:
        vault.close()
        path.unlink(missing_ok=True)
        sidecar_path(path).unlink(missing_ok=True)
        raise
    vault.close()


def login(
    path: Path,
    name: str,
    password: str,
    purpose: str,
    clock: Clock,
    interface: str = "gui",
    kdf: KdfParams = DEFAULT_KDF,
) -> Session:
    """Unlock the vault as ``name`` and open a computer-use record for the purpose given."""
    purpose = purpose.strip()
    if not purpose:
        raise ValidationError("请填写使用事由。")
    check_looks_like_vault(path)
    keyring, vault_key, vault = _unlock(path, name, password, clock)
    try:
        account = _usable_account(vault, name)
        failed, last_failed = keyring.failures(name)
        now = iso(clock.now())
        with vault.transaction():
            _close_abandoned(vault, now)
            use_id = registers_repo.start_use(vault, name, purpose, interface, now)
            detail = {"purpose": purpose, "interface": interface, "failed_attempts": failed}
            if last_failed:
                detail["last_failed_at"] = last_failed
            audit.append(vault, now, name, use_id, "session.login", f"computer_use:{use_id}",
                         detail)
    except BaseException:
        vault.close()
        raise
    if failed:
        keyring.clear_failures(name)
        save_quietly(keyring, path)
    return Session(path, keyring.vault_id, account, use_id, interface, purpose, clock, kdf,
                   failed, vault, vault_key)


def _unlock(path: Path, name: str, password: str, clock: Clock) -> tuple[Keyring, bytes, Vault]:
    keyring = Keyring.load(path)
    if name not in keyring.slots:
        raise AuthError()
    wait = keyring.wait_seconds(name, clock.now())
    if wait:
        raise LoginThrottled(wait)
    try:
        vault_key = keyring.open(name, password)
    except AuthError:
        keyring.note_failure(name, iso(clock.now()))
        save_quietly(keyring, path)
        raise
    keyring.check(vault_key)
    try:
        vault = Vault.open(path, vault_key)
    except NotAVault:
        if has_pending(path):
            return _finish_interrupted_rekey(path, name, password)
        raise NotAVault("密钥槽文件与题库文件不匹配（可能来自另一个题库），无法解锁。") from None
    if has_pending(path):
        drop_pending(path)  # a rekey that never reached the vault: its slots are void
    _check_identity(vault, keyring)
    return keyring, vault_key, vault


def _finish_interrupted_rekey(path: Path, name: str, password: str) -> tuple[Keyring, bytes, Vault]:
    """The vault was rekeyed but the new sidecar not yet moved in place: complete it now."""
    pending = Keyring.load(path, pending=True)
    vault_key = pending.open(name, password)
    pending.check(vault_key)
    vault = Vault.open(path, vault_key)
    old = Keyring.load(path)
    pending.attempts = old.attempts
    pending.save(path)
    drop_pending(path)
    _check_identity(vault, pending)
    return pending, vault_key, vault


def _check_identity(vault: Vault, keyring: Keyring) -> None:
    if meta_repo.get(vault, "vault_id") != keyring.vault_id:
        vault.close()
        raise SidecarTampered("密钥槽文件不属于此题库（题库标识不同）。已拒绝解锁。")
    high = keyring.high_water
    if not high:
        return
    size = int(high["size"])
    rows = vault.query("SELECT body FROM ledger WHERE seq = ?", (size,))
    if not rows or keyslots.b64(leaf_hash(bytes(rows[0][0]))) != high["leaf"]:
        vault.close()
        raise CheckpointMismatch(
            f"题库文件比密钥槽记录的状态更旧或被改动（上次退出时台账已有 {size} 条记录）："
            "可能被替换为旧副本。已拒绝解锁，请联系系统管理员核查。"
        )


def _usable_account(vault: Vault, name: str) -> Account:
    account = accounts_repo.get(vault, name)
    if account is None or not account.active:
        raise AuthError()
    if account.pledge is None:
        raise AccountUnusable(
            "该账户尚未登记保密责任书（签署日期和编号），不能使用。请系统管理员登记后再登录。"
        )
    return account


def _close_abandoned(vault: Vault, now: str) -> None:
    for use_id in registers_repo.open_uses(vault):
        use = registers_repo.get_use(vault, use_id)
        if use is None:
            continue
        counts = _work_counts(vault, use_id)
        registers_repo.end_use(vault, use_id, now, ABANDONED, counts)
        audit.append(vault, now, use.account, use_id, "session.logout", f"computer_use:{use_id}",
                     {"reason": ABANDONED, "counts": counts})


def _work_counts(vault: Vault, use_id: int) -> dict[str, int]:
    counts = ledger_repo.session_action_counts(vault, use_id)
    return {k: v for k, v in counts.items() if k not in SESSION_ACTIONS}


def logout(session: Session, reason: str = "正常退出") -> None:
    """End the computer-use record, sign a checkpoint, and remember it in the sidecar."""
    if session.locked:
        return  # closed as abandoned at the next login; without the key nothing can be written
    vault, now = session.vault, session.now()
    counts = _work_counts(vault, session.use_id)
    with vault.transaction():
        registers_repo.end_use(vault, session.use_id, now, reason, counts)
        session.record("session.logout", f"computer_use:{session.use_id}",
                       {"reason": reason, "counts": counts}, at=now)
    remember_high_water(session)
    session.detach()


def remember_high_water(session: Session) -> None:
    """Checkpoint the ledger and note its last leaf in the sidecar: an older vault copy put
    back later no longer opens with this sidecar."""
    signed = ledger.make_checkpoint(session.vault, session.now())
    size = signed.checkpoint.size
    body = session.vault.query("SELECT body FROM ledger WHERE seq = ?", (size,))
    keyring = Keyring.load(session.path)
    keyring.check(session.vault_key)
    keyring.high_water = {"size": size, "leaf": keyslots.b64(leaf_hash(bytes(body[0][0])))}
    keyring.seal(session.vault_key)
    keyring.save(session.path)


def lock(session: Session) -> None:
    """Idle or manual lock: ledger it, then close the connection and forget the key."""
    if session.locked:
        return
    try:
        with session.transaction():
            session.record("session.lock", f"computer_use:{session.use_id}")
    finally:
        session.detach()  # locked even when the entry could not be written


def unlock(session: Session, password: str) -> None:
    """Reopen a locked session with the same person's password."""
    if not session.locked:
        return
    keyring, vault_key, vault = _unlock(session.path, session.account.name, password,
                                        session.clock)
    failed, _ = keyring.failures(session.account.name)
    session.attach(vault, vault_key)
    with session.transaction():
        session.record("session.unlock", f"computer_use:{session.use_id}",
                       {"failed_attempts": failed})
    if failed:
        keyring.clear_failures(session.account.name)
        save_quietly(keyring, session.path)


"""Ledger use cases: signed checkpoints, full verification, and listing the three ledgers."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from typing import Any

from bankstation.crypto import signing
from bankstation.domain.checkpoint import Checkpoint, SignedCheckpoint, parse_checkpoint
from bankstation.domain.errors import BadCheckpoint, CheckpointMismatch, LedgerTampered
from bankstation.domain.ledger import PRODUCTION_ACTIONS, LedgerEntry
from bankstation.domain.merkle import MerkleBuilder, leaf_hash
from bankstation.domain.roles import Role
from bankstation.services import audit, question_trail, registers_check
from bankstation.services.session import Session
from bankstation.store import ledger_repo, meta_repo
from bankstation.store.vault import Vault

KEY_NAME = "bankstation-station"
# The inspector-facing ledgers are read by the supervisor, and by the admin who keeps the station.
LEDGER_READERS = (Role.SUPERVISOR, Role.ADMIN)


@dataclass
class VerifyReport:
    size: int
    root: bytes
    checkpoints_checked: int
    external: Checkpoint | None = None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": True,
            "size": self.size,
            "root": base64.b64encode(self.root).decode(),
            "stored_checkpoints_checked": self.checkpoints_checked,
            "external_checkpoint_size": self.external.size if self.external else None,
            "notes": self.notes,
        }


def station_public_key(vault: Vault) -> bytes:
    return bytes.fromhex(meta_repo.get(vault, "station_public_key") or "")


def _sign(vault: Vault, checkpoint: Checkpoint) -> SignedCheckpoint:
    private = bytes.fromhex(meta_repo.get(vault, "station_private_key") or "")
    public = station_public_key(vault)
    signature = signing.sign(private, checkpoint.body().encode())
    return SignedCheckpoint(checkpoint, KEY_NAME, signing.note_key_id(KEY_NAME, public), signature)


def make_checkpoint(vault: Vault, at: str) -> SignedCheckpoint:
    """Sign the ledger as it stands and keep the checkpoint in the vault."""
    tree = audit.load_tree(vault)
    size, root = tree.size, tree.root()
    checkpoint = Checkpoint(
        vault_id=meta_repo.get(vault, "vault_id") or "",
        size=size,
        root=root,
        time=at,
        station=meta_repo.get(vault, "station_name") or "",
    )
    signed = _sign(vault, checkpoint)
    with vault.transaction():
        ledger_repo.insert_checkpoint(vault, size, root, at, signed.signature)
    return signed


def checkpoint_text(session: Session) -> str:
    """A checkpoint to write out or print (supervisor or admin)."""
    session.require(*LEDGER_READERS)
    return make_checkpoint(session.vault, session.now()).text()


Progress = Callable[[int, int], None]


def verify(session: Session, checkpoint_text: str | None = None,
           progress: Progress | None = None) -> VerifyReport:
    """Check every entry, every stored checkpoint and, if given, an external checkpoint."""
    session.require(*LEDGER_READERS)
    return verify_vault(session.vault, checkpoint_text, progress)


def audit_entries(
    session: Session,
    limit: int | None = None,
    offset: int = 0,
    action_prefix: str | None = None,
    before_seq: int | None = None,
) -> list[LedgerEntry]:
    """The audit trail, newest first; page with ``before_seq`` (the last seq shown)."""
    session.require(*LEDGER_READERS)
    return ledger_repo.entries(session.vault, action_prefix, None, limit, offset,
                               newest_first=True, before_seq=before_seq)


def production_entries(session: Session, limit: int | None = None) -> list[LedgerEntry]:
    """组卷制卷记录: every assembly and every step of each paper, newest first."""
    session.require(*LEDGER_READERS)
    found = [e for prefix in PRODUCTION_ACTIONS
             for e in ledger_repo.entries(session.vault, prefix, newest_first=True)]
    found.sort(key=lambda e: -e.seq)
    return found[:limit] if limit is not None else found


def subject_history(session: Session, subject: str) -> list[LedgerEntry]:
    """Every audit entry about one subject (``question:12``, ``paper:…``), oldest first."""
    session.require(*LEDGER_READERS)
    kind, _, key = subject.partition(":")
    if kind == "question" and key.isdigit():
        return question_trail.entries(session.vault, int(key))  # with the imports that wrote it
    return ledger_repo.subject_entries(session.vault, subject)


def audit_count(session: Session, action_prefix: str | None = None) -> int:
    session.require(*LEDGER_READERS)
    return ledger_repo.entry_count(session.vault, action_prefix)


def verify_vault(vault: Vault, checkpoint_text: str | None = None,
                 progress: Progress | None = None) -> VerifyReport:
    """See ``verify``; ``progress(done, total)`` is called every 10,000 entries."""
    external = _parse_external(vault, checkpoint_text) if checkpoint_text else None
    stored = {size: (root, at, sig) for size, root, at, sig in ledger_repo.checkpoints(vault)}
    wanted = set(stored) | ({external.size} if external else set())
    public = station_public_key(vault)
    builder, roots = MerkleBuilder(), {}
    if 0 in wanted:
        roots[0] = builder.root()
    expected, total = 1, ledger_repo.count(vault) if progress else 0
    for seq, at, actor, session, action, subject, body in ledger_repo.rows_with_index(vault):
        if seq != expected:
            what = "缺失" if seq > expected else "重复"
            raise LedgerTampered(f"台账校验失败：第 {expected} 条记录{what}（记录被删除或调换）。")
        _check_index(seq, at, actor, session, action, subject, bytes(body))
        builder.append(leaf_hash(body))
        if builder.size in wanted:
            roots[builder.size] = builder.root()
        if progress and seq % 10_000 == 0:
            progress(seq, total)
        expected += 1
    if (builder.size, builder.state()) != ledger_repo.frontier(vault):
        raise LedgerTampered("台账校验失败：台账状态与记录不一致（记录被删除、添加或改动）。")
    _check_stored(vault, stored, roots, public)
    if external:
        _check_external(external, roots, builder.size)
    registers_check.check_registers(vault)
    return VerifyReport(builder.size, builder.root(), len(stored), external)


def _check_index(seq: int, at: str, actor: str | None, session: int | None, action: str,
                 subject: str | None, body: bytes) -> None:
    """The columns used for filtering must say what the hashed body says.

    The body is canonical JSON with sorted keys, so the columns can be compared as bytes
    instead of parsing a million documents: ``{"action":…,"actor":…,"at":…,"detail":`` at
    the start, and ``,"seq":N,"session":S,"subject":X}`` after the detail object, to the end.
    A ``,"seq":`` can only be the top-level key there, since inside a string every quote is
    escaped.
    """
    head = (f'{{"action":{_string(action)},"actor":{_json(actor)},"at":{_string(at)},'
            '"detail":').encode()
    tail = f',"seq":{seq},"session":{_json(session)},"subject":{_json(subject)}}}'.encode()
    if not body.startswith(head) or body[body.rfind(b',"seq":'):] != tail:
        raise LedgerTampered(f"台账校验失败：第 {seq} 条记录的内容与索引不一致（记录被改动）。")


def _string(value: str) -> str:
    return encode_basestring(value)


def _json(value: str | int | None) -> str:
    if value is None:
        return "null"
    return encode_basestring(value) if isinstance(value, str) else str(int(value))


def _check_stored(
    vault: Vault,
    stored: dict[int, tuple[bytes, str, bytes]],
    roots: dict[int, bytes],
    public: bytes,
) -> None:
    vault_id = meta_repo.get(vault, "vault_id") or ""
    station = meta_repo.get(vault, "station_name") or ""
    for size, (root, at, signature) in sorted(stored.items()):
        body = Checkpoint(vault_id, size, root, at, station).body().encode()
        if not signing.verify(public, body, signature):
            raise LedgerTampered(f"台账校验失败：记录数为 {size} 的检查点签名无效。")
        if size not in roots:
            raise LedgerTampered(
                f"台账校验失败：检查点记录了 {size} 条，台账现在不足此数（记录被删除）。"
            )
        if roots[size] != root:
            raise LedgerTampered(
                f"台账校验失败：前 {size} 条记录与当时签名的检查点不一致（记录被改动）。"
            )


def _parse_external(vault: Vault, text: str) -> Checkpoint:
    signed = parse_checkpoint(text)
    checkpoint = signed.checkpoint
    if checkpoint.vault_id != meta_repo.get(vault, "vault_id"):
        raise BadCheckpoint("该检查点不属于本题库（题库标识不同）。")
    public = station_public_key(vault)
    if signed.key_id != signing.note_key_id(signed.key_name, public) or not signing.verify(
        public, checkpoint.body().encode(), signed.signature
    ):
        raise BadCheckpoint("检查点签名无效：该检查点不是本站密钥签发的，或内容被改动。")
    return checkpoint


def _check_external(checkpoint: Checkpoint, roots: dict[int, bytes], size: int) -> None:
    if checkpoint.size > size:
        raise CheckpointMismatch(
            f"台账只有 {size} 条记录，而检查点（{checkpoint.time}）时已有 {checkpoint.size} 条："
            "题库可能被替换为旧副本，或记录被删除。"
        )
    if roots[checkpoint.size] != checkpoint.root:
        raise CheckpointMismatch(
            f"台账前 {checkpoint.size} 条记录与检查点（{checkpoint.time}）不一致："
            "记录被改动，或题库被替换。"
        )

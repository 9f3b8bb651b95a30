"""Ledger checkpoints as signed notes (the C2SP tlog-checkpoint and signed-note formats).

A checkpoint is text: an origin line naming the vault, the tree size, the base64 root hash,
then extension lines (time, station), a blank line, and signature lines
``— <key name> <base64(key id || Ed25519 signature)>``. The signature covers the note body,
every byte before the blank line including its final newline. Text survives printing and
retyping; see https://github.com/C2SP/C2SP/blob/main/tlog-checkpoint.md.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

from bankstation.domain.errors import BadCheckpoint

ORIGIN_PREFIX = "bankstation.ledger/"
SIG_DASH = "\u2014"


@dataclass(frozen=True)
class Checkpoint:
    vault_id: str
    size: int
    root: bytes
    time: str
    station: str

    def body(self) -> str:
        return (
            f"{ORIGIN_PREFIX}{self.vault_id}\n{self.size}\n"
            f"{base64.b64encode(self.root).decode()}\n"
            f"time {self.time}\nstation {self.station}\n"
        )


@dataclass(frozen=True)
class SignedCheckpoint:
    checkpoint: Checkpoint
    key_name: str
    key_id: bytes
    signature: bytes

    def text(self) -> str:
        blob = base64.b64encode(self.key_id + self.signature).decode()
        return f"{self.checkpoint.body()}\n{SIG_DASH} {self.key_name} {blob}\n"


def parse_checkpoint(text: str) -> SignedCheckpoint:
    """Parse a signed checkpoint; any deviation from the format is a clear error."""
    body, sep, sigs = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise BadCheckpoint("检查点文件缺少签名部分。")
    lines = body.split("\n")
    if len(lines) < 3 or not lines[0].startswith(ORIGIN_PREFIX):
        raise BadCheckpoint("检查点文件不是题库工作站的台账检查点。")
    ext = dict(line.split(" ", 1) for line in lines[3:] if " " in line)
    try:
        size = int(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except (ValueError, binascii.Error):
        raise BadCheckpoint("检查点文件中的记录数或根哈希格式错误。") from None
    if size < 0 or len(root) != 32 or "time" not in ext or "station" not in ext:
        raise BadCheckpoint("检查点文件内容不完整。")
    checkpoint = Checkpoint(lines[0][len(ORIGIN_PREFIX):], size, root, ext["time"], ext["station"])
    return SignedCheckpoint(checkpoint, *_parse_signature(sigs))


def _parse_signature(sigs: str) -> tuple[str, bytes, bytes]:
    for line in sigs.split("\n"):
        parts = line.split(" ")
        if len(parts) == 3 and parts[0] == SIG_DASH:
            try:
                blob = base64.b64decode(parts[2], validate=True)
            except binascii.Error:
                break
            if len(blob) == 4 + 64:
                return parts[1], blob[:4], blob[4:]
    raise BadCheckpoint("检查点文件的签名行缺失或格式错误。")

"""The key-slot sidecar file beside the vault (``<vault>.keys``): JSON read and atomic write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bankstation.domain.errors import SidecarMissing, SidecarTampered
from bankstation.store.files import Opener, atomic_write

SIDECAR_FORMAT = "bankstation.keyslots/1"


def sidecar_path(vault_path: Path) -> Path:
    return vault_path.with_name(vault_path.name + ".keys")


def read_sidecar(vault_path: Path) -> dict[str, Any]:
    path = sidecar_path(vault_path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SidecarMissing() from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SidecarTampered("密钥槽文件（.keys）已损坏，无法读取。") from None
    if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
        raise SidecarTampered("密钥槽文件（.keys）格式不正确。")
    if not isinstance(data.get("slots"), list):
        raise SidecarTampered("密钥槽文件（.keys）格式不正确。")
    return data


def write_sidecar(vault_path: Path, data: dict[str, Any], opener: Opener | None = None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    if opener is None:
        atomic_write(sidecar_path(vault_path), text)
    else:
        atomic_write(sidecar_path(vault_path), text, opener)

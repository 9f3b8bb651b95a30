"""Where the vault lives by default: $BANKSTATION_VAULT, else the platform data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

VAULT_FILENAME = "vault.bsv"


def data_folder(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if sys.platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "BankStation"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "BankStation"
    base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "bankstation"


def default_vault_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    configured = env.get("BANKSTATION_VAULT")
    if configured:
        return Path(configured).expanduser()
    return data_folder(env) / VAULT_FILENAME

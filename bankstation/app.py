"""Wiring for the desktop program: logging, the Qt application, the login loop."""

from __future__ import annotations

from pathlib import Path

from bankstation.domain.clock import Clock
from bankstation.services.config import KdfParams


def run_gui(vault_path: Path, clock: Clock, kdf: KdfParams) -> int:
    from bankstation.gui.application import run

    return run(vault_path, clock, kdf)

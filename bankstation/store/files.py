"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from bankstation.domain.errors import BankStationError, DiskFull, os_reason

Opener = Callable[[Path], BinaryIO]


def _default_opener(path: Path) -> BinaryIO:
    return open(path, "wb")


def atomic_write(path: Path, data: bytes, opener: Opener = _default_opener) -> None:
    """Replace ``path`` with ``data`` so a crash or full disk leaves the old file intact.

    ``opener`` is injectable so tests can hand in a file that fails after N bytes.
    """
    sweep_stale_temps(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    os.close(fd)  # a unique name, never one a killed process left behind
    tmp = Path(name)
    try:
        with opener(tmp) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull() from exc
        raise BankStationError(f"无法写入文件 {path}：{os_reason(exc)}") from exc


def sweep_stale_temps(path: Path, older_than: float = 3600) -> None:
    """Remove temp copies a killed writer left beside ``path`` (an hour old or more)."""
    cutoff = time.time() - older_than
    for stale in path.parent.glob(f".{path.name}.tmp-*"):
        with contextlib.suppress(OSError):
            if stale.stat().st_mtime < cutoff:
                stale.unlink()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

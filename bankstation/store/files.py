"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from bankstation.domain.errors import BankStationError, DiskFull

Opener = Callable[[Path], BinaryIO]


def _default_opener(path: Path) -> BinaryIO:
    return open(path, "xb")


def atomic_write(path: Path, data: bytes, opener: Opener = _default_opener) -> None:
    """Replace ``path`` with ``data`` so a crash or full disk leaves the old file intact.

    ``opener`` is injectable so tests can hand in a file that fails after N bytes.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
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
        raise BankStationError(f"无法写入文件 {path}：{exc.strerror or exc}") from exc


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

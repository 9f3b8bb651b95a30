"""Can this process keep the vault's memory locked? Read from the kernel's limits for it.

DESIGN.md §5: the vault runs with cipher_memory_security=ON, so SQLCipher mlock()s every block it
allocates (decrypted pages among them) and wipes it when it is freed. A process without
CAP_IPC_LOCK may lock only RLIMIT_MEMLOCK bytes (8 MiB for an ordinary Debian account); past that
SQLCipher's locks fail without a word and those pages can be written to swap. A 100,000-question
import locks about 66 MB (benchmarks/README.md), so the station's account needs a higher limit.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

PROC_STATUS = Path("/proc/self/status")
RECOMMENDED_BYTES = 256 * 2**20
CAP_IPC_LOCK = 14  # linux/capability.h


def _rlimit_memlock() -> int | None:
    """The soft RLIMIT_MEMLOCK in bytes, None when unlimited."""
    import resource  # Unix only: imported where it is known to exist

    soft, _hard = resource.getrlimit(resource.RLIMIT_MEMLOCK)
    return None if soft == resource.RLIM_INFINITY else soft


def has_ipc_lock(status: Path = PROC_STATUS) -> bool:
    """Whether the process holds CAP_IPC_LOCK (may lock any amount), from its CapEff line."""
    try:
        lines = status.read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    for line in lines:
        if line.startswith("CapEff:"):
            try:
                return bool(int(line.split()[1], 16) >> CAP_IPC_LOCK & 1)
            except (IndexError, ValueError):
                return False
    return False


def lock_limit(status: Path = PROC_STATUS,
               rlimit: Callable[[], int | None] = _rlimit_memlock) -> int | None:
    """Bytes this process may lock; None when there is no limit or it cannot be told here."""
    if not sys.platform.startswith("linux") or has_ipc_lock(status):
        return None
    return rlimit()


def memory_warning(status: Path = PROC_STATUS,
                   rlimit: Callable[[], int | None] = _rlimit_memlock) -> str | None:
    """A Chinese warning when the lockable memory is below what the vault needs, else None."""
    limit = lock_limit(status, rlimit)
    if limit is None or limit >= RECOMMENDED_BYTES:
        return None
    return (f"警告：本机账户可锁定的内存上限为 {_mib(limit)}（建议不少于 "
            f"{_mib(RECOMMENDED_BYTES)}）。超出部分的题库解密内容不受锁定保护，可能被写入交换分区。"
            "请系统管理员按说明书调高该账户的 memlock 上限。")


def _mib(size: int) -> str:
    return f"{size / 2**20:.3g} MiB"

"""The locked-memory warning, from a fake /proc/self/status and an injected RLIMIT_MEMLOCK."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bankstation.services.memory_check import (
    RECOMMENDED_BYTES,
    has_ipc_lock,
    lock_limit,
    memory_warning,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux limits")
WITH_IPC_LOCK = "000001ffffffffff"  # root's full set: bit 14 (CAP_IPC_LOCK) among them


def _status(tmp_path: Path, cap_eff: str) -> Path:
    path = tmp_path / "status"
    path.write_text(f"Name:\tpython\nCapInh:\t0000000000000000\nCapEff:\t{cap_eff}\n",
                    encoding="ascii")
    return path


def _without(bit: int, caps: str) -> str:
    return f"{int(caps, 16) & ~(1 << bit):016x}"


def test_the_capability_bit_is_read_from_capeff(tmp_path: Path) -> None:
    assert has_ipc_lock(_status(tmp_path, WITH_IPC_LOCK))
    assert not has_ipc_lock(_status(tmp_path, _without(14, WITH_IPC_LOCK)))
    assert has_ipc_lock(_status(tmp_path, _without(13, WITH_IPC_LOCK)))  # another bit
    assert not has_ipc_lock(_status(tmp_path, "not-hex"))
    assert not has_ipc_lock(tmp_path / "absent")


@linux_only
def test_an_ordinary_account_with_the_default_limit_is_warned(tmp_path: Path) -> None:
    status = _status(tmp_path, "0000000000000000")
    assert lock_limit(status, lambda: 8 * 2**20) == 8 * 2**20
    warning = memory_warning(status, lambda: 8 * 2**20) or ""
    assert "8 MiB" in warning and "256 MiB" in warning and "memlock" in warning


@linux_only
def test_no_warning_with_the_capability_no_limit_or_enough(tmp_path: Path) -> None:
    small = 8 * 2**20
    assert memory_warning(_status(tmp_path, WITH_IPC_LOCK), lambda: small) is None
    plain = _status(tmp_path, "0000000000000000")
    assert memory_warning(plain, lambda: None) is None
    assert memory_warning(plain, lambda: RECOMMENDED_BYTES) is None
    assert memory_warning(plain, lambda: RECOMMENDED_BYTES - 1) is not None


@linux_only
def test_the_real_limit_of_this_process_is_read() -> None:
    import resource

    soft = resource.getrlimit(resource.RLIMIT_MEMLOCK)[0]
    expected = None if soft == resource.RLIM_INFINITY else soft
    no_cap = Path("/dev/null")  # no CapEff line: as if without the capability
    assert lock_limit(no_cap) == expected

"""The live-network warning, read from a fake /sys/class/net."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bankstation.services.network_check import live_interfaces, network_warning


def _iface(root: Path, name: str, state: str) -> None:
    (root / name).mkdir(parents=True)
    (root / name / "operstate").write_text(state + "\n", encoding="ascii")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the Linux sysfs layout")
def test_only_live_non_loopback_interfaces_count(tmp_path: Path) -> None:
    _iface(tmp_path, "lo", "unknown")
    _iface(tmp_path, "eth0", "down")
    assert live_interfaces(tmp_path) == []
    assert network_warning(tmp_path) is None
    _iface(tmp_path, "wlan0", "up")
    assert live_interfaces(tmp_path) == ["wlan0"]
    assert "wlan0" in (network_warning(tmp_path) or "")
    assert "不得联网" in (network_warning(tmp_path) or "")


def test_unknown_when_the_table_is_missing(tmp_path: Path) -> None:
    assert live_interfaces(tmp_path / "absent") is None
    assert network_warning(tmp_path / "absent") is None

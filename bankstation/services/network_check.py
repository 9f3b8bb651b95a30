"""Is this machine on a network? Read from the OS's interface table, never by opening a socket.

DESIGN.md §1: the dedicated computer has no network, and the program warns when it finds one.
On Linux the kernel lists interfaces under /sys/class/net with their operational state.
"""

from __future__ import annotations

import sys
from pathlib import Path

SYS_CLASS_NET = Path("/sys/class/net")


def live_interfaces(root: Path = SYS_CLASS_NET) -> list[str] | None:
    """Names of non-loopback interfaces that are up; None where this cannot be told."""
    if not sys.platform.startswith("linux") or not root.is_dir():
        return None
    live = []
    for entry in sorted(root.iterdir()):
        if entry.name == "lo":
            continue
        try:
            state = (entry / "operstate").read_text(encoding="ascii").strip()
        except OSError:
            continue
        if state == "up":
            live.append(entry.name)
    return live


def network_warning(root: Path = SYS_CLASS_NET) -> str | None:
    """A Chinese warning when a live network is found, else None."""
    live = live_interfaces(root)
    if not live:
        return None
    return (f"警告：检测到本机网络连接处于启用状态（{'、'.join(live)}）。"
            "题库专用计算机不得联网，请断开网络后再使用。")

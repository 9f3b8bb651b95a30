"""Writer process for test_crash: logs in, appends room-access records in a loop until killed."""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from pathlib import Path

from bankstation.services import registers, station
from bankstation.services.clock import SystemClock
from tests.support import FAST_KDF

SUPERVISOR, SUPERVISOR_PW = "supervisor", "supervisor-pass-1"


def say(line: str) -> None:
    """One protocol line; flushed at once so the parent sees it even if we die next instant."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    path, rng = Path(argv[0]), random.Random(int(argv[1]))
    clock = SystemClock()
    say("ready")
    while True:
        say("login>")
        session = station.login(path, SUPERVISOR, SUPERVISOR_PW, "崩溃测试", clock, "cli",
                                FAST_KDF)
        say(f"login< {session.use_id}")
        for n in range(rng.randint(0, 40)):
            time_in = (clock.now() - timedelta(minutes=30)).isoformat(timespec="minutes")
            record = registers.add_room_access(
                session, f"来访{n:02d}", "省职业技能鉴定中心", "设备巡检", time_in,
                escort="监督员" if n % 2 else None,
            )
            say(f"C {record.id}")  # only after add_room_access returned: the commit is done
        say("logout>")
        station.logout(session)
        say("logout<")


if __name__ == "__main__":
    main(sys.argv[1:])

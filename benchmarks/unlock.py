"""Unlock time (station.login) with the program's DEFAULT_KDF against the bare Argon2id derive."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from common import CHEAP_KDF, header, summary, table, timed
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from bankstation.crypto.kdf import DEFAULT_KDF, KdfParams
from bankstation.domain.accounts import Pledge
from bankstation.services import station
from bankstation.services.clock import SystemClock
from bankstation.services.session import Session

PASSWORD = "admin-bench-2026"


def bare_derive() -> None:
    """What a slot costs at the least: one Argon2id derive with the same parameters."""
    Argon2id(
        salt=os.urandom(16),
        length=32,
        iterations=DEFAULT_KDF.iterations,
        lanes=DEFAULT_KDF.lanes,
        memory_cost=DEFAULT_KDF.memory_kib,
    ).derive(PASSWORD.encode())


class Login:
    def __init__(self, path: Path, clock: SystemClock, kdf: KdfParams = DEFAULT_KDF) -> None:
        self.path, self.clock, self.kdf = path, clock, kdf
        self.session: Session | None = None

    def login(self) -> None:
        self.session = station.login(self.path, "admin", PASSWORD, "性能测试", self.clock, "cli",
                                     self.kdf)

    def logout(self) -> None:
        assert self.session is not None
        station.logout(self.session)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2 runs instead of 5")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs

    header("unlock: station.login with DEFAULT_KDF")
    kdf = DEFAULT_KDF
    print(f"DEFAULT_KDF: Argon2id, memory {kdf.memory_kib / 1024:g} MiB, "
          f"iterations {kdf.iterations}, lanes {kdf.lanes}; {runs} runs each\n")

    clock = SystemClock()
    with tempfile.TemporaryDirectory(prefix="bs-unlock-") as folder:
        path = Path(folder) / "vault.bsv"
        pledge = Pledge(clock.now().date(), "BM-BENCH-1")
        station.init_vault(path, "admin", "王建国", pledge, PASSWORD, clock, kdf=DEFAULT_KDF)

        bare_derive()  # warm-up: first touch of 256 MiB, library load
        baseline, logins, logouts = [], [], []
        for run in range(runs):
            # Alternate the order so neither side always runs on a freshly freed heap.
            if run % 2 == 0:
                baseline.append(timed(bare_derive))
            login = Login(path, clock)
            logins.append(timed(login.login))
            logouts.append(timed(login.logout))
            if run % 2 == 1:
                baseline.append(timed(bare_derive))

        # The same login on a vault whose slot costs 8 KiB / 1 pass: the work beyond the KDF.
        cheap_path = Path(folder) / "cheap.bsv"
        station.init_vault(cheap_path, "admin", "王建国", pledge, PASSWORD, clock, kdf=CHEAP_KDF)
        cheap = []
        for _ in range(max(runs, 5)):
            login = Login(cheap_path, clock, CHEAP_KDF)
            cheap.append(timed(login.login))
            login.logout()

    b_med, b_min, b_max = summary(baseline)
    l_med, l_min, l_max = summary(logins)
    o_med, o_min, o_max = summary(logouts)
    c_med, c_min, c_max = summary(cheap)
    table(
        ("measure", "median s", "min s", "max s"),
        [
            ("bare Argon2id derive (baseline)", b_med, b_min, b_max),
            ("station.login (unlock)", l_med, l_min, l_max),
            ("station.login, 8 KiB slot (non-KDF work)", c_med, c_min, c_max),
            ("station.logout (not in ratio)", o_med, o_min, o_max),
        ],
    )
    print(f"login / bare derive (medians): {l_med / b_med:.3f}x; "
          f"overhead beyond the KDF: {(l_med - b_med) * 1000:.1f} ms by difference, "
          f"{c_med * 1000:.1f} ms measured with an 8 KiB slot")


if __name__ == "__main__":
    main()

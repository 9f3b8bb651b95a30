"""Audit append rate, one transaction per entry (synchronous=FULL), against plain SQLite."""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from common import CHEAP_KDF, header, table

from bankstation.domain.accounts import Pledge
from bankstation.domain.ledger import LedgerEntry
from bankstation.domain.roles import Role
from bankstation.services import accounts, audit, registers, station
from bankstation.services.clock import SystemClock
from bankstation.services.session import Session
from bankstation.store.schema import MIGRATIONS
from bankstation.store.vault import Vault, cipher_settings

CLOCK = SystemClock()
AT = "2026-11-27T09:31:00+08:00"
BASELINE = "plain sqlite3, same Vault + audit.append code (baseline)"


def record(n: int) -> dict[str, object]:
    """A room-access record as the register stores it (the detail of its audit entry)."""
    return {
        "name": f"来访人员{n:05d}",
        "unit": "省职业技能鉴定指导中心",
        "purpose": "设备巡检与台账检查",
        "time_in": "2026-11-27T09:30:00+08:00",
        "time_out": None,
        "escort": "刘洋",
        "recorded_by": "supervisor",
        "recorded_at": "2026-11-27T09:31:00+08:00",
    }


class BareInsert:
    """Floor: one INSERT of a precomputed-shape entry per transaction, plain stdlib SQLite."""

    def __init__(self, path: Path) -> None:
        self.conn = _plain_connection(path)
        self.conn.executescript(MIGRATIONS[0])

    def append(self, n: int) -> None:
        entry = LedgerEntry(n + 1, AT, "supervisor", 1, "room_access.add", f"room_access:{n}",
                            record(n))
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute(
            "INSERT INTO ledger(seq, at, actor, session, action, subject, body) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry.seq, entry.at, entry.actor, entry.session, entry.action, entry.subject,
             entry.body()),
        )
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


class VaultAppend:
    """audit.append inside vault.transaction(). With ``plain=True`` the very same Vault code
    runs over an unencrypted stdlib sqlite3 connection: the baseline differs only in SQLCipher."""

    def __init__(self, path: Path, plain: bool = False) -> None:
        if plain:
            self.vault = Vault(_plain_connection(path), path)
            self.vault.migrate()
        else:
            self.vault = Vault.create(path, os.urandom(32))

    def append(self, n: int) -> None:
        with self.vault.transaction():
            audit.append(self.vault, AT, "supervisor", 1, "room_access.add", f"room_access:{n}",
                         record(n))

    def close(self) -> None:
        self.vault.close()


def _plain_connection(path: Path) -> sqlite3.Connection:
    """Unencrypted, with the vault's pragmas (WAL, synchronous=FULL, foreign keys)."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


class RoomAccessAdd:
    """The whole service: registers.add_room_access (register row + audit entry)."""

    def __init__(self, path: Path) -> None:
        pledge = Pledge(CLOCK.now().date(), "BM-BENCH-1")
        station.init_vault(path, "admin", "王建国", pledge, "admin-bench-2026", CLOCK,
                           kdf=CHEAP_KDF)
        admin = station.login(path, "admin", "admin-bench-2026", "建账", CLOCK, "cli", CHEAP_KDF)
        accounts.add_account(admin, "supervisor", "刘洋", frozenset({Role.SUPERVISOR}),
                             Pledge(CLOCK.now().date(), "BM-BENCH-2"), "supervisor-bench-2026")
        station.logout(admin)
        self.session: Session = station.login(path, "supervisor", "supervisor-bench-2026",
                                              "性能测试", CLOCK, "cli", CHEAP_KDF)
        self.time_in = (CLOCK.now() - timedelta(hours=1)).isoformat(timespec="minutes")

    def append(self, n: int) -> None:
        registers.add_room_access(self.session, f"来访人员{n:05d}", "省职业技能鉴定指导中心",
                                  "设备巡检与台账检查", self.time_in, escort="刘洋")

    def close(self) -> None:
        station.logout(self.session)


def run(append: Callable[[int], None], start: int, count: int) -> float:
    begin = time.perf_counter()
    for n in range(start, start + count):
        append(n)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="N=200 instead of 2000")
    parser.add_argument("-n", type=int, default=2000, help="entries per variant")
    args = parser.parse_args()
    total = 200 if args.quick else args.n
    rounds = 4  # interleave the variants so a slow spell of the disk hits all of them

    header("audit append: one transaction per entry, synchronous=FULL")
    with tempfile.TemporaryDirectory(prefix="bs-append-") as folder:
        base = Path(folder)
        plain = VaultAppend(base / "plain.db", plain=True)
        vault = VaultAppend(base / "vault.bsv")
        variants = {
            BASELINE: plain,
            "SQLCipher vault, audit.append in transaction()": vault,
            "SQLCipher vault, registers.add_room_access": RoomAccessAdd(base / "rooms.bsv"),
            "plain sqlite3, bare INSERT only (floor)": BareInsert(base / "bare.db"),
        }
        print(f"N = {total} per variant, in {rounds} interleaved rounds; folder on "
              f"{_filesystem(base)}\nvault pragmas: {cipher_settings(vault.vault)}\n"
              f"baseline pragmas: journal_mode={plain.vault.scalar('PRAGMA journal_mode')}, "
              f"synchronous={plain.vault.scalar('PRAGMA synchronous')} (2 = FULL)\n")
        for variant in variants.values():
            variant.append(10_000_000)  # warm-up: first page writes, statement caches
        seconds = dict.fromkeys(variants, 0.0)
        share = total // rounds
        for r in range(rounds):
            for name, variant in variants.items():
                seconds[name] += run(variant.append, r * share, share)
        done = share * rounds
        for variant in variants.values():
            variant.close()

    baseline = done / seconds[BASELINE]
    rows = []
    for name, spent in seconds.items():
        rate = done / spent
        rows.append((name, rate, spent / done * 1000, f"{rate / baseline:.2f}x"))
    table(("variant", "entries/s", "ms/entry", "vs baseline"), rows)


def _filesystem(path: Path) -> str:
    try:
        best = ("", "?")
        for line in Path("/proc/mounts").read_text().splitlines():
            _dev, point, kind, *_ = line.split()
            if str(path.resolve()).startswith(point) and len(point) > len(best[0]):
                best = (point, kind)
        return f"{best[1]} ({best[0]})"
    except OSError:
        return "unknown filesystem"


if __name__ == "__main__":
    main()

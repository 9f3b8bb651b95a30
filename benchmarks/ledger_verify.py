"""Full ledger verification (ledger.verify_vault) of a 1,000,000-entry vault vs stream + SHA-256."""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from common import CHEAP_KDF, header, table, timed

from bankstation.domain.accounts import Pledge
from bankstation.domain.ledger import LedgerEntry
from bankstation.domain.merkle import MerkleBuilder, leaf_hash
from bankstation.services import audit, ledger, registers_check, station
from bankstation.services.clock import SystemClock
from bankstation.store import ledger_repo
from bankstation.store.vault import Vault

CLOCK = SystemClock()
ADMIN, PASSWORD = "admin", "admin-bench-2026"
ACTIONS = ("question.add", "question.edit", "question.review", "paper.assemble", "paper.export")
ACTORS = ("keeper", "reviewer", "assembler")
REGISTER_ACTIONS = ("room_access.add", "session.login", "session.logout")
KINDS = ("单选题", "多选题", "判断题", "简答题", "操作技能题")


def bodies(first_seq: int, count: int, session: int, rng: random.Random) -> Iterator[LedgerEntry]:
    """Valid entries of the size question-bank work will write (about 300 bytes each)."""
    for seq in range(first_seq, first_seq + count):
        second = seq % 86_400
        yield LedgerEntry(
            seq=seq,
            at=f"2026-{1 + seq % 12:02d}-{1 + seq % 28:02d}T"
               f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}+08:00",
            actor=ACTORS[seq % len(ACTORS)],
            session=session,
            action=ACTIONS[seq % len(ACTIONS)],
            subject=f"question:{seq:07d}",
            detail={
                "occupation": "4-04-05-01",
                "level": 1 + seq % 5,
                "kind": KINDS[seq % len(KINDS)],
                "sha256": rng.randbytes(32).hex(),
                "note": "依据2022版职业分类大典修订",
            },
        )


class FrozenClock:
    """The generating session's clock stands still: its logout has to count a million entries,
    and station.logout reads the clock twice (see benchmarks/README.md), so a moving clock
    would leave the computer-use row and the logout entry a second or more apart."""

    def __init__(self) -> None:
        self.moment = CLOCK.now()

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return time.monotonic()


def generate(path: Path, entries: int) -> float:
    """A real vault whose ledger holds ``entries`` entries and a few stored checkpoints."""
    begin = time.perf_counter()
    clock = FrozenClock()
    pledge = Pledge(clock.now().date(), "BM-BENCH-1")
    station.init_vault(path, ADMIN, "王建国", pledge, PASSWORD, clock, kdf=CHEAP_KDF)
    session = station.login(path, ADMIN, PASSWORD, "生成测试台账", clock, "cli", CHEAP_KDF)
    vault, rng = session.vault, random.Random(1)
    # init + login are entries 1-2 and logout will add one: bulk-fill the rest.
    bulk = max(0, entries - 3)
    with vault.transaction():
        tree = audit.load_tree(vault)
        rows = []
        for entry in bodies(tree.size + 1, bulk, session.use_id, rng):
            body = entry.body()
            tree.append(leaf_hash(body))
            rows.append((entry.seq, entry.at, entry.actor, entry.session, entry.action,
                         entry.subject, body))
            if len(rows) == 50_000:
                _insert(vault, rows)
                rows.clear()
        _insert(vault, rows)
        ledger_repo.save_frontier(vault, tree.size, tree.state())
    ledger.make_checkpoint(vault, session.now())
    station.logout(session)  # appends the logout entry and stores one more checkpoint
    return time.perf_counter() - begin


def _insert(vault: Vault, rows: list[tuple[object, ...]]) -> None:
    # Vault has no executemany; the bulk fill is the one place that reaches for the connection.
    vault._conn.executemany(
        "INSERT INTO ledger(seq, at, actor, session, action, subject, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def stream_only(vault: Vault) -> int:
    n = 0
    for _seq, _body in ledger_repo.bodies(vault):
        n += 1
    return n


def stream_sha256(vault: Vault) -> int:
    n = 0
    for _seq, body in ledger_repo.bodies(vault):
        hashlib.sha256(body).digest()
        n += 1
    return n


def stream_tree(vault: Vault) -> bytes:
    builder = MerkleBuilder()
    for _seq, body in ledger_repo.bodies(vault):
        builder.append(leaf_hash(body))
    return builder.root()


def proposed_one_pass(vault: Vault) -> list[int]:
    """Prototype of the proposed verify loop: tree and column check in one Python pass, with
    json.loads instead of SQLite's json_extract (slow under cipher_memory_security=ON)."""
    builder, bad = MerkleBuilder(), []
    for seq, at, actor, session, action, body in vault.iterate(
        "SELECT seq, at, actor, session, action, body FROM ledger ORDER BY seq"
    ):
        raw = bytes(body)
        builder.append(leaf_hash(raw))
        data = json.loads(raw)
        if (data["seq"], data["at"], data["actor"], data["session"], data["action"]) != (
            seq, at, actor, session, action
        ):
            bad.append(seq)
    return bad


def proposed_register_entries(vault: Vault) -> int:
    """Prototype: the three register look-ups by an index range instead of LIKE (full scan)."""
    found = 0
    for prefix in REGISTER_ACTIONS:
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        found += len(vault.query(
            "SELECT body FROM ledger WHERE action >= ? AND action < ? ORDER BY seq",
            (prefix, upper),
        ))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--quick", action="store_true", help="100,000 entries")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the generated vault")
    parser.add_argument("--parts", action="store_true",
                        help="also time the parts of verify_vault one by one")
    args = parser.parse_args()
    entries = 100_000 if args.quick else args.entries

    header(f"ledger verify: ledger.verify_vault over {entries:,} entries")
    with tempfile.TemporaryDirectory(prefix="bs-ledger-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"ledger-{entries}.bsv"
        if path.exists():
            print(f"reusing {path}")
        else:
            print(f"generated in {generate(path, entries):.1f} s")
        size_mb = sum(p.stat().st_size for p in folder.glob(path.name + "*")) / 1e6
        session = station.login(path, ADMIN, PASSWORD, "校验台账", CLOCK, "cli", CHEAP_KDF)
        vault = session.vault
        print(f"vault file {size_mb:,.0f} MB; ledger {ledger_repo.count(vault):,} entries, "
              f"{len(ledger_repo.checkpoints(vault))} stored checkpoints\n")
        stream_only(vault)  # warm-up: page cache, SQLCipher page cache
        rows = []
        t_stream = timed(lambda: stream_only(vault))
        t_sha = timed(lambda: stream_sha256(vault))
        report = None

        def verify() -> None:
            nonlocal report
            report = ledger.verify_vault(vault)

        t_verify = timed(verify)
        assert report is not None
        assert report.size == ledger_repo.count(vault)
        rows.append(("stream bodies only", t_stream, entries / t_stream))
        rows.append(("stream + hashlib.sha256 (baseline)", t_sha, entries / t_sha))
        rows.append(("ledger.verify_vault (full)", t_verify, entries / t_verify))
        if args.parts:
            parts = [
                ("  part: stream + leaf_hash + MerkleBuilder", lambda: stream_tree(vault)),
                ("  part: ledger_repo.index_mismatches",
                 lambda: ledger_repo.index_mismatches(vault)),
                ("  part: registers_check.check_registers",
                 lambda: registers_check.check_registers(vault)),
                ("  part: its 3 ledger_repo.entries(action LIKE)",
                 lambda: [ledger_repo.entries(vault, p) for p in REGISTER_ACTIONS]),
                ("  proposed: tree + json.loads column check, 1 pass",
                 lambda: proposed_one_pass(vault)),
                ("  proposed: 3 register look-ups by index range",
                 lambda: proposed_register_entries(vault)),
            ]
            for name, fn in parts:
                spent = timed(fn)
                rows.append((name, spent, entries / spent))
        station.logout(session)

    table(("measure", "seconds", "entries/s"), rows)
    print(f"verify / baseline: {t_verify / t_sha:.2f}x; "
          f"verify {'within' if t_verify < 10 else 'OVER'} the 10 s target "
          f"({t_verify:.2f} s for {entries:,} entries)")


if __name__ == "__main__":
    main()

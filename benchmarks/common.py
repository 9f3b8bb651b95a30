"""Shared bits of the benchmark scripts: the machine header, timing and a small table."""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from bankstation.crypto.kdf import KdfParams

# Cheap Argon2id for set-up steps that are not what a script measures (as tests.support).
CHEAP_KDF = KdfParams(memory_kib=8, iterations=1, lanes=1)


def header(title: str) -> None:
    conn = sqlcipher3.connect(":memory:")
    cipher = conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    conn.close()
    print(f"== {title}")
    print(f"machine: {platform.machine()} {platform.system()} {platform.release()}, "
          f"{os.cpu_count()} cores, {_cpu_model()}")
    print(f"python {platform.python_version()}, SQLCipher {cipher} (SQLite {sqlite})")
    print()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def summary(samples: Sequence[float]) -> tuple[float, float, float]:
    """(median, min, max)."""
    return statistics.median(samples), min(samples), max(samples)


def table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    cells = [[str(c) for c in head]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))
    print()


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


@dataclass(frozen=True)
class VaultRun:
    """What a script over a kept benchmark vault was asked for."""

    rows: int
    runs: int
    keep: Path | None


def vault_run(doc: str | None, rows: int, runs: int, quick: tuple[int, int],
              runs_help: str | None = None) -> VaultRun:
    """The shared options --rows, --quick, --runs and --keep, read from the command line;
    ``quick`` is (rows, runs) for a smoke run."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--rows", type=int, default=rows)
    parser.add_argument("--quick", action="store_true",
                        help=f"{quick[0]:,} questions, {quick[1]} run(s)")
    parser.add_argument("--runs", type=int, default=runs, help=runs_help)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the vault")
    args = parser.parse_args()
    return VaultRun(quick[0] if args.quick else args.rows, quick[1] if args.quick else args.runs,
                    args.keep)

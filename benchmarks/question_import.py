"""Importing a 100,000-question .xlsx into a real vault, phase by phase, vs calamine's raw read."""

from __future__ import annotations

import argparse
import cProfile
import io
import multiprocessing
import os
import pstats
import random
import resource
import statistics
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import header, table, timed
from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from question_data import (
    SHEET_COLUMNS,
    FrozenClock,
    check,
    default_lookaside,
    element_nodes,
    keeper_login,
    memory_security_off,
    new_bank,
    new_station,
    point_codes,
    questions,
    sheet_row,
)

from bankstation.services import import_duplicates, imports, station
from bankstation.services.imports import Source
from bankstation.store import questions_repo

TARGET_S = 10.0
SEED = 1
VARIANTS = {
    "default-lookaside": ("before: SQLite's default lookaside pool", default_lookaside),
    "memsec-off": ("reference only: cipher_memory_security OFF", memory_security_off),
}


# -- the file ----------------------------------------------------------------------------------

def generate(path: Path, rows: int) -> None:
    """The 试题 sheet in openpyxl's write-only mode (streams rows; not measured)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("试题")
    sheet.append(SHEET_COLUMNS)
    rng = random.Random(SEED + 2)
    for content in questions(rows, point_codes(element_nodes()), SEED):
        check(content)
        sheet.append(sheet_row(content, rng))
    temporary = path.with_name(path.name + ".tmp")
    book.save(temporary)
    os.replace(temporary, path)


def generate_in_child(path: Path, rows: int) -> float:
    """Generate in a separate process, so this one's peak RSS is the import's alone."""
    start = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(target=generate, args=(path, rows))
    child.start()
    child.join()
    if child.exitcode != 0 or not path.exists():
        raise SystemExit(f"generating {path} failed (exit code {child.exitcode})")
    return time.perf_counter() - start


# -- measuring ---------------------------------------------------------------------------------

def rss_mb() -> float:
    """Resident set size now in MiB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Phases:
    """Seconds spent in, and the peak RSS at the end of, each function imports.py calls."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.peak: dict[str, float] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.perf_counter() - start
                self.cpu[name] += time.process_time() - cpu
                self.peak[name] = peak_rss_mb()
        return wrapper


@contextmanager
def instrumented(phases: Phases) -> Iterator[None]:
    """Time the steps of imports.parse_source by wrapping the names it calls (undone after)."""
    saved = (Source.read, imports.read_tables, imports.parse_questions,
             import_duplicates.warnings)
    Source.read = phases.wrap("read file bytes (Source.read)", Source.read)  # type: ignore
    imports.read_tables = phases.wrap("read_tables (calamine + cells)", imports.read_tables)
    imports.parse_questions = phases.wrap("parse_questions (check rows)",
                                          imports.parse_questions)
    import_duplicates.warnings = phases.wrap("near-duplicate check (import_duplicates)",
                                             import_duplicates.warnings)
    try:
        yield
    finally:
        (Source.read, imports.read_tables, imports.parse_questions,  # type: ignore
         import_duplicates.warnings) = saved


def calamine_lists(path: Path) -> int:
    """Baseline: the file's bytes through python-calamine into a list of lists, nothing else."""
    data = path.read_bytes()
    with CalamineWorkbook.from_filelike(io.BytesIO(data)) as book:
        grid = book.get_sheet_by_name("试题").to_python()
    return len(grid)


def verify(session: Any, bank_id: int, rows: int) -> None:
    """Every row went in, and sampled questions read back equal to what was generated."""
    stored = int(session.vault.scalar("SELECT count(*) FROM questions WHERE bank_id = ?",
                                      (bank_id,)))
    assert stored == rows, f"{stored} questions stored, {rows} expected"
    wanted = set(random.Random(5).sample(range(rows), min(rows, 200)))
    for n, content in enumerate(questions(rows, point_codes(element_nodes()), SEED)):
        if n in wanted:
            qid = questions_repo.find_by_code(session.vault, bank_id, content.code or "")
            got = questions_repo.get(session.vault, qid) if qid else None
            assert got is not None, content
            assert got.content == content, (content, got)


def import_once(xlsx: Path, rows: int, folder: Path) -> dict[str, Any]:
    """A new vault and bank, then plan_import + commit_import of the workbook, timed."""
    clock = FrozenClock()
    vault_path = folder / "import.bsv"
    new_station(vault_path, clock)
    session = keeper_login(vault_path, clock)
    bank_id = new_bank(session)
    source = Source(xlsx)
    xlsx.read_bytes()  # page cache warm
    out: dict[str, Any] = {"rss_before": rss_mb(), "peak_before": peak_rss_mb()}
    phases = Phases()
    with instrumented(phases):
        start, cpu = time.perf_counter(), time.process_time()
        plan = imports.plan_import(session, bank_id, source)
        out["plan"], out["plan_cpu"] = time.perf_counter() - start, time.process_time() - cpu
    out["peak_plan"] = peak_rss_mb()
    assert plan.ok, plan.problems[:5]
    assert len(plan.added) == rows, plan.summary()
    out["warnings"] = len(plan.warnings)
    start, cpu = time.perf_counter(), time.process_time()
    imports.commit_import(session, plan)
    out["commit"], out["commit_cpu"] = time.perf_counter() - start, time.process_time() - cpu
    out["peak_commit"] = peak_rss_mb()
    out["lookaside"] = session.vault.lookaside()
    out["phases"], out["phase_peaks"] = dict(phases.seconds), dict(phases.peak)
    out["phase_cpu"] = dict(phases.cpu)
    out["session"], out["bank_id"], out["source"] = session, bank_id, source
    return out


def variant_in_child(name: str, xlsx: Path, rows: int) -> dict[str, float]:
    """The same import in a fresh process with one setting changed before any vault opens."""
    VARIANTS[name][1]()
    with tempfile.TemporaryDirectory(prefix="bs-qimport-variant-") as scratch:
        out = import_once(xlsx, rows, Path(scratch))
        station.logout(out["session"])
    return {k: v for k, v in out.items() if isinstance(v, float | int)}


def profile_import(session: Any, bank_id: int, source: Source, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    plan = imports.plan_import(session, bank_id, source)
    imports.commit_import(session, plan)
    profiler.disable()
    print(f"\ncProfile of plan_import + commit_import into a fresh bank (top {top} by own time)")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10,000 rows")
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the workbook")
    parser.add_argument("--baseline-runs", type=int, default=3)
    parser.add_argument("--parts", action="store_true",
                        help="also run the import in child processes with SQLite's default "
                             "lookaside pool (as before store/vault.py enlarged it) and with "
                             "memory security off")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="also import into a second bank under tracemalloc (slow)")
    parser.add_argument("--profile", type=int, metavar="TOP", default=0,
                        help="also import into another bank under cProfile, print TOP lines")
    args = parser.parse_args()
    rows = 10_000 if args.quick else args.rows

    header(f"question import: {rows:,} questions from .xlsx into a vault, one transaction")
    with tempfile.TemporaryDirectory(prefix="bs-qimport-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        xlsx = folder / f"questions-{rows}.xlsx"
        if xlsx.exists():
            print(f"reusing {xlsx}")
        else:
            print(f"generated {xlsx.name} in {generate_in_child(xlsx, rows):.1f} s "
                  "(openpyxl write-only, in a child process)")
        print(f"workbook {xlsx.stat().st_size / 1e6:.1f} MB, {len(SHEET_COLUMNS)} columns "
              f"(import limit {imports.MAX_IMPORT_BYTES / 1024 / 1024:.0f} MiB)")

        run = import_once(xlsx, rows, Path(scratch))
        session, bank_id, source = run["session"], run["bank_id"], run["source"]
        verify(session, bank_id, rows)
        baseline = [timed(lambda: calamine_lists(xlsx)) for _ in range(args.baseline_runs)]
        t_base = statistics.median(baseline)

        if args.tracemalloc:
            second = new_bank(session, level=3)
            tracemalloc.start()
            plan = imports.plan_import(session, second, source)
            heap_plan = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            imports.commit_import(session, plan)
            heap_commit = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            del plan
        if args.profile:
            profile_import(session, new_bank(session, level=2), source, args.profile)
        station.logout(session)

        variants = {}
        if args.parts:
            context = multiprocessing.get_context("spawn")
            for name in VARIANTS:
                with context.Pool(1) as pool:
                    variants[name] = pool.apply(variant_in_child, (name, xlsx, rows))

    t_plan, t_commit = run["plan"], run["commit"]
    total = t_plan + t_commit
    cpu_total = run["plan_cpu"] + run["commit_cpu"]
    out: list[tuple[object, ...]] = [
        (f"baseline: calamine bytes -> lists (median of {len(baseline)})", t_base, "",
         rows / t_base, "", 1.0),
    ]
    for name, spent in run["phases"].items():
        out.append((f"  {name}", spent, run["phase_cpu"][name], rows / spent,
                    f"{run['phase_peaks'][name]:,.0f}", spent / t_base))
    rest = t_plan - sum(run["phases"].values())
    rest_cpu = run["plan_cpu"] - sum(run["phase_cpu"].values())
    out += [
        ("  plan: the rest (codes in the bank, sorting rows)", rest, rest_cpu,
         rows / max(rest, 1e-9), f"{run['peak_plan']:,.0f}", rest / t_base),
        ("imports.plan_import", t_plan, run["plan_cpu"], rows / t_plan,
         f"{run['peak_plan']:,.0f}", t_plan / t_base),
        ("imports.commit_import (1 transaction)", t_commit, run["commit_cpu"], rows / t_commit,
         f"{run['peak_commit']:,.0f}", t_commit / t_base),
        ("import total (plan + commit)", total, cpu_total, rows / total,
         f"{run['peak_commit']:,.0f}", total / t_base),
    ]
    for name, got in variants.items():
        label = VARIANTS[name][0]
        out.append((f"{label}: commit", got["commit"], got["commit_cpu"],
                    rows / got["commit"], f"{got['peak_commit']:,.0f}",
                    got["commit"] / t_base))
        both = got["plan"] + got["commit"]
        out.append((f"{label}: total", both, got["plan_cpu"] + got["commit_cpu"],
                    rows / both, "", both / t_base))

    print()
    table(("measure", "seconds", "CPU s", "rows/s", "peak RSS MiB", "vs baseline"), out)
    pool = run["lookaside"]
    print("lookaside pool after the commit: " + (
        f"{pool.highwater:,} slots at most in use, {pool.missed_full:,} allocations turned away "
        "for want of a slot" if pool else "not readable (default pool?)"))
    print(f"plan warnings: {run['warnings']:,} (the near-duplicate check runs up to "
          f"{import_duplicates.WHOLE_LIMIT:,} questions in bank + file, or "
          f"{import_duplicates.ROWS_LIMIT:,} rows into a bank of up to "
          f"{import_duplicates.BANK_LIMIT:,})")
    print(f"RSS before the import {run['rss_before']:,.0f} MiB; peak during the import "
          f"{run['peak_commit']:,.0f} MiB (+{run['peak_commit'] - run['peak_before']:,.0f} MiB "
          "over the high-water mark before it)")
    if args.tracemalloc:
        print(f"tracemalloc (Python heap only, second import): peak {heap_plan / 2**20:,.0f} MiB "
              f"in plan_import, {heap_commit / 2**20:,.0f} MiB in commit_import")
    print(f"import / baseline: {total / t_base:.2f}x; import "
          f"{'within' if total < TARGET_S else 'OVER'} the {TARGET_S:.0f} s target "
          f"({total:.2f} s for {rows:,} questions)")


if __name__ == "__main__":
    main()

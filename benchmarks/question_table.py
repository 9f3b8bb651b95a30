"""Showing the question table (QuestionModel + view, offscreen) on 200,000 questions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import argparse
import ctypes
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import header, table
from PySide6.QtCore import QEventLoop, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication
from question_data import FrozenClock, build_in_child, keeper_login

from bankstation.domain.questions import QuestionFilter
from bankstation.gui.hub import Context, Hub
from bankstation.gui.models.questions import QuestionColumn, QuestionModel
from bankstation.gui.ops import tracker
from bankstation.gui.pages.questions import question_table
from bankstation.services import search, station
from bankstation.services.session import Session

TARGET_S = 0.5
TIMEOUT_S = 600.0
# PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None on every call of a Qt
# method that returns nothing (and to True/False on some that return a bool); 3.11's None is
# not immortal, so after some thousands of calls the interpreter aborts with "Fatal Python
# error: none_dealloc" (see benchmarks/README.md). pin_constants() adds a million references
# to each that are never given back (not even at exit, where a list of them would be freed):
# a stopgap that keeps this run alive, not a fix.
PINS = 1_000_000


def pin_constants() -> None:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for constant in (None, True, False):
        for _ in range(PINS):
            incref(constant)
# (label, filter, sort column or None, descending)
SHOWS: tuple[tuple[str, QuestionFilter, QuestionColumn | None, bool], ...] = (
    ("whole bank, by 编号", QuestionFilter(), None, False),
    ("whole bank, by 难度 descending", QuestionFilter(), QuestionColumn.DIFFICULTY, True),
    ("whole bank, by 更新时间", QuestionFilter(), QuestionColumn.UPDATED, False),
    ("search 接触器 (3+ chars)", QuestionFilter(text="接触器"), None, False),
    ("search 电压 (2 chars)", QuestionFilter(text="电压"), None, False),
)


def wait_until(ready: Callable[[], bool]) -> None:
    """Run an event loop (operations report back through it) until ``ready``, checked every
    millisecond. Not a loop of QCoreApplication.processEvents(): with PySide6 6.12 that
    corrupts None's reference count while a pool thread runs (see benchmarks/README.md)."""
    if ready():
        return
    deadline = time.perf_counter() + TIMEOUT_S
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(1)

    def check() -> None:
        if ready() or time.perf_counter() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if not ready():
        raise TimeoutError("the question table did not load")


def read_visible(view: Any, model: QuestionModel) -> int:
    """What painting asks for: every cell of the rows in the viewport."""
    rows = max(1, view.viewport().height() // max(1, view.verticalHeader().defaultSectionSize()))
    first = max(0, view.rowAt(0))
    cells = 0
    for row in range(first, min(model.rowCount(), first + rows + 1)):
        for column in range(model.columnCount()):
            if model.data(model.index(row, column)) is not None:
                cells += 1
    return cells


def show(ctx: Context, bank_id: int, flt: QuestionFilter, sort: QuestionColumn | None,
         descending: bool) -> tuple[float, float, QuestionModel, Any]:
    """Seconds from creating the model and view to the first page's rows being readable,
    and to the viewport painted."""
    start = time.perf_counter()
    model = QuestionModel(ctx)
    view = question_table(model)
    view.resize(1280, 800)
    view.show()
    if sort is not None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        model.sort(model.column_of(sort), order)
    model.set_filter(flt)
    model.set_bank(bank_id)
    wait_until(lambda: model.rowCount() > 0 and not model.loading)
    assert read_visible(view, model) > 0
    rows_at = time.perf_counter() - start
    view.viewport().grab()  # paint the viewport offscreen
    painted = time.perf_counter() - start
    return rows_at, painted, model, view


def paint_time(view: Any, times: int = 10) -> float:
    """Median ms of painting the viewport once (every visible cell asks data() ~7 roles)."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        view.viewport().grab()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def scroll_to_middle(model: QuestionModel, view: Any) -> tuple[float, int, list[float]]:
    """Drag the scroll bar to the bottom until half the ids have rows, as a person would
    to reach the middle: the view asks fetchMore each time it reaches the last row."""
    bar = view.verticalScrollBar()
    middle = model.total // 2
    pages: list[float] = []
    start = time.perf_counter()
    while model.rowCount() < middle:
        before = model.rowCount()
        page = time.perf_counter()
        bar.setValue(bar.maximum())
        if not model.loading and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())  # the view did not ask (already at the bottom)
        wait_until(lambda b=before: model.rowCount() > b and not model.loading)
        pages.append((time.perf_counter() - page) * 1000)
    view.scrollTo(model.index(middle, 0))
    read_visible(view, model)
    view.viewport().grab()
    return time.perf_counter() - start, len(pages), pages


def service_calls(session: Session, bank_id: int, flt: QuestionFilter, order: str,
                  descending: bool, page: int) -> float:
    """Baseline: the calls the model makes, without Qt (all ids, then the first page's rows)."""
    start = time.perf_counter()
    ids = search.question_ids(session, bank_id, flt, order, descending)
    rows = search.question_rows(session, ids[:page])
    assert len(rows) == min(page, len(ids))
    return time.perf_counter() - start


def service_page(session: Session, ids: list[int]) -> float:
    """Median ms of search.question_rows for one page of ids from the first half."""
    samples = []
    page = QuestionModel.page_size
    for offset in range(page, len(ids) // 2, max(page, len(ids) // 40)):
        start = time.perf_counter()
        search.question_rows(session, ids[offset:offset + page])
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true", help="20,000 questions, 2 runs")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="folder to keep (and reuse) the vault")
    args = parser.parse_args()
    rows = 20_000 if args.quick else args.rows
    runs = 2 if args.quick else args.runs

    header(f"question table: QuestionModel + view (offscreen) over {rows:,} questions")
    pin_constants()
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("bankstation-benchmark")  # and keeps the application alive
    with tempfile.TemporaryDirectory(prefix="bs-qtable-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"search-{rows}.bsv"
        if path.exists():
            print(f"reusing {path}")
        else:
            print(f"built the vault in {build_in_child(path, rows):.0f} s (bulk insert, "
                  "one transaction, in a child process)")
        session = keeper_login(path, FrozenClock(), "题库表格性能测试")
        ctx = Context(session, Hub())
        bank_id = int(session.vault.scalar("SELECT min(id) FROM banks"))
        print(f"{runs} runs of each; page size {QuestionModel.page_size}\n")
        out: list[tuple[object, ...]] = []
        scroll: tuple[float, int, list[float]] | None = None
        for label, flt, sort, descending in SHOWS:
            order = "id" if sort is None else {
                QuestionColumn.DIFFICULTY: "difficulty", QuestionColumn.UPDATED: "updated",
            }[sort]
            base, first, painted = [], [], []
            total = 0
            for n in range(runs):
                base.append(service_calls(session, bank_id, flt, order, descending,
                                          QuestionModel.page_size))
                at, paint, model, view = show(ctx, bank_id, flt, sort, descending)
                first.append(at)
                painted.append(paint)
                total = model.total
                if scroll is None and n == runs - 1 and sort is None and not flt.text:
                    one_paint = paint_time(view)
                    page_rows = service_page(session, model.ids)
                    scroll = scroll_to_middle(model, view)
                view.close()
                view.deleteLater()
                model.deleteLater()
                wait_until(lambda: not tracker().busy())
            b, f, p = (statistics.median(x) for x in (base, first, painted))
            out.append((label, total, b, f, max(first), p, f / b))
        station.logout(session)

    table(("table shown", "rows", "service calls s", "first page s", "max s", "painted s",
           "vs baseline"), out)
    if scroll is not None:
        spent, pages, each = scroll
        print(f"scroll to the middle of the whole bank: {spent:.1f} s for {pages} "
              f"pages (median {statistics.median(each):.1f} ms per page; first ten "
              f"{statistics.median(each[:10]):.1f} ms, last ten {statistics.median(each[-10:]):.1f}"
              " ms)")
        print(f"  of which: search.question_rows for one page {page_rows:.1f} ms; one paint "
              f"of the viewport {one_paint:.1f} ms")
    worst = max(row[4] for row in out)  # type: ignore[type-var]
    print(f"slowest first page (max of runs): {worst:.2f} s; "
          f"{'within' if worst < TARGET_S else 'OVER'} the {TARGET_S} s target")


if __name__ == "__main__":
    main()

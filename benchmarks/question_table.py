"""Showing the question table (QuestionModel + view, offscreen) on 200,000 questions."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import header, table, vault_run
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication
from question_data import FrozenClock, keeper_login
from question_search import ensure_vault

from bankstation.domain.questions import QuestionFilter, QuestionRow
from bankstation.gui.hub import Context, Hub
from bankstation.gui.models.questions import SORT_KEYS, QuestionColumn, QuestionModel
from bankstation.gui.ops import tracker
from bankstation.gui.pages.questions import question_table
from bankstation.services import search, station
from bankstation.services.session import Session

TARGET_S = 0.5
TIMEOUT_S = 600.0
DRAG_STEPS = 50
C = QuestionColumn
# (label, filter, sort column or None for 编号, descending): every sortable column, and searches
SHOWS: tuple[tuple[str, QuestionFilter, QuestionColumn | None, bool], ...] = (
    ("whole bank, by 编号", QuestionFilter(), None, False),
    ("whole bank, by 试题编号", QuestionFilter(), C.CODE, False),
    ("whole bank, by 题型", QuestionFilter(), C.QTYPE, False),
    ("whole bank, by 鉴定点", QuestionFilter(), C.POINT, False),
    ("whole bank, by 状态", QuestionFilter(), C.STATUS, False),
    ("whole bank, by 难度 descending", QuestionFilter(), C.DIFFICULTY, True),
    ("whole bank, by 编写人", QuestionFilter(), C.AUTHOR, False),
    ("whole bank, by 更新时间", QuestionFilter(), C.UPDATED, False),
    ("whole bank, by 使用次数 descending", QuestionFilter(), C.USED, True),
    ("search 接触器 (3+ chars)", QuestionFilter(text="接触器"), None, False),
    ("search 三相异步电动机 启动电流", QuestionFilter(text="三相异步电动机 启动电流"), None, False),
    ("search 电压 (2 chars)", QuestionFilter(text="电压"), None, False),
    ("search 电压, by 更新时间", QuestionFilter(text="电压"), C.UPDATED, False),
    ("search 铁芯 (2 chars, no hits)", QuestionFilter(text="铁芯"), None, False),
)


def wait_until(ready: Callable[[], bool]) -> None:
    """Run an event loop (operations report back through it) until ``ready``, checked every
    millisecond."""
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


def settled(model: QuestionModel) -> Callable[[], bool]:
    return lambda: not model.loading and not tracker().busy()


def read_visible(view: Any, model: QuestionModel) -> int:
    """What painting asks for: every cell of the rows in the viewport. Returns the cells
    that have their text (a row not read yet shows only its id)."""
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
    """Seconds from creating the model and view to the rows on screen being readable, and to
    the viewport painted."""
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
    wait_until(settled(model))
    if model.rowCount():
        assert read_visible(view, model) > model.columnCount()  # text, not only ids
    rows_at = time.perf_counter() - start
    view.viewport().grab()  # paint the viewport offscreen
    assert not model.loading  # the rows on screen were all there
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


class BlockReads:
    """Counts the blocks the model reads (its calls of search.question_rows)."""

    def __init__(self) -> None:
        self.count = 0
        self._real = search.question_rows

        def counted(session: Session, qids: list[int]) -> dict[int, QuestionRow]:
            self.count += 1
            return self._real(session, qids)

        search.question_rows = counted

    def close(self) -> None:
        search.question_rows = self._real


def jump(model: QuestionModel, view: Any, value: int) -> tuple[float, int]:
    """Set the scroll bar to ``value`` (a click in the trough, or the end of a drag), paint,
    and wait for the rows on screen: seconds and blocks read."""
    reads = BlockReads()
    try:
        start = time.perf_counter()
        view.verticalScrollBar().setValue(value)
        view.viewport().grab()  # the paint asks for the blocks on screen
        wait_until(settled(model))
        assert read_visible(view, model) > model.columnCount()
        view.viewport().grab()  # and paints their rows
        return time.perf_counter() - start, reads.count
    finally:
        reads.close()


def drag(model: QuestionModel, view: Any, target: int) -> tuple[float, int, float]:
    """Drag the scroll bar from the top to ``target`` in DRAG_STEPS moves, the viewport painted
    at each (as the view does while the thumb moves; each paint asks for the block on screen
    then), then wait for the rows at the target: seconds, blocks read, median ms per move."""
    bar = view.verticalScrollBar()
    bar.setValue(0)
    wait_until(settled(model))
    reads = BlockReads()
    moves: list[float] = []
    try:
        start = time.perf_counter()
        for step in range(1, DRAG_STEPS + 1):
            move = time.perf_counter()
            bar.setValue(target * step // DRAG_STEPS)
            view.viewport().grab()
            moves.append((time.perf_counter() - move) * 1000)
        wait_until(settled(model))
        assert read_visible(view, model) > model.columnCount()
        view.viewport().grab()
        return time.perf_counter() - start, reads.count, statistics.median(moves)
    finally:
        reads.close()


def service_calls(session: Session, bank_id: int, flt: QuestionFilter, order: str,
                  descending: bool, block: int) -> float:
    """Baseline: the calls the model makes, without Qt (all ids, then the first block)."""
    start = time.perf_counter()
    ids = search.question_ids(session, bank_id, flt, order, descending)
    rows = search.question_rows(session, ids[:block])
    assert len(rows) == min(block, len(ids))
    return time.perf_counter() - start


def block_time(session: Session, ids: list[int]) -> float:
    """Median ms of search.question_rows for one block of ids from the first half."""
    samples = []
    size = QuestionModel.block_size
    for offset in range(size, len(ids) // 2, max(size, len(ids) // 40)):
        start = time.perf_counter()
        search.question_rows(session, ids[offset:offset + size])
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    asked = vault_run(__doc__, rows=200_000, runs=5, quick=(20_000, 2))
    rows, runs = asked.rows, asked.runs

    header(f"question table: QuestionModel + view (offscreen) over {rows:,} questions")
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("bankstation-benchmark")  # and keeps the application alive
    with tempfile.TemporaryDirectory(prefix="bs-qtable-") as scratch:
        path = ensure_vault(asked.keep or Path(scratch), rows)
        session = keeper_login(path, FrozenClock(), "题库表格性能测试")
        ctx = Context(session, Hub())
        bank_id = int(session.vault.scalar("SELECT min(id) FROM banks"))
        print(f"{runs} runs of each; block size {QuestionModel.block_size}\n")
        out: list[tuple[object, ...]] = []
        slowest: list[float] = []
        scroll: dict[str, Any] = {}
        for label, flt, sort, descending in SHOWS:
            order = "id" if sort is None else SORT_KEYS[sort]
            base, first, painted = [], [], []
            total = 0
            for n in range(runs):
                base.append(service_calls(session, bank_id, flt, order, descending,
                                          QuestionModel.block_size))
                at, paint, model, view = show(ctx, bank_id, flt, sort, descending)
                first.append(at)
                painted.append(paint)
                total = model.total
                if not scroll and n == runs - 1 and sort is None and not flt.text:
                    middle = view.verticalScrollBar().maximum() // 2
                    scroll["paint"] = paint_time(view)
                    scroll["block"] = block_time(session, model.ids)
                    scroll["jump"] = jump(model, view, middle)
                    scroll["back"] = jump(model, view, 0)
                    scroll["drag"] = drag(model, view, middle)
                    scroll["row"] = view.rowAt(0)
                view.close()
                view.deleteLater()
                model.deleteLater()
                wait_until(lambda: not tracker().busy())
            b, f, p = (statistics.median(x) for x in (base, first, painted))
            out.append((label, total, b, f, max(first), p, f / b))
            slowest.append(max(first))
        station.logout(session)

    table(("table shown", "rows", "service calls s", "rows on screen s", "max s", "painted s",
           "vs baseline"), out)
    if scroll:
        (jump_s, jump_reads), (back_s, back_reads) = scroll["jump"], scroll["back"]
        drag_s, drag_reads, per_move = scroll["drag"]
        print(f"whole bank by 编号, scroll bar to the middle (row {scroll['row']:,}) at once: "
              f"{jump_s * 1000:.1f} ms, {jump_reads} block(s) read; back to the top: "
              f"{back_s * 1000:.1f} ms, {back_reads} read")
        print(f"dragged there in {DRAG_STEPS} moves, painting each: {drag_s * 1000:.0f} ms, "
              f"{drag_reads} blocks read, {per_move:.1f} ms per move")
        print(f"  one block (search.question_rows, {QuestionModel.block_size} rows): "
              f"{scroll['block']:.1f} ms; one paint of the viewport: {scroll['paint']:.1f} ms")
    worst = max(slowest)
    print(f"slowest table (max of runs): {worst:.2f} s; "
          f"{'within' if worst < TARGET_S else 'OVER'} the {TARGET_S} s target")


if __name__ == "__main__":
    main()

"""题库质量报告 page: thin points listed, counts by scope and type, the difficulty bars, and
the two actions on a near-duplicate pair."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import Status
from bankstation.gui.main_window import MainWindow
from bankstation.gui.pages.quality import QualityPage
from bankstation.services import quality
from tests.gui import bank_support as support
from tests.gui.bank_support import REVIEWER, add_questions, judge, page_of, stored
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import OP_TIMEOUT_MS, answer, wait_for_message, wait_for_ops
from tests.support import FakeClock

# Fixtures shared by the bank page tests.
bank = support.bank

STEMS = ["欧姆定律说明电流与电压成正比。", "电阻串联时总电阻等于各电阻之和。",
         "并联电路各支路电压相等。", "导体电阻与温度有关。"]
TWINS = ["三相异步电动机的转速总是略低于旋转磁场的同步转速。",
         "三相异步电动机的转速总是略低于旋转磁场的同步转速！"]


def _rows(table: QTableView) -> list[list[str]]:
    """What a table shows, read through its model (items or not)."""
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _page(qtbot: QtBot, window: MainWindow) -> QualityPage:
    page: QualityPage = page_of(window, "质量报告", QualityPage)  # shown: counted at once
    wait_for_ops(qtbot)
    return page


def test_the_report_lists_thin_points_and_counts(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    add_questions(staffed_vault, clock, bank,
                  [judge(s, "AA001", difficulty=0.75) for s in STEMS]
                  + [judge("安全电压一般不高于 36V。", "AB002", difficulty=0.35)], approve=True)
    add_questions(staffed_vault, clock, bank, [judge("熔断器用于短路保护。", "BB002")])
    page = _page(qtbot, make_window(staffed_vault, *REVIEWER))
    thin = _rows(page.thin)
    assert [row[0] for row in thin] == ["AA002", "AB001", "AB002", "BA001", "BA002", "BB001",
                                        "BB002"]
    assert ["AB002", "安全电压", "1"] in thin and ["BB002", "熔断器", "0"] in thin
    assert page.thin_box.title() == "不足 4 道已通过试题的鉴定点（7 个）"
    assert _rows(page.cells) == [["A 基础知识", "5", "5"], ["合计", "5", "5"]]
    headers = [page.cells.horizontalHeaderItem(c) for c in range(page.cells.columnCount())]
    assert [h.text() for h in headers if h] == ["鉴定范围", "判断题", "合计"]
    headers = [page.statuses.horizontalHeaderItem(c) for c in range(page.statuses.columnCount())]
    assert [h.text() for h in headers if h] == ["草稿", "待审核", "已通过", "已退回", "已停用",
                                                "合计"]
    assert _rows(page.statuses) == [["1", "0", "5", "0", "0", "6"]]
    assert _rows(page.importance) == [["X 核心要素", "80%", "≥ 80%"],
                                      ["Y 一般要素", "20%", "≤ 15%"]]
    counts = [int(b["count"]) for b in page.histogram.bins]
    assert counts[7] == 4 and counts[3] == 1 and sum(counts) == 5
    assert page.mean_label.text() == "平均难度系数 0.670（目标约 0.65）"
    assert "共 6 道试题，其中已通过 5 道" in page.summary.text()
    assert not page.void_label.isVisible()
    assert page.histogram.grab().width() > 0  # the bars paint without complaint


def test_a_near_duplicate_pair_is_grouped_or_one_retired(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow
) -> None:
    first, second = add_questions(staffed_vault, clock, bank,
                                  [judge(t, "BA001") for t in TWINS], approve=True)
    page = _page(qtbot, make_window(staffed_vault, *REVIEWER))
    [pair] = _rows(page.duplicates)
    assert (pair[0], pair[2], pair[5]) == (str(first), str(second), "否")
    assert pair[1].startswith("三相异步电动机")
    assert page.duplicates_box.title() == "近似重复的试题（1 对）"
    assert not page.group_button.isEnabled()
    page.duplicates.selectRow(0)
    assert page.group_button.isEnabled()
    page.group_button.click()
    wait_for_ops(qtbot)
    group = stored(staffed_vault, clock, first).content.enemy_group
    assert group and stored(staffed_vault, clock, second).content.enemy_group == group
    assert _rows(page.duplicates)[0][5] == "是"
    page.duplicates.selectRow(0)
    page.retire(second, first)
    answer(wait_for_message(qtbot, f"停用试题 {second}？"), "停用")
    wait_for_ops(qtbot)
    retired = stored(staffed_vault, clock, second)
    assert retired.status is Status.RETIRED
    assert retired.review_note == f"与试题 {first} 近似重复"
    assert _rows(page.duplicates) == []  # a retired question no longer counts


def test_the_counts_show_while_the_pairs_are_still_searched_for(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_questions(staffed_vault, clock, bank, [judge(t, "BA001") for t in TWINS], approve=True)
    release = threading.Event()
    search_pairs = quality.duplicate_pairs

    def slow(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        assert release.wait(OP_TIMEOUT_MS / 1000)
        return search_pairs(*args, **kwargs)

    monkeypatch.setattr(quality, "duplicate_pairs", slow)
    page = page_of(make_window(staffed_vault, *REVIEWER), "质量报告", QualityPage)
    qtbot.waitUntil(lambda: page.view is not None)
    assert _rows(page.statuses) == [["0", "0", "2", "0", "0", "2"]]
    assert page.summary.text().endswith("近似重复的试题查找中。")
    assert page.duplicates_box.title() == "近似重复的试题（正在查找…）"
    assert not page.refresh_button.isEnabled()
    release.set()
    wait_for_ops(qtbot)
    assert page.duplicates_box.title() == "近似重复的试题（1 对）"
    assert "近似重复 1 对" in page.summary.text()
    assert page.refresh_button.isEnabled()


def test_a_slower_older_search_does_not_overwrite_a_newer_one(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, bank: int, make_window: MakeWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_questions(staffed_vault, clock, bank, [judge(t, "BA001") for t in TWINS], approve=True)
    release, calls = threading.Event(), []
    search_pairs = quality.duplicate_pairs

    def first_one_slow(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        calls.append(args)
        if len(calls) == 1:
            assert release.wait(OP_TIMEOUT_MS / 1000)
            return []  # what an older state of the bank would have given
        return search_pairs(*args, **kwargs)

    monkeypatch.setattr(quality, "duplicate_pairs", first_one_slow)
    page = page_of(make_window(staffed_vault, *REVIEWER), "质量报告", QualityPage)
    qtbot.waitUntil(lambda: len(calls) == 1)
    page.refresh()  # as a change to the bank does
    qtbot.waitUntil(lambda: page.view is not None and not page.view.searching)
    assert len(_rows(page.duplicates)) == 1
    release.set()
    wait_for_ops(qtbot)
    assert len(_rows(page.duplicates)) == 1
    assert page.duplicates_box.title() == "近似重复的试题（1 对）"

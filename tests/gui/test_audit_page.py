"""The audit page: the trail, its filter, verification off the GUI thread, checkpoints."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bankstation.gui.main_window import MainWindow
from bankstation.gui.models.audit import AuditColumn
from bankstation.gui.pages.audit import AuditPage
from bankstation.services import imports, ledger, station
from bankstation.services.imports import Source
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import close_messages, wait_for_message, wait_for_ops
from tests.support import FakeClock, login, make_bank


@pytest.fixture
def window(staffed_vault: Path, make_window: MakeWindow) -> MainWindow:
    return make_window(staffed_vault, "supervisor", "supervisor-pass-1", purpose="台账检查")


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> AuditPage:
    page = window.show_page("审计台账")
    assert isinstance(page, AuditPage)
    wait_for_ops(qtbot)
    return page


def _column(page: AuditPage, column: AuditColumn) -> list[str]:
    model = page.model
    return [model.data(model.index(r, model.column_of(column))) for r in range(model.rowCount())]


def test_trail_is_newest_first_with_chinese_names(page: AuditPage) -> None:
    seqs = [int(s) for s in _column(page, AuditColumn.SEQ)]
    assert seqs == sorted(seqs, reverse=True)
    assert _column(page, AuditColumn.ACTION)[0] == "登录"
    assert _column(page, AuditColumn.ACTOR)[0] == "supervisor"
    assert "事由：台账检查" in _column(page, AuditColumn.DETAIL)[0]
    assert _column(page, AuditColumn.ACTION)[-1] == "创建题库"
    assert page.count_label.text() == f"共 {len(seqs)} 条"


def test_filter_by_kind_of_action(qtbot: QtBot, page: AuditPage) -> None:
    page.filter.setCurrentIndex(page.filter.findText("账户与保密责任书"))
    wait_for_ops(qtbot)
    assert set(_column(page, AuditColumn.ACTION)) == {"新增账户"}
    assert page.count_label.text() == "共 4 条"
    assert _column(page, AuditColumn.SUBJECT)[0].startswith("账户 ")
    page.filter.setCurrentIndex(0)
    wait_for_ops(qtbot)
    assert len(set(_column(page, AuditColumn.ACTION))) > 1


def test_verify_runs_off_thread_and_reports_success(qtbot: QtBot, page: AuditPage) -> None:
    page.verify_button.click()
    wait_for_ops(qtbot)
    assert page.result.isVisible()
    assert page.result.text().startswith(f"台账完整：共 {page.model.rowCount()} 条记录")
    assert "根哈希" in page.result.text()


def test_verify_reports_a_tampered_entry(
    qtbot: QtBot, page: AuditPage, window: MainWindow
) -> None:
    vault = window.ctx.session.vault
    vault.execute("UPDATE ledger SET body = CAST(replace(CAST(body AS TEXT), '测试', '篡改') "
                  "AS BLOB) WHERE seq = 3")
    page.verify_button.click()
    wait_for_ops(qtbot)
    box = wait_for_message(qtbot, "台账校验失败")
    close_messages()
    assert page.result.text() == box.text()
    assert page.result.isVisible()


def test_export_a_checkpoint_and_verify_against_it(
    qtbot: QtBot, page: AuditPage, tmp_path: Path, window: MainWindow
) -> None:
    target = tmp_path / "台账检查点.txt"
    page.export_checkpoint(target)
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "检查点已保存到")
    close_messages()
    text = target.read_text(encoding="utf-8")
    assert ledger.verify(window.ctx.session, text).external is not None
    assert not list(tmp_path.glob(".*tmp*"))  # written through a temp file, then renamed
    page.verify_with_file(target)
    wait_for_ops(qtbot)
    assert "与检查点文件一致" in page.result.text()


def test_a_foreign_checkpoint_file_is_refused(
    qtbot: QtBot, page: AuditPage, tmp_path: Path
) -> None:
    bogus = tmp_path / "bogus.txt"
    bogus.write_text("not a checkpoint\n", encoding="utf-8")
    page.verify_with_file(bogus)
    wait_for_ops(qtbot)
    wait_for_message(qtbot, "检查点")
    close_messages()
    assert page.result.isVisible()


def test_the_view_pulls_pages_until_its_viewport_is_full(
    qtbot: QtBot, page: AuditPage, window: MainWindow
) -> None:
    total = len(ledger.audit_entries(window.ctx.session))
    page.model.page_size = 2
    page.model.refresh()
    # the view asks for pages by itself until one comes back short
    qtbot.waitUntil(lambda: not page.model.canFetchMore(page.view.rootIndex())
                    and not page.model.loading, timeout=10_000)
    assert page.model.rowCount() == total


def test_the_question_entries_read_in_chinese(
    qtbot: QtBot, staffed_vault: Path, clock: FakeClock, make_window: MakeWindow,
    tmp_path: Path,
) -> None:
    bank = make_bank(staffed_vault, clock)
    csv = tmp_path / "试题.csv"
    csv.write_text("题型,鉴定点,题干,答案\n判断题,AA001,熔断器用于短路保护。,√\n"
                   "判断题,AA001,验电前应先在有电设备上确认验电器良好。,√\n", encoding="utf-8")
    keeper = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    imports.import_questions(keeper, bank, Source(csv))
    station.logout(keeper)
    window = make_window(staffed_vault, "supervisor", "supervisor-pass-1", purpose="台账检查")
    page = window.show_page("审计台账")
    assert isinstance(page, AuditPage)
    page.filter.setCurrentIndex(page.filter.findText("试题（含导入、导出）"))
    wait_for_ops(qtbot)
    assert _column(page, AuditColumn.ACTION) == ["导入试题"]
    assert _column(page, AuditColumn.SUBJECT) == [f"题库 #{bank}"]
    [detail] = _column(page, AuditColumn.DETAIL)
    assert detail == "来源文件：试题.csv；新增：2；新版本：0；修改：0；未变：0；试题：新增 #1–#2"

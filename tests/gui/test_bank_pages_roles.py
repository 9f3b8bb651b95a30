"""Which bank pages each role sees, and which actions each page offers to whom."""

from __future__ import annotations

from pathlib import Path

import pytest

from bankstation.gui.pages.banks import BanksPage
from bankstation.gui.pages.questions import QuestionsPage
from tests.gui import bank_support as support
from tests.gui.bank_support import page_of
from tests.gui.conftest import MakeWindow
from tests.support import ADMIN, ADMIN_PW

# Fixtures shared by the bank page tests.
bank = support.bank

BANK_PAGES = ("题库", "试题", "审核", "导入试题", "质量报告")


@pytest.mark.parametrize(
    ("name", "password", "pages"),
    [
        ("keeper", "keeper-pass-1", ["题库", "试题", "导入试题", "质量报告"]),
        ("reviewer", "reviewer-pass-1", ["题库", "试题", "审核", "质量报告"]),
        ("assembler", "assembler-pass-1", ["题库", "试题", "质量报告"]),
        (ADMIN, ADMIN_PW, ["题库", "试题", "质量报告"]),
        ("supervisor", "supervisor-pass-1", []),
    ],
)
def test_bank_pages_follow_the_roles(
    staffed_vault: Path, make_window: MakeWindow, bank: int, name: str, password: str,
    pages: list[str]
) -> None:
    window = make_window(staffed_vault, name, password)
    titles = window.page_titles()
    assert [t for t in titles if t in BANK_PAGES] == pages
    if pages:
        assert titles.index("题库") == 1  # right after 概况


@pytest.mark.parametrize(("name", "password", "keeper", "retire"), [
    ("keeper", "keeper-pass-1", True, True),
    ("reviewer", "reviewer-pass-1", False, True),
    ("assembler", "assembler-pass-1", False, False),
    (ADMIN, ADMIN_PW, False, False),
])
def test_only_the_keeper_changes_the_bank(
    staffed_vault: Path, make_window: MakeWindow, bank: int, name: str, password: str,
    keeper: bool, retire: bool
) -> None:
    window = make_window(staffed_vault, name, password)
    banks: BanksPage = page_of(window, "题库", BanksPage)
    assert banks.model.rowCount() == 1
    for button in (banks.create_button, banks.import_button, banks.edit_button):
        assert button.isVisible() == keeper
    questions: QuestionsPage = page_of(window, "试题", QuestionsPage)
    for button in (questions.new_button, questions.edit_button, questions.submit_button):
        assert button.isVisible() == keeper
    assert questions.retire_button.isVisible() == retire
    assert questions.history_button.isVisible()
    assert questions.bank_combo.currentText() == "电工（四级/中级工）理论知识题库"

"""Fixtures and helpers for the bank pages: a bank with an element table, questions put in
through the services, and reading back what the GUI stored."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from bankstation.domain.qtypes import QType
from bankstation.domain.questions import Question, QuestionContent
from bankstation.domain.roles import Role
from bankstation.gui.main_window import MainWindow
from bankstation.services import accounts, imports, questions, station
from bankstation.services.session import Session
from tests.gui.conftest import MakeWindow
from tests.gui.gui_support import wait_for_ops
from tests.support import FakeClock, login, make_bank, pledge

KEEPER = ("keeper", "keeper-pass-1")
REVIEWER = ("reviewer", "reviewer-pass-1")
BOTH = ("lixm", "lixm-pass-1")  # keeper and reviewer on one account


@pytest.fixture
def bank(staffed_vault: Path, clock: FakeClock) -> int:
    """The 电工 level-4 theory bank of tests.support, with its eight-point element table."""
    return make_bank(staffed_vault, clock)


@pytest.fixture
def practical_bank(staffed_vault: Path, clock: FakeClock) -> int:
    return make_bank(staffed_vault, clock, exam="practical")


@pytest.fixture
def keeper_window(staffed_vault: Path, make_window: MakeWindow, bank: int) -> MainWindow:
    return make_window(staffed_vault, *KEEPER, purpose="录入与维护试题")


@contextmanager
def session_as(path: Path, clock: FakeClock, who: tuple[str, str] = KEEPER
               ) -> Iterator[Session]:
    session = login(path, clock, *who)
    try:
        yield session
    finally:
        station.logout(session)


def add_both_account(path: Path, clock: FakeClock) -> None:
    with session_as(path, clock, ("admin", "admin-pass-1")) as admin:
        accounts.add_account(admin, BOTH[0], "李晓梅", frozenset({Role.KEEPER, Role.REVIEWER}),
                             pledge("BM-lixm"), BOTH[1])


def judge(stem: str, point: str = "AA001", answer: str = "√", **extra: Any) -> QuestionContent:
    return QuestionContent(QType.JUDGE, point, stem, answer=answer, **extra)


def add_questions(path: Path, clock: FakeClock, bank_id: int, contents: list[QuestionContent],
                  submit: bool = False, approve: bool = False,
                  who: tuple[str, str] = KEEPER) -> list[int]:
    with session_as(path, clock, who) as session:
        ids = [questions.create(session, bank_id, c, submit=submit or approve).id
               for c in contents]
    if approve:
        with session_as(path, clock, REVIEWER) as reviewer:
            questions.approve_many(reviewer, bank_id, ids)
    return ids


def bulk_questions(path: Path, clock: FakeClock, bank_id: int, count: int) -> None:
    """Many questions in one transaction, through the importer's own commit."""
    points = ["AA001", "AA002", "AB001", "AB002", "BA001", "BA002", "BB001", "BB002"]
    contents = [judge(f"第 {i} 题：电气设备的金属外壳应当可靠接地，编号 {i:05d}。",
                      point=points[i % len(points)], difficulty=round(0.3 + (i % 60) / 100, 2))
                for i in range(count)]
    with session_as(path, clock) as session:
        plan = imports.ImportPlan(bank_id, "bulk", added=list(enumerate(contents, 2)))
        imports.commit_import(session, plan)


def stored(path: Path, clock: FakeClock, qid: int) -> Question:
    with session_as(path, clock) as session:
        return questions.get(session, qid)


def page_of(window: MainWindow, title: str, kind: type[Any]) -> Any:
    page = window.show_page(title)
    assert isinstance(page, kind)
    return page


def settle(qtbot: QtBot, ms: int = 400) -> None:
    """Past the typing and preview delays, then until every operation reported back."""
    qtbot.wait(ms)
    wait_for_ops(qtbot)


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    """A small valid RGB PNG, written by hand (no imaging library in the tests)."""
    raw = b"".join(b"\x00" + bytes((200, 30, 30)) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def closed(widget: Any) -> bool:
    """Whether a dialog is gone (they delete themselves on close)."""
    return not shiboken6.isValid(widget) or not widget.isVisible()

"""A question's 处理记录: every ledger entry about it, including reasons its edits erased."""

from __future__ import annotations

from pathlib import Path

import pytest

from bankstation.domain.errors import LedgerTampered, NotFound
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent
from bankstation.services import ledger, questions, station
from bankstation.services.session import Session
from tests.support import FakeClock, login, make_bank

KEEPER = ("keeper", "keeper-pass-1")
REVIEWER = ("reviewer", "reviewer-pass-1")
SUPERVISOR = ("supervisor", "supervisor-pass-1")


def judge(stem: str) -> QuestionContent:
    return QuestionContent(QType.JUDGE, "AA001", stem, answer="√")


def _as(path: Path, clock: FakeClock, who: tuple[str, str]) -> Session:
    return login(path, clock, *who)


def test_rejection_reasons_survive_the_edit_that_clears_them(staffed_vault: Path,
                                                            clock: FakeClock) -> None:
    bank = make_bank(staffed_vault, clock)
    keeper = _as(staffed_vault, clock, KEEPER)
    q = questions.create(keeper, bank, judge("电流的方向规定为正电荷定向移动的方向。"),
                         submit=True)
    other = questions.create(keeper, bank, judge("导体的电阻与其长度成正比。"), submit=True)
    station.logout(keeper)
    reviewer = _as(staffed_vault, clock, REVIEWER)
    questions.reject(reviewer, q.id, "表述不严谨")
    questions.reject(reviewer, other.id, "与他题重复")
    station.logout(reviewer)
    keeper = _as(staffed_vault, clock, KEEPER)
    edited = questions.edit(keeper, q.id, judge("规定正电荷定向移动的方向为电流方向。"),
                            submit=True)
    assert edited.status is Status.SUBMITTED and edited.review_note is None  # erased in place
    events = questions.events(keeper, q.id)
    station.logout(keeper)
    assert [e.action for e in events] == ["question.create", "question.reject", "question.edit"]
    reject = events[1]
    assert (reject.actor, reject.note, reject.version, reject.label) == (
        "reviewer", "表述不严谨", 1, "退回试题")
    assert all(e.note != "与他题重复" for e in events)  # the other question's reason stays there
    assert [e.seq for e in events] == sorted(e.seq for e in events)


def test_events_of_a_missing_question_is_not_found(staffed_vault: Path,
                                                   clock: FakeClock) -> None:
    keeper = _as(staffed_vault, clock, KEEPER)
    with pytest.raises(NotFound):
        questions.events(keeper, 424242)
    station.logout(keeper)


def test_subject_index_is_verified(staffed_vault: Path, clock: FakeClock) -> None:
    bank = make_bank(staffed_vault, clock)
    keeper = _as(staffed_vault, clock, KEEPER)
    q = questions.create(keeper, bank, judge("熔断器在电路中起短路保护作用。"), submit=True)
    keeper.vault.execute("UPDATE ledger SET subject = NULL WHERE subject = ?",
                         (f"question:{q.id}",))
    assert questions.events(keeper, q.id) == []  # the column hid it ...
    station.logout(keeper)
    supervisor = _as(staffed_vault, clock, SUPERVISOR)
    with pytest.raises(LedgerTampered, match="索引不一致"):  # ... and verification says so
        ledger.verify(supervisor)
    station.logout(supervisor)

"""Papers after assembly: list, show, approve by a second person, withdraw."""

from __future__ import annotations

from typing import Any

from bankstation.domain.errors import NotFound, PermissionDenied, ValidationError
from bankstation.domain.papers import PaperStatus
from bankstation.domain.roles import Role
from bankstation.services.session import Session
from bankstation.store import papers_repo


def get(session: Session, paper_id: str) -> dict[str, Any]:
    paper = papers_repo.paper(session.vault, paper_id)
    if paper is None:
        raise NotFound(f"试卷 {paper_id} 不存在。")
    return paper


def list_papers(session: Session) -> list[dict[str, Any]]:
    return [{"paper_id": r[0], "form": r[1], "status": r[2], "assembly": r[3],
             "blueprint": r[4], "assembled_by": r[5], "assembled_at": r[6],
             "approved_by": r[7], "note": r[8]} for r in papers_repo.papers(session.vault)]


def approve(session: Session, paper_id: str) -> dict[str, Any]:
    """A second person (not the assembler) approves a draft paper."""
    session.require(Role.REVIEWER, Role.SUPERVISOR, Role.ASSEMBLER)
    paper = get(session, paper_id)
    if paper["status"] != PaperStatus.DRAFT.value:
        raise ValidationError(f"只有草稿状态的试卷可以审定（"
                              f"当前为「{PaperStatus(paper['status']).label}」）。")
    if paper["assembled_by"] == session.account.name:
        raise PermissionDenied("试卷须由组卷人以外的另一人审定。")
    now = session.now()
    paper.update(status=PaperStatus.APPROVED.value, approved_by=session.account.name,
                 approved_at=now)
    with session.transaction():
        papers_repo.update_paper(session.vault, paper, now)
        papers_repo.mark_used(session.vault, paper_id, now)
        session.record("paper.approve", f"paper:{paper_id}", {"form": paper["form"]})
    return paper


def withdraw(session: Session, paper_id: str, reason: str) -> dict[str, Any]:
    session.require(Role.ASSEMBLER, Role.REVIEWER, Role.SUPERVISOR)
    if not reason.strip():
        raise ValidationError("撤回试卷必须写明理由。")
    paper = get(session, paper_id)
    if paper["status"] in (PaperStatus.WITHDRAWN.value, PaperStatus.USED.value):
        raise ValidationError(f"该试卷已{PaperStatus(paper['status']).label}，不能撤回。")
    now = session.now()
    paper["status"] = PaperStatus.WITHDRAWN.value
    with session.transaction():
        papers_repo.update_paper(session.vault, paper, now, reason.strip())
        session.record("paper.withdraw", f"paper:{paper_id}", {"reason": reason.strip()})
    return paper

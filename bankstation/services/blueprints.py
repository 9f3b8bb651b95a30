"""Blueprints (组卷方案): import or edit, approve by a second person, then locked by hash."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bankstation.domain.blueprints import Blueprint, BlueprintFormatError, from_dict, rule_problems
from bankstation.domain.errors import NotFound, PermissionDenied, ValidationError
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import Status
from bankstation.domain.roles import Role
from bankstation.services import elements
from bankstation.services.banks import get_bank
from bankstation.services.session import Session
from bankstation.store import papers_repo


@dataclass(frozen=True)
class StoredBlueprint:
    id: int
    bank_id: int
    version: int
    status: Status
    blueprint: Blueprint
    sha256: str
    author: str
    created_at: str
    reviewer: str | None
    reviewed_at: str | None
    review_note: str | None


class BlueprintInvalid(ValidationError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("组卷方案有问题，未保存：\n" + "\n".join(p.message for p in problems))


def parse(text: str) -> Blueprint:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"组卷方案文件不是有效的 JSON（第 {exc.lineno} 行）。") from None
    try:
        return from_dict(data)
    except BlueprintFormatError as exc:
        raise BlueprintInvalid(exc.problems) from None


def check(session: Session, bank_id: int, bp: Blueprint) -> tuple[list[Problem], list[Problem]]:
    bank = get_bank(session, bank_id)
    errors, warnings = rule_problems(bp, elements.table(session, bank_id), bank.exam)
    if bp.occupation != bank.occupation or bp.level != int(bank.level) or bp.exam != bank.exam:
        errors.append(Problem(None, "occupation", (
            f"方案的职业/等级/考试类别（{bp.occupation}，{bp.level} 级，{bp.exam}）与题库"
            f"（{bank.occupation}，{int(bank.level)} 级，{bank.exam}）不一致。")))
    return errors, warnings


def save(session: Session, bank_id: int, bp: Blueprint, blueprint_id: int | None = None,
         submit: bool = True) -> tuple[StoredBlueprint, list[Problem]]:
    """Create or change a blueprint; an approved one gets a new version. Returns warnings."""
    session.require(Role.KEEPER, Role.ASSEMBLER)
    errors, warnings = check(session, bank_id, bp)
    if errors:
        raise BlueprintInvalid(errors)
    body, sha = bp.canonical().decode(), bp.sha256()
    status = Status.SUBMITTED if submit else Status.DRAFT
    me, now = session.account.name, session.now()
    with session.transaction():
        if blueprint_id is None:
            blueprint_id = papers_repo.insert_blueprint(session.vault, bank_id, bp.title, body,
                                                        sha, status.value, me, now)
            version = 1
        else:
            current = get(session, blueprint_id)
            if current.status is Status.APPROVED:
                version = current.version + 1
                papers_repo.add_blueprint_version(session.vault, blueprint_id, version, bp.title,
                                                  body, sha, status.value, me, now)
            else:
                version = current.version
                papers_repo.replace_blueprint_version(session.vault, blueprint_id, version,
                                                      bp.title, body, sha, status.value, now)
        session.record("blueprint.save", f"blueprint:{blueprint_id}",
                       {"version": version, "sha256": sha, "status": status.value,
                        "warnings": [p.message for p in warnings]})
    return get(session, blueprint_id), warnings


def approve(session: Session, blueprint_id: int) -> StoredBlueprint:
    """A reviewer who did not write it approves; from then on that version is locked."""
    session.require(Role.REVIEWER)
    current = get(session, blueprint_id)
    if current.status is not Status.SUBMITTED:
        raise ValidationError(f"组卷方案不在待审核状态（当前为「{current.status.label}」）。")
    if current.author == session.account.name:
        raise PermissionDenied("组卷方案由您本人编写，须由其他审核员审核。")
    errors, _warnings = check(session, current.bank_id, current.blueprint)
    if errors:
        raise BlueprintInvalid(errors)
    with session.transaction():
        papers_repo.set_blueprint_status(session.vault, blueprint_id, current.version,
                                         Status.APPROVED.value, session.account.name,
                                         session.now(), None)
        session.record("blueprint.approve", f"blueprint:{blueprint_id}",
                       {"version": current.version, "sha256": current.sha256})
    return get(session, blueprint_id)


def reject(session: Session, blueprint_id: int, reason: str) -> StoredBlueprint:
    session.require(Role.REVIEWER)
    if not reason.strip():
        raise ValidationError("退回组卷方案必须写明理由。")
    current = get(session, blueprint_id)
    if current.status is not Status.SUBMITTED:
        raise ValidationError("组卷方案不在待审核状态。")
    with session.transaction():
        papers_repo.set_blueprint_status(session.vault, blueprint_id, current.version,
                                         Status.REJECTED.value, session.account.name,
                                         session.now(), reason.strip())
        session.record("blueprint.reject", f"blueprint:{blueprint_id}",
                       {"version": current.version, "note": reason.strip()})
    return get(session, blueprint_id)


def _stored(row: tuple[Any, ...]) -> StoredBlueprint:
    bid, bank, version, status, body, sha, author, created, reviewer, reviewed, note = row
    return StoredBlueprint(int(bid), int(bank), int(version), Status(status),
                           from_dict(json.loads(body)), str(sha), str(author), str(created),
                           reviewer, reviewed, note)


def get(session: Session, blueprint_id: int, version: int | None = None) -> StoredBlueprint:
    row = papers_repo.blueprint(session.vault, blueprint_id, version)
    if row is None:
        raise NotFound(f"组卷方案 {blueprint_id} 不存在。")
    return _stored(row)


def list_blueprints(session: Session, bank_id: int | None = None) -> list[StoredBlueprint]:
    return [_stored(r) for r in papers_repo.blueprints(session.vault, bank_id)]

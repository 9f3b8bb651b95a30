"""Writing and reviewing questions: versions, the review rules, enemy groups, retirement.

Status moves draft -> submitted -> approved | rejected, and anything -> retired. Editing an
approved question makes a new version that needs approval again; unapproved versions are
edited in place, since no paper can point at them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bankstation.domain.elements import ElementTable
from bankstation.domain.errors import NotFound, PermissionDenied, ValidationError
from bankstation.domain.ledger import ACTION_LABELS, LedgerEntry
from bankstation.domain.qtypes import Status
from bankstation.domain.questions import Question, QuestionContent, content_problems
from bankstation.domain.roles import Role
from bankstation.services import elements, question_trail
from bankstation.services.banks import get_bank
from bankstation.services.session import Session
from bankstation.store import ledger_repo, questions_repo


@dataclass(frozen=True)
class QuestionEvent:
    """One audit entry about a question, as its 处理记录 shows it."""

    seq: int
    at: str
    actor: str | None
    action: str
    label: str
    version: int | None
    note: str | None


def check_content(content: QuestionContent, table: ElementTable, exam: str) -> list[str]:
    problems = content_problems(content)
    if content.point not in table.nodes or not table.nodes[content.point].is_point:
        problems.append(f"鉴定点「{content.point}」不在本题库的鉴定要素细目表中。")
    if content.qtype.exam != exam:
        kind = "操作技能" if exam == "practical" else "理论知识"
        problems.append(f"{content.qtype.label}不属于{kind}题库。")
    return problems


def _checked(session: Session, bank_id: int, content: QuestionContent) -> None:
    bank = get_bank(session, bank_id)
    problems = check_content(content, elements.table(session, bank_id), bank.exam)
    if problems:
        raise ValidationError("试题未保存：" + "；".join(problems))


def create(session: Session, bank_id: int, content: QuestionContent, submit: bool = False
           ) -> Question:
    session.require(Role.KEEPER)
    _checked(session, bank_id, content)
    if content.code and questions_repo.find_by_code(session.vault, bank_id, content.code):
        raise ValidationError(f"试题编号「{content.code}」已被本题库的另一道题使用。")
    status = Status.SUBMITTED if submit else Status.DRAFT
    with session.transaction():
        qid = questions_repo.insert(session.vault, bank_id, content, status,
                                    session.account.name, session.now())
        session.record("question.create", f"question:{qid}",
                       {"bank": bank_id, "qtype": content.qtype.value, "point": content.point,
                        "status": status.value, "code": content.code})
    return get(session, qid)


def edit(session: Session, qid: int, content: QuestionContent, submit: bool = False) -> Question:
    """Save changed content: in place while unapproved, as a new version once approved."""
    session.require(Role.KEEPER)
    current = get(session, qid)
    if current.status is Status.RETIRED:
        raise ValidationError("已停用的试题不能再修改。")
    _checked(session, current.bank_id, content)
    if content.code and content.code != current.content.code:
        other = questions_repo.find_by_code(session.vault, current.bank_id, content.code)
        if other is not None and other != qid:
            raise ValidationError(f"试题编号「{content.code}」已被本题库的另一道题使用。")
    status = Status.SUBMITTED if submit else Status.DRAFT
    now = session.now()
    with session.transaction():
        if current.status is Status.APPROVED:
            version = current.version + 1
            questions_repo.add_version(session.vault, qid, version, content, status,
                                       session.account.name, now)
        else:
            version = current.version
            questions_repo.replace_version(session.vault, qid, version, content, status,
                                           session.account.name, now)
        session.record("question.edit", f"question:{qid}",
                       {"version": version, "status": status.value})
    return get(session, qid)


def submit(session: Session, qid: int) -> Question:
    session.require(Role.KEEPER)
    current = get(session, qid)
    if current.status not in (Status.DRAFT, Status.REJECTED):
        raise ValidationError(f"只有草稿或已退回的试题可以提交审核（"
                              f"本题为「{current.status.label}」）。")
    _set(session, current, Status.SUBMITTED, "question.submit")
    return get(session, qid)


def approve(session: Session, qid: int) -> Question:
    """A reviewer approves a submitted version written by someone else."""
    session.require(Role.REVIEWER)
    current = get(session, qid)
    _check_reviewable(session, current)
    _set(session, current, Status.APPROVED, "question.approve", reviewer=True)
    return get(session, qid)


def approve_many(session: Session, bank_id: int, qids: list[int] | None = None
                 ) -> tuple[list[int], list[tuple[int, str]]]:
    """Approve the given (or all submitted) questions; return approved ids and refusals."""
    session.require(Role.REVIEWER)
    get_bank(session, bank_id)
    if qids is None:
        qids = [qid for qid, _author in questions_repo.submitted_ids(session.vault, bank_id)]
    done: list[int] = []
    refused: list[tuple[int, str]] = []
    with session.transaction():
        for qid in qids:
            current = questions_repo.get(session.vault, qid)
            try:
                if current is None or current.bank_id != bank_id:
                    raise NotFound(f"试题 {qid} 不在本题库中。")
                _check_reviewable(session, current)
            except (NotFound, ValidationError, PermissionDenied) as exc:
                refused.append((qid, exc.message))
                continue
            _apply(session, current, Status.APPROVED, "question.approve", reviewer=True)
            done.append(qid)
    return done, refused


def reject(session: Session, qid: int, reason: str) -> Question:
    session.require(Role.REVIEWER)
    if not reason.strip():
        raise ValidationError("退回试题必须写明理由。")
    current = get(session, qid)
    _check_reviewable(session, current)
    _set(session, current, Status.REJECTED, "question.reject", reviewer=True, note=reason.strip())
    return get(session, qid)


def retire(session: Session, qid: int, reason: str = "") -> Question:
    session.require(Role.KEEPER, Role.REVIEWER)
    current = get(session, qid)
    if current.status is Status.RETIRED:
        raise ValidationError("该试题已经停用。")
    _set(session, current, Status.RETIRED, "question.retire", note=reason.strip() or None)
    return get(session, qid)


def set_enemy_group(session: Session, qids: list[int], group: str | None) -> None:
    session.require(Role.KEEPER, Role.REVIEWER)
    label = (group or "").strip() or None
    with session.transaction():
        for qid in qids:
            get(session, qid)
            questions_repo.set_enemy_group(session.vault, qid, label)
        session.record("question.enemy_group", None, {"questions": qids, "group": label})


def _check_reviewable(session: Session, current: Question) -> None:
    if current.status is not Status.SUBMITTED:
        raise ValidationError(f"试题 {current.id} 不在待审核状态（"
                              f"当前为「{current.status.label}」）。")
    if current.author == session.account.name:
        raise PermissionDenied(f"试题 {current.id} 由您本人编写，须由其他审核员审核。")


def _set(session: Session, current: Question, status: Status, action: str,
         reviewer: bool = False, note: str | None = None) -> None:
    with session.transaction():
        _apply(session, current, status, action, reviewer, note)


def _apply(session: Session, current: Question, status: Status, action: str,
           reviewer: bool = False, note: str | None = None) -> None:
    questions_repo.set_status(session.vault, current.id, current.version, status,
                              session.account.name if reviewer else None, session.now(), note)
    detail: dict[str, object] = {"version": current.version, "from": current.status.value}
    if note:
        detail["note"] = note
    session.record(action, f"question:{current.id}", detail)


def get(session: Session, qid: int) -> Question:
    found = questions_repo.get(session.vault, qid)
    if found is None:
        raise NotFound(f"试题 {qid} 不存在。")
    return found


def version(session: Session, qid: int, number: int) -> Question:
    found = questions_repo.get_version(session.vault, qid, number)
    if found is None:
        raise NotFound(f"试题 {qid} 没有第 {number} 版。")
    return found


def history(session: Session, qid: int) -> list[Question]:
    return questions_repo.versions(session.vault, qid)


def events(session: Session, qid: int) -> list[QuestionEvent]:
    """Every ledger entry about one question, oldest first: its own, the enemy-group changes
    that include it, and the imports that wrote it (question_trail).

    A rejected version is edited in place, which clears its review note; the ledger keeps
    every reason, so a reviewer can see why the question came back before.
    """
    question, vault = get(session, qid), session.vault
    found = [_own_event(e) for e in ledger_repo.subject_entries(vault, f"question:{qid}")]
    found += [_group_event(e) for e in question_trail.group_entries(vault, qid)]
    found += [_import_event(e, role)
              for e, role in question_trail.import_entries(vault, qid, question.bank_id)]
    return sorted(found, key=lambda e: e.seq)


def _own_event(entry: LedgerEntry) -> QuestionEvent:
    version, note = entry.detail.get("version"), entry.detail.get("note")
    return QuestionEvent(entry.seq, entry.at, entry.actor, entry.action,
                         ACTION_LABELS.get(entry.action, entry.action),
                         version if isinstance(version, int) else None,
                         note if isinstance(note, str) else None)


def _group_event(entry: LedgerEntry) -> QuestionEvent:
    group = entry.detail.get("group")
    return QuestionEvent(entry.seq, entry.at, entry.actor, entry.action,
                         ACTION_LABELS[entry.action], None,
                         f"互斥组「{group}」" if isinstance(group, str) else "移出互斥组")


def _import_event(entry: LedgerEntry, role: str) -> QuestionEvent:
    source = entry.detail.get("source")
    return QuestionEvent(entry.seq, entry.at, entry.actor, entry.action,
                         f"{ACTION_LABELS[entry.action]}（{role}）", 1 if role == "新增" else None,
                         f"来自 {source}" if isinstance(source, str) else None)

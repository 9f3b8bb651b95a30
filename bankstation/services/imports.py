"""Importing element tables and questions: check the whole file, preview, save all or nothing.

Files arrive on disc, so a source is either a path in a folder or a file inside an ISO image.
Questions with a 试题编号 already in the bank become a new version of that question (or are
left alone when nothing changed); imported questions wait for review (待审核).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bankstation.disc import iso_read
from bankstation.domain.errors import BankStationError, ValidationError, os_reason
from bankstation.domain.id_ranges import id_ranges
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import Status
from bankstation.domain.questions import QuestionContent
from bankstation.domain.roles import Role
from bankstation.formats import workbook
from bankstation.formats.element_sheet import parse_elements
from bankstation.formats.question_sheet import ParsedQuestions, parse_questions
from bankstation.formats.question_text import parse_question_text
from bankstation.formats.tabular import read_tables
from bankstation.services import elements, import_duplicates
from bankstation.services.banks import get_bank
from bankstation.services.session import Session
from bankstation.store import questions_repo

MAX_IMPORT_BYTES = 100 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text")


@dataclass(frozen=True)
class Source:
    """A file to import: a path, or a path inside an ISO image."""

    path: Path
    inner: str | None = None

    @property
    def name(self) -> str:
        return Path(self.inner).name if self.inner else self.path.name

    def read(self) -> bytes:
        if self.inner:
            return iso_read.read_file(self.path, self.inner)
        try:
            size = self.path.stat().st_size
            if size > MAX_IMPORT_BYTES:
                raise ValidationError(f"文件过大（{size // 1024 // 1024} MB）。")
            return self.path.read_bytes()
        except OSError as exc:
            raise BankStationError(f"无法读取文件 {self.path}：{os_reason(exc)}") from None


@dataclass
class ImportPlan:
    bank_id: int
    source: str
    added: list[tuple[int, QuestionContent]] = field(default_factory=list)
    new_versions: list[tuple[int, int, QuestionContent]] = field(default_factory=list)
    edited: list[tuple[int, int, QuestionContent]] = field(default_factory=list)
    unchanged: list[tuple[int, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (f"新增 {len(self.added)} 道，新版本 {len(self.new_versions)} 道，"
                f"修改 {len(self.edited)} 道，未变 {len(self.unchanged)} 道，"
                f"问题 {len(self.problems)} 处")


def list_iso_files(path: Path) -> list[str]:
    """Files inside an ISO image received on disc, for picking one to import."""
    return iso_read.list_files(path)


def write_template(path: Path) -> None:
    """The import template workbook (试题, 评分表, 说明 sheets) for staff to fill in."""
    workbook.write_template(path)


def export_questions(session: Session, bank_id: int, path: Path,
                     statuses: tuple[Status, ...] = (Status.APPROVED,)) -> int:
    """Write a bank's current questions as an importable workbook; returns how many."""
    session.require(Role.KEEPER, Role.REVIEWER)
    get_bank(session, bank_id)
    contents = [q.content for status in statuses
                for q in questions_repo.current_by_status(session.vault, bank_id, status)]
    workbook.write_questions(path, contents)
    with session.transaction():
        session.record("questions.export", f"bank:{bank_id}",
                       {"file": path.name, "count": len(contents),
                        "statuses": [s.value for s in statuses]})
    return len(contents)


def parse_source(session: Session, bank_id: int, source: Source) -> ParsedQuestions:
    bank = get_bank(session, bank_id)
    table = elements.table(session, bank_id)
    data = source.read()
    if source.name.lower().endswith(TEXT_SUFFIXES):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        return parse_question_text(text, None, table=table, exam=bank.exam)
    return parse_questions(read_tables(data, source.name), table, bank.exam)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a file's worth of objects is built.

    Reading 100,000 rows makes millions of objects that all live until the import ends; each
    full collection would walk all of them again (0.7 s of a 100,000-row plan). Reference
    counting still frees everything that is not a cycle.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan_import(session: Session, bank_id: int, source: Source) -> ImportPlan:
    """Check every row and sort them into added / new version / unchanged / rejected."""
    session.require(Role.KEEPER)
    with _no_cycle_collection():
        return _plan(session, bank_id, source)


def _plan(session: Session, bank_id: int, source: Source) -> ImportPlan:
    parsed = parse_source(session, bank_id, source)
    plan = ImportPlan(bank_id, source.name, problems=list(parsed.problems),
                      warnings=list(parsed.warnings))
    existing = questions_repo.codes(session.vault, bank_id)
    for item in parsed.items:
        qid = existing.get(item.content.code or "")
        if qid is None:
            plan.added.append((item.row, item.content))
            continue
        current = questions_repo.get(session.vault, qid)
        if current is None:
            continue
        if current.content == item.content:
            plan.unchanged.append((item.row, qid))
        elif current.status is Status.RETIRED:
            plan.problems.append(Problem(item.row, "试题编号",
                                         f"试题编号「{item.content.code}」对应的试题已停用，不能导入新版本。"))
        elif current.status is Status.APPROVED:
            plan.new_versions.append((item.row, qid, item.content))
        else:
            plan.edited.append((item.row, qid, item.content))
    plan.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    plan.warnings += import_duplicates.warnings(session, bank_id, plan)
    return plan


def commit_import(session: Session, plan: ImportPlan) -> ImportPlan:
    """Save a clean plan in one transaction; a plan with problems saves nothing."""
    session.require(Role.KEEPER)
    if not plan.ok:
        raise ValidationError(f"文件有 {len(plan.problems)} 处问题，未导入任何试题。"
                              "请修改后重新导入。")
    now, me = session.now(), session.account.name
    with session.transaction():
        added = questions_repo.insert_many(session.vault, plan.bank_id,
                                           [content for _row, content in plan.added],
                                           Status.SUBMITTED, me, now)
        for _row, qid, content in plan.new_versions:
            current = questions_repo.get(session.vault, qid)
            version = (current.version if current else 0) + 1
            questions_repo.add_version(session.vault, qid, version, content, Status.SUBMITTED,
                                       me, now)
        for _row, qid, content in plan.edited:
            current = questions_repo.get(session.vault, qid)
            questions_repo.replace_version(session.vault, qid, current.version if current else 1,
                                           content, Status.SUBMITTED, me, now)
        session.record("questions.import", f"bank:{plan.bank_id}", {
            "source": plan.source, "added": len(plan.added),
            "new_versions": len(plan.new_versions), "edited": len(plan.edited),
            "unchanged": len(plan.unchanged),
            # which questions, so that each one's trail shows the import (question_trail)
            "questions": {"added": id_ranges(added),
                          "new_versions": id_ranges(q for _r, q, _c in plan.new_versions),
                          "edited": id_ranges(q for _r, q, _c in plan.edited)}})
    return plan


def import_questions(session: Session, bank_id: int, source: Source, dry_run: bool = False
                     ) -> ImportPlan:
    plan = plan_import(session, bank_id, source)
    if dry_run:
        return plan
    return commit_import(session, plan)


def import_elements(session: Session, bank_id: int, source: Source) -> int:
    """Replace a bank's element table from a file; returns the number of points."""
    session.require(Role.KEEPER)
    get_bank(session, bank_id)
    tables = read_tables(source.read(), source.name)
    nodes, problems = parse_elements(tables)
    if problems:
        raise elements.ElementTableInvalid(problems)
    table = elements.replace(session, bank_id, nodes)
    return len(table.points())

"""Assembling papers from an approved blueprint: eligibility, pre-check, draw, record.

Only approved current versions of a bank whose standard is in force are eligible. The
pre-check runs before any draw and names every short cell and unreachable bound. The same
blueprint, bank state and seed always give the same papers (the seed is recorded).
"""

from __future__ import annotations

import hashlib
import random
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bankstation.domain.assembly import AssemblyFailed, AssemblyResult, Item, Rules
from bankstation.domain.assembly import assemble as run_engine
from bankstation.domain.blueprints import Blueprint
from bankstation.domain.elements import ElementTable
from bankstation.domain.errors import BankStationError, ValidationError
from bankstation.domain.feasibility import Feasibility
from bankstation.domain.feasibility import check as precheck
from bankstation.domain.papers import FORM_LETTERS, PaperItemSource, PaperMeta, build_paper
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import QuestionContent, QuestionFilter
from bankstation.domain.roles import Role
from bankstation.services import blueprints, elements
from bankstation.services.banks import get_bank
from bankstation.services.session import Session
from bankstation.store import papers_repo, questions_repo


class Infeasible(BankStationError):
    """The bank cannot meet the blueprint; ``reasons`` says exactly why."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = reasons
        super().__init__("题库不能满足组卷方案，未组卷：\n" + "\n".join(reasons))


@dataclass(frozen=True)
class Reuse:
    """A cell whose forms had to take questions still resting, and which forms hold each."""

    scope: str
    qtype: str
    questions: dict[int, list[str]]  # question id -> letters of the forms holding it

    def note(self, rest_days: int) -> str:
        listed = "、".join(f"试题 {qid}（{'、'.join(f'{f}卷' for f in forms)}）"
                           for qid, forms in self.questions.items())
        return (f"鉴定范围 {self.scope} 的{QType(self.qtype).label}使用了 "
                f"{len(self.questions)} 道回避期（{rest_days} 天）内用过的试题"
                f"（回避期外的试题不足以满足方案）：{listed}。")


@dataclass
class AssemblyOutcome:
    assembly_id: int
    seed: str
    papers: list[dict[str, object]]
    notes: list[str] = field(default_factory=list)
    reused: list[Reuse] = field(default_factory=list)


def rules_of(bp: Blueprint, forms: int | None = None) -> Rules:
    cells = {(scope, qtype): n for scope, row in bp.derived_cells().items()
             for qtype, n in row.items() if n}
    difficulty = None
    if bp.difficulty:
        target, tol = bp.difficulty["target"], bp.difficulty["tolerance"]
        difficulty = (target - tol, target + tol)
    return Rules(cells, bp.importance, difficulty, forms or bp.forms, bp.max_overlap)


def eligible_items(session: Session, bank_id: int, bp: Blueprint, now: datetime
                   ) -> tuple[list[Item], ElementTable]:
    table = elements.table(session, bank_id)
    depth = len(bp.scopes()[0]) if bp.scopes() else 1
    last = papers_repo.last_used(session.vault, bank_id)
    cutoff = (now - timedelta(days=bp.rest_days)).isoformat() if bp.rest_days else None
    ids = questions_repo.ids(session.vault, bank_id, QuestionFilter(status=Status.APPROVED))
    rows = questions_repo.rows(session.vault, ids)
    items = []
    for qid in ids:
        row = rows[qid]
        node = table.nodes.get(row.point)
        if node is None or len(row.point) - 3 < depth:
            continue
        items.append(Item(qid, row.version, row.point[:depth], row.qtype.value, row.point,
                          node.importance.value if node.importance else "X", row.difficulty,
                          row.enemy_group, row.used_count,
                          rested=cutoff is None or last.get(qid, "") < cutoff))
    return items, table


def feasibility(session: Session, blueprint_id: int, forms: int | None = None) -> Feasibility:
    stored = blueprints.get(session, blueprint_id)
    items, _table = eligible_items(session, stored.bank_id, stored.blueprint,
                                   session.clock.now())
    return precheck(items, rules_of(stored.blueprint, forms))


def assemble(session: Session, blueprint_id: int, forms: int | None = None,
             seed: str | None = None) -> AssemblyOutcome:
    session.require(Role.ASSEMBLER)
    stored = blueprints.get(session, blueprint_id)
    if stored.status is not Status.APPROVED:
        raise ValidationError("只有审核通过的组卷方案才能用于组卷。")
    bank = get_bank(session, stored.bank_id)
    if bank.void_reason:
        raise ValidationError(bank.void_reason)
    bp = stored.blueprint
    forms = forms or bp.forms
    seed = seed or secrets.token_hex(8)
    items, table = eligible_items(session, stored.bank_id, bp, session.clock.now())
    rules = rules_of(bp, forms)
    verdict = precheck(items, rules)
    if not verdict.feasible:
        raise Infeasible(verdict.reasons())
    if verdict.forms_supported < forms:
        raise Infeasible([f"按套间重复率不超过 {bp.max_overlap:.0%}，题库最多支持 "
                          f"{verdict.forms_supported} 套，无法组 {forms} 套。"])
    # Reproducible by design (an audit re-derives a paper from its seed), not for secrecy.
    digest = hashlib.sha256(f"{seed}/{stored.sha256}".encode()).digest()
    rng = random.Random(digest)  # noqa: S311
    try:
        result = run_engine(items, rules, rng)
    except AssemblyFailed as exc:
        raise Infeasible([exc.detail]) from None
    return _record(session, stored, bp, table, result.forms, seed, rng, _reuses(result))


def _reuses(result: AssemblyResult) -> list[Reuse]:
    """The engine's report of resting questions, with the forms holding each."""
    held = [{item.qid for item in form} for form in result.forms]
    return [Reuse(scope, qtype, {qid: [FORM_LETTERS[k] for k, ids in enumerate(held) if qid in ids]
                                 for qid in qids})
            for (scope, qtype), qids in sorted(result.reused.items())]


def _record(session: Session, stored: blueprints.StoredBlueprint, bp: Blueprint,
            table: ElementTable, forms: list[list[Item]], seed: str, rng: random.Random,
            reused: list[Reuse]) -> AssemblyOutcome:
    me, now = session.account.name, session.now()
    notes = [r.note(bp.rest_days) for r in reused]
    papers = []
    with session.transaction():
        assembly_id = papers_repo.insert_assembly(session.vault, stored.id, stored.version,
                                                  stored.sha256, seed, len(forms), notes, me, now)
        for index, chosen in enumerate(forms):
            # Ids are unique per run; the content is what a seed reproduces.
            meta = PaperMeta(str(uuid.uuid4()),
                             FORM_LETTERS[index], stored.id, stored.version, stored.sha256,
                             seed, me, now)
            sources = [PaperItemSource(item, _content(session, item), table.ancestors(item.point))
                       for item in chosen]
            paper = build_paper(meta, bp, sources, rng)
            papers_repo.insert_paper(session.vault, paper, assembly_id, now)
            papers.append(paper)
        session.record("assembly.run", f"assembly:{assembly_id}", {
            "blueprint": stored.id, "blueprint_version": stored.version,
            "blueprint_sha256": stored.sha256, "seed": seed, "forms": len(forms),
            "papers": [p["paper_id"] for p in papers], "notes": notes})
    return AssemblyOutcome(assembly_id, seed, papers, notes, reused)


def _content(session: Session, item: Item) -> QuestionContent:
    found = questions_repo.get_version(session.vault, item.qid, item.version)
    if found is None:
        raise ValidationError(f"试题 {item.qid} 第 {item.version} 版缺失。")
    return found.content

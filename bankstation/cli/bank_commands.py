"""Commands for banks and questions (`bank …`, `questions …`)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bankstation.cli.context import Context
from bankstation.cli.quality_text import print_report
from bankstation.cli.question_text import question_lines
from bankstation.cli.tables import print_table
from bankstation.domain.banks import Bank
from bankstation.domain.clock import short_time
from bankstation.domain.errors import UsageError
from bankstation.domain.occupations import LEVEL_LABELS
from bankstation.domain.qtypes import EXAM_LABELS, QType, Status
from bankstation.domain.question_codec import to_dict
from bankstation.domain.questions import Question, QuestionFilter, QuestionRow
from bankstation.domain.standards import parse_kind
from bankstation.services import banks, catalogue, elements, quality, questions, search


def _bank_json(bank: Bank) -> dict[str, Any]:
    return {"id": bank.id, "name": bank.name, "occupation": bank.occupation,
            "trade": bank.trade, "level": int(bank.level), "exam": bank.exam,
            "standard_id": bank.standard_id, "voided": bank.voided,
            "void_reason": bank.void_reason}


def bank_create(ctx: Context) -> int:
    a = ctx.args
    session = ctx.login("建立题库")
    bank = banks.create_bank(session, a.occupation, a.level, a.exam, parse_kind(a.standard_kind),
                             a.standard_title, a.standard_ref or "", a.trade)
    if a.json:
        ctx.print_json(_bank_json(bank))
    else:
        ctx.print(f"已建立题库 {bank.id}：{bank.name}")
    return 0


def bank_list(ctx: Context) -> int:
    session = ctx.login("查看题库")
    found = banks.list_banks(session)
    if ctx.args.json:
        ctx.print_json([_bank_json(b) for b in found])
        return 0
    print_table(ctx.out, ("编号", "题库", "职业", "等级", "类别", "状态"), [
        (b.id, b.name, b.occupation, LEVEL_LABELS[b.level], EXAM_LABELS[b.exam],
         "已废止" if b.voided else "在用") for b in found])
    return 0


def bank_report(ctx: Context) -> int:
    session = ctx.login("题库质量分析")
    report = quality.report(session, ctx.args.bank)
    if ctx.args.json:
        ctx.print_json(report.as_dict())
        return 0
    ids = sorted({int(p[k]) for p in report.near_duplicates for k in ("first", "second")})
    print_report(ctx.out, report, elements.table(session, ctx.args.bank),
                 search.question_rows(session, ids))
    return 0


def _filter(ctx: Context) -> QuestionFilter:
    a = ctx.args
    return QuestionFilter(
        qtype=QType(a.qtype) if getattr(a, "qtype", None) else None,
        status=Status(a.status) if getattr(a, "status", None) else None,
        point=getattr(a, "point", None),
    )


def _row_json(row: QuestionRow) -> dict[str, Any]:
    data = dataclasses.asdict(row)
    data["qtype"], data["status"] = row.qtype.value, row.status.value
    return data


def _print_rows(ctx: Context, rows: list[QuestionRow]) -> None:
    if ctx.args.json:
        ctx.print_json([_row_json(r) for r in rows])
        return
    print_table(ctx.out, ("编号", "试题编号", "题型", "鉴定点", "状态", "难度", "题干"), [
        (r.id, r.code or "", r.qtype.label, r.point, r.status.label, f"{r.difficulty:.2f}",
         r.stem_preview[:40]) for r in rows])


def questions_list(ctx: Context) -> int:
    session = ctx.login("查看试题")
    banks.get_bank(session, ctx.args.bank)  # a mistyped bank is an error, not an empty list
    ids = search.question_ids(session, ctx.args.bank, _filter(ctx), limit=ctx.args.limit)
    rows = search.question_rows(session, ids)
    _print_rows(ctx, [rows[i] for i in ids])
    return 0


def questions_search(ctx: Context) -> int:
    session = ctx.login("检索试题")
    banks.get_bank(session, ctx.args.bank)
    _print_rows(ctx, search.search(session, ctx.args.bank, ctx.args.text, ctx.args.limit))
    return 0


def question_json(q: Question) -> dict[str, Any]:
    return {"id": q.id, "bank": q.bank_id, "version": q.version, "status": q.status.value,
            "author": q.author, "created_at": q.created_at, "reviewer": q.reviewer,
            "reviewed_at": q.reviewed_at, "review_note": q.review_note,
            "content": to_dict(q.content)}


def questions_show(ctx: Context) -> int:
    session = ctx.login("查看试题")
    q = (questions.version(session, ctx.args.id, ctx.args.version) if ctx.args.version
         else questions.get(session, ctx.args.id))
    events = questions.events(session, q.id)
    if ctx.args.json:
        ctx.print_json({**question_json(q), "events": [dataclasses.asdict(e) for e in events]})
        return 0
    for line in question_lines(q):
        ctx.print(line)
    if events:
        ctx.print("处理记录：")
    for e in events:
        version = f"（第 {e.version} 版）" if e.version else ""
        note = f"：{e.note}" if e.note else ""
        ctx.print(f"  {short_time(e.at)}  {e.actor or ''}  {e.label}{version}{note}")
    return 0


def questions_approve(ctx: Context) -> int:
    a = ctx.args
    if bool(a.all) == bool(a.ids):
        raise UsageError("请给出试题编号，或用 --all 审核本题库全部待审核试题（二者取一）。")
    session = ctx.login("审核试题")
    done, refused = questions.approve_many(session, a.bank, None if a.all else a.ids)
    ctx.print(f"已通过 {len(done)} 道试题。")
    for qid, reason in refused:
        ctx.print(f"  未通过 {qid}：{reason}")
    return 0 if not refused or done else 1


def questions_reject(ctx: Context) -> int:
    session = ctx.login("审核试题")
    q = questions.reject(session, ctx.args.id, ctx.args.reason)
    ctx.print(f"已退回试题 {q.id}：{q.review_note}")
    return 0


def questions_retire(ctx: Context) -> int:
    session = ctx.login("停用试题")
    questions.retire(session, ctx.args.id, ctx.args.reason or "")
    ctx.print(f"已停用试题 {ctx.args.id}。")
    return 0


def occupation_search(ctx: Context) -> int:
    session = ctx.login("查找职业")
    found = catalogue.search(session, ctx.args.text)
    if ctx.args.json:
        ctx.print_json([{"code": o.code, "name": o.name, "digital": o.digital, "green": o.green,
                         "reference": o.reference} for o in found])
        return 0
    print_table(ctx.out, ("编码", "职业", "标记"), [
        (o.code, o.name, "、".join(t for t, on in (("数字职业", o.digital), ("绿色职业", o.green))
                                  if on)) for o in found])
    return 0


def occupation_add(ctx: Context) -> int:
    session = ctx.login("新增职业")
    made = catalogue.add_occupation(session, ctx.args.code, ctx.args.name, ctx.args.reference)
    ctx.print(f"已新增职业 {made.display}（依据：{made.reference}）。")
    return 0


def occupation_add_trade(ctx: Context) -> int:
    a = ctx.args
    session = ctx.login("新增工种")
    trade = catalogue.add_trade(session, a.occupation, a.code, a.name, a.reference)
    ctx.print(f"已在职业 {trade.occupation} 下新增工种 {trade.code} {trade.name}"
              f"（依据：{trade.reference}）。")
    return 0

"""`ledger show`: the three ledgers as tables or JSON."""

from __future__ import annotations

import dataclasses

from bankstation.cli.context import Context
from bankstation.cli.tables import print_table
from bankstation.domain.clock import short_time
from bankstation.domain.ledger import interface_label
from bankstation.domain.ledger_text import detail_text, subject_text
from bankstation.services import ledger, registers
from bankstation.services.session import Session


def show(ctx: Context, session: Session) -> int:
    kind, limit = ctx.args.kind, ctx.args.limit
    if kind == "room_access":
        rows = registers.list_room_access(session, -1 if limit is None else limit)
        if ctx.args.json:
            ctx.print_json([dataclasses.asdict(r) for r in rows])
            return 0
        header = ("序号", "姓名", "单位", "事由", "进入时间", "离开时间", "陪同", "登记人")
        print_table(ctx.out, header,
                    [(r.id, r.name, r.unit, r.purpose, short_time(r.time_in, seconds=False),
                      short_time(r.time_out, seconds=False), r.escort or "", r.recorded_by)
                     for r in rows])
        return 0
    if kind == "computer_use":
        uses = registers.list_computer_use(session, -1 if limit is None else limit)
        if ctx.args.json:
            ctx.print_json([dataclasses.asdict(u) for u in uses])
            return 0
        print_table(ctx.out, ("序号", "使用人", "事由", "开始", "结束", "方式", "所做工作"),
                    [(u.id, f"{u.full_name}（{u.account}）", u.purpose, short_time(u.started_at),
                      short_time(u.ended_at) or "（使用中）", interface_label(u.interface),
                      u.work_summary()) for u in uses])
        return 0
    if kind == "production":
        return _production(ctx, session, limit)
    subject = getattr(ctx.args, "subject", None)
    if subject:
        entries = ledger.subject_history(session, subject)[::-1][:limit]
    else:
        entries = ledger.audit_entries(session, limit)
    if ctx.args.json:
        ctx.print_json([dataclasses.asdict(e) for e in entries])
        return 0
    print_table(ctx.out, ("序号", "时间", "账户", "操作", "对象", "详情"),
                [(e.seq, short_time(e.at), e.actor or "", e.label, subject_text(e.subject),
                  detail_text(e.detail)) for e in entries])
    return 0


def _production(ctx: Context, session: Session, limit: int | None) -> int:
    entries = ledger.production_entries(session, limit)
    if ctx.args.json:
        ctx.print_json([dataclasses.asdict(e) for e in entries])
        return 0
    rows = []
    for e in entries:
        d = e.detail
        if e.action == "assembly.run":
            what = (f"方案 {d['blueprint']} 第 {d['blueprint_version']} 版"
                    f"（SHA-256 {str(d['blueprint_sha256'])[:12]}…），种子 {d['seed']}，"
                    f"{d['forms']} 套：{'、'.join(str(p)[:8] for p in d['papers'])}")
        else:
            what = str(e.subject or "") + (f"：{d.get('reason')}" if d.get("reason") else "")
        rows.append((e.seq, short_time(e.at), e.actor or "", e.label, what))
    print_table(ctx.out, ("序号", "时间", "账户", "操作", "内容"), rows)
    return 0

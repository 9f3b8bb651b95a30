"""Commands for blueprints, assembly and papers (`blueprint …`, `assemble`, `paper …`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bankstation.cli.context import Context
from bankstation.cli.tables import print_table
from bankstation.domain.clock import short_time
from bankstation.domain.papers import PaperStatus, paper_statistics
from bankstation.domain.qtypes import QType
from bankstation.services import assembly, blueprints, files, papers


def _read(path: str) -> str:
    return files.read_text(Path(path), "组卷方案文件")


def blueprint_json(session: Any, stored: blueprints.StoredBlueprint) -> dict[str, Any]:
    data = stored.blueprint.to_dict()
    data["cells"] = stored.blueprint.derived_cells()
    verdict = assembly.feasibility(session, stored.id)
    return {"id": stored.id, "bank": stored.bank_id, "version": stored.version,
            "status": stored.status.value, "sha256": stored.sha256, "author": stored.author,
            "reviewer": stored.reviewer, "blueprint": data,
            "feasibility": {"feasible": verdict.feasible, "reasons": verdict.reasons(),
                            "forms_supported": verdict.forms_supported}}


def blueprint_import(ctx: Context) -> int:
    session = ctx.login("导入组卷方案")
    parsed = blueprints.parse(_read(ctx.args.file))
    stored, warnings = blueprints.save(session, ctx.args.bank, parsed)
    if ctx.args.json:
        ctx.print_json({**blueprint_json(session, stored),
                        "warnings": [w.message for w in warnings]})
        return 0
    ctx.print(f"已保存组卷方案 {stored.id}（第 {stored.version} 版，{stored.status.label}），"
              f"SHA-256 {stored.sha256[:16]}…")
    for warning in warnings:
        ctx.print(f"  提示：{warning.message}")
    return 0


def blueprint_approve(ctx: Context) -> int:
    session = ctx.login("审核组卷方案")
    stored = blueprints.approve(session, ctx.args.id)
    ctx.print(f"组卷方案 {stored.id} 第 {stored.version} 版已审核通过并锁定"
              f"（SHA-256 {stored.sha256}）。")
    return 0


def blueprint_show(ctx: Context) -> int:
    session = ctx.login("查看组卷方案")
    stored = blueprints.get(session, ctx.args.id)
    data = blueprint_json(session, stored)
    if ctx.args.json:
        ctx.print_json(data)
        return 0
    bp = stored.blueprint
    ctx.print(f"{bp.title}（方案 {stored.id} 第 {stored.version} 版，{stored.status.label}）")
    ctx.print("题型：" + "；".join(f"{s.qtype.label} {s.count} 题 × {s.points:g} 分"
                                  for s in bp.sections) + f"；共 {bp.total_points:g} 分")
    cells = bp.derived_cells()
    qtypes = [s.qtype.value for s in bp.sections]
    print_table(ctx.out, ("鉴定范围", *(QType(q).label for q in qtypes)),
                [(scope, *(row.get(q, 0) for q in qtypes)) for scope, row in cells.items()])
    feas = data["feasibility"]
    ctx.print(f"题库可支持 {feas['forms_supported']} 套" if feas["feasible"]
              else "题库不能满足本方案：")
    for reason in feas["reasons"]:
        ctx.print(f"  {reason}")
    return 0


def assemble(ctx: Context) -> int:
    session = ctx.login("组卷")
    try:
        outcome = assembly.assemble(session, ctx.args.blueprint, ctx.args.forms, ctx.args.seed)
    except assembly.Infeasible as exc:
        if ctx.args.json:
            ctx.print_json({"ok": False, "reasons": exc.reasons})
        raise
    if ctx.args.json:
        ctx.print_json({"ok": True, "assembly": outcome.assembly_id, "seed": outcome.seed,
                        "notes": outcome.notes,
                        "reused": [{"scope": r.scope, "qtype": r.qtype,
                                    "questions": [{"question_id": q, "forms": f}
                                                  for q, f in r.questions.items()]}
                                   for r in outcome.reused],
                        "papers": [{"paper_id": p["paper_id"], "form": p["form"],
                                    "statistics": paper_statistics(p)} for p in outcome.papers]})
        return 0
    ctx.print(f"组卷完成（第 {outcome.assembly_id} 次组卷，种子 {outcome.seed}）：")
    for paper in outcome.papers:
        stats = paper_statistics(paper)
        ctx.print(f"  {paper['form']}卷 {paper['paper_id']}：{stats['items']} 题，"
                  f"平均难度 {stats['mean_difficulty']:.3f}，重要程度 "
                  + "，".join(f"{k} {v:g}%" for k, v in sorted(stats["importance"].items())))
    for note in outcome.notes:
        ctx.print(f"  注意：{note}")
    return 0


def paper_list(ctx: Context) -> int:
    session = ctx.login("查看试卷")
    rows = papers.list_papers(session)
    if ctx.args.json:
        ctx.print_json(rows)
        return 0
    print_table(ctx.out, ("试卷", "卷别", "状态", "组卷", "方案", "组卷人", "时间", "审定人"), [
        (r["paper_id"], r["form"], PaperStatus(r["status"]).label, r["assembly"], r["blueprint"],
         r["assembled_by"], short_time(r["assembled_at"]), r["approved_by"] or "")
        for r in rows])
    return 0


def paper_show(ctx: Context) -> int:
    session = ctx.login("查看试卷")
    paper = papers.get(session, ctx.args.id)
    if ctx.args.json:
        ctx.print_json(paper)
        return 0
    ctx.print(f"{paper['title']}（{paper['form']}卷，{PaperStatus(paper['status']).label}）"
              f" 共 {paper['total_points']:g} 分")
    for section in paper["sections"]:
        ctx.print(f"{section['heading']}（每题 {section['points_each']:g} 分）")
        for item in section["items"]:
            ctx.print(f"  {item['no']:>3}. 试题 {item['question_id']} 第 {item['version']} 版"
                      f"  {item['point']}  答案 {item['answer']}")
    return 0


def paper_approve(ctx: Context) -> int:
    session = ctx.login("审定试卷")
    paper = papers.approve(session, ctx.args.id)
    ctx.print(f"试卷 {paper['paper_id']}（{paper['form']}卷）已审定。")
    return 0


def paper_withdraw(ctx: Context) -> int:
    session = ctx.login("撤回试卷")
    paper = papers.withdraw(session, ctx.args.id, ctx.args.reason)
    ctx.print(f"试卷 {paper['paper_id']} 已撤回。")
    return 0

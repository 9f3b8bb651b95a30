"""`elements import|show` and `questions import`: files from a folder or inside an ISO image."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bankstation.cli.context import Context
from bankstation.cli.tables import print_table
from bankstation.domain.problems import Problem
from bankstation.services import banks, elements, imports
from bankstation.services.imports import Source


def source_of(text: str) -> Source:
    """``disc.iso::/资料/试题.xlsx`` names a file inside an image; anything else is a path."""
    if "::" in text:
        outer, inner = text.split("::", 1)
        return Source(Path(outer), inner)
    return Source(Path(text))


def _problem_json(p: Problem) -> dict[str, Any]:
    return {"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message}


def elements_import(ctx: Context) -> int:
    session = ctx.login("导入鉴定要素细目表")
    points = imports.import_elements(session, ctx.args.bank, source_of(ctx.args.file))
    ctx.print(f"已导入鉴定要素细目表：{points} 个鉴定点。")
    return 0


def elements_show(ctx: Context) -> int:
    session = ctx.login("查看鉴定要素细目表")
    banks.get_bank(session, ctx.args.bank)
    table = elements.table(session, ctx.args.bank)
    print_table(ctx.out, ("代码", "名称", "比重", "重要程度"), [
        (n.code, n.name, "" if n.weight is None else f"{n.weight:g}",
         n.importance.value if n.importance else "") for n in table.nodes.values()])
    return 0


def questions_import(ctx: Context) -> int:
    a = ctx.args
    session = ctx.login("导入试题")
    plan = imports.plan_import(session, a.bank, source_of(a.file))
    if plan.ok and not a.dry_run:
        imports.commit_import(session, plan)
    if a.json:
        ctx.print_json({
            "ok": plan.ok, "dry_run": a.dry_run, "saved": plan.ok and not a.dry_run,
            "added": len(plan.added), "new_versions": len(plan.new_versions),
            "edited": len(plan.edited), "unchanged": len(plan.unchanged),
            "problems": [_problem_json(p) for p in plan.problems],
            "warnings": [_problem_json(p) for p in plan.warnings]})
    else:
        verb = "检查结果" if a.dry_run or not plan.ok else "已导入"
        ctx.print(f"{verb}：{plan.summary()}。")
        for p in plan.warnings[:50]:
            ctx.print(f"  提示 {p}")
        for p in plan.problems[:200]:
            ctx.print(f"  问题 {p}")
        if not plan.ok:
            ctx.print("文件有问题，未导入任何试题。")
    return 0 if plan.ok else 1


def questions_export(ctx: Context) -> int:
    session = ctx.login("导出试题")
    count = imports.export_questions(session, ctx.args.bank, Path(ctx.args.file))
    ctx.print(f"已导出 {count} 道已通过的试题到 {ctx.args.file}。")
    return 0

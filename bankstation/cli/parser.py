"""The command-line grammar (argparse); global options are accepted before or after commands."""

from __future__ import annotations

import argparse

KINDS = ("audit", "computer_use", "room_access", "production")


def _globals(defaults: bool, purpose: bool = True) -> argparse.ArgumentParser:
    """Global options; on subcommands they default to SUPPRESS so they never overwrite."""
    parent = argparse.ArgumentParser(add_help=False)
    suppress = None if defaults else argparse.SUPPRESS
    parent.add_argument("--vault", default=suppress, help="题库文件路径（默认 $BANKSTATION_VAULT）")
    parent.add_argument("--user", default=suppress, help="登录账户名")
    parent.add_argument("--password-file", default=suppress, help="读取密码的文件（首行）")
    if purpose:
        parent.add_argument("--purpose", default=suppress, help="使用事由（记入使用登记）")
    return parent


def _add(
    target: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    helptext: str,
    purpose: bool = True,
) -> argparse.ArgumentParser:
    return target.add_parser(name, help=helptext, description=helptext,
                             parents=[_globals(False, purpose)])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bankstation",
        description="题库工作站（BankStation）：离线题库管理、组卷与台账。",
        parents=[_globals(True)],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _init(sub)
    _account(sub)
    _add(sub, "rekey", "更换题库密钥：旧密钥槽文件与旧密码从此失效")
    _ledger(sub)
    _room_log(sub)
    _bank(sub)
    _catalogue(sub)
    _elements(sub)
    _questions(sub)
    _papers(sub)
    demo = _add(sub, "demo", "创建演示题库（每个角色一个账户）并显示其密码")
    demo.add_argument("--replace", action="store_true", help="覆盖已有的演示题库")
    _add(sub, "gui", "启动图形界面（默认）")
    return parser


def _pledge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pledge-date", required=True, help="保密责任书签署日期 YYYY-MM-DD")
    parser.add_argument("--pledge-ref", required=True, help="保密责任书编号")


def _init(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = _add(sub, "init", "创建新的加密题库及其首个系统管理员")
    init.add_argument("--admin", required=True)
    init.add_argument("--full-name", required=True)
    _pledge_options(init)
    init.add_argument("--station-name", default="题库专用计算机")


def _account(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    acc = _add(sub, "account", "账户与保密责任书管理").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    add = _add(acc, "add", "新增账户")
    add.add_argument("name")
    add.add_argument("--roles", required=True, help="如 keeper,reviewer")
    add.add_argument("--full-name", required=True)
    _pledge_options(add)
    add.add_argument("--new-password-file")
    listing = _add(acc, "list", "列出账户")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--all", action="store_true", help="包括已删除的账户")
    passwd = _add(acc, "passwd", "修改密码（本人，或管理员为他人重置）")
    passwd.add_argument("name", nargs="?")
    passwd.add_argument("--new-password-file")
    _add(acc, "remove", "删除账户（保留其台账记录）").add_argument("name")
    pledge = _add(acc, "pledge", "登记或更新保密责任书")
    pledge.add_argument("name")
    _pledge_options(pledge)


def _ledger(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    led = _add(sub, "ledger", "台账：查看、检查点、校验").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    show = _add(led, "show", "查看台账")
    show.add_argument("--kind", choices=KINDS, default="audit")
    show.add_argument("--subject", help="只看某一对象的记录，如 question:12、paper:<编号>")
    show.add_argument("--json", action="store_true")
    show.add_argument("--limit", type=int, default=None)
    _add(led, "checkpoint", "签发台账检查点并写入文件").add_argument("--out", required=True)
    verify = _add(led, "verify", "校验全部台账（可对照检查点文件）")
    verify.add_argument("--checkpoint")
    verify.add_argument("--json", action="store_true")


def _room_log(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    rl = _add(sub, "room-log", "专用场所出入登记").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    # Here --purpose is the visitor's purpose; the session's goes before the command.
    add = _add(rl, "add", "登记一次出入", purpose=False)
    add.add_argument("--name", required=True)
    add.add_argument("--unit", required=True)
    add.add_argument("--purpose", dest="visit_purpose", required=True)
    add.add_argument("--time-in", required=True)
    add.add_argument("--time-out")
    add.add_argument("--escort")


def _bank(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bank = _add(sub, "bank", "题库：建立、列出、质量报告").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    create = _add(bank, "create", "建立题库（职业或工种、等级、考试类别、评价标准）")
    create.add_argument("--occupation", required=True, help="职业编码，如 6-31-01-03")
    create.add_argument("--trade", help="工种编码（可选）")
    create.add_argument("--level", required=True, help="1–5")
    create.add_argument("--exam", required=True, choices=("theory", "practical"))
    create.add_argument("--standard-kind", required=True,
                        help="national / industry / enterprise / special")
    create.add_argument("--standard-title", required=True)
    create.add_argument("--standard-ref", help="标准文号或版本")
    create.add_argument("--json", action="store_true")
    _add(bank, "list", "列出题库").add_argument("--json", action="store_true")
    report = _add(bank, "report", "题库质量报告")
    report.add_argument("bank", type=int)
    report.add_argument("--json", action="store_true")


def _elements(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    el = _add(sub, "elements", "鉴定要素细目表").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    imp = _add(el, "import", "导入鉴定要素细目表（.xlsx/.csv，整表替换）")
    imp.add_argument("bank", type=int)
    imp.add_argument("file")
    _add(el, "show", "显示鉴定要素细目表").add_argument("bank", type=int)


def _questions(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    qs = _add(sub, "questions", "试题：导入、列出、检索、审核").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    imp = _add(qs, "import", "导入试题（.xlsx/.csv/.txt）")
    imp.add_argument("bank", type=int)
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="只检查、预览，不保存")
    imp.add_argument("--json", action="store_true")
    export = _add(qs, "export", "导出已通过的试题为可再导入的 .xlsx")
    export.add_argument("bank", type=int)
    export.add_argument("file")
    listing = _add(qs, "list", "列出试题")
    listing.add_argument("bank", type=int)
    listing.add_argument("--status", choices=("draft", "submitted", "approved", "rejected",
                                              "retired"))
    listing.add_argument("--qtype")
    listing.add_argument("--point")
    listing.add_argument("--limit", type=int, default=-1)
    listing.add_argument("--json", action="store_true")
    find = _add(qs, "search", "全文检索试题")
    find.add_argument("bank", type=int)
    find.add_argument("text")
    find.add_argument("--limit", type=int, default=50)
    find.add_argument("--json", action="store_true")
    show = _add(qs, "show", "显示一道试题")
    show.add_argument("id", type=int)
    show.add_argument("--version", type=int)
    show.add_argument("--json", action="store_true")
    approve = _add(qs, "approve", "审核通过（审核员；不能审核本人编写的试题）")
    approve.add_argument("bank", type=int)
    approve.add_argument("ids", type=int, nargs="*")
    approve.add_argument("--all", action="store_true")
    reject = _add(qs, "reject", "退回试题")
    reject.add_argument("id", type=int)
    reject.add_argument("--reason", required=True)
    retire = _add(qs, "retire", "停用试题")
    retire.add_argument("id", type=int)
    retire.add_argument("--reason")


def _papers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    bp = _add(sub, "blueprint", "组卷方案：导入、审核、查看").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    imp = _add(bp, "import", "导入组卷方案（JSON）")
    imp.add_argument("bank", type=int)
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    _add(bp, "approve", "审核通过并锁定组卷方案").add_argument("id", type=int)
    show = _add(bp, "show", "查看组卷方案、双向细目表与可行性")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    asm = _add(sub, "assemble", "按组卷方案组卷")
    asm.add_argument("blueprint", type=int)
    asm.add_argument("--forms", type=int)
    asm.add_argument("--seed")
    asm.add_argument("--json", action="store_true")
    paper = _add(sub, "paper", "试卷：列出、查看、审定、撤回").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    _add(paper, "list", "列出试卷").add_argument("--json", action="store_true")
    show = _add(paper, "show", "查看试卷")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    _add(paper, "approve", "审定试卷（组卷人以外的人）").add_argument("id")
    withdraw = _add(paper, "withdraw", "撤回试卷")
    withdraw.add_argument("id")
    withdraw.add_argument("--reason", required=True)


def _catalogue(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    occ = _add(sub, "occupation", "职业目录：查找；管理员按通知新增职业或工种").add_subparsers(
        dest="action", metavar="ACTION", required=True)
    find = _add(occ, "search", "按编码或名称查找可建题库的职业（第三至六大类）")
    find.add_argument("text")
    find.add_argument("--json", action="store_true")
    add = _add(occ, "add", "新增大典未收录的职业（须注明发布通知）")
    add.add_argument("code")
    add.add_argument("--name", required=True)
    add.add_argument("--reference", required=True, help="发布该职业的通知或标准文号")
    trade = _add(occ, "add-trade", "在职业下新增工种（须注明依据）")
    trade.add_argument("occupation")
    trade.add_argument("code")
    trade.add_argument("--name", required=True)
    trade.add_argument("--reference", required=True)

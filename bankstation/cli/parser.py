"""The command-line grammar (argparse); global options are accepted before or after commands."""

from __future__ import annotations

import argparse

KINDS = ("audit", "computer_use", "room_access")


def _globals(defaults: bool, purpose: bool = True) -> argparse.ArgumentParser:
    """Global options; on subcommands they default to SUPPRESS so they never overwrite."""
    parent = argparse.ArgumentParser(add_help=False)
    d = (lambda v: v) if defaults else (lambda _v: argparse.SUPPRESS)
    parent.add_argument("--vault", default=d(None), help="题库文件路径（默认 $BANKSTATION_VAULT）")
    parent.add_argument("--user", default=d(None), help="登录账户名")
    parent.add_argument("--password-file", default=d(None), help="读取密码的文件（首行）")
    if purpose:
        parent.add_argument("--purpose", default=d(None), help="使用事由（记入使用登记）")
    return parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bankstation",
        description="题库工作站（BankStation）：离线题库管理、组卷与台账。",
        parents=[_globals(True)],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = [_globals(False)]

    def add(name: str, helptext: str, target: argparse._SubParsersAction[argparse.ArgumentParser]
            = sub, parents: list[argparse.ArgumentParser] = common) -> argparse.ArgumentParser:
        return target.add_parser(name, help=helptext, description=helptext, parents=parents)

    init = add("init", "创建新的加密题库及其首个系统管理员")
    init.add_argument("--admin", required=True)
    init.add_argument("--full-name", required=True)
    init.add_argument("--pledge-date", required=True)
    init.add_argument("--pledge-ref", required=True)
    init.add_argument("--station-name", default="题库专用计算机")

    account = add("account", "账户与保密责任书管理")
    acc = account.add_subparsers(dest="action", metavar="ACTION", required=True)
    a_add = add("add", "新增账户", acc)
    a_add.add_argument("name")
    a_add.add_argument("--roles", required=True, help="如 keeper,reviewer")
    a_add.add_argument("--full-name", required=True)
    a_add.add_argument("--pledge-date", required=True)
    a_add.add_argument("--pledge-ref", required=True)
    a_add.add_argument("--new-password-file")
    a_list = add("list", "列出账户", acc)
    a_list.add_argument("--json", action="store_true")
    a_list.add_argument("--all", action="store_true", help="包括已删除的账户")
    a_pw = add("passwd", "修改密码（本人，或管理员为他人重置）", acc)
    a_pw.add_argument("name", nargs="?")
    a_pw.add_argument("--new-password-file")
    a_rm = add("remove", "删除账户（保留其台账记录）", acc)
    a_rm.add_argument("name")
    a_pl = add("pledge", "登记或更新保密责任书", acc)
    a_pl.add_argument("name")
    a_pl.add_argument("--pledge-date", required=True)
    a_pl.add_argument("--pledge-ref", required=True)

    add("rekey", "更换题库密钥：旧密钥槽文件与旧密码从此失效")

    ledger = add("ledger", "台账：查看、检查点、校验")
    led = ledger.add_subparsers(dest="action", metavar="ACTION", required=True)
    l_show = add("show", "查看台账", led)
    l_show.add_argument("--kind", choices=KINDS, default="audit")
    l_show.add_argument("--json", action="store_true")
    l_show.add_argument("--limit", type=int, default=None)
    l_cp = add("checkpoint", "签发台账检查点并写入文件", led)
    l_cp.add_argument("--out", required=True)
    l_v = add("verify", "校验全部台账（可对照检查点文件）", led)
    l_v.add_argument("--checkpoint")
    l_v.add_argument("--json", action="store_true")

    room = add("room-log", "专用场所出入登记")
    rl = room.add_subparsers(dest="action", metavar="ACTION", required=True)
    # Here --purpose is the visitor's purpose; the session's comes before the command.
    r_add = add("add", "登记一次出入", rl, [_globals(False, purpose=False)])
    r_add.add_argument("--name", required=True)
    r_add.add_argument("--unit", required=True)
    r_add.add_argument("--purpose", dest="visit_purpose", required=True)
    r_add.add_argument("--time-in", required=True)
    r_add.add_argument("--time-out")
    r_add.add_argument("--escort")

    demo = add("demo", "创建演示题库（每个角色一个账户）并显示其密码")
    demo.add_argument("--replace", action="store_true", help="覆盖已有的演示题库")
    add("gui", "启动图形界面（默认）")
    return parser

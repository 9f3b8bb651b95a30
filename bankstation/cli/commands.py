"""One function per command; each logs in (when it must), calls a service, prints."""

from __future__ import annotations

from pathlib import Path

from bankstation.cli.context import Context
from bankstation.cli.tables import print_table
from bankstation.domain.accounts import make_pledge
from bankstation.domain.errors import VaultExists
from bankstation.domain.roles import parse_roles, roles_label
from bankstation.services import accounts, files, ledger, registers, station
from bankstation.services import demo as demo_service
from bankstation.services.files import keys_path, remove_vault_files, vault_files_exist, write_text
from bankstation.services.rekey import rekey as rekey_service


def init(ctx: Context) -> int:
    a = ctx.args
    pledge = make_pledge(a.pledge_date, a.pledge_ref, ctx.clock.now().date())
    password = ctx.new_password(a.password_file)
    station.init_vault(ctx.vault_path, a.admin, a.full_name, pledge, password, ctx.clock,
                       a.station_name, ctx.kdf)
    ctx.print(f"已创建题库：{ctx.vault_path}")
    ctx.print(f"密钥槽文件：{keys_path(ctx.vault_path)}（请与题库文件一同备份）")
    return 0


def demo(ctx: Context) -> int:
    path = ctx.vault_path
    if vault_files_exist(path):
        if not ctx.args.replace:
            raise VaultExists(f"{path} 已存在。如需重建演示题库，请加 --replace。")
        remove_vault_files(path)
    made = demo_service.create_demo(path, ctx.clock, ctx.kdf)
    ctx.print(f"已创建演示题库：{path}")
    ctx.print("演示账户（仅供演示，切勿用于真实题库）：")
    print_table(ctx.out, ("账户", "姓名", "角色", "密码"),
                [(m.name, m.full_name, roles_label(m.roles), m.password) for m in made])
    return 0


def account_add(ctx: Context) -> int:
    a = ctx.args
    session = ctx.login("账户管理")
    pledge = accounts.pledge_from(session, a.pledge_date, a.pledge_ref)
    password = ctx.new_password(a.new_password_file)
    made = accounts.add_account(session, a.name, a.full_name, parse_roles(a.roles), pledge,
                                password)
    ctx.print(f"已新增账户 {made.name}（{made.full_name}，{roles_label(made.roles)}）。")
    return 0


def account_list(ctx: Context) -> int:
    session = ctx.login("查看账户")
    rows = accounts.list_accounts(session, ctx.args.all)
    if ctx.args.json:
        ctx.print_json([
            {
                "name": r.name, "full_name": r.full_name,
                "roles": sorted(role.value for role in r.roles),
                "pledge_date": r.pledge.signed_on.isoformat() if r.pledge else None,
                "pledge_ref": r.pledge.reference if r.pledge else None,
                "active": r.active,
            }
            for r in rows
        ])
        return 0
    print_table(ctx.out, ("账户", "姓名", "角色", "保密责任书", "状态"), [
        (r.name, r.full_name, roles_label(r.roles),
         f"{r.pledge.signed_on} {r.pledge.reference}" if r.pledge else "未登记",
         "在用" if r.active else "已删除")
        for r in rows
    ])
    return 0


def account_passwd(ctx: Context) -> int:
    session = ctx.login("修改密码")
    name = ctx.args.name or session.account.name
    accounts.change_password(session, name, ctx.new_password(ctx.args.new_password_file))
    ctx.print(f"已修改账户 {name} 的密码。")
    return 0


def account_remove(ctx: Context) -> int:
    session = ctx.login("账户管理")
    accounts.remove_account(session, ctx.args.name)
    ctx.print(f"已删除账户 {ctx.args.name}（其台账记录保留）。"
              "建议随后执行 bankstation rekey，使其旧密钥副本彻底失效。")
    return 0


def account_pledge(ctx: Context) -> int:
    session = ctx.login("登记保密责任书")
    pledge = accounts.pledge_from(session, ctx.args.pledge_date, ctx.args.pledge_ref)
    accounts.record_pledge(session, ctx.args.name, pledge)
    ctx.print(f"已登记账户 {ctx.args.name} 的保密责任书"
              f"（{pledge.signed_on}，{pledge.reference}）。")
    return 0


def rekey(ctx: Context) -> int:
    session = ctx.login("更换题库密钥")
    count = rekey_service(session)
    ctx.print(f"已更换题库密钥，{count} 个账户的密钥槽已更新；旧的密钥槽文件副本和旧密码均已失效。")
    return 0


def ledger_show(ctx: Context) -> int:
    from bankstation.cli import ledger_views

    session = ctx.login("查看台账")
    return ledger_views.show(ctx, session)


def ledger_checkpoint(ctx: Context) -> int:
    session = ctx.login("签发台账检查点")
    text = ledger.checkpoint_text(session)
    write_text(Path(ctx.args.out), text)
    ctx.print(f"检查点已写入 {ctx.args.out}：")
    ctx.print(text)
    return 0


def ledger_verify(ctx: Context) -> int:
    session = ctx.login("校验台账")
    text = None
    if ctx.args.checkpoint:
        text = files.read_text(Path(ctx.args.checkpoint), "检查点文件")
    report = ledger.verify(session, text)
    if ctx.args.json:
        ctx.print_json(report.as_dict())
        return 0
    ctx.print(f"台账校验通过：共 {report.size} 条记录，"
              f"已核对 {report.checkpoints_checked} 个站内检查点。")
    if report.external:
        ctx.print(f"与检查点文件一致（{report.external.time}，{report.external.size} 条）。")
    return 0


def room_log_add(ctx: Context) -> int:
    a = ctx.args
    session = ctx.login("登记专用场所出入")
    row = registers.add_room_access(session, a.name, a.unit, a.visit_purpose, a.time_in,
                                    a.time_out, a.escort)
    ctx.print(f"已登记：{row.name}（{row.unit}）{row.time_in} 进入。")
    return 0


def gui(ctx: Context) -> int:
    from bankstation.app import run_gui

    return run_gui(ctx.vault_path, ctx.clock, ctx.kdf)

"""Dispatch: parse, run the command inside a logged session, map errors to exit codes.

Exit 0 on success, 1 on a known error (one line on stderr), 2 on a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from bankstation.cli import bank_commands, commands, import_commands, paper_commands
from bankstation.cli.context import Context
from bankstation.cli.parser import build_parser
from bankstation.domain.errors import BankStationError, UsageError
from bankstation.services import station

Handler = Callable[[Context], int]

HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("init", None): commands.init,
    ("demo", None): commands.demo,
    ("account", "add"): commands.account_add,
    ("account", "list"): commands.account_list,
    ("account", "passwd"): commands.account_passwd,
    ("account", "remove"): commands.account_remove,
    ("account", "pledge"): commands.account_pledge,
    ("rekey", None): commands.rekey,
    ("ledger", "show"): commands.ledger_show,
    ("ledger", "checkpoint"): commands.ledger_checkpoint,
    ("ledger", "verify"): commands.ledger_verify,
    ("room-log", "add"): commands.room_log_add,
    ("gui", None): commands.gui,
    ("occupation", "search"): bank_commands.occupation_search,
    ("occupation", "add"): bank_commands.occupation_add,
    ("occupation", "add-trade"): bank_commands.occupation_add_trade,
    ("bank", "create"): bank_commands.bank_create,
    ("bank", "list"): bank_commands.bank_list,
    ("bank", "report"): bank_commands.bank_report,
    ("elements", "import"): import_commands.elements_import,
    ("elements", "show"): import_commands.elements_show,
    ("questions", "import"): import_commands.questions_import,
    ("questions", "export"): import_commands.questions_export,
    ("questions", "list"): bank_commands.questions_list,
    ("questions", "search"): bank_commands.questions_search,
    ("questions", "show"): bank_commands.questions_show,
    ("questions", "approve"): bank_commands.questions_approve,
    ("questions", "reject"): bank_commands.questions_reject,
    ("questions", "retire"): bank_commands.questions_retire,
    ("blueprint", "import"): paper_commands.blueprint_import,
    ("blueprint", "approve"): paper_commands.blueprint_approve,
    ("blueprint", "show"): paper_commands.blueprint_show,
    ("assemble", None): paper_commands.assemble,
    ("paper", "list"): paper_commands.paper_list,
    ("paper", "show"): paper_commands.paper_show,
    ("paper", "approve"): paper_commands.paper_approve,
    ("paper", "withdraw"): paper_commands.paper_withdraw,
}


def main(argv: Sequence[str] | None = None, **overrides: object) -> int:
    """Run one command. ``overrides`` (clock, kdf, out, stdin) let tests inject collaborators."""
    args = build_parser().parse_args(argv)
    ctx = Context(args, **overrides)  # type: ignore[arg-type]
    command = args.command or "gui"
    handler = HANDLERS[(command, getattr(args, "action", None))]
    try:
        return handler(ctx)
    except UsageError as exc:
        print(f"bankstation: {exc.message}", file=sys.stderr)
        return 2
    except BankStationError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    finally:
        _end_session(ctx)


def _end_session(ctx: Context) -> None:
    if ctx.session is None:
        return
    try:
        station.logout(ctx.session, "命令结束")
    except BankStationError as exc:
        print(f"警告：退出登记未能保存：{exc.message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())

"""What a command runs with: parsed options, clock, KDF cost, streams, and the login."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bankstation.domain.clock import Clock
from bankstation.domain.errors import BankStationError, UsageError, os_reason
from bankstation.services import station
from bankstation.services.clock import SystemClock
from bankstation.services.config import DEFAULT_KDF, KdfParams
from bankstation.services.locations import default_vault_path
from bankstation.services.memory_check import memory_warning
from bankstation.services.network_check import network_warning
from bankstation.services.session import Session


@dataclass
class Context:
    args: argparse.Namespace
    clock: Clock = field(default_factory=SystemClock)
    kdf: KdfParams = DEFAULT_KDF
    out: TextIO = field(default_factory=lambda: sys.stdout)
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    session: Session | None = None

    @property
    def vault_path(self) -> Path:
        given = getattr(self.args, "vault", None)
        return Path(given).expanduser() if given else default_vault_path()

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def print_json(self, value: Any) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2), file=self.out)

    # -- secrets ---------------------------------------------------------------------------
    def password(self, prompt: str = "密码：") -> str:
        return read_secret(getattr(self.args, "password_file", None), "--password-file",
                           prompt, self.stdin)

    def new_password(self, option_value: str | None) -> str:
        if option_value:
            return read_secret(option_value, "--new-password-file", "", self.stdin)
        first = read_secret(None, "--new-password-file", "新密码：", self.stdin)
        if read_secret(None, "--new-password-file", "再次输入新密码：", self.stdin) != first:
            raise BankStationError("两次输入的新密码不一致。")
        return first

    # -- login -----------------------------------------------------------------------------
    def login(self, default_purpose: str) -> Session:
        user = getattr(self.args, "user", None)
        if not user:
            raise UsageError("此命令需要登录：请用 --user 指定账户。")
        purpose = getattr(self.args, "purpose", None) or default_purpose
        password = self.password()
        self.session = station.login(self.vault_path, user, password, purpose, self.clock,
                                     "cli", self.kdf)
        for warning in (network_warning(), memory_warning()):
            if warning:
                print(warning, file=sys.stderr)
        if self.session.failed_attempts:
            print(f"注意：自上次成功登录以来，该账户有 {self.session.failed_attempts} 次登录失败，"
                  "已记入台账。", file=sys.stderr)
        return self.session


def read_secret(path: str | None, option: str, prompt: str, stdin: TextIO) -> str:
    """First line of a file, or a prompt without echo when interactive."""
    if path:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                line = handle.readline()
        except OSError as exc:
            raise BankStationError(f"无法读取密码文件 {path}：{os_reason(exc)}") from None
        except UnicodeDecodeError:
            raise BankStationError(f"密码文件 {path} 不是 UTF-8 文本。") from None
        return line.rstrip("\r\n")
    if not stdin.isatty():
        raise UsageError(f"非交互运行时请用 {option} 提供密码。")
    return getpass.getpass(prompt)

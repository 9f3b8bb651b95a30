"""Accounts, confidentiality pledges (保密责任书) and the password policy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bankstation.domain.errors import ValidationError
from bankstation.domain.roles import Role

NAME_RE = re.compile(r"^[a-z][a-z0-9_.-]{1,31}$")
MIN_PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class Pledge:
    """A signed confidentiality pledge: the date it was signed and its document number."""

    signed_on: date
    reference: str


@dataclass(frozen=True)
class Account:
    name: str
    full_name: str
    roles: frozenset[Role]
    pledge: Pledge | None
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles

    @property
    def usable(self) -> bool:
        """An account may log in only when active and its pledge is recorded."""
        return self.active and self.pledge is not None


def check_account_name(name: str) -> str:
    """Account names are short lowercase identifiers so they sort and type alike everywhere."""
    if not NAME_RE.match(name):
        raise ValidationError(
            f"账户名「{name}」不合规：须以小写字母开头，由 2–32 个小写字母、数字、"
            "下划线、点或连字符组成。"
        )
    return name


def check_full_name(full_name: str) -> str:
    text = full_name.strip()
    if not text or len(text) > 64:
        raise ValidationError("姓名不能为空，且不超过 64 个字符。")
    return text


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。")
    if password.strip() != password:
        raise ValidationError("密码首尾不能有空格。")
    return password


def make_pledge(signed_on: str | date, reference: str, today: date) -> Pledge:
    """Validate a pledge: a real date not in the future and a non-empty document number."""
    if isinstance(signed_on, str):
        try:
            signed_on = date.fromisoformat(signed_on.strip())
        except ValueError:
            raise ValidationError(
                f"保密责任书签署日期「{signed_on}」格式错误，应为 YYYY-MM-DD。"
            ) from None
    if signed_on > today:
        raise ValidationError("保密责任书签署日期不能晚于今天。")
    ref = reference.strip()
    if not ref or len(ref) > 64:
        raise ValidationError("保密责任书编号不能为空，且不超过 64 个字符。")
    return Pledge(signed_on=signed_on, reference=ref)

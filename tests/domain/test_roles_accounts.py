"""Roles parsing and the account rules."""

from __future__ import annotations

from datetime import date

import pytest

from bankstation.domain.accounts import check_account_name, check_password, make_pledge
from bankstation.domain.errors import ValidationError
from bankstation.domain.roles import Role, format_roles, parse_roles, roles_label


def test_roles_parse_codes_and_chinese_names() -> None:
    assert parse_roles("keeper, 审核员") == {Role.KEEPER, Role.REVIEWER}
    assert format_roles({Role.SUPERVISOR, Role.ADMIN}) == "admin,supervisor"
    assert roles_label({Role.ASSEMBLER}) == "组卷员"


@pytest.mark.parametrize("text", ["", "keeper,boss", "  ,  "])
def test_bad_roles_are_refused_in_chinese(text: str) -> None:
    with pytest.raises(ValidationError, match="角色"):
        parse_roles(text)


@pytest.mark.parametrize("name", ["A", "x", "王五", "bad name", "1abc", "a" * 40])
def test_bad_account_names(name: str) -> None:
    with pytest.raises(ValidationError, match="账户名"):
        check_account_name(name)


def test_password_policy() -> None:
    with pytest.raises(ValidationError, match="8"):
        check_password("short")
    with pytest.raises(ValidationError, match="空格"):
        check_password(" leading-space")
    assert check_password("long-enough") == "long-enough"


def test_pledge_rules() -> None:
    today = date(2026, 11, 27)
    assert make_pledge("2026-01-05", " BM-1 ", today).reference == "BM-1"
    with pytest.raises(ValidationError, match="格式"):
        make_pledge("2026/01/05", "BM-1", today)
    with pytest.raises(ValidationError, match="晚于今天"):
        make_pledge("2026-12-01", "BM-1", today)
    with pytest.raises(ValidationError, match="编号"):
        make_pledge("2026-01-05", "  ", today)

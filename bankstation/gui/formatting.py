"""Account values as the Chinese text the account table shows."""

from __future__ import annotations

from bankstation.domain.accounts import Account


def account_status(account: Account) -> str:
    if not account.active:
        return "已删除"
    if account.pledge is None:
        return "未登记责任书，不能登录"
    return "正常"


def pledge_text(account: Account) -> str:
    pledge = account.pledge
    return f"{pledge.signed_on.isoformat()}　{pledge.reference}" if pledge else "未登记"

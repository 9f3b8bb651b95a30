"""Ledger values (ISO times, subjects, detail dicts) as the Chinese text the tables show."""

from __future__ import annotations

import json
from typing import Any

from bankstation.domain.accounts import Account
from bankstation.domain.clock import short_time
from bankstation.domain.ledger import action_label, interface_label

# Object kinds of `subject` ("account:li") as the audit table names them.
SUBJECT_LABELS = {
    "account": "账户",
    "computer_use": "使用登记",
    "room_access": "出入登记",
    "vault": "题库",
}

# Keys of the audit detail dicts written by the services, in Chinese.
DETAIL_LABELS = {
    "purpose": "事由",
    "reason": "原因",
    "counts": "工作",
    "interface": "方式",
    "failed_attempts": "失败登录",
    "last_failed_at": "最近失败",
    "full_name": "姓名",
    "roles": "角色",
    "pledge_date": "责任书日期",
    "pledge_ref": "责任书编号",
    "from": "原",
    "to": "新",
    "by_admin": "管理员重置",
    "name": "姓名",
    "unit": "单位",
    "time_in": "进入",
    "time_out": "离开",
    "escort": "陪同",
    "recorded_by": "登记人",
    "recorded_at": "登记时间",
    "station": "站名",
    "admin": "管理员",
    "station_key": "站点密钥",
    "slots": "密钥槽",
    "ledger_size": "台账条数",
}


def subject_text(subject: str | None) -> str:
    if not subject:
        return ""
    kind, _, ident = subject.partition(":")
    label = SUBJECT_LABELS.get(kind)
    if label is None or not ident:
        return subject
    return f"{label} {ident}" if kind in ("account", "vault") else f"{label} #{ident}"


def _value_text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "无"
    if key == "counts" and isinstance(value, dict):
        return "、".join(f"{action_label(k)}{v}项" for k, v in sorted(value.items())) or "无"
    if key == "interface" and isinstance(value, str):
        return interface_label(value)
    if key.endswith("_at") or key.startswith("time_"):
        return short_time(str(value))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def detail_text(detail: dict[str, Any]) -> str:
    """One line 'key：value；…' for the audit table (full text goes into the tooltip), the keys
    in the order of ``DETAIL_LABELS`` (what was done before how), unknown keys last."""
    order = {key: n for n, key in enumerate(DETAIL_LABELS)}
    keys = sorted(detail, key=lambda k: (order.get(k, len(order)), k))
    return "；".join(f"{DETAIL_LABELS.get(k, k)}：{_value_text(k, detail[k])}" for k in keys)


def account_status(account: Account) -> str:
    if not account.active:
        return "已删除"
    if account.pledge is None:
        return "未登记责任书，不能登录"
    return "正常"


def pledge_text(account: Account) -> str:
    pledge = account.pledge
    return f"{pledge.signed_on.isoformat()}　{pledge.reference}" if pledge else "未登记"

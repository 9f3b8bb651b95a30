"""Ledger entries as the Chinese an inspector reads: subjects, detail keys and their values.

The GUI's audit table and the CLI's `ledger show` both print entries through this module.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from bankstation.domain.clock import short_time
from bankstation.domain.ledger import action_label, interface_label
from bankstation.domain.occupations import Level
from bankstation.domain.qtypes import EXAM_LABELS, QType, Status
from bankstation.domain.roles import Role
from bankstation.domain.standards import StandardKind

# Object kinds of `subject` ("account:li") as the audit table names them.
SUBJECT_LABELS = {
    "account": "账户",
    "computer_use": "使用登记",
    "room_access": "出入登记",
    "vault": "题库文件",
    "occupation": "职业",
    "trade": "工种",
    "standard": "评价标准",
    "bank": "题库",
    "image": "图片",
    "question": "试题",
    "blueprint": "组卷方案",
    "assembly": "组卷",
    "paper": "试卷",
}

# Keys of the audit detail dicts written by the services, in Chinese, in the order shown (what
# was done before how).
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
    "source": "来源文件",
    "added": "新增",
    "new_versions": "新版本",
    "edited": "修改",
    "unchanged": "未变",
    "questions": "试题",
    "group": "互斥组",
    "bank": "题库",
    "occupation": "职业",
    "trade": "工种",
    "level": "等级",
    "exam": "类别",
    "standard": "评价标准",
    "kind": "标准类别",
    "title": "名称",
    "reference": "依据",
    "code": "编码",
    "qtype": "题型",
    "point": "鉴定点",
    "points": "鉴定点数",
    "scopes": "鉴定范围数",
    "previous_nodes": "原有条目数",
    "version": "版本",
    "status": "状态",
    "note": "说明",
    "blueprint": "组卷方案",
    "blueprint_version": "方案版本",
    "blueprint_sha256": "方案 SHA-256",
    "sha256": "SHA-256",
    "seed": "随机种子",
    "forms": "套数",
    "form": "卷别",
    "papers": "试卷",
    "notes": "提示",
    "warnings": "提示",
    "file": "文件",
    "count": "数量",
    "statuses": "状态",
    "mime": "格式",
    "width": "宽",
    "height": "高",
    "bytes": "字节",
}
_ID_RANGE_ROLES = {"added": "新增", "new_versions": "新版本", "edited": "修改"}
MAX_SPANS = 10  # id ranges shown per kind before the rest is only counted


def subject_text(subject: str | None) -> str:
    """'question:12' -> '试题 #12', 'account:li' -> '账户 li'; unknown kinds as they are."""
    if not subject:
        return ""
    kind, _, ident = subject.partition(":")
    label = SUBJECT_LABELS.get(kind)
    if label is None or not ident:
        return subject
    return f"{label} #{ident}" if ident.isdigit() else f"{label} {ident}"


def detail_text(detail: dict[str, Any]) -> str:
    """One line 'key：value；…', the keys in the order of ``DETAIL_LABELS``, unknown keys last."""
    order = {key: n for n, key in enumerate(DETAIL_LABELS)}
    keys = sorted(detail, key=lambda k: (order.get(k, len(order)), k))
    return "；".join(f"{DETAIL_LABELS.get(k, k)}：{value_text(k, detail[k])}" for k in keys)


def value_text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "无"
    special = _SPECIAL.get(key)
    if special is not None:
        text = special(value)
        if text is not None:
            return text
    if key.endswith("_at") or key.startswith("time_"):
        return short_time(str(value))
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return "、".join(map(str, value)) or "无"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _counts(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    return "、".join(f"{action_label(k)}{v}项" for k, v in sorted(value.items())) or "无"


def _enum_label(cls: Any) -> Callable[[Any], str | None]:
    """The ``label`` of the member of ``cls`` whose value this is, else None."""
    members = {member.value: member for member in cls}

    def text(value: Any) -> str | None:
        member = members.get(value) if isinstance(value, str | int) else None
        return str(member.label) if member is not None else None
    return text


_status = _enum_label(Status)
_role = _enum_label(Role)


def _status_or_roles(value: Any) -> str | None:
    """A question's or blueprint's status ('submitted'), or a set of roles ('keeper,reviewer')
    — the ``from``/``to`` of a status change and of a change of roles."""
    if not isinstance(value, str):
        return None
    if (status := _status(value)) is not None:
        return status
    roles = [_role(r.strip()) for r in value.split(",")]
    return "、".join(r for r in roles if r) if roles and all(roles) else None


def _id_ranges(value: Any) -> str | None:
    """An import's questions ({"added": [[1, 644]], …}) or a list of ids (an enemy group)."""
    if isinstance(value, list) and all(isinstance(v, int) for v in value):
        return "、".join(f"#{v}" for v in value) or "无"
    if not isinstance(value, dict):
        return None
    parts = []
    for key, role in _ID_RANGE_ROLES.items():
        pairs = [p for p in value.get(key) or [] if isinstance(p, list) and len(p) == 2
                 and all(isinstance(n, int) for n in p)]
        spans = [f"#{a}" if a == b else f"#{a}–#{b}" for a, b in pairs[:MAX_SPANS]]
        if len(pairs) > MAX_SPANS:  # a table cell, not the whole list: --json has that
            spans.append(f"…（共 {sum(b - a + 1 for a, b in pairs)} 道）")
        if spans:
            parts.append(f"{role} {'、'.join(spans)}")
    return "，".join(parts) or "无"


def _interface(value: Any) -> str | None:
    return interface_label(value) if isinstance(value, str) else None


_SPECIAL: dict[str, Callable[[Any], str | None]] = {
    "counts": _counts,
    "interface": _interface,
    "status": _status_or_roles,
    "from": _status_or_roles,
    "to": _status_or_roles,
    "roles": _status_or_roles,
    "exam": lambda v: EXAM_LABELS.get(v) if isinstance(v, str) else None,
    "kind": _enum_label(StandardKind),
    "qtype": _enum_label(QType),
    "level": _enum_label(Level),
    "questions": _id_ranges,
}

"""Ledger entries: their canonical bytes, and the Chinese names of the recorded actions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

# The kinds `ledger show --kind` knows. `audit` is the Merkle log of every change; the other
# two are registers whose every row is also written, in full, into the audit log.
LEDGER_KINDS = ("audit", "computer_use", "room_access", "production")

ACTION_LABELS: dict[str, str] = {
    "vault.init": "创建题库",
    "vault.migrate": "升级题库结构",
    "vault.rekey": "更换题库密钥",
    "account.add": "新增账户",
    "account.remove": "删除账户",
    "account.passwd": "修改密码",
    "account.pledge": "登记保密责任书",
    "account.roles": "修改角色",
    "session.login": "登录",
    "session.logout": "退出",
    "session.lock": "锁定",
    "session.unlock": "解锁",
    "room_access.add": "登记出入",
    "ledger.checkpoint": "台账检查点",
    "occupation.add": "新增职业",
    "trade.add": "新增工种",
    "standard.add": "登记评价标准",
    "bank.create": "建立题库",
    "elements.replace": "更新鉴定要素细目表",
    "image.add": "添加图片",
    "question.create": "新增试题",
    "question.edit": "修改试题",
    "question.submit": "提交审核",
    "question.approve": "审核通过试题",
    "question.reject": "退回试题",
    "question.retire": "停用试题",
    "question.enemy_group": "设置互斥组",
    "questions.import": "导入试题",
    "questions.export": "导出试题",
    "blueprint.save": "保存组卷方案",
    "blueprint.approve": "审核通过组卷方案",
    "blueprint.reject": "退回组卷方案",
    "assembly.run": "组卷",
    "paper.approve": "审定试卷",
    "paper.withdraw": "撤回试卷",
}
# The paper-production ledger (组卷制卷记录) is the audit entries of these actions.
PRODUCTION_ACTIONS = ("assembly.", "paper.")

# Session bookkeeping is not "work done" in the computer-use register's counts.
SESSION_ACTIONS = frozenset({"session.login", "session.logout", "session.lock", "session.unlock"})


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def canonical_json(value: Any) -> bytes:
    """Deterministic UTF-8 JSON: sorted keys, no spaces, non-ASCII kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class LedgerEntry:
    """One audit entry; ``seq`` is 1-based and the entry is leaf ``seq - 1`` of the tree."""

    seq: int
    at: str
    actor: str | None
    session: int | None
    action: str
    subject: str | None
    detail: dict[str, Any] = field(default_factory=dict)

    def body(self) -> bytes:
        """The exact bytes hashed into the tree; every field is covered."""
        return canonical_json(
            {
                "seq": self.seq,
                "at": self.at,
                "actor": self.actor,
                "session": self.session,
                "action": self.action,
                "subject": self.subject,
                "detail": self.detail,
            }
        )

    @classmethod
    def from_body(cls, body: bytes) -> LedgerEntry:
        data = json.loads(body)
        return cls(
            seq=data["seq"],
            at=data["at"],
            actor=data["actor"],
            session=data["session"],
            action=data["action"],
            subject=data["subject"],
            detail=data["detail"],
        )

    @property
    def label(self) -> str:
        return action_label(self.action)


INTERFACE_LABELS = {"gui": "图形界面", "cli": "命令行"}


def interface_label(interface: str) -> str:
    """How a session was used (使用方式), as the register reads."""
    return INTERFACE_LABELS.get(interface, interface)


@dataclass(frozen=True)
class ComputerUse:
    """One row of 题库专用计算机使用登记: a session from login to logout."""

    id: int
    account: str
    full_name: str
    purpose: str
    interface: str
    started_at: str
    ended_at: str | None
    end_reason: str | None
    counts: dict[str, int]

    def work_summary(self) -> str:
        if not self.counts:
            return "无数据变更"
        return "；".join(f"{action_label(k)} {v} 项" for k, v in sorted(self.counts.items()))


@dataclass(frozen=True)
class RoomAccess:
    """One row of 专用场所出入登记, entered by a supervisor."""

    id: int
    name: str
    unit: str
    purpose: str
    time_in: str
    time_out: str | None
    escort: str | None
    recorded_by: str
    recorded_at: str

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "purpose": self.purpose,
            "time_in": self.time_in,
            "time_out": self.time_out,
            "escort": self.escort,
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at,
        }

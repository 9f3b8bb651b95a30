"""Roles (DESIGN.md §2) and their Chinese names."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from bankstation.domain.errors import ValidationError


class Role(StrEnum):
    ADMIN = "admin"
    KEEPER = "keeper"
    REVIEWER = "reviewer"
    ASSEMBLER = "assembler"
    SUPERVISOR = "supervisor"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "系统管理员",
    Role.KEEPER: "题库管理员",
    Role.REVIEWER: "审核员",
    Role.ASSEMBLER: "组卷员",
    Role.SUPERVISOR: "监督员",
}


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    """Parse ``keeper,reviewer`` (or Chinese names) into a set of roles; reject unknown ones."""
    items = text.replace("，", ",").split(",") if isinstance(text, str) else list(text)
    by_label = {label: role for role, label in ROLE_LABELS.items()}
    roles: set[Role] = set()
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        if item in by_label:
            roles.add(by_label[item])
            continue
        try:
            roles.add(Role(item.lower()))
        except ValueError:
            known = "、".join(f"{r.value}（{r.label}）" for r in Role)
            raise ValidationError(f"未知角色「{item}」。可用角色：{known}。") from None
    if not roles:
        raise ValidationError("至少需要指定一个角色。")
    return frozenset(roles)


def format_roles(roles: Iterable[Role]) -> str:
    """Stable comma list of role codes, in the order of the enum."""
    present = set(roles)
    return ",".join(r.value for r in Role if r in present)


def roles_label(roles: Iterable[Role]) -> str:
    present = set(roles)
    return "、".join(r.label for r in Role if r in present)

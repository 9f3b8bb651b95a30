"""Evaluation standards (评价标准) and their precedence (宿人社通〔2022〕48号 二(一)).

A national standard (国家职业技能标准) voids industry and enterprise norms for the occupation;
without one, an industry norm (行业评价规范) is followed before an enterprise norm. Special
ability norms (专项职业能力考核规范) are a separate track and never void each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from bankstation.domain.errors import ValidationError


class StandardKind(StrEnum):
    NATIONAL = "national"
    INDUSTRY = "industry"
    ENTERPRISE = "enterprise"
    SPECIAL = "special"

    @property
    def label(self) -> str:
        return STANDARD_LABELS[self]


STANDARD_LABELS = {
    StandardKind.NATIONAL: "国家职业技能标准",
    StandardKind.INDUSTRY: "行业评价规范",
    StandardKind.ENTERPRISE: "企业评价规范",
    StandardKind.SPECIAL: "专项职业能力考核规范",
}
RANK = {StandardKind.NATIONAL: 3, StandardKind.INDUSTRY: 2, StandardKind.ENTERPRISE: 1}


def parse_kind(text: str) -> StandardKind:
    value = text.strip()
    for kind in StandardKind:
        if value in (kind.value, kind.label):
            return kind
    known = "、".join(f"{k.value}（{k.label}）" for k in StandardKind)
    raise ValidationError(f"评价标准类别「{text}」无效，可选：{known}。")


@dataclass(frozen=True)
class Standard:
    id: int
    occupation: str
    kind: StandardKind
    title: str
    reference: str
    issued_on: date | None


def voided_by(standard: Standard, others: list[Standard]) -> Standard | None:
    """The standard of the same occupation that voids ``standard``, if any."""
    rank = RANK.get(standard.kind)
    if rank is None:
        return None
    better = [s for s in others if s.occupation == standard.occupation
              and RANK.get(s.kind, 0) > rank]
    return max(better, key=lambda s: RANK[s.kind]) if better else None


def void_reason(standard: Standard, by: Standard) -> str:
    return (f"本题库依据的{standard.kind.label}「{standard.title}」已因{by.kind.label}"
            f"「{by.title}」（{by.reference}）的发布而废止，不能再用于组卷。")

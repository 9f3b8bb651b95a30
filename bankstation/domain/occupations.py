"""Occupations of the 2022 catalogue (国家职业分类大典), trades (工种), and who may carry a bank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from bankstation.domain.errors import ValidationError

CODE_RE = re.compile(r"^[1-8]-\d{2}-\d{2}-\d{2}$")
TRADE_CODE_RE = re.compile(r"^[1-8]-\d{2}-\d{2}-\d{2}-\d{2}$")
# The 2022 edition marks digital (L) and green (S) occupations with a suffix on the name.
MARKER_RE = re.compile(r"(?<=[^A-Za-z])([LS](?:/[LS])?)$")
# 职业技能等级认定 covers major groups 3–6 only (宿人社通〔2022〕48号 一(一)).
BANK_GROUPS = frozenset({3, 4, 5, 6})


class Level(IntEnum):
    """Skill levels, 5 (entry) to 1 (highest)."""

    FIVE = 5
    FOUR = 4
    THREE = 3
    TWO = 2
    ONE = 1

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self]


LEVEL_LABELS = {
    Level.FIVE: "五级/初级工",
    Level.FOUR: "四级/中级工",
    Level.THREE: "三级/高级工",
    Level.TWO: "二级/技师",
    Level.ONE: "一级/高级技师",
}


def parse_level(value: object) -> Level:
    text = str(value).strip().removesuffix("级")
    numerals = {"五": 5, "四": 4, "三": 3, "二": 2, "一": 1}
    number = numerals.get(text) or (int(text) if text.isdigit() else 0)
    try:
        return Level(number)
    except ValueError:
        raise ValidationError(f"等级「{value}」无效：应为 1–5（一级/高级技师 至 五级/初级工）。")\
            from None


@dataclass(frozen=True)
class Occupation:
    code: str
    name: str
    definition: str = ""
    digital: bool = False
    green: bool = False
    reference: str | None = None  # set for occupations added after the catalogue

    @property
    def major_group(self) -> int:
        return int(self.code[0])

    @property
    def may_carry_bank(self) -> bool:
        return self.major_group in BANK_GROUPS

    @property
    def display(self) -> str:
        return f"{self.code} {self.name}"


@dataclass(frozen=True)
class Trade:
    """A 工种 under an occupation; always added with the document that defines it."""

    code: str
    name: str
    occupation: str
    reference: str


def strip_markers(name: str) -> tuple[str, bool, bool]:
    """``工程测量工程技术人员L/S`` -> (``工程测量工程技术人员``, digital, green)."""
    match = MARKER_RE.search(name)
    if not match:
        return name.strip(), False, False
    marks = match.group(1)
    return name[: match.start()].strip(), "L" in marks, "S" in marks


def check_occupation_code(code: str) -> str:
    if not CODE_RE.match(code):
        raise ValidationError(f"职业编码「{code}」格式错误，应如 6-31-01-03。")
    return code


def check_bank_occupation(occupation: Occupation) -> None:
    if not occupation.may_carry_bank:
        raise ValidationError(
            f"职业「{occupation.display}」属于第 {occupation.major_group} 大类；"
            "职业技能等级认定题库只能建立在第三至第六大类的职业上。"
        )


def check_reference(reference: str, what: str) -> str:
    text = reference.strip()
    if len(text) < 4:
        raise ValidationError(f"新增{what}必须注明发布该{what}的通知或标准文号（"
                              "如 人社部发〔2024〕1号）。")
    return text

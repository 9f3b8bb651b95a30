"""Parsing answers, difficulty and marking points as people write them (DESIGN.md §6)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bankstation.domain.errors import ValidationError

LETTERS = "ABCDEFGH"
JUDGE_TRUE = {"√", "✓", "✔", "对", "正确", "T", "TRUE", "Y", "是"}
JUDGE_FALSE = {"×", "✗", "✘", "X", "错", "错误", "F", "FALSE", "N", "否"}
DIFFICULTY_WORDS = {"易": 0.85, "较易": 0.75, "中等": 0.65, "较难": 0.50, "难": 0.35}
DIFFICULTY_GRADES = {1: 0.85, 2: 0.75, 3: 0.65, 4: 0.50, 5: 0.35}
MARK_RE = re.compile(r"【得分点】\s*(.+?)\s*[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
DEFAULT_DIFFICULTY = 0.65


@dataclass(frozen=True)
class MarkingPoint:
    text: str
    points: float


def parse_judge(text: str) -> str:
    value = text.strip().upper().strip("（）() ")
    if value in JUDGE_TRUE:
        return "√"
    if value in JUDGE_FALSE:
        return "×"
    raise ValidationError(f"判断题答案「{text}」无法识别，应为 √ 或 ×（也可写 对/错、正确/错误、"
                          "T/F）。")


def _letters(text: str) -> list[str]:
    cleaned = re.sub(r"[\s,，、;；/|]+", "", text.strip().upper())
    if not cleaned or any(ch not in LETTERS for ch in cleaned):
        raise ValidationError(f"答案「{text}」应由选项字母 A–H 组成。")
    return list(cleaned)


def parse_single(text: str, option_count: int) -> str:
    letters = _letters(text)
    if len(letters) != 1:
        raise ValidationError(f"单项选择题只能有一个答案，「{text}」给了 {len(letters)} 个。")
    _check_in_range(letters, option_count, text)
    return letters[0]


def parse_multiple(text: str, option_count: int) -> str:
    letters = _letters(text)
    if len(set(letters)) != len(letters):
        raise ValidationError(f"多项选择题答案「{text}」中有重复的字母。")
    if len(letters) < 2:
        raise ValidationError(f"多项选择题至少要有两个正确答案，「{text}」只有一个。")
    _check_in_range(letters, option_count, text)
    return "".join(sorted(letters))


def _check_in_range(letters: list[str], option_count: int, text: str) -> None:
    if option_count < 1:
        raise ValidationError("选择题没有选项，无法核对答案。")
    allowed = LETTERS[:option_count]
    outside = [ch for ch in letters if ch not in allowed]
    if outside:
        raise ValidationError(
            f"答案「{text}」中的 {'、'.join(outside)} 不在选项之中（"
            f"本题只有 {allowed[0]}–{allowed[-1]}）。"
        )


def parse_fill(text: str) -> tuple[tuple[str, ...], ...]:
    """``电阻；欧姆/Ω`` -> (("电阻",), ("欧姆", "Ω")): blanks by ；or |, alternatives by /."""
    blanks = []
    for part in re.split(r"[；;|]", text.strip()):
        alternatives = tuple(a.strip() for a in part.split("/") if a.strip())
        if not alternatives:
            raise ValidationError(f"填空题答案「{text}」中有空白的空。")
        blanks.append(alternatives)
    return tuple(blanks)


def format_fill(blanks: tuple[tuple[str, ...], ...]) -> str:
    return "；".join("/".join(alternatives) for alternatives in blanks)


def count_blanks(stem: str) -> int:
    """Blanks in a stem: runs of underscores or empty brackets （　）."""
    return len(re.findall(r"_{2,}|＿{2,}|[（(]\s*[）)]", stem))


def parse_difficulty(value: object) -> float:
    """A coefficient 0–1, a grade 1–5, or 易/较易/中等/较难/难."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_DIFFICULTY
    text = str(value).strip()
    if text in DIFFICULTY_WORDS:
        return DIFFICULTY_WORDS[text]
    try:
        number = float(text)
    except ValueError:
        raise ValidationError(
            f"难度「{text}」无法识别：填 0–1 的难度系数、1–5 的等级，或 易/较易/中等/较难/难。"
        ) from None
    if number.is_integer() and int(number) in DIFFICULTY_GRADES and number >= 1:
        return DIFFICULTY_GRADES[int(number)]
    if 0 < number < 1:
        return round(number, 3)
    raise ValidationError(f"难度「{text}」超出范围：难度系数应在 0–1 之间，等级应为 1–5。")


def difficulty_word(value: float) -> str:
    """Nearest 易…难 word for a coefficient."""
    return min(DIFFICULTY_WORDS, key=lambda w: abs(DIFFICULTY_WORDS[w] - value))


def parse_marking(text: str) -> tuple[MarkingPoint, ...]:
    return tuple(MarkingPoint(m.group(1), float(m.group(2))) for m in MARK_RE.finditer(text))


def format_marking(points: tuple[MarkingPoint, ...]) -> str:
    return "\n".join(f"【得分点】{p.text}（{p.points:g}分）" for p in points)

"""Builders shared by the topic modules: one small dict per question, options not yet placed.

A choice question keeps its right and wrong options apart; generate.py shuffles them into
lettered slots so that the answer letters come out balanced over the whole bank.
"""

from __future__ import annotations

import math
from typing import Any

Question = dict[str, Any]

JUDGE = "判断题"
SINGLE = "单项选择题"
MULTIPLE = "多项选择题"
SHORT = "简答题"
CALC = "计算题"
ESSAY = "论述题"

# Difficulty coefficients of the five verbal levels (DESIGN.md §3).
EASY, FAIRLY_EASY, MEDIUM, FAIRLY_HARD, HARD = 0.85, 0.75, 0.65, 0.50, 0.35

TEXTBOOK = "《电工（中级）》培训教程"


LEVELS = (EASY, FAIRLY_EASY, MEDIUM, FAIRLY_HARD, HARD)


def harder(diff: float) -> float:
    """The next level down the scale (lower coefficient = harder); HARD stays HARD."""
    index = LEVELS.index(diff)
    return LEVELS[min(index + 1, len(LEVELS) - 1)]


def judge(point: str, stem: str, ok: bool, why: str, diff: float = FAIRLY_EASY, *,
          src: str = TEXTBOOK, group: str = "", tpl: bool = False) -> Question:
    """A true/false statement; ``why`` states the fact (for a false one, the correct fact).

    False statements are rated one level harder: candidates tend to accept a plausible
    statement, so false items are answered correctly less often than true ones.
    """
    return {"qtype": JUDGE, "point": point, "stem": stem, "answer": "√" if ok else "×",
            "right": [], "wrong": [], "diff": diff if ok else harder(diff), "why": why, "src": src,
            "group": group, "tpl": tpl}


def single(point: str, stem: str, right: str, wrong: list[str], why: str,
           diff: float = MEDIUM, *, src: str = TEXTBOOK, group: str = "",
           tpl: bool = False) -> Question:
    """One right option and exactly three wrong ones."""
    if len(wrong) != 3 or right in wrong or len(set(wrong)) != 3:
        raise ValueError(f"single choice needs 3 distinct wrong options: {stem}")
    return {"qtype": SINGLE, "point": point, "stem": stem, "answer": "", "right": [right],
            "wrong": list(wrong), "diff": diff, "why": why, "src": src, "group": group,
            "tpl": tpl}


def multi(point: str, stem: str, right: list[str], wrong: list[str], why: str,
          diff: float = MEDIUM, *, src: str = TEXTBOOK, group: str = "",
          tpl: bool = False) -> Question:
    """Two to four right options, four or five options in all.

    A multiple-choice item scores only when every right option and no wrong one is chosen,
    so it is rated one level harder than the ``diff`` its content alone would get.
    """
    total = len(right) + len(wrong)
    if not 2 <= len(right) <= 4 or total not in (4, 5) or len(set(right + wrong)) != total:
        raise ValueError(f"multiple choice needs 2-4 right of 4-5 distinct options: {stem}")
    return {"qtype": MULTIPLE, "point": point, "stem": stem, "answer": "", "right": list(right),
            "wrong": list(wrong), "diff": harder(diff), "why": why, "src": src, "group": group,
            "tpl": tpl}


def subjective(qtype: str, point: str, stem: str, answer: str, diff: float = FAIRLY_HARD,
               *, why: str = "", src: str = TEXTBOOK) -> Question:
    """简答题, 计算题 or 论述题 with a reference answer carrying 【得分点】 marks."""
    if "【得分点】" not in answer:
        raise ValueError(f"subjective answer without marking points: {stem}")
    return {"qtype": qtype, "point": point, "stem": stem, "answer": answer, "right": [],
            "wrong": [], "diff": diff, "why": why, "src": src, "group": "", "tpl": False}


def fmt(value: float, places: int = 2) -> str:
    """A number as an exam prints it: no trailing zeros, at most ``places`` decimals."""
    rounded = round(value, places)
    if math.isclose(rounded, round(rounded)):
        return str(round(rounded))
    return f"{rounded:.{places}f}".rstrip("0").rstrip(".")


def numeric(point: str, stem: str, value: float, unit: str, others: list[float], why: str,
            diff: float = MEDIUM, *, places: int = 2, src: str = TEXTBOOK) -> Question:
    """A templated single choice whose options are numbers with a unit.

    ``others`` lists plausible wrong results (typical slips); the first three that print
    differently from the right one and from each other are used.
    """
    right = f"{fmt(value, places)}{unit}"
    wrong: list[str] = []
    # fall-backs after the typical slips, so three distinct wrong options always exist
    for other in [*others, value * 2, value / 2, value * 1.5, value + 1]:
        text = f"{fmt(other, places)}{unit}"
        if other > 0 and text != right and text not in wrong:
            wrong.append(text)
        if len(wrong) == 3:
            break
    if len(wrong) < 3:
        raise ValueError(f"not enough distinct distractors: {stem} -> {right} {others}")
    return single(point, stem, right, wrong, why, diff, src=src, tpl=True)

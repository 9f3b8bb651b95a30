"""Questions: the versioned content of each type, its rules, and the record around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from bankstation.domain.answers import (
    LETTERS,
    MarkingPoint,
    count_blanks,
    format_fill,
)
from bankstation.domain.markup import flat_markup
from bankstation.domain.qtypes import QType, Status

IMAGE_MARK_RE = re.compile(r"\[\[图片:([0-9a-f]{16,64})\]\]")
MAX_TEXT = 4000
MAX_OPTION = 500


@dataclass(frozen=True)
class RubricRow:
    """One row of a practical task's 评分表."""

    content: str  # 考核内容
    element: str  # 评分要素
    points: float  # 配分
    criteria: str  # 评分标准


@dataclass(frozen=True)
class QuestionContent:
    """Everything a version of a question says; a new version replaces it whole."""

    qtype: QType
    point: str
    stem: str
    options: tuple[str, ...] = ()
    answer: str = ""
    blanks: tuple[tuple[str, ...], ...] = ()
    marking: tuple[MarkingPoint, ...] = ()
    difficulty: float = 0.65
    analysis: str = ""
    source: str = ""
    enemy_group: str | None = None
    code: str | None = None
    time_limit: int | None = None
    site_prep: str = ""
    candidate_prep: str = ""
    rubric: tuple[RubricRow, ...] = ()

    def image_ids(self) -> list[str]:
        texts = [self.stem, *self.options, self.analysis, self.answer]
        return sorted({m for t in texts for m in IMAGE_MARK_RE.findall(t)})

    def with_changes(self, **changes: Any) -> QuestionContent:
        return replace(self, **changes)

    def answer_text(self) -> str:
        if self.qtype is QType.FILL:
            return format_fill(self.blanks)
        return self.answer

    def search_text(self) -> str:
        """What full-text search sees: stem, options, analysis, answer."""
        return "\n".join([self.stem, *self.options, self.analysis, self.answer_text()])

    def question_text(self) -> str:
        """What near-duplicate checks compare: the stem and options. Not the analysis, source
        or answer: a copy entered with its own 解析 is still the same question."""
        return "\n".join([self.stem, *self.options])

    def total_rubric_points(self) -> float:
        return sum(r.points for r in self.rubric)


@dataclass(frozen=True)
class Question:
    """A question as stored: id, version, status and who wrote it, around its content."""

    id: int
    bank_id: int
    version: int
    status: Status
    author: str
    created_at: str
    content: QuestionContent
    reviewer: str | None = None
    reviewed_at: str | None = None
    review_note: str | None = None
    used_count: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def content_problems(content: QuestionContent) -> list[str]:
    """Every rule the content breaks, as Chinese sentences (empty when it is sound)."""
    out: list[str] = []
    if not content.stem.strip():
        out.append("题干不能为空。")
    if len(content.stem) > MAX_TEXT:
        out.append(f"题干过长（{len(content.stem)} 字，上限 {MAX_TEXT} 字）。")
    if not 0 < content.difficulty < 1:
        out.append("难度系数应在 0–1 之间。")
    out.extend(_type_problems(content))
    return out


def _type_problems(c: QuestionContent) -> list[str]:
    if c.qtype is QType.JUDGE:
        return [] if c.answer in ("√", "×") else ["判断题答案应为 √ 或 ×。"]
    if c.qtype.is_choice:
        return _choice_problems(c)
    if c.qtype is QType.FILL:
        return _fill_problems(c)
    if c.qtype is QType.PRACTICAL:
        return _practical_problems(c)
    if not c.answer.strip():
        return [f"{c.qtype.label}需要参考答案。"]
    return []


def _choice_problems(c: QuestionContent) -> list[str]:
    out = []
    if not 2 <= len(c.options) <= 8:
        out.append(f"选择题应有 2–8 个选项，本题有 {len(c.options)} 个。")
    for letter, text in zip(LETTERS, c.options, strict=False):
        if not text.strip():
            out.append(f"选项 {letter} 为空。")
        elif len(text) > MAX_OPTION:
            out.append(f"选项 {letter} 过长（上限 {MAX_OPTION} 字）。")
    if len({o.strip() for o in c.options}) != len(c.options):
        out.append("有两个选项内容相同。")
    allowed = LETTERS[: len(c.options)]
    if not c.answer or any(ch not in allowed for ch in c.answer):
        out.append(f"答案「{c.answer}」不在选项之中。")
    elif c.qtype is QType.SINGLE and len(c.answer) != 1:
        out.append("单项选择题只能有一个答案。")
    elif c.qtype is QType.MULTIPLE and len(c.answer) < 2:
        out.append("多项选择题至少要有两个正确答案。")
    return out


def _fill_problems(c: QuestionContent) -> list[str]:
    if not c.blanks:
        return ["填空题需要答案。"]
    holes = count_blanks(c.stem)
    if holes and holes != len(c.blanks):
        return [f"题干有 {holes} 个空，答案却给了 {len(c.blanks)} 个。"]
    return []


def _practical_problems(c: QuestionContent) -> list[str]:
    out = []
    if not c.time_limit or c.time_limit <= 0:
        out.append("操作技能考核题需要时限（分钟）。")
    if not c.rubric:
        out.append("操作技能考核题需要评分表。")
    for i, row in enumerate(c.rubric, 1):
        if row.points <= 0:
            out.append(f"评分表第 {i} 行的配分应大于 0。")
        if not row.content.strip() or not row.criteria.strip():
            out.append(f"评分表第 {i} 行缺少考核内容或评分标准。")
    return out


@dataclass(frozen=True)
class QuestionFilter:
    """What the question table and `questions list` may narrow by."""

    qtype: QType | None = None
    status: Status | None = None
    point: str | None = None  # a point code, or a scope code meaning everything under it
    min_difficulty: float | None = None
    max_difficulty: float | None = None
    enemy_group: str | None = None
    used: bool | None = None
    text: str | None = None


@dataclass(frozen=True)
class QuestionRow:
    """The columns of the question table, read for a page of ids at a time."""

    id: int
    code: str | None
    qtype: QType
    point: str
    status: Status
    difficulty: float
    stem_preview: str
    author: str
    updated_at: str
    version: int
    used_count: int
    enemy_group: str | None


def preview(stem: str, length: int = 80) -> str:
    """The stem on one line of plain text, cut to ``length``: images as [图], tags flattened."""
    flat = IMAGE_MARK_RE.sub("[图]", flat_markup(" ".join(stem.split())))
    return flat if len(flat) <= length else flat[: length - 1] + "…"

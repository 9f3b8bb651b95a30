"""Turning one question's raw text fields into QuestionContent, naming each field that is wrong."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from bankstation.domain.answers import (
    LETTERS,
    MarkingPoint,
    parse_difficulty,
    parse_fill,
    parse_judge,
    parse_marking,
    parse_multiple,
    parse_single,
)
from bankstation.domain.elements import POINT_RE, ElementTable
from bankstation.domain.errors import ValidationError
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, RubricRow, content_problems
from bankstation.formats.text_clean import code_key, nfkc

OPTION_COLUMNS = tuple(f"选项{letter}" for letter in LETTERS)
PRACTICAL_COLUMNS = ("时限", "考场准备", "考生准备")
_MINUTES_RE = re.compile(r"^(\d+)(?:\.0+)?\s*(?:分钟|分|min|MIN|minutes?)?$")

Issue = tuple[str | None, str]  # (column, message)


@dataclass(frozen=True)
class RawQuestion:
    """A question's fields as written; ``options`` are A…H in order, empty where not filled."""

    qtype: QType
    point: str = ""
    stem: str = ""
    options: tuple[str, ...] = ()
    answer: str = ""
    difficulty: str = ""
    analysis: str = ""
    source: str = ""
    enemy_group: str = ""
    code: str = ""
    time_limit: str = ""
    site_prep: str = ""
    candidate_prep: str = ""


@dataclass
class Built:
    content: QuestionContent  # complete once build_question returns
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    handled: set[str | None] = field(default_factory=set)

    def error(self, column: str | None, message: str) -> None:
        self.errors.append((column, message))
        self.handled.add(column)


def build_question(raw: RawQuestion, rubric: tuple[RubricRow, ...] = (),
                   table: ElementTable | None = None, rubric_checked: bool = False) -> Built:
    """Content plus every problem; use the content only when ``errors`` is empty.

    ``rubric_checked`` says the caller already checked each rubric row where it stands.
    """
    point = _point_key(raw.point)
    built = Built(_PENDING)
    point_message = point_problem(point, table)
    if point_message:
        built.error("鉴定点", point_message)
    if not raw.stem:
        built.error("题干", "题干为空。")
    options = _options(raw, built)
    answer, blanks, marking = _answer(raw, options, built)
    difficulty = _difficulty(raw.difficulty, built)
    time_limit = _time_limit(raw, built)
    practical = raw.qtype is QType.PRACTICAL
    built.content = QuestionContent(
        qtype=raw.qtype, point=point, stem=raw.stem, options=options, answer=answer,
        blanks=blanks, marking=marking, difficulty=difficulty, analysis=raw.analysis,
        source=raw.source, enemy_group=raw.enemy_group or None, code=raw.code or None,
        time_limit=time_limit, site_prep=raw.site_prep if practical else "",
        candidate_prep=raw.candidate_prep if practical else "",
        rubric=rubric if practical else (),
    )
    for message in content_problems(built.content):
        if rubric_checked and message.startswith("评分表第"):
            continue  # already reported on the rubric row itself
        column = locate(message)
        if column not in built.handled:
            built.errors.append((column, message))
    return built


_PENDING = QuestionContent(QType.JUDGE, "", "")
# A file names a few hundred points at most and writes its answers and difficulties in a few
# dozen ways: each distinct text is normalised and parsed once (the caches are bounded).
_point_key = functools.lru_cache(maxsize=4096)(code_key)


def point_problem(point: str, table: ElementTable | None) -> str | None:
    if not point:
        return "缺少鉴定点代码。"
    if table is None:
        if POINT_RE.match(point) is None:
            return (f"鉴定点代码「{point}」格式错误：应为鉴定范围代码加三位数字，如 AB001。")
        return None
    node = table.nodes.get(point)
    if node is None:
        return f"鉴定点「{point}」不在鉴定要素细目表中。"
    if not node.is_point:
        return f"「{point}」是鉴定范围，不是鉴定点：请填写其下的鉴定点代码（如 {point}001）。"
    return None


def _options(raw: RawQuestion, built: Built) -> tuple[str, ...]:
    if not raw.qtype.is_choice:
        if any(raw.options):
            built.warnings.append(("选项A", f"{raw.qtype.label}不需要选项，已忽略所填选项。"))
        return ()
    filled = [i for i, text in enumerate(raw.options) if text]
    if filled and filled[-1] == len(filled) - 1:  # A, B, … in order without a gap
        return tuple(raw.options[: len(filled)])
    options = tuple(raw.options[i] for i in filled)
    if not filled:
        built.error("选项A", "选择题没有选项：请从「选项A」起依次填写。")
        built.handled.add("答案")
    else:
        gap = next(i for i in range(len(filled)) if i not in filled)
        given = "、".join(LETTERS[i] for i in filled)
        built.error(OPTION_COLUMNS[gap], f"选项不连续：填了 {given}，缺少 {LETTERS[gap]}。"
                    "选项应从 A 起依次填写，中间不能空。")
        built.handled.add("答案")  # the answer's letters cannot be trusted across a gap
    return options


Answer = tuple[str, tuple[tuple[str, ...], ...], tuple[MarkingPoint, ...]]


def _answer(raw: RawQuestion, options: tuple[str, ...], built: Built) -> Answer:
    """(answer, blanks, marking) as the type wants them."""
    text, qtype = raw.answer, raw.qtype
    if qtype is QType.PRACTICAL:
        return text, (), ()
    if qtype.is_subjective:
        return text, (), parse_marking(text)
    if not text:
        if "答案" not in built.handled:
            built.error("答案", f"{qtype.label}缺少答案。")
        return "", (), ()
    if "答案" in built.handled:
        return "", (), ()
    if qtype is QType.FILL:
        try:
            return "", parse_fill(text), ()
        except ValidationError as exc:
            built.error("答案", exc.message)
            return "", (), ()
    answer, message = _choice_or_judge(qtype, text, len(options))
    if message is not None:
        built.error("答案", message)
    return answer, (), ()


@functools.lru_cache(maxsize=4096)
def _choice_or_judge(qtype: QType, text: str, option_count: int) -> tuple[str, str | None]:
    """(answer, None), or ("", why not) for a judge, single or multiple answer."""
    try:
        if qtype is QType.JUDGE:
            return parse_judge(nfkc(text)), None
        if qtype is QType.SINGLE:
            return parse_single(nfkc(text), option_count), None
        return parse_multiple(nfkc(text), option_count), None
    except ValidationError as exc:
        return "", exc.message


def _difficulty(text: str, built: Built) -> float:
    value, message = _difficulty_value(text)
    if message is not None:
        built.error("难度", message)
    return value


@functools.lru_cache(maxsize=4096)
def _difficulty_value(text: str) -> tuple[float, str | None]:
    try:
        return parse_difficulty(nfkc(text)), None
    except ValidationError as exc:
        return 0.65, exc.message


def _time_limit(raw: RawQuestion, built: Built) -> int | None:
    if raw.qtype is not QType.PRACTICAL:
        if not (raw.time_limit or raw.site_prep or raw.candidate_prep):
            return None
        filled = [c for c, v in zip(PRACTICAL_COLUMNS, (raw.time_limit, raw.site_prep,
                                                        raw.candidate_prep), strict=True) if v]
        if filled:
            message = f"只有操作技能考核题需要{'、'.join(filled)}，已忽略。"
            built.warnings.append((filled[0], message))
        return None
    text = nfkc(raw.time_limit)
    if not text:
        return None  # content_problems says a practical task needs one
    match = _MINUTES_RE.match(text)
    if match is None or int(match.group(1)) <= 0:
        built.error("时限", f"时限「{text}」应为正整数分钟数，如 60。")
        return None
    return int(match.group(1))


# content_problems speaks in sentences; these say which column each sentence is about.
_COLUMN_OF = (
    ("题干有", "答案"), ("题干", "题干"), ("难度", "难度"), ("选项 ", None),
    ("选择题应有", "选项A"), ("有两个选项", None), ("操作技能考核题需要时限", "时限"),
    ("操作技能考核题需要评分表", "试题编号"), ("评分表", "试题编号"),
)


def locate(message: str) -> str | None:
    """The column a content_problems sentence is about (answers are the default)."""
    if message.startswith("选项 ") and len(message) > 3 and message[3] in LETTERS:
        return f"选项{message[3]}"
    for prefix, column in _COLUMN_OF:
        if message.startswith(prefix):
            return column
    return "答案"

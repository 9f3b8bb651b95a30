"""Questions pasted from Word as text (DESIGN.md §6): headings, numbered questions, 答案 lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bankstation.domain.answers import LETTERS, parse_judge
from bankstation.domain.elements import ElementTable
from bankstation.domain.errors import ValidationError
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import EXAM_LABELS, QTYPE_ALIASES, QTYPE_LABELS, QType
from bankstation.formats.parsed import ParsedQuestion, ParsedQuestions
from bankstation.formats.question_fields import RawQuestion, build_question
from bankstation.formats.text_clean import clean_text, nfkc

# Headings name a type as the 题型 column does (labels and the aliases of domain/qtypes.py).
TYPE_NAMES = QTYPE_ALIASES | {label: qtype for qtype, label in QTYPE_LABELS.items()}
KEYS = {"答案": "answer", "参考答案": "answer", "正确答案": "answer", "标准答案": "answer",
        "解析": "analysis", "答案解析": "analysis", "试题解析": "analysis",
        "难度": "difficulty", "难度系数": "difficulty", "鉴定点": "point",
        "出处": "source", "试题编号": "code", "互斥组": "enemy_group"}
_KEY_ALTS = "|".join(sorted(KEYS, key=len, reverse=True))
KEY_RE = re.compile(rf"^(?:【({_KEY_ALTS})】|({_KEY_ALTS})\s*[:：])\s*(.*)$")
HEADING_RE = re.compile(r"^[一二三四五六七八九十]+\s*[、.．]\s*(.+)$")
NUMBER_RE = re.compile(r"^(\d{1,4})\s*[.、．](?!\d)\s*(.*)$")
OPTION_RE = re.compile(r"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ])([A-HＡ-Ｈ])\s*[.、．]")
JUDGE_TAIL_RE = re.compile(r"\s*[（(]\s*([√×✓✗✔✘对错])\s*[）)]\s*$")
FREE_TEXT = ("answer", "analysis")
COLUMN_FIELDS = {"答案": "answer", "难度": "difficulty", "鉴定点": "point"}


@dataclass
class _Draft:
    line: int
    number: int
    qtype: QType | None
    stem: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    option_lines: list[int] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    current: str = "stem"
    list_number: int = 0  # last "n." item inside a free-text answer or analysis

    def text(self, name: str) -> str:
        return "\n".join(self.fields.get(name, [])).strip()


def parse_question_text(text: str, default_point: str | None = None, *,
                        table: ElementTable | None = None,
                        exam: str | None = None) -> ParsedQuestions:
    """Every question in the text; problems carry the line number as their row."""
    reader = _Reader()
    for number, line in enumerate(text.splitlines(), 1):
        reader.feed(number, clean_text(line))
    reader.finish()
    out = ParsedQuestions(warnings=reader.warnings)
    for draft in reader.drafts:
        _build(draft, default_point, table, exam, out)
    if not reader.drafts and not out.problems:
        out.problems.append(Problem(None, None, "文本中没有找到试题：试题应以「1.」「1、」"
                                    "这样的题号开头，并放在「一、判断题」这样的题型标题之下。"))
    return out


class _Reader:
    """A line-by-line state machine that cuts the text into question drafts."""

    def __init__(self) -> None:
        self.section: QType | None = None
        self.draft: _Draft | None = None
        self.drafts: list[_Draft] = []
        self.warnings: list[Problem] = []
        self.blank_before = False

    def feed(self, number: int, line: str) -> None:
        if not line:
            self.blank_before = True
            return
        self._line(number, line)
        self.blank_before = False

    def finish(self) -> None:
        if self.draft is not None:
            self.drafts.append(self.draft)
        self.draft = None

    def _line(self, number: int, line: str) -> None:
        heading = _heading(line)
        if heading is not None:
            self.finish()
            self.section = heading
            return
        key = KEY_RE.match(line)
        if key is not None:
            self._key(number, KEYS[key.group(1) or key.group(2)], key.group(3))
            return
        start = NUMBER_RE.match(line)
        if start is not None and self._starts_question(int(start.group(1))):
            self.finish()
            self.draft = _Draft(number, int(start.group(1)), self.section, [start.group(2)])
            return
        draft = self.draft
        if draft is None:
            message = f"这一行不属于任何试题，已忽略：「{line[:30]}」"
            self.warnings.append(Problem(number, None, message))
            return
        if self._options(number, line, draft):
            return
        self._continue(line, draft, start)

    def _key(self, number: int, name: str, value: str) -> None:
        draft = self.draft
        if draft is None:
            self.warnings.append(Problem(number, None, "这一行在第一道试题之前，已忽略。"))
            return
        draft.fields[name] = [value]
        draft.lines[name] = number
        draft.current = name
        start = NUMBER_RE.match(value)
        draft.list_number = int(start.group(1)) if start else 0

    def _starts_question(self, n: int) -> bool:
        """A numbered line starts a question, except inside a numbered answer or analysis."""
        draft = self.draft
        if draft is None or self.blank_before or draft.current not in FREE_TEXT:
            return True
        if n == draft.list_number + 1:
            return False  # the next item of the answer's own list
        return n == draft.number + 1

    def _options(self, number: int, line: str, draft: _Draft) -> bool:
        if draft.current not in ("stem", "option"):
            return False
        if draft.qtype is not None and not draft.qtype.is_choice:
            return False
        found = split_options(line, len(draft.options))
        for text in found:
            draft.options.append(text)
            draft.option_lines.append(number)
        if found:
            draft.current = "option"
        return bool(found)

    def _continue(self, line: str, draft: _Draft, start: re.Match[str] | None) -> None:
        if draft.current == "stem":
            draft.stem.append(line)
        elif draft.current == "option":
            draft.options[-1] = f"{draft.options[-1]}\n{line}"
        else:
            draft.fields[draft.current].append(line)
            if start is not None:
                draft.list_number = int(start.group(1))


def _heading(line: str) -> QType | None:
    match = HEADING_RE.match(line)
    if match is None:
        return None
    name = re.split(r"[（(]", nfkc(match.group(1)), maxsplit=1)[0].strip()
    return TYPE_NAMES.get(name)


def split_options(line: str, have: int) -> list[str]:
    """``A.电阻 B.电容`` -> ["电阻", "电容"] when the line starts with the next option letter."""
    marks = list(OPTION_RE.finditer(line))
    if not marks or marks[0].start() != 0 or have >= len(LETTERS):
        return []
    if nfkc(marks[0].group(1)) != LETTERS[have]:
        return []
    chosen = [marks[0]]
    for mark in marks[1:]:
        following = have + len(chosen)
        if following < len(LETTERS) and nfkc(mark.group(1)) == LETTERS[following]:
            chosen.append(mark)
    ends = [m.start() for m in chosen[1:]] + [len(line)]
    return [line[m.end():end].strip() for m, end in zip(chosen, ends, strict=True)]


def _build(draft: _Draft, default_point: str | None, table: ElementTable | None,
           exam: str | None, out: ParsedQuestions) -> None:
    stem, answer = "\n".join(draft.stem).strip(), draft.text("answer")
    if draft.qtype in (None, QType.JUDGE) and not answer:
        tail = JUDGE_TAIL_RE.search(stem)
        if tail is not None:  # 「……（√）」: the answer written at the end of the stem
            stem, answer = stem[: tail.start()].rstrip(), tail.group(1)
    qtype = draft.qtype or _infer(draft.options, answer)
    label = f"第 {draft.number} 题："
    if qtype is None:
        out.problems.append(Problem(draft.line, None, label + "无法判断题型：请在试题前加上"
                                    "「一、判断题」「二、单项选择题」这样的题型标题。"))
        return
    raw = RawQuestion(
        qtype=qtype, point=draft.text("point") or default_point or "", stem=stem,
        options=tuple(draft.options), answer=answer, difficulty=draft.text("difficulty"),
        analysis=draft.text("analysis"), source=draft.text("source"),
        enemy_group=draft.text("enemy_group"), code=draft.text("code"),
    )
    built = build_question(raw, (), table)
    errors = list(built.errors)
    if exam and qtype.exam != exam:
        errors.append(("题型", f"「{qtype.label}」不属于{EXAM_LABELS.get(exam, exam)}题库。"))
    for column, message in errors:
        out.problems.append(Problem(_line_of(draft, column), None, label + message))
    for column, message in built.warnings:
        out.warnings.append(Problem(_line_of(draft, column), None, label + message))
    if not errors:
        out.items.append(ParsedQuestion(draft.line, built.content))


def _infer(options: list[str], answer: str) -> QType | None:
    """The type of a question under no heading, from its options or its answer."""
    if options:
        letters = [ch for ch in nfkc(answer).upper() if ch in LETTERS]
        return QType.MULTIPLE if len(letters) > 1 else QType.SINGLE
    try:
        parse_judge(answer)
    except ValidationError:
        return None
    return QType.JUDGE


def _line_of(draft: _Draft, column: str | None) -> int:
    if column and column.startswith("选项") and column != "选项":
        index = LETTERS.find(column[-1])
        if 0 <= index < len(draft.option_lines):
            return draft.option_lines[index]
    name = COLUMN_FIELDS.get(column or "")
    return draft.lines.get(name, draft.line) if name else draft.line

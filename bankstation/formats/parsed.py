"""What a question importer hands back: the sound questions, the errors and the warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from bankstation.domain.problems import Problem
from bankstation.domain.questions import QuestionContent


@dataclass(frozen=True)
class ParsedQuestion:
    """A question without errors, with the row (or, for text, line) it started on."""

    row: int
    content: QuestionContent
    occupation: str | None = None  # 职业编码 column, when the file has one
    level: int | None = None  # 等级 column, when the file has one


@dataclass
class ParsedQuestions:
    """``items`` holds only the questions without errors; save nothing while ``problems``."""

    items: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

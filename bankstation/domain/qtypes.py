"""Question types (题型), question statuses, and which exam kind each type belongs to."""

from __future__ import annotations

from enum import StrEnum


class QType(StrEnum):
    JUDGE = "judge"
    SINGLE = "single"
    MULTIPLE = "multiple"
    FILL = "fill"
    SHORT = "short"
    CALC = "calc"
    ESSAY = "essay"
    CASE = "case"
    PRACTICAL = "practical"

    @property
    def label(self) -> str:
        return QTYPE_LABELS[self]

    @property
    def is_choice(self) -> bool:
        return self in CHOICE

    @property
    def is_subjective(self) -> bool:
        return self in SUBJECTIVE

    @property
    def exam(self) -> str:
        return "practical" if self is QType.PRACTICAL else "theory"


QTYPE_LABELS = {
    QType.JUDGE: "判断题",
    QType.SINGLE: "单项选择题",
    QType.MULTIPLE: "多项选择题",
    QType.FILL: "填空题",
    QType.SHORT: "简答题",
    QType.CALC: "计算题",
    QType.ESSAY: "论述题",
    QType.CASE: "案例分析题",
    QType.PRACTICAL: "操作技能考核题",
}
CHOICE = frozenset({QType.SINGLE, QType.MULTIPLE})
SUBJECTIVE = frozenset({QType.SHORT, QType.CALC, QType.ESSAY, QType.CASE})
EXAM_LABELS = {"theory": "理论知识", "practical": "操作技能"}
QTYPE_ALIASES = {"单选题": QType.SINGLE, "多选题": QType.MULTIPLE, "选择题": QType.SINGLE,
                 "操作题": QType.PRACTICAL, "实操题": QType.PRACTICAL, "案例题": QType.CASE,
                 "是非题": QType.JUDGE, "不定项选择题": QType.MULTIPLE, "问答题": QType.SHORT,
                 # the short forms banks' own spreadsheets use in the 题型 column
                 "判断": QType.JUDGE, "单选": QType.SINGLE, "多选": QType.MULTIPLE,
                 "填空": QType.FILL, "简答": QType.SHORT, "计算": QType.CALC, "论述": QType.ESSAY,
                 "案例分析": QType.CASE, "实操": QType.PRACTICAL}
# Every name a file may give a type by: aliases, then values and labels (which win).
_QTYPE_NAMES: dict[str, QType] = {
    **QTYPE_ALIASES,
    **{name: qtype for qtype in QType for name in (qtype.value, qtype.label)},
}


def parse_qtype(text: str) -> QType | None:
    return _QTYPE_NAMES.get(text.strip())


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETIRED = "retired"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "草稿",
    Status.SUBMITTED: "待审核",
    Status.APPROVED: "已通过",
    Status.REJECTED: "已退回",
    Status.RETIRED: "已停用",
}

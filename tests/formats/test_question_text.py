"""parse_question_text: questions pasted from Word, and problems located by line."""

from __future__ import annotations

import pytest

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.elements import ElementNode, ElementTable, Importance
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent
from bankstation.formats.question_text import parse_question_text, split_options

PASTED = """电工（初级）理论知识题库

一、判断题（每题 1 分，共 2 分）
1．安全电压是指不会使人直接致死的电压。（√）
2、电流的方向与电子运动方向相同。(×)
二、单项选择题
1. 电阻的单位是（　）。
A.伏特 B.安培 C.欧姆 D.瓦特
答案：C
难度：易
解析：基本概念。
2. 下列材料中，导电性能
最好的是（　）。
A．铜
B．橡胶
C、玻璃
【答案】A
鉴定点：AB001
三、多项选择题
1.下列属于安全用具的有（　）。
A、绝缘棒 B、绝缘夹钳 C、安全帽
答案：A、B
四、简答题
1. 简述触电急救步骤。
答案：
1. 脱离电源【得分点】脱离电源（2分）
2. 检查呼吸【得分点】检查呼吸（1分）
2. 简述接地的作用。
参考答案：保护人身安全。
五、填空题
1. 电流的单位是____。
答案：安培/A
"""


def content(qtype: QType, stem: str, point: str = "AA001", **fields: object) -> QuestionContent:
    return QuestionContent(qtype, point, stem, **fields)  # type: ignore[arg-type]


EXPECTED = [
    (4, content(QType.JUDGE, "安全电压是指不会使人直接致死的电压。", answer="√")),
    (5, content(QType.JUDGE, "电流的方向与电子运动方向相同。", answer="×")),
    (7, content(QType.SINGLE, "电阻的单位是（　）。", options=("伏特", "安培", "欧姆", "瓦特"),
                answer="C", difficulty=0.85, analysis="基本概念。")),
    (12, content(QType.SINGLE, "下列材料中，导电性能\n最好的是（　）。", "AB001",
                 options=("铜", "橡胶", "玻璃"), answer="A")),
    (20, content(QType.MULTIPLE, "下列属于安全用具的有（　）。",
                 options=("绝缘棒", "绝缘夹钳", "安全帽"), answer="AB")),
    (24, content(QType.SHORT, "简述触电急救步骤。",
                 answer="1. 脱离电源【得分点】脱离电源（2分）\n"
                 "2. 检查呼吸【得分点】检查呼吸（1分）",
                 marking=(MarkingPoint("脱离电源", 2), MarkingPoint("检查呼吸", 1)))),
    (28, content(QType.SHORT, "简述接地的作用。", answer="保护人身安全。")),
    (31, content(QType.FILL, "电流的单位是____。", blanks=(("安培", "A"),))),
]


def test_pasted_word_text_gives_every_question_with_its_line() -> None:
    parsed = parse_question_text(PASTED, "AA001")
    assert parsed.problems == []
    assert [(item.row, item.content) for item in parsed.items] == EXPECTED
    (warning,) = parsed.warnings
    assert warning.row == 1 and "不属于任何试题" in warning.message


def test_windows_line_ends_and_word_soft_breaks_are_lines() -> None:
    text = PASTED.replace("\n", "\r\n").replace("A.伏特 B.安培", "A.伏特\x0bB.安培")
    parsed = parse_question_text(text, "AA001")
    assert parsed.problems == []
    assert len(parsed.items) == len(EXPECTED)


@pytest.mark.parametrize(("line", "have", "expected"), [
    ("A.电阻 B.电容 C.电感 D.电抗", 0, ["电阻", "电容", "电感", "电抗"]),
    ("A、1.5V B、3V", 0, ["1.5V", "3V"]),
    ("C．维生素A.缺乏 D．无", 2, ["维生素A.缺乏", "无"]),
    ("Ａ．全角 Ｂ．字母", 0, ["全角", "字母"]),
    ("B.从第二个开始", 0, []),
    ("ABC.不是选项", 0, []),
    ("文字 A.不在行首", 0, []),
])
def test_split_options(line: str, have: int, expected: list[str]) -> None:
    assert split_options(line, have) == expected


def test_headings_set_the_type_even_with_notes_and_aliases() -> None:
    text = "一、单选题（每题1分）\n1.选（　）\nA.甲\nB.乙\n答案：B\n二. 是非题\n1.对吗（对）"
    parsed = parse_question_text(text, "AA001")
    assert parsed.problems == []
    assert [(i.content.qtype, i.content.answer) for i in parsed.items] == [
        (QType.SINGLE, "B"), (QType.JUDGE, "√")]


def test_an_unknown_heading_is_text_not_a_type() -> None:
    text = "一、简答题\n1.谈谈安全。\n答案：\n一、安全第一\n二、预防为主"
    parsed = parse_question_text(text, "AA001")
    assert parsed.problems == []
    assert parsed.items[0].content.answer == "一、安全第一\n二、预防为主"


def test_without_a_heading_the_type_is_inferred() -> None:
    text = "1.选（　）\nA.甲 B.乙 C.丙\n答案：AC\n2.对吗？\n答案：错\n3.选一个\nA.甲 B.乙\n答案：B"
    parsed = parse_question_text(text, "AA001")
    assert parsed.problems == []
    assert [i.content.qtype for i in parsed.items] == [QType.MULTIPLE, QType.JUDGE, QType.SINGLE]


def test_an_untyped_question_that_cannot_be_inferred_is_a_problem() -> None:
    parsed = parse_question_text("\n1.谈谈安全。\n答案：注意安全", "AA001")
    (problem,) = parsed.problems
    assert (problem.row, problem.column) == (2, None) and "无法判断题型" in problem.message


def test_problems_carry_the_line_of_the_field_they_are_about() -> None:
    text = ("一、单项选择题\n1.选（　）\nA.甲\nB.乙\n答案：E\n2.再选（　）\nA.甲\nB.乙\n答案：A\n"
            "难度：很难\n3.\nA.甲\nB.乙\n答案：A\n鉴定点：ZZ")
    parsed = parse_question_text(text, "AA001")
    problems = sorted(parsed.problems)
    assert [(p.row, p.column) for p in problems] == [(5, None), (10, None), (11, None), (15, None)]
    messages = [p.message for p in problems]
    assert messages[0].startswith("第 1 题：") and "不在选项之中" in messages[0]
    assert messages[1].startswith("第 2 题：") and "难度" in messages[1]
    assert "题干为空" in messages[2]
    assert "格式错误" in messages[3]
    assert [i.row for i in parsed.items] == []


def test_a_missing_point_without_a_default_is_a_problem() -> None:
    parsed = parse_question_text("一、判断题\n1.对吗（√）", None)
    (problem,) = parsed.problems
    assert problem.row == 2 and "缺少鉴定点" in problem.message


def test_points_are_checked_against_the_table_and_types_against_the_exam() -> None:
    table = ElementTable([ElementNode("A", "甲"), ElementNode("A001", "点", None, Importance.X)])
    text = "一、判断题\n1.对吗（√）\n鉴定点：A002\n2.对吗（×）\n鉴定点：A001"
    parsed = parse_question_text(text, None, table=table)
    assert [p.row for p in parsed.problems] == [3]
    assert [i.row for i in parsed.items] == [4]
    parsed = parse_question_text("一、判断题\n1.对吗（√）", "A001", table=table, exam="practical")
    assert "不属于操作技能题库" in parsed.problems[0].message


def test_a_numbered_analysis_does_not_swallow_the_next_question() -> None:
    text = "一、判断题\n1.甲（√）\n解析：1.原因一\n2.原因二\n2.乙（×）\n\n1.丙（√）"
    parsed = parse_question_text(text, "AA001")
    assert [i.content.stem for i in parsed.items] == ["甲", "乙", "丙"]
    assert parsed.items[0].content.analysis == "1.原因一\n2.原因二"


def test_empty_text_is_a_problem() -> None:
    for text in ["", "   \n\n", "只有一行说明"]:
        parsed = parse_question_text(text, "AA001")
        assert len(parsed.problems) == 1 and "没有找到试题" in parsed.problems[0].message


def test_a_key_line_before_any_question_is_a_warning() -> None:
    parsed = parse_question_text("答案：A\n一、判断题\n1.对吗（√）", "AA001")
    assert parsed.problems == []
    assert [w.row for w in parsed.warnings] == [1]

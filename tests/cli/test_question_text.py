"""`questions show` as text: each qtype prints every field it has, and nothing it lacks."""

from __future__ import annotations

from bankstation.cli.question_text import question_lines
from bankstation.domain.answers import MarkingPoint
from bankstation.domain.qtypes import QType, Status
from bankstation.domain.questions import Question, QuestionContent, RubricRow


def _question(content: QuestionContent, status: Status = Status.APPROVED,
              **review: str) -> Question:
    return Question(7, 1, 2, status, "keeper", "2026-12-01T09:00:00+00:00", content, **review)


def test_a_choice_question_with_its_review_source_and_enemy_group() -> None:
    content = QuestionContent(QType.MULTIPLE, "AE001", "触电急救的正确做法有（　）。",
                              ("切断电源", "用干燥木棒挑开电线", "直接用手拉开"), "AB",
                              difficulty=0.55, analysis="不得直接接触触电者。",
                              source="《安全用电》", enemy_group="急救-1", code="DG4-0100")
    lines = question_lines(_question(content, Status.REJECTED, reviewer="reviewer",
                                     reviewed_at="2026-12-02T10:30:00+00:00",
                                     review_note="选项 C 表述不严谨"))
    assert lines[0] == ("试题 7（第 2 版，已退回）多项选择题  试题编号 DG4-0100  鉴定点 AE001"
                        "  难度 0.55（较难）  编写 keeper")
    assert lines[1].startswith("审核人 reviewer  审核时间 2026-12-02")
    assert lines[1].endswith("审核意见：选项 C 表述不严谨")
    assert lines[2:] == ["触电急救的正确做法有（　）。", "  A. 切断电源", "  B. 用干燥木棒挑开电线",
                         "  C. 直接用手拉开", "答案：AB", "解析：不得直接接触触电者。",
                         "出处：《安全用电》", "互斥组：急救-1"]


def test_fill_in_lists_each_blank_with_its_accepted_answers() -> None:
    content = QuestionContent(QType.FILL, "AB001", "电阻的单位是＿＿，电流的单位是＿＿。",
                              blanks=(("欧姆", "Ω"), ("安培", "A")))
    lines = question_lines(_question(content, Status.SUBMITTED))
    assert not any(line.startswith("审核人") for line in lines)  # nobody has reviewed it yet
    assert lines[-3:] == ["答案：", "  第 1 空：欧姆 / Ω", "  第 2 空：安培 / A"]


def test_a_subjective_question_shows_its_marking_points_and_their_total() -> None:
    content = QuestionContent(QType.SHORT, "AD002", "简述兆欧表的使用方法。",
                              answer="先断电放电，再校表，最后测量。",
                              marking=(MarkingPoint("断电放电", 2), MarkingPoint("校表", 1.5)))
    lines = question_lines(_question(content))
    assert lines[-4:] == ["参考答案：先断电放电，再校表，最后测量。", "得分点（合计 3.5 分）：",
                          "  断电放电（2 分）", "  校表（1.5 分）"]


def test_a_practical_task_shows_time_preparations_and_its_rubric() -> None:
    content = QuestionContent(
        QType.PRACTICAL, "BA001", "安装单相电能表。", answer="接线正确，通电计量。",
        time_limit=90, site_prep="配线板 1 块", candidate_prep="电工工具 1 套",
        rubric=(RubricRow("安装", "元件布置", 40, "布置不合理扣 10 分"),
                RubricRow("通电", "试车", 60, "不成功扣 30 分")))
    text = "\n".join(question_lines(_question(content)))
    assert text.endswith("时限：90 分钟\n考场准备：\n配线板 1 块\n考生准备：\n电工工具 1 套\n"
                         "操作要求与参考答案：\n接线正确，通电计量。\n"
                         "评分表（合计 100 分）：考核内容｜评分要素｜配分｜评分标准\n"
                         "  安装｜元件布置｜40分｜布置不合理扣 10 分\n"
                         "  通电｜试车｜60分｜不成功扣 30 分")
    untimed = question_lines(_question(content.with_changes(time_limit=None, site_prep="")))
    assert "时限：（未填）" in untimed and "考场准备：\n配线板 1 块" not in untimed

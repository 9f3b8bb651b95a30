"""parse_questions: the 试题 sheet and its 评分表, good files and every problem located."""

from __future__ import annotations

import pytest

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.elements import ElementNode, ElementTable, Importance
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import MAX_TEXT, QuestionContent, RubricRow
from bankstation.formats.question_sheet import QUESTION_COLUMNS, ParsedQuestions, parse_questions
from bankstation.formats.tabular import read_tables
from tests.formats.helpers import csv_bytes, question_grid, question_tables, xlsx_bytes

Row = dict[str, object]
TABLE = ElementTable([
    ElementNode("A", "基础", 100), ElementNode("AA", "电工", 100),
    ElementNode("AA001", "欧姆定律", None, Importance.X),
    ElementNode("AA002", "功率", None, Importance.Y),
])
JUDGE: Row = {"试题编号": "J-1", "题型": "判断题", "鉴定点": "AA001", "题干": "电流单位是安培。",
         "答案": "对", "难度": "易", "解析": "国际单位制。", "出处": "教材", "互斥组": "G1"}
SINGLE: Row = {"题型": "单项选择题", "鉴定点": "aa001", "题干": "电阻单位是（　）。",
          "选项A": "伏特", "选项B": "欧姆", "选项C": "安培", "答案": "ｂ", "难度": 0.7}
MULTIPLE: Row = {"题型": "多项选择题", "鉴定点": "AA002", "题干": "属于导体的有（　）。",
            "选项A": "铜", "选项B": "橡胶", "选项C": "铝", "选项D": "银", "答案": "D、A,C",
            "难度": 4}
FILL: Row = {"题型": "填空题", "鉴定点": "AA001", "题干": "电流单位是____，电压单位是____。",
        "答案": "安培/A | 伏特/V"}
SHORT: Row = {"题型": "简答题", "鉴定点": "AA002", "题干": "简述功率的定义。",
         "答案": "单位时间做的功。【得分点】单位时间（2分）【得分点】做功（1.5分）"}
PRACTICAL: Row = {"试题编号": "SC-1", "题型": "操作技能考核题", "鉴定点": "AA001", "题干": "接线",
             "时限": "60分钟", "考场准备": "实训台", "考生准备": "工具"}
RUBRIC: list[Row] = [
    {"试题编号": "SC-1", "考核内容": "接线", "评分要素": "正确", "配分": 60,
     "评分标准": "错一处扣5分"},
    {"试题编号": "SC-1", "考核内容": "调试", "配分": "40分", "评分标准": "不成功扣20分"},
]
EXPECTED = [
    QuestionContent(QType.JUDGE, "AA001", "电流单位是安培。", answer="√", difficulty=0.85,
                    analysis="国际单位制。", source="教材", enemy_group="G1", code="J-1"),
    QuestionContent(QType.SINGLE, "AA001", "电阻单位是（　）。", options=("伏特", "欧姆", "安培"),
                    answer="B", difficulty=0.7),
    QuestionContent(QType.MULTIPLE, "AA002", "属于导体的有（　）。",
                    options=("铜", "橡胶", "铝", "银"), answer="ACD", difficulty=0.5),
    QuestionContent(QType.FILL, "AA001", "电流单位是____，电压单位是____。",
                    blanks=(("安培", "A"), ("伏特", "V"))),
    QuestionContent(QType.SHORT, "AA002", "简述功率的定义。",
                    answer="单位时间做的功。【得分点】单位时间（2分）【得分点】做功（1.5分）",
                    marking=(MarkingPoint("单位时间", 2.0), MarkingPoint("做功", 1.5))),
    QuestionContent(QType.PRACTICAL, "AA001", "接线", code="SC-1", time_limit=60,
                    site_prep="实训台", candidate_prep="工具",
                    rubric=(RubricRow("接线", "正确", 60, "错一处扣5分"),
                            RubricRow("调试", "", 40, "不成功扣20分"))),
]
ROWS: list[Row] = [JUDGE, SINGLE, MULTIPLE, FILL, SHORT, PRACTICAL]


def parse(rows: list[Row], rubric: list[Row] | None = RUBRIC,
          table: ElementTable | None = TABLE, exam: str | None = None) -> ParsedQuestions:
    return parse_questions(question_tables(rows, rubric), table, exam)


def only(parsed: ParsedQuestions) -> Problem:
    """The one problem of a parse, with its location."""
    assert len(parsed.problems) == 1, parsed.problems
    return parsed.problems[0]


def test_a_good_workbook_gives_every_question() -> None:
    parsed = parse(ROWS)
    assert parsed.problems == [] and parsed.warnings == []
    assert [item.content for item in parsed.items] == EXPECTED
    assert [item.row for item in parsed.items] == [2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_good_csv_in_each_encoding(encoding: str) -> None:
    theory = ROWS[:-1]
    data = csv_bytes(question_grid(theory), encoding)
    parsed = parse_questions(read_tables(data, "试题.csv"), TABLE, "theory")
    assert parsed.problems == []
    assert [item.content for item in parsed.items] == EXPECTED[:-1]


def test_columns_in_any_order_with_only_the_needed_ones() -> None:
    columns = ["答案", "题干", "鉴定点", "题型", "选项B", "选项A"]
    row = {"题型": "单选题", "鉴定点": "AA001", "题干": "选（　）", "选项A": "甲", "选项B": "乙",
           "答案": "A"}
    parsed = parse_questions(question_tables([row], None, columns), TABLE, "theory")
    assert parsed.problems == []
    assert parsed.items[0].content.options == ("甲", "乙")


def test_the_question_sheet_is_chosen_by_name_among_several() -> None:
    data = xlsx_bytes({"说明": [["随便"]], "试题": question_grid([JUDGE])})
    parsed = parse_questions(read_tables(data, "a.xlsx"), TABLE)
    assert parsed.problems == [] and len(parsed.items) == 1


def test_the_type_column_takes_the_short_forms_banks_use() -> None:
    short = {"判断": JUDGE, "单选": SINGLE, "多选": MULTIPLE, "填空": FILL, "简答": SHORT}
    rows = [{**row, "题型": name} for name, row in short.items()]
    parsed = parse(rows, None)
    assert parsed.problems == []
    assert [item.content for item in parsed.items] == EXPECTED[:5]
    unknown = parse([{**JUDGE, "题型": "判"}], None)
    assert "题型「判」无法识别" in only(unknown).message


def test_judge_answers_in_every_spelling() -> None:
    rows = [{**JUDGE, "试题编号": None, "答案": a} for a in ["√", "×", "对", "错", "正确", "错误",
                                                        "T", "F", "（√）", True, False]]
    parsed = parse(rows, None)
    assert parsed.problems == []
    assert [i.content.answer for i in parsed.items] == list("√×√×√×√×√√×")


@pytest.mark.parametrize("answer", ["ABD", "A,B,D", "A、B、D", "a b d", "DBA", "A；B；D"])
def test_multiple_answers_in_any_separators(answer: str) -> None:
    parsed = parse([{**MULTIPLE, "答案": answer}], None)
    assert parsed.problems == [] and parsed.items[0].content.answer == "ABD"


def test_unknown_columns_are_a_warning_and_bank_columns_are_read() -> None:
    columns = [*QUESTION_COLUMNS, "备注", "职业编码", "等级"]
    row = {**JUDGE, "备注": "忽略我", "职业编码": "6-31-01-03", "等级": "四级/中级工"}
    parsed = parse_questions(question_tables([row], None, columns), TABLE)
    assert parsed.problems == []
    assert [(w.row, w.column) for w in parsed.warnings] == [(1, "备注")]
    assert (parsed.items[0].occupation, parsed.items[0].level) == ("6-31-01-03", 4)


def test_missing_required_columns_are_named_and_stop_the_parse() -> None:
    parsed = parse_questions(question_tables([JUDGE], None, ["题型", "答案"]), TABLE)
    problem = only(parsed)
    assert problem.row == 1 and "鉴定点、题干" in problem.message
    assert parsed.items == []


def test_answer_is_not_required_when_every_row_is_a_practical_task() -> None:
    columns = ["试题编号", "题型", "鉴定点", "题干", "时限", "考场准备", "考生准备"]
    parsed = parse_questions(question_tables([PRACTICAL], RUBRIC, columns), TABLE, "practical")
    assert parsed.problems == [] and parsed.items[0].content == EXPECTED[-1]


@pytest.mark.parametrize(("row", "column", "words"), [
    ({**SINGLE, "答案": "E"}, "答案", "E 不在选项之中"),
    ({**MULTIPLE, "答案": "B"}, "答案", "至少要有两个正确答案"),
    ({**SINGLE, "答案": "AB"}, "答案", "只能有一个答案"),
    ({**SINGLE, "答案": ""}, "答案", "缺少答案"),
    ({**JUDGE, "答案": "也许"}, "答案", "无法识别"),
    ({**JUDGE, "鉴定点": "ZZ001"}, "鉴定点", "不在鉴定要素细目表中"),
    ({**JUDGE, "鉴定点": "AA"}, "鉴定点", "是鉴定范围"),
    ({**JUDGE, "鉴定点": ""}, "鉴定点", "缺少鉴定点"),
    ({**JUDGE, "题干": ""}, "题干", "题干为空"),
    ({**JUDGE, "题干": "  "}, "题干", "题干为空"),
    ({**JUDGE, "难度": "很难"}, "难度", "无法识别"),
    ({**JUDGE, "难度": 7}, "难度", "超出范围"),
    ({**JUDGE, "题型": "连线题"}, "题型", "无法识别"),
    ({**JUDGE, "题型": ""}, "题型", "题型为空"),
    ({**SINGLE, "选项C": None, "选项D": "安培"}, "选项C", "缺少 C"),
    ({**SINGLE, "选项A": None, "选项B": None, "选项C": None}, "选项A", "没有选项"),
    ({**SINGLE, "选项C": "伏特"}, None, "选项内容相同"),
    ({**SINGLE, "选项C": "长" * 501}, "选项C", "过长"),
    ({**FILL, "答案": "安培"}, "答案", "题干有 2 个空"),
    ({**FILL, "答案": "安培；；伏特"}, "答案", "空白的空"),
    ({**SHORT, "答案": ""}, "答案", "需要参考答案"),
    ({**JUDGE, "等级": "六级"}, "等级", "无法识别"),
])
def test_each_bad_cell_is_one_problem_at_its_row_and_column(row: Row,
                                                            column: str | None,
                                                            words: str) -> None:
    columns = [*QUESTION_COLUMNS, "等级"]
    parsed = parse_questions(question_tables([JUDGE | {"试题编号": "X"}, row], None, columns),
                             TABLE)
    problem = only(parsed)
    assert (problem.row, problem.column, problem.sheet) == (3, column, "试题")
    assert words in problem.message
    assert [item.row for item in parsed.items] == [2]


def test_an_oversized_cell_is_one_problem_and_keeps_its_row_out() -> None:
    parsed = parse([{**JUDGE, "题干": "长" * (MAX_TEXT + 10)}], None)
    problem = only(parsed)
    assert (problem.row, problem.column) == (2, "题干") and "过长" in problem.message
    assert parsed.items == []


def test_a_duplicate_code_is_an_error_on_both_rows() -> None:
    parsed = parse([JUDGE, SINGLE, {**SINGLE, "试题编号": "J-1"}], None)
    assert [(p.row, p.column) for p in parsed.problems] == [(2, "试题编号"), (4, "试题编号")]
    assert all("第 2、4 行" in p.message for p in parsed.problems)
    assert [item.row for item in parsed.items] == [3]


def test_a_type_of_the_other_exam_is_refused() -> None:
    problem = only(parse([JUDGE, PRACTICAL], exam="theory"))
    assert (problem.row, problem.column) == (3, "题型") and "不属于理论知识题库" in problem.message
    problem = only(parse([JUDGE, PRACTICAL], exam="practical"))
    assert (problem.row, problem.column) == (2, "题型") and "不属于操作技能题库" in problem.message


def test_a_practical_task_without_rubric_rows() -> None:
    problem = only(parse([PRACTICAL], rubric=[]))
    assert (problem.row, problem.column) == (2, "试题编号")
    assert "没有评分表" in problem.message and "SC-1" in problem.message
    problem = only(parse([{**PRACTICAL, "试题编号": None}], rubric=[]))
    assert "请填写试题编号" in problem.message


def test_a_practical_task_in_a_csv_is_told_to_use_a_workbook() -> None:
    data = csv_bytes(question_grid([PRACTICAL]))
    problem = only(parse_questions(read_tables(data, "a.csv"), TABLE))
    assert ".xlsx" in problem.message


@pytest.mark.parametrize(("time_limit", "words"), [("", "需要时限"), ("一小时", "正整数"),
                                                   (0, "正整数")])
def test_a_practical_task_needs_a_time_limit(time_limit: object, words: str) -> None:
    problem = only(parse([{**PRACTICAL, "时限": time_limit}]))
    assert (problem.row, problem.column) == (2, "时限") and words in problem.message


def test_a_rubric_row_that_matches_no_task_is_located_in_the_rubric_sheet() -> None:
    rubric = [*RUBRIC, {"试题编号": "SC-9", "考核内容": "x", "配分": 5, "评分标准": "y"},
              {"试题编号": "J-1", "考核内容": "x", "配分": 5, "评分标准": "y"}]
    parsed = parse([JUDGE, PRACTICAL], rubric)
    assert [(p.sheet, p.row, p.column) for p in parsed.problems] == [
        ("评分表", 4, "试题编号"), ("评分表", 5, "试题编号")]
    assert "找不到对应的操作技能考核题" in parsed.problems[0].message
    assert "是判断题" in parsed.problems[1].message


@pytest.mark.parametrize(("change", "column", "words"), [
    ({"配分": "十分"}, "配分", "不是数字"),
    ({"配分": 0}, "配分", "应大于 0"),
    ({"配分": None}, "配分", "配分为空"),
    ({"评分标准": None}, "评分标准", "为空"),
    ({"考核内容": None}, "考核内容", "为空"),
    ({"试题编号": None}, "试题编号", "缺少试题编号"),
])
def test_a_bad_rubric_row_is_reported_where_it_stands(change: dict[str, object], column: str,
                                                      words: str) -> None:
    parsed = parse([PRACTICAL], [RUBRIC[0], {**RUBRIC[1], **change}])
    problem = only(parsed)
    assert (problem.sheet, problem.row, problem.column) == ("评分表", 3, column)
    assert words in problem.message


def test_rubric_sheet_missing_columns() -> None:
    data = xlsx_bytes({"试题": question_grid([PRACTICAL]), "评分表": [["试题编号", "配分"]]})
    parsed = parse_questions(read_tables(data, "a.xlsx"), TABLE)
    assert any(p.sheet == "评分表" and "考核内容、评分标准" in p.message for p in parsed.problems)


def test_options_on_other_types_and_prep_on_theory_are_warnings() -> None:
    parsed = parse([{**JUDGE, "选项A": "对", "时限": 30}], None)
    assert parsed.problems == []
    assert [(w.row, w.column) for w in parsed.warnings] == [(2, "选项A"), (2, "时限")]


def test_without_a_table_point_codes_are_checked_for_form() -> None:
    parsed = parse([{**JUDGE, "鉴定点": "AA1"}, {**JUDGE, "试题编号": None, "鉴定点": "ZZ001"}],
                   None, table=None)
    problem = only(parsed)
    assert (problem.row, problem.column) == (2, "鉴定点") and "格式错误" in problem.message


def test_no_question_sheet_among_several() -> None:
    data = xlsx_bytes({"甲": [["x"]], "乙": [["y"]]})
    problem = only(parse_questions(read_tables(data, "a.xlsx"), TABLE))
    assert "找不到「试题」工作表" in problem.message


@pytest.mark.parametrize("name", ["a.xlsx", "a.csv"])
def test_a_header_without_rows_is_one_problem(name: str) -> None:
    grid = [*question_grid([]), [None] * len(QUESTION_COLUMNS)]  # and an empty line
    data = xlsx_bytes({"试题": grid}) if name.endswith("xlsx") else csv_bytes(grid)
    problem = only(parse_questions(read_tables(data, name), TABLE))
    assert (problem.row, problem.column) == (None, None)
    assert problem.message == "只有表头，没有试题行。"
    assert problem.sheet == ("试题" if name.endswith("xlsx") else None)


def test_an_unreadable_file_passes_its_problem_through() -> None:
    parsed = parse_questions(read_tables(b"", "a.xlsx"), TABLE)
    assert len(parsed.problems) == 1 and parsed.items == []


def test_a_code_used_many_times_lists_the_first_rows_only() -> None:
    parsed = parse([{**JUDGE} for _ in range(12)], None)
    assert len(parsed.problems) == 12
    assert "第 2、3、4、5、6、7、8、9、10、11 等 12 行都用了它" in parsed.problems[0].message

"""The question sheet (试题) and its rubric sheet (评分表), as DESIGN.md §6 describes them."""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from bankstation.domain.elements import ElementTable
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import EXAM_LABELS, QTYPE_LABELS, QType, parse_qtype
from bankstation.domain.questions import RubricRow
from bankstation.formats.parsed import ParsedQuestion, ParsedQuestions
from bankstation.formats.question_fields import (
    OPTION_COLUMNS,
    RawQuestion,
    build_question,
)
from bankstation.formats.tabular import Row, Sheet, Tables, check_columns
from bankstation.formats.text_clean import header_key, nfkc

__all__ = [
    "QUESTION_COLUMNS", "QUESTION_SHEET", "RUBRIC_COLUMNS", "RUBRIC_SHEET", "ParsedQuestion",
    "ParsedQuestions", "parse_questions",
]

QUESTION_SHEET = "试题"
RUBRIC_SHEET = "评分表"
QUESTION_COLUMNS = ("试题编号", "题型", "鉴定点", "题干", *OPTION_COLUMNS, "答案", "难度", "解析",
                    "出处", "互斥组", "时限", "考场准备", "考生准备")
BANK_COLUMNS = ("职业编码", "等级")
REQUIRED_COLUMNS = ("题型", "鉴定点", "题干")
RUBRIC_COLUMNS = ("试题编号", "考核内容", "评分要素", "配分", "评分标准")
RUBRIC_REQUIRED = ("试题编号", "考核内容", "配分", "评分标准")
LEVEL_WORDS = {"五级": 5, "初级": 5, "初级工": 5, "四级": 4, "中级": 4, "中级工": 4,
               "三级": 3, "高级": 3, "高级工": 3, "二级": 2, "技师": 2, "一级": 1, "高级技师": 1}
_POINTS_RE = re.compile(r"^(\d+(?:\.\d+)?)\s*分?$")
NO_RUBRIC = "操作技能考核题需要评分表。"  # as content_problems says it; replaced by a clearer one
RubricIndex = dict[str, list[tuple[int, RubricRow]]]


def parse_questions(tables: Tables, table: ElementTable | None = None,
                    exam: str | None = None) -> ParsedQuestions:
    """Every question of the 试题 sheet (or the only sheet, or the CSV), checked row by row.

    ``table`` checks point codes against the bank's element table; ``exam`` ('theory' or
    'practical') refuses question types of the other exam. The result carries the file's
    own problems and warnings too.
    """
    out = ParsedQuestions(problems=list(tables.problems), warnings=list(tables.warnings))
    if not tables.sheets:
        return out
    sheet = tables.find((QUESTION_SHEET,), REQUIRED_COLUMNS)
    if sheet is None or header_key(sheet.name) == RUBRIC_SHEET:
        out.problems.append(_no_sheet())
        return out
    errors, warnings = check_columns(sheet, _required(sheet), (*QUESTION_COLUMNS, *BANK_COLUMNS))
    out.problems.extend(errors)
    out.warnings.extend(warnings)
    if errors:
        return out
    rubrics = _read_rubrics(tables, sheet, out)
    bad_rows = _duplicate_codes(sheet, out)
    bad_rows |= {p.row for p in out.problems if p.sheet == sheet.label}
    kinds: dict[str, QType] = {}
    for row in sheet.rows:
        qtype = _row_qtype(sheet, row, out)
        if qtype is None:
            continue
        code = row.get("试题编号")
        if code:
            kinds.setdefault(code, qtype)
        item = _parse_row(sheet, row, qtype, rubrics, table, exam, tables.kind, out)
        if item is not None and row.number not in bad_rows:
            out.items.append(item)
    _unmatched_rubrics(tables, rubrics, kinds, out)
    if not sheet.rows:
        out.problems.append(sheet.problem(None, None, "只有表头，没有试题行。"))
    return out


def _no_sheet() -> Problem:
    return Problem(None, None, "找不到「试题」工作表：请把试题所在的工作表命名为「试题」。")


def _required(sheet: Sheet) -> tuple[str, ...]:
    """答案 is required unless every row is a practical task (which has a rubric instead)."""
    kinds = {_qtype_of(row.get("题型"))[1] for row in sheet.rows}
    return REQUIRED_COLUMNS if kinds == {QType.PRACTICAL} else (*REQUIRED_COLUMNS, "答案")


@functools.lru_cache(maxsize=256)
def _qtype_of(cell: str) -> tuple[str, QType | None]:
    """A 题型 cell as normalised text and the type it names (a file uses a handful)."""
    text = nfkc(cell)
    return text, parse_qtype(text)


def _row_qtype(sheet: Sheet, row: Row, out: ParsedQuestions) -> QType | None:
    text, qtype = _qtype_of(row.get("题型"))
    if not text:
        out.problems.append(sheet.problem(row.number, "题型", "题型为空。"))
    elif qtype is None:
        names = "、".join(QTYPE_LABELS.values())
        message = f"题型「{text}」无法识别，应为：{names}。"
        out.problems.append(sheet.problem(row.number, "题型", message))
    return qtype


def _duplicate_codes(sheet: Sheet, out: ParsedQuestions) -> set[int | None]:
    rows_by_code: dict[str, list[int]] = defaultdict(list)
    for row in sheet.rows:
        if row.get("试题编号"):
            rows_by_code[row.get("试题编号")].append(row.number)
    bad: set[int | None] = set()
    for code, numbers in rows_by_code.items():
        if len(numbers) < 2:
            continue
        listed = "、".join(str(n) for n in numbers[:10])
        listed += f" 等 {len(numbers)} 行" if len(numbers) > 10 else " 行"
        for number in numbers:
            message = (f"试题编号「{code}」重复：第 {listed}都用了它，"
                       "一个文件中每个编号只能出现一次。")
            out.problems.append(sheet.problem(number, "试题编号", message))
            bad.add(number)
    return bad


def _parse_row(sheet: Sheet, row: Row, qtype: QType, rubrics: RubricIndex,
               table: ElementTable | None, exam: str | None, kind: str,
               out: ParsedQuestions) -> ParsedQuestion | None:
    before = len(out.problems)
    if exam and qtype.exam != exam:
        out.problems.append(sheet.problem(row.number, "题型", f"「{qtype.label}」不属于"
                                          f"{EXAM_LABELS.get(exam, exam)}题库。"))
    code = row.get("试题编号")
    entries = rubrics.get(code) if code else None
    rubric = tuple(r for _, r in entries) if entries else ()
    built = build_question(_raw(row, qtype), rubric, table, rubric_checked=True)
    for column, message in built.errors:
        text = _no_rubric_message(code, kind) if message == NO_RUBRIC else message
        out.problems.append(sheet.problem(row.number, column, text))
    for column, message in built.warnings:
        out.warnings.append(sheet.problem(row.number, column, message))
    level = _level(sheet, row, out)
    if len(out.problems) > before:
        return None
    return ParsedQuestion(row.number, built.content, row.get("职业编码") or None, level)


def _raw(row: Row, qtype: QType) -> RawQuestion:
    get = row.values.get
    return RawQuestion(
        qtype=qtype, point=get("鉴定点", ""), stem=get("题干", ""),
        options=tuple([get(c, "") for c in OPTION_COLUMNS]), answer=get("答案", ""),
        difficulty=get("难度", ""), analysis=get("解析", ""), source=get("出处", ""),
        enemy_group=get("互斥组", ""), code=get("试题编号", ""), time_limit=get("时限", ""),
        site_prep=get("考场准备", ""), candidate_prep=get("考生准备", ""),
    )


def _no_rubric_message(code: str, kind: str) -> str:
    if kind == "csv":
        return ("CSV 文件放不下评分表：操作技能考核题请用 Excel 工作簿（.xlsx）导入，"
                "评分表写在「评分表」工作表中。")
    if not code:
        return ("操作技能考核题没有评分表：请填写试题编号，"
                "并在「评分表」工作表中按该编号逐行填写评分标准。")
    return f"操作技能考核题「{code}」没有评分表：「评分表」工作表中没有试题编号为「{code}」的行。"


def _level(sheet: Sheet, row: Row, out: ParsedQuestions) -> int | None:
    cell = row.get("等级")
    if not cell:
        return None
    text = nfkc(cell)
    if not text:
        return None
    for part in re.split(r"[/／、（）()\s]+", text):
        if part.isdigit() and 1 <= int(part) <= 5:
            return int(part)
        if part in LEVEL_WORDS:
            return LEVEL_WORDS[part]
    out.problems.append(sheet.problem(row.number, "等级", f"等级「{text}」无法识别，应为 1–5 或"
                                      "五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师。"))
    return None


def _read_rubrics(tables: Tables, main: Sheet, out: ParsedQuestions) -> RubricIndex:
    """Rubric rows by 试题编号, each checked where it stands."""
    sheet = next((s for s in tables.sheets.values() if header_key(s.name) == RUBRIC_SHEET), None)
    index: RubricIndex = defaultdict(list)
    if sheet is None or sheet is main or not sheet.header_row:
        return index
    errors, warnings = check_columns(sheet, RUBRIC_REQUIRED, RUBRIC_COLUMNS)
    out.problems.extend(errors)
    out.warnings.extend(warnings)
    if errors:
        return index
    for row in sheet.rows:
        code = row.get("试题编号")
        if not code:
            out.problems.append(sheet.problem(row.number, "试题编号", "评分行缺少试题编号，"
                                              "无法对应到操作技能考核题。"))
            continue
        index[code].append((row.number, _rubric_row(sheet, row, out)))
    return index


def _rubric_row(sheet: Sheet, row: Row, out: ParsedQuestions) -> RubricRow:
    points = 0.0
    text = nfkc(row.get("配分"))
    match = _POINTS_RE.match(text)
    if not text:
        out.problems.append(sheet.problem(row.number, "配分", "配分为空。"))
    elif match is None or not math.isfinite(float(match.group(1))):
        out.problems.append(sheet.problem(row.number, "配分", f"配分「{text}」不是数字。"))
    elif float(match.group(1)) <= 0:
        out.problems.append(sheet.problem(row.number, "配分", "配分应大于 0。"))
    else:
        points = float(match.group(1))
    for column in ("考核内容", "评分标准"):
        if not row.get(column):
            out.problems.append(sheet.problem(row.number, column, f"{column}为空。"))
    return RubricRow(row.get("考核内容"), row.get("评分要素"), points, row.get("评分标准"))


def _unmatched_rubrics(tables: Tables, rubrics: RubricIndex, kinds: dict[str, QType],
                       out: ParsedQuestions) -> None:
    sheet = next((s for s in tables.sheets.values() if header_key(s.name) == RUBRIC_SHEET), None)
    if sheet is None:
        return
    for code, rows in rubrics.items():
        qtype = kinds.get(code)
        if qtype is QType.PRACTICAL:
            continue
        if qtype is None:
            message = f"试题编号「{code}」在「试题」工作表中找不到对应的操作技能考核题。"
        else:
            message = f"试题编号「{code}」是{qtype.label}，只有操作技能考核题才有评分表。"
        for number, _ in rows:
            out.problems.append(sheet.problem(number, "试题编号", message))

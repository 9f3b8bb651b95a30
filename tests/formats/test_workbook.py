"""The template and question exports: real .xlsx files, read back with the importer."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from bankstation.domain.answers import MarkingPoint
from bankstation.domain.errors import BankStationError
from bankstation.domain.qtypes import QType
from bankstation.domain.questions import QuestionContent, RubricRow
from bankstation.formats.question_sheet import (
    QUESTION_COLUMNS,
    RUBRIC_COLUMNS,
    ParsedQuestions,
    parse_questions,
)
from bankstation.formats.tabular import read_tables
from bankstation.formats.template_text import EXAMPLES
from bankstation.formats.workbook import write_questions, write_template


def reimport(path: Path) -> ParsedQuestions:
    return parse_questions(read_tables(path.read_bytes(), path.name))


def test_the_template_has_its_sheets_and_an_example_of_every_type(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["试题", "评分表", "说明"]
    assert [c.value for c in book["试题"][1]] == list(QUESTION_COLUMNS)
    assert [c.value for c in book["评分表"][1]] == list(RUBRIC_COLUMNS)
    explained = {row[0].value for row in book["说明"].iter_rows(min_row=2)}
    assert {"题型", "鉴定点", "题干", "答案", "难度", "时限", "评分表"} <= explained
    types = [row[1].value for row in book["试题"].iter_rows(min_row=2)]
    assert sorted(types) == sorted(q.label for q in QType)
    book.close()


def test_the_template_imports_cleanly_as_its_own_examples(tmp_path: Path) -> None:
    path = tmp_path / "模板.xlsx"
    write_template(path)
    parsed = reimport(path)
    assert parsed.problems == [] and parsed.warnings == []
    assert [item.content for item in parsed.items] == list(EXAMPLES)


def test_export_then_import_gives_the_same_contents(tmp_path: Path) -> None:
    items = [*EXAMPLES, QuestionContent(QType.JUDGE, "AA001", "=1+1 不是公式", answer="×",
                                        code="001", enemy_group="0.5", analysis="TRUE")]
    path = tmp_path / "导出.xlsx"
    write_questions(path, items)
    parsed = reimport(path)
    assert parsed.problems == []
    assert [item.content for item in parsed.items] == items


def test_a_practical_task_without_a_code_is_given_one(tmp_path: Path) -> None:
    task = QuestionContent(QType.PRACTICAL, "AA001", "接线", time_limit=30,
                           rubric=(RubricRow("接线", "", 100, "错一处扣5分"),))
    path = tmp_path / "导出.xlsx"
    write_questions(path, [task, task.with_changes(code="导出-001"), task])
    parsed = reimport(path)
    assert parsed.problems == []
    assert [i.content.code for i in parsed.items] == ["导出-002", "导出-001", "导出-003"]
    assert all(i.content.rubric == task.rubric for i in parsed.items)


def test_marking_points_not_in_the_answer_text_are_written_into_it(tmp_path: Path) -> None:
    marking = (MarkingPoint("要点", 2.0),)
    question = QuestionContent(QType.SHORT, "AA001", "简述。", answer="参考答案", marking=marking)
    write_questions(tmp_path / "a.xlsx", [question])
    (item,) = reimport(tmp_path / "a.xlsx").items
    assert item.content.marking == marking
    assert item.content.answer == "参考答案\n【得分点】要点（2分）"


def test_characters_a_workbook_cannot_hold_are_dropped_not_fatal(tmp_path: Path) -> None:
    question = QuestionContent(QType.JUDGE, "AA001", "第一行\x0b第二行\x01", answer="√")
    write_questions(tmp_path / "a.xlsx", [question])
    (item,) = reimport(tmp_path / "a.xlsx").items
    assert item.content.stem == "第一行\n第二行"


def test_a_failed_write_leaves_no_file_and_says_why(tmp_path: Path) -> None:
    target = tmp_path / "没有这个目录" / "a.xlsx"
    with pytest.raises(BankStationError, match=r"无法写入文件「.*a\.xlsx」：文件或文件夹不存在。"):
        write_questions(target, list(EXAMPLES))
    assert not target.parent.exists()


def test_a_failed_replace_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old")

    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bankstation.formats.workbook.os.replace", refuse)
    with pytest.raises(BankStationError, match="：磁盘空间不足。"):
        write_questions(path, list(EXAMPLES))
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.xlsx"]


def test_an_export_reads_well_in_excel(tmp_path: Path) -> None:
    """Bold headers frozen above the rows, wide text columns, line breaks wrapped, and a
    stem that starts with '=' kept as text rather than turned into a formula."""
    items = [QuestionContent(QType.JUDGE, "AA001", "=1+1 不是公式", answer="×"),
             QuestionContent(QType.JUDGE, "AA001", "第一行\n第二行", answer="√")]
    path = tmp_path / "导出.xlsx"
    write_questions(path, items)
    sheet = openpyxl.load_workbook(path)["试题"]
    header = {cell.value: cell for cell in sheet[1]}
    assert list(header) == list(QUESTION_COLUMNS) and header["题干"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions[header["题干"].column_letter].width == 50
    formula_like, two_lines = sheet[2][3], sheet[3][3]
    assert (formula_like.value, formula_like.data_type) == ("=1+1 不是公式", "s")
    assert two_lines.value == "第一行\n第二行" and two_lines.alignment.wrap_text
    assert not sheet[2][0].alignment.wrap_text

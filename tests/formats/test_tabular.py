"""read_tables: workbooks and CSVs in every encoding, and files that are no table at all."""

from __future__ import annotations

import codecs
import datetime
import io
import zipfile

import pytest

from bankstation.formats import tabular
from bankstation.formats.tabular import MAX_CELL, check_columns, read_tables
from tests.formats.helpers import csv_bytes, xlsx_bytes

HEADER = ["题型", "题干", "答案"]
ROWS = [["判断题", "电流单位是安培。", "√"], ["单项选择题", "选出导体（　）。", "A"]]


def test_workbook_rows_are_text_by_header_with_their_row_numbers() -> None:
    data = xlsx_bytes({"试题": [[None], [None, *HEADER], [None, *ROWS[0]], [None],
                                [None, *ROWS[1]]]})
    tables = read_tables(data, "题库.xlsx")
    assert tables.problems == [] and tables.warnings == []
    sheet = tables.sheets["试题"]
    assert sheet.headers == ("题型", "题干", "答案")
    assert sheet.header_row == 2
    assert [row.number for row in sheet.rows] == [3, 5]
    assert sheet.rows[1].values == {"题型": "单项选择题", "题干": "选出导体（　）。", "答案": "A"}
    assert sheet.label == "试题"


def test_cells_become_text_as_a_person_reads_them() -> None:
    values = [1.0, 0.65, 3, True, datetime.date(2024, 1, 2),
              datetime.datetime(2024, 1, 2, 8, 30), datetime.datetime(2024, 5, 6),
              "  文字\r\n第二行  "]
    names = [f"列{i}" for i in range(len(values))]
    tables = read_tables(xlsx_bytes({"表": [names, values]}), "a.xlsx")
    row = tables.sheets["表"].rows[0]
    assert [row.get(n) for n in names] == ["1", "0.65", "3", "TRUE", "2024-01-02",
                                           "2024-01-02 08:30:00", "2024-05-06", "文字\n第二行"]


def test_headers_match_after_removing_spaces_bom_and_full_width_forms() -> None:
    data = xlsx_bytes({"试题": [["\ufeff题 型", " 选项Ａ ", "答\u3000案"], ["判断题", "x", "√"]]})
    sheet = read_tables(data, "a.xlsx").sheets["试题"]
    assert sheet.headers == ("题型", "选项A", "答案")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding_chinese_excel_writes(encoding: str) -> None:
    tables = read_tables(csv_bytes([HEADER, *ROWS], encoding), "试题.csv")
    assert tables.problems == [] and tables.kind == "csv"
    (sheet,) = tables.sheets.values()
    assert sheet.headers == tuple(HEADER)
    assert sheet.label is None
    assert [row.values for row in sheet.rows] == [dict(zip(HEADER, r, strict=True)) for r in ROWS]
    assert [row.number for row in sheet.rows] == [2, 3]


def test_utf16_tab_separated_text_as_excel_saves_unicode_text() -> None:
    text = "\n".join("\t".join(r) for r in [HEADER, *ROWS])
    tables = read_tables(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "a.txt")
    assert tables.sheets["a"].rows[0].get("答案") == "√"


def test_csv_row_numbers_count_records_not_lines() -> None:
    data = "题型,题干\n判断题,\"第一行\n第二行\"\n判断题,下一题\n".encode()
    sheet = read_tables(data, "a.csv").sheets["a"]
    assert [(r.number, r.get("题干")) for r in sheet.rows] == [(2, "第一行\n第二行"), (3, "下一题")]


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "name", "words"), [
    (b"", "a.xlsx", "空的"),
    (b"", "a.csv", "空的"),
    (bytes(range(256)) * 4, "a.xlsx", "不是 Excel 工作簿"),
    (_docx(), "a.xlsx", "Word"),
    (b"PK\x03\x04broken", "a.xlsx", "压缩包"),
    (bytes(range(256)), "a.csv", "不是文本表格"),
    (xlsx_bytes({"表": [["a"]]}), "a.csv", "扩展名"),
    (b"\x81\x30", "a.csv", "编码"),
    (b"%PDF-1.4", "a.pdf", "不支持的文件类型"),
])
def test_a_file_that_is_no_table_gives_one_clear_problem(data: bytes, name: str,
                                                         words: str) -> None:
    tables = read_tables(data, name)
    assert tables.sheets == {}
    (problem,) = tables.problems
    assert problem.row is None and words in problem.message


def test_an_oversized_cell_is_an_error_at_its_row_and_column() -> None:
    data = xlsx_bytes({"试题": [HEADER, ["判断题", "长" * (MAX_CELL + 1), "√"]]})
    tables = read_tables(data, "a.xlsx")
    (problem,) = tables.problems
    assert (problem.row, problem.column, problem.sheet) == (2, "题干", "试题")
    assert f"{MAX_CELL + 1} 字" in problem.message
    assert len(tables.sheets["试题"].rows[0].get("题干")) == MAX_CELL


def test_a_repeated_header_is_an_error_naming_both_columns() -> None:
    tables = read_tables(csv_bytes([["题型", "题干", "题型"], ["判断题", "x", "y"]]), "a.csv")
    (problem,) = tables.problems
    assert (problem.row, problem.column) == (1, "题型")
    assert "第 A 列和第 C 列" in problem.message


def test_data_under_no_header_is_a_warning() -> None:
    tables = read_tables(csv_bytes([["题型", ""], ["判断题", "孤立的内容"]]), "a.csv")
    assert tables.problems == []
    (warning,) = tables.warnings
    assert warning.column == "B" and "没有列名" in warning.message


def test_check_columns_names_missing_and_unknown_columns() -> None:
    sheet = read_tables(csv_bytes([["题干", "备注"], ["x", "y"]]), "a.csv").sheets["a"]
    errors, warnings = check_columns(sheet, ["题型", "题干", "答案"], ["题型", "题干", "答案"])
    (error,) = errors
    assert error.row == 1 and "题型、答案" in error.message
    (warning,) = warnings
    assert (warning.row, warning.column) == (1, "备注") and "不会导入" in warning.message


def test_an_empty_sheet_has_no_header() -> None:
    tables = read_tables(xlsx_bytes({"空": []}), "a.xlsx")
    sheet = tables.sheets["空"]
    assert sheet.rows == () and sheet.header_row == 0
    errors, _ = check_columns(sheet, ["题型"], ["题型"])
    assert "空的" in errors[0].message


def test_sheets_are_found_by_name_or_as_the_only_one() -> None:
    tables = read_tables(xlsx_bytes({"说明": [["x"]], "试题": [HEADER]}), "a.xlsx")
    found = tables.find(["试题"])
    assert found is not None and found.name == "试题"
    single = read_tables(csv_bytes([HEADER]), "b.csv")
    assert single.find(["试题"]) is single.sheets["b"]


def test_a_workbook_that_unzips_past_the_limit_is_refused_before_it_is_parsed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = xlsx_bytes({"试题": [HEADER, *ROWS * 200]})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unzipped = sum(item.file_size for item in archive.infolist())
    assert read_tables(data, "a.xlsx").problems == []
    monkeypatch.setattr(tabular, "MAX_UNZIPPED", unzipped - 1)

    def parsed(*_args: object) -> None:
        raise AssertionError("calamine was given the workbook")

    monkeypatch.setattr(tabular.CalamineWorkbook, "from_filelike", parsed)
    tables = read_tables(data, "a.xlsx")
    (problem,) = tables.problems
    assert tables.sheets == {} and problem.row is None
    assert problem.message.startswith(f"工作簿解压后有 {unzipped // 1024 // 1024} MB，超过上限")

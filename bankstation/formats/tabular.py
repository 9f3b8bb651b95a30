"""Reading .xlsx and .csv files into plain text tables, with every problem located."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

from bankstation.domain.problems import Problem
from bankstation.domain.questions import MAX_TEXT
from bankstation.formats.csv_text import CsvUnreadable, read_csv_grid
from bankstation.formats.text_clean import cell_text, column_letter, header_key

MAX_CELL = MAX_TEXT
# A stray cell at XFD1048576 would make calamine build a grid of billions of cells.
MAX_CELLS = 10_000_000
# What a workbook's parts may add up to once unzipped: calamine parses a worksheet whole, so a
# small file that inflates to gigabytes of XML (a "zip bomb", or a sheet filled to its last
# row by mistake) would take the station's memory. A 100,000-question workbook of 11 MB is
# 93 MB unzipped.
MAX_UNZIPPED = 1024 * 1024 * 1024
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class Row:
    """One non-empty data row: its 1-based spreadsheet row number and its cells by header."""

    number: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class Sheet:
    name: str
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[Row, ...]
    label: str | None  # what problems call the sheet: its name, or None for a CSV

    def problem(self, row: int | None, column: str | None, message: str) -> Problem:
        return Problem(row, column, message, self.label)


@dataclass
class Tables:
    """Every sheet of a file by name, plus what is wrong (problems) or odd (warnings) in it."""

    sheets: dict[str, Sheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    kind: str = ""  # "xlsx", "csv", or "" when the file could not be read

    def find(self, names: Sequence[str], required: Collection[str] = ()) -> Sheet | None:
        """The sheet with one of ``names``, else the one sheet with ``required`` columns."""
        for name in names:
            for sheet in self.sheets.values():
                if header_key(sheet.name) == name:
                    return sheet
        if len(self.sheets) == 1:
            return next(iter(self.sheets.values()))
        fitting = [s for s in self.sheets.values() if required and set(required) <= set(s.headers)]
        return fitting[0] if len(fitting) == 1 else None


def read_tables(data: bytes, filename: str) -> Tables:
    """Read a workbook or CSV; a file that cannot be read gives one problem, never an exception."""
    suffix = PurePath(filename).suffix.lower()
    if not data:
        return _failed("文件是空的（0 字节），没有可导入的内容。")
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(data)
    if suffix in CSV_SUFFIXES:
        try:
            grid = read_csv_grid(data)
        except CsvUnreadable as exc:
            return _failed(exc.message)
        tables = Tables(kind="csv")
        _add_sheet(tables, PurePath(filename).stem, None, grid, 0, 0)
        return tables
    return _failed(f"不支持的文件类型「{suffix or filename}」：请使用 Excel 工作簿（.xlsx）"
                   "或 CSV 文件（.csv）。")


def _failed(message: str) -> Tables:
    return Tables(problems=[Problem(None, None, message)])


def _read_workbook(data: bytes) -> Tables:
    if (unzipped := _unzipped_size(data)) > MAX_UNZIPPED:
        return _failed(f"工作簿解压后有 {unzipped // 1024 // 1024} MB，超过上限 "
                       f"{MAX_UNZIPPED // 1024 // 1024} MB，无法导入。请删除无关的工作表或单元格，"
                       "或分成几个文件导入。")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        return _failed("工作簿设有打开密码，无法读取。请在 Excel 中取消密码后再导入。")
    except (CalamineError, ValueError, OSError):
        return _failed(_not_a_workbook(data))
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # a Rust panic inside calamine
            raise
        return _failed(_not_a_workbook(data))
    tables = Tables(kind="xlsx")
    with book:
        for meta in book.sheets_metadata:
            if meta.typ == SheetTypeEnum.WorkSheet:
                _read_sheet(tables, book, meta.name)
    if not tables.sheets and not tables.problems:
        tables.problems.append(Problem(None, None, "工作簿中没有任何工作表。"))
    return tables


def _unzipped_size(data: bytes) -> int:
    """The sizes an .xlsx (a zip) declares for its parts, summed; 0 for any other file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return 0  # not a zip (.xls, or no workbook at all): calamine says what it is


def _not_a_workbook(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return ("文件不是有效的 Excel 工作簿：它是一个压缩包（可能是改了扩展名的 Word 文档），"
                "或者已经损坏。请在 Excel 中打开并另存为 .xlsx 后再导入。")
    return "文件不是 Excel 工作簿，无法读取。请确认选对了文件，或在 Excel 中另存为 .xlsx 后再导入。"


def _read_sheet(tables: Tables, book: CalamineWorkbook, name: str) -> None:
    try:
        sheet = book.get_sheet_by_name(name)
        start = sheet.start
        if start is None:
            _add_sheet(tables, name, name, [], 0, 0)
            return
        if sheet.height * sheet.width > MAX_CELLS:
            tables.problems.append(Problem(None, None, f"工作表「{name}」过大（{sheet.height} 行 × "
                                           f"{sheet.width} 列），无法导入。请删除无关的单元格。"))
            return
        grid = [[cell_text(v) for v in row] for row in sheet.to_python()]
    except (CalamineError, ValueError, OSError):
        tables.problems.append(Problem(None, None, f"工作表「{name}」已损坏，无法读取。"))
        return
    _add_sheet(tables, name, name, grid, start[0], start[1])


def _add_sheet(tables: Tables, name: str, label: str | None, grid: list[list[str]],
               row0: int, col0: int) -> None:
    """Turn a grid into a Sheet: header row = first non-empty row; checks headers and cells."""
    body = iter(enumerate(grid, row0 + 1))
    header_row, header_cells = 0, list[str]()
    for number, cells in body:
        if any(cells):
            header_row, header_cells = number, cells
            break
    columns = _columns(tables, label, header_row, header_cells, col0)
    rows = []
    for number, cells in body:
        if any(cells):
            rows.append(_row(tables, label, number, cells, columns, col0))
    headers = tuple(h for h in columns if h)
    tables.sheets[name] = Sheet(name, headers, header_row, tuple(rows), label)


def _columns(tables: Tables, label: str | None, row: int, cells: list[str],
             col0: int) -> list[str]:
    """Header names by position; empty for an unnamed or repeated column (reported)."""
    names = [header_key(c) for c in cells]
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        if name in seen:
            first, here = column_letter(col0 + seen[name]), column_letter(col0 + i)
            tables.problems.append(Problem(row, name, f"列名「{name}」重复出现（第 {first} 列和第 "
                                           f"{here} 列），请只保留一列。", label))
            names[i] = ""
        else:
            seen[name] = i
    return names


def _row(tables: Tables, label: str | None, number: int, cells: list[str],
         columns: list[str], col0: int) -> Row:
    # The usual row: every filled cell under a named column, none too long.
    values = {name: text for name, text in zip(columns, cells, strict=False) if text}
    if ("" not in values and (len(cells) <= len(columns) or not any(cells[len(columns):]))
            and max(map(len, values.values()), default=0) <= MAX_CELL):
        return Row(number, values)
    return _odd_row(tables, label, number, cells, columns, col0)


def _odd_row(tables: Tables, label: str | None, number: int, cells: list[str],
             columns: list[str], col0: int) -> Row:
    """A row with text under no column name, or with an oversized cell: cell by cell."""
    values: dict[str, str] = {}
    for i, text in enumerate(cells):
        if not text:
            continue
        name = columns[i] if i < len(columns) else ""
        if not name:
            letter = column_letter(col0 + i)
            _warn_once(tables, Problem(None, letter, f"第 {letter} 列没有列名（或列名重复），"
                                       "该列内容不会导入。", label))
            continue
        if len(text) > MAX_CELL:
            tables.problems.append(Problem(number, name, f"内容过长（{len(text)} 字，"
                                           f"上限 {MAX_CELL} 字）。", label))
        values[name] = text[:MAX_CELL]
    return Row(number, values)


def _warn_once(tables: Tables, warning: Problem) -> None:
    if warning not in tables.warnings:
        tables.warnings.append(warning)


def check_columns(sheet: Sheet, required: Sequence[str], known: Collection[str]
                  ) -> tuple[list[Problem], list[Problem]]:
    """Errors for missing required columns, warnings for unknown ones (ignored on import)."""
    errors: list[Problem] = []
    missing = [c for c in required if c not in sheet.headers]
    if not sheet.header_row:
        errors.append(sheet.problem(None, None, "表格是空的，没有表头，也没有数据。"))
    elif missing:
        errors.append(sheet.problem(sheet.header_row, None,
                                    f"表头缺少必需的列：{'、'.join(missing)}。"))
    warnings = [sheet.problem(sheet.header_row, h, f"无法识别的列「{h}」，该列内容不会导入。")
                for h in sheet.headers if h not in known]
    return errors, warnings

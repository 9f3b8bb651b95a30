"""Random and malformed input: the importers report problems and never raise."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bankstation.domain.answers import LETTERS
from bankstation.domain.elements import ElementNode, ElementTable, Importance
from bankstation.domain.qtypes import QTYPE_LABELS
from bankstation.domain.questions import content_problems
from bankstation.formats.element_sheet import read_elements
from bankstation.formats.question_sheet import QUESTION_COLUMNS, RUBRIC_COLUMNS, parse_questions
from bankstation.formats.question_text import parse_question_text
from bankstation.formats.tabular import Tables, read_tables
from bankstation.formats.template_text import EXAMPLES
from tests.formats.helpers import csv_bytes, xlsx_bytes

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = ["a.xlsx", "a.csv", "a.xls", "a.ods", "a.txt", "a.XLSX", "a", "a.docx"]
TABLE = ElementTable([ElementNode("A", "甲", 100), ElementNode("AA", "乙", 100),
                      ElementNode("AA001", "点", None, Importance.X)])
WORDS = [*QTYPE_LABELS.values(), *LETTERS, "√", "×", "对", "AA001", "AA", "ZZ999", "1", "0.5",
         "20%", "易", "难", "X", "Y", "", " ", "=A1", "𠀀", "m<sup>2</sup>", "SC-1", "90分钟", "-3",
         "【得分点】要点（2分）", "安培/A；伏特", "\n", "\"", ","]
# What a workbook can hold: no C0 controls but tab and newline, no lone surrogates.
_CELL_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n"),
                     max_size=12)
cells = st.one_of(st.sampled_from(WORDS), _CELL_TEXT, st.integers(-10, 10),
                  st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.none())
HEADERS = [*QUESTION_COLUMNS, "代码", "名称", "比重", "重要程度", "考核内容", "配分", "评分标准",
           "", "题 型", "多余"]
grids = st.tuples(
    st.lists(st.sampled_from(HEADERS), min_size=0, max_size=12),
    st.lists(st.lists(cells, max_size=14), max_size=8),
).map(lambda t: [t[0], *t[1]])


def check(tables: Tables) -> None:
    """Every parser accepts whatever read_tables made; the questions it passes are sound."""
    assert isinstance(tables, Tables)
    for exam in (None, "theory", "practical"):
        parsed = parse_questions(tables, TABLE, exam)
        for item in parsed.items:
            assert content_problems(item.content) == []
            assert item.content.point == "AA001"
    elements = read_elements(tables)
    assert all(p.message for p in elements.problems)


@FAST
@given(st.binary(max_size=2000), st.sampled_from(NAMES))
def test_random_bytes_never_raise(data: bytes, name: str) -> None:
    tables = read_tables(data, name)
    if name.endswith((".xlsx", ".XLSX", ".xls", ".ods")):
        assert tables.problems, "random bytes are no workbook"
    check(tables)


@FAST
@given(st.binary(max_size=400), st.sampled_from([b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                                                  b"\xef\xbb\xbf", b"\xff\xfe", b"PK"]))
def test_bytes_that_start_like_a_known_format_never_raise(tail: bytes, head: bytes) -> None:
    for name in ("a.xlsx", "a.csv"):
        check(read_tables(head + tail, name))


_WORKBOOK = xlsx_bytes({"试题": [list(QUESTION_COLUMNS), *[["判断题"] * 5] * 3],
                        "评分表": [list(RUBRIC_COLUMNS)]})


@FAST
@given(st.lists(st.tuples(st.integers(0, len(_WORKBOOK) - 1), st.integers(0, 255)),
                min_size=1, max_size=20),
       st.integers(0, len(_WORKBOOK)))
def test_a_damaged_workbook_never_raises(changes: list[tuple[int, int]], keep: int) -> None:
    data = bytearray(_WORKBOOK)
    for offset, value in changes:
        data[offset] = value
    check(read_tables(bytes(data[:keep] if keep > 100 else data), "a.xlsx"))


def _rezip(replace: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_WORKBOOK))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def _part(name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(_WORKBOOK)) as archive:
        return archive.read(name)


with zipfile.ZipFile(io.BytesIO(_WORKBOOK)) as _archive:
    _PARTS = _archive.namelist()


@FAST
@given(st.sampled_from(_PARTS), st.binary(max_size=300), st.integers(0, 2000), st.booleans())
def test_a_workbook_with_a_mangled_part_never_raises(part: str, noise: bytes, at: int,
                                                     drop: bool) -> None:
    original = _part(part)
    mangled = b"" if drop else original[:at] + noise + original[at + len(noise):]
    check(read_tables(_rezip({part: mangled}), "a.xlsx"))


@FAST
@given(grids)
def test_random_workbook_content_never_raises(grid: list[list[object]]) -> None:
    check(read_tables(xlsx_bytes({"试题": grid, "评分表": grid[:3]}), "a.xlsx"))


@FAST
@given(grids, st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_random_csv_content_never_raises(grid: list[list[object]], encoding: str) -> None:
    text_grid = [[str(v) for v in row] for row in grid]
    try:
        data = csv_bytes(text_grid, encoding)
    except UnicodeEncodeError:
        data = csv_bytes(text_grid, "utf-8")
    check(read_tables(data, "a.csv"))


@FAST
@given(st.text(max_size=300).map(str.encode))
def test_malformed_csv_text_never_raises(data: bytes) -> None:
    check(read_tables(b'\xe9\xa2\x98\xe5\x9e\x8b,"\n' + data, "a.csv"))


LINES = ["一、判断题", "二、单项选择题", "三、多项选择题", "四、填空题", "五、简答题",
         "六、操作技能考核题", "七、未知题", "1.题干（√）", "2、题干", "3．题干（　）", "1.",
         "A.甲 B.乙", "A．甲", "B、乙",
         "C.丙 E.戊", "答案：", "答案：A", "答案：AB", "答案：√", "答案：甲/乙；丙", "解析：1.一",
         "2.二", "难度：难", "难度：7", "鉴定点：AA001", "鉴定点：", "【答案】B", "", "  ", "𠀀",
         "H.八", "I.九", "12345.", "0.5"]


@FAST
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=15)), max_size=40),
       st.sampled_from(["\n", "\r\n", "\r", "\x0b"]), st.sampled_from([None, "AA001", "bad"]))
def test_random_pasted_text_never_raises(lines: list[str], end: str, point: str | None) -> None:
    parsed = parse_question_text(end.join(lines), point, table=TABLE, exam="theory")
    for item in parsed.items:
        assert content_problems(item.content) == []
    assert all(p.row is None or p.row >= 1 for p in parsed.problems + parsed.warnings)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_never_raises(text: str) -> None:
    parse_question_text(text, "AA001")


def test_the_examples_are_sound() -> None:
    assert all(content_problems(c) == [] for c in EXAMPLES)

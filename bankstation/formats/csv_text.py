"""Decoding a CSV as Chinese Excel writes it (UTF-8 with or without BOM, GB18030, UTF-16)."""

from __future__ import annotations

import codecs
import csv
import io
import re

from bankstation.formats.text_clean import clean_text

# Control bytes no text table contains; UTF-8 and GB18030 never use them inside a character,
# so their presence means a binary file with a .csv name.
_BINARY_RE = re.compile(rb"[\x00-\x08\x0e-\x19\x1b-\x1f]")


class CsvUnreadable(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def decode_text(data: bytes) -> str:
    """The text of a file: BOM first, then UTF-8, then GB18030; raise when none fits."""
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[tuple[bytes, str], ...] = ((data[3:], "utf-8"),)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ((data, "utf-16"),)
    else:
        candidates = ((data, "utf-8"), (data, "gb18030"))
    for payload, encoding in candidates:
        try:
            return payload.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvUnreadable("无法识别文件的文字编码：请在 Excel 中另存为"
                        "「CSV UTF-8（逗号分隔）」后再导入。")


def read_csv_grid(data: bytes) -> list[list[str]]:
    """Records of a CSV as cleaned text cells; a comma- or tab-separated file."""
    if data.startswith(b"PK\x03\x04"):
        raise CsvUnreadable("文件是一个 Excel 工作簿或压缩包，扩展名却是 .csv："
                            "请改用 .xlsx 扩展名后再导入。")
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and _BINARY_RE.search(data):
        raise CsvUnreadable("文件不是文本表格（CSV），无法读取。请确认选对了文件。")
    text = decode_text(data).rstrip("\x1a")  # DOS end-of-file mark
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        return [[clean_text(cell) for cell in record] for record in reader]
    except csv.Error:
        raise CsvUnreadable(f"CSV 文件第 {reader.line_num} 行附近格式错误"
                            "（如引号不成对或单元格过大），无法读取。") from None

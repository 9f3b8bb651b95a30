"""Normalising text from other people's files: line ends, control characters, header names."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata

# C0 controls other than tab and newline, DEL, and the XML non-characters: none of them can
# live in an .xlsx cell (openpyxl refuses them) and none means anything in a question.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
# Word's manual line break (\x0b) and page break (\x0c) are line breaks to a person.
_BREAK_RE = re.compile(r"\r\n|[\r\x0b\x0c\u2028\u2029]")
_INVISIBLE_RE = re.compile(r"[\s\ufeff\u200b\u200c\u200d\u2060]+")
# Every character either pattern above touches: text without one (nearly all of it) needs
# only the strip, and one search costs half of the two substitutions.
_UNCLEAN_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Line ends as ``\\n``, no control characters, no surrounding whitespace."""
    if _UNCLEAN_RE.search(value) is None:
        return value.strip()
    return _CONTROL_RE.sub("", _BREAK_RE.sub("\n", value)).strip()


def header_key(value: str) -> str:
    """A header as matched: NFKC (full-width 选项Ａ is 选项A), no spaces, no BOM."""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", value))


def code_key(value: str) -> str:
    """A code as matched: NFKC, upper case, no spaces (``ａａ001 `` is ``AA001``)."""
    return _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", value)).upper()


def nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def format_number(value: float) -> str:
    """``1.0`` -> ``1``, ``0.65`` -> ``0.65``: the shortest text that reads back the same."""
    if not math.isfinite(value):
        return str(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: numbers without ``.0``, dates in ISO form, booleans as TRUE."""
    if type(value) is str:  # most cells: before the isinstance chain
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if value is None:
        return ""
    return clean_text(str(value))


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters

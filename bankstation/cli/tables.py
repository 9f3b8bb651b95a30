"""Plain-text tables that line up with Chinese (full-width) characters."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import TextIO


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def print_table(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    body = [[("" if cell is None else str(cell)) for cell in row] for row in rows]
    sizes = [max([width(h)] + [width(r[i]) for r in body]) for i, h in enumerate(header)]
    print("  ".join(_pad(h, s) for h, s in zip(header, sizes, strict=True)).rstrip(), file=out)
    print("  ".join("-" * s for s in sizes), file=out)
    for row in body:
        print("  ".join(_pad(c, s) for c, s in zip(row, sizes, strict=True)).rstrip(), file=out)
    if not body:
        print("（无记录）", file=out)

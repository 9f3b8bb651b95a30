"""A problem found in an input, located by row (or line) and column, in plain Chinese."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    row: int | None
    column: str | None
    message: str
    sheet: str | None = None

    def where(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column:
            parts.append(f"「{self.column}」列")
        return "".join(parts) or "文件"

    def __str__(self) -> str:
        return f"{self.where()}：{self.message}"

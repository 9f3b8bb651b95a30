"""Text files people pick (blueprints, checkpoints): read whole, or refused with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from bankstation.domain.errors import BankStationError
from bankstation.services.files import read_text


def test_a_notepad_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "方案.json"
    path.write_bytes("\ufeff{\"title\": \"电工\"}".encode())
    assert read_text(path, "组卷方案文件") == '{"title": "电工"}'


def test_a_missing_file_is_named_with_its_reason(tmp_path: Path) -> None:
    reason = r"无法读取检查点文件 .*cp\.txt：文件或文件夹不存在。"
    with pytest.raises(BankStationError, match=reason):
        read_text(tmp_path / "cp.txt", "检查点文件")


def test_a_file_in_another_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "方案.json"
    path.write_bytes("{\"title\": \"电工\"}".encode("gb18030"))
    with pytest.raises(BankStationError, match="文件不是 UTF-8 编码的文本"):
        read_text(path, "组卷方案文件")

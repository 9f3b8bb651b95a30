"""Operating-system errors told in the UI's words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from bankstation.domain.errors import os_reason


def test_a_missing_file_is_told_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        (tmp_path / "gone.csv").read_bytes()
    assert os_reason(caught.value) == "文件或文件夹不存在"


def test_a_folder_read_as_a_file_is_told_in_chinese(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        tmp_path.read_bytes()
    assert os_reason(caught.value) == "这是一个文件夹，不是文件"


@pytest.mark.parametrize(("code", "reason"), [
    (errno.EIO, "读写出错（光盘或磁盘可能已损坏）"),
    (errno.ENOSPC, "磁盘空间不足"),
    (errno.ENOMEDIUM, "驱动器中没有光盘"),
])
def test_disc_and_disk_errors(code: int, reason: str) -> None:
    assert os_reason(OSError(code, os.strerror(code))) == reason


def test_an_unlisted_error_keeps_the_systems_words() -> None:
    assert os_reason(OSError(errno.ELOOP, os.strerror(errno.ELOOP))) == os.strerror(errno.ELOOP)
    assert os_reason(OSError("odd")) == "odd"

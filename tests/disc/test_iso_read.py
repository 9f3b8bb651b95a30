"""Reading import files from inside an ISO image (Joliet/UDF names with Chinese)."""

from __future__ import annotations

import io
from pathlib import Path

import pycdlib
import pytest

from bankstation.disc.iso_read import list_files, read_file
from bankstation.domain.errors import BankStationError


def make_iso(path: Path, files: dict[str, bytes], udf: bool = True) -> None:
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, joliet=3, udf="2.60" if udf else None, vol_ident="IMPORT")
    iso.add_directory("/DATA", joliet_path="/资料", udf_path="/资料" if udf else None)
    for i, (name, data) in enumerate(files.items()):
        iso.add_fp(io.BytesIO(data), len(data), f"/DATA/F{i}.;1", joliet_path=f"/资料/{name}",
                   udf_path=f"/资料/{name}" if udf else None)
    iso.write(str(path))
    iso.close()


@pytest.mark.parametrize("udf", [True, False])
def test_lists_and_reads_chinese_names(tmp_path: Path, udf: bool) -> None:
    iso = tmp_path / "disc.iso"
    make_iso(iso, {"电工试题.xlsx": b"PK-fake", "细目表.csv": "代码,名称\n".encode()}, udf)
    assert list_files(iso) == ["/资料/电工试题.xlsx", "/资料/细目表.csv"]
    assert read_file(iso, "/资料/细目表.csv").decode() == "代码,名称\n"


def test_not_an_iso(tmp_path: Path) -> None:
    bogus = tmp_path / "x.iso"
    bogus.write_bytes(b"not an iso" * 100)
    with pytest.raises(BankStationError, match="不是有效的 ISO"):
        list_files(bogus)


def test_missing_inner_file(tmp_path: Path) -> None:
    iso = tmp_path / "disc.iso"
    make_iso(iso, {"a.csv": b"x"})
    with pytest.raises(BankStationError, match="找不到文件"):
        read_file(iso, "/资料/b.csv")

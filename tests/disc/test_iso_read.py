"""Reading import files from inside an ISO image (Joliet/UDF names with Chinese)."""

from __future__ import annotations

import io
from pathlib import Path

import pycdlib
import pytest
from pycdlib.facade import PyCdlibJoliet, PyCdlibUDF

from bankstation.disc import iso_read
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


CSV = ("题型,鉴定点,题干,答案\n" + "判断题,AA001,安全电压一般不高于 36V。,√\n" * 3000).encode()


@pytest.mark.parametrize("udf", [True, False])
@pytest.mark.parametrize("keep", [0.999, 0.6, 0.1])
def test_a_cut_off_image_is_refused_not_read_short(tmp_path: Path, udf: bool,
                                                   keep: float) -> None:
    whole = tmp_path / "whole.iso"
    make_iso(whole, {"试题.csv": CSV}, udf)
    raw = whole.read_bytes()
    cut = tmp_path / "cut.iso"
    cut.write_bytes(raw[: int(len(raw) * keep)])
    with pytest.raises(BankStationError, match=r"不完整|已损坏") as caught:
        read_file(cut, "/资料/试题.csv")
    assert "cut.iso" in str(caught.value) and "请重新获取" in str(caught.value)
    with pytest.raises(BankStationError, match=r"不完整|已损坏"):
        list_files(cut)
    assert read_file(whole, "/资料/试题.csv") == CSV


@pytest.mark.parametrize("udf", [True, False])
def test_a_file_that_reads_short_is_refused(tmp_path: Path, udf: bool,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """pycdlib clamps a record to the bytes the image holds; should a reader still hand back
    fewer bytes than the record says, the file is not used."""
    iso = tmp_path / "disc.iso"
    make_iso(iso, {"试题.csv": CSV}, udf)
    facade = PyCdlibUDF if udf else PyCdlibJoliet
    whole = facade.get_file_from_iso_fp

    def short(self: object, out: io.BytesIO, path: str) -> None:
        whole(self, out, path)  # type: ignore[arg-type]
        out.truncate(out.tell() // 2)
        out.seek(0, io.SEEK_END)

    monkeypatch.setattr(facade, "get_file_from_iso_fp", short)
    with pytest.raises(BankStationError,
                       match=f"文件 /资料/试题.csv 不完整：应有 {len(CSV)} 字节，只读到 "
                             f"{len(CSV) // 2} 字节"):
        read_file(iso, "/资料/试题.csv")


def test_a_file_over_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    iso = tmp_path / "disc.iso"
    make_iso(iso, {"试题.csv": CSV})
    monkeypatch.setattr(iso_read, "MAX_FILE", len(CSV) - 1)
    read = []
    monkeypatch.setattr(pycdlib.PyCdlib, "get_file_from_iso_fp",
                        lambda *a, **k: read.append(a), raising=True)
    with pytest.raises(BankStationError, match=f"过大（{len(CSV)} 字节）"):
        read_file(iso, "/资料/试题.csv")
    assert read == []


def test_a_missing_image_is_named_as_missing(tmp_path: Path) -> None:
    with pytest.raises(BankStationError, match=r"无法读取光盘映像 .*gone\.iso：文件或文件夹不存在"):
        read_file(tmp_path / "gone.iso", "/资料/试题.csv")

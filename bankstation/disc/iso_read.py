"""Reading files out of an ISO image, as staff receive import files on disc."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pycdlib
from pycdlib.pycdlibexception import PyCdlibException

from bankstation.domain.errors import BankStationError, os_reason

MAX_FILE = 200 * 1024 * 1024


@contextmanager
def _damaged_is_an_error(path: Path) -> Iterator[None]:
    """pycdlib parses the image's own records; a damaged one can fail in many ways (struct,
    index, decoding errors), and every one of them means the same to the user."""
    try:
        yield
    except BankStationError:
        raise
    except OSError as exc:  # the image itself: missing, unreadable, a disc read error
        raise BankStationError(f"无法读取光盘映像 {path}：{os_reason(exc)}") from None
    except Exception:  # any failure parsing untrusted bytes
        raise BankStationError(
            f"无法读取光盘映像 {path.name}：文件不是有效的 ISO 映像或已损坏。"
            "请重新获取光盘或映像。") from None


def _open(path: Path) -> pycdlib.PyCdlib:
    iso = pycdlib.PyCdlib()
    with _damaged_is_an_error(path):
        iso.open(str(path))
    try:
        _check_complete(path, iso)
    except BankStationError:
        iso.close()
        raise
    return iso


def _check_complete(path: Path, iso: pycdlib.PyCdlib) -> None:
    """An image shorter than its volume says is cut off (an interrupted copy or burn): files
    near its end would read short, and a short CSV is a smaller, valid-looking file."""
    declared = iso.pvd.space_size * iso.pvd.logical_block_size()
    actual = path.stat().st_size
    if actual < declared:
        raise BankStationError(
            f"光盘映像 {path.name} 不完整：应有 {declared} 字节，只有 {actual} 字节"
            "（复制或刻录可能中断）。请重新获取光盘或映像。")


def _facade(iso: pycdlib.PyCdlib) -> tuple[object, str]:
    """Prefer the names people see on Windows: UDF, then Joliet, then plain ISO 9660."""
    if iso.has_udf():
        return iso.get_udf_facade(), "udf_path"
    if iso.has_joliet():
        return iso.get_joliet_facade(), "joliet_path"
    return iso.get_iso9660_facade(), "iso_path"


def list_files(path: Path) -> list[str]:
    """Every file in the image, as '/folder/name' paths."""
    iso = _open(path)
    try:
        found = []
        with _damaged_is_an_error(path):
            facade, _kind = _facade(iso)
            for root, _dirs, files in facade.walk("/"):  # type: ignore[attr-defined]
                for name in files:
                    clean = name.split(";")[0]
                    found.append(f"{root.rstrip('/')}/{clean}")
        return sorted(found)
    finally:
        iso.close()


def read_file(path: Path, inner: str) -> bytes:
    """The bytes of one file, all of them: a file that reads short is an error."""
    iso = _open(path)
    try:
        with _damaged_is_an_error(path):
            facade, kind = _facade(iso)
            name = inner + ";1" if kind == "iso_path" and ";" not in inner else inner
            try:
                size = facade.get_record(name).get_data_length()  # type: ignore[attr-defined]
            except PyCdlibException:
                raise BankStationError(f"光盘映像中找不到文件 {inner}。") from None
            if size > MAX_FILE:
                raise BankStationError(f"文件 {inner} 过大（{size} 字节）。")
            out = io.BytesIO()
            facade.get_file_from_iso_fp(out, name)  # type: ignore[attr-defined]
        if out.tell() != size:
            raise BankStationError(
                f"光盘映像 {path.name} 中的文件 {inner} 不完整：应有 {size} 字节，"
                f"只读到 {out.tell()} 字节。映像可能已损坏，请重新获取。")
        return out.getvalue()
    finally:
        iso.close()

"""Reading files out of an ISO image, as staff receive import files on disc."""

from __future__ import annotations

import io
from pathlib import Path

import pycdlib
from pycdlib.pycdlibexception import PyCdlibException

from bankstation.domain.errors import BankStationError

MAX_FILE = 200 * 1024 * 1024


def _open(path: Path) -> pycdlib.PyCdlib:
    iso = pycdlib.PyCdlib()
    try:
        iso.open(str(path))
    except (PyCdlibException, OSError, ValueError) as exc:
        raise BankStationError(
            f"无法读取光盘映像 {path.name}：文件不是有效的 ISO 映像（{exc}）。") from None
    return iso


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
        facade, _kind = _facade(iso)
        found = []
        for root, _dirs, files in facade.walk("/"):  # type: ignore[attr-defined]
            for name in files:
                clean = name.split(";")[0]
                found.append(f"{root.rstrip('/')}/{clean}")
        return sorted(found)
    finally:
        iso.close()


def read_file(path: Path, inner: str) -> bytes:
    iso = _open(path)
    try:
        facade, kind = _facade(iso)
        name = inner + ";1" if kind == "iso_path" and ";" not in inner else inner
        out = io.BytesIO()
        try:
            facade.get_file_from_iso_fp(out, name)  # type: ignore[attr-defined]
        except PyCdlibException:
            raise BankStationError(f"光盘映像中找不到文件 {inner}。") from None
        if out.tell() > MAX_FILE:
            raise BankStationError(f"文件 {inner} 过大。")
        return out.getvalue()
    finally:
        iso.close()

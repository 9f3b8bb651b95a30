"""Images: PNG/JPEG accepted with their size, anything else or too big refused clearly."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from bankstation.domain.errors import ValidationError
from bankstation.domain.images import MAX_BYTES, inspect_image
from bankstation.services import images, station
from tests.support import FakeClock, login


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body))
    raw = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0,
                                                               0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_png_and_jpeg_sizes() -> None:
    assert (inspect_image(png(7, 5)).width, inspect_image(png(7, 5)).height) == (7, 5)
    info = inspect_image(jpeg_header(640, 480))
    assert (info.mime, info.width, info.height) == ("image/jpeg", 640, 480)
    assert info.marker.startswith("[[图片:")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\x00" * 20, "PNG 或 JPEG"),
        (b"\xff\xd8\xff\xd9", "已损坏"),
        (png(1, 1)[:16] + struct.pack(">II", 9000, 10) + png(1, 1)[24:], "尺寸"),
        (png(1, 1) + b"\x00" * MAX_BYTES, "过大"),
    ],
)
def test_bad_images(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        inspect_image(data)


def test_images_live_in_the_vault(staffed_vault: Path, clock: FakeClock) -> None:
    session = login(staffed_vault, clock, "keeper", "keeper-pass-1")
    data = png(12, 9)
    info = images.add_image(session, data)
    assert images.image_bytes(session, info.id) == ("image/png", data)
    station.logout(session)

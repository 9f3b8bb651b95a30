"""Images in questions: PNG or JPEG only, size-limited; dimensions read from the header."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from bankstation.domain.errors import ValidationError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000


@dataclass(frozen=True)
class ImageInfo:
    id: str
    mime: str
    width: int
    height: int

    @property
    def marker(self) -> str:
        """What goes into question text where the image stands."""
        return f"[[图片:{self.id}]]"


def inspect_image(data: bytes) -> ImageInfo:
    """Check an image and describe it; a clear Chinese error for anything unusable."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            f"图片过大（{len(data) / 1024 / 1024:.1f} MB），单张图片不能超过 "
            f"{MAX_BYTES // 1024 // 1024} MB。请压缩后再插入。")
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        mime = "image/png"
    elif data.startswith(b"\xff\xd8"):
        width, height = _jpeg_size(data)
        mime = "image/jpeg"
    else:
        raise ValidationError("只能插入 PNG 或 JPEG 格式的图片。")
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise ValidationError(f"图片尺寸 {width}×{height} 超出范围（每边不超过 {MAX_SIDE} 像素）。")
    return ImageInfo(hashlib.sha256(data).hexdigest()[:32], mime, width, height)


def _jpeg_size(data: bytes) -> tuple[int, int]:
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        # SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return width, height
        i += 2 + length
    raise ValidationError("JPEG 图片已损坏，无法读取尺寸。")

"""Storing images for question text inside the vault (never as loose files)."""

from __future__ import annotations

from bankstation.domain.errors import NotFound
from bankstation.domain.images import ImageInfo, inspect_image
from bankstation.domain.roles import Role
from bankstation.services.session import Session
from bankstation.store import questions_repo


def add_image(session: Session, data: bytes) -> ImageInfo:
    session.require(Role.KEEPER)
    info = inspect_image(data)
    with session.transaction():
        questions_repo.add_image(session.vault, info.id, info.mime, info.width, info.height,
                                 data, session.account.name, session.now())
        session.record("image.add", f"image:{info.id}",
                       {"mime": info.mime, "width": info.width, "height": info.height,
                        "bytes": len(data)})
    return info


def image_bytes(session: Session, image_id: str) -> tuple[str, bytes]:
    found = questions_repo.image(session.vault, image_id)
    if found is None:
        raise NotFound(f"图片 {image_id} 不在题库中。")
    return found

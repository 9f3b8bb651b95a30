"""A read-only view of a question, with its images loaded from the vault as document resources."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

from bankstation.domain.errors import NotFound
from bankstation.domain.questions import QuestionContent
from bankstation.gui.hub import Context
from bankstation.gui.question_html import IMAGE_SCHEME, image_url, question_html
from bankstation.gui.reading import read
from bankstation.services import images

MAX_IMAGE_WIDTH = 420  # wider pictures are shown scaled down; the stored image is untouched


def fitted(image: QImage) -> QImage:
    if image.width() <= MAX_IMAGE_WIDTH:
        return image
    return image.scaledToWidth(MAX_IMAGE_WIDTH)


class ImageCache:
    """Images by id for one window's previews and editors (the bytes never touch the disk)."""

    def __init__(self) -> None:
        self.images: dict[str, QImage] = {}

    def add(self, image_id: str, data: bytes) -> bool:
        image = QImage.fromData(data)
        if image.isNull():
            return False
        self.images[image_id] = fitted(image)
        return True

    def missing(self, ids: list[str]) -> list[str]:
        return [i for i in ids if i not in self.images]

    def install(self, document: QTextDocument) -> None:
        for image_id, image in self.images.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(image_url(image_id)), image)


def placeholder() -> QImage:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(230, 230, 230))
    return image


class QuestionPreview(QTextEdit):
    """Shows one question; images it names are read off the GUI thread and shown on arrival."""

    def __init__(self, ctx: Context, cache: ImageCache | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cache = cache or ImageCache()
        self.setReadOnly(True)
        self.content: QuestionContent | None = None
        self._heading = ""

    def show_content(self, content: QuestionContent | None, heading: str = "") -> None:
        self.content, self._heading = content, heading
        self._render()
        if content is not None:
            self._fetch(self.cache.missing(content.image_ids()))

    def _render(self) -> None:
        if self.content is None:
            self.clear()
            return
        self.cache.install(self.document())
        bar = self.verticalScrollBar().value()
        self.setHtml(question_html(self.content, self._heading))
        self.verticalScrollBar().setValue(bar)

    def _fetch(self, ids: list[str]) -> None:
        if not ids:
            return
        session = self.ctx.session

        def load() -> dict[str, bytes]:
            found: dict[str, bytes] = {}
            for image_id in ids:
                try:
                    found[image_id] = images.image_bytes(session, image_id)[1]
                except NotFound:  # shown as a grey box; the checks of the bank report it
                    continue
            return found

        def arrived(found: dict[str, bytes]) -> None:
            for image_id, data in found.items():
                self.cache.add(image_id, data)
            self._render()

        read(self, self.ctx, load, arrived)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt's API
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.scheme() == IMAGE_SCHEME:
            return self.cache.images.get(url.path()) or placeholder()
        return super().loadResource(kind, url)

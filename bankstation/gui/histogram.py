"""A bar chart of the difficulty histogram, painted directly (no chart library on the station)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor(52, 120, 190)
AXIS = QColor(120, 120, 120)


class Histogram(QWidget):
    """``bins``: dicts with ``from``, ``to`` and ``count`` (as the quality report gives them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bins: list[dict[str, Any]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's API
        return QSize(420, 200)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 160)

    def set_bins(self, bins: list[dict[str, Any]]) -> None:
        self.bins = bins
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(8, line + 6, self.width() - 16, self.height() - 2 * line - 14)
        painter.setPen(AXIS)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.bins:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "没有已通过的试题")
            painter.end()
            return
        top = max(int(b["count"]) for b in self.bins) or 1
        step = area.width() / len(self.bins)
        for i, item in enumerate(self.bins):
            count = int(item["count"])
            height = area.height() * count / top
            x = area.left() + i * step
            bar = QRectF(x + step * 0.15, area.bottom() - height, step * 0.7, height)
            painter.fillRect(bar, BAR)
            painter.setPen(Qt.GlobalColor.black)
            label_box = QRectF(x, bar.top() - line - 2, step, line)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, str(count))
            painter.setPen(AXIS)
            axis_box = QRectF(x, area.bottom() + 4, step, line)
            span = f"{float(item['from']):.1f}–{float(item['to']):.1f}"
            label = span if metrics.horizontalAdvance(span) < step else f"{float(item['from']):.1f}"
            painter.drawText(axis_box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()

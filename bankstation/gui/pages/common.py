"""Pieces every page uses: a heading with an explanation under it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

TITLE_STYLE = "font-size: 16pt; font-weight: bold;"
NOTE_STYLE = "color: #555555;"


def page_layout(page: QWidget, title: str, note: str = "") -> QVBoxLayout:
    layout = QVBoxLayout(page)
    heading = QLabel(title)
    heading.setStyleSheet(TITLE_STYLE)
    layout.addWidget(heading)
    if note:
        explanation = QLabel(note)
        explanation.setWordWrap(True)
        explanation.setStyleSheet(NOTE_STYLE)
        layout.addWidget(explanation)
    return layout

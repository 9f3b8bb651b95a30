"""Pieces every page uses: a heading with an explanation under it, and action buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

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


def bar_button(bar: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button added to an action bar, wired to ``slot``."""
    button = QPushButton(text)
    button.clicked.connect(slot)
    bar.addWidget(button)
    return button

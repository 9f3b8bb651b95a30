"""The one 'data changed' signal: models refresh on it, so pages never poke each other."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from bankstation.services.session import Session


class Hub(QObject):
    """Emits ``changed`` after every successful operation that may have written to the vault;
    ``notice`` carries a one-line confirmation for the status bar."""

    changed = Signal()
    notice = Signal(str)


@dataclass
class Context:
    """What pages, dialogs and models of one logged-in window share."""

    session: Session
    hub: Hub

"""The program's entry: the Qt application, its font and error handling, and the login loop."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication

from bankstation.domain.clock import Clock
from bankstation.gui.crash import install_excepthook, setup_logging
from bankstation.gui.idle import DEFAULT_IDLE_MS
from bankstation.gui.login import LoginDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.resources import install_translations, load_app_font
from bankstation.services.config import KdfParams
from bankstation.services.locations import data_folder
from bankstation.services.session import Session


class Shell(QObject):
    """Login, main window, and back to login after 退出登录; ``finished`` when the person quits."""

    finished = Signal(int)

    def __init__(self, vault_path: Path, clock: Clock, kdf: KdfParams,
                 idle_ms: int = DEFAULT_IDLE_MS) -> None:
        super().__init__()
        self.vault_path, self.clock, self.kdf, self.idle_ms = vault_path, clock, kdf, idle_ms
        self.login: LoginDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self.show_login()

    def show_login(self) -> None:
        self.window = None
        dialog = LoginDialog(self.vault_path, self.clock, self.kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged_in.connect(self._open)
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.login = dialog
        dialog.show()

    def _open(self, session: Session) -> None:
        self.login = None
        window = MainWindow(session, self.idle_ms)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.ended.connect(self._ended)
        self.window = window
        window.show()

    def _ended(self, relogin: bool) -> None:
        if relogin:
            self.show_login()
        else:
            self.window = None
            self.finished.emit(0)


def run(vault_path: Path, clock: Clock, kdf: KdfParams, idle_ms: int = DEFAULT_IDLE_MS) -> int:
    """Run the desktop program until the person quits; return the exit code."""
    app = cast(QApplication | None, QApplication.instance()) or QApplication(sys.argv)
    app.setOrganizationName("BankStation")
    app.setApplicationName("题库工作站")
    # Between the login dialog closing and the main window opening no window is visible;
    # the shell decides when the program ends.
    app.setQuitOnLastWindowClosed(False)
    setup_logging(data_folder() / "logs")
    install_translations(app)
    load_app_font(app)
    previous_hook = install_excepthook()
    try:
        shell = Shell(vault_path, clock, kdf, idle_ms)
        shell.finished.connect(app.exit)
        shell.start()
        code = app.exec()
        QThreadPool.globalInstance().waitForDone()
        return code
    finally:
        sys.excepthook = previous_hook

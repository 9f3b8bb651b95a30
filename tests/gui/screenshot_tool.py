"""Screenshots of the GUI for docs/screenshots, taken from a demo vault under a real X server.

    Xvfb :99 -screen 0 1400x900x24 &
    .venv/bin/bankstation demo --vault /tmp/demo/vault.bsv
    DISPLAY=:99 .venv/bin/python -m tests.gui.screenshot_tool --vault /tmp/demo/vault.bsv

The demo passwords are the ones `bankstation demo` prints; every login here is a real session
and is ledgered in the demo vault like any other.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from bankstation.gui.dialogs.accounts import AddAccountDialog
from bankstation.gui.login import LoginDialog
from bankstation.gui.main_window import MainWindow
from bankstation.gui.ops import tracker
from bankstation.gui.pages.accounts import AccountsPage
from bankstation.gui.pages.audit import AuditPage
from bankstation.gui.pages.room_access import RoomAccessPage
from bankstation.gui.resources import install_translations, load_app_font
from bankstation.services import station
from bankstation.services.clock import SystemClock
from bankstation.services.config import DEFAULT_KDF
from bankstation.services.session import Session

CLOCK = SystemClock()
SIZE = (1280, 760)


def settle(until: Callable[[], bool] = lambda: True, seconds: float = 15) -> None:
    """Run the event loop until no operation is running and ``until`` holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if not tracker().busy() and until():
            break
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / name
    if not widget.window().grab().save(str(path)):
        raise SystemExit(f"could not save {path}")
    print(f"saved {path}")


def window_for(vault: Path, name: str, password: str, purpose: str) -> MainWindow:
    session: Session = station.login(vault, name, password, purpose, CLOCK, "gui", DEFAULT_KDF)
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show()
    settle()
    return window


def login_shot(vault: Path, out: Path) -> None:
    dialog = LoginDialog(vault, CLOCK, DEFAULT_KDF)
    dialog.account.setText("supervisor")
    dialog.password.setText("wrong-password")
    dialog.purpose.setEditText("台账检查")
    dialog.show()
    dialog.login_button.click()  # a wrong password, to show how it is answered
    settle(dialog.error.isVisible)
    save(dialog, out, "login.png")
    dialog.close()


def admin_shots(vault: Path, out: Path) -> None:
    window = window_for(vault, "admin", "admin-demo-2026", "账户管理")
    page = window.show_page("账户与保密责任书")
    assert isinstance(page, AccountsPage)
    page.select("keeper")
    save(window, out, "accounts.png")
    dialog = page.add_account()
    assert isinstance(dialog, AddAccountDialog)
    dialog.name.setText("zhaoh")
    dialog.full_name.setText("赵海")
    dialog.pledge_ref.setText("BM-2026-006")
    save(dialog, out, "accounts-add.png")
    dialog.reject()
    window.close()
    settle(lambda: window._finished)


def supervisor_shots(vault: Path, out: Path) -> None:
    window = window_for(vault, "supervisor", "supervisor-demo-2026", "台账检查")
    save(window, out, "overview.png")
    page = window.show_page("出入登记")
    assert isinstance(page, RoomAccessPage) and page.form is not None
    page.form.name.setText("孙丽")
    page.form.unit.setText("市人力资源和社会保障局")
    page.form.purpose.setEditText("保密检查")
    page.form.escort.setText("刘洋")
    save(window, out, "room-access.png")
    window.show_page("使用登记")
    save(window, out, "computer-use.png")
    audit = window.show_page("审计台账")
    assert isinstance(audit, AuditPage)
    audit.verify()
    settle(audit.result.isVisible)
    save(window, out, "audit.png")
    window.lock()
    settle(lambda: window.ctx.session.locked)
    save(window, out, "locked.png")
    window.close()
    settle(lambda: window._finished)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    app.setApplicationName("题库工作站")
    install_translations(app)
    load_app_font(app)
    login_shot(args.vault, args.out)
    admin_shots(args.vault, args.out)
    supervisor_shots(args.vault, args.out)


if __name__ == "__main__":
    main()

"""The main window: a sidebar of the pages the account's roles allow, the status bar, the lock."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from bankstation.domain.roles import Role, roles_label
from bankstation.gui import messages
from bankstation.gui.dialogs.accounts import PasswordDialog
from bankstation.gui.hub import Context, Hub
from bankstation.gui.idle import DEFAULT_IDLE_MS, IdleWatcher
from bankstation.gui.lock_panel import LockPanel
from bankstation.gui.ops import run_op, tracker
from bankstation.gui.pages.accounts import AccountsPage
from bankstation.gui.pages.assembly import AssemblyPage
from bankstation.gui.pages.audit import AuditPage
from bankstation.gui.pages.banks import BANK_VIEWERS, BanksPage
from bankstation.gui.pages.blueprints import BlueprintsPage
from bankstation.gui.pages.computer_use import ComputerUsePage
from bankstation.gui.pages.imports import ImportPage
from bankstation.gui.pages.overview import OverviewPage, failed_logins_text
from bankstation.gui.pages.papers import PAPER_READERS, PapersPage
from bankstation.gui.pages.quality import QualityPage
from bankstation.gui.pages.questions import QuestionsPage
from bankstation.gui.pages.review import ReviewPage
from bankstation.gui.pages.room_access import RoomAccessPage
from bankstation.gui.widgets import fit_to_screen
from bankstation.services import station
from bankstation.services.ledger import LEDGER_READERS
from bankstation.services.session import Session

log = logging.getLogger(__name__)
LOGOUT_REASON = "正常退出"
NAV_STYLE = "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }"


@dataclass(frozen=True)
class PageSpec:
    title: str
    roles: tuple[Role, ...]  # empty: everyone
    make: Callable[[Context, int], QWidget]


# The services check every role again; hiding a page only spares the person a refusal.
PAGES: tuple[PageSpec, ...] = (
    PageSpec("概况", (), OverviewPage),
    PageSpec("题库", BANK_VIEWERS, lambda ctx, _idle: BanksPage(ctx)),
    PageSpec("试题", BANK_VIEWERS, lambda ctx, _idle: QuestionsPage(ctx)),
    PageSpec("审核", (Role.REVIEWER,), lambda ctx, _idle: ReviewPage(ctx)),
    PageSpec("导入试题", (Role.KEEPER,), lambda ctx, _idle: ImportPage(ctx)),
    PageSpec("质量报告", BANK_VIEWERS, lambda ctx, _idle: QualityPage(ctx)),
    PageSpec("账户与保密责任书", (Role.ADMIN,), lambda ctx, _idle: AccountsPage(ctx)),
    PageSpec("组卷方案", (Role.KEEPER, Role.ASSEMBLER, Role.REVIEWER),
             lambda ctx, _idle: BlueprintsPage(ctx)),
    PageSpec("组卷", (Role.ASSEMBLER,), lambda ctx, _idle: AssemblyPage(ctx)),
    PageSpec("试卷", PAPER_READERS, lambda ctx, _idle: PapersPage(ctx)),
    PageSpec("出入登记", LEDGER_READERS, lambda ctx, _idle: RoomAccessPage(ctx)),
    PageSpec("使用登记", LEDGER_READERS, lambda ctx, _idle: ComputerUsePage(ctx)),
    PageSpec("审计台账", LEDGER_READERS, lambda ctx, _idle: AuditPage(ctx)),
)


class MainWindow(QMainWindow):
    """Emits ``ended(relogin)`` once the session is over: ``True`` after 退出登录 (show the
    login again), ``False`` when the window was closed (quit)."""

    ended = Signal(bool)

    def __init__(self, session: Session, idle_ms: int = DEFAULT_IDLE_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = Context(session, Hub(self))
        self._ending = False
        self._finished = False
        self._lock_pending = False
        account = session.account
        self.setWindowTitle(f"题库工作站 — {account.full_name}（{account.name}）")
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.stack = QStackedWidget()
        self._build_pages(idle_ms)
        self.content = content = QWidget()
        row = QHBoxLayout(content)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.lock_panel = LockPanel(session)
        self.lock_panel.unlocked.connect(self._unlocked)
        self.lock_panel.logout_requested.connect(self.logout)
        self.screens = QStackedWidget()
        self.screens.addWidget(content)
        self.screens.addWidget(self.lock_panel)
        self.setCentralWidget(self.screens)
        self._build_menu()
        self._build_status_bar()
        self.ctx.hub.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)
        tracker().all_done.connect(self._ops_done)
        self.idle.start()
        fit_to_screen(self, 1280, 800)
        if session.failed_attempts:
            QTimer.singleShot(0, self, self._tell_failed_logins)

    # -- construction ------------------------------------------------------------------------
    def _build_pages(self, idle_ms: int) -> None:
        account = self.ctx.session.account
        for spec in PAGES:
            if spec.roles and not any(account.has(role) for role in spec.roles):
                continue
            page = spec.make(self.ctx, idle_ms)
            self.pages[spec.title] = page
            self.stack.addWidget(page)
            self.nav.addItem(spec.title)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.nav.setStyleSheet(NAV_STYLE)
        width = max(self.nav.sizeHintForColumn(0), 8 * self.fontMetrics().horizontalAdvance("字"))
        self.nav.setFixedWidth(width + 32)

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu("会话(&S)")
        self.lock_action = QAction("锁定(&L)", self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.password_action = QAction("修改密码(&P)…", self)
        self.password_action.triggered.connect(self.change_password)
        self.logout_action = QAction("退出登录(&O)", self)
        self.logout_action.triggered.connect(self.logout)
        menu.addAction(self.lock_action)
        menu.addAction(self.password_action)
        menu.addSeparator()
        menu.addAction(self.logout_action)

    def _build_status_bar(self) -> None:
        session, account = self.ctx.session, self.ctx.session.account
        self.user_label = QLabel(
            f"{account.full_name}（{account.name}）· {roles_label(account.roles)}")
        self.purpose_label = QLabel(f"使用事由：{session.purpose}")
        self.lock_button = QPushButton("锁定")
        self.lock_button.setToolTip("锁定并关闭题库连接（Ctrl+L）")
        self.lock_button.clicked.connect(self.lock)
        for label in (self.user_label, self.purpose_label):
            label.setContentsMargins(12, 0, 12, 0)
        bar = self.statusBar()
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.purpose_label)
        bar.addPermanentWidget(self.lock_button)

    # -- pages -------------------------------------------------------------------------------
    def page_titles(self) -> list[str]:
        return list(self.pages)

    def show_page(self, title: str) -> QWidget:
        self.nav.setCurrentRow(list(self.pages).index(title))
        return self.pages[title]

    def _tell_failed_logins(self) -> None:
        messages.show_info(self, failed_logins_text(self.ctx.session.failed_attempts))

    def change_password(self) -> None:
        account = self.ctx.session.account
        dialog = PasswordDialog(self.ctx, account.name, account.full_name, self)
        dialog.accepted.connect(lambda: self.ctx.hub.notice.emit("密码已修改。"))
        dialog.open()

    # -- lock --------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_panel

    def lock(self) -> None:
        """Hide the content at once, then ledger the lock and close the vault off-thread."""
        if self.locked or self._ending:
            return
        if tracker().busy():  # an operation holds the vault; lock as soon as it is done
            self._lock_pending = True
            return
        self._show_locked(True)
        self._close_dialogs()
        session = self.ctx.session
        run_op(self, lambda: station.lock(session), self._lock_done, self._lock_failed,
               busy_text=None)

    def _close_dialogs(self) -> None:
        """Dialogs and message boxes are windows of their own: hiding the content leaves them
        up, with whatever they show. Their input is abandoned, as with a closed window."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)

    def _ops_done(self) -> None:
        if self._lock_pending:
            self._lock_pending = False
            self.lock()

    def _lock_done(self, _result: object) -> None:
        self.ctx.hub.changed.emit()  # the models drop their rows while locked

    def _lock_failed(self, exc: Exception) -> None:
        # The ledger entry could not be written (a full disk, say). Close the vault anyway:
        # an unattended screen must not stay open because of a bookkeeping failure.
        log.warning("锁定时未能写入台账：%s", exc)
        self.ctx.session.detach()
        self.ctx.hub.changed.emit()
        self.lock_panel.reset(f"锁定记录未能写入台账：{messages.describe(exc)}")

    def _show_locked(self, locked: bool) -> None:
        self.screens.setCurrentWidget(self.lock_panel if locked else self.content)
        for action in (self.lock_action, self.password_action):
            action.setEnabled(not locked)
        self.lock_button.setEnabled(not locked)
        if locked:
            self.idle.stop()
            self.lock_panel.reset()
        else:
            self.idle.start()

    def _unlocked(self) -> None:
        self._show_locked(False)
        self.ctx.hub.changed.emit()

    # -- end of the session ------------------------------------------------------------------
    def logout(self) -> None:
        self._end(relogin=True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's API
        if self._finished:
            event.accept()
            return
        event.ignore()  # the computer-use record is closed first, off the GUI thread
        self._end(relogin=False)

    def _end(self, relogin: bool) -> None:
        if self._ending:
            return
        self._ending = True
        self._lock_pending = False
        self.idle.stop()
        session = self.ctx.session
        if session.locked:  # nothing can be written without the key; the next login closes it
            self._finish(relogin)
            return

        def failed(exc: Exception) -> None:
            # Leave anyway: the core closes the record as abandoned at the next login.
            text = f"{messages.describe(exc)}\n\n本次使用记录将在下次登录时补记。"
            messages.show_error(self, text, on_close=lambda: self._finish(relogin))

        run_op(self, lambda: station.logout(session, LOGOUT_REASON),
               lambda _none: self._finish(relogin), failed,
               busy_text="正在退出登录并封存台账…")

    def _finish(self, relogin: bool) -> None:
        self._finished = True
        self.idle.stop()
        self.close()
        self.ended.emit(relogin)

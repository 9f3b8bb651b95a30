"""What a locked window shows instead of its content: the same person's password, or logout."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.errors import AuthError, LoginThrottled
from bankstation.gui.messages import describe
from bankstation.gui.ops import run_op
from bankstation.gui.widgets import error_label, set_message
from bankstation.services import station
from bankstation.services.session import Session

TITLE_STYLE = "font-size: 18pt; font-weight: bold;"


def unlock_error_text(exc: Exception) -> str:
    if isinstance(exc, AuthError) and not isinstance(exc, LoginThrottled):
        return "密码错误，题库仍保持锁定。失败次数已记录。"
    return describe(exc)


class LockPanel(QWidget):
    """Emits ``unlocked`` once ``station.unlock`` succeeded, ``logout_requested`` on 退出登录."""

    unlocked = Signal()
    logout_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._busy = False
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMinimumWidth(30 * self.fontMetrics().horizontalAdvance("字"))
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.setSpacing(12)
        title = QLabel("题库已锁定")
        title.setStyleSheet(TITLE_STYLE)
        inner.addWidget(title)
        account = session.account
        # Two fixed lines: a word-wrapped label in a centred box is cut off at the bottom.
        inner.addWidget(QLabel(f"{account.full_name}（{account.name}）的会话已锁定，"
                               "题库连接已关闭。\n请输入本人密码解锁；其他人请先退出登录。"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("密码")
        self.password.returnPressed.connect(self.submit)
        inner.addWidget(self.password)
        self.error = error_label()
        inner.addWidget(self.error)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        inner.addWidget(self.progress)
        buttons = QHBoxLayout()
        self.logout_button = QPushButton("退出登录")
        self.logout_button.clicked.connect(self.logout_requested)
        self.unlock_button = QPushButton("解锁")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        buttons.addWidget(self.logout_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def reset(self, note: str = "") -> None:
        self.password.clear()
        set_message(self.error, note)
        self.password.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        password = self.password.text()
        if not password:
            set_message(self.error, "请输入密码。")
            return
        session = self.session
        self._set_busy(True)
        run_op(self, lambda: station.unlock(session, password), self._succeeded, self._failed,
               busy_text=None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.password, self.unlock_button, self.logout_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)

    def _succeeded(self, _result: object) -> None:
        self._set_busy(False)
        self.password.clear()
        set_message(self.error, "")
        self.unlocked.emit()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.reset(unlock_error_text(exc))

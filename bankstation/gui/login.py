"""The login dialog: account, password and purpose of use; the unlock runs off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.clock import Clock
from bankstation.gui.messages import describe
from bankstation.gui.ops import run_op
from bankstation.gui.widgets import error_label, set_message
from bankstation.services import station
from bankstation.services.config import KdfParams
from bankstation.services.session import Session

COMMON_PURPOSES = ("录入试题", "审核试题", "组卷", "制卷", "台账检查", "出入登记", "账户管理")
TITLE_STYLE = "font-size: 20pt; font-weight: bold;"
SUBTITLE = "题库专用计算机 · 仅限签署保密责任书的人员使用，每次使用均记入登记。"


def missing_vault_text(path: Path) -> str:
    return (f"找不到题库文件：{path}\n请先运行 bankstation demo 创建演示题库，"
            "或运行 bankstation init 新建题库；也可用 --vault 指定题库文件。")


class LoginDialog(QDialog):
    """Emits ``logged_in(session)`` and accepts; on failure says why and clears the password."""

    logged_in = Signal(object)

    def __init__(self, vault_path: Path, clock: Clock, kdf: KdfParams,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault_path, self.clock, self.kdf = vault_path, clock, kdf
        self.session: Session | None = None
        self._busy = False
        self.setWindowTitle("题库工作站 — 登录")
        layout = QVBoxLayout(self)
        title = QLabel("题库工作站")
        title.setStyleSheet(TITLE_STYLE)
        layout.addWidget(title)
        layout.addWidget(QLabel(SUBTITLE))
        self.account = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(COMMON_PURPOSES)
        self.purpose.setCurrentIndex(-1)
        editor = self.purpose.lineEdit()
        if editor is not None:
            editor.setPlaceholderText("选择或填写本次使用的事由")
        path_label = QLabel(str(vault_path))
        path_label.setWordWrap(True)
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("题库文件：", path_label)
        form.addRow("账户：", self.account)
        form.addRow("密码：", self.password)
        form.addRow("使用事由：", self.purpose)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setFormat("")
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton("登录", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton("退出", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.login_button.setDefault(True)
        self.setMinimumWidth(520)
        if not vault_path.exists():
            set_message(self.error, missing_vault_text(vault_path))
        self.account.setFocus()

    def submit(self) -> None:
        if self._busy:
            return
        name, password = self.account.text().strip(), self.password.text()
        purpose = self.purpose.currentText().strip()
        for text, missing, widget in (
            (name, "请填写账户名。", self.account),
            (password, "请输入密码。", self.password),
            (purpose, "请选择或填写使用事由。", self.purpose),
        ):
            if not text:
                set_message(self.error, missing)
                widget.setFocus()
                return
        path, clock, kdf = self.vault_path, self.clock, self.kdf
        self._set_busy(True)
        run_op(self, lambda: station.login(path, name, password, purpose, clock, "gui", kdf),
               self._succeeded, self._failed, busy_text=None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.account, self.password, self.purpose, self.login_button,
                       self.quit_button):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            set_message(self.error, "")

    def _succeeded(self, session: Session) -> None:
        self._set_busy(False)
        self.session = session
        self.password.clear()
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        set_message(self.error, describe(exc))
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if not self._busy:  # a login under way would open a session no one closes
            super().reject()

"""概况: who is logged in, for what, under which pledge, and what this session will record."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from bankstation.domain.clock import short_time
from bankstation.domain.roles import roles_label
from bankstation.gui.formatting import pledge_text
from bankstation.gui.hub import Context
from bankstation.gui.pages.common import page_layout
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services.memory_check import memory_warning
from bankstation.services.network_check import network_warning


def failed_logins_text(count: int) -> str:
    return f"自上次成功登录以来有 {count} 次登录失败，已记入台账。" if count else ""


class OverviewPage(QWidget):
    def __init__(self, ctx: Context, idle_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session, account = ctx.session, ctx.session.account
        layout = page_layout(
            self, "概况",
            "本次登录已记入《题库专用计算机使用登记》；退出登录时程序补记结束时间和所做工作。"
            "离开座位请锁定（Ctrl+L）。")
        box = QGroupBox("本次使用")
        form = QFormLayout(box)
        minutes = idle_ms / 60000
        idle = f"{minutes:g} 分钟" if minutes >= 1 else f"{idle_ms / 1000:g} 秒"
        rows = (
            ("姓名：", account.full_name),
            ("账户：", account.name),
            ("角色：", roles_label(account.roles)),
            ("保密责任书：", pledge_text(account)),
            ("使用事由：", session.purpose),
            ("登录时间：", short_time(session.now())),
            ("题库文件：", str(session.path)),
            ("空闲锁定：", f"无操作 {idle} 后自动锁定"),
        )
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            form.addRow(label, text)
        layout.addWidget(box)
        self.failed_logins = QLabel(failed_logins_text(session.failed_attempts))
        self.failed_logins.setStyleSheet(ERROR_STYLE)
        self.failed_logins.setVisible(bool(session.failed_attempts))
        layout.addWidget(self.failed_logins)
        # DESIGN.md §1: the dedicated computer has no network; say so when one is live.
        self.network = _warning_label(network_warning())
        layout.addWidget(self.network)
        # DESIGN.md §5: the vault's memory is locked; say so when this account cannot lock it.
        self.memory = _warning_label(memory_warning())
        layout.addWidget(self.memory)
        layout.addStretch(1)


def _warning_label(warning: str | None) -> QLabel:
    label = QLabel(warning or "")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setVisible(bool(warning))
    return label

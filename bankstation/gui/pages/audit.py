"""审计台账: every recorded action, newest first; verification and checkpoints for inspection."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from bankstation.domain.clock import short_time
from bankstation.domain.errors import BankStationError
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.models.audit import AuditModel, action_filters
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.widgets import ERROR_STYLE, OK_STYLE, make_table
from bankstation.services import files, ledger
from bankstation.services.ledger import VerifyReport


def report_text(report: VerifyReport) -> str:
    root = base64.b64encode(report.root).decode()
    text = (f"台账完整：共 {report.size} 条记录，逐条核对无误；"
            f"已核对 {report.checkpoints_checked} 个签名检查点和出入、使用两本登记簿。\n"
            f"当前根哈希：{root}")
    if report.external is not None:
        text += (f"\n与检查点文件一致（{short_time(report.external.time)}，"
                 f"当时 {report.external.size} 条记录）。")
    return text


class AuditPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = page_layout(
            self, "审计台账",
            "每一项变更、登录、退出、锁定和解锁都按顺序记入台账，并由本站密钥签名的检查点封存；"
            "记录被改动、删除、调换，或题库被换成旧副本，校验都会发现。")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("操作类型："))
        self.filter = QComboBox()
        for label, prefix in action_filters():
            self.filter.addItem(label, prefix)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        bar.addWidget(self.filter)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.verify_button = QPushButton("校验台账")
        self.verify_button.clicked.connect(lambda: self.verify(None))
        self.verify_file_button = QPushButton("按检查点文件校验…")
        self.verify_file_button.clicked.connect(self.choose_checkpoint)
        self.export_button = QPushButton("导出检查点…")
        self.export_button.clicked.connect(self.choose_export_path)
        for button in (self.verify_button, self.verify_file_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        layout.addWidget(self.result)
        self.model = AuditModel(ctx, self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)
        self.model.modelReset.connect(self._count)
        self._count()

    def _filter_changed(self) -> None:
        self.model.set_filter(self.filter.currentData())

    def _count(self) -> None:
        """The total is counted off the GUI thread: on a long ledger it takes a moment."""
        session, prefix = self.ctx.session, self.model.prefix
        if session.locked:
            self.count_label.clear()
            return

        def show(total: int) -> None:
            if prefix == self.model.prefix:
                self.count_label.setText(f"共 {total} 条")

        run_op(self, lambda: ledger.audit_count(session, prefix), show, busy_text=None)

    # -- verification ------------------------------------------------------------------------
    def verify(self, checkpoint: str | None = None) -> None:
        session = self.ctx.session
        run_op(self, lambda: ledger.verify(session, checkpoint), self._verified,
               self._verify_failed, busy_text="正在校验台账，请稍候…")

    def _verified(self, report: VerifyReport) -> None:
        self._show_result(report_text(report), ok=True)

    def _verify_failed(self, exc: Exception) -> None:
        self._show_result(messages.describe(exc), ok=False)
        messages.show_failure(self, exc)

    def _show_result(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result.show()

    def choose_checkpoint(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择检查点文件", "",
                                              "检查点文件 (*.txt);;所有文件 (*)")
        if path:
            self.verify_with_file(Path(path))

    def verify_with_file(self, path: Path) -> None:
        try:
            text = files.read_text(path, "检查点文件")
        except BankStationError as exc:
            messages.show_error(self, exc.message)
            return
        self.verify(text)

    # -- checkpoint --------------------------------------------------------------------------
    def choose_export_path(self) -> None:
        stamp = self.ctx.session.clock.now().strftime("%Y%m%d-%H%M")
        path, _ = QFileDialog.getSaveFileName(self, "导出检查点", f"台账检查点-{stamp}.txt",
                                              "文本文件 (*.txt)")
        if path:
            self.export_checkpoint(Path(path))

    def export_checkpoint(self, path: Path) -> None:
        session = self.ctx.session

        def work() -> str:
            text = ledger.checkpoint_text(session)
            files.write_text(path, text)
            return text

        def done(_text: str) -> None:
            messages.show_info(self, f"检查点已保存到：\n{path}\n\n请打印并妥善保存；"
                                     "日后可用“按检查点文件校验”核对题库是否被改动或替换。")

        run_op(self, work, done, busy_text="正在生成检查点…", hub=self.ctx.hub)

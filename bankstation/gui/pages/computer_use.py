"""使用登记: the computer-use register the program keeps by itself, one row per session."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from bankstation.gui.hub import Context
from bankstation.gui.models.registers import ComputerUseModel
from bankstation.gui.pages.common import page_layout
from bankstation.gui.widgets import make_table


class ComputerUsePage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = page_layout(
            self, "使用登记",
            "《题库专用计算机使用登记》由程序自动记录：每次登录记下使用人、事由和开始时间，"
            "退出时补记结束时间和所做工作；未正常退出的，在下次登录时补记。")
        self.model = ComputerUseModel(ctx, self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)

"""出入登记: the supervisor enters each visit to the secure room; admin and supervisor read it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.ledger import RoomAccess
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.hub import Context
from bankstation.gui.models.registers import RoomAccessModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.widgets import iso_minutes, make_table, qdatetime
from bankstation.services import registers

COMMON_PURPOSES = ("录入与维护试题", "审核试题", "组卷制卷", "刻录光盘", "保密检查", "设备维护")


def _time_edit() -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class RoomAccessForm(QGroupBox):
    """The entry form; it is cleared only after the register accepted the entry."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__("登记出入", parent)
        self.ctx = ctx
        self.name = QLineEdit()
        self.unit = QLineEdit()
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(COMMON_PURPOSES)
        self.time_in = _time_edit()
        self.left = QCheckBox("已离开")
        self.time_out = _time_edit()
        self.left.toggled.connect(self.time_out.setEnabled)
        self.escort = QLineEdit()
        self.escort.setPlaceholderText("无人陪同可不填")
        out_row = QHBoxLayout()
        out_row.addWidget(self.left)
        out_row.addWidget(self.time_out, 1)
        form = QFormLayout()
        form.addRow("姓名：", self.name)
        form.addRow("单位：", self.unit)
        form.addRow("事由：", self.purpose)
        form.addRow("进入时间：", self.time_in)
        form.addRow("离开时间：", out_row)
        form.addRow("陪同人员：", self.escort)
        self.submit_button = QPushButton("登记")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        clear_button = QPushButton("清空")
        clear_button.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(clear_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.clear()

    def clear(self) -> None:
        now = qdatetime(self.ctx.session.clock.now())
        for edit in (self.name, self.unit, self.escort):
            edit.clear()
        self.purpose.setCurrentIndex(-1)
        self.purpose.clearEditText()
        self.time_in.setDateTime(now)
        self.time_out.setDateTime(now)
        self.left.setChecked(False)
        self.time_out.setEnabled(False)

    def submit(self) -> None:
        session = self.ctx.session
        name, unit, purpose = self.name.text(), self.unit.text(), self.purpose.currentText()
        time_in = iso_minutes(self.time_in)
        time_out = iso_minutes(self.time_out) if self.left.isChecked() else None
        escort = self.escort.text()
        self.submit_button.setEnabled(False)
        run_op(self, lambda: registers.add_room_access(session, name, unit, purpose, time_in,
                                                       time_out, escort),
               self._added, self._failed, busy_text="正在登记…", hub=self.ctx.hub)

    def _failed(self, exc: Exception) -> None:
        self.submit_button.setEnabled(True)
        messages.show_failure(self, exc)  # every field keeps what was typed

    def _added(self, row: RoomAccess) -> None:
        self.submit_button.setEnabled(True)
        self.ctx.hub.notice.emit(f"已登记：{row.name}（{row.unit}）。")
        self.clear()
        self.name.setFocus()


class RoomAccessPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        can_enter = ctx.session.account.has(Role.SUPERVISOR)
        note = ("进入题库专用场所的每一人次由监督员登记：姓名、单位、事由、进入和离开时间、"
                "陪同人员。" + ("" if can_enter else "本账户可以查阅，登记须由监督员进行。"))
        layout = page_layout(self, "出入登记", note)
        self.form: RoomAccessForm | None = RoomAccessForm(ctx) if can_enter else None
        if self.form is not None:
            layout.addWidget(self.form)
        self.model = RoomAccessModel(ctx, self)
        self.view = make_table(self.model)
        layout.addWidget(self.view, 1)

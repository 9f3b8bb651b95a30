"""试卷: every assembled form; read one as printed; 审定 by a second person, 撤回 with reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.errors import VaultLocked
from bankstation.domain.papers import PaperStatus
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.dialogs.paper_reason import ReasonDialog
from bankstation.gui.hub import Context
from bankstation.gui.models.paper_list import PaperRow, PapersModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import NOTE_STYLE, bar_button, page_layout
from bankstation.gui.pages.paper_document import (
    IMAGE_SCHEME,
    PaperView,
    header_html,
    load_paper,
    paper_html,
)
from bankstation.gui.widgets import make_table, selected_row
from bankstation.services import papers

PAPER_READERS = (Role.ASSEMBLER, Role.REVIEWER, Role.SUPERVISOR)  # may approve and withdraw
FINAL = (PaperStatus.WITHDRAWN.value, PaperStatus.USED.value)


def approve_refusal(paper: dict[str, Any] | PaperRow, me: str, may: bool) -> str:
    """Why this person may not approve this paper now ('' when they may)."""
    if not may:
        return "审定试卷须由审核员、监督员或组卷员进行。"
    if paper["status"] != PaperStatus.DRAFT.value:
        return f"只有草稿状态的试卷可以审定（当前为「{PaperStatus(paper['status']).label}」）。"
    if paper["assembled_by"] == me:
        return "本卷由您组卷，须由另一人审定。"
    return ""


class PaperBrowser(QTextBrowser):
    """Shows a paper; its images come from the paper's view (read off the GUI thread)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: dict[str, bytes] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 - Qt's API
        url = name if isinstance(name, QUrl) else QUrl(name)
        if url.scheme() == IMAGE_SCHEME:
            image = QImage.fromData(self.images.get(url.path(), b""))
            if image.isNull():  # a missing image: a grey box where it belongs
                image = QImage(48, 32, QImage.Format.Format_RGB32)
                image.fill(QColor(200, 200, 200))
            return image
        return super().loadResource(kind, url)


class PapersPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        account = ctx.session.account
        self.may_approve = any(account.has(r) for r in PAPER_READERS)
        layout = page_layout(
            self, "试卷",
            "组卷得到的试卷先为草稿，须由组卷人以外的另一人审定后才能制卷；"
            "下方按印刷顺序显示题干、选项和答案。撤回须写明理由，记入台账。")
        bar = QHBoxLayout()
        self.approve_button = self._button(bar, "审定", self.approve)
        self.withdraw_button = self._button(bar, "撤回…", self.withdraw)
        self.why = QLabel()
        self.why.setStyleSheet(NOTE_STYLE)
        bar.addWidget(self.why, 1)
        layout.addLayout(bar)
        self.model = PapersModel(ctx, self)
        self.view = make_table(self.model)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.header.linkActivated.connect(lambda link: self.show_section_anchor(link[1:]))
        self.header.hide()
        self.document = PaperBrowser()
        self.document.setOpenLinks(False)
        self.document.setPlaceholderText("在上表中选择一份试卷。")
        reader = QWidget()
        reader_layout = QVBoxLayout(reader)
        reader_layout.setContentsMargins(0, 4, 0, 0)
        reader_layout.addWidget(self.header)  # stays in sight while the questions scroll
        reader_layout.addWidget(self.document, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(reader)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout.addWidget(split, 1)
        self.shown: PaperView | None = None
        self._want = ""
        self._generation = 0
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._reloaded)
        self._update_actions()

    _button = staticmethod(bar_button)

    # -- selection ---------------------------------------------------------------------------
    def selected(self) -> PaperRow | None:
        return self.model.row_at(selected_row(self.view))

    def select(self, paper_id: str) -> None:
        self._want = paper_id
        row = self.model.find(paper_id)
        if row >= 0:
            self.view.selectRow(row)

    def _reloaded(self) -> None:
        if self._want:
            self.select(self._want)
        self._update_actions()

    def _selection_changed(self) -> None:
        row = self.selected()
        if row is not None:
            self._want = row["paper_id"]
            self._load(row["paper_id"])
        self._update_actions()

    def _load(self, paper_id: str) -> None:
        self._generation += 1
        generation, session = self._generation, self.ctx.session

        def arrived(view: PaperView) -> None:
            if generation == self._generation:
                self.shown = view
                scroll = self.document.verticalScrollBar().value()
                same = self.document.property("paper_id") == paper_id
                self.header.setText(header_html(view.paper))
                self.header.show()
                self.document.images = view.images
                self.document.setHtml(paper_html(view))
                self.document.setProperty("paper_id", paper_id)
                if same:  # a reload after 审定 keeps the reader's place
                    self.document.verticalScrollBar().setValue(scroll)
                self._update_actions()

        def failed(exc: Exception) -> None:
            if generation == self._generation and not isinstance(exc, VaultLocked):
                self.header.hide()
                self.document.setPlainText(messages.describe(exc))

        run_op(self, lambda: load_paper(session, paper_id), arrived, failed, busy_text=None)

    def _update_actions(self) -> None:
        row, me = self.selected(), self.ctx.session.account.name
        if row is None:
            self.approve_button.setEnabled(False)
            self.withdraw_button.setEnabled(False)
            self.why.clear()
            return
        refusal = approve_refusal(row, me, self.may_approve)
        self.approve_button.setEnabled(not refusal)
        self.approve_button.setToolTip(refusal)
        self.why.setText(refusal)
        self.withdraw_button.setEnabled(self.may_approve and row["status"] not in FINAL)

    def show_section_anchor(self, anchor: str) -> None:
        self.document.scrollToAnchor(anchor)

    # -- actions -----------------------------------------------------------------------------
    def approve(self) -> None:
        row = self.selected()
        if row is None:
            return
        session, paper_id, form = self.ctx.session, row["paper_id"], row["form"]

        def done(paper: dict[str, Any]) -> None:
            self.ctx.hub.notice.emit(f"{form}卷已审定（{paper['approved_by']}）。")
            self._load(paper_id)

        def go() -> None:
            run_op(self, lambda: papers.approve(session, paper_id), done,
                   busy_text="正在审定…", hub=self.ctx.hub)

        messages.confirm(self, f"确定审定{form}卷？审定后即可制卷，卷中试题记为已使用"
                               "（回避期自今日起算）。", go, "审定")

    def withdraw(self) -> ReasonDialog | None:
        row = self.selected()
        if row is None:
            return None
        session, paper_id, form = self.ctx.session, row["paper_id"], row["form"]
        dialog = ReasonDialog(
            self.ctx, "撤回试卷", f"撤回{form}卷（第 {row['assembly']} 次组卷）后不能再制卷；"
            "如需试卷请重新组卷。", "撤回",
            lambda reason: papers.withdraw(session, paper_id, reason), "正在撤回…", self)

        def done() -> None:
            self.ctx.hub.notice.emit(f"{form}卷已撤回。")
            self._load(paper_id)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

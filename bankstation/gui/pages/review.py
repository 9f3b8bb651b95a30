"""审核: the reviewer's queue of submitted questions — approve, reject with a reason, in bulk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from bankstation.domain.qtypes import Status
from bankstation.domain.questions import Question
from bankstation.gui import messages
from bankstation.gui.dialogs.question_history import RecordTabs
from bankstation.gui.dialogs.reason import ReasonDialog
from bankstation.gui.hub import Context
from bankstation.gui.models.questions import QuestionColumn
from bankstation.gui.models.review import OWN_REASON, ReviewModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.common import page_layout
from bankstation.gui.pages.questions import BankQuestionsBase
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services import questions


def approved_text(done: list[int], refused: list[tuple[int, str]]) -> str:
    text = f"已通过 {len(done)} 道试题。"
    if refused:
        lines = "\n".join(f"试题 {qid}：{why}" for qid, why in refused[:10])
        more = f"\n……另有 {len(refused) - 10} 道" if len(refused) > 10 else ""
        text += f"\n\n以下 {len(refused)} 道未通过：\n{lines}{more}"
    return text


class ReviewPage(BankQuestionsBase):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        model = ReviewModel(ctx)
        super().__init__(ctx, model, parent)
        self.review_model = model
        model.setParent(self)
        layout = page_layout(
            self, "审核",
            "列出本题库待审核的试题。试题须由编写人以外的审核员审核：他人编写的以粗体显示，"
            "本人编写的显示为灰色，不能审核。退回必须写明理由，理由记入试题的审核记录。")
        layout.addLayout(self.bank_row())
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.own_label = QLabel(OWN_REASON)
        self.own_label.setStyleSheet(ERROR_STYLE)
        self.own_label.hide()
        column.addWidget(self.own_label)
        column.addWidget(self.preview, 3)
        history_box = QGroupBox("版本与审核记录")
        self.records = RecordTabs()
        self.history = self.records.versions
        QVBoxLayout(history_box).addWidget(self.records)
        column.addWidget(history_box, 1)
        # Every row waits for review; the preview and the record below say the rest.
        for hidden in (QuestionColumn.STATUS, QuestionColumn.UPDATED, QuestionColumn.USED,
                       QuestionColumn.ENEMY):
            self.view.setColumnHidden(model.column_of(hidden), True)
        layout.addWidget(self.splitter(right, Qt.Orientation.Horizontal), 1)
        bar = QHBoxLayout()
        self.approve_button = self.button(bar, "通过", self.approve_selected)
        self.reject_button = self.button(bar, "退回…", self.reject_current)
        bar.addStretch(1)
        self.approve_all_button = self.button(bar, "全部通过…", self.approve_all)
        self.approve_all_button.setToolTip("通过本题库全部待审核试题（本人编写的除外）")
        layout.addLayout(bar)
        self._bank_changed()

    def reviewable_ids(self) -> list[int]:
        """The selected questions but one's own. A row not read yet (selected by Ctrl+A, say)
        is not known to be one's own: it goes along, and approve_many refuses it if it is."""
        model = self.review_model
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [qid for qid, row in ((model.id_at(n), model.row_at(n)) for n in rows)
                if qid is not None and (row is None or not model.own(row))]

    def _own(self, question: Question | None) -> bool:
        return question is not None and question.author == self.ctx.session.account.name

    def _show(self, question: Question | None) -> None:
        super()._show(question)
        self.records.clear_records()
        if question is None:
            return
        qid = question.id
        self.records.load(self, self.ctx, qid,
                          lambda: self.current is not None and self.current.id == qid)

    def update_buttons(self) -> None:
        q = self.current
        own = self._own(q)
        self.own_label.setVisible(own)
        self.approve_button.setEnabled(bool(self.reviewable_ids()))
        self.reject_button.setEnabled(q is not None and not own
                                      and q.status is Status.SUBMITTED)
        self.approve_all_button.setEnabled(self.model.total > 0)

    # -- actions -----------------------------------------------------------------------------
    def approve_selected(self) -> None:
        bank, ids = self.bank(), self.reviewable_ids()
        if bank is None or not ids:
            return
        self._approve(bank.id, ids)

    def approve_all(self) -> None:
        bank = self.bank()
        if bank is None:
            return
        bank_id = bank.id
        messages.confirm(self, f"通过「{bank.name}」全部 {self.model.total} 道待审核试题？\n"
                               "本人编写的试题不会通过，须由其他审核员审核。",
                         lambda: self._approve(bank_id, None), "全部通过")

    def _approve(self, bank_id: int, ids: list[int] | None) -> None:
        session = self.ctx.session

        def done(result: tuple[list[int], list[tuple[int, str]]]) -> None:
            approved, refused = result
            if refused or ids is None:
                messages.show_info(self, approved_text(approved, refused))
            self.ctx.hub.notice.emit(f"已通过 {len(approved)} 道试题。")

        run_op(self, lambda: questions.approve_many(session, bank_id, ids), done,
               busy_text="正在通过试题…", hub=self.ctx.hub)

    def reject_current(self) -> ReasonDialog | None:
        q = self.current
        if q is None or self._own(q):
            return None
        session, qid = self.ctx.session, q.id
        dialog = ReasonDialog(
            self.ctx, "退回试题", "退回",
            f"退回试题 {qid}（第 {q.version} 版）给编写人修改。请写明理由，理由记入审核记录。",
            lambda reason: questions.reject(session, qid, reason), required=True, parent=self)
        dialog.accepted.connect(lambda: self.ctx.hub.notice.emit(f"试题 {qid} 已退回。"))
        dialog.open()
        return dialog

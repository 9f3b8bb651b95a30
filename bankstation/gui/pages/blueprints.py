"""组卷方案: the blueprints of each bank, the editor, import/export, save, review and lock."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QWidget,
)

from bankstation.domain.banks import Bank
from bankstation.domain.blueprints import Blueprint
from bankstation.domain.problems import Problem
from bankstation.domain.qtypes import Status
from bankstation.domain.roles import Role
from bankstation.gui import messages
from bankstation.gui.dialogs.paper_reason import ReasonDialog
from bankstation.gui.hub import Context
from bankstation.gui.models.blueprint_list import BlueprintsModel
from bankstation.gui.ops import run_op
from bankstation.gui.pages.blueprint_editor import BlueprintEditor
from bankstation.gui.pages.common import NOTE_STYLE, bar_button, page_layout
from bankstation.gui.widgets import ERROR_STYLE, OK_STYLE, make_table, selected_row
from bankstation.services import banks, blueprints, files
from bankstation.services.blueprints import BlueprintInvalid, StoredBlueprint

LIST_ROWS = 3  # the list above the editor shows this many rows before it scrolls


def read_blueprint_file(path: Path) -> Blueprint:
    return blueprints.parse(files.read_text(path, "组卷方案文件"))


def refusal_text(problems: list[Problem]) -> str:
    return "组卷方案有问题，未保存：\n" + "\n".join(f"• {p.message}" for p in problems)


def same_blueprint(a: StoredBlueprint | None, b: StoredBlueprint | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.id, a.version, a.status, a.sha256) == (b.id, b.version, b.status, b.sha256)


class BlueprintsPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        account = ctx.session.account
        self.can_edit = account.has(Role.KEEPER) or account.has(Role.ASSEMBLER)
        self.can_review = account.has(Role.REVIEWER)
        layout = page_layout(
            self, "组卷方案",
            "方案规定考核范围与比重、题型、题量与分值。审核通过后锁定（以 SHA-256 为证），"
            "组卷时不得更改；修改只能另存新版本并重新审核。")
        self.current: StoredBlueprint | None = None  # what the editor shows (None: not saved)
        self.unlocked = False  # an approved blueprint opened for a new version
        self._want: int | None = None
        self._restoring = False
        layout.addLayout(self._toolbar())
        self.model = BlueprintsModel(ctx, self)
        self.view = make_table(self.model)
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height()
                                 + LIST_ROWS * (self.view.fontMetrics().height() + 12) + 4)
        layout.addWidget(self.view)
        self.editor = BlueprintEditor(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._actions())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._reloaded)
        self.editor.changed.connect(self._update_actions)
        self.editor.loaded.connect(self._update_actions)
        ctx.hub.changed.connect(self._load_banks)
        self._load_banks()
        self._update_actions()

    # -- construction ------------------------------------------------------------------------
    def _toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("题库："))
        self.bank_filter = QComboBox()
        self.bank_filter.addItem("全部题库", None)
        self.bank_filter.activated.connect(
            lambda: self.model.set_bank(self.bank_filter.currentData()))
        bar.addWidget(self.bank_filter, 1)
        self.new_button = self._button(bar, "新建方案", self.new_blueprint)
        self.import_button = self._button(bar, "导入方案文件…", self.choose_import)
        self.export_button = self._button(bar, "导出方案文件…", self.choose_export)
        for button in (self.new_button, self.import_button):
            button.setVisible(self.can_edit)
        bar.addStretch(1)
        return bar

    def _actions(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.state = QLabel()
        self.state.setWordWrap(True)
        bar.addWidget(self.state, 1)
        self.review_note = QLabel()
        self.review_note.setStyleSheet(NOTE_STYLE)
        bar.addWidget(self.review_note)
        self.new_version_button = self._button(bar, "修改（另存新版本）", self.unlock)
        self.draft_button = self._button(bar, "保存草稿", lambda: self.save(submit=False))
        self.submit_button = self._button(bar, "保存并提交审核", lambda: self.save(submit=True))
        self.approve_button = self._button(bar, "审核通过", self.approve)
        self.reject_button = self._button(bar, "退回…", self.reject)
        return bar

    _button = staticmethod(bar_button)

    # -- banks and the list ------------------------------------------------------------------
    def _load_banks(self) -> None:
        session = self.ctx.session
        if session.locked:
            return
        run_op(self, lambda: banks.list_banks(session), self._banks_arrived, busy_text=None)

    def _banks_arrived(self, found: list[Bank]) -> None:
        chosen = self.bank_filter.currentData()
        self.bank_filter.clear()
        self.bank_filter.addItem("全部题库", None)
        for bank in found:
            self.bank_filter.addItem(bank.name, bank.id)
        self.bank_filter.setCurrentIndex(max(0, self.bank_filter.findData(chosen)))
        self.editor.set_banks(found)
        self._update_actions()

    def selected(self) -> StoredBlueprint | None:
        row = self.model.row_at(selected_row(self.view))
        return row.stored if row else None

    def select(self, blueprint_id: int | None) -> None:
        self._want = blueprint_id
        row = self.model.find(blueprint_id) if blueprint_id is not None else -1
        if row >= 0:
            self.view.selectRow(row)
        else:
            self._restoring = True
            self.view.clearSelection()
            self._restoring = False

    def _reloaded(self) -> None:
        if self._want is not None:
            self.select(self._want)

    def _selection_changed(self) -> None:
        stored = self.selected()
        if self._restoring or stored is None or same_blueprint(stored, self.current):
            return
        if self.editor.is_dirty() and (self.current is None or stored.id != self.current.id):
            box = messages.confirm(self, "方案有未保存的修改，放弃这些修改？",
                                   lambda: self.open(stored), "放弃修改")
            # runs after the answer was acted on: the list shows what the editor holds
            box.finished.connect(lambda _r: self.select(self.current.id if self.current
                                                        else None))
            return
        self.open(stored)

    # -- opening -----------------------------------------------------------------------------
    def open(self, stored: StoredBlueprint) -> None:
        self.current, self.unlocked = stored, False
        self._want = stored.id
        self.editor.open_blueprint(stored.blueprint, stored.bank_id, saved=True)
        self._update_actions()

    def new_blueprint(self) -> None:
        bank_id = self.bank_filter.currentData() or self.editor.bank_id or \
            next(iter(self.editor.banks), None)
        if bank_id is None:
            messages.show_error(self, "还没有题库，请先建立题库并导入鉴定要素细目表。")
            return
        self._start_new(lambda: self.editor.new_blueprint(int(bank_id)))

    def _start_new(self, load: Callable[[], None]) -> None:
        def go() -> None:
            self.current, self.unlocked = None, False
            self.select(None)
            load()
            self._update_actions()

        if self.editor.is_dirty():
            messages.confirm(self, "方案有未保存的修改，放弃这些修改？", go, "放弃修改")
        else:
            go()

    # -- import and export -------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "导入组卷方案", "",
                                              "组卷方案 (*.json);;所有文件 (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        run_op(self, lambda: read_blueprint_file(path), self._imported, self._import_failed,
               busy_text=None)

    def _import_failed(self, exc: Exception) -> None:
        if isinstance(exc, BlueprintInvalid):
            text = "组卷方案文件有问题，未导入：\n" + "\n".join(f"• {p.message}"
                                                          for p in exc.problems)
            messages.show_error(self, text)
        else:
            messages.show_failure(self, exc)

    def _imported(self, bp: Blueprint) -> None:
        fits = [b for b in self.editor.banks.values() if b.occupation == bp.occupation
                and int(b.level) == bp.level and b.exam == bp.exam]
        fits.sort(key=lambda b: (b.voided, b.id != self.bank_filter.currentData(), b.id))
        if not fits:
            messages.show_error(self, f"没有与该方案一致的题库（职业 {bp.occupation}，"
                                      f"{bp.level} 级，{bp.exam}）。请先建立相应的题库。")
            return
        bank_id = fits[0].id
        self._start_new(lambda: self.editor.open_blueprint(bp, bank_id, saved=False))
        self.ctx.hub.notice.emit(f"已读入方案「{bp.title}」，尚未保存。")

    def choose_export(self) -> None:
        bp = self.editor.blueprint()
        if bp is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "导出组卷方案", f"{bp.title}.json",
                                              "组卷方案 (*.json)")
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        bp = self.editor.blueprint()
        if bp is None:
            return
        text = json.dumps(bp.to_dict(), ensure_ascii=False, indent=2) + "\n"
        run_op(self, lambda: files.write_text(path, text),
               lambda _none: self.ctx.hub.notice.emit(f"已导出组卷方案到 {path}。"),
               busy_text="正在写入文件…")

    # -- save, review ------------------------------------------------------------------------
    def save(self, submit: bool) -> None:
        bp, bank_id = self.editor.blueprint(), self.editor.bank_id
        if bp is None or bank_id is None:
            return
        session, bid = self.ctx.session, self.current.id if self.current else None
        run_op(self, lambda: blueprints.save(session, bank_id, bp, bid, submit), self._saved,
               self._save_failed, busy_text="正在保存组卷方案…", hub=self.ctx.hub)

    def _saved(self, result: tuple[StoredBlueprint, list[Problem]]) -> None:
        stored, warnings = result
        note = f"，另有 {len(warnings)} 条提示" if warnings else ""
        self.ctx.hub.notice.emit(f"已保存组卷方案 {stored.id}（第 {stored.version} 版，"
                                 f"{stored.status.label}）{note}。")
        self.open(stored)
        self.select(stored.id)

    def _save_failed(self, exc: Exception) -> None:
        if isinstance(exc, BlueprintInvalid):
            messages.show_error(self, refusal_text(exc.problems))
        else:
            messages.show_failure(self, exc)

    def unlock(self) -> None:
        if self.current is not None and self.current.status is Status.APPROVED:
            self.unlocked = True
            self._update_actions()

    def approve(self) -> None:
        stored = self.current
        if stored is None:
            return
        session = self.ctx.session
        question = (f"审核通过后，方案 {stored.id} 第 {stored.version} 版即锁定"
                    f"（SHA-256 {stored.sha256[:16]}…），组卷时不得更改。\n\n确定审核通过？")

        def done(approved: StoredBlueprint) -> None:
            self.ctx.hub.notice.emit(f"组卷方案 {approved.id} 第 {approved.version} 版"
                                     "已审核通过并锁定。")
            self.open(approved)

        def go() -> None:
            run_op(self, lambda: blueprints.approve(session, stored.id), done,
                   busy_text="正在审核…", hub=self.ctx.hub)

        messages.confirm(self, question, go, "审核通过")

    def reject(self) -> ReasonDialog | None:
        stored = self.current
        if stored is None:
            return None
        session = self.ctx.session
        dialog = ReasonDialog(
            self.ctx, "退回组卷方案", f"退回方案 {stored.id} 第 {stored.version} 版"
            f"「{stored.blueprint.title}」，编写人修改后可重新提交。", "退回",
            lambda reason: blueprints.reject(session, stored.id, reason), "正在退回…", self)

        def done() -> None:
            self.ctx.hub.notice.emit(f"已退回组卷方案 {stored.id}。")
            if isinstance(dialog.result_value, StoredBlueprint):
                self.open(dialog.result_value)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    # -- state -------------------------------------------------------------------------------
    def _update_actions(self) -> None:
        stored, me = self.current, self.ctx.session.account.name
        has_bp = self.editor.blueprint() is not None
        locked = stored is not None and stored.status is Status.APPROVED and not self.unlocked
        self.editor.set_read_only(not self.can_edit or locked or not has_bp)
        dirty = self.editor.is_dirty()
        self.export_button.setEnabled(has_bp)
        for button in (self.draft_button, self.submit_button):
            button.setVisible(self.can_edit)
            button.setEnabled(has_bp and self.can_edit and not locked)
        self.new_version_button.setVisible(self.can_edit and locked)
        submitted = stored is not None and stored.status is Status.SUBMITTED and not dirty
        own = stored is not None and stored.author == me
        for button in (self.approve_button, self.reject_button):
            button.setVisible(self.can_review)
        self.approve_button.setEnabled(submitted and not own)
        self.reject_button.setEnabled(submitted)
        why = ""
        if self.can_review and submitted and own:
            why = "本方案由您编写，须由其他审核员审核。"
        elif self.can_review and stored is not None and stored.status is not Status.SUBMITTED:
            why = f"方案{stored.status.label}，不在待审核状态。"
        self.approve_button.setToolTip(why)
        self.review_note.setText(why)
        self.review_note.setVisible(bool(why))
        self._show_state(stored, locked, dirty)

    def _show_state(self, stored: StoredBlueprint | None, locked: bool, dirty: bool) -> None:
        if stored is None:
            text = "新方案（尚未保存）" if self.editor.blueprint() is not None else \
                "请在上表中选择方案，或新建、导入方案。"
            style = ""
        elif locked:
            text = (f"已审核通过并锁定：方案 {stored.id} 第 {stored.version} 版，"
                    f"审核人 {stored.reviewer}；SHA-256 {stored.sha256}")
            style = OK_STYLE
        elif stored.status is Status.APPROVED:
            text = (f"正在修改已锁定的方案 {stored.id}：保存后成为第 {stored.version + 1} 版，"
                    f"须重新审核；第 {stored.version} 版仍保持锁定。")
            style = ERROR_STYLE
        else:
            text = (f"方案 {stored.id} 第 {stored.version} 版 · {stored.status.label} · "
                    f"编写人 {stored.author}")
            if stored.review_note:
                text += f" · 退回理由：{stored.review_note}"
            style = ""
        if dirty and stored is not None:
            text += "（有未保存的修改）"
        self.state.setText(text)
        self.state.setStyleSheet(style)

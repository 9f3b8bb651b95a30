"""Choosing a file to import: from a folder, or from inside an ISO image received on disc."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from bankstation.domain.errors import BankStationError
from bankstation.gui.hub import Context
from bankstation.gui.reading import read
from bankstation.gui.widgets import ERROR_STYLE
from bankstation.services.imports import Source, list_iso_files

ISO_FILTER = "光盘映像 (*.iso);;所有文件 (*)"


class IsoPickDialog(QDialog):
    """The files inside an ISO image whose names end in one of ``suffixes``; pick one."""

    def __init__(self, ctx: Context, iso: Path, suffixes: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iso, self.suffixes = iso, suffixes
        self.chosen: Source | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("从光盘映像中选择文件")
        self.note = QLabel(f"正在读取 {iso.name} 中的文件…")
        self.note.setWordWrap(True)
        self.files = QListWidget()
        self.files.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("选择", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setEnabled(False)
        self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.files.currentRowChanged.connect(lambda row: self.ok_button.setEnabled(row >= 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        read(self, ctx, lambda: list_iso_files(iso), self._listed, self._unreadable)

    def _unreadable(self, exc: Exception) -> None:
        self.note.setText(exc.message if isinstance(exc, BankStationError)
                          else f"无法读取光盘映像 {self.iso.name}。")
        self.note.setStyleSheet(ERROR_STYLE)

    def _listed(self, names: list[str]) -> None:
        wanted = [n for n in names if n.lower().endswith(self.suffixes)]
        for name in wanted:
            QListWidgetItem(name, self.files)
        kinds = "、".join(self.suffixes)
        self.note.setText(f"{self.iso.name} 中有 {len(names)} 个文件，其中 {len(wanted)} 个是 "
                          f"{kinds} 文件：" if wanted else
                          f"{self.iso.name} 中没有 {kinds} 文件。")
        if wanted:
            self.files.setCurrentRow(0)

    def choose(self, name: str) -> None:
        items = self.files.findItems(name, Qt.MatchFlag.MatchExactly)
        if items:
            self.files.setCurrentItem(items[0])

    def accept(self) -> None:
        if self.files.currentRow() < 0:
            return
        self.chosen = Source(self.iso, self.files.currentItem().text())
        super().accept()


def source_menu(parent: QWidget, ctx: Context, file_filter: str, suffixes: tuple[str, ...],
                on_source: Callable[[Source], None]) -> QMenu:
    """从文件夹选择… / 从光盘映像（ISO）中选择…, both ending in ``on_source``."""
    menu = QMenu(parent)

    def from_folder() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, "选择文件", "", file_filter)
        if path:
            on_source(Source(Path(path)))

    def from_iso() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, "选择光盘映像", "", ISO_FILTER)
        if path:
            open_iso(parent, ctx, Path(path), suffixes, on_source)

    folder = QAction("从文件夹选择…", menu)
    folder.triggered.connect(from_folder)
    iso = QAction("从光盘映像（ISO）中选择…", menu)
    iso.triggered.connect(from_iso)
    menu.addAction(folder)
    menu.addAction(iso)
    return menu


def open_iso(parent: QWidget, ctx: Context, iso: Path, suffixes: tuple[str, ...],
             on_source: Callable[[Source], None]) -> IsoPickDialog:
    dialog = IsoPickDialog(ctx, iso, suffixes, parent)

    def picked() -> None:
        if dialog.chosen is not None:
            on_source(dialog.chosen)

    dialog.accepted.connect(picked)
    dialog.open()
    return dialog

"""The bank being worked on, shared by every bank page of a window, and the combo box to pick it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from bankstation.domain.banks import Bank
from bankstation.gui.hub import Context
from bankstation.gui.reading import read
from bankstation.services import banks

NO_BANK = "（尚无题库，请先在「题库」页新建）"


def bank_label(bank: Bank) -> str:
    return f"{bank.name}（已废止）" if bank.voided else bank.name


class BankSelection(QObject):
    """The list of banks and the one selected; a child of the hub, so one per window.

    ``listed`` follows every reload of the list; ``selected`` a change of the bank chosen or of
    what is known about it (pages reload their own data on the hub's ``changed`` as well).
    """

    listed = Signal()
    selected = Signal()

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx.hub)
        self.ctx = ctx
        self.banks: list[Bank] = []
        self.bank_id: int | None = None
        ctx.hub.changed.connect(self.reload)
        self.reload()

    @property
    def bank(self) -> Bank | None:
        return next((b for b in self.banks if b.id == self.bank_id), None)

    def reload(self) -> None:
        session = self.ctx.session
        read(self, self.ctx, lambda: banks.list_banks(session), self._listed)

    def _listed(self, found: list[Bank]) -> None:
        before = self.bank
        self.banks = found
        self.listed.emit()
        if self.bank is None:
            self.select(found[0].id if found else None)
        elif self.bank != before:  # chosen before the list had it, or its standard was voided
            self.selected.emit()

    def select(self, bank_id: int | None) -> None:
        if bank_id != self.bank_id:
            self.bank_id = bank_id
            self.selected.emit()


def shared_selection(ctx: Context) -> BankSelection:
    found = ctx.hub.findChild(BankSelection)
    return found if isinstance(found, BankSelection) else BankSelection(ctx)


class BankCombo(QComboBox):
    """Picks the shared bank; every page's combo shows the same choice."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.selection = shared_selection(ctx)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setMinimumContentsLength(24)
        self.selection.listed.connect(self._fill)
        self.selection.selected.connect(self._follow)
        self.currentIndexChanged.connect(self._chosen)
        self._fill()

    def _fill(self) -> None:
        self.blockSignals(True)
        self.clear()
        for bank in self.selection.banks:
            self.addItem(bank_label(bank), bank.id)
        if not self.selection.banks:
            self.addItem(NO_BANK, None)
        self.setEnabled(bool(self.selection.banks))
        self.blockSignals(False)
        self._follow()

    def _follow(self) -> None:
        index = self.findData(self.selection.bank_id)
        if index >= 0 and index != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def _chosen(self, index: int) -> None:
        bank_id = self.itemData(index)
        if bank_id is not None:
            self.selection.select(int(bank_id))

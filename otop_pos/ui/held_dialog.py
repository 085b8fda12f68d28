"""The held bills: oldest first, each with its name or note and the money already taken on it.

F7 on the sell screen opens it when more than one bill is held; Enter recalls the selected bill, Esc goes
back. A name or note ("the lady in the red hat", "collects at 3 pm") can be given to the selected bill.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QListWidget, QVBoxLayout, QWidget

from otop_pos.booth.service import HeldBill
from otop_pos.core.errors import OtopError
from otop_pos.core.thai_wordbreak import wrap_thai
from otop_pos.core.thaidate import to_bangkok
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.widgets import ErrorLabel, label, make_button


NAME_SHOWN = 40   # characters of a bill's name in the list (the whole name is in the field below it)


def describe_bill(bill: HeldBill) -> str:
    """One line for a held bill: time, items, total and money taken first, then its name (shortened)."""
    at = to_bangkok(bill.created_at).strftime("%H:%M")
    n = bill.cart.item_count
    items = translate("Sell", "1 item") if n == 1 else translate("Sell", "{n} items").format(n=n)
    text = f"{at} · {items} · {money(bill.cart.total_satang)}"
    if bill.taken_satang:
        text += " · " + translate("Sell", "paid {amount} already").format(amount=money(bill.taken_satang))
    if bill.name:
        name = bill.name if len(bill.name) <= NAME_SHOWN else bill.name[:NAME_SHOWN - 1] + "…"
        text += f" — {name}"
    return text


class _NameEdit(QLineEdit):
    """The name field: Enter saves the name and goes no further (it never recalls the bill)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class HeldBillsDialog(QDialog):
    """Pick a held bill to recall, or name one."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recalled = False
        self.setWindowTitle(translate("Sell", "Held bills"))
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Sell", "Enter brings back the selected bill; the cart on screen, if it "
                                              "has anything, is held in its place."), wrap=True, name="caption"))
        self.list = QListWidget()
        self.list.setWordWrap(True)   # a long name goes on to a second line; the money is first anyway
        self.list.itemActivated.connect(lambda _item: self.recall())
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.name_edit = _NameEdit()
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(translate("Sell", "Name or note for the selected bill"))
        self.name_edit.returnPressed.connect(self.save_name)
        row.addWidget(self.name_edit, 1)
        row.addWidget(make_button(translate("Sell", "Save name"), slot=self.save_name))
        lay.addLayout(row)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = make_button(translate("Common", "Cancel"), slot=self.reject)
        cancel.setAutoDefault(False)
        buttons.addWidget(cancel)
        self.recall_button = make_button(translate("Sell", "Bring back (Enter)"), name="primary", slot=self.recall)
        buttons.addWidget(self.recall_button)
        lay.addLayout(buttons)
        self.list.currentRowChanged.connect(self._selected)
        self.fill()
        self.list.setFocus()

    def fill(self, select: int = 0) -> None:
        self.list.clear()
        for bill in self.ctx.held:
            self.list.addItem(wrap_thai(describe_bill(bill)))   # Thai names wrap between words
        if self.ctx.held:
            self.list.setCurrentRow(min(select, len(self.ctx.held) - 1))
        self.recall_button.setEnabled(bool(self.ctx.held))

    def _selected(self, row: int) -> None:
        bills = self.ctx.held
        self.name_edit.setText(bills[row].name if 0 <= row < len(bills) else "")

    def selected(self) -> HeldBill | None:
        row = self.list.currentRow()
        return self.ctx.held[row] if 0 <= row < len(self.ctx.held) else None

    def save_name(self) -> None:
        bill = self.selected()
        if bill is None:
            return
        row = self.list.currentRow()
        try:
            self.ctx.rename_held(bill.uuid, self.name_edit.text())
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.error.clear()
        self.fill(row)

    def recall(self) -> None:
        bill = self.selected()
        if bill is None or self.recalled:   # Enter on the list both activates the item and reaches the dialog
            return
        try:
            self.ctx.recall(bill.uuid)
        except OtopError as exc:
            self.error.show_error(exc)
            self.fill()
            return
        self.recalled = True
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.recall()
            return
        super().keyPressEvent(event)


def unfinished_warning(ctx: BoothContext, action: str) -> str:
    """The warning before ``action`` (closing the app or the day) while bills are not finished: how many, and
    the money already taken on each. "" when every bill is finished."""
    bills = ctx.unfinished_money()
    if not bills:
        return ""
    lines = [translate("Sell", "{n} bill(s) are not finished (held or still in the cart). They are kept "
                               "and come back when the app starts again.").format(n=len(bills))]
    taken = [b for b in bills if b.taken_satang]
    if taken:
        lines.append(translate("Sell", "Money already taken on them (not yet in any sale):"))
        lines += [f"• {describe_bill(b)}" for b in taken]
    lines.append(action)
    return "\n".join(lines)

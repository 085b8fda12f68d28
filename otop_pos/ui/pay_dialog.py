"""The pay dialog: cash with quick notes and change, PromptPay QR with the amount, transfer, split payments.

The sale is committed by one ``checkout`` call on the worker thread; printing happens afterwards.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from otop_pos.booth.service import Cart, PaymentIn, SaleResult
from otop_pos.core.documents import PaymentMethod
from otop_pos.core.errors import OtopError, SoldOutError
from otop_pos.core.promptpay import describe_target, promptpay_payload
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import error_text, method_name, money, translate
from otop_pos.ui.qr import qr_image
from otop_pos.ui.theme import metrics
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, confirm, label, make_button

NOTES = (2000, 5000, 10000, 50000, 100000)
TABS: tuple[PaymentMethod, ...] = ("cash", "promptpay", "transfer")


def _plain(btn: QPushButton) -> QPushButton:
    btn.setAutoDefault(False)
    btn.setDefault(False)
    return btn


class PayDialog(QDialog):
    """Take the money for ``cart``; emits ``paid(SaleResult)`` once the sale is saved."""

    paid = Signal(object)

    def __init__(self, ctx: BoothContext, cart: Cart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.cart = ctx, cart
        self.total = cart.total_satang
        self.payments: list[PaymentIn] = []
        self.sale: SaleResult | None = None
        self.busy = False
        self.payload = ""
        self.setWindowTitle(translate("Pay", "Payment"))
        lay = QVBoxLayout(self)
        top = QGridLayout()
        top.addWidget(label(translate("Pay", "Total"), name="caption"), 0, 0)
        top.addWidget(label(translate("Pay", "Still to pay"), name="caption", align=Qt.AlignmentFlag.AlignRight), 0, 1)
        self.total_label = label(money(self.total), name="huge")
        self.due_label = label(money(self.total), name="huge", align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.total_label, 1, 0)
        top.addWidget(self.due_label, 1, 1)
        lay.addLayout(top)
        self.paid_list = QListWidget()
        self.paid_list.setMaximumHeight(round(self.fontMetrics().height() * 3.2))
        self.paid_list.hide()
        lay.addWidget(self.paid_list)
        self.tabs = QTabWidget()
        for tab, method, key in ((self._cash_tab(), "cash", "F5"), (self._promptpay_tab(), "promptpay", "F6"),
                                 (self._transfer_tab(), "transfer", "F7")):
            self.tabs.addTab(tab, f"{method_name(method)} ({key})")
        self.tabs.currentChanged.connect(self._tab_changed)
        lay.addWidget(self.tabs, 1)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        bottom = QHBoxLayout()
        self.cancel_button = _plain(make_button(translate("Pay", "Back to cart (Esc)"), slot=self.reject))
        self.complete_button = _plain(make_button(translate("Pay", "Complete sale (Enter)"), name="primary",
                                                  slot=self.complete))
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(1)
        bottom.addWidget(self.complete_button, 2)
        lay.addLayout(bottom)
        self._update()
        self._fit(parent)
        self.cash_edit.setFocus()

    def _fit(self, parent: QWidget | None) -> None:
        win = parent.window() if parent is not None else None
        if win is not None and win.width() > 0:
            self.resize(min(win.width() - 40, max(760, win.width() * 3 // 5)), min(win.height() - 40, 620))

    # --- tabs ----------------------------------------------------------------------------------------------
    def _cash_tab(self) -> QWidget:
        w = QWidget()
        g = QGridLayout(w)
        g.addWidget(label(translate("Pay", "Cash received"), name="big"), 0, 0)
        self.cash_edit = NumberEdit("0.00", big=True)
        self.cash_edit.textChanged.connect(self._update)
        g.addWidget(self.cash_edit, 0, 1)
        notes = QHBoxLayout()
        self.note_buttons: list[QPushButton] = []
        for note in NOTES:
            b = _plain(make_button(f"฿{note // 100:,}", name="note", slot=partial(self.add_note, note)))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.note_buttons.append(b)
            notes.addWidget(b)
        self.exact_button = _plain(make_button(translate("Pay", "Exact"), name="note", slot=self.exact))
        self.clear_cash_button = _plain(make_button(translate("Pay", "Clear"), name="note", slot=self.cash_edit.clear))
        for b in (self.exact_button, self.clear_cash_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            notes.addWidget(b)
        g.addLayout(notes, 1, 0, 1, 2)
        self.change_caption = label(translate("Pay", "Change"), name="big")
        self.change_label = label("", name="huge", align=Qt.AlignmentFlag.AlignRight)
        g.addWidget(self.change_caption, 2, 0)
        g.addWidget(self.change_label, 2, 1)
        g.setRowStretch(3, 1)
        return w

    def _promptpay_tab(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        size = self._qr_size()
        self.qr_label.setMinimumSize(size, size)
        h.addWidget(self.qr_label)
        side = QVBoxLayout()
        target = self.ctx.settings.promptpay_id
        if target:
            who = describe_target(target)
            name = self.ctx.settings.promptpay_name
            self.target_label = label(translate("Pay", "PromptPay to {who}").format(who=f"{name} {who}".strip()),
                                      wrap=True)
        else:
            self.target_label = label(translate("Pay", "No PromptPay ID is set: no QR can be shown. "
                                                       "Set it in Settings → Shop."), name="error", wrap=True)
        side.addWidget(self.target_label)
        side.addWidget(label(translate("Pay", "Amount"), name="caption"))
        self.pp_amount = NumberEdit(big=True)
        self.pp_amount.textChanged.connect(self._draw_qr)
        side.addWidget(self.pp_amount)
        side.addWidget(label(translate("Pay", "Slip reference (optional)"), name="caption"))
        self.pp_ref = QLineEdit()
        side.addWidget(self.pp_ref)
        self.pp_confirm = _plain(make_button(translate("Pay", "Money received ✓"), name="primary",
                                             slot=lambda: self.confirm_non_cash("promptpay")))
        side.addWidget(self.pp_confirm)
        side.addStretch(1)
        h.addLayout(side, 1)
        return w

    def _transfer_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(label(translate("Pay", "Amount transferred"), name="caption"))
        self.tr_amount = NumberEdit(big=True)
        v.addWidget(self.tr_amount)
        v.addWidget(label(translate("Pay", "Reference (optional)"), name="caption"))
        self.tr_ref = QLineEdit()
        v.addWidget(self.tr_ref)
        self.tr_confirm = _plain(make_button(translate("Pay", "Transfer received ✓"), name="primary",
                                             slot=lambda: self.confirm_non_cash("transfer")))
        v.addWidget(self.tr_confirm)
        v.addStretch(1)
        return w

    def _tab_changed(self, i: int) -> None:
        self.error.clear()
        due = money(self.due()).lstrip("฿")
        if i == 1:
            self.pp_amount.setText(due)
            self.pp_amount.setFocus()
            self.pp_amount.selectAll()
        elif i == 2:
            self.tr_amount.setText(due)
            self.tr_amount.setFocus()
            self.tr_amount.selectAll()
        else:
            self.cash_edit.setFocus()

    # --- figures -------------------------------------------------------------------------------------------
    def due(self) -> int:
        return self.ctx.service.tender(self.total, self.payments).due_satang

    def _update(self) -> None:
        t = self.ctx.service.tender(self.total, self.payments, self.cash_edit.satang_or_none())
        self.due_label.setText(money(t.due_satang))
        if t.tendered_satang is None:
            self.change_label.setText("—")
        elif t.short_satang == 0:
            self.change_label.setText(money(t.change_satang))
            self.change_label.setStyleSheet("color: #2b8a3e;")
        else:
            self.change_label.setText(money(t.short_satang))
            self.change_caption.setText(translate("Pay", "Short"))
            self.change_label.setStyleSheet("color: #c92a2a;")
        if t.short_satang == 0:
            self.change_caption.setText(translate("Pay", "Change"))
        self.paid_list.clear()
        for p in self.payments:
            ref = f" · {p.reference}" if p.reference else ""
            self.paid_list.addItem(f"{method_name(p.method)}  {money(p.amount_satang)}{ref}")
        self.paid_list.setVisible(bool(self.payments))

    def _draw_qr(self) -> None:
        target = self.ctx.settings.promptpay_id
        amount = self.pp_amount.satang_or_none()
        if not target or not amount:
            self.qr_label.clear()
            self.payload = ""
            return
        try:
            self.payload = promptpay_payload(target, amount)
        except OtopError as exc:
            self.qr_label.clear()
            self.error.show_error(exc)
            self.payload = ""
            return
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(self.payload, self._qr_size())))

    @staticmethod
    def _qr_size() -> int:
        return metrics().base * 18

    def add_note(self, note: int) -> None:
        current = self.cash_edit.satang_or_none() or 0
        self.cash_edit.setText(money(current + note).lstrip("฿"))
        self.cash_edit.setFocus()

    def exact(self) -> None:
        self.cash_edit.setText(money(self.due()).lstrip("฿"))
        self.complete()

    # --- actions -------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.complete()
            return
        tab = {Qt.Key.Key_F5: 0, Qt.Key.Key_F6: 1, Qt.Key.Key_F7: 2}.get(Qt.Key(event.key()))
        if tab is not None:
            if not self.busy:
                self.tabs.setCurrentIndex(tab)
            return
        super().keyPressEvent(event)

    def confirm_non_cash(self, method: PaymentMethod) -> None:
        """Add a PromptPay/transfer payment; completes the sale when it covers what is due."""
        if self.busy:
            return
        edit, ref = (self.pp_amount, self.pp_ref) if method == "promptpay" else (self.tr_amount, self.tr_ref)
        try:
            part = PaymentIn(method, edit.satang(), reference=ref.text().strip())
            self.payments = list(self.ctx.service.take_part(self.total, self.payments, part))
        except OtopError as exc:
            self.error.show_error(exc)
            return
        ref.clear()
        self._update()
        if self.due() == 0:
            self._commit(list(self.payments))
            return
        self.tabs.setCurrentIndex(0)

    def complete(self) -> None:
        """Enter / the big button: finish with what the current tab shows."""
        if self.busy:
            return
        tab = TABS[self.tabs.currentIndex()]
        if tab != "cash":
            self.confirm_non_cash(tab)
            return
        try:
            tendered = self.cash_edit.satang() if self.due() > 0 else None
            payments = list(self.ctx.service.final_payments(self.total, self.payments, tendered))
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self._commit(payments)

    def _commit(self, payments: list[PaymentIn], oversell: bool = False) -> None:
        self._set_busy(True)
        service, cart = self.ctx.service, self.cart
        self.ctx.run(lambda: service.sell(cart, payments, allow_oversell=oversell),
                     self._done, lambda exc: self._failed(exc, payments))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.complete_button.setText(translate("Pay", "Saving…") if busy else translate("Pay", "Complete sale (Enter)"))
        for w in (self.complete_button, self.cancel_button, self.tabs):
            w.setEnabled(not busy)

    def _done(self, result: SaleResult) -> None:
        self.sale = result
        self._set_busy(False)
        self.paid.emit(result)
        self.accept()

    def _failed(self, exc: BaseException, payments: list[PaymentIn]) -> None:
        self._set_busy(False)
        if isinstance(exc, SoldOutError):
            self.oversell_dialog = confirm(self, error_text(exc), lambda: self._commit(payments, oversell=True),
                                           yes_text=translate("Pay", "Sell anyway"))
            return
        self.error.show_error(exc)
        self.ctx.sounds.error()

    def reject(self) -> None:
        if self.busy:
            return
        super().reject()

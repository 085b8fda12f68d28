"""The pay dialog: cash with quick notes and change, PromptPay QR, transfer, and a visible list of the parts.

Keys: digits type the cash received; F5/F6/F7 choose cash/PromptPay/transfer; F8 opens the fair's other
methods (card, a co-payment scheme, a state card: ``method_dialog``) for a part; Enter confirms what the
current tab shows and completes the sale once it is covered; Esc goes back to the cart. The parts taken
belong to the cart (``ctx.parts``, written to the store before they are shown), so Esc, a hold, a crash or a
restart keeps them. A scan adds the product to the cart and the amount due follows. The sale is committed by
one ``sell`` call on the worker thread; printing happens afterwards.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
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

from otop_pos.booth.service import Approval, PaymentIn, SaleResult
from otop_pos.core.documents import PaymentMethod
from otop_pos.core.errors import ApprovalNeeded, InputError, OtopError, SoldOutError
from otop_pos.core.limits import CONFIRM_CASH_ABOVE_DUE_SATANG, MAX_DOCUMENT_SATANG, check_amount
from otop_pos.core.promptpay import describe_target, promptpay_payload
from otop_pos.ui.context import BoothContext
from otop_pos.ui.customer_view import CustomerView, choose_customer_screen, settings_channel
from otop_pos.ui.i18n import error_text, method_name, money, translate
from otop_pos.ui.method_dialog import OtherMethodDialog, booth_methods, part_text
from otop_pos.ui.qr import qr_image
from otop_pos.ui.theme import ROLES, metrics
from otop_pos.ui.toast import FloatingError, Toast
from otop_pos.ui.widgets import NumberEdit, confirm, label, make_button

NOTES = (2000, 5000, 10000, 50000, 100000)
TABS: tuple[PaymentMethod, ...] = ("cash", "promptpay", "transfer")
TAB_KEYS = {Qt.Key.Key_F5: 0, Qt.Key.Key_F6: 1, Qt.Key.Key_F7: 2}
PROMPTPAY_TAB = 1


def _plain(btn: QPushButton) -> QPushButton:
    btn.setAutoDefault(False)
    btn.setDefault(False)
    return btn


def _baht_text(satang: int) -> str:
    return money(satang).lstrip("฿")


class PayDialog(QDialog):
    """Take the money for the cart on screen; emits ``paid(SaleResult)`` once the sale is saved."""

    paid = Signal(object)

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sale: SaleResult | None = None
        self.busy = False
        self.payload = ""
        self._tab = 0
        self.customer_view: CustomerView | None = None
        self.other_dialog: OtherMethodDialog | None = None
        self.specs = booth_methods(ctx.service)
        self.setWindowTitle(translate("Pay", "Payment"))
        lay = QVBoxLayout(self)
        base = metrics().base
        lay.setContentsMargins(base // 2, base // 3, base // 2, base // 3)   # fits 600 px high with touch-sized controls
        lay.setSpacing(base // 4)
        top = QGridLayout()
        top.addWidget(label(translate("Pay", "Total"), name="caption"), 0, 0)
        self.due_caption = label(translate("Pay", "Still to pay"), name="caption", align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.due_caption, 0, 1)
        self.total_label = label("", name="huge")
        self.due_label = label("", name="huge", align=Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.total_label, 1, 0)
        top.addWidget(self.due_label, 1, 1)
        for w in (self.due_caption, self.due_label):   # hidden while change is shown, without a jump
            policy = w.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            w.setSizePolicy(policy)
        lay.addLayout(top)
        parts_row = QHBoxLayout()
        self.parts_list = QListWidget()
        m = metrics()    # two rows, and room for a finger-long scroll handle between the arrows (a little more)
        self.parts_list.setMaximumHeight(max(m.touch * 2, m.touch + 2 * m.scroll + 4) + 2 * self.parts_list.frameWidth())
        self.parts_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parts_list.setWordWrap(True)     # a scheme's shares and slip reference wrap rather than scroll away
        self.parts_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.parts_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        parts_row.addWidget(self.parts_list, 1)
        self.remove_part_button = _plain(make_button(translate("Pay", "Remove payment"), slot=self.ask_remove_part))
        self.remove_part_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        parts_row.addWidget(self.remove_part_button)
        lay.addLayout(parts_row)
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for tab, method, key in ((self._cash_tab(), "cash", "F5"), (self._promptpay_tab(), "promptpay", "F6"),
                                 (self._transfer_tab(), "transfer", "F7")):
            self.tabs.addTab(tab, f"{method_name(method)} ({key})")
        self.tabs.currentChanged.connect(self._tab_changed)
        lay.addWidget(self.tabs, 1)
        # an error, and "added … to the bill", lie over the parts list (top and foot): a line in the layout would
        # grow the dialog past a 600 px screen
        self.error = FloatingError(self, anchor=self.parts_list, edge=Qt.Edge.TopEdge)
        self.note = Toast(self, anchor=self.parts_list, edge=Qt.Edge.BottomEdge)
        bottom = QHBoxLayout()
        self.cancel_button = _plain(make_button(translate("Pay", "Back to cart (Esc)"), slot=self.reject))
        self.complete_button = _plain(make_button(translate("Pay", "Complete sale (Enter)"), name="primary",
                                                  slot=self.complete))
        self.other_button = _plain(make_button(translate("Pay", "Other methods (F8)"), slot=self.other_methods))
        self.other_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.other_button)
        bottom.addStretch(1)
        bottom.addWidget(self.complete_button, 2)
        lay.addLayout(bottom)
        ctx.cartChanged.connect(self._update)
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
        self.pp_ref.setMaxLength(64)
        side.addWidget(self.pp_ref)
        self.pp_confirm = _plain(make_button(translate("Pay", "Money received ✓"), name="primary",
                                             slot=lambda: self.confirm_non_cash("promptpay")))
        self.show_customer_button = _plain(make_button(translate("Pay", "Show to customer (F11)"),
                                                       slot=self.show_customer))
        self.show_customer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_customer_button.setEnabled(False)
        actions = QHBoxLayout()             # side by side: touch-sized, the dialog still fits 600 px high
        actions.addWidget(self.pp_confirm, 1)
        actions.addWidget(self.show_customer_button)
        side.addLayout(actions)
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
        self.tr_ref.setMaxLength(64)
        v.addWidget(self.tr_ref)
        self.tr_confirm = _plain(make_button(translate("Pay", "Transfer received ✓"), name="primary",
                                             slot=lambda: self.confirm_non_cash("transfer")))
        v.addWidget(self.tr_confirm)
        v.addStretch(1)
        return w

    def choose(self, tab: int) -> None:
        """Switch method (F5/F6/F7). Cash typed below what is due becomes a cash part first; cash at or above
        it stays in the field, unrecorded, and the new method gets the whole amount due."""
        if self.busy or tab == self.tabs.currentIndex():
            return
        if self.tabs.currentIndex() == 0 and tab != 0:
            cash = self.cash_edit.satang_or_none()
            if cash is not None and 0 < cash < self.due():
                if not self._take(PaymentIn("cash", cash)):
                    return
                self.cash_edit.clear()
        self.tabs.setCurrentIndex(tab)

    def _tab_changed(self, i: int) -> None:
        self.error.clear()
        self._update()   # cash typed but not taken counts on the cash tab only
        due = _baht_text(self.due())
        if i == PROMPTPAY_TAB:
            self.pp_amount.setText(due)
            self.pp_amount.setFocus()
            self.pp_amount.selectAll()
            self._customer_on_second_screen()
            return
        self.close_customer_view()
        if i == 2:
            self.tr_amount.setText(due)
            self.tr_amount.setFocus()
            self.tr_amount.selectAll()
        else:
            self.cash_edit.setFocus()

    # --- figures -------------------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self.ctx.cart.total_satang

    @property
    def payments(self) -> tuple[PaymentIn, ...]:
        """The parts taken so far (they belong to the cart)."""
        return self.ctx.parts

    def due(self) -> int:
        return self.ctx.service.tender(self.total, self.payments).due_satang

    def _update(self) -> None:
        t = self.ctx.service.tender(self.total, self.payments, self.cash_edit.satang_or_none())
        self.total_label.setText(money(self.total))
        over = t.taken_satang - self.total
        if over > 0:
            self.due_caption.setText(translate("Pay", "Paid too much"))
            self.due_label.setText(money(over))
            self.due_label.setStyleSheet(f"color: {ROLES.status_error.fg};")
        elif t.due_satang == 0:
            self.due_caption.setText(translate("Pay", "Paid in full"))
            self.due_label.setText("✓")
            self.due_label.setStyleSheet(f"color: {ROLES.status_ok.fg};")
        else:
            self.due_caption.setText(translate("Pay", "Still to pay"))
            self.due_label.setText(money(t.due_satang))
            self.due_label.setStyleSheet("")
        self.change_caption.setText(translate("Pay", "Change"))
        self.change_label.setStyleSheet(f"color: {ROLES.status_ok.fg};")
        if t.tendered_satang is None or t.due_satang == 0:
            self.change_label.setText("—")
        elif t.short_satang == 0:
            self.change_label.setText(money(t.change_satang))
        else:
            self.change_label.setText(money(t.short_satang))
            self.change_caption.setText(translate("Pay", "Short"))
            self.change_label.setStyleSheet(f"color: {ROLES.status_error.fg};")
        # the cash handed over covers what is due: the change is what counts, "still to pay" would contradict it
        covered_by_cash = (t.due_satang > 0 and t.tendered_satang is not None and t.short_satang == 0
                           and self.tabs.currentIndex() == 0)
        self.due_caption.setVisible(not covered_by_cash)
        self.due_label.setVisible(not covered_by_cash)
        self.parts_list.clear()
        for p in self.payments:
            self.parts_list.addItem(f"✓ {part_text(p, self.specs)}")
        if not self.payments:
            self.parts_list.addItem(translate("Pay", "No payment taken yet"))
        else:
            self.parts_list.setCurrentRow(len(self.payments) - 1)
        self.remove_part_button.setEnabled(bool(self.payments) and not self.busy)

    def _draw_qr(self) -> None:
        target = self.ctx.settings.promptpay_id
        amount = self.pp_amount.satang_or_none()
        self.payload = ""
        self.qr_label.clear()
        due = self.due()
        if target and amount and amount > due:   # a QR never asks more than is due: the bank app would pay it
            self.error.show_error(translate("Pay", "{amount} is more than the {due} still to pay: a PromptPay QR "
                                                   "asks at most what is due.").format(amount=money(amount),
                                                                                       due=money(due)))
        elif target and amount:
            try:
                self.payload = promptpay_payload(target, amount)
                self.error.clear()
            except OtopError as exc:
                self.error.show_error(exc)
        self.show_customer_button.setEnabled(bool(self.payload))
        if self.payload:
            self.qr_label.setPixmap(QPixmap.fromImage(qr_image(self.payload, self._qr_size())))
        if self.customer_view is not None:   # the customer's view follows the amount, or goes without a QR
            if self.payload:
                self.customer_view.set_payload(self.payload)
            else:
                self.close_customer_view()
        elif self.payload and self.tabs.currentIndex() == PROMPTPAY_TAB:
            self._customer_on_second_screen()   # a good amount again: back on the customer's screen

    @staticmethod
    def _qr_size() -> int:
        return metrics().qr

    def add_note(self, note: int) -> None:
        current = self.cash_edit.satang_or_none() or 0
        self.cash_edit.setText(_baht_text(current + note))
        self.cash_edit.setFocus()

    def exact(self) -> None:
        self.cash_edit.setText(_baht_text(self.due()))
        self.complete()

    # --- parts ---------------------------------------------------------------------------------------------
    def _take(self, part: PaymentIn) -> bool:
        """Record a part (written with the cart before it is shown); False with the reason shown."""
        try:
            parts = self.ctx.service.take_part(self.total, self.payments, part)
            self.ctx.set_parts(parts)
        except OtopError as exc:
            self.error.show_error(exc)
            self.ctx.sounds.error()
            return False
        self.error.clear()
        return True

    def ask_remove_part(self) -> None:
        """Remove the selected part after asking (the money goes back to the customer)."""
        row = self.parts_list.currentRow()
        if self.busy or not 0 <= row < len(self.payments):
            return
        part = self.payments[row]
        text = translate("Pay", "Remove the {method} payment of {amount}? Hand that money back to the customer.") \
            .format(method=method_name(part.method), amount=money(part.amount_satang))
        self.remove_dialog = confirm(self, text, partial(self._remove_part, row),
                                     yes_text=translate("Pay", "Remove payment"), danger=True, default_no=True)

    def _remove_part(self, row: int) -> None:
        parts = self.payments[:row] + self.payments[row + 1:]
        try:
            self.ctx.set_parts(parts)
        except OtopError as exc:
            self.error.show_error(exc)
            return
        if self.tabs.currentIndex():
            self._tab_changed(self.tabs.currentIndex())   # the QR / transfer amount asks what is due again

    # --- a scan while paying -------------------------------------------------------------------------------
    def take_scan(self, code: str) -> None:
        """A scanned code adds its product to the cart; the amount due follows. Never typed as an amount."""
        if self.busy:
            self.ctx.sounds.error()
            return
        try:
            product = self.ctx.index.lookup(code)   # InputError when two products share the code
            if product is None:
                self.error.show_error(translate("Pay", "Unknown code {code}: no product has it.").format(code=code))
                self.ctx.sounds.error()
                return
            self.ctx.set_cart(self.ctx.cart.add(product))
        except OtopError as exc:
            self.error.show_error(exc)
            self.ctx.sounds.error()
            return
        self.error.clear()
        self.note.show_message(translate("Pay", "Added {name} ({price}) to the bill.").format(
            name=product.name, price=money(product.price_satang)), "ok")
        if self.tabs.currentIndex():
            self._tab_changed(self.tabs.currentIndex())   # the QR / transfer amount follows what is due

    # --- actions -------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QAbstractButton) and focus.isEnabled():
                focus.click()   # Enter on a focused button does what that button says (Back to cart too)
                return
            self.complete()
            return
        tab = TAB_KEYS.get(Qt.Key(event.key()))
        if tab is not None:
            self.choose(tab)
            return
        if event.key() == Qt.Key.Key_F11:
            self.show_customer()
            return
        if event.key() == Qt.Key.Key_F8:
            self.other_methods()
            return
        super().keyPressEvent(event)

    def other_methods(self) -> None:
        """F8: a part by one of the fair's other methods; completes the sale when it covers what is due."""
        if not self.busy and self.due():
            self.other_dialog = OtherMethodDialog(tuple(self.specs.values()), self.due(), self, self._take_other)
            self.other_dialog.open()

    def _take_other(self, part: PaymentIn) -> None:
        if self._take(part) and self.due() == 0:
            self._finish()
        elif self.tabs.currentIndex():
            self._tab_changed(self.tabs.currentIndex())   # the QR / transfer amount follows what is due

    # --- the customer's view of the QR ---------------------------------------------------------------------
    def _vendor_screen(self) -> QScreen | None:
        parent = self.parentWidget()
        screen = (parent.window() if parent is not None else self).screen()
        return screen if screen is not None else QGuiApplication.primaryScreen()

    def _customer_on_second_screen(self) -> None:
        """With a second screen attached, the QR opens there by itself (it never takes the keyboard)."""
        screen = choose_customer_screen(QGuiApplication.screens(), self._vendor_screen())
        if screen is not None and self.payload:
            self._open_customer_view(screen, passive=True)

    def show_customer(self) -> None:
        """F11 / the button: the QR full screen for the customer; on a second screen when there is one, else
        over the booth window until any key or tap (a scan meanwhile goes to this dialog)."""
        if self.busy or self.tabs.currentIndex() != PROMPTPAY_TAB or not self.payload:
            return
        second = choose_customer_screen(QGuiApplication.screens(), self._vendor_screen())
        self._open_customer_view(second or self._vendor_screen(), passive=second is not None)

    def _open_customer_view(self, screen: QScreen | None, *, passive: bool) -> None:
        view = self.customer_view
        if view is not None and view.passive != passive:
            self.close_customer_view()
            view = None
        if view is None:
            view = CustomerView(self, self.ctx.settings.shop_name, passive=passive, on_scan=self.take_scan,
                                channel=settings_channel(self.ctx.settings))
            view.closed.connect(self._customer_view_closed)
            self.customer_view = view
            if screen is not None:
                view.setScreen(screen)
                view.setGeometry(screen.geometry())
        view.set_payload(self.payload)
        if passive:   # full screen without taking the keyboard (showFullScreen would activate it)
            view.setWindowState(view.windowState() | Qt.WindowState.WindowFullScreen)
            view.show()
        else:
            view.showFullScreen()
            view.setFocus()

    def close_customer_view(self) -> None:
        """Take the customer's view away (the sale is done, the dialog closes, the method changes)."""
        view, self.customer_view = self.customer_view, None
        if view is not None:
            view.closed.disconnect(self._customer_view_closed)
            view.close()

    def _customer_view_closed(self) -> None:
        """Any key or tap closed the view over the booth window: the keyboard is back in this dialog."""
        self.customer_view = None
        self.activateWindow()
        (self.pp_amount if self.tabs.currentIndex() == PROMPTPAY_TAB else self.cash_edit).setFocus()

    def done(self, result: int) -> None:
        self.close_customer_view()
        super().done(result)

    def confirm_non_cash(self, method: PaymentMethod) -> None:
        """Add a PromptPay/transfer part; completes the sale when it covers what is due."""
        if self.busy:
            return
        edit, ref = (self.pp_amount, self.pp_ref) if method == "promptpay" else (self.tr_amount, self.tr_ref)
        if self.due() == 0:
            self._finish()
            return
        try:
            amount = edit.satang()
        except OtopError as exc:
            self.error.show_error(exc)
            return
        if not self._take(PaymentIn(method, amount, reference=ref.text().strip())):
            return
        ref.clear()
        if self.due() == 0:
            self._finish()
            return
        self.tabs.setCurrentIndex(0)

    def complete(self) -> None:
        """Enter / the big button: confirm what the current tab shows; finish once the sale is covered."""
        if self.busy:
            return
        tab = TABS[self.tabs.currentIndex()]
        if tab != "cash":
            self.confirm_non_cash(tab)
            return
        due = self.due()
        if due == 0:
            self._finish()
            return
        try:
            if not self.cash_edit.digits():
                raise InputError("ยังไม่ได้ใส่จำนวนเงินสดที่รับ", "Enter the cash received.")
            cash = check_amount(self.cash_edit.satang(), "เงินสดที่รับ", "cash received",
                                limit=MAX_DOCUMENT_SATANG, allow_zero=False)
        except OtopError as exc:
            self.error.show_error(exc)
            self.ctx.sounds.error()
            return
        if cash < due:   # less than is due: it is a part; the rest is still to pay
            if self._take(PaymentIn("cash", cash)):
                self.cash_edit.clear()
            return
        if cash - due >= CONFIRM_CASH_ABOVE_DUE_SATANG:
            text = translate("Pay", "Cash received {cash} for {due} due: give {change} change?").format(
                cash=money(cash), due=money(due), change=money(cash - due))
            self.big_cash_dialog = confirm(self, text, partial(self._finish, cash),
                                           yes_text=translate("Pay", "Yes, give change"), default_no=True)
            return
        self._finish(cash)

    def _finish(self, cash: int | None = None) -> None:
        """Complete the sale with the parts taken and, when something is still due, the ``cash`` handed over."""
        try:
            payments = list(self.ctx.service.final_payments(self.total, self.payments, cash))
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self._commit(payments)

    def _commit(self, payments: list[PaymentIn], oversell: bool = False) -> None:
        self._set_busy(True)
        service, cart, bill = self.ctx.service, self.ctx.cart, self.ctx.bill_uuid
        self.ctx.run(lambda: service.sell(cart, payments, allow_oversell=oversell, bill_uuid=bill),
                     self._done, lambda exc: self._failed(exc, payments, oversell))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.complete_button.setText(translate("Pay", "Saving…") if busy else translate("Pay", "Complete sale (Enter)"))
        for w in (self.complete_button, self.cancel_button, self.tabs, self.remove_part_button, self.other_button):
            w.setEnabled(not busy)
        if not busy:
            self.remove_part_button.setEnabled(bool(self.payments))

    def _done(self, result: SaleResult) -> None:
        self.sale = result
        self._set_busy(False)
        self.ctx.sold()
        self.paid.emit(result)
        self.accept()

    def _failed(self, exc: BaseException, payments: list[PaymentIn], oversell: bool = False) -> None:
        self._set_busy(False)
        if isinstance(exc, ApprovalNeeded):   # a ฿0 sale, or a held cart whose approval was not kept
            from otop_pos.ui.approval import request_approval

            def approved(approval: Approval) -> None:
                self.ctx.set_cart(self.ctx.cart.with_approval(approval))
                self._commit(payments, oversell)
            self.pin_dialog = request_approval(self, self.ctx, exc, approved, action="sale")
            return
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

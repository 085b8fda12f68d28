"""The Orders page: take the cart on the sell screen as an order (customer, phone, delivery date, note, a
deposit by any method of the booth), and the open orders with what is due, to deliver or cancel.

Everything goes through ``BoothService`` (booth/orders.py): a deposit is money of today, not a sale; a
delivery makes the whole order a sale of its day; a cancel needs the manager's PIN.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLineEdit,
                               QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from otop_pos.booth.service import Approval, OrderRow, PaymentIn
from otop_pos.core.documents import PAYMENT_METHODS
from otop_pos.core.errors import ApprovalNeeded, OtopError
from otop_pos.core.thaidate import fair_day, format_en_date, format_thai_date
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.ui.approval import request_approval
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, fit_columns, label, make_button, open_dialog, touch_rows


def _methods(ctx: BoothContext) -> QComboBox:
    """The booth's payment methods the till takes, by name in the window's language."""
    box = QComboBox()
    for code in PAYMENT_METHODS:
        box.addItem(PAYMENT_METHOD.name(code, ctx.language), code)
    return box


def _buttons(dlg: QDialog, ok_text: str) -> tuple[QHBoxLayout, QPushButton]:
    row = QHBoxLayout()
    row.addStretch(1)
    cancel = make_button(translate("Common", "Cancel"), slot=dlg.reject)
    cancel.setAutoDefault(False)
    row.addWidget(cancel)
    ok = make_button(ok_text, name="primary")
    row.addWidget(ok)
    return row, ok


class TakeOrderDialog(QDialog):
    """The cart as an order: who, when, a note and the deposit."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_number = ""
        self.setWindowTitle(translate("Orders", "Take the cart as an order"))
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Orders", "Order value {amount}: the deposit is money of today, not a sale.")
                            .format(amount=money(ctx.cart.total_satang)), wrap=True, name="caption"))
        form = QFormLayout()
        self.customer = QLineEdit()
        self.customer.setMaxLength(120)
        self.phone = QLineEdit()
        self.phone.setMaxLength(32)
        self.deliver = QDateEdit()
        self.deliver.setCalendarPopup(True)
        self.deliver.setDisplayFormat("yyyy-MM-dd")
        today = fair_day(ctx.service.now())
        self.deliver.setMinimumDate(QDate(today.year, today.month, today.day))
        self.deliver.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.deposit = NumberEdit("0.00")
        self.method = _methods(ctx)
        form.addRow(translate("Orders", "Customer"), self.customer)
        form.addRow(translate("Orders", "Phone"), self.phone)
        form.addRow(translate("Orders", "Delivery date"), self.deliver)
        form.addRow(translate("Orders", "Note"), self.note)
        form.addRow(translate("Orders", "Deposit"), self.deposit)
        form.addRow(translate("Orders", "Paid by"), self.method)
        lay.addLayout(form)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row, self.ok_button = _buttons(self, translate("Orders", "Take order"))
        self.ok_button.clicked.connect(self.take)
        lay.addLayout(row)

    def take(self, approval: Approval | None = None) -> None:
        """Take the order; the cart is emptied when it is taken (an error leaves everything as it was)."""
        try:
            deposit = self.deposit.satang() if self.deposit.digits() else 0
            method = str(self.method.currentData())
            d = self.deliver.date()
            res = self.ctx.service.take_order(
                self.ctx.cart, customer=self.customer.text(), phone=self.phone.text(), note=self.note.text(),
                deliver_on=date(d.year(), d.month(), d.day()), deposit_satang=deposit,
                payments=[PaymentIn(method, deposit)] if deposit else [],  # type: ignore[arg-type]
                approval=approval or self.ctx.cart.approval)
        except ApprovalNeeded as need:   # a discount above the limit or a changed price, as at the checkout
            request_approval(self, self.ctx, need, self.take, action="order")
            return
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.result_number = res.number
        self.ctx.clear_cart()
        self.accept()


class DeliverDialog(QDialog):
    """Deliver an open order: the balance paid now by one method."""

    def __init__(self, ctx: BoothContext, order: OrderRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.order = ctx, order
        self.setWindowTitle(translate("Orders", "Deliver order {number}").format(number=order.number))
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Orders", "{customer}: balance due {amount}").format(
            customer=order.customer, amount=money(order.balance_satang)), wrap=True))
        self.method = _methods(ctx)
        if order.balance_satang:
            lay.addWidget(self.method)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row, ok = _buttons(self, translate("Orders", "Deliver"))
        ok.clicked.connect(self.deliver)
        lay.addLayout(row)

    def deliver(self) -> None:
        due = self.order.balance_satang
        pays = [PaymentIn(str(self.method.currentData()), due)] if due else []  # type: ignore[arg-type]
        try:
            self.ctx.service.deliver_order(self.order.number, pays)
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.ctx.salesChanged.emit()
        self.accept()


class OrdersScreen(QWidget):
    """The open orders (what is due, when) with deliver and cancel, and taking the cart as an order."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: tuple[OrderRow, ...] = ()
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.take_button = make_button(translate("Orders", "Take the cart as an order"), name="primary",
                                       slot=self.take)
        top.addWidget(self.take_button)
        top.addStretch(1)
        lay.addLayout(top)
        heads = [translate("Orders", "Order"), translate("Orders", "Customer"), translate("Orders", "Phone"),
                 translate("Orders", "Delivery"), translate("Orders", "Value"), translate("Orders", "Deposit"),
                 translate("Orders", "Due")]
        self.table = QTableWidget(0, len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        fit_columns(self.table, {0: "OB001-2-000000", 2: "081-234-5678", 3: self._date(fair_day(ctx.service.now())),
                                 4: "฿999,999.00", 5: "฿999,999.00", 6: "฿999,999.00"}, stretch=1)
        self.table.verticalHeader().hide()
        touch_rows(self.table)
        lay.addWidget(self.table, 1)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        actions = QHBoxLayout()
        self.refund = QCheckBox(translate("Orders", "Give the deposit back"))
        actions.addWidget(self.refund)
        actions.addStretch(1)
        self.cancel_button = make_button(translate("Orders", "Cancel order…"), slot=self.cancel)
        self.deliver_button = make_button(translate("Orders", "Deliver…"), name="primary", slot=self.deliver)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.deliver_button)
        lay.addLayout(actions)
        ctx.cartChanged.connect(self._cart_changed)
        ctx.salesChanged.connect(self.fill)
        self._cart_changed()
        self.fill()

    def _date(self, d: date) -> str:
        return format_thai_date(d) if self.ctx.language == "th" else format_en_date(d)

    def _cart_changed(self) -> None:
        self.take_button.setEnabled(not self.ctx.cart.is_empty and not self.ctx.parts)

    def fill(self) -> None:
        """Read the open orders again."""
        self.rows = self.ctx.service.orders(status="open")
        self.table.setRowCount(len(self.rows))
        for r, o in enumerate(self.rows):
            values = (o.number, o.customer, o.phone, self._date(o.deliver), money(o.value_satang),
                      money(o.deposit_satang), money(o.balance_satang))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        if self.rows:
            self.table.selectRow(0)
        for b in (self.cancel_button, self.deliver_button):
            b.setEnabled(bool(self.rows))

    def selected(self) -> OrderRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def take(self) -> None:
        dlg = TakeOrderDialog(self.ctx, self.window())
        dlg.accepted.connect(self.fill)
        open_dialog(dlg, dlg.customer)

    def deliver(self) -> None:
        order = self.selected()
        if order is None:
            return
        dlg = DeliverDialog(self.ctx, order, self.window())
        dlg.accepted.connect(self.fill)
        open_dialog(dlg)

    def cancel(self) -> None:
        order = self.selected()
        if order is None:
            return
        refund = self.refund.isChecked()

        def approved(approval: Approval) -> None:
            try:
                self.ctx.service.cancel_order(order.number, approval, refund_deposit=refund)
            except OtopError as exc:
                self.error.show_error(exc)
                return
            self.error.clear()
            self.fill()

        reason = translate("Orders", "The manager's PIN is needed to cancel order {number}.")
        reason = reason.format(number=order.number)
        request_approval(self.window(), self.ctx, reason, approved, action="order_cancel")

"""The Orders page's dialogs: take the cart as an order, an order's detail, deliver it, cancel it.

Everything goes through ``BoothService`` (booth/orders.py): a deposit is money of today, not a sale; a delivery
makes the whole order a sale of its day; a cancel needs the manager's PIN and gives the deposit back or keeps it.
The deposit and the balance are paid by one of the fair's plain methods (cash, PromptPay, transfer, card, other).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QDateTimeEdit, QDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from otop_pos.booth.service import Approval, OrderDetail, OrderRow, PaymentIn
from otop_pos.core.errors import ApprovalNeeded, OtopError
from otop_pos.core.thaidate import fair_day, format_en_date, format_thai_date
from otop_pos.ui.approval import request_approval
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.method_dialog import booth_methods, spec_name
from otop_pos.ui.theme import metrics
from otop_pos.ui.widgets import ErrorLabel, NumberEdit, fit_columns, label, make_button, touch_rows


def day_text(ctx: BoothContext, d: date) -> str:
    """A date as the window's language writes it ("29 ต.ค. 2563", "29 Oct 2020")."""
    return format_thai_date(d) if ctx.language == "th" else format_en_date(d)


def status_text(ctx: BoothContext, order: OrderRow) -> str:
    """What the vendor needs to know of an order's state: open (due today, late), delivered, cancelled."""
    if order.status == "delivered":
        return translate("Orders", "Delivered")
    if order.status == "cancelled":
        return translate("Orders", "Cancelled")
    today = fair_day(ctx.service.now())
    if order.deliver == today:
        return translate("Orders", "Due today")
    if order.deliver < today:
        return translate("Orders", "Late")
    return translate("Orders", "Open")


def _methods(ctx: BoothContext) -> QComboBox:
    """The fair's plain payment methods (a scheme's shares need the pay dialog), by name in the window's
    language."""
    box = QComboBox()
    specs = booth_methods(ctx.service)
    for code, spec in specs.items():
        if spec.kind == "plain":
            box.addItem(spec_name(code, specs), code)
    return box


def _buttons(dlg: QDialog, ok_text: str, back_text: str = "") -> tuple[QHBoxLayout, QPushButton]:
    row = QHBoxLayout()
    row.addStretch(1)
    cancel = make_button(back_text or translate("Common", "Cancel"), slot=dlg.reject)
    cancel.setAutoDefault(False)
    row.addWidget(cancel)
    ok = make_button(ok_text, name="primary")
    row.addWidget(ok)
    return row, ok


class DayEdit(QDateEdit):
    """A date field whose arrow keys move the day (not the year, the first part of yyyy-MM-dd) and whose Tab goes
    on to the next field (a plain QDateEdit's Tab walks its own parts, so a keyboard trapped the cashier)."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt name
        super().focusInEvent(event)
        self.setCurrentSection(QDateTimeEdit.Section.DaySection)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802,A002 - Qt names
        return QWidget.focusNextPrevChild(self, next)


def _wide(dlg: QDialog, ems: int = 34) -> None:
    """Wide enough that a Thai sentence is not broken in every second word."""
    dlg.setMinimumWidth(min(metrics().base * ems, 900))


class TakeOrderDialog(QDialog):
    """The cart as an order: who, when, a note and the deposit."""

    def __init__(self, ctx: BoothContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_number = ""
        self.done_text = ""   # what the Orders page says once the order is taken
        self.setWindowTitle(translate("Orders", "Take the cart as an order"))
        _wide(self)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Orders", "Order value {amount}").format(amount=money(ctx.cart.total_satang)),
                            name="big"))
        lay.addWidget(label(translate("Orders", "The deposit is money of today, not a sale."), wrap=True,
                            name="caption"))
        form = QFormLayout()
        self.customer = QLineEdit()
        self.customer.setMaxLength(120)
        self.phone = QLineEdit()
        self.phone.setMaxLength(32)
        self.deliver = DayEdit()
        self.deliver.setCalendarPopup(True)
        self.deliver.setDisplayFormat("yyyy-MM-dd")
        today = fair_day(ctx.service.now())
        self.deliver.setMinimumDate(QDate(today.year, today.month, today.day))
        self.deliver.setDate(QDate(today.year, today.month, today.day))
        self.deliver.setCurrentSection(QDateTimeEdit.Section.DaySection)
        self.deliver_text = label("", name="caption")
        self.deliver.dateChanged.connect(self._date_changed)
        when = QHBoxLayout()
        when.addWidget(self.deliver)
        when.addWidget(self.deliver_text, 1)
        self.note = QLineEdit()
        self.note.setMaxLength(300)
        self.deposit = NumberEdit("0.00")
        self.method = _methods(ctx)
        form.addRow(translate("Orders", "Customer"), self.customer)
        form.addRow(translate("Orders", "Phone"), self.phone)
        form.addRow(translate("Orders", "Delivery date"), when)
        form.addRow(translate("Orders", "Note"), self.note)
        form.addRow(translate("Orders", "Deposit"), self.deposit)
        form.addRow(translate("Orders", "Paid by"), self.method)
        lay.addLayout(form)
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row, self.ok_button = _buttons(self, translate("Orders", "Take order"))
        self.ok_button.clicked.connect(self.take)
        lay.addLayout(row)
        self._date_changed()

    def deliver_on(self) -> date:
        d = self.deliver.date()
        return date(d.year(), d.month(), d.day())

    def _date_changed(self) -> None:
        """The delivery date in words beside the field: its day in the window's language, and how far off."""
        d = self.deliver_on()
        days = (d - fair_day(self.ctx.service.now())).days
        when = translate("Orders", "today") if days == 0 else translate("Orders", "tomorrow") if days == 1 else \
            translate("Orders", "in {days} days").format(days=days)
        self.deliver_text.setText(f"{day_text(self.ctx, d)} ({when})")

    def take(self, approval: Approval | None = None) -> None:
        """Take the order; the cart is emptied when it is taken (an error leaves everything as it was)."""
        try:
            deposit = self.deposit.satang() if self.deposit.digits() else 0
            method = str(self.method.currentData())
            res = self.ctx.service.take_order(
                self.ctx.cart, customer=self.customer.text(), phone=self.phone.text(), note=self.note.text(),
                deliver_on=self.deliver_on(), deposit_satang=deposit,
                payments=[PaymentIn(method, deposit)] if deposit else [],  # type: ignore[arg-type]
                approval=approval or self.ctx.cart.approval)
        except ApprovalNeeded as need:   # a discount above the limit or a changed price, as at the checkout
            request_approval(self, self.ctx, need, self.take, action="order")
            return
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.result_number = res.number
        self.done_text = translate("Orders", "Order {number} taken: deposit {amount}, balance due {due}.").format(
            number=res.number, amount=money(res.deposit_satang), due=money(res.balance_satang))
        self.ctx.clear_cart()
        self.accept()


def _customer(order: OrderRow) -> QWidget:
    """The customer on a line of their own (a name is never broken across lines of a headline)."""
    return label(translate("Orders", "Customer {customer}").format(customer=order.customer), wrap=True)


def _money_grid(rows: list[tuple[str, str]], bold_last: bool = True) -> QGridLayout:
    """Captions left, amounts right; the last row (what is due) large."""
    g = QGridLayout()
    for r, (caption, amount) in enumerate(rows):
        last = bold_last and r == len(rows) - 1
        g.addWidget(label(caption, name="" if last else "caption"), r, 0)
        g.addWidget(label(amount, name="big" if last else "", align=Qt.AlignmentFlag.AlignRight), r, 1)
    g.setColumnStretch(0, 1)
    return g


def _paid_by(ctx: BoothContext, detail: OrderDetail) -> str:
    specs = booth_methods(ctx.service)
    names = dict.fromkeys(spec_name(p.method, specs) for p in detail.deposits)   # each method once, in order
    return ", ".join(names)


class OrderDetailDialog(QDialog):
    """One order as the customer ordered it: who, when, the lines, the deposit and what is due."""

    def __init__(self, ctx: BoothContext, number: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail = ctx.service.order_detail(number)
        o = detail.row
        self.setWindowTitle(translate("Orders", "Order {number}").format(number=o.number))
        _wide(self, 40)
        lay = QVBoxLayout(self)
        lay.addWidget(label(f"{o.number} · {status_text(ctx, o)}", name="big"))
        who = QFormLayout()
        who.addRow(translate("Orders", "Customer"), label(o.customer, wrap=True))
        if o.phone:
            who.addRow(translate("Orders", "Phone"), label(o.phone))
        who.addRow(translate("Orders", "Delivery"), label(day_text(ctx, o.deliver)))
        if o.note:
            who.addRow(translate("Orders", "Note"), label(o.note, wrap=True))
        if o.sale_number:
            who.addRow(translate("Orders", "Sale"), label(o.sale_number))
        lay.addLayout(who)
        heads = [translate("Orders", "Product"), translate("Orders", "Qty"), translate("Orders", "Amount")]
        self.lines = QTableWidget(len(detail.lines), len(heads))
        self.lines.setHorizontalHeaderLabels(heads)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)              # no focus frame on a list only read
        self.lines.verticalHeader().hide()
        touch_rows(self.lines)
        fit_columns(self.lines, {1: "9,999", 2: "฿999,999.00"}, stretch=0)
        for r, ln in enumerate(detail.lines):
            for c, text in enumerate((ln.name, str(ln.qty), money(ln.total_satang))):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.lines.setItem(r, c, item)
        lay.addWidget(self.lines, 1)
        rows = [(translate("Orders", "Value"), money(o.value_satang))]
        if detail.deposits:
            rows.append((translate("Orders", "Deposit ({paid_by})").format(paid_by=_paid_by(ctx, detail)),
                         money(o.deposit_satang)))
        if detail.refunds:
            rows.append((translate("Orders", "Deposit given back"),
                         money(-sum(p.amount_satang for p in detail.refunds))))
        rows.append((translate("Orders", "Balance due"), money(o.balance_satang)))
        lay.addLayout(_money_grid(rows))
        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = make_button(translate("Common", "Close"), name="primary", slot=self.accept)
        row.addWidget(self.close_button)
        lay.addLayout(row)


class DeliverDialog(QDialog):
    """Deliver an open order: the deposit paid earlier, the balance paid now by one method."""

    def __init__(self, ctx: BoothContext, order: OrderRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.order = ctx, order
        self.done_text = ""
        self.setWindowTitle(translate("Orders", "Deliver order {number}").format(number=order.number))
        _wide(self)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Orders", "Deliver order {number}").format(number=order.number), name="big"))
        lay.addWidget(_customer(order))
        lay.addLayout(_money_grid([
            (translate("Orders", "Value ({count} items)").format(count=order.item_count), money(order.value_satang)),
            (translate("Orders", "Deposit paid earlier"), money(-order.deposit_satang)),
            (translate("Orders", "Balance due now"), money(order.balance_satang))]))
        self.method = _methods(ctx)
        if order.balance_satang:
            paid = QFormLayout()
            paid.addRow(translate("Orders", "Paid by"), self.method)
            lay.addLayout(paid)
        lay.addWidget(label(translate("Orders", "The whole order becomes a sale of today."), wrap=True,
                            name="caption"))
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row, self.ok_button = _buttons(self, translate("Orders", "Deliver"))
        self.ok_button.clicked.connect(self.deliver)
        lay.addLayout(row)

    def deliver(self) -> None:
        due = self.order.balance_satang
        pays = [PaymentIn(str(self.method.currentData()), due)] if due else []  # type: ignore[arg-type]
        try:
            res = self.ctx.service.deliver_order(self.order.number, pays)
        except OtopError as exc:
            self.error.show_error(exc)
            return
        self.done_text = translate("Orders", "Order {number} delivered: it is sale {sale}.").format(
            number=res.number, sale=res.sale_number)
        self.ctx.salesChanged.emit()
        self.accept()


class CancelOrderDialog(QDialog):
    """Cancel an open order: give the deposit back or keep it, then the manager's PIN."""

    def __init__(self, ctx: BoothContext, order: OrderRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.order = ctx, order
        self.done_text = ""
        self.setWindowTitle(translate("Orders", "Cancel order {number}").format(number=order.number))
        _wide(self)
        lay = QVBoxLayout(self)
        lay.addWidget(label(translate("Orders", "Cancel order {number}?").format(number=order.number), name="big"))
        lay.addWidget(_customer(order))
        self.give_back = QRadioButton(translate("Orders", "Give the deposit back ({amount})")
                                      .format(amount=money(order.deposit_satang)))
        self.keep = QRadioButton(translate("Orders", "Keep the deposit"))
        self.choice = QButtonGroup(self)
        if order.deposit_satang:
            lay.addWidget(label(translate("Orders", "The customer paid a deposit of {amount}.")
                                .format(amount=money(order.deposit_satang)), wrap=True))
            for n, radio in enumerate((self.give_back, self.keep)):
                self.choice.addButton(radio, n)
                lay.addWidget(radio)
            self.give_back.setChecked(True)
        else:
            lay.addWidget(label(translate("Orders", "No deposit was paid."), wrap=True))
        lay.addWidget(label(translate("Orders", "The manager's PIN is asked next."), wrap=True, name="caption"))
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        row, self.ok_button = _buttons(self, translate("Orders", "Cancel the order"),
                                       translate("Orders", "Keep the order"))
        self.ok_button.setObjectName("danger")
        self.ok_button.clicked.connect(self.ask_pin)
        lay.addLayout(row)

    @property
    def refund(self) -> bool:
        return bool(self.order.deposit_satang) and self.give_back.isChecked()

    def ask_pin(self) -> None:
        reason = translate("Orders", "The manager's PIN is needed to cancel order {number}.")
        request_approval(self, self.ctx, reason.format(number=self.order.number), self.cancel,
                         action="order_cancel")

    def cancel(self, approval: Approval) -> None:
        """Cancel with the manager's approval; an error is shown and the order stays open."""
        try:
            res = self.ctx.service.cancel_order(self.order.number, approval, refund_deposit=self.refund)
        except OtopError as exc:
            self.error.show_error(exc)
            return
        text = translate("Orders", "Order {number} cancelled: deposit {amount} given back.") if res.paid_now_satang \
            else translate("Orders", "Order {number} cancelled.")
        self.done_text = text.format(number=res.number, amount=money(-res.paid_now_satang))
        self.ctx.salesChanged.emit()
        self.accept()

"""The Orders page: the booth's orders with their state and what is due (open ones first), taking the cart on
the sell screen as an order, an order's detail, delivering it and cancelling it (``order_dialogs``).

Everything goes through ``BoothService`` (booth/orders.py): a deposit is money of today, not a sale; a
delivery makes the whole order a sale of its day; a cancel needs the manager's PIN.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from otop_pos.booth.service import OrderRow
from otop_pos.core.thaidate import fair_day
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import money, translate
from otop_pos.ui.order_dialogs import (CancelOrderDialog, DeliverDialog, OrderDetailDialog, TakeOrderDialog,
                                       day_text, status_text)
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import ErrorLabel, fit_columns, make_button, open_dialog, touch_rows

__all__ = ["OrdersScreen", "TakeOrderDialog", "DeliverDialog", "CancelOrderDialog", "OrderDetailDialog"]

_STATUS_ORDER = {"open": 0, "delivered": 1, "cancelled": 2}


class OrdersScreen(QWidget):
    """The orders (open ones first, by delivery date) with detail, deliver and cancel, and taking the cart as
    an order."""

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
        self.show_all = QCheckBox(translate("Orders", "Show delivered and cancelled too"))
        self.show_all.toggled.connect(self.fill)
        top.addWidget(self.show_all)
        lay.addLayout(top)
        heads = [translate("Orders", "Order"), translate("Orders", "Customer"), translate("Orders", "Phone"),
                 translate("Orders", "Delivery"), translate("Orders", "Status"), translate("Orders", "Value"),
                 translate("Orders", "Deposit"), translate("Orders", "Due")]
        self.table = QTableWidget(0, len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        statuses = [translate("Orders", s) for s in ("Open", "Due today", "Late", "Delivered", "Cancelled")]
        fit_columns(self.table, {0: "OB001-2-000000", 2: "081-234-5678",
                                 3: day_text(ctx, fair_day(ctx.service.now())), 4: max(statuses, key=len),
                                 5: "฿99,999.00", 6: "฿99,999.00", 7: "฿99,999.00"}, stretch=1)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)   # Tab leaves the list for Deliver… and Cancel order…
        touch_rows(self.table)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.details())
        lay.addWidget(self.table, 1)
        self.toast = Toast(self, ctx.sounds, anchor=self.table)   # what was done, over the list, moving nothing
        self.error = ErrorLabel()
        lay.addWidget(self.error)
        actions = QHBoxLayout()
        self.detail_button = make_button(translate("Orders", "Details…"), slot=self.details)
        actions.addWidget(self.detail_button)
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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        """Enter on a focused button presses it (a keyboard-only vendor), as Space does."""
        button = QApplication.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(button, QPushButton) \
                and button.isEnabled() and self.isAncestorOf(button):
            button.click()
            return
        super().keyPressEvent(event)

    def _fair_over(self) -> bool:
        info = self.ctx.service.booth_info()
        last = info.fair_last_day if info is not None else None
        return last is not None and fair_day(self.ctx.service.now()) > last

    def _cart_changed(self) -> None:
        over = self._fair_over()   # no new orders once the fair is over (deliveries and cancels go on)
        self.take_button.setEnabled(not over and not self.ctx.cart.is_empty and not self.ctx.parts)
        self.take_button.setToolTip(translate("Orders", "The fair is over: no new orders. Orders already taken "
                                                        "can still be delivered or cancelled.") if over else "")

    def fill(self) -> None:
        """Read the orders again: the open ones by delivery date, then (when asked) the others, newest first."""
        every = self.show_all.isChecked()
        rows = self.ctx.service.orders(status=None if every else "open")
        opened = sorted((o for o in rows if o.status == "open"), key=lambda o: (o.deliver, o.number))
        done = sorted((o for o in rows if o.status != "open"), key=lambda o: o.created_at, reverse=True)
        self.rows = tuple(opened + done)
        self.table.setRowCount(len(self.rows))
        today = fair_day(self.ctx.service.now())
        for r, o in enumerate(self.rows):
            values = (o.number, o.customer, o.phone, day_text(self.ctx, o.deliver), status_text(self.ctx, o),
                      money(o.value_satang), money(o.deposit_satang), money(o.balance_satang))
            urgent = o.status == "open" and o.deliver <= today
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c >= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if urgent and c in (3, 4):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        if self.rows:
            self.table.selectRow(0)
        self._selected_changed()

    def _selected_changed(self) -> None:
        order = self.selected()
        self.detail_button.setEnabled(order is not None)
        for b in (self.cancel_button, self.deliver_button):
            b.setEnabled(order is not None and order.status == "open")

    def _done(self, dlg: TakeOrderDialog | DeliverDialog | CancelOrderDialog) -> None:
        """A step carried out: the list read again and what was done said over it."""
        self.fill()
        self.error.clear()
        if dlg.done_text:
            self.toast.show_message(dlg.done_text, "ok")

    def selected(self) -> OrderRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def take(self) -> None:
        dlg = TakeOrderDialog(self.ctx, self.window())
        dlg.accepted.connect(partial(self._done, dlg))
        open_dialog(dlg, dlg.customer)

    def details(self) -> None:
        order = self.selected()
        if order is not None:
            open_dialog(OrderDetailDialog(self.ctx, order.number, self.window()))

    def deliver(self) -> None:
        order = self.selected()
        if order is None or order.status != "open":
            return
        dlg = DeliverDialog(self.ctx, order, self.window())
        dlg.accepted.connect(partial(self._done, dlg))
        open_dialog(dlg)

    def cancel(self) -> None:
        order = self.selected()
        if order is None or order.status != "open":
            return
        dlg = CancelOrderDialog(self.ctx, order, self.window())
        dlg.accepted.connect(partial(self._done, dlg))
        open_dialog(dlg)

"""The Orders page: the cart taken as an order with a deposit, the open order delivered, another cancelled with
the manager's PIN — what the vendor sees in the list after each step."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from otop_pos.ui.approval import ManagerPinDialog
from otop_pos.ui.context import BoothContext
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.orders_screen import (CancelOrderDialog, DeliverDialog, OrderDetailDialog, OrdersScreen,
                                       TakeOrderDialog)
from tests.conftest import PIN
from tests.ui.ui_helpers import modal


def _fill_cart(ctx: BoothContext, sku: str, qty: int) -> None:
    product = ctx.index.lookup(sku)
    assert product is not None
    ctx.set_cart(ctx.cart.add(product, qty))


def _take(window: MainWindow, qtbot: Any, customer: str, deposit: str) -> None:
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen) and page.take_button.isEnabled()
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    qtbot.keyClicks(dlg.customer, customer)
    qtbot.keyClicks(dlg.phone, "0812345678")
    qtbot.keyClicks(dlg.deposit, deposit)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())


def test_an_order_taken_delivered_and_another_cancelled_from_the_orders_page(
        window: MainWindow, ctx: BoothContext, qtbot: Any) -> None:
    _fill_cart(ctx, "X-03", 2)                      # ฿2,380.00
    _take(window, qtbot, "Somsri", "500")
    page = window.pages["orders"]
    assert isinstance(page, OrdersScreen)
    assert ctx.cart.is_empty and not page.take_button.isEnabled()   # the cart became the order
    assert page.toast.text() == "Order OB001-000001 taken: deposit ฿500.00, balance due ฿1,880.00."
    cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
    assert cells[1:3] == ["Somsri", "0812345678"] and cells[4] == "Due today"
    assert cells[5:] == ["฿2,380.00", "฿500.00", "฿1,880.00"]
    assert ctx.service.day_figures().sales_count == 0          # a deposit is no sale

    _fill_cart(ctx, "X-01", 1)
    _take(window, qtbot, "Malee", "")
    assert page.table.rowCount() == 2

    page.table.selectRow(0)
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    deliver = modal(qtbot, DeliverDialog)
    buttons = [b for b in deliver.findChildren(type(page.deliver_button)) if b.text() == "Deliver"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    assert page.table.item(0, 1).text() == "Malee"
    sale = next(o.sale_number for o in ctx.service.orders() if o.customer == "Somsri")
    assert page.toast.text() == f"Order OB001-000001 delivered: it is sale {sale}."
    assert ctx.service.day_figures().gross_satang == 238000

    page.table.selectRow(0)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = modal(qtbot, CancelOrderDialog)
    assert not cancel.give_back.isVisible()                     # Malee paid no deposit: nothing to give back
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)
    pin = modal(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin_edit, PIN)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)
    assert page.toast.text() == "Order OB001-000002 cancelled."
    assert [o.status for o in ctx.service.orders()] == ["delivered", "cancelled"]


def test_a_refused_order_says_why_and_keeps_the_cart(window: MainWindow, ctx: BoothContext, qtbot: Any) -> None:
    _fill_cart(ctx, "X-01", 1)
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)      # no customer name
    assert dlg.isVisible() and "customer" in dlg.error.text().lower()
    assert not ctx.cart.is_empty and ctx.service.orders() == ()


def test_a_changed_price_on_an_order_asks_the_managers_pin(window: MainWindow, ctx: BoothContext,
                                                           qtbot: Any) -> None:
    _fill_cart(ctx, "X-03", 1)
    ctx.set_cart(ctx.cart.set_price(0, 100000))            # ฿1,190 down to ฿1,000: the manager approves
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    qtbot.keyClicks(dlg.customer, "Somchai")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    pin = modal(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin_edit, PIN)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert [(o.customer, o.value_satang) for o in ctx.service.orders()] == [("Somchai", 100000)]


def test_the_cancel_step_keeps_the_deposit_when_asked_and_the_list_shows_every_state(
        window: MainWindow, ctx: BoothContext, qtbot: Any) -> None:
    for customer in ("Somsri", "Malee", "Wichai"):
        _fill_cart(ctx, "X-03", 1)                  # ฿1,190.00 each, ฿300 deposit
        _take(window, qtbot, customer, "300")
    page = window.pages["orders"]
    assert isinstance(page, OrdersScreen)
    page.table.selectRow(0)
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    deliver = modal(qtbot, DeliverDialog)
    methods = [deliver.method.itemData(i) for i in range(deliver.method.count())]
    assert "card" in methods and "copay" not in methods        # the fair's plain methods; schemes need F12
    assert "฿890.00" in [lab.text() for lab in deliver.findChildren(QLabel)]
    qtbot.mouseClick(deliver.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)

    page.table.selectRow(0)                                     # Malee: cancelled, the deposit kept
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = modal(qtbot, CancelOrderDialog)
    assert cancel.give_back.isChecked()                         # giving it back is proposed
    cancel.keep.setChecked(True)
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)
    pin = modal(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin_edit, PIN)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10000)
    assert page.toast.text() == "Order OB001-000002 cancelled."      # the deposit kept: nothing given back
    malee = next(o for o in ctx.service.orders() if o.customer == "Malee")
    assert malee.status == "cancelled" and ctx.service.order_detail(malee.number).refunds == ()

    page.show_all.setChecked(True)
    rows = [(page.table.item(r, 1).text(), page.table.item(r, 4).text()) for r in range(page.table.rowCount())]
    assert rows == [("Wichai", "Due today"), ("Malee", "Cancelled"), ("Somsri", "Delivered")]
    page.table.selectRow(1)
    assert page.detail_button.isEnabled() and not page.deliver_button.isEnabled()
    assert not page.cancel_button.isEnabled()


def test_the_detail_of_an_order_names_its_lines_deposit_and_balance(window: MainWindow, ctx: BoothContext,
                                                                    qtbot: Any) -> None:
    _fill_cart(ctx, "X-03", 2)
    _take(window, qtbot, "Somsri", "500")
    page = window.pages["orders"]
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.detail_button, Qt.MouseButton.LeftButton)
    detail = modal(qtbot, OrderDetailDialog)
    assert detail.lines.rowCount() == 1 and detail.lines.item(0, 1).text() == "2"
    assert detail.lines.item(0, 2).text() == "฿2,380.00"
    texts = [lab.text() for lab in detail.findChildren(QLabel)]
    assert "Deposit (Cash)" in texts and "฿500.00" in texts and "฿1,880.00" in texts and "0812345678" in texts


def test_the_delivery_date_takes_the_arrow_keys_on_its_day_and_tab_goes_on(window: MainWindow, ctx: BoothContext,
                                                                          qtbot: Any) -> None:
    _fill_cart(ctx, "X-01", 1)
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    first = dlg.deliver_on()
    qtbot.keyClicks(dlg.customer, "Somsri")
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Tab):          # customer → phone → the delivery date
        qtbot.keyClick(dlg.focusWidget(), key)
    assert dlg.focusWidget() is dlg.deliver
    qtbot.keyClick(dlg.deliver, Qt.Key.Key_Up)
    qtbot.keyClick(dlg.deliver, Qt.Key.Key_Up)
    assert (dlg.deliver_on() - first).days == 2             # two days on, not two years
    assert "(in 2 days)" in dlg.deliver_text.text()
    qtbot.keyClick(dlg.deliver, Qt.Key.Key_Tab)            # one Tab leaves the date for the note
    assert dlg.focusWidget() is dlg.note


def test_a_cancel_giving_the_deposit_back_says_so(window: MainWindow, ctx: BoothContext, qtbot: Any) -> None:
    _fill_cart(ctx, "X-03", 1)
    _take(window, qtbot, "Somsri", "300")
    page = window.pages["orders"]
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = modal(qtbot, CancelOrderDialog)
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)    # giving it back is the choice proposed
    pin = modal(qtbot, ManagerPinDialog)
    qtbot.keyClicks(pin.pin_edit, PIN)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=10000)
    assert page.toast.text() == "Order OB001-000001 cancelled: deposit ฿300.00 given back."
    number = ctx.service.orders()[0].number
    assert sum(p.amount_satang for p in ctx.service.order_detail(number).refunds) == 30000

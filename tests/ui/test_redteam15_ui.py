"""Red team, issue 15: the Orders page under a scanner, Thai digits and hostile text (real key events, QTest).

Each test failed on main for the reason its docstring gives, before its fix (the fixes are on main).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from otop_pos.ui.context import BoothContext
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.orders_screen import DeliverDialog, OrdersScreen, TakeOrderDialog
from ui_helpers import modal, scan, type_text  # type: ignore[import-not-found]

CODE = "8850999320012"


def _fill_cart(ctx: BoothContext, sku: str, qty: int) -> None:
    product = ctx.index.lookup(sku)
    assert product is not None
    ctx.set_cart(ctx.cart.add(product, qty))


def _open_take(window: MainWindow, qtbot: Any) -> Any:
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen) and page.take_button.isEnabled()
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    return modal(qtbot, TakeOrderDialog)


def test_a_scan_into_the_order_customer_field_takes_no_order(window: MainWindow, ctx: BoothContext,
                                                             qtbot: Any) -> None:
    """A scanner's burst and Enter in the customer field of "Take the cart as an order": like every other
    booth dialog (tests/ui/test_scan_everywhere.py) the scan must be refused, the field unchanged and Enter never
    pressed. On main the Enter takes the order at once, for a customer named after the barcode."""
    _fill_cart(ctx, "X-03", 1)
    dlg = _open_take(window, qtbot)
    scan(qtbot, dlg.customer, CODE)
    qtbot.wait(200)
    assert ctx.service.orders() == (), [(o.number, o.customer) for o in ctx.service.orders()]
    assert dlg.isVisible() and dlg.customer.text() == ""


def test_a_scan_while_the_deliver_dialog_is_open_delivers_nothing(window: MainWindow, ctx: BoothContext,
                                                                  qtbot: Any) -> None:
    """An order is open; the vendor opens Deliver and the next customer's product is scanned: the Enter of the
    scan must not deliver the order (and take the balance) by itself."""
    _fill_cart(ctx, "X-03", 1)
    dlg = _open_take(window, qtbot)
    qtbot.keyClicks(dlg.customer, "Somsri")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())
    page = window.pages["orders"]
    page.table.selectRow(0)
    qtbot.mouseClick(page.deliver_button, Qt.MouseButton.LeftButton)
    deliver = modal(qtbot, DeliverDialog)
    scan(qtbot, deliver.focusWidget() or deliver, CODE)
    qtbot.wait(200)
    assert [o.status for o in ctx.service.orders()] == ["open"]


def test_a_customer_name_of_bidi_and_zero_width_characters_is_refused(window: MainWindow, ctx: BoothContext,
                                                                      qtbot: Any) -> None:
    """A name pasted as U+202E U+200B (nothing a person can read) must be refused like an empty name."""
    _fill_cart(ctx, "X-03", 1)
    dlg = _open_take(window, qtbot)
    type_text(qtbot, dlg.customer, "\u202e\u200b")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.wait(100)
    assert [repr(o.customer) for o in ctx.service.orders()] == []
    assert dlg.isVisible() and "customer" in dlg.error.text().lower()

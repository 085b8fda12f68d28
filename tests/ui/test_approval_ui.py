"""Discounts and price overrides at the till: the dialogs take the keyboard, refuse a discount larger than its
line or bill, and ask the manager's PIN above the limit, for a changed price (F9) and for a ฿0 sale."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from conftest import BAG, BASKET, CHIPS  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, idle, modal, pin_dialogs, scan, type_into_focus  # type: ignore[import-not-found]

from otop_pos.booth.cart import Cart, Discount
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import checkout
from otop_pos.booth.pin import approve
from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.booth.settings import get_settings
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.approval import ManagerPinDialog
from otop_pos.ui.cart_panel import ValueDialog
from otop_pos.ui.history_screen import HistoryScreen
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.settings_screen import SettingsScreen



def _pin_attempts(store: SqliteStore) -> list[str]:
    con = sqlite3.connect(store.path)
    try:
        return [r[0] for r in con.execute(
            "SELECT action FROM audit_event WHERE action IN ('pin_ok', 'pin_wrong') ORDER BY id")]
    finally:
        con.close()


def _pay_cash(window: MainWindow, ctx: Any, qtbot: Any, cash: str) -> None:
    window.sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.keyClicks(pay.cash_edit, cash)
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    idle(qtbot, ctx)


def test_line_discount_dialog_takes_the_keyboard_and_refuses_more_than_the_line(window: MainWindow, ctx: Any,
                                                                                qtbot: Any) -> None:
    panel = window.sell.cart_panel
    scan(qtbot, window.sell.search, BAG)                     # ฿660
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F4)
    dlg = modal(qtbot, ValueDialog)
    assert QApplication.focusWidget() is dlg.edit           # the amount field has the keyboard
    type_into_focus(qtbot, "1000")                                     # ฿1,000 off a ฿660 line
    assert not gone(dlg)
    assert "more than the line" in dlg.error.text() and "660.00" in dlg.error.text()
    assert panel.total_label.text() == "฿660.00" and ctx.cart.lines[0].discount is None
    dlg.edit.selectAll()
    type_into_focus(qtbot, "100")                                      # within the limit: no PIN
    qtbot.waitUntil(lambda: gone(dlg))
    assert panel.total_label.text() == "฿560.00"
    assert _pin_attempts(ctx.service.store) == []


def test_bill_discount_larger_than_the_bill_is_refused_in_the_dialog(window: MainWindow, ctx: Any,
                                                                     qtbot: Any) -> None:
    scan(qtbot, window.sell.search, BASKET)                  # ฿120
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F5)
    dlg = modal(qtbot, ValueDialog)
    assert QApplication.focusWidget() is dlg.edit
    type_into_focus(qtbot, "121")
    assert not gone(dlg) and "more than the bill" in dlg.error.text()
    assert window.sell.cart_panel.total_label.text() == "฿120.00"


def test_a_discount_above_the_limit_asks_the_manager_pin_once_for_that_discount(window: MainWindow, ctx: Any,
                                                                          shop: SqliteStore, qtbot: Any) -> None:
    panel = window.sell.cart_panel
    scan(qtbot, window.sell.search, BAG)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F4)
    dlg = modal(qtbot, ValueDialog)
    dlg.percent_radio.setChecked(True)
    dlg.edit.setFocus()
    type_into_focus(qtbot, "60")                                       # 60 % > the 50 % limit
    pin = modal(qtbot, ManagerPinDialog)
    assert pin_dialogs() == [pin]                           # Enter asked once, not twice
    assert "50 %" in pin.reason_label.text() and "line discount" in pin.reason_label.text()
    assert QApplication.focusWidget() is pin.pin_edit
    type_into_focus(qtbot, "9999")                                     # wrong PIN: said, the dialog stays
    qtbot.waitUntil(lambda: "Wrong manager PIN" in pin.error.text())
    assert panel.total_label.text() == "฿660.00"
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: gone(pin) and gone(dlg) and QApplication.focusWidget() is window.sell.search)
    assert pin_dialogs() == []
    assert panel.total_label.text() == "฿264.00" and ctx.cart.approval is not None
    # the approval covered that discount, not the next one: a bill discount above the limit asks again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the sell screen is back
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F5)
    dlg = modal(qtbot, ValueDialog)
    type_into_focus(qtbot, "200")                                      # ฿200 off ฿264 = 76 %
    pin = modal(qtbot, ManagerPinDialog)
    assert "bill discount" in pin.reason_label.text() and panel.total_label.text() == "฿264.00"
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: gone(pin) and gone(dlg))
    assert panel.total_label.text() == "฿64.00"
    _pay_cash(window, ctx, qtbot, "100")
    assert [(s.total_satang, s.status) for s in list_sales(shop)] == [(6400, "sale")]
    assert _pin_attempts(shop) == ["pin_wrong", "pin_ok", "pin_ok"]


def test_cancelling_the_pin_keeps_the_cart_and_says_the_pin_is_needed(window: MainWindow, ctx: Any,
                                                                      qtbot: Any) -> None:
    scan(qtbot, window.sell.search, BAG)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F5)
    dlg = modal(qtbot, ValueDialog)
    type_into_focus(qtbot, "400")                                      # ฿400 off ฿660
    pin = modal(qtbot, ManagerPinDialog)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pin))
    assert not gone(dlg) and "manager's PIN is needed" in dlg.error.text()
    assert ctx.cart.discount is None and ctx.cart.approval is None
    assert window.sell.cart_panel.total_label.text() == "฿660.00"


def test_price_override_with_f9_asks_the_pin_and_the_sale_keeps_list_and_unit_price(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    panel = window.sell.cart_panel
    scan(qtbot, window.sell.search, CHIPS)
    scan(qtbot, window.sell.search, BAG)
    assert panel.price_button.text() == "Price (F9)"
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F9)       # the selected line: the bag, ฿660
    dlg = modal(qtbot, ValueDialog)
    assert QApplication.focusWidget() is dlg.edit and dlg.edit.text() == "660.00"
    dlg.edit.selectAll()
    type_into_focus(qtbot, "500")
    pin = modal(qtbot, ManagerPinDialog)
    assert "changed price" in pin.reason_label.text()
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: gone(pin) and gone(dlg))
    m = panel.model
    assert [(m.data(m.index(r, 0)), m.data(m.index(r, 2)), m.data(m.index(r, 4))) for r in range(m.rowCount())] == [
        ("ข้าวเกรียบฟักทอง", "37.00", "37.00"), ("กระเป๋าสานเตยปาหนัน", "500.00 (660.00)", "500.00")]
    _pay_cash(window, ctx, qtbot, "600")
    (row,) = list_sales(shop)
    detail = sale_detail(shop, row.uuid)
    assert [(ln.sku, ln.list_price, ln.unit_price_satang) for ln in detail.lines] == [
        ("X-01", 3700, 3700), ("KK20-0001-02", 66000, 50000)]
    con = sqlite3.connect(shop.path)
    try:
        (detail_json,) = con.execute("SELECT detail_json FROM audit_event WHERE action = 'override'").fetchone()
    finally:
        con.close()
    assert json.loads(detail_json)["prices"] == [["KK20-0001-02", 66000, 50000]]


def test_a_zero_baht_discount_asks_the_pin_even_within_the_limit(window: MainWindow, ctx: Any,
                                                                 qtbot: Any) -> None:
    ctx.service.update_settings(discount_limit_percent=100)
    scan(qtbot, window.sell.search, BASKET)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F5)
    dlg = modal(qtbot, ValueDialog)
    type_into_focus(qtbot, "120")
    pin = modal(qtbot, ManagerPinDialog)
    assert "0 baht" in pin.reason_label.text()
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: gone(pin) and gone(dlg))
    assert window.sell.cart_panel.total_label.text() == "฿0.00" and ctx.cart.approval is not None


def test_a_zero_baht_sale_is_not_shown_refunded_in_the_history(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                               clock: FixedClock, qtbot: Any) -> None:
    basket = CatalogueIndex.load(shop).lookup(BASKET)
    assert basket is not None
    cart = Cart().add(basket).set_discount(Discount("percent", 10000))
    sale = checkout(shop, clock, cart, [], approval=approve(shop, clock, "1234", action="zero_sale"),
                    print_receipt=False)
    screen = window.show_page("history")
    assert isinstance(screen, HistoryScreen)
    idle(qtbot, ctx)
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 1)
    assert m.data(m.index(0, 0)) == sale.number
    assert m.data(m.index(0, 5)) == "Paid"
    screen.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.detail is not None)
    assert screen.void_button.isEnabled()


def test_settings_screen_sets_the_discount_limit(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                 qtbot: Any) -> None:
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    assert screen.discount_limit.text() == "50"
    screen.discount_limit.setText("150")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "0 to 100" in screen.error.text())
    screen.discount_limit.setText("20")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in screen.toast.text())
    assert get_settings(shop).discount_limit_percent == 20 and ctx.service.settings.discount_limit_percent == 20


def test_a_scan_into_the_discount_dialog_never_becomes_a_discount(window: MainWindow, ctx: Any,
                                                                  qtbot: Any) -> None:
    panel = window.sell.cart_panel
    scan(qtbot, window.sell.search, BAG)
    for key in (Qt.Key.Key_F4, Qt.Key.Key_F5):
        qtbot.keyClick(window.sell.search, key)
        dlg = modal(qtbot, ValueDialog)
        scan(qtbot, QApplication.focusWidget(), BASKET)    # a burst of 13 digits and Enter
        qtbot.wait(50)
        assert ctx.cart.discount is None and ctx.cart.lines[0].discount is None
        assert panel.total_label.text() == "฿660.00"
        if not gone(dlg):
            assert dlg.error.text()                           # refused, and it says why
            dlg.reject()
        qtbot.waitUntil(lambda: gone(dlg))


def test_ask_manager_waits_for_the_pin_and_returns_the_approval_or_none(window: MainWindow, ctx: Any,
                                                                        qtbot: Any) -> None:
    from PySide6.QtCore import QTimer

    from otop_pos.ui.approval import ask_manager

    def answer(pin: str | None) -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ManagerPinDialog):
            QTimer.singleShot(20, lambda: answer(pin))
            return
        if pin is None:
            dlg.reject()
        else:
            qtbot.keyClicks(dlg.pin_edit, pin)
            qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Return)
    QTimer.singleShot(0, lambda: answer("1234"))
    approval = ask_manager(window, ctx, "A sale of 0 baht needs the manager.", action="zero_sale")
    assert approval is not None and approval.action == "zero_sale"
    QTimer.singleShot(0, lambda: answer(None))
    assert ask_manager(window, ctx, "again") is None
    assert _pin_attempts(ctx.service.store) == ["pin_ok"]

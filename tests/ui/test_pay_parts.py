"""Issue 12 at the till: payment parts that are never lost, Enter that does what it says, held bills in the
store, the change left on screen. Each test reproduces a way the booth recorded wrong money before."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from conftest import BAG, BASKET, CHIPS, PIN, SCARF, make_ctx  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import gone, idle, modal, open_pay, scan  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.held_dialog import HeldBillsDialog
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.widgets import MessageDialog



def payments_of_last_sale(shop: SqliteStore) -> list[tuple[str, int, int | None, int]]:
    sale = list_sales(shop)[0]
    return [(p.method, p.amount_satang, p.tendered_satang, p.change_satang)
            for p in sale_detail(shop, sale.uuid).payments]


def test_cash_then_f7_records_cash_and_transfer_for_the_rest(window: MainWindow, shop: SqliteStore,
                                                            qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BASKET, CHIPS)     # ฿157
    qtbot.keyClicks(pay.cash_edit, "100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)     # before: the ฿100 was in no record
    assert pay.tr_amount.text() == "57.00"           # the transfer gets the remainder
    assert "Cash  ฿100.00" in pay.parts_list.item(0).text()
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert sorted(payments_of_last_sale(shop)) == [("cash", 10000, 10000, 0), ("transfer", 5700, None, 0)]


def test_cash_at_or_above_due_stays_unrecorded_when_switching(window: MainWindow, shop: SqliteStore,
                                                             qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)              # ฿37
    qtbot.keyClicks(pay.cash_edit, "100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F6)
    assert pay.pp_amount.text() == "37.00" and pay.payments == ()
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert payments_of_last_sale(shop) == [("promptpay", 3700, None, 0)]


def test_a_confirmed_promptpay_part_survives_esc_and_a_restart(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                              clock: FixedClock, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                # ฿660
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    pay.pp_amount.setText("500")
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)
    qtbot.keyClick(pay, Qt.Key.Key_Escape)            # before: the ฿500 PromptPay was dropped silently
    qtbot.waitUntil(lambda: gone(pay))
    assert "฿500.00" in window.sell.cart_panel.parts_label.text()
    again = make_ctx(shop, clock, "en")               # what a restart reads back
    try:
        assert [(p.method, p.amount_satang) for p in again.parts] == [("promptpay", 50000)]
        assert again.cart == ctx.cart and again.bill_uuid == ctx.bill_uuid
    finally:
        again.shutdown()
    pay = open_pay(window, qtbot)
    assert pay.due_label.text() == "฿160.00" and "PromptPay  ฿500.00" in pay.parts_list.item(0).text()
    qtbot.keyClicks(pay.cash_edit, "200")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert sorted(payments_of_last_sale(shop)) == [("cash", 16000, 20000, 4000), ("promptpay", 50000, None, 0)]
    assert ctx.parts == () and ctx.cart.is_empty


def test_after_a_failed_save_enter_completes_instead_of_refusing_as_overpayment(window: MainWindow, ctx: Any,
                                                                               shop: SqliteStore,
                                                                               qtbot: Any) -> None:
    ctx.service.close_day(PIN, counted_satang=100000)
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)  # PromptPay ฿37 taken, the save fails: day closed
    qtbot.waitUntil(lambda: bool(pay.error.text()) and not pay.busy)
    assert "open" in pay.error.text().lower() and len(ctx.parts) == 1
    ctx.service.open_day(50000)
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)  # before: "more than is due"
    qtbot.waitUntil(lambda: gone(pay))
    assert payments_of_last_sale(shop) == [("promptpay", 3700, None, 0)]


def test_enter_on_a_focused_back_to_cart_goes_back(window: MainWindow, shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClicks(pay.cash_edit, "100")
    pay.cancel_button.setFocus()
    qtbot.keyClick(pay.cancel_button, Qt.Key.Key_Return)   # before: completed the sale
    qtbot.waitUntil(lambda: gone(pay))
    assert list_sales(shop) == [] and window.sell.cart_panel.model.rowCount() == 1


def test_removing_a_part_asks_first(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClick(pay, Qt.Key.Key_F7)
    pay.tr_amount.setText("100")
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)
    assert len(ctx.parts) == 1
    qtbot.mouseClick(pay.remove_part_button, Qt.MouseButton.LeftButton)
    ask = modal(qtbot, MessageDialog)
    assert "฿100.00" in ask.text_label.text() and "back" in ask.text_label.text()
    qtbot.mouseClick(ask.no_button, Qt.MouseButton.LeftButton)
    assert len(ctx.parts) == 1
    qtbot.mouseClick(pay.remove_part_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(modal(qtbot, MessageDialog).yes_button, Qt.MouseButton.LeftButton)
    assert ctx.parts == () and pay.due_label.text() == "฿660.00"


def test_cash_far_above_due_asks_and_absurd_cash_is_refused(window: MainWindow, shop: SqliteStore,
                                                           qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)               # ฿37
    pay.cash_edit.setText("8857850191158")             # a barcode typed as cash (13 digits)
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    assert pay.isVisible() and "10,000,000.00" in pay.error.text() and list_sales(shop) == []
    pay.cash_edit.setText("885785019115812345678")     # 21 digits: before, OverflowError
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    assert pay.isVisible() and "far too large" in pay.error.text() and list_sales(shop) == []
    pay.cash_edit.setText("1037")                      # ฿1,000 above what is due: confirm first
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    ask = modal(qtbot, MessageDialog)
    assert "฿1,000.00" in ask.text_label.text()
    qtbot.mouseClick(ask.no_button, Qt.MouseButton.LeftButton)
    assert list_sales(shop) == []
    pay.cash_edit.setText("100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert payments_of_last_sale(shop) == [("cash", 3700, 10000, 6300)]


def test_a_scan_in_the_pay_dialog_adds_the_product_and_the_due_follows(window: MainWindow, ctx: Any,
                                                                      shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    pay.take_scan(BASKET)
    assert pay.total_label.text() == "฿157.00" and pay.pp_amount.text() == "157.00"
    assert pay.cash_edit.text() == ""
    pay.take_scan("0000")
    assert "0000" in pay.error.text() and ctx.cart.item_count == 2


def test_the_change_stays_large_until_the_next_scan(window: MainWindow, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClicks(pay.cash_edit, "50")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    panel = window.sell.cart_panel
    assert panel.stack.currentWidget() is panel.change_panel and panel.change_panel.amount.text() == "฿13.00"
    qtbot.wait(300)
    assert panel.stack.currentWidget() is panel.change_panel
    scan(qtbot, window.sell.search, SCARF)
    assert panel.stack.currentWidget() is panel.table and panel.model.rowCount() == 1


def test_f6_holds_at_once_and_f7_brings_back_the_oldest_from_the_list(window: MainWindow, ctx: Any,
                                                                     shop: SqliteStore, clock: FixedClock,
                                                                     qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, SCARF)
    qtbot.keyClick(sell.search, Qt.Key.Key_F6)         # held at once, no question asked
    assert ctx.cart.is_empty and len(ctx.held) == 1
    clock.advance(timedelta(minutes=1))
    scan(qtbot, sell.search, CHIPS)
    qtbot.keyClick(sell.search, Qt.Key.Key_F6)
    scan(qtbot, sell.search, BASKET)                   # a third customer is being served
    qtbot.keyClick(sell.search, Qt.Key.Key_F7)
    dlg = modal(qtbot, HeldBillsDialog)
    assert dlg.list.count() == 2 and dlg.list.currentRow() == 0 and "1,190.00" in dlg.list.item(0).text()
    dlg.name_edit.setText("red hat")
    qtbot.keyClick(dlg.name_edit, Qt.Key.Key_Return)   # names the selected bill, stays open
    assert dlg.isVisible(), "closed"
    assert dlg.list.item(0).text().endswith("— red hat"), dlg.list.item(0).text()
    dlg.list.setFocus()
    qtbot.keyClick(dlg.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dlg))
    assert ctx.cart.total_satang == 119000
    assert sorted(b.cart.total_satang for b in ctx.held) == [3700, 12000]   # the basket was held in its place
    again = make_ctx(shop, clock, "en")                # a restart keeps all of it
    try:
        assert again.cart.total_satang == 119000
        assert sorted(b.cart.total_satang for b in again.held) == [3700, 12000]
    finally:
        again.shutdown()
    assert list_sales(shop) == []                      # held bills are not sales


def test_closing_the_app_with_held_bills_warns_and_names_money_taken(window: MainWindow, ctx: Any,
                                                                   qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClick(pay, Qt.Key.Key_F7)
    pay.tr_amount.setText("60")
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)
    window.close()
    ask = modal(qtbot, MessageDialog)
    assert window.isVisible() and "฿60.00" in ask.text_label.text()
    qtbot.mouseClick(ask.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
    idle(qtbot, ctx)


def test_a_recalled_free_bill_asks_the_pin_at_pay_then_sells(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                            qtbot: Any) -> None:
    from otop_pos.booth.service import Cart, Discount
    from otop_pos.ui.approval import ManagerPinDialog

    product = ctx.index.lookup(CHIPS)
    ctx.set_cart(Cart().add(product).set_discount(Discount("percent", 10000)))   # free: needs the manager
    ctx.hold()                                          # the approval, if any, is not kept with a held bill
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F7)
    assert ctx.cart.total_satang == 0
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F12)
    pay = modal(qtbot, PayDialog)
    assert pay.due_caption.text() == "Paid in full"
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    pin = modal(qtbot, ManagerPinDialog)
    assert list_sales(shop) == []
    qtbot.keyClicks(pin.pin_edit, PIN)
    qtbot.keyClick(pin.pin_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    sale = list_sales(shop)[0]
    assert sale.total_satang == 0 and sale_detail(shop, sale.uuid).payments == ()


def test_enter_in_the_quantity_field_applies_once(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    from otop_pos.ui.cart_panel import ValueDialog

    scan(qtbot, window.sell.search, CHIPS)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F3)
    dlg = modal(qtbot, ValueDialog)
    calls: list[str] = []
    apply = dlg.on_value
    assert apply is not None
    dlg.on_value = lambda edit, percent: (calls.append(edit.text()), apply(edit, percent))[1]
    dlg.edit.setText("3")
    qtbot.keyClick(dlg.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dlg))
    assert calls == ["3"] and ctx.cart.lines[0].qty == 3


def test_closing_the_day_with_money_on_a_held_bill_is_refused_on_screen(window: MainWindow, ctx: Any,
                                                                       qtbot: Any) -> None:
    from otop_pos.booth.service import PaymentIn
    from otop_pos.ui.day_dialogs import CloseDayDialog, DayScreen

    scan(qtbot, window.sell.search, CHIPS)
    ctx.set_parts((PaymentIn("promptpay", 2000),))
    ctx.hold()
    screen = window.show_page("day")
    assert isinstance(screen, DayScreen)
    screen.close_day()
    box = modal(qtbot, MessageDialog)
    assert "฿20.00" in box.text_label.text() and "hand the money back" in box.text_label.text()
    qtbot.mouseClick(box.yes_button, Qt.MouseButton.LeftButton)
    assert not [w for w in window.findChildren(CloseDayDialog) if w.isVisible()]
    assert ctx.day is not None

"""Red team for issue 12 at the till (pytest-qt): ways a busy stall or a hostile input recorded wrong money,
lost a record or crashed. Each test reproduces a defect now fixed (it failed on the code it was written
against)."""
from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from conftest import BAG, BASKET, CHIPS, SCARF, make_ctx  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, idle, modal, open_pay, pin_dialogs, scan, type_into_focus  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import OtopError
from otop_pos.core.limits import MAX_DOCUMENT_SATANG
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.approval import ManagerPinDialog
from otop_pos.ui.cart_panel import ValueDialog
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.widgets import MessageDialog





def _sql(store: SqliteStore, sql: str, *args: Any) -> list[Any]:
    con = sqlite3.connect(store.path)
    try:
        rows = con.execute(sql, args).fetchall()
        con.commit()
        return rows
    finally:
        con.close()


# --- the scanner in the pay dialog -------------------------------------------------------------------------
def test_a_clashing_code_scanned_in_the_pay_dialog_is_refused_with_the_message(window: MainWindow, ctx: Any,
                                                                               shop: SqliteStore, qtbot: Any) -> None:
    # a store that already holds a clash (made before issue 12): X-04's SKU is the chips' barcode
    _sql(shop, "UPDATE product SET sku = ? WHERE sku = 'X-04'", CHIPS)
    ctx.catalogue_loaded(ctx.service.catalogue())
    pay = open_pay(window, qtbot, BASKET)
    try:
        pay.take_scan(CHIPS)  # what the scanner detector calls for a scan in this dialog
    except OtopError as exc:
        pytest.fail(f"the scan raised instead of being refused in the dialog: {exc}")
    assert "X-01" in pay.error.text() and ctx.cart.item_count == 1 and not gone(pay)


# --- money already taken --------------------------------------------------------------------------------------
def test_f8_then_enter_does_not_drop_a_transfer_already_taken(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)               # ฿660
    qtbot.keyClick(pay, Qt.Key.Key_F7)
    pay.tr_amount.setText("500")
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)  # ฿500 transferred
    assert [p.amount_satang for p in ctx.parts] == [50000]
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F8)
    box = modal(qtbot, MessageDialog)
    qtbot.keyClick(QApplication.focusWidget() or box, Qt.Key.Key_Return)  # Enter, as after every other F8
    qtbot.waitUntil(lambda: gone(box))
    assert [p.amount_satang for p in ctx.parts] == [50000], "the ฿500 transfer was dropped by F8 + Enter"


def test_a_cash_part_above_the_bill_after_a_line_is_removed_gives_change(window: MainWindow, ctx: Any,
                                                                         shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BASKET, CHIPS)      # ฿157
    qtbot.keyClicks(pay.cash_edit, "100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)     # ฿100 cash becomes a part
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.sell.cart_panel.table.selectRow(0)
    window.sell.cart_panel.remove_line()             # the customer puts the basket back: ฿37 left
    pay = open_pay(window, qtbot)
    assert pay.due_caption.text() == "Paid too much" and pay.due_label.text() == "฿63.00"
    qtbot.keyClicks(pay.cash_edit, "100")            # what the message asks for
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay), timeout=3000)
    idle(qtbot, ctx)
    assert _sql(shop, "SELECT method, amount_satang, tendered_satang, change_satang FROM payment") == [
        ("cash", 3700, 10000, 6300)]


def test_cash_parts_and_cash_received_never_store_more_than_the_organiser_takes(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, SCARF)
    ctx.set_cart(ctx.cart.set_qty(0, 8000))          # ฿9,520,000: a large order, within the limits
    pay = open_pay(window, qtbot)
    qtbot.keyClicks(pay.cash_edit, "9000000")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)     # ฿9,000,000 cash becomes a part
    qtbot.keyClick(pay, Qt.Key.Key_F5)
    qtbot.keyClicks(pay.cash_edit, "10000000")       # the largest cash received the field takes
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    box = modal(qtbot, MessageDialog)                # "give ฿9,520,000 change?"
    box.accept()
    qtbot.wait(300)
    idle(qtbot, ctx)
    tendered = [t for (t,) in _sql(shop, "SELECT tendered_satang FROM payment WHERE tendered_satang IS NOT NULL")]
    assert all(t <= MAX_DOCUMENT_SATANG for t in tendered), f"stored cash received {tendered} > ฿10,000,000"


# --- approvals ------------------------------------------------------------------------------------------------
def test_an_approval_for_a_small_discount_does_not_cover_a_later_price_override(window: MainWindow, ctx: Any,
                                                                                qtbot: Any) -> None:
    scan(qtbot, window.sell.search, CHIPS)           # ฿37
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F4)
    dlg = modal(qtbot, ValueDialog)
    dlg.percent_radio.setChecked(True)
    dlg.edit.setFocus()
    type_into_focus(qtbot, "60")                               # above the 50 % limit: the manager comes, types the PIN
    pin = modal(qtbot, ManagerPinDialog)
    type_into_focus(qtbot, "1234")
    qtbot.waitUntil(lambda: gone(pin) and gone(dlg))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    scan(qtbot, window.sell.search, SCARF)           # ฿1,190, after the manager has gone
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F9)
    dlg = modal(qtbot, ValueDialog)
    dlg.edit.selectAll()
    type_into_focus(qtbot, "1")                                # sold at ฿1
    qtbot.wait(200)
    assert pin_dialogs(), f"no PIN asked; the cart now totals {window.sell.cart_panel.total_label.text()}"


# --- two apps on one booth ------------------------------------------------------------------------------------
def test_a_bill_sold_in_one_window_cannot_be_sold_again_from_another(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                                     clock: FixedClock, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)               # ฿660
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    pay.pp_amount.setText("500")
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Return)  # ฿500 by PromptPay
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    other = make_ctx(shop, clock, "en")              # the app started a second time on the same booth
    try:
        assert other.parts == ctx.parts and other.bill_uuid == ctx.bill_uuid
        for c in (ctx, other):
            payments = list(c.service.final_payments(c.cart.total_satang, c.parts, 16000))
            try:
                c.service.sell(c.cart, payments, bill_uuid=c.bill_uuid)
            except OtopError:
                pass
    finally:
        other.shutdown()
    assert len(list_sales(shop)) == 1, _sql(shop, "SELECT sale_id, method, amount_satang FROM payment")

"""Paying: PromptPay QR with the amount (decoded from the screen), transfer, split payments, refusals."""
from __future__ import annotations

from typing import Any

import zxingcpp
from conftest import BAG, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import gone, open_pay, qimage_to_pil, type_text  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.core.promptpay import parse_emv, parse_tlv, promptpay_payload
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog



def shown_qr(pay: PayDialog) -> str:
    image = pay.qr_label.pixmap().toImage()
    found = zxingcpp.read_barcodes(qimage_to_pil(image))
    assert len(found) == 1
    return str(found[0].text)


def test_promptpay_shows_a_qr_for_the_amount_and_saves_the_slip_reference(window: MainWindow, shop: SqliteStore,
                                                                         qtbot: Any) -> None:
    pay = open_pay(window, qtbot, SCARF, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    assert pay.pp_amount.text() == "1,227.00"
    payload = shown_qr(pay)
    assert payload == promptpay_payload("0801234567", 122700)
    fields = parse_emv(payload)
    assert fields["54"] == "1227.00" and parse_tlv(fields["29"])["01"] == "0066801234567"
    assert "080-xxx-4567" in pay.target_label.text()
    qtbot.keyClicks(pay.pp_ref, "SLIP778")
    qtbot.keyClick(pay.pp_ref, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    sale = list_sales(shop)[0]
    assert (sale.total_satang, sale.methods) == (122700, "promptpay")
    assert sale_detail(shop, sale.uuid).payments[0].reference == "SLIP778"


def test_split_promptpay_then_cash_until_covered(window: MainWindow, shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)             # ฿660
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    pay.pp_amount.clear()
    type_text(qtbot, pay.pp_amount, "๕๐๐")        # Thai digits: ฿500 by PromptPay
    assert parse_emv(shown_qr(pay))["54"] == "500.00"
    qtbot.mouseClick(pay.pp_confirm, Qt.MouseButton.LeftButton)
    assert pay.isVisible() and pay.due_label.text() == "฿160.00"
    assert pay.parts_list.count() == 1 and "PromptPay  ฿500.00" in pay.parts_list.item(0).text()
    assert pay.tabs.currentIndex() == 0            # back to cash for the rest
    qtbot.keyClicks(pay.cash_edit, "200")
    assert pay.change_label.text() == "฿40.00"
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    sale = list_sales(shop)[0]
    detail = sale_detail(shop, sale.uuid)
    assert [(p.method, p.amount_satang, p.tendered_satang, p.change_satang) for p in detail.payments] == [
        ("promptpay", 50000, None, 0), ("cash", 16000, 20000, 4000)]


def test_transfer_for_the_whole_amount(window: MainWindow, shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.keyClick(pay, Qt.Key.Key_F7)
    assert pay.tr_amount.text() == "37.00"
    qtbot.keyClicks(pay.tr_ref, "KBANK 0012")
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert [(s.methods, s.total_satang) for s in list_sales(shop)] == [("transfer", 3700)]


def test_cash_below_due_becomes_a_part_and_too_much_promptpay_is_refused(window: MainWindow, ctx: Any,
                                                                          shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                 # ฿660
    qtbot.keyClicks(pay.cash_edit, "500")
    assert pay.change_caption.text() == "Short" and pay.change_label.text() == "฿160.00"
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)   # the ฿500 handed over is recorded, ฿160 still due
    assert pay.isVisible() and pay.due_label.text() == "฿160.00" and pay.cash_edit.text() == ""
    assert [(p.method, p.amount_satang) for p in ctx.parts] == [("cash", 50000)]
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    assert pay.pp_amount.text() == "160.00"            # the QR shows the remainder
    pay.pp_amount.setText("700")
    qtbot.mouseClick(pay.pp_confirm, Qt.MouseButton.LeftButton)
    assert pay.isVisible() and "540.00" in pay.error.text() and len(pay.payments) == 1
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    assert list_sales(shop) == []
    assert window.sell.cart_panel.model.rowCount() == 1   # the cart is still there, with the ฿500 taken on it
    assert "฿500.00" in window.sell.cart_panel.parts_label.text()


def test_checkout_needs_an_open_day_and_keeps_the_cart(window: MainWindow, ctx: Any, qtbot: Any) -> None:

    ctx.service.close_day("1234", counted_satang=100000)
    pay = open_pay(window, qtbot, CHIPS)
    qtbot.mouseClick(pay.exact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(pay.error.text()))
    assert "open" in pay.error.text().lower()
    assert ctx.sounds.played == ["error"]
    assert window.sell.cart_panel.model.rowCount() == 1

"""A vendor at the till: scanning, quantities, discounts, paying cash, unknown codes, Thai digits, held sales."""
from __future__ import annotations

from typing import Any

from conftest import BAG, BASKET, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, idle, modal, scan, scanner_speed, type_text  # type: ignore[import-not-found]

from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.cart_panel import ValueDialog
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.widgets import MessageDialog


def cart_texts(window: MainWindow) -> list[tuple[str, str, str]]:
    m = window.sell.cart_panel.model
    return [(m.data(m.index(r, 0)), m.data(m.index(r, 1)), m.data(m.index(r, 4))) for r in range(m.rowCount())]


def test_scan_three_products_change_quantity_and_pay_cash_with_change(window: MainWindow, shop: SqliteStore,
                                                                      qtbot: Any) -> None:
    sell = window.sell
    target = sell.search
    for code in (BASKET, CHIPS, SCARF, CHIPS):
        scan(qtbot, target, code)
    assert target.text() == ""  # the scanner's digits never reached the search box
    assert cart_texts(window) == [("กระติบข้าวเหนียว", "1", "120.00"), ("ข้าวเกรียบฟักทอง", "2", "74.00"),
                                  ("ผ้าไหมมัดหมี่", "1", "1,190.00")]
    # the chips line: quantity 3 with F3
    sell.cart_panel.table.selectRow(1)
    qtbot.keyClick(sell.cart_panel.table, Qt.Key.Key_F3)
    dlg = modal(qtbot, ValueDialog)
    dlg.edit.selectAll()
    qtbot.keyClicks(dlg.edit, "3")
    qtbot.keyClick(dlg.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cart_texts(window)[1] == ("ข้าวเกรียบฟักทอง", "3", "111.00"))
    assert sell.cart_panel.total_label.text() == "฿1,421.00"
    qtbot.keyClick(sell.search, Qt.Key.Key_F12)
    pay = modal(qtbot, PayDialog)
    assert pay.total_label.text() == "฿1,421.00"
    qtbot.keyClicks(pay.cash_edit, "1500")
    assert pay.change_label.text() == "฿79.00"
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert window.sell.cart_panel.model.rowCount() == 0
    panel = sell.cart_panel.change_panel
    assert sell.cart_panel.stack.currentWidget() is panel and panel.amount.text() == "฿79.00"
    assert sell.cart_panel.total_label.text() == "฿0.00"
    sales = list_sales(shop)
    assert [(s.total_satang, s.item_count, s.methods) for s in sales] == [(142100, 5, "cash")]
    detail = sale_detail(shop, sales[0].number)
    assert [(ln.sku, ln.qty) for ln in detail.lines] == [("KK20-0001-01", 1), ("X-01", 3), ("X-03", 1)]
    assert detail.payments[0].tendered_satang == 150000 and detail.payments[0].change_satang == 7900


def test_scanner_works_with_focus_anywhere_on_the_sell_screen(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.grid, BAG)
    scan(qtbot, sell.cart_panel.table, BAG)
    scan(qtbot, sell.cart_panel.pay_button, CHIPS)
    assert cart_texts(window) == [("กระเป๋าสานเตยปาหนัน", "2", "1,320.00"), ("ข้าวเกรียบฟักทอง", "1", "37.00")]


def test_unknown_and_invalid_codes_warn_without_losing_the_cart(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, BASKET)
    scan(qtbot, sell.search, "8850000000999")      # valid EAN-13, not in the catalogue
    assert sell.toast.isVisible() and "8850000000999" in sell.toast.text()
    assert sell.toast.kind == "error"
    assert ctx.sounds.played == ["error"]
    scan(qtbot, sell.search, "8850000000998")      # wrong check digit: a misread
    assert "not valid" in sell.toast.text()
    assert ctx.sounds.played == ["error", "error"]
    assert QApplication.activeModalWidget() is None  # nothing blocks the next scan
    scan(qtbot, sell.search, BASKET)
    assert cart_texts(window) == [("กระติบข้าวเหนียว", "2", "240.00")]


def test_people_typing_in_the_search_box_are_not_taken_for_a_scanner(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    type_text(qtbot, sell.search, "ข้าว", delay_ms=80)
    qtbot.waitUntil(lambda: sell.search.text() == "ข้าว")
    names = [p.name for p in sell.grid.grid_model.products]
    assert names == ["กระติบข้าวเหนียว", "ข้าวเกรียบฟักทอง"]
    with scanner_speed():
        type_text(qtbot, sell.search, "เกรียบ")   # a fast burst without Enter is given back to the box
    qtbot.waitUntil(lambda: sell.search.text() == "ข้าวเกรียบ")
    qtbot.keyClick(sell.search, Qt.Key.Key_Return)  # one match: Enter adds it
    assert cart_texts(window) == [("ข้าวเกรียบฟักทอง", "1", "37.00")]
    assert sell.search.text() == ""


def test_search_matches_sku_and_barcode(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    sell.search.setText("X-0")
    assert len(sell.grid.grid_model.products) == 4
    sell.search.setText(SCARF[:9])
    assert [p.sku for p in sell.grid.grid_model.products] == ["X-01", "X-02", "X-03"]
    sell.search.setText("")
    sell.set_type("เครื่องดื่ม")
    assert [p.sku for p in sell.grid.grid_model.products] == ["X-02"]


def test_typing_thai_digits_in_quantity_cash_and_discount(window: MainWindow, shop: SqliteStore, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, CHIPS)
    sell.cart_panel.ask_qty()
    dlg = modal(qtbot, ValueDialog)
    dlg.edit.clear()
    type_text(qtbot, dlg.edit, "๑๒")
    qtbot.keyClick(dlg.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cart_texts(window) == [("ข้าวเกรียบฟักทอง", "12", "444.00")])
    sell.cart_panel.ask_sale_discount()
    dlg = modal(qtbot, ValueDialog)
    type_text(qtbot, dlg.edit, "๔๔")
    qtbot.keyClick(dlg.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sell.cart_panel.total_label.text() == "฿400.00")
    sell.pay()
    pay = modal(qtbot, PayDialog)
    type_text(qtbot, pay.cash_edit, "๕๐๐")
    assert pay.change_label.text() == "฿100.00"
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    assert [(s.total_satang, s.methods) for s in list_sales(shop)] == [(40000, "cash")]


def test_plus_minus_remove_and_line_discount(window: MainWindow, qtbot: Any) -> None:
    panel = window.sell.cart_panel
    scan(qtbot, window.sell.search, BAG)
    scan(qtbot, window.sell.search, CHIPS)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.plus_button, Qt.MouseButton.LeftButton)
    assert cart_texts(window)[0] == ("กระเป๋าสานเตยปาหนัน", "2", "1,320.00")
    qtbot.keyClick(panel.table, Qt.Key.Key_Minus)  # held for a moment (could start a scan), then applied
    qtbot.waitUntil(lambda: cart_texts(window)[0] == ("กระเป๋าสานเตยปาหนัน", "1", "660.00"))
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F4)
    dlg = modal(qtbot, ValueDialog)
    dlg.percent_radio.setChecked(True)
    qtbot.keyClicks(dlg.edit, "10")
    qtbot.keyClick(dlg.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cart_texts(window)[0] == ("กระเป๋าสานเตยปาหนัน", "1", "594.00"))
    assert panel.total_label.text() == "฿631.00"
    panel.table.selectRow(1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert [t[0] for t in cart_texts(window)] == ["กระเป๋าสานเตยปาหนัน"]
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F8)
    confirm = modal(qtbot, MessageDialog)
    qtbot.mouseClick(confirm.yes_button, Qt.MouseButton.LeftButton)
    assert cart_texts(window) == []


def test_park_and_resume(window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, SCARF)
    scan(qtbot, sell.search, CHIPS)
    qtbot.keyClick(sell.search, Qt.Key.Key_F6)          # customer A goes to fetch money
    assert cart_texts(window) == []
    assert sell.cart_panel.resume_button.text().endswith("· 1")
    scan(qtbot, sell.search, BASKET)                   # customer B pays at once
    sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.mouseClick(pay.exact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(pay))
    idle(qtbot, ctx)
    qtbot.keyClick(sell.search, Qt.Key.Key_F7)          # customer A is back
    assert cart_texts(window) == [("ผ้าไหมมัดหมี่", "1", "1,190.00"), ("ข้าวเกรียบฟักทอง", "1", "37.00")]
    assert not sell.cart_panel.resume_button.isEnabled()
    sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.mouseClick(pay.note_buttons[-1], Qt.MouseButton.LeftButton)   # ฿1000
    qtbot.mouseClick(pay.note_buttons[-2], Qt.MouseButton.LeftButton)   # + ฿500
    assert pay.change_label.text() == "฿273.00"
    qtbot.mouseClick(pay.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(pay))
    assert [s.total_satang for s in list_sales(shop)] == [12000, 122700]


def test_sold_out_product_asks_before_overselling(window: MainWindow, shop: SqliteStore, qtbot: Any) -> None:
    from conftest import TEA  # type: ignore[import-not-found]

    sell = window.sell
    for _ in range(3):                                 # only 2 in stock
        scan(qtbot, sell.search, TEA)
    sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.mouseClick(pay.exact_button, Qt.MouseButton.LeftButton)
    ask = modal(qtbot, MessageDialog)
    assert "Sold out: ชาใบหม่อน (2 left, 3 wanted)." in ask.text_label.text()
    qtbot.mouseClick(ask.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(pay))
    assert [s.item_count for s in list_sales(shop)] == [3]

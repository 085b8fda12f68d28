"""The day (open, close with a count, Z report), products (price, barcode, stock, order, add, sold out), settings."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import BAG, CHIPS  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import gone, idle, modal, scan, type_text  # type: ignore[import-not-found]

from otop_pos.booth.catalogue import list_products
from otop_pos.booth.days import current_day, list_days, zreport
from otop_pos.booth.pin import verify_pin
from otop_pos.booth.queries import list_sales
from otop_pos.booth.settings import get_settings
from otop_pos.core.clock import FixedClock
from otop_pos.core.thaidate import to_bangkok
from otop_pos.printing.raster import render_zreport
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.day_dialogs import (
    CloseDayDialog,
    DayScreen,
    OpenDayDialog,
    ZReportDialog,
)
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.products_screen import ProductsScreen
from otop_pos.ui.settings_screen import SettingsScreen


def pay_cash(window: MainWindow, qtbot: Any, *codes: str, tendered: str) -> None:
    for code in codes:
        scan(qtbot, window.sell.search, code)
    window.sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.keyClicks(pay.cash_edit, tendered)
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))


def test_close_the_day_with_a_count_then_open_the_next(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                       clock: FixedClock, qtbot: Any) -> None:
    pay_cash(window, qtbot, BAG, tendered="1000")       # ฿660 in cash; float ฿1,000 → expected ฿1,660
    screen = window.show_page("day")
    assert isinstance(screen, DayScreen)
    qtbot.waitUntil(lambda: "1,660.00" in screen.figures_label.text())
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, CloseDayDialog)
    qtbot.waitUntil(lambda: dlg.expected_label.text() == "฿1,660.00")
    type_text(qtbot, dlg.edits[100000], "๑")          # one ฿1,000 note (Thai digit)
    qtbot.keyClicks(dlg.edits[50000], "1")
    qtbot.keyClicks(dlg.edits[10000], "1")
    qtbot.keyClicks(dlg.edits[2000], "2")
    qtbot.keyClicks(dlg.edits[1000], "1")
    qtbot.keyClicks(dlg.edits[50], "3")               # 3 × ฿0.50
    assert dlg.counted_label.text() == "฿1,651.50"
    assert dlg.difference_caption.text() == "Short" and dlg.difference_label.text() == "฿8.50"
    qtbot.keyClicks(dlg.pin_edit, "0000")
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "PIN" in dlg.error.text())
    assert current_day(shop) is not None
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    z = modal(qtbot, ZReportDialog)
    assert z.report.counted_cash_satang == 165150 and z.report.difference_satang == -850
    assert z.report.counts == ((100000, 1), (50000, 1), (10000, 1), (2000, 2), (1000, 1), (50, 3))
    shown = z.image_label.pixmap().toImage()
    closed = list_days(shop)[-1]
    stored = render_zreport(zreport(shop, closed.uuid), ctx.settings.paper_width)
    assert shown.convertToFormat(stored.format()) == stored   # the stored report of the day just closed
    z.accept()
    assert current_day(shop) is None
    assert window.day_status.text() == "Day not open"
    qtbot.waitUntil(lambda: screen.open_button.isVisible() and screen.days_list.count() == 1)
    window.show_page("sell")
    assert window.sell.day_strip.isVisible()
    clock.advance(__import__("datetime").timedelta(days=1))
    qtbot.mouseClick(window.sell.open_day_button, Qt.MouseButton.LeftButton)
    dlg2 = modal(qtbot, OpenDayDialog)
    qtbot.keyClicks(dlg2.float_edit, "500")
    qtbot.keyClick(dlg2.float_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(dlg2))
    assert not window.sell.day_strip.isVisible()
    days = list_days(shop)
    assert [(d.float_satang, d.closed_at is None) for d in days] == [(100000, False), (50000, True)]


def test_products_edit_price_barcode_stock_add_sold_out_and_order(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                                  qtbot: Any) -> None:
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    row = screen.model.position_of("X-01")
    screen.table.selectRow(row)
    assert screen.name.text() == "ข้าวเกรียบฟักทอง" and screen.price.text() == "37.00"
    screen.price.setText("40")
    screen.stock.setText("๒๐")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in screen.toast.text())
    idle(qtbot, ctx)
    chips = next(p for p in list_products(shop) if p.sku == "X-01")
    assert (chips.price_satang, chips.stock) == (4000, 20)
    assert ctx.index.lookup(CHIPS).price_satang == 4000          # the sell screen has the new price
    screen.barcode.setText("1234567890123")                       # bad check digit
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "1234567890123" in screen.error.text())
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.sku, "X-09")
    type_text(qtbot, screen.name, "น้ำพริกเผา")
    screen.type_box.setCurrentIndex(0)
    qtbot.keyClicks(screen.price, "65")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 7)
    idle(qtbot, ctx)
    added = next(p for p in list_products(shop) if p.sku == "X-09")
    assert (added.name, added.product_type, added.price_satang) == ("น้ำพริกเผา", "อาหาร", 6500)
    assert any(p.sku == "X-09" for p in window.sell.grid.grid_model.products)
    qtbot.mouseClick(screen.sold_out_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: next(p for p in list_products(shop) if p.sku == "X-09").sold_out)
    before = [p.sku for p in list_products(shop)]
    screen.table.selectRow(screen.model.position_of("X-09"))
    qtbot.mouseClick(screen.up_button, Qt.MouseButton.LeftButton)
    idle(qtbot, ctx)
    qtbot.waitUntil(lambda: [p.sku for p in list_products(shop)] == before[:-2] + ["X-09", before[-2]])
    idle(qtbot, ctx)
    assert [p.sku for p in window.sell.grid.grid_model.products][-2:] == ["X-09", before[-2]]


def test_settings_promptpay_validation_save_and_pin_change(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                           clock: FixedClock, qtbot: Any) -> None:
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    assert "080-xxx-4567" in screen.promptpay_check.text()
    screen.promptpay.setText("1234567890123")                      # check digit wrong
    assert "check digit" in screen.promptpay_check.text()
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "check digit" in screen.error.text())
    assert get_settings(shop).promptpay_id == "0801234567"
    screen.promptpay.clear()
    type_text(qtbot, screen.promptpay, "๐๘๙-๙๙๙-๘๘๘๘")
    assert "089-xxx-8888" in screen.promptpay_check.text()
    screen.shop_name.setText("ร้านสุดาผ้าทอ")
    screen.footer_edit.setPlainText("ขอบคุณค่ะ")
    screen.printer_page.width_radios[576].setChecked(True)          # a new booth has 58 mm (384)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in screen.toast.text())
    st = get_settings(shop)
    assert (st.promptpay_id, st.shop_name, st.receipt_footer, st.paper_width) == (
        "0899998888", "ร้านสุดาผ้าทอ", "ขอบคุณค่ะ", 576)
    assert window.shop_label.text() == "ร้านสุดาผ้าทอ" and ctx.settings.promptpay_id == "0899998888"
    screen.tabs.setCurrentIndex(3)
    qtbot.keyClicks(screen.pin_current, "1234")
    qtbot.keyClicks(screen.pin_new, "5678")
    qtbot.keyClicks(screen.pin_repeat, "5679")
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)
    assert "not the same" in screen.pin_error.text()
    screen.pin_repeat.setText("5678")
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "changed" in screen.toast.text())
    verify_pin(shop, clock, "5678", action="test")


def test_backup_now_from_settings_and_status_bar(window: MainWindow, ctx: Any, shop: SqliteStore, tmp_path: Path,
                                                 clock: FixedClock, qtbot: Any) -> None:
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    folder = tmp_path / "stick"
    screen.backup_dir.setText(str(folder))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.settings.backup_dir == str(folder))
    qtbot.mouseClick(screen.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Backed up" in screen.backup_state.text(), timeout=10000)
    [copy] = folder.glob("otop-booth-*.sqlite")
    state = ctx.backup_state()
    assert state.path == copy and state.at.date() == clock.now().date()
    assert window.backup_status.text() == f"Backup {to_bangkok(state.at):%H:%M} ✓"   # the time of this copy


def test_switching_language_rebuilds_the_window_and_keeps_the_cart(ctx: Any, qtbot: Any, shop: SqliteStore) -> None:
    from otop_pos.ui.booth_app import WindowManager

    manager = WindowManager(ctx)
    qtbot.addWidget(manager.window)
    manager.window.show()
    scan(qtbot, manager.window.sell.search, CHIPS)
    screen = manager.window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    screen.lang_box.setCurrentIndex(screen.lang_box.findData("th"))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: manager.window.nav_buttons["sell"].text() == "ขาย")
    qtbot.addWidget(manager.window)
    assert manager.window.current_page() == "settings"
    assert manager.window.sell.cart_panel.model.rowCount() == 1
    assert list_sales(shop) == []


def test_printer_page_test_page_prints_the_typed_settings_before_they_are_saved(
        window: MainWindow, ctx: Any, shop: SqliteStore, printed: Any, qtbot: Any) -> None:
    from tests.printing.escpos_decode import decode

    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    page = screen.printer_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert "Choose a printer" in page.error.text() and printed.transport.jobs == []
    page.printer_box.setCurrentIndex(page.printer_box.findData("dummy"))
    page.width_radios[384].setChecked(True)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Test page sent" in page.test_result.text(), timeout=10000)
    assert decode(printed.transport.jobs[0]).image.width == 384       # the width typed, not yet saved
    assert get_settings(shop).printer == "none" and page.test_button.isEnabled()
    printed.transport.fail_with("offline")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.text() != "" and page.test_button.isEnabled(), timeout=10000)
    assert page.test_result.text() == "" and len(printed.transport.jobs) == 1

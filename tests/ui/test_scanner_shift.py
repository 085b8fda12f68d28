"""Codes in capitals and with shifted symbols, typed as a USB scanner (a HID keyboard) types them: Shift pressed
before each capital or shifted symbol and released after it. The scan is read whole wherever it lands; a person
typing with Shift (a capital, a Thai letter on the Shift layer) is still a person typing."""
from __future__ import annotations

from typing import Any

import pytest
from conftest import CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from test_dialog_keys import open_void  # type: ignore[import-not-found]
from test_history import open_history, sell  # type: ignore[import-not-found]
from test_scan_everywhere import REFUSED, TakesScans, refused_in  # type: ignore[import-not-found]
from test_sell_flow import cart_texts  # type: ignore[import-not-found]
from ui_helpers import (KEYS, gone, modal, open_pay, release_held_keys,  # type: ignore[import-not-found]
                        scanner_speed)

from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.orders_screen import OrdersScreen, TakeOrderDialog
from otop_pos.ui.scanner import X11_KEYS
from otop_pos.ui.widgets import open_dialog

SHIFTED_SYMBOLS = '~!@#$%^&*()_+{}|:"<>?'
# Thai letters on the Shift layer of the Kedmanee layout (a person types them holding Shift).
THAI_SHIFTED = "฿ฤฆฏโฌ็๋ษศซฉฮฺ์ฒฬฦ"
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
SKU = "KK20-0018-03"   # an SKU label in capitals (Shift before each K): หม้อดินเผา ฿250, added by ``muyor``
QR = "https://line.me/R/ti/p/@Otop_KK20#Pay:1190?"   # a LINE/PromptPay payload: ":", "/", "_", "#", "?"


@pytest.fixture
def muyor(ctx: Any) -> Any:
    """A product whose SKU has two capitals, as the fair's SKUs do."""
    product = ctx.service.save_product(sku=SKU, name="หม้อดินเผา", product_type="ของใช้ ของตกแต่งและของที่ระลึก",
                                       price_satang=25000)
    ctx.catalogue_loaded(ctx.service.catalogue())
    return product


def _shifted(ch: str) -> bool:
    return ch.isupper() or ch in SHIFTED_SYMBOLS or ch in THAI_SHIFTED


def _send(widget: QWidget, kind: QEvent.Type, key: int, mods: Qt.KeyboardModifier, text: str,
          stamp: int | None) -> None:
    event = QKeyEvent(kind, key, mods, text)
    if stamp is not None:
        event.setTimestamp(stamp)
    QApplication.sendEvent(widget, event)


def hid_type(widget: QWidget, text: str, enter: bool = False, stamps: list[int] | None = None) -> None:
    """Type ``text`` as a HID keyboard does: Shift press, key press, key release, Shift release for a capital
    or a shifted symbol. ``stamps`` (the window system's times, ms, one taken per event) makes the events carry
    time stamps as X gives them; without it the detector's test clock times each key."""
    def stamp() -> int | None:
        return stamps.pop(0) if stamps is not None else None

    for ch in text:
        key = ord(ch.upper()) if ord(ch) < 0x100 else 0
        shift = _shifted(ch)
        if shift:
            _send(widget, QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT, "", stamp())
        mods = SHIFT if shift else NONE
        _send(widget, QEvent.Type.KeyPress, key, mods, ch, stamp())
        _send(widget, QEvent.Type.KeyRelease, key, mods, ch, stamp())
        if shift:
            _send(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, NONE, "", stamp())
    if enter:
        _send(widget, QEvent.Type.KeyPress, Qt.Key.Key_Return, NONE, "\r", stamp())
        _send(widget, QEvent.Type.KeyRelease, Qt.Key.Key_Return, NONE, "\r", stamp())
    if stamps is None:
        release_held_keys()   # the test clock's person pace: the detector's 50 ms timer has fired


def hid_scan(widget: QWidget, code: str) -> None:
    """A USB scanner: the code with its Shift presses in a fast burst, then Enter."""
    with scanner_speed():
        hid_type(widget, code, enter=True)


# --- a scan in capitals is read whole ---------------------------------------------------------------------
def test_a_scanned_sku_in_capitals_adds_the_product_and_leaves_the_search_empty(window: MainWindow, muyor: Any,
                                                                               qtbot: Any) -> None:
    sell_screen = window.sell
    hid_scan(sell_screen.search, SKU)
    assert cart_texts(window) == [("หม้อดินเผา", "1", "250.00")]
    assert sell_screen.search.text() == "" and sell_screen.scanner.holding is False
    hid_scan(sell_screen.search, "x-01")                  # small letters as before
    hid_scan(sell_screen.grid, "X-01")                    # focus elsewhere on the screen, a capital first
    assert cart_texts(window) == [("หม้อดินเผา", "1", "250.00"), ("ข้าวเกรียบฟักทอง", "2", "74.00")]
    assert sell_screen.search.text() == "" and window.ctx.sounds.played == []


def test_a_scan_timed_by_the_window_system_with_shift_between_capitals_is_whole(window: MainWindow, muyor: Any,
                                                                                qtbot: Any) -> None:
    """As in the real window: every event carries X's time stamp, 3 ms apart (xdotool --delay 6: down, up),
    Shift pressed 40 ms before the first capital (a scanner that waits after the modifier)."""
    search = window.sell.search
    start = 50_000_000
    stamps = [start] + [start + 40 + 3 * i for i in range(200)]
    hid_type(search, SKU, enter=True, stamps=stamps)
    assert cart_texts(window) == [("หม้อดินเผา", "1", "250.00")] and search.text() == ""
    start += 5_000                                           # an unknown code in capitals, a moment later
    stamps = [start] + [start + 40 + 3 * i for i in range(200)]
    hid_type(search, "KK20-0018-99", enter=True, stamps=stamps)
    assert search.text() == "" and "KK20-0018-99" in window.sell.toast.text()


def test_a_receipt_number_scanned_in_capitals_finds_the_receipt(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                                clock: FixedClock, qtbot: Any) -> None:
    first = sell(shop, clock, SCARF)
    sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 2)
    assert first.number[0].isupper()
    screen.table.setFocus()
    hid_scan(screen.table, first.number)
    qtbot.waitUntil(lambda: [m.data(m.index(r, 0)) for r in range(m.rowCount())] == [first.number])
    assert screen.search.text() == first.number and ctx.sounds.played == []


def test_a_qr_payload_with_shifted_symbols_reaches_a_dialog_whole(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    dlg = TakesScans(window)
    open_dialog(dlg)
    dlg.field.setFocus()
    hid_scan(dlg.field, QR)
    hid_scan(dlg.field, "AbC_12#:/x")
    assert dlg.codes == [QR, "AbC_12#:/x"] and dlg.field.text() == "" and ctx.sounds.played == []
    dlg.reject()


def test_a_scan_in_capitals_in_the_pay_dialog_adds_the_product_never_the_cash(window: MainWindow, ctx: Any,
                                                                              muyor: Any, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, CHIPS)
    pay.cash_edit.setFocus()
    hid_scan(pay.cash_edit, SKU)
    assert ctx.cart.item_count == 2 and ctx.cart.total_satang == 3700 + 25000
    assert pay.cash_edit.text() in ("", "0.00") and pay.isVisible()
    pay.reject()


def test_a_scan_in_capitals_into_the_void_pin_is_refused_whole(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                               clock: FixedClock, qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "12")
    hid_scan(dlg.pin_edit, "KK20-0018-03")
    assert dlg.pin_edit.text() == "12" and refused_in(dlg, ctx, "KK20-0018-03") and dlg.isVisible()
    dlg.reject()


def test_an_order_dialog_refuses_a_scan_in_capitals_and_takes_a_person_typing_with_shift(
        window: MainWindow, ctx: Any, qtbot: Any) -> None:
    product = ctx.index.lookup("X-03")
    ctx.set_cart(ctx.cart.add(product))
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    dlg.customer.setFocus()
    hid_type(dlg.customer, "Somsri")                      # a person: a capital with Shift
    assert dlg.customer.text() == "Somsri"
    hid_scan(dlg.customer, SKU)
    assert dlg.customer.text() == "Somsri" and REFUSED in dlg.error.text() and SKU in dlg.error.text()
    dlg.reject()
    qtbot.waitUntil(lambda: gone(dlg))


def test_a_scan_in_capitals_right_after_f12_that_reaches_the_blocked_window_is_whole(
        window: MainWindow, ctx: Any, muyor: Any, qtbot: Any) -> None:
    """The first keys (Shift+K, Shift+K, "2") reach the booth window while the pay dialog blocks it; the
    rest reach the dialog."""
    pay = open_pay(window, qtbot, CHIPS)
    detector = window.sell.scanner
    with scanner_speed():
        detector.blocked_key(int(window.winId()), 50, False, int(KEYS() * 1000))   # Shift_L itself: nothing
        for code, shift in ((45, True), (50, False), (45, True), (11, False)):     # K, Shift_L, K, 2
            detector.blocked_key(int(window.winId()), code, shift, int(KEYS() * 1000))
        hid_type(pay.focusWidget() or pay, SKU[3:], enter=True)
    assert ctx.cart.total_satang == 3700 + 25000, pay.error.text()
    pay.reject()


def test_the_blocked_key_map_knows_the_shifted_symbols_of_a_qr_payload() -> None:
    assert X11_KEYS[(47, True)][1] == ":" and X11_KEYS[(61, False)][1] == "/" and X11_KEYS[(20, True)][1] == "_"
    assert X11_KEYS[(12, True)][1] == "#" and X11_KEYS[(11, True)][1] == "@" and X11_KEYS[(61, True)][1] == "?"
    assert X11_KEYS[(54, True)][1] == "C" and X11_KEYS[(10, False)][1] == "1"


# --- a person typing with Shift ----------------------------------------------------------------------------
def test_a_person_typing_capitals_and_thai_shift_letters_in_the_search_is_typing(window: MainWindow,
                                                                                 qtbot: Any) -> None:
    search = window.sell.search
    hid_type(search, "X-0")
    assert search.text() == "X-0" and len(window.sell.grid.grid_model.products) == 4
    search.clear()
    hid_type(search, "โอ่ง ฤษี ฿")                        # โ ฤ ษ ฿ on the Shift layer
    assert search.text() == "โอ่ง ฤษี ฿"
    assert window.sell.cart_panel.model.rowCount() == 0 and window.ctx.sounds.played == []


def test_fast_typing_with_shift_and_no_enter_is_given_back_whole(window: MainWindow, qtbot: Any) -> None:
    search = window.sell.search
    with scanner_speed():
        hid_type(search, "KhaO")
    window.sell.scanner.flush()                          # its 50 ms timer
    assert search.text() == "KhaO" and window.sell.scanner.holding is False


def test_a_person_typing_a_pin_after_a_shift_press_is_typing(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                             clock: FixedClock, qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    dlg.reason.setCurrentIndex(0)
    _send(dlg.pin_edit, QEvent.Type.KeyPress, Qt.Key.Key_Shift, SHIFT, "", None)   # a stray Shift
    _send(dlg.pin_edit, QEvent.Type.KeyRelease, Qt.Key.Key_Shift, NONE, "", None)
    hid_type(dlg.pin_edit, "1234")
    assert dlg.pin_edit.text() == "1234" and ctx.sounds.played == [] and not dlg.error.isVisible()
    dlg.reject()

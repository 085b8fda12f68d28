"""Red team for issue 12, round 2, at the till (pytest-qt): money taken on bills that are not sales yet (held,
cleared, carried over a day close), keys held down, the product editor and the data folder. Each test
reproduces a defect now fixed (it failed on the code it was written against)."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from conftest import BAG, BASKET, PIN  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, modal, open_pay, scan  # type: ignore[import-not-found]

from otop_pos.booth.payments import PaymentIn
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.widgets import MessageDialog



def _sql(store: SqliteStore, sql: str, *args: Any, frozen: bool = False) -> list[Any]:
    """Rows of ``sql`` read beside the app (``frozen``: from a folder made read-only, as SQLite's immutable)."""
    con = sqlite3.connect(f"file:{store.path}?immutable=1", uri=True) if frozen else sqlite3.connect(store.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()



# --- money taken on a bill that is then cleared ---------------------------------------------------------------
def test_clearing_a_cart_with_a_transfer_taken_leaves_a_record_of_that_money(window: MainWindow, ctx: Any,
                                                                            shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                # ฿660
    qtbot.keyClick(pay, Qt.Key.Key_F7)
    pay.tr_amount.setText("500")
    qtbot.keyClick(pay.tr_amount, Qt.Key.Key_Return)  # ฿500 transferred by the customer
    qtbot.keyClick(pay, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(pay))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F8)
    box = modal(qtbot, MessageDialog)                 # "฿500 has been paid on this bill: hand it back"
    box.accept()                                      # the vendor says Clear cart (and says it was handed back)
    qtbot.waitUntil(lambda: ctx.cart.is_empty)
    assert _sql(shop, "SELECT count(*) FROM held_bill") == [(0,)]
    removed = [json.loads(d)
               for (d,) in _sql(shop, "SELECT detail_json FROM audit_event WHERE action = 'part_removed'")]
    assert [(r["method"], r["amount"]) for r in removed] == [("transfer", 50000)], \
        "the ฿500 transfer taken on the bill vanished without a trace in the audit trail"


# --- a held bill with money taken, across a day close ---------------------------------------------------------
def test_the_day_does_not_close_while_cash_taken_on_a_held_bill_is_in_no_sale(ctx: Any, shop: SqliteStore) -> None:
    """A held bill is a sale not finished today: closing with its ฿100 in the drawer would call it 'over' today
    and 'short' the day it is sold. The close is refused naming the money; once sold, the count is exact."""
    from otop_pos.core.errors import DayError

    service = ctx.service
    ctx.set_cart(ctx.cart.add(ctx.index.lookup(BASKET)))         # ฿120
    ctx.set_parts((PaymentIn("cash", 10000),))                 # ฿100 cash into the drawer, the rest later
    assert ctx.hold()
    with pytest.raises(DayError) as refused:
        service.close_day(PIN, counts={100000: 1, 10000: 1})
    assert "100.00" in refused.value.en and "100.00" in refused.value.th
    assert service.current_day() is not None
    ctx.recall(ctx.held[0].uuid)
    payments = service.final_payments(ctx.cart.total_satang, ctx.parts, 2000)
    service.sell(ctx.cart, payments, bill_uuid=ctx.bill_uuid)
    report = service.close_day(PIN, counts={100000: 1, 10000: 1, 2000: 1})    # float + ฿120 sale
    assert (report.counted_cash_satang, report.difference_satang) == (112000, 0)


# --- the data folder turns read-only while selling -------------------------------------------------------------
@pytest.fixture
def empty_store(tmp_path: Any) -> Any:
    """The booth store on a tmpfs of its own (so the test can make it read-only), migrated to head."""
    from tests.booth.test_storage_faults import Mounts, _tmpfs

    from otop_pos.booth.store import open_booth_store

    mounts = Mounts()
    try:
        disk = _tmpfs(mounts, tmp_path / "disk", "64M")
        store = open_booth_store(disk / "booth")
        store.tmpfs = disk  # type: ignore[attr-defined]
        store.mounts = mounts  # type: ignore[attr-defined]
        yield store
        store.dispose()
    finally:
        mounts.undo()


def _stored_bill(shop: SqliteStore, frozen: bool = False) -> list[tuple[str, list[str], list[int]]]:
    out = []
    for kind, cart, parts in _sql(shop, "SELECT kind, cart_json, parts_json FROM held_bill ORDER BY id",
                                  frozen=frozen):
        out.append((kind, [ln["sku"] for ln in json.loads(cart)["lines"]], [p["amount"] for p in json.loads(parts)]))
    return out


def test_a_read_only_data_folder_refuses_scan_part_and_hold_with_the_reason_and_shows_only_what_is_stored(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    """Held: each action is refused saying the folder is read-only; the screen shows what the store holds."""
    scan(qtbot, window.sell.search, BASKET)          # ฿120, stored
    before = _stored_bill(shop)
    ctx.runner.wait()
    shop.dispose()   # Linux refuses to make a mount read-only while a file on it is open for writing
    shop.mounts.remount(shop.tmpfs, "remount,ro")  # type: ignore[attr-defined]
    try:
        scan(qtbot, window.sell.search, BAG)         # refused: not in the cart
        banner = window.sell.toast.text()
        assert ctx.cart.item_count == 1 and window.sell.cart_panel.table.model().rowCount() == 1
        assert "read-only" in banner.lower(), banner
        qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)   # hold: refused, the cart stays
        assert ctx.cart.item_count == 1 and not ctx.held
        pay = open_pay(window, qtbot)
        qtbot.keyClicks(pay.cash_edit, "100")
        qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)         # a ฿100 cash part: refused, not listed
        assert ctx.parts == () and "read-only" in pay.error.text().lower(), pay.error.text()
        qtbot.keyClick(pay, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: gone(pay))
        assert _stored_bill(shop, frozen=True) == before
    finally:
        shop.dispose()
        shop.mounts.remount(shop.tmpfs, "remount,rw")  # type: ignore[attr-defined]
    scan(qtbot, window.sell.search, BAG)
    assert ctx.cart.item_count == 2 and _stored_bill(shop) == [("open", ["KK20-0001-01", "KK20-0001-02"], [])]


# --- Enter held down ------------------------------------------------------------------------------------------
def _held_enter(qtbot: Any, ctx: Any, repeats: int) -> None:
    """Enter pressed and held: the keyboard's auto-repeat sends more presses, ~30 a second."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from ui_helpers import idle  # type: ignore[import-not-found]

    for i in range(repeats):
        target = QApplication.focusWidget()
        assert target is not None
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                                 Qt.KeyboardModifier.NoModifier, "\r", i > 0))
        qtbot.wait(30)
        idle(qtbot, ctx)
    QApplication.sendEvent(QApplication.focusWidget(), QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Return,
                                                                 Qt.KeyboardModifier.NoModifier, "\r"))


def test_enter_held_in_the_close_day_count_does_not_lock_the_manager_pin(window: MainWindow, ctx: Any,
                                                                        shop: SqliteStore, qtbot: Any) -> None:
    from otop_pos.ui.day_dialogs import CloseDayDialog

    dlg = CloseDayDialog(ctx, window)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.close_button.isEnabled())   # the day's figures are read
    dlg.edits[100000].setFocus()
    qtbot.keyClicks(dlg.edits[100000], "1")                 # one ฿1,000 note counted …
    _held_enter(qtbot, ctx, 40)                              # … and the vendor leans on Enter for ~1.5 s
    wrong = _sql(shop, "SELECT count(*) FROM audit_event WHERE action = 'pin_wrong'")[0][0]
    assert wrong == 0, f"{wrong} wrong-PIN attempts recorded; the dialog says: {dlg.error.text()!r}"
    ctx.service.approve(PIN, action="day_close")             # the manager can still close the day


def test_enter_in_the_void_dialog_before_the_pin_is_typed_is_not_a_wrong_pin(window: MainWindow, ctx: Any,
                                                                            shop: SqliteStore, qtbot: Any) -> None:
    from otop_pos.ui.adjust_dialogs import VoidDialog

    cart = ctx.cart.add(ctx.index.lookup(BASKET))
    sale = ctx.service.sell(cart, [PaymentIn("cash", tendered_satang=12000)])
    dlg = VoidDialog(ctx, ctx.service.sale_detail(sale.uuid), window)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.reason.setCurrentIndex(1)                      # "Wrong item rung up"
    dlg.pin_edit.setFocus()
    qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Return)   # Enter before the manager has typed the PIN
    qtbot.wait(100)
    from ui_helpers import idle  # type: ignore[import-not-found]
    idle(qtbot, ctx)
    wrong = _sql(shop, "SELECT count(*) FROM audit_event WHERE action = 'pin_wrong'")[0][0]
    assert wrong == 0, f"an empty PIN counted as a wrong one: {dlg.error.text()!r}"


# --- the native filter: keys X sends to the booth window while the pay dialog is opening ------------------------
X_KEYCODE = {"1": 10, "2": 11, "3": 12, "4": 13, "5": 14, "6": 15, "7": 16, "8": 17, "9": 18, "0": 19}
X_RETURN = 36


def _x_key(qtbot: Any, widget: Any, digit: str) -> None:
    """A key as the xcb platform delivers it: with the window system's key code (no time stamp: the
    detector's test clock times it)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    key, text, code = ((Qt.Key.Key_Return, "\r", X_RETURN) if digit == "\n"
                       else (Qt.Key(ord(digit)), digit, X_KEYCODE[digit]))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, code, 0, 0, text))


def test_a_scan_right_after_f12_with_digits_not_typed_before_stays_whole(window: MainWindow, ctx: Any,
                                                                        qtbot: Any) -> None:
    from conftest import KEYS  # type: ignore[import-not-found]
    from ui_helpers import scanner_speed  # type: ignore[import-not-found]

    detector = window.sell.scanner
    with scanner_speed():                          # ฿120 basket: its digits (8 5 6 3 1) are learned
        for ch in BASKET + "\n":
            _x_key(qtbot, window.sell.search, ch)
    assert ctx.cart.item_count == 1
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F12)
    pay = modal(qtbot, PayDialog)
    with scanner_speed():                          # the bag's code: 8 8 5 3 9 3 0 3 1 1 3 4 8
        head, tail = BAG[:5], BAG[5:]              # the first keys reach the booth window (blocked) …
        for ch in head:
            detector.blocked_key(int(window.winId()), X_KEYCODE[ch], False, int(KEYS() * 1000))
        focus = pay.focusWidget() or pay
        for ch in tail + "\n":                     # … the rest reach the dialog
            _x_key(qtbot, focus, ch)
    qtbot.wait(100)
    assert ctx.cart.item_count == 2, f"the scan was cut: {pay.error.text()!r}"

"""Red team for issue 12, round 3, at the till (pytest-qt): a full disk during each step of selling, keys held
down in the pay dialog and the held-bill list, the change panel at its largest, many long-named held bills and
held bills whose products changed since. Each test reproduces a defect now fixed (it failed on the code it was
written against), or shows an attack that held."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from conftest import BAG, BASKET, CHIPS, PIN  # type: ignore[import-not-found]
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from ui_helpers import gone, idle, modal, open_pay, scan  # type: ignore[import-not-found]

from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog



def _sql(store: SqliteStore, sql: str, *args: Any) -> list[Any]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _bills(shop: SqliteStore) -> list[tuple[str, list[str], list[int]]]:
    out = []
    for kind, cart, parts in _sql(shop, "SELECT kind, cart_json, parts_json FROM held_bill ORDER BY id"):
        out.append((kind, [ln["sku"] for ln in json.loads(cart)["lines"]], [p["amount"] for p in json.loads(parts)]))
    return out



def _close(qtbot: Any, window: MainWindow, dialog: Any) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# --- a full disk ----------------------------------------------------------------------------------------------
@pytest.fixture
def empty_store(tmp_path: Any) -> Any:
    """The booth store on a small tmpfs of its own (so the test can fill it), migrated to head."""
    from tests.booth.test_storage_faults import Mounts, _tmpfs

    from otop_pos.booth.store import open_booth_store

    mounts = Mounts()
    try:
        disk = _tmpfs(mounts, tmp_path / "disk", "32M")
        store = open_booth_store(disk / "booth")
        store.tmpfs = disk  # type: ignore[attr-defined]
        yield store
        store.dispose()
    finally:
        mounts.undo()


def test_a_full_disk_refuses_scan_part_hold_recall_and_sale_and_loses_nothing(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    from tests.booth.test_storage_faults import _fill

    scan(qtbot, window.sell.search, CHIPS)       # ฿37, then held
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)
    idle(qtbot, ctx)
    scan(qtbot, window.sell.search, BASKET)      # ฿120, the open cart
    idle(qtbot, ctx)
    before = _bills(shop)
    assert before == [("held", ["X-01"], []), ("open", ["KK20-0001-01"], [])], before
    sales = _sql(shop, "SELECT count(*) FROM sale")
    filler = shop.tmpfs / "filler.bin"  # type: ignore[attr-defined]
    _fill(filler, leave=0)
    said: list[str] = []
    try:
        for _ in range(3):                        # a scan: refused (maybe after the WAL's slack is used)
            scan(qtbot, window.sell.search, BAG)
            idle(qtbot, ctx)
        said.append(window.sell.toast.text())
        shown = [ln.sku for ln in ctx.cart.lines]
        stored = _bills(shop)
        assert [s for k, s, _ in stored if k == "open"] == [shown] or (not shown and not any(
            k == "open" for k, _, _ in stored)), (shown, stored)
        pay = modal(qtbot, PayDialog) if QApplication.activeModalWidget() else open_pay(window, qtbot)
        qtbot.keyClicks(pay.cash_edit, "50")
        qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)     # a ฿50 cash part
        said.append(pay.error.text())
        stored_parts = [p for k, _, p in _bills(shop) if k == "open"]
        assert [[p.amount_satang for p in ctx.parts]] == (stored_parts or [[]]), (ctx.parts, stored_parts)
        qtbot.keyClick(pay, Qt.Key.Key_F5)
        qtbot.keyClicks(pay.cash_edit, "200")
        qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)   # the sale: refused, the dialog stays
        idle(qtbot, ctx)
        said.append(pay.error.text())
        assert _sql(shop, "SELECT count(*) FROM sale") == sales
        assert not gone(pay)
        _close(qtbot, window, pay)
        qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)   # hold
        idle(qtbot, ctx)
        said.append(window.sell.toast.text())
        qtbot.keyClick(window.sell.search, Qt.Key.Key_F7)   # recall
        idle(qtbot, ctx)
        said.append(window.sell.toast.text())
        after = _bills(shop)
        assert sorted(after) == sorted(before) or len(after) == len(before), (before, after)
        shown = [ln.sku for ln in ctx.cart.lines]
        assert [s for k, s, _ in after if k == "open"] == [shown], (shown, after)
        assert [len(b.cart.lines) for b in ctx.held] == [len(s) for k, s, _ in after if k == "held"]
    finally:
        filler.unlink()
    assert any("disk is full" in s.lower() for s in said), said
    # space freed: the bill on screen sells, the held one is still there, nothing doubled
    pay = open_pay(window, qtbot)
    qtbot.keyClicks(pay.cash_edit, "200")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    assert gone(pay), (pay.error.text(), [p for p in ctx.parts], _bills(shop), [ln.sku for ln in ctx.cart.lines])
    assert _sql(shop, "SELECT count(*) FROM sale") == [(sales[0][0] + 1,)]
    assert [k for k, _, _ in _bills(shop)] == ["held"]


# --- `otop-pos booth day close` with unfinished bills --------------------------------------------------------
def _cli(shop: SqliteStore, *args: str) -> Any:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("OTOP_POS_")}
    env["OTOP_POS_HOME"] = str(shop.path.parent)
    return subprocess.run([sys.executable, "-m", "otop_pos", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_day_close_refuses_money_on_a_held_bill_and_closes_over_a_held_bill_without_money(
        ctx: Any, shop: SqliteStore) -> None:
    from otop_pos.booth.payments import PaymentIn

    ctx.set_cart(ctx.cart.add(ctx.index.lookup(BASKET)))         # ฿120
    ctx.set_parts((PaymentIn("cash", 10000),))                 # ฿100 taken
    assert ctx.hold("ป้าแดง")
    ctx.set_cart(ctx.cart.add(ctx.index.lookup(CHIPS)))          # ฿37, nothing taken
    assert ctx.hold("ลุงมา")
    refused = _cli(shop, "booth", "day", "close", "--counted", "1100", "--pin", PIN)
    said = refused.stdout + refused.stderr
    assert refused.returncode != 0, said
    assert "100.00" in said and "hand the money back" in said and "ขายให้จบ" in said, said
    assert "Traceback" not in said, said
    assert ctx.service.current_day() is not None
    ctx.recall(ctx.held[0].uuid)                                # ป้าแดง's bill: sell it, ฿20 more in cash
    ctx.service.sell(ctx.cart, ctx.service.final_payments(ctx.cart.total_satang, ctx.parts, 2000),
                     bill_uuid=ctx.bill_uuid)
    ctx.sold()
    closed = _cli(shop, "booth", "day", "close", "--counted", "1120", "--pin", PIN)
    assert closed.returncode == 0, closed.stdout + closed.stderr
    assert "difference 0.00" in closed.stdout or "difference ฿0.00" in closed.stdout, closed.stdout
    assert ctx.service.current_day() is None
    assert [b.name for b in ctx.service.held_bills()] == ["ลุงมา"]   # kept for the next day


def test_a_part_taken_while_the_day_close_checks_the_pin_does_not_slip_into_a_closed_day(
        ctx: Any, shop: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI closes the day while the window takes ฿100 cash on its bill (the PIN check takes a moment)."""
    from otop_pos.booth import days
    from otop_pos.booth.payments import PaymentIn

    ctx.set_cart(ctx.cart.add(ctx.index.lookup(BASKET)))         # ฿120 on the window's screen, nothing taken
    real = days.ensure_approval

    def pin_check_while_the_window_takes_cash(*args: Any, **kwargs: Any) -> Any:
        out = real(*args, **kwargs)
        ctx.set_parts((PaymentIn("cash", 10000),))             # meanwhile at the till: ฿100 into the drawer
        return out
    monkeypatch.setattr(days, "ensure_approval", pin_check_while_the_window_takes_cash)
    try:
        ctx.service.close_day(PIN, counted_satang=110000)
    except Exception:  # noqa: BLE001 - refused: what should happen
        pass
    stuck = [b for b in ctx.service.held_bills() + [ctx.service.open_bill()] if b is not None and b.parts]
    assert ctx.service.current_day() is not None or not stuck, \
        "the day closed with ฿100 on an unfinished bill: counted as over today, short on the day it is sold"


# --- keys held down (the keyboard's auto-repeat, ~30 presses a second) -----------------------------------------
def _held_key(qtbot: Any, ctx: Any, key: Qt.Key, text: str, repeats: int, wait_idle: bool = True) -> None:
    """``key`` pressed and held: auto-repeat presses 30 ms apart (``wait_idle``: the worker done between)."""
    for i in range(repeats):
        target = QApplication.focusWidget() or QApplication.activeWindow()
        assert target is not None
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text,
                                                 i > 0))
        qtbot.wait(30)
        if wait_idle:
            idle(qtbot, ctx)
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, text))


def test_esc_held_in_the_pay_dialog_with_a_part_keeps_the_bill_and_its_part(window: MainWindow, ctx: Any,
                                                                             shop: SqliteStore, qtbot: Any) -> None:
    pay = open_pay(window, qtbot, BAG)                   # ฿660
    qtbot.keyClicks(pay.cash_edit, "100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F7)         # ฿100 cash taken
    assert [p.amount_satang for p in ctx.parts] == [10000]
    _held_key(qtbot, ctx, Qt.Key.Key_Escape, "\x1b", 12)
    qtbot.waitUntil(lambda: gone(pay))
    assert QApplication.activeModalWidget() is None
    assert [ln.sku for ln in ctx.cart.lines] == ["KK20-0001-02"] and [p.amount_satang for p in ctx.parts] == [10000]
    assert _bills(shop) == [("open", ["KK20-0001-02"], [10000])]
    assert _sql(shop, "SELECT count(*) FROM sale") == [(0,)]


def test_enter_held_in_the_held_bill_list_brings_back_one_bill_and_adds_nothing(window: MainWindow, ctx: Any,
                                                                                shop: SqliteStore, qtbot: Any) -> None:
    from otop_pos.ui.held_dialog import HeldBillsDialog

    for code in (BASKET, CHIPS):
        scan(qtbot, window.sell.search, code)
        qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)
        idle(qtbot, ctx)
    assert len(ctx.held) == 2
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F7)
    dlg = modal(qtbot, HeldBillsDialog)
    _held_key(qtbot, ctx, Qt.Key.Key_Return, "\r", 12)
    qtbot.waitUntil(lambda: gone(dlg))
    assert [(ln.sku, ln.qty) for ln in ctx.cart.lines] == [("KK20-0001-01", 1)]   # the oldest, once
    assert sorted(k for k, _, _ in _bills(shop)) == ["held", "open"]
    assert _sql(shop, "SELECT count(*) FROM sale") == [(0,)]


def test_enter_held_in_the_held_bill_list_after_a_tile_was_tapped_adds_nothing(window: MainWindow, ctx: Any,
                                                                               shop: SqliteStore, qtbot: Any) -> None:
    """The vendor tapped a tile (the grid has the keyboard), then F7 and Enter held down on the list."""
    from otop_pos.ui.held_dialog import HeldBillsDialog

    for code in (BASKET, CHIPS):
        scan(qtbot, window.sell.search, code)
        qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)
        idle(qtbot, ctx)
    window.sell.grid.setFocus()
    window.sell.grid.setCurrentIndex(window.sell.grid.grid_model.index(0, 0))
    qtbot.keyClick(window.sell.grid, Qt.Key.Key_F7)
    dlg = modal(qtbot, HeldBillsDialog)
    _held_key(qtbot, ctx, Qt.Key.Key_Return, "\r", 12)
    qtbot.waitUntil(lambda: gone(dlg))
    assert [(ln.sku, ln.qty) for ln in ctx.cart.lines] == [("KK20-0001-01", 1)], \
        "the Enters after the list closed rang up the tapped tile again and again"


def test_f7_held_with_one_held_bill_brings_it_back_once(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                        qtbot: Any) -> None:
    scan(qtbot, window.sell.search, BASKET)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)    # ฿120 held
    scan(qtbot, window.sell.search, CHIPS)               # a new customer's ฿37 on screen
    idle(qtbot, ctx)
    _held_key(qtbot, ctx, Qt.Key.Key_F7, "", 4)          # F7 held a moment: four presses
    assert [ln.sku for ln in ctx.cart.lines] == ["KK20-0001-01"], \
        "each repeated F7 swapped the bills back and forth: which one is on screen depends on the repeat count"


# --- a held bill whose products changed since ---------------------------------------------------------------
def _hold_then_change(window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any, clock: Any, **change: Any) -> None:
    from otop_pos.booth.catalogue import save_product

    scan(qtbot, window.sell.search, CHIPS)               # ฿37
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F6)
    idle(qtbot, ctx)
    fields = dict(sku="X-01", name="ข้าวเกรียบฟักทอง", product_type="อาหาร", price_satang=3700, barcode=CHIPS)
    fields.update(change)
    save_product(shop, clock, **fields)                    # the products screen, meanwhile
    ctx.reload_catalogue()
    idle(qtbot, ctx)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F7)    # the customer is back
    idle(qtbot, ctx)


def test_a_held_bill_after_a_price_correction_says_so_or_sells_at_the_new_price(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any, clock: Any) -> None:
    _hold_then_change(window, ctx, shop, qtbot, clock, price_satang=2700)
    (line,) = ctx.cart.lines
    said = window.sell.toast.text() if window.sell.toast.isVisible() else ""
    assert line.unit_price_satang == 2700 or "27.00" in said, (line.unit_price_satang, said)


def test_a_held_bill_with_a_product_taken_off_sale_says_so(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                          qtbot: Any, clock: Any) -> None:
    _hold_then_change(window, ctx, shop, qtbot, clock, active=False)
    assert [ln.sku for ln in ctx.cart.lines] == []        # the product off sale left the bill …
    said = window.sell.toast.text() if window.sell.toast.isVisible() else ""
    assert "ข้าวเกรียบฟักทอง" in said and "no longer for sale" in said, said   # … and the vendor is told


# --- the largest change at 1024×600 --------------------------------------------------------------------------
def test_the_largest_change_fits_the_change_panel_at_1024x600(window: MainWindow, ctx: Any, qtbot: Any,
                                                              tmp_path: Any) -> None:
    from PySide6.QtGui import QFontMetrics

    from otop_pos.ui.widgets import MessageDialog

    pay = open_pay(window, qtbot, CHIPS)                 # ฿37
    qtbot.keyClicks(pay.cash_edit, "10000000")           # ฿10,000,000 received (the document limit)
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    box = modal(qtbot, MessageDialog)                    # "give ฿9,999,963.00 change?"
    box.accept()
    qtbot.waitUntil(lambda: gone(pay))
    idle(qtbot, ctx)
    panel = window.sell.cart_panel.change_panel
    qtbot.waitUntil(panel.isVisible)
    window.grab().save(str(tmp_path / "change.png"))
    for lab in (panel.amount, panel.detail, panel.caption):
        text = lab.text()
        assert "9,999,963.00" in panel.amount.text()
        width = QFontMetrics(lab.font()).horizontalAdvance(text) if not lab.wordWrap() else lab.sizeHint().width()
        assert width <= lab.contentsRect().width(), (text, width, lab.contentsRect().width())
        assert lab.mapTo(window, lab.rect().bottomRight()).y() <= window.height(), text


# --- 100 held bills with long Thai names ---------------------------------------------------------------------
def test_a_hundred_long_named_held_bills_fit_the_list_at_1024x600_with_their_money_shown(
        window: MainWindow, ctx: Any, qtbot: Any, tmp_path: Any) -> None:
    from otop_pos.booth.payments import PaymentIn
    from otop_pos.ui.held_dialog import HeldBillsDialog

    name = ("คุณป้าสมศรีจากอำเภอน้ำพองซื้อผ้าไหมมัดหมี่ลายนาคสามผืนจะกลับมารับตอนบ่ายสามโมงพร้อมลูกสาว"
            "ขอให้ห่อของขวัญแยกทุกชิ้นด้วยนะคะ")[:120]
    product = ctx.index.lookup(BASKET)
    for i in range(100):
        ctx.set_cart(ctx.cart.add(product))
        if i == 0:
            ctx.set_parts((PaymentIn("cash", 5000),))      # the oldest: ฿50 taken already
        assert ctx.hold(name)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F7)
    dlg = modal(qtbot, HeldBillsDialog)
    assert dlg.list.count() == 100
    dlg.grab().save(str(tmp_path / "held.png"))
    frame = dlg.frameGeometry()
    assert frame.width() <= 1024 and frame.height() <= 600, frame
    text = dlg.list.item(0).text()
    assert "50.00" in text
    fm = dlg.list.fontMetrics()
    assert fm.horizontalAdvance(text) <= dlg.list.viewport().width() or dlg.list.wordWrap(), \
        (fm.horizontalAdvance(text), dlg.list.viewport().width())
    _close(qtbot, window, dlg)


# --- keys in the refund dialog ------------------------------------------------------------------------------
def test_enter_held_in_the_refund_dialog_refunds_one_item_once(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                               qtbot: Any, clock: Any) -> None:
    from test_history import open_history, select, sell  # type: ignore[import-not-found]

    from otop_pos.ui.adjust_dialogs import RefundDialog

    sale = sell(shop, clock, BASKET, BASKET, BASKET)      # 3 × ฿120
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, RefundDialog)
    (no,) = dlg.checks
    qtbot.keyClick(dlg.checks[no], Qt.Key.Key_Space)     # tick the line with the keyboard
    dlg.qty_edits[no].setFocus()
    dlg.qty_edits[no].selectAll()
    qtbot.keyClicks(dlg.qty_edits[no], "1")               # one of the three comes back
    qtbot.keyClicks(dlg.reason.lineEdit(), "damaged")
    dlg.pin_edit.setFocus()
    qtbot.keyClicks(dlg.pin_edit, PIN)
    _held_key(qtbot, ctx, Qt.Key.Key_Return, "\r", 12, wait_idle=False)
    idle(qtbot, ctx)
    assert gone(dlg), (dlg.error.text(), _sql(shop, "SELECT count(*) FROM refund"), dlg.checks[no].isChecked(),
                       dlg.qty_edits[no].text(), dlg.pin_edit.text())
    idle(qtbot, ctx)
    assert QApplication.activeModalWidget() is None, QApplication.activeModalWidget()
    assert _sql(shop, "SELECT count(*) FROM refund") == [(1,)]
    detail = ctx.service.sale_detail(sale.uuid)
    assert [ln.refunded_qty for ln in detail.lines] == [1]


# --- the settings screen ------------------------------------------------------------------------------------
def test_a_double_click_on_change_pin_changes_it_once_and_counts_no_wrong_pin(window: MainWindow, ctx: Any,
                                                                              shop: SqliteStore, qtbot: Any) -> None:
    from otop_pos.ui.settings_screen import SettingsScreen

    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    idle(qtbot, ctx)
    qtbot.keyClicks(screen.pin_current, PIN)
    qtbot.keyClicks(screen.pin_new, "5678")
    qtbot.keyClicks(screen.pin_repeat, "5678")
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)   # a double tap on the touch screen
    idle(qtbot, ctx)
    qtbot.wait(100)
    idle(qtbot, ctx)
    assert _sql(shop, "SELECT failures FROM manager_pin") == [(0,)], screen.pin_error.text()
    assert not screen.pin_error.text(), screen.pin_error.text()

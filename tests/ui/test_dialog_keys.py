"""Dialogs do what Enter promises: Enter voids, refunds or opens the day from any field; in the close-day count
Enter moves on and never closes the day or throws the count away; Esc cancels; Cancel is never the default."""
from __future__ import annotations

from typing import Any

import pytest
from conftest import BAG, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from test_history import open_history, select, sell  # type: ignore[import-not-found]
from ui_helpers import gone, idle, modal, type_text  # type: ignore[import-not-found]

from otop_pos.booth.days import current_day, list_days
from otop_pos.booth.queries import list_sales, sale_detail
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.adjust_dialogs import RefundDialog, VoidDialog
from otop_pos.ui.day_dialogs import CloseDayDialog, DayScreen, OpenDayDialog, ZReportDialog
from otop_pos.ui.main_window import MainWindow

ENTER = Qt.Key.Key_Return


def cancel_button(dlg: QDialog) -> QPushButton:
    return next(b for b in dlg.findChildren(QPushButton) if b.text() == "Cancel")


def open_void(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock, qtbot: Any) -> VoidDialog:
    sale = sell(shop, clock, BAG, CHIPS)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.void_button, Qt.MouseButton.LeftButton)
    return modal(qtbot, VoidDialog)


def open_refund(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock, qtbot: Any) -> RefundDialog:
    sale = sell(shop, clock, BAG, CHIPS, SCARF)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    return modal(qtbot, RefundDialog)


def open_close_day(window: MainWindow, qtbot: Any) -> CloseDayDialog:
    screen = window.show_page("day")
    assert isinstance(screen, DayScreen)
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, CloseDayDialog)
    qtbot.waitUntil(lambda: dlg.expected_label.text() == "฿1,000.00" and dlg.close_button.isEnabled())
    return dlg


# --- void and refund ---------------------------------------------------------------------------------------
def test_enter_in_the_pin_field_voids(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                      qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.keyClick(dlg.pin_edit, ENTER)
    qtbot.waitUntil(lambda: gone(dlg))
    assert list_sales(shop)[0].status == "void"


def test_enter_in_the_typed_reason_voids_and_a_wrong_pin_keeps_the_dialog(
        window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    qtbot.keyClicks(dlg.pin_edit, "9999")
    dlg.reason.lineEdit().setFocus()
    type_text(qtbot, dlg.reason.lineEdit(), "ลูกค้าเปลี่ยนใจ")
    qtbot.keyClick(dlg.reason.lineEdit(), ENTER)
    qtbot.waitUntil(lambda: "PIN" in dlg.error.text())      # Enter tried: the wrong PIN is refused
    assert dlg.isVisible() and dlg.reason.currentText() == "ลูกค้าเปลี่ยนใจ"
    assert list_sales(shop)[0].status == "sale"
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.keyClick(dlg.reason.lineEdit(), ENTER)
    qtbot.waitUntil(lambda: gone(dlg))
    row = list_sales(shop)[0]
    assert row.status == "void"


def test_enter_in_the_refund_pin_refunds(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                         qtbot: Any) -> None:
    dlg = open_refund(window, ctx, shop, clock, qtbot)
    dlg.checks[3].setChecked(True)                    # the scarf
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.keyClick(dlg.pin_edit, ENTER)
    qtbot.waitUntil(lambda: gone(dlg))
    detail = sale_detail(shop, list_sales(shop)[0].uuid)
    assert [(ln.sku, ln.refunded_qty) for ln in detail.lines] == [("KK20-0001-02", 0), ("X-01", 0), ("X-03", 1)]


def test_enter_on_a_focused_cancel_cancels_the_refund(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                      clock: FixedClock, qtbot: Any) -> None:
    dlg = open_refund(window, ctx, shop, clock, qtbot)
    dlg.checks[3].setChecked(True)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    cancel = cancel_button(dlg)
    cancel.setFocus()
    qtbot.keyClick(cancel, ENTER)
    qtbot.waitUntil(lambda: gone(dlg))
    idle(qtbot, ctx)
    assert list_sales(shop)[0].status == "sale"


# --- open and close the day ------------------------------------------------------------------------------
def test_enter_opens_the_day_with_the_float(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                            qtbot: Any) -> None:
    dlg = open_close_day(window, qtbot)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    dlg.close_button.setFocus()
    qtbot.keyClick(dlg.close_button, Qt.Key.Key_Space)  # a deliberate press of the focused button closes
    modal(qtbot, ZReportDialog).accept()
    assert current_day(shop) is None
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.show_page("sell")
    qtbot.mouseClick(window.sell.open_day_button, Qt.MouseButton.LeftButton)
    dlg2 = modal(qtbot, OpenDayDialog)
    assert not cancel_button(dlg2).isDefault() and not cancel_button(dlg2).autoDefault()
    qtbot.keyClicks(dlg2.float_edit, "750")
    qtbot.keyClick(dlg2.float_edit, ENTER)
    qtbot.waitUntil(lambda: gone(dlg2))
    assert list_days(shop)[-1].float_satang == 75000 and current_day(shop) is not None


def test_enter_in_a_count_field_moves_on_and_keeps_the_count(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                             qtbot: Any) -> None:
    dlg = open_close_day(window, qtbot)
    order = list(dlg.edits)                           # ฿1,000 down to ฿0.25, as on the screen
    first = dlg.edits[order[0]]
    first.setFocus()
    qtbot.keyClicks(first, "1")
    qtbot.keyClick(first, ENTER)
    assert dlg.isVisible() and dlg.edits[order[1]].hasFocus()
    for d in order[1:]:
        assert dlg.edits[d].hasFocus()
        qtbot.keyClick(dlg.edits[d], ENTER)
    assert dlg.pin_edit.hasFocus()                    # after the last count: the PIN
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.keyClick(dlg.pin_edit, ENTER)
    assert dlg.close_button.hasFocus()                # then the close button, which Enter has not pressed
    assert dlg.isVisible() and first.text() == "1" and dlg.counted_label.text() == "฿1,000.00"
    assert current_day(shop) is not None
    qtbot.keyClick(dlg.close_button, ENTER)           # a deliberate Enter on the focused close button
    z = modal(qtbot, ZReportDialog)
    assert z.report.counts == ((100000, 1),) and z.report.counted_cash_satang == 100000
    assert current_day(shop) is None


def test_enter_on_the_close_day_buttons_never_closes_by_itself(window: MainWindow, shop: SqliteStore,
                                                               qtbot: Any) -> None:
    dlg = open_close_day(window, qtbot)
    assert not dlg.close_button.isDefault() and not cancel_button(dlg).isDefault()
    qtbot.keyClicks(dlg.pin_edit, "1234")
    dlg.edits[2000].setFocus()
    qtbot.keyClicks(dlg.edits[2000], "3")
    qtbot.keyClick(dlg.edits[2000], ENTER)
    qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Enter)     # the keypad's Enter too
    assert dlg.isVisible() and dlg.edits[2000].text() == "3" and current_day(shop) is not None


# --- Esc cancels everywhere ----------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["void", "refund", "close", "open"])
def test_esc_cancels(which: str, window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                     qtbot: Any) -> None:
    dlg: QDialog
    if which == "void":
        dlg = open_void(window, ctx, shop, clock, qtbot)
        dlg.reason.setCurrentIndex(0)
        field = dlg.pin_edit
    elif which == "refund":
        dlg = open_refund(window, ctx, shop, clock, qtbot)
        dlg.checks[3].setChecked(True)
        field = dlg.reason.lineEdit()
    elif which == "close":
        dlg = open_close_day(window, qtbot)
        field = dlg.edits[10000]
    else:
        ctx.service.close_day("1234", counted_satang=100000)
        ctx.day_changed(None)
        window.sell.open_day()
        dlg = modal(qtbot, OpenDayDialog)
        field = dlg.float_edit
    assert not cancel_button(dlg).isDefault()
    field.setFocus()
    qtbot.keyClicks(field, "12")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: gone(dlg))
    idle(qtbot, ctx)
    assert list_sales(shop)[0].status == "sale" if which in ("void", "refund") else True
    assert (current_day(shop) is None) == (which == "open")


# --- amounts are bounded by what a till can hold ---------------------------------------------------------------
def test_a_float_beyond_what_a_till_holds_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                     qtbot: Any) -> None:
    ctx.service.close_day("1234", counted_satang=100000)
    ctx.day_changed(None)
    window.sell.open_day()
    dlg = modal(qtbot, OpenDayDialog)
    qtbot.keyClicks(dlg.float_edit, "10000000.01")
    qtbot.keyClick(dlg.float_edit, ENTER)
    qtbot.waitUntil(lambda: dlg.error.isVisible())
    assert "10,000,000.00" in dlg.error.text() and dlg.isVisible()
    idle(qtbot, ctx)
    assert current_day(shop) is None


def test_a_count_beyond_what_a_till_holds_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                     qtbot: Any) -> None:
    dlg = open_close_day(window, qtbot)
    dlg.edits[100000].setFocus()
    qtbot.keyClicks(dlg.edits[100000], "100001")     # 100,001 × ฿1,000: above the day's cash limit
    assert dlg.error.isVisible() and "100,000,000.00" in dlg.error.text()
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    idle(qtbot, ctx)
    assert dlg.isVisible() and current_day(shop) is not None
    dlg.edits[100000].setText("1")                    # corrected: the error goes, the day closes
    assert not dlg.error.isVisible()
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    z = modal(qtbot, ZReportDialog)
    assert z.report.counted_cash_satang == 100000

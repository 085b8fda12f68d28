"""Messages over the screen (#14 item 3): a toast never moves a tile, so a tap while it shows hits what was
aimed at; errors sound, ok does not; it times out, a newer one replaces it, a tap dismisses it, and the
scanner keeps working while it shows."""
from __future__ import annotations

from typing import Any

from conftest import BASKET, CHIPS, PIN  # type: ignore[import-not-found]
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import open_pay, scan  # type: ignore[import-not-found]

from otop_pos.booth.days import close_day
from otop_pos.ui.day_dialogs import DayScreen
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.toast import Toast

UNKNOWN = "8850000000999"   # a valid EAN-13 no product has


def in_window(widget: QWidget, rect: QRect | None = None) -> QRect:
    """``rect`` of ``widget`` (default: all of it) in the window's coordinates."""
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(widget.window(), rect.topLeft()), rect.size())


def layout_of(window: MainWindow) -> dict[str, QRect]:
    """Where everything a vendor taps on the sell screen is."""
    sell = window.sell
    grid = sell.grid
    places = {"grid": in_window(grid), "search": in_window(sell.search), "cart": in_window(sell.cart_panel),
              "pay": in_window(sell.cart_panel.pay_button), "total": in_window(sell.cart_panel.total_label)}
    for row in range(min(grid.grid_model.rowCount(), 9)):
        places[f"tile{row}"] = in_window(grid.viewport(), grid.visualRect(grid.grid_model.index(row, 0)))
    return places


def click_at(qtbot: Any, window: QWidget, pos: QPoint) -> None:
    """A tap at ``pos`` of the window: whatever widget is there gets it."""
    target = window.childAt(pos)
    assert target is not None
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, pos))


def cart_names(window: MainWindow) -> list[str]:
    m = window.sell.cart_panel.model
    return [m.data(m.index(r, 0)) for r in range(m.rowCount())]


def test_a_scan_error_moves_no_tile_and_covers_neither_total_nor_pay(window: MainWindow, qtbot: Any) -> None:
    before = layout_of(window)
    scan(qtbot, window.sell.search, UNKNOWN)
    assert layout_of(window) == before                # nothing moved, nothing resized
    toast = window.sell.toast
    assert toast.isVisible() and UNKNOWN in toast.text() and toast.kind == "error"
    over = in_window(toast)
    for name, rect in before.items():
        if name != "cart":
            assert not over.intersects(rect), name   # over the cart's list only
    assert before["cart"].contains(over)


def test_a_long_message_stays_over_the_cart_list(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    notes = [f"ราคาของ “ผ้าไหมมัดหมี่ลายโบราณ {n}” เปลี่ยนจาก ฿1,190.00 เป็น ฿1,290.00" for n in range(12)]
    sell.ctx.billNotes.emit(notes)                    # many notes on a bill brought back
    over = in_window(sell.toast)
    assert sell.toast.isVisible() and sell.toast.kind == "warn"
    assert in_window(sell.cart_panel.stack).contains(over)
    for kept in (sell.cart_panel.pay_button, sell.cart_panel.total_label, sell.cart_panel.qty_button):
        assert not over.intersects(in_window(kept))


def test_a_tile_tapped_while_a_toast_shows_adds_that_tiles_product(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    grid = sell.grid
    aimed = grid.product_at(3)                        # the second row: a moving grid puts another tile here
    rect = in_window(grid.viewport(), grid.visualRect(grid.grid_model.index(3, 0)))
    spot = QPoint(rect.center().x(), rect.top() + 6)
    scan(qtbot, sell.search, UNKNOWN)
    assert sell.toast.isVisible()
    click_at(qtbot, window, spot)
    qtbot.waitUntil(lambda: cart_names(window) == [aimed.name])


def test_errors_sound_and_ok_and_info_do_not(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    sell = window.sell
    sell.show_banner("Saved", "ok")
    sell.show_banner("Bill held", "info")
    sell.show_banner("Sold out", "warn")
    assert ctx.sounds.played == []
    scan(qtbot, sell.search, UNKNOWN)
    assert ctx.sounds.played == ["error"]             # once: the toast plays it, nobody else
    sell.show_banner("The hold failed", "error")      # any error message, not only a scan's
    assert ctx.sounds.played == ["error", "error"]


def test_the_toast_hides_after_its_time_and_on_a_tap(window: MainWindow, qtbot: Any) -> None:
    toast = window.sell.toast
    toast.show_message("Saved B001-000001", "ok", ms=150)
    assert toast.isVisible()
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=2000)
    quick = Toast(window.sell, ms=100, long_ms=200)   # the kinds' times are parameters
    quick.show_message("Unknown code", "error")
    qtbot.waitUntil(lambda: not quick.isVisible(), timeout=2000)
    toast.show_message("Stays until tapped", "warn", ms=0)
    focus = QApplication.focusWidget()
    qtbot.mouseClick(toast, Qt.MouseButton.LeftButton)
    assert not toast.isVisible()
    assert QApplication.focusWidget() is focus        # the tap took no keyboard from the search box


def test_a_newer_message_replaces_the_older(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, UNKNOWN)
    sell.show_banner("Saved B001-000002", "ok")
    shown = [t for t in sell.findChildren(Toast) if t.isVisible()]
    assert shown == [sell.toast] and sell.toast.text() == "Saved B001-000002" and sell.toast.kind == "ok"


def test_a_scan_while_a_toast_shows_is_taken_as_a_scan(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    scan(qtbot, sell.search, UNKNOWN)
    assert sell.toast.isVisible() and sell.search.hasFocus()
    scan(qtbot, sell.search, BASKET)
    qtbot.mouseClick(sell.toast, Qt.MouseButton.LeftButton)   # dismissed by a tap: the keyboard stays put
    assert not sell.toast.isVisible() and sell.search.hasFocus()
    scan(qtbot, sell.search, CHIPS)
    assert cart_names(window) == ["กระติบข้าวเหนียว", "ข้าวเกรียบฟักทอง"]
    assert sell.search.text() == ""                   # no digit reached the search box


def test_the_toast_follows_a_resize_and_still_moves_nothing(window: MainWindow, qtbot: Any) -> None:
    sell = window.sell
    sell.show_banner("Saved B001-000003 · ฿120.00", "ok")
    small = in_window(sell.toast)
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: in_window(sell.toast) != small)
    after = in_window(sell.toast)
    cart = in_window(sell.cart_panel.stack)
    assert cart.contains(after) and after.width() > small.width()
    sell.toast.clear_message()
    before = layout_of(window)
    sell.show_banner("Unknown code", "error")
    assert layout_of(window) == before


def test_after_a_sale_the_toast_leaves_the_change_in_view(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    sell = window.sell
    pay = open_pay(window, qtbot, BASKET)
    qtbot.keyClicks(pay.cash_edit, "200")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    panel = sell.cart_panel.change_panel
    qtbot.waitUntil(lambda: sell.cart_panel.stack.currentWidget() is panel and sell.toast.kind == "ok")
    assert "฿120.00" in sell.toast.text() and panel.amount.text() == "฿80.00"
    over = in_window(sell.toast)
    for shown in (panel.caption, panel.amount, panel.detail):    # "Change", ฿80.00, the bill and cash taken
        assert not over.intersects(in_window(shown)), shown.text()
    assert ctx.sounds.played == ["ok"]


def test_printing_the_z_report_again_says_so_in_a_toast_not_a_box(window: MainWindow, ctx: Any, shop: Any,
                                                                  clock: Any, printed: Any, qtbot: Any) -> None:
    close_day(shop, clock, PIN, counted_satang=0, print_report=False, back_up=False)
    ctx.day_changed(None)
    ctx.settings_saved(ctx.service.update_settings(printer="dummy", lang="en"))
    screen = window.show_page("day")
    assert isinstance(screen, DayScreen)
    qtbot.waitUntil(lambda: screen.days_list.count() == 1 and screen.z_print_button.isEnabled())
    before = in_window(screen.days_list)
    qtbot.mouseClick(screen.z_print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.toast.isVisible())
    assert screen.toast.text() == "The Z report is printing." and screen.toast.kind == "ok"
    assert QApplication.activeModalWidget() is None and in_window(screen.days_list) == before
    qtbot.waitUntil(lambda: len(printed.transport.jobs) == 1, timeout=10000)


def test_an_error_leaves_the_line_just_scanned_readable(window: MainWindow, qtbot: Any) -> None:
    """A short cart's newest line is at the top of the list: the error lies over the list's foot, and the
    line just scanned stays in view."""
    sell = window.sell
    table = sell.cart_panel.table
    for code in (CHIPS, BASKET):
        scan(qtbot, sell.search, code)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2 and table.currentIndex().isValid())
    scan(qtbot, sell.search, UNKNOWN)
    qtbot.waitUntil(lambda: sell.toast.isVisible() and sell.toast.kind == "error")
    line = in_window(table.viewport(), table.visualRect(table.currentIndex()))
    assert not in_window(sell.toast).intersects(line), (line, in_window(sell.toast))
    assert in_window(sell.toast).intersects(in_window(table))    # still over the list, not elsewhere

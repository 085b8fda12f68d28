"""Red team round two, issue 15: the booth's Orders page with the keyboard only and a scanner in every field of
the order dialogs (real key events through QTest, as tests/ui/test_redteam15_ui.py).

Each test failed on main for the reason its docstring gives, before its fix (the fixes are on main).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from otop_pos.ui.context import BoothContext
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.orders_screen import OrdersScreen, TakeOrderDialog
from ui_helpers import modal, scan  # type: ignore[import-not-found]

CODE = "8850999320012"


def _fill_cart(ctx: BoothContext, sku: str, qty: int) -> None:
    product = ctx.index.lookup(sku)
    assert product is not None
    ctx.set_cart(ctx.cart.add(product, qty))


def _open_take(window: MainWindow, qtbot: Any) -> Any:
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen) and page.take_button.isEnabled()
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    return modal(qtbot, TakeOrderDialog)


def _take(window: MainWindow, ctx: BoothContext, qtbot: Any, name: str) -> None:
    _fill_cart(ctx, "X-03", 1)
    dlg = _open_take(window, qtbot)
    qtbot.keyClicks(dlg.customer, name)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())


def _tab_reaches(qtbot: Any, start: QWidget, target: QWidget, presses: int = 25, back: bool = False) -> list[str]:
    """Press Tab (Shift+Tab) from ``start`` up to ``presses`` times; the focus widgets met, stopping at
    ``target``."""
    start.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    met = []
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab,
                       Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier)
        now = QApplication.focusWidget()
        met.append(type(now).__name__ + ":" + (now.text() if hasattr(now, "text") and callable(now.text) else ""))
        if now is target:
            break
    return met


def test_tab_leaves_the_orders_table_for_deliver_and_cancel(window: MainWindow, ctx: BoothContext,
                                                            qtbot: Any) -> None:
    """A vendor at the keyboard (no mouse at a busy stall): on the Orders page, with an order open, Tab from the
    list must reach "Deliver…" (and Shift+Tab "Cancel order…"). On main the table keeps Tab for its own cells
    (tabKeyNavigation, which the Products page turned off for the same reason), so Tab and Shift+Tab walk the
    order's cells round and round and Deliver/Cancel can only be reached with the mouse. Seen in the real window
    under Xvfb: 20 Tabs and 12 Shift+Tabs never left the row."""
    _take(window, ctx, qtbot, "Somsri")
    page = window.pages["orders"]
    page.table.selectRow(0)
    assert page.deliver_button.isEnabled()
    forward = _tab_reaches(qtbot, page.table, page.deliver_button)
    assert QApplication.focusWidget() is page.deliver_button, forward
    backward = _tab_reaches(qtbot, page.table, page.cancel_button, back=True)
    assert QApplication.focusWidget() is page.cancel_button, backward


def test_enter_on_the_focused_take_button_opens_the_order(window: MainWindow, ctx: BoothContext,
                                                          qtbot: Any) -> None:
    """Keyboard only: Tab to "Take the cart as an order" (it takes the focus, its frame is drawn) and press Enter.
    Nothing happens on main (a QPushButton outside a dialog answers only Space) — in the real window Enter left
    the page as it was and only Space opened the dialog. Enter must do what the focused button says."""
    _fill_cart(ctx, "X-03", 1)
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    page.take_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.take_button)
    qtbot.keyClick(page.take_button, Qt.Key.Key_Return)
    dlg = modal(qtbot, TakeOrderDialog)
    assert dlg.isVisible()


def test_the_delivery_date_in_one_day_is_said_in_good_english(window: MainWindow, ctx: BoothContext,
                                                              qtbot: Any) -> None:
    """The delivery date moved to tomorrow reads "(in 1 days)" beside the field (seen in the real window)."""
    _fill_cart(ctx, "X-03", 1)
    dlg = _open_take(window, qtbot)
    dlg.deliver.setDate(dlg.deliver.date().addDays(1))
    assert "1 days" not in dlg.deliver_text.text(), dlg.deliver_text.text()


def test_the_pin_dialog_of_a_cancel_shows_its_whole_reason_and_error(window: MainWindow, ctx: BoothContext,
                                                                     qtbot: Any) -> None:
    """Seen in the real window (Xvfb, 1024×600): Cancel order… → Enter → the manager's PIN dialog says "The
    manager's PIN is needed to cancel order OC018-000001." with its second line cut by the caption below, and a
    scan into the PIN field gets "A scan cannot be used in this window: barcode … was not typed in and nothing
    changed. Scan products on the Sell screen." of which the last line is hidden behind the buttons: the dialog
    does not grow to its wrapped text. Every label must be as high as its text needs."""
    from otop_pos.ui.approval import ManagerPinDialog
    from otop_pos.ui.orders_screen import CancelOrderDialog

    _take(window, ctx, qtbot, "Dao")
    page = window.pages["orders"]
    page.table.selectRow(0)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    cancel = modal(qtbot, CancelOrderDialog)
    qtbot.mouseClick(cancel.ok_button, Qt.MouseButton.LeftButton)
    pin = modal(qtbot, ManagerPinDialog)
    scan(qtbot, pin.pin_edit, CODE)
    qtbot.wait(300)
    assert pin.error.isVisible() and "scan" in pin.error.text().lower()
    from PySide6.QtWidgets import QLabel

    cut = [(w.text()[:50], w.height(), w.heightForWidth(w.width())) for w in pin.findChildren(QLabel)
           if w.isVisible() and w.wordWrap() and w.height() < w.heightForWidth(w.width())]
    assert cut == [], cut


def test_a_booth_whose_fair_is_over_says_so_before_the_vendor_types_an_order(
        shop: Any, window: MainWindow, ctx: BoothContext, qtbot: Any) -> None:
    """Seen in the real window: the booth knows its fair ended (the package's last day is behind it). The
    Orders page still offers "Take the cart as an order" as the main green button and the dialog opens empty;
    the vendor types the customer, phone, date, note and deposit while the customer waits, and only "Take
    order" says "The fair is over … no new orders". The page must say it first: the button disabled (or the
    dialog refusing at once, before anything is typed)."""
    from datetime import date

    from otop_pos.booth.store import identity

    with shop.write() as s:
        identity(s).fair_last_day = date(2020, 10, 20)   # the fixture's day is 26 Oct 2020
    _fill_cart(ctx, "X-03", 1)
    page = window.show_page("orders")
    assert isinstance(page, OrdersScreen)
    if not page.take_button.isEnabled():
        return
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, TakeOrderDialog)
    said_first = not dlg.ok_button.isEnabled() or "over" in dlg.error.text().lower()
    qtbot.keyClicks(dlg.customer, "Somsri")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "fair is over" in dlg.error.text() and ctx.service.orders() == ()   # the booth does refuse at the end
    assert said_first, "the dialog waits for every field before saying the fair is over"

"""The scanner in every booth window and dialog: a scan goes where it can be used (the sell screen, the history
search, a product's barcode field, a dialog that takes scans) and is refused everywhere else — with the error
sound and a message in that window, its fields unchanged, its Enter never pressed. A person's typing is not
affected. Key events are real (QTest); the detector's clock is the fake one of conftest (``scanner_speed``)."""
from __future__ import annotations

from typing import Any

from conftest import BAG, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
from test_dialog_keys import open_close_day, open_refund, open_void  # type: ignore[import-not-found]
from test_history import open_history, select, sell  # type: ignore[import-not-found]
from ui_helpers import gone, idle, modal, scan, scanner_speed, type_text  # type: ignore[import-not-found]

from otop_pos.booth.days import current_day
from otop_pos.booth.queries import list_sales
from otop_pos.booth.settings import get_settings
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.cart_panel import ValueDialog
from otop_pos.ui.day_dialogs import DayScreen, OpenDayDialog
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.preview import DocumentPreview
from otop_pos.ui.products_screen import ProductsScreen
from otop_pos.ui.settings_screen import SettingsScreen
from otop_pos.ui.widgets import MessageDialog, open_dialog

REFUSED = "A scan cannot be used in this window"


def refused_in(dlg: Any, ctx: Any, code: str, sounds: int = 1) -> bool:
    """The refusal shows in the dialog's error line, naming the code, with the error sound."""
    return (dlg.error.isVisible() and REFUSED in dlg.error.text() and code in dlg.error.text()
            and ctx.sounds.played.count("error") == sounds)


# --- refused: one test per kind of dialog ------------------------------------------------------------------
def test_a_scan_into_the_open_day_float_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                   qtbot: Any) -> None:
    ctx.service.close_day("1234", counted_satang=100000)
    ctx.day_changed(None)
    window.sell.open_day()
    dlg = modal(qtbot, OpenDayDialog)
    qtbot.keyClicks(dlg.float_edit, "500")
    scan(qtbot, dlg.float_edit, CHIPS)               # its Enter would have opened the day with ฿8.8 billion
    assert dlg.float_edit.text() == "500" and refused_in(dlg, ctx, CHIPS)
    assert dlg.isVisible() and current_day(shop) is None
    qtbot.keyClick(dlg.float_edit, Qt.Key.Key_Return)  # the person's own Enter still opens the day
    qtbot.waitUntil(lambda: gone(dlg))
    assert current_day(shop).float_satang == 50000  # type: ignore[union-attr]


def test_a_scan_into_the_discount_value_is_refused(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, SCARF)
    window.sell.cart_panel.ask_sale_discount()
    dlg = modal(qtbot, ValueDialog)
    qtbot.keyClicks(dlg.edit, "10")
    scan(qtbot, dlg.edit, BAG)
    assert dlg.edit.text() == "10" and refused_in(dlg, ctx, BAG)
    assert dlg.isVisible() and ctx.cart.discount is None and ctx.cart.total_satang == 119000


def test_a_scan_into_the_void_pin_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                             qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "12")
    scan(qtbot, dlg.pin_edit, "12345678")            # a PIN-length burst with its Enter: still a scan
    assert dlg.pin_edit.text() == "12" and refused_in(dlg, ctx, "12345678")
    idle(qtbot, ctx)
    assert dlg.isVisible() and list_sales(shop)[0].status == "sale"


def test_a_scan_into_the_refund_pin_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                               clock: FixedClock, qtbot: Any) -> None:
    dlg = open_refund(window, ctx, shop, clock, qtbot)
    dlg.checks[3].setChecked(True)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    scan(qtbot, dlg.pin_edit, SCARF)
    assert dlg.pin_edit.text() == "1234" and refused_in(dlg, ctx, SCARF)
    idle(qtbot, ctx)
    assert dlg.isVisible() and list_sales(shop)[0].status == "sale"


def test_a_scan_into_a_close_day_count_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                  qtbot: Any) -> None:
    dlg = open_close_day(window, qtbot)
    edit = dlg.edits[10000]
    edit.setFocus()
    qtbot.keyClicks(edit, "3")
    scan(qtbot, edit, CHIPS)
    assert edit.text() == "3" and dlg.counted_label.text() == "฿300.00" and refused_in(dlg, ctx, CHIPS)
    assert edit.hasFocus() and dlg.isVisible() and current_day(shop) is not None


def test_a_scan_into_a_settings_field_is_refused(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                 qtbot: Any) -> None:
    screen = window.show_page("settings")
    assert isinstance(screen, SettingsScreen)
    screen.shop_name.clear()
    type_text(qtbot, screen.shop_name, "ร้านสุดา")
    scan(qtbot, screen.shop_name, CHIPS)
    assert screen.shop_name.text() == "ร้านสุดา"
    assert screen.toast.isVisible() and REFUSED in screen.toast.text() and CHIPS in screen.toast.text()
    assert ctx.sounds.played == ["error"] and QApplication.activeModalWidget() is None
    assert get_settings(shop).shop_name != "ร้านสุดา"    # nothing saved by the scan's Enter


def test_a_scan_into_the_pay_dialog_adds_the_product_and_never_completes_the_sale(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, CHIPS)
    window.sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.keyClicks(pay.cash_edit, "50")
    scan(qtbot, pay.cash_edit, BAG)                  # it used to become ฿8.8 billion cash and complete the sale
    assert pay.cash_edit.text() == "50.00" or pay.cash_edit.text() == "50"   # the typed cash is untouched
    assert pay.total_label.text() == "฿697.00" and [ln.qty for ln in ctx.cart.lines] == [1, 1]
    assert pay.change_caption.text() == "Short" and pay.change_label.text() == "฿647.00"
    idle(qtbot, ctx)
    assert pay.isVisible() and list_sales(shop) == []
    scan(qtbot, pay.cash_edit, "0000000000000")      # an unknown code is refused, with the error sound
    assert "0000000000000" in pay.error.text() and ctx.sounds.played == ["error"]


def test_the_day_screen_refuses_in_its_toast(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    screen = window.show_page("day")
    assert isinstance(screen, DayScreen)
    screen.days_list.setFocus()
    scan(qtbot, screen.days_list, CHIPS)
    assert screen.toast.isVisible() and REFUSED in screen.toast.text() and CHIPS in screen.toast.text()
    assert ctx.sounds.played == ["error"] and QApplication.activeModalWidget() is None


def test_a_window_without_a_message_line_refuses_in_a_message_box(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                                  clock: FixedClock, qtbot: Any) -> None:
    sold = sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sold.number)
    qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    preview = modal(qtbot, DocumentPreview)          # the receipt shown: no message line of its own
    scan(qtbot, preview, CHIPS)
    box = modal(qtbot, MessageDialog)
    assert box is not preview and REFUSED in box.text_label.text() and ctx.sounds.played == ["error"]
    scan(qtbot, box.yes_button, BAG)                 # a second scan says it again in the same box
    assert QApplication.activeModalWidget() is box and BAG in box.text_label.text()
    assert ctx.sounds.played == ["error", "error"]
    qtbot.keyClick(box.yes_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(box))


# --- used where it makes sense -----------------------------------------------------------------------------
def test_a_scan_into_a_products_barcode_field_is_typed_there(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    screen.table.selectRow(screen.model.position_of("X-04"))   # the balm has no barcode yet
    screen.barcode.setFocus()
    scan(qtbot, screen.barcode, "8850000000048")
    assert screen.barcode.text() == "8850000000048" and ctx.sounds.played == []
    scan(qtbot, screen.barcode, "8850000000055")     # a second scan replaces the first
    assert screen.barcode.text() == "8850000000055"
    assert ctx.index.lookup("8850000000055") is None   # typed, not saved: the vendor saves
    screen.table.setFocus()
    scan(qtbot, screen.table, CHIPS)                 # elsewhere on the screen: refused
    assert REFUSED in screen.toast.text() and ctx.sounds.played == ["error"]


def test_a_receipt_scanned_on_the_history_screen_is_found(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                          clock: FixedClock, qtbot: Any) -> None:
    first = sell(shop, clock, BAG)
    sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 2)
    screen.table.setFocus()
    scan(qtbot, screen.table, first.number)          # the receipt's barcode (or QR) of its number
    qtbot.waitUntil(lambda: [m.data(m.index(r, 0)) for r in range(m.rowCount())] == [first.number])
    assert screen.search.text() == first.number and ctx.sounds.played == []


class TakesScans(QDialog):
    """A dialog that takes scans (as the pay dialog will: the product goes into the cart)."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.codes: list[str] = []
        self.field = QLineEdit()
        QVBoxLayout(self).addWidget(self.field)

    def take_scan(self, code: str) -> None:
        self.codes.append(code)


def test_a_dialog_that_takes_scans_gets_them_and_its_field_stays_empty(window: MainWindow, ctx: Any,
                                                                       qtbot: Any) -> None:
    dlg = TakesScans(window)
    open_dialog(dlg)
    dlg.field.setFocus()
    scan(qtbot, dlg.field, CHIPS)
    assert dlg.codes == [CHIPS] and dlg.field.text() == "" and dlg.isVisible()
    assert window.sell.cart_panel.model.rowCount() == 0 and ctx.sounds.played == []
    dlg.reject()


# --- people and other windows ------------------------------------------------------------------------------
def test_a_person_typing_in_a_dialog_is_unaffected(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                   clock: FixedClock, qtbot: Any) -> None:
    dlg = open_void(window, ctx, shop, clock, qtbot)
    dlg.reason.setCurrentIndex(0)
    with scanner_speed():
        type_text(qtbot, dlg.pin_edit, "1234")        # fast, but no Enter: given back to the field
    qtbot.waitUntil(lambda: dlg.pin_edit.text() == "1234")
    qtbot.keyClick(dlg.pin_edit, Qt.Key.Key_Return)   # a person's Enter voids
    qtbot.waitUntil(lambda: gone(dlg))
    assert list_sales(shop)[0].status == "void" and ctx.sounds.played == []


def test_a_window_not_opened_from_the_booth_is_left_alone(window: MainWindow, qtbot: Any) -> None:
    other = QDialog()                                 # e.g. the organiser's window: no booth parent
    field = QLineEdit(other)
    entered: list[str] = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    qtbot.addWidget(other)
    other.show()
    field.setFocus()
    scan(qtbot, field, CHIPS)
    assert field.text() == CHIPS and entered == [CHIPS] and window.sell.scanner.holding is False

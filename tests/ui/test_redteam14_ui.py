"""Red team for issue #14 ("Readable at a bright, busy stall"): defects found on main, one test each.
Each test fails on main for the reason its docstring gives; no product code is changed here."""
from __future__ import annotations

from typing import Any

import pytest
from conftest import BAG, CHIPS  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from ui_helpers import idle, open_pay, scan  # type: ignore[import-not-found]

from otop_pos.booth.catalogue import save_product
from otop_pos.core.clock import FixedClock
from otop_pos.core.lookalike import distinguishing_labels, indistinguishable
from otop_pos.core.promptpay import parse_emv
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.context import BoothContext
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.products_screen import ProductsScreen


def _qr_amount(payload: str) -> str:
    return parse_emv(payload).get("54", "") if payload else ""


# --- 1. the PromptPay QR asks for less than is due after a part is removed ------------------------------------
def test_promptpay_qr_follows_what_is_due_after_a_part_payment_is_removed(window: MainWindow, qtbot: Any) -> None:
    """Bag ฿660; ฿100 cash taken as a part, F6: the QR asks ฿560 (right). The vendor removes the cash part
    (hands the ฿100 back) while the PromptPay tab shows: ฿660 is due again, but the QR, the amount field and
    the customer's view still ask ฿560 — the customer pays ฿560 for a ฿660 bill."""
    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClicks(pay.cash_edit, "100")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_F6)
    assert pay.due() == 56000 and _qr_amount(pay.payload) == "560.00"
    pay.parts_list.setCurrentRow(0)
    pay.remove_part_button.click()
    yes = next(b for b in pay.remove_dialog.findChildren(QPushButton) if b.text() == "Remove payment")
    yes.click()
    qtbot.waitUntil(lambda: pay.payments == ())
    assert pay.due() == 66000
    assert _qr_amount(pay.payload) == "660.00", \
        f"QR asks {_qr_amount(pay.payload)} while {pay.due() / 100:.2f} is due (amount field {pay.pp_amount.text()})"


# --- 2. a scan into the products page's search is refused -------------------------------------------------------
def test_a_scan_into_the_products_search_finds_the_product(window: MainWindow, ctx: BoothContext,
                                                           qtbot: Any) -> None:
    """The products page's search finds by barcode, and the vendor holds a scanner: scanning the pack while the
    search has the keyboard is the quickest way to find it. On main the burst is refused ("A scan cannot be used
    in this window … Scan products on the Sell screen"), the search stays empty and the error sounds."""
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.found.rowCount() == 6)
    screen.search.setFocus()
    scan(qtbot, screen.search, CHIPS)
    qtbot.wait(150)
    assert ctx.cart.is_empty                               # nothing sold from the products page (holds today)
    assert screen.search.text() == CHIPS, f"search {screen.search.text()!r}; toast: {screen.toast.text()!r}"
    assert screen.found.rowCount() == 1


# --- 3. Thai spellings that look the same are not seen as the same name -----------------------------------------
SAME_LOOK = [
    ("น้ำกระเจี๊ยบ", "น\u0e49\u0e4d\u0e32กระเจี๊ยบ"),   # sara am (ำ) vs nikhahit + sara aa (ํา): drawn alike
    ("แหนมหมู", "\u0e40\u0e40หนมหมู"),                 # sara ae (แ) vs two sara e (เเ): drawn alike
]


@pytest.mark.parametrize(("name", "twin"), SAME_LOOK, ids=["sara-am", "sara-ae"])
def test_names_that_look_the_same_in_thai_get_a_second_line_and_the_twin_warning(name: str, twin: str) -> None:
    """Two products whose names differ only in how a Thai vowel was keyed (ำ vs ํา, แ vs เเ, both very common
    in spreadsheets) show the very same tile text. ``name_key`` compares code points, so neither tile gets a
    second line and the booth gives no warning: the vendor cannot tell which tile is which."""
    class P:
        def __init__(self, sku: str, name: str) -> None:
            self.sku, self.name, self.price_satang, self.product_type = sku, name, 3000, "เครื่องดื่ม"

    products = [P("KK20-0002-01", name), P("KK20-0002-02", twin)]
    assert distinguishing_labels(products) == {"KK20-0002-01": "01", "KK20-0002-02": "02"}
    assert len(indistinguishable(products)) == 1


# --- 4. the look-alike warning pushes the sell screen off a 1024×600 screen -------------------------------------
def test_the_lookalike_warning_leaves_the_sell_screen_usable_at_1024x600(shop: SqliteStore, clock: FixedClock,
                                                                         qapp: Any, qtbot: Any) -> None:
    """A booth catalogue with six pairs of products that cannot be told apart (same name, price, type) — a
    registry typed by hand: the warning strip above the screens never times out and has no height limit: one
    paragraph per pair, 240 px of the netbook's 600. The grid shrinks to about one row of tiles and the TOTAL
    amount is cut at the bottom — the issue's "messages push the product grid down", now for good."""
    from otop_pos.ui.i18n import install_language
    from otop_pos.ui.theme import apply_theme
    from conftest import make_ctx  # type: ignore[import-not-found]

    for i, name in enumerate(["น้ำพริกตาแดง", "แหนมหมู", "ไส้อั่วสมุนไพร", "ข้าวเกรียบปลา", "กล้วยตาก", "ทองม้วน"]):
        for j in range(2):
            save_product(shop, clock, sku=f"T-{i}{j}", name=name, product_type="อาหาร", price_satang=5000)
    apply_theme(qapp, 600)
    ctx = make_ctx(shop, clock, "en")
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1024, 600)
        w.show()
        qtbot.waitExposed(w)
        idle(qtbot, ctx)
        qtbot.waitUntil(lambda: w.catalogue_banner.isVisible())
        qtbot.wait(100)
        total = w.sell.cart_panel.total_label
        assert w.catalogue_banner.height() <= 600 // 5, f"the warning takes {w.catalogue_banner.height()} px of 600"
        assert total.height() >= total.sizeHint().height(), \
            f"TOTAL cut: {total.height()} px shown of {total.sizeHint().height()}"
        assert w.sell.grid.height() >= 2 * 90, f"the tile grid is {w.sell.grid.height()} px high"
        w.close()
    finally:
        ctx.shutdown()
        install_language("en")


# --- 5. an error right after a sale covers the change ----------------------------------------------------------
def test_an_error_toast_after_a_sale_leaves_the_change_amount_readable(window: MainWindow, qtbot: Any) -> None:
    """Bag ฿660 paid with ฿1,000: the change ฿340.00 shows large while the vendor counts it out. The customer's
    phone (a bank app's QR) passes the 2-D scanner: "Unknown code HTTPS://…" is an error toast over the foot of
    the change panel, as tall as its text needs up to the whole panel, so it lies over the ฿340.00 — the
    show_banner docstring promises the amount and caption stay in view."""
    from PySide6.QtCore import QPoint, QRect
    from ui_helpers import gone  # type: ignore[import-not-found]

    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClicks(pay.cash_edit, "1000")
    qtbot.keyClick(pay.cash_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gone(pay))
    panel = window.sell.cart_panel
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.change_panel)
    scan(qtbot, window.sell.search, "HTTPS://QR.EXAMPLE.COM/PAY/" + "A1B2C3D4" * 12)
    toast = window.sell.toast
    qtbot.waitUntil(lambda: toast.isVisible() and toast.kind == "error")
    amount = panel.change_panel.amount
    assert amount.text() == "฿340.00" and panel.stack.currentWidget() is panel.change_panel
    shown = QRect(amount.mapTo(window.sell, QPoint(0, 0)), amount.size())
    assert not toast.geometry().intersects(shown), f"toast {toast.geometry()} lies over the change {shown}"


# --- 6. the products page's search ignores Thai digits -------------------------------------------------------------
def test_the_products_search_finds_a_barcode_typed_in_thai_digits(window: MainWindow, qtbot: Any) -> None:
    """Thai digits must be accepted wherever a number is typed (PRODUCT.md), and the sell screen's search does
    (``normalize_digits``). The products page's new search compares the raw text: the tea's barcode typed on
    the Thai keyboard's number row (๘๘๕…) finds nothing."""
    from conftest import TEA  # type: ignore[import-not-found]
    from ui_helpers import type_text  # type: ignore[import-not-found]

    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.found.rowCount() == 6)
    thai = TEA[:12].translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    type_text(qtbot, screen.search, thai)
    assert screen.search.text() == thai
    names = [screen.found.index(r, 2).data(Qt.ItemDataRole.ToolTipRole) for r in range(screen.found.rowCount())]
    assert names == ["ชาใบหม่อน"], f"{thai!r} found {names}"


# --- 7. the history's search ignores Thai digits -------------------------------------------------------------------
def test_the_history_search_finds_a_receipt_number_typed_in_thai_digits(window: MainWindow, ctx: BoothContext,
                                                                        shop: SqliteStore, clock: FixedClock,
                                                                        qtbot: Any) -> None:
    """A customer comes back with receipt B001-000002; the vendor types its number on the Thai keyboard's
    number row (๐๐๐๐๐๒). The history passes the text as typed into a LIKE: nothing is found."""
    from test_history import open_history, sell  # type: ignore[import-not-found]
    from ui_helpers import type_text  # type: ignore[import-not-found]

    sell(shop, clock, CHIPS)
    second = sell(shop, clock, BAG)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 2)
    tail = second.number.rsplit("-", 1)[1]
    thai = tail.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    type_text(qtbot, screen.search, thai)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    qtbot.wait(200)
    found = [m.data(m.index(r, 0)) for r in range(m.rowCount())]
    assert found == [second.number], f"{thai!r} found {found}"

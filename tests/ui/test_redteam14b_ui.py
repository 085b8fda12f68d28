"""Red team (round two) for issue #14 ("Readable at a bright, busy stall"): defects found on main, one test each.
Widget tests (offscreen). Each fails on main for the reason its docstring gives; no product code is changed."""
from __future__ import annotations

from typing import Any

import pytest
from conftest import BAG  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import open_pay  # type: ignore[import-not-found]

from otop_pos.core.promptpay import parse_emv
from otop_pos.ui import pay_dialog
from otop_pos.ui.main_window import MainWindow


def _qr_amount(payload: str) -> str:
    return parse_emv(payload).get("54", "") if payload else ""


# --- 1. a slipped zero puts ten times the bill in the customer's QR ------------------------------------------
def test_no_promptpay_qr_asks_more_than_is_due(window: MainWindow, qtbot: Any) -> None:
    """Bag ฿660, F6. The vendor retypes the amount and a zero slips in: 6600. The QR (and F11, the customer's
    full-screen view) at once ask ฿6,600.00; the customer's bank app pays it. Only when the vendor presses
    "received" does the dialog refuse ("5,940.00 baht more than is due … change only from cash") — too late,
    the money has left the customer's account. A PromptPay QR must never ask more than is due."""
    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    pay.pp_amount.selectAll()
    qtbot.keyClicks(pay.pp_amount, "6600")
    assert pay.due() == 66000
    assert _qr_amount(pay.payload) in ("", "660.00"), \
        f"the QR asks {_qr_amount(pay.payload)} while {pay.due() / 100:.2f} is due"
    assert not pay.show_customer_button.isEnabled() or _qr_amount(pay.payload) == "660.00"


# --- 2. the second screen loses the QR for good once the amount is cleared -----------------------------------
def test_the_second_screen_qr_comes_back_when_the_amount_is_retyped(window: MainWindow, qtbot: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """With a customer screen attached the QR opens there by itself on F6 (right). The customer wants to pay
    ฿200 by PromptPay and the rest in cash: the vendor clears the amount (Backspace) and types 200. Clearing
    closes the customer's view (no QR: fine), but typing a good amount never brings it back: the dialog shows a
    ฿200 QR to the vendor only, and the customer faces a blank second screen for the rest of the sale."""
    monkeypatch.setattr(pay_dialog, "choose_customer_screen", lambda screens, primary: screens[0])
    pay = open_pay(window, qtbot, BAG)
    qtbot.keyClick(pay, Qt.Key.Key_F6)
    assert pay.customer_view is not None and pay.customer_view.isVisible()
    pay.pp_amount.selectAll()
    qtbot.keyClick(pay.pp_amount, Qt.Key.Key_Backspace)
    qtbot.keyClicks(pay.pp_amount, "200")
    qtbot.wait(200)
    assert _qr_amount(pay.payload) == "200.00"
    view = pay.customer_view
    assert view is not None and view.isVisible(), "the customer's screen stays blank while a ฿200 QR is ready"
    assert view.payload == pay.payload


# --- 3. the history search does not see Thai look-alike spellings as one --------------------------------------
def test_the_history_search_finds_a_name_keyed_with_the_other_sara_am(window: MainWindow, ctx: Any, shop: Any,
                                                                       clock: Any, qtbot: Any) -> None:
    """The catalogue spreadsheet spelt a product น + ้ + ํ + า (nikhahit + sara aa: drawn exactly like ำ). The
    sell screen and the products page find it when the vendor types น้ำพริก on the Thai keyboard (ำ, one key)
    — they fold look-alikes (core/text_match). The history search passes the text as typed into a LIKE: a
    customer back with a jar of น้ำพริก cannot be found by its name."""
    from test_history import open_history  # type: ignore[import-not-found]
    from ui_helpers import idle  # type: ignore[import-not-found]

    from otop_pos.booth.cart import Cart
    from otop_pos.booth.catalogue import CatalogueIndex, save_product
    from otop_pos.booth.checkout import checkout
    from otop_pos.booth.payments import PaymentIn

    spreadsheet = "น\u0e49\u0e4d\u0e32พริกตาแดง"           # drawn as น้ำพริกตาแดง
    save_product(shop, clock, sku="T-NP1", name=spreadsheet, product_type="อาหาร", price_satang=5000,
                 barcode="8850000000997")
    product = CatalogueIndex.load(shop).lookup("8850000000997")
    assert product is not None
    sale = checkout(shop, clock, Cart().add(product), [PaymentIn("cash", tendered_satang=5000)],
                    print_receipt=False)
    products = window.show_page("products")                 # the products page folds: it finds the jar
    products.search.setText("น้ำพริก")
    qtbot.waitUntil(lambda: products.found.rowCount() == 1)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 1)
    screen.search.setText("น้ำพริก")                        # ำ as the Thai keyboard types it
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    idle(qtbot, ctx)
    qtbot.wait(200)
    found = [m.data(m.index(r, 0)) for r in range(m.rowCount())]
    assert found == [sale.number], f"'น้ำพริก' found {found}"


# --- 4. a good scan while an error toast shows: the changed line stays under the toast ----------------------
def test_a_good_scan_while_an_error_toast_shows_is_not_hidden_under_it(window: MainWindow, ctx: Any,
                                                                       qtbot: Any) -> None:
    """1024×600, five lines in the cart (the list scrolls), the current line at the bottom. A wrong code: the
    error toast goes to the top of the list, away from that line (right). The customer hands over another bag
    (line 1) and the vendor scans it within the 8 s: the bag's line becomes the current one, scrolled to the top
    — and the toast stays where it was, covering exactly the line whose quantity just went to 2."""
    from conftest import BASKET, CHIPS, SCARF, TEA  # type: ignore[import-not-found]
    from PySide6.QtCore import QRect
    from ui_helpers import idle, scan  # type: ignore[import-not-found]

    window.resize(1024, 600)
    qtbot.wait(50)
    sell: Any = window.show_page("sell")
    for code in (BAG, BASKET, CHIPS, SCARF, TEA):
        scan(qtbot, sell.search, code)
        idle(qtbot, ctx)
    scan(qtbot, sell.search, "0000000000000")
    idle(qtbot, ctx)
    assert sell.toast.isVisible()
    scan(qtbot, sell.search, BAG)                          # a good scan while the toast shows
    idle(qtbot, ctx)
    qtbot.wait(50)
    table = sell.cart_panel.table
    assert ctx.cart.lines[0].qty == 2
    assert table.currentIndex().row() == 0
    rect = table.visualRect(table.currentIndex())
    line = QRect(table.viewport().mapTo(sell, rect.topLeft()), rect.size())
    toast = sell.toast.geometry()
    assert not (sell.toast.isVisible() and line.intersects(toast)), \
        f"the bag's line {line.getRect()} is under the error toast {toast.getRect()}"


# --- 5. the cart's money columns are cut at 1024×600 ----------------------------------------------------------
def test_the_carts_price_and_total_are_not_cut_at_1024x600(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    """1024×600, one bag (กระเป๋าสานเตยปาหนัน ฿660) in the cart: the long name takes the width and the Price and
    Total cells read "660..." and "660...." — the amount the customer pays for the line is cut off."""
    from PySide6.QtGui import QFontMetrics
    from ui_helpers import idle, scan  # type: ignore[import-not-found]

    window.resize(1024, 600)
    qtbot.wait(50)
    sell: Any = window.show_page("sell")
    scan(qtbot, sell.search, BAG)
    idle(qtbot, ctx)
    qtbot.wait(50)
    table = sell.cart_panel.table
    model = table.model()
    fm = QFontMetrics(table.font())
    cut = []
    for col in range(model.columnCount()):
        text = str(model.data(model.index(0, col)) or "")
        if any(ch.isdigit() for ch in text) and fm.horizontalAdvance(text) + 8 > table.columnWidth(col):
            cut.append((model.headerData(col, Qt.Orientation.Horizontal), text, table.columnWidth(col),
                        fm.horizontalAdvance(text)))
    window.grab().save(str(__import__("pathlib").Path("/tmp") / "red14b_cart_cut.png"))
    assert not cut, f"cut amounts (column, text, column width, text width): {cut}"


# --- 6. an unknown long code: the toast cuts the code off on both sides -------------------------------------
def test_an_unknown_long_code_is_shown_whole_in_the_toast(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    """A customer's bank-app QR (an 86-character PromptPay payload) is scanned by mistake. The toast says
    "Unknown code 0002…AB7A: no product has it." but the code has no space to break at: the label centres the
    1,059 px line in 400 px and both ends are clipped ("…677010111011300668012345675802TH"). The vendor
    cannot read what was scanned; a long code must wrap (or be shortened visibly) inside the toast."""
    from PySide6.QtGui import QFontMetrics
    from ui_helpers import idle, scan  # type: ignore[import-not-found]

    window.resize(1024, 600)
    qtbot.wait(50)
    sell: Any = window.show_page("sell")
    scan(qtbot, sell.search, BAG)
    idle(qtbot, ctx)
    code = "00020101021229370016A000000677010111011300668012345675802TH530376454076600.006304AB7A"
    scan(qtbot, sell.search, code)
    idle(qtbot, ctx)
    toast = sell.toast
    assert toast.isVisible()
    fm = QFontMetrics(toast.font())
    room = toast.contentsRect().width()
    widest = max(fm.horizontalAdvance(line) for line in toast.text().replace("\u200b", " ").split())
    assert widest <= room, f"a {widest} px unbreakable piece in a {room} px toast: {toast.text()!r}"


# --- 7. the close-day summary ends in a stray separator when nothing was sold --------------------------------
def test_the_close_day_summary_has_no_stray_separator_on_a_day_without_sales(window: MainWindow,
                                                                              qtbot: Any) -> None:
    """A rainy day, nothing sold; the vendor closes the day. The Thai summary reads "8 ธ.ค. 2569: ขาย 0 บิล
    ยอดสุทธิ ฿0.00 ·" — the separator before the (empty) list of payment methods is left hanging (English
    "… net ฿0.00. " hides it as a full stop)."""
    from test_dialog_keys import open_close_day  # type: ignore[import-not-found]

    from otop_pos.ui.i18n import install_language

    install_language("th")
    dlg = open_close_day(window, qtbot)
    text = dlg.summary.text().strip()
    assert "฿0.00" in text
    assert not text.endswith("·"), f"summary: {text!r}"


# --- 8. keyboard only: Tab from the products search is trapped in the table ----------------------------------
def test_tab_from_the_products_search_reaches_the_form_and_save(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    """Keyboard-only (no mouse on a stall laptop's sticky touchpad): on the products page the vendor searches,
    then presses Tab to reach the product form. The first Tab goes into the product table, and every further Tab
    only walks its cells (tab-key navigation left on): the SKU, name, price fields and Save are never reached."""
    from PySide6.QtWidgets import QApplication

    window.resize(1024, 600)
    screen: Any = window.show_page("products")
    qtbot.waitUntil(lambda: screen.found.rowCount() > 0)
    screen.search.setFocus()
    reached = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert screen.name in reached and screen.save_button in reached, \
        f"Tab reached only {sorted({type(w).__name__ for w in reached})}"

"""At the booth window: a catalogue whose two products share a code is named at start and a scan of the code
rings up neither; the products screen refuses such a save; number fields refuse an amount beyond the limit."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import pytest
from conftest import BAG, CHIPS, ean, make_ctx  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import idle, scan, type_text  # type: ignore[import-not-found]

from otop_pos.booth.catalogue import list_products, save_product
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.core.limits import MAX_DOCUMENT_SATANG
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.products_screen import ProductsScreen
from otop_pos.ui.theme import apply_theme
from otop_pos.ui.widgets import MessageDialog, NumberEdit

CLASH = (f"The code {CHIPS} is both the SKU of “น้ำพริกเผา ({CHIPS})” and the barcode of "
         "“ข้าวเกรียบฟักทอง (X-01)”.")


@contextmanager
def started(shop: SqliteStore, clock: FixedClock, qapp: QApplication, qtbot: Any) -> Iterator[tuple[Any, MainWindow]]:
    """The booth window on ``shop`` at 1024×600, shown, closed after the block."""
    apply_theme(qapp, 600)
    ctx = make_ctx(shop, clock)
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1024, 600)
        w.show()
        qtbot.waitExposed(w)
        yield ctx, w
    finally:
        ctx.runner.wait()
        ctx.shutdown()


def _clash_by_hand(store: SqliteStore) -> None:
    """A product whose SKU is the chips' barcode, written straight into the store (as before the checks)."""
    con = sqlite3.connect(store.path)
    with con:
        con.execute("INSERT INTO product (sku, name, product_type, price_satang, barcode, stock, sold_out, active, "
                    "sort_order, updated_at) VALUES (?, 'น้ำพริกเผา', 'อาหาร', 6500, NULL, NULL, 0, 1, 99, ?)",
                    (CHIPS, datetime(2020, 10, 26).isoformat()))
    con.close()


def test_a_clash_is_named_at_start_a_scan_of_it_rings_up_neither_and_fixing_it_clears_the_warning(
        shop: SqliteStore, clock: FixedClock, qapp: QApplication, qtbot: Any) -> None:
    _clash_by_hand(shop)
    with started(shop, clock, qapp, qtbot) as (ctx, w):
        qtbot.waitUntil(lambda: w.catalogue_banner.isVisible())
        assert w.catalogue_banner.text() == (
            "Two products share a code, so the sell screen refuses a scan of it:\n"
            f"{CLASH} Edit one of them in Products.")
        assert w.catalogue_banner.kind == "warn"
        w.sell.search.setFocus()
        scan(qtbot, w.sell.search, CHIPS)
        qtbot.waitUntil(lambda: w.sell.toast.isVisible())
        assert w.sell.toast.text() == f"{CLASH} The scan is refused: edit one of them in Products."
        assert w.sell.toast.kind == "error"
        assert ctx.cart.is_empty
        scan(qtbot, w.sell.search, BAG)                      # other codes still sell
        qtbot.waitUntil(lambda: not ctx.cart.is_empty)
        assert [ln.name for ln in ctx.cart.lines] == ["กระเป๋าสานเตยปาหนัน"]
        # the fix the warning asks for: give the chips another barcode in Products
        screen = w.show_page("products")
        assert isinstance(screen, ProductsScreen)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 7)
        screen.table.selectRow(screen.model.position_of("X-01"))
        screen.barcode.setText(ean("885000000009"))
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not w.catalogue_banner.isVisible())
        idle(qtbot, ctx)
        assert ctx.index.lookup(CHIPS).name == "น้ำพริกเผา"  # the SKU is a code of its own again


def test_no_warning_when_the_catalogue_is_sound(window: MainWindow, ctx: Any, qtbot: Any) -> None:
    idle(qtbot, ctx)
    assert not window.catalogue_banner.isVisible()


def test_the_products_screen_refuses_a_sku_that_is_another_products_barcode(
        window: MainWindow, ctx: Any, shop: SqliteStore, qtbot: Any) -> None:
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.sku, BAG)
    type_text(qtbot, screen.name, "น้ำพริกเผา")
    qtbot.keyClicks(screen.price, "65")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.error.isVisible())
    assert screen.error.text() == (f"The code {BAG} is both the SKU of “น้ำพริกเผา ({BAG})” and the barcode of "
                                   "“กระเป๋าสานเตยปาหนัน (KK20-0001-02)”.")
    idle(qtbot, ctx)
    assert BAG not in [p.sku for p in list_products(shop)]


def test_the_products_screen_refuses_a_price_above_the_limit(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                             qtbot: Any) -> None:
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 6)
    screen.table.selectRow(screen.model.position_of("X-01"))
    screen.price.setText("885633555618588563355")       # a barcode scanned into the price
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.error.isVisible())
    assert "far too large (was a barcode scanned into an amount field?)" in screen.error.text()
    assert next(p for p in list_products(shop) if p.sku == "X-01").price_satang == 3700


@pytest.mark.parametrize("typed, satang", [("10,000,000.00", MAX_DOCUMENT_SATANG), ("๑๒๐", 12000)])
def test_a_number_field_takes_amounts_up_to_the_limit(qtbot: Any, typed: str, satang: int) -> None:
    edit = NumberEdit()
    qtbot.addWidget(edit)
    edit.setText(typed)
    assert edit.satang() == satang == edit.satang_or_none()
    assert edit.problem() == "" and edit.toolTip() == "" and not edit.property("invalid")


@pytest.mark.parametrize("typed, words", [
    ("10,000,000.01", "The amount of 10,000,000.01 baht is more than the app accepts (at most 10,000,000.00 baht)."),
    ("885633555618588563355", "the number is far too large (was a barcode scanned into an amount field?)"),
    ("9" * 5000, "the number is far too large"),
])
def test_a_number_field_refuses_an_amount_beyond_the_limit_without_crashing(qtbot: Any, typed: str,
                                                                            words: str) -> None:
    edit = NumberEdit()
    qtbot.addWidget(edit)
    edit.setText(typed)
    assert edit.satang_or_none() is None
    with pytest.raises(InputError):
        edit.satang()
    assert words in edit.problem()
    assert edit.toolTip() == edit.problem() and edit.property("invalid") is True
    edit.setText("120")
    assert edit.toolTip() == "" and edit.property("invalid") is False


def test_a_number_field_keeps_its_own_limit_and_counts_refuse_a_scan(qtbot: Any) -> None:
    edit = NumberEdit(limit=50000)
    qtbot.addWidget(edit)
    edit.setText("500")
    assert edit.satang() == 50000
    edit.setText("500.01")
    assert edit.satang_or_none() is None
    assert "at most 500.00 baht" in edit.problem()
    edit.setText("8856335556185" * 400)
    with pytest.raises(InputError) as info:
        edit.count()
    assert "must be a whole number of at most 12 digits" in info.value.en
    edit.setText("๒๐")
    assert edit.count() == 20


def test_twins_that_cannot_be_told_apart_are_named_at_start_until_one_is_renamed(
        shop: SqliteStore, clock: FixedClock, qapp: QApplication, qtbot: Any) -> None:
    """Two products with the same name, price and type (written straight into the store, as an old catalogue
    or a hand-edited file brings them) look the same on the sell screen: the window says so at start, and
    giving one another name clears the warning."""
    con = sqlite3.connect(shop.path)
    with con:
        for sku in ("TW-01", "TW-02"):
            con.execute("INSERT INTO product (sku, name, product_type, price_satang, barcode, stock, sold_out, active, "
                        "sort_order, updated_at) VALUES (?, 'น้ำพริกเผา', 'อาหาร', 6500, NULL, NULL, 0, 1, 99, ?)",
                        (sku, datetime(2020, 10, 26).isoformat()))
    con.close()
    with started(shop, clock, qapp, qtbot) as (ctx, w):
        qtbot.waitUntil(lambda: w.catalogue_banner.isVisible())
        assert "TW-01, TW-02" in w.catalogue_banner.text() and "น้ำพริกเผา" in w.catalogue_banner.text()
        assert w.catalogue_banner.kind == "warn"
        screen = w.show_page("products")
        assert isinstance(screen, ProductsScreen)
        qtbot.waitUntil(lambda: screen.model.rowCount() == 8)
        screen.table.selectRow(screen.model.position_of("TW-02"))
        screen.name.setText("น้ำพริกเผา สูตรเผ็ด")
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not w.catalogue_banner.isVisible())


def test_many_problems_keep_to_one_on_the_strip_and_a_tap_shows_them_all(
        shop: SqliteStore, clock: FixedClock, qapp: QApplication, qtbot: Any) -> None:
    """Three pairs of twins: the strip names the first and says how many more; tapping it lists all three."""
    for i, name in enumerate(["แหนมหมู", "กล้วยตาก", "ทองม้วน"]):
        for j in range(2):
            save_product(shop, clock, sku=f"T-{i}{j}", name=name, product_type="อาหาร", price_satang=5000)
    with started(shop, clock, qapp, qtbot) as (_ctx, w):
        qtbot.waitUntil(lambda: w.catalogue_banner.isVisible())
        text = w.catalogue_banner.text()
        assert "แหนมหมู" in text and "กล้วยตาก" not in text
        assert text.endswith("… and 2 more: tap here to see them all.")
        qtbot.mouseClick(w.catalogue_banner, Qt.MouseButton.LeftButton)
        box = next(d for d in w.findChildren(MessageDialog) if d.isVisible())
        every = box.text_label.text().replace("\u200b", "")
        assert all(name in every for name in ("แหนมหมู", "กล้วยตาก", "ทองม้วน")), every
        box.close()

"""The products page (#14 item 9): a search over name, SKU and barcode; long names wrap by word, whole."""
from __future__ import annotations

from typing import Any

from conftest import CHIPS, TEA  # type: ignore[import-not-found]
from PySide6.QtCore import Qt
from ui_helpers import type_text  # type: ignore[import-not-found]

from otop_pos.booth.catalogue import save_product
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.products_screen import ProductsScreen

LONG = "ผ้าไหมมัดหมี่ลายนาคโบราณย้อมสีธรรมชาติทอมือจากกลุ่มแม่บ้านบ้านหนองบัวแดง ผืนใหญ่พิเศษ"


def shown(screen: ProductsScreen) -> list[str]:
    """The names in the table as the vendor sees them (the full name, as its tooltip holds it)."""
    rows = range(screen.found.rowCount())
    return [screen.found.index(r, 2).data(Qt.ItemDataRole.ToolTipRole) for r in rows]


def products_page(window: MainWindow, qtbot: Any, count: int) -> ProductsScreen:
    screen = window.show_page("products")
    assert isinstance(screen, ProductsScreen)
    qtbot.waitUntil(lambda: screen.found.rowCount() == count)
    return screen


def test_search_by_thai_name_sku_or_barcode_and_clear(window: MainWindow, qtbot: Any) -> None:
    screen = products_page(window, qtbot, 6)
    everything = shown(screen)
    assert screen.search.isVisible() and screen.search.placeholderText() == "Search: name, SKU or barcode"
    type_text(qtbot, screen.search, "ผ้า ไหม")              # Thai, a space typed between the words
    assert shown(screen) == ["ผ้าไหมมัดหมี่"]
    screen.search.setText("กระ")                             # part of a name, two products have it
    assert sorted(shown(screen)) == ["กระติบข้าวเหนียว", "กระเป๋าสานเตยปาหนัน"]
    screen.search.setText("x-0 2")                           # SKU X-02, lower case, a stray space
    assert shown(screen) == ["ชาใบหม่อน"]
    screen.search.setText(TEA[:12])                          # the barcode without its check digit
    assert shown(screen) == ["ชาใบหม่อน"]
    screen.search.setText(CHIPS)
    assert shown(screen) == ["ข้าวเกรียบฟักทอง"]
    screen.search.setText("ไม่มีสินค้านี้")
    assert shown(screen) == []
    screen.search.clear()
    assert shown(screen) == everything


def test_a_found_product_opens_in_the_form(window: MainWindow, qtbot: Any) -> None:
    screen = products_page(window, qtbot, 6)
    screen.search.setText("ชาใบ")
    screen.table.selectRow(0)
    assert (screen.sku.text(), screen.name.text()) == ("X-02", "ชาใบหม่อน")


def test_a_long_name_wraps_by_word_instead_of_being_cut(window: MainWindow, shop: SqliteStore,
                                                        clock: FixedClock, qtbot: Any) -> None:
    save_product(shop, clock, sku="X-05", name=LONG, product_type="ผ้าและเครื่องแต่งกาย", price_satang=350000)
    screen = products_page(window, qtbot, 7)
    row = shown(screen).index(LONG)
    short = 0 if row else 1
    qtbot.waitUntil(lambda: screen.table.rowHeight(row) > screen.table.rowHeight(short))
    cell = screen.table.visualRect(screen.found.index(row, 2))
    text = screen.found.index(row, 2).data()
    needed = screen.table.fontMetrics().boundingRect(0, 0, cell.width() - 8, 10_000,
                                                     Qt.TextFlag.TextWordWrap, text).height()
    assert needed > screen.table.fontMetrics().height()      # the name does not fit on one line here
    assert cell.height() >= needed                           # and its row holds every line of it
    assert "\u200b" in text and text.replace("\u200b", "") == LONG   # wrapped between words, nothing cut

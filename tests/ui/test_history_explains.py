"""History that explains itself: voided sales struck and coloured, refund documents listed under their own
numbers and linked both ways, the refund column spelled out, a reason beside each greyed action, the day's
totals (the Z report's) under the list."""
from __future__ import annotations

from typing import Any

from conftest import BASKET, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from ui_helpers import idle  # type: ignore[import-not-found]

from otop_pos.booth.adjustments import AdjustmentResult, RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.days import zreport
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import list_history
from otop_pos.core.clock import FixedClock
from otop_pos.core.thaidate import fair_day
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.history_screen import HistoryScreen
from otop_pos.ui.i18n import install_language, money
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.models import SalesHistoryModel
from otop_pos.ui.theme import ROLES


def sell(store: SqliteStore, clock: FixedClock, *codes: str, method: str = "cash") -> SaleResult:
    index = CatalogueIndex.load(store)
    cart = Cart()
    for code in codes:
        product = index.lookup(code)
        assert product is not None
        cart = cart.add(product)
    pay = PaymentIn("cash", tendered_satang=cart.total_satang) if method == "cash" else PaymentIn(
        method, cart.total_satang)  # type: ignore[arg-type]
    return checkout(store, clock, cart, [pay], print_receipt=False)


def a_day(shop: SqliteStore, clock: FixedClock) -> tuple[SaleResult, SaleResult, SaleResult, AdjustmentResult]:
    """Three sales (cash, PromptPay, transfer); the first voided, one line of the third refunded."""
    voided = sell(shop, clock, BASKET)
    paid = sell(shop, clock, SCARF, method="promptpay")
    partly = sell(shop, clock, BASKET, CHIPS, method="transfer")
    void_sale(shop, clock, voided.number, "ลูกค้าเปลี่ยนใจ", "1234", print_receipt=False)
    refund = refund_sale(shop, clock, partly.number, "ชำรุด", "1234", lines=[RefundLineIn(2, 1)], method="cash",
                         print_receipt=False)
    return voided, paid, partly, refund


def open_history(window: MainWindow, ctx: Any, qtbot: Any) -> HistoryScreen:
    screen = window.show_page("history")
    assert isinstance(screen, HistoryScreen)
    idle(qtbot, ctx)
    return screen


def pick(screen: HistoryScreen, qtbot: Any, uuid: str) -> None:
    row = screen.model.row_of(uuid)
    assert row >= 0
    screen.table.selectRow(row)
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.row.uuid == uuid)


def test_a_voided_sale_is_struck_through_in_the_void_colour(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                           clock: FixedClock, qtbot: Any) -> None:
    voided, paid, _partly, _refund = a_day(shop, clock)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    v, p = m.row_of(voided.uuid), m.row_of(paid.uuid)
    font = m.data(m.index(v, 0), Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()
    assert m.data(m.index(v, 4), Qt.ItemDataRole.FontRole).strikeOut()
    assert m.data(m.index(v, 0), Qt.ItemDataRole.ForegroundRole) == QColor(ROLES.history_void.fg)
    assert m.data(m.index(v, 5)) == "Void"                                 # the status word stays, not struck
    assert m.data(m.index(v, 5), Qt.ItemDataRole.FontRole) is None
    assert m.data(m.index(v, 5), Qt.ItemDataRole.ForegroundRole) == QColor(ROLES.history_void.fg)
    assert m.data(m.index(p, 0), Qt.ItemDataRole.FontRole) is None          # a paid sale is plain
    assert m.data(m.index(p, 0), Qt.ItemDataRole.ForegroundRole) is None


def test_the_refund_document_is_listed_and_linked_both_ways(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                           clock: FixedClock, qtbot: Any) -> None:
    _voided, _paid, partly, refund = a_day(shop, clock)
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    assert [m.data(m.index(r, 0)) for r in range(m.rowCount())][0] == refund.number   # newest, own number
    r = m.row_of(refund.uuid)
    assert (m.data(m.index(r, 2)), m.data(m.index(r, 4)), m.data(m.index(r, 5))) == ("1", "-37.00", "Refund")
    assert partly.number in m.data(m.index(r, 0), Qt.ItemDataRole.ToolTipRole)
    pick(screen, qtbot, refund.uuid)
    assert refund.number in screen.title.text()
    assert f"Refund of sale {partly.number}" in screen.info.text() and "ชำรุด" in screen.info.text()
    assert not screen.void_button.isEnabled() and not screen.refund_button.isEnabled()
    assert partly.number in screen.why_not.text() and screen.why_not.isVisible()
    assert screen.open_sale_button.isVisible()
    qtbot.mouseClick(screen.open_sale_button, Qt.MouseButton.LeftButton)       # to the sale it refunds
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.row.uuid == partly.uuid)
    assert [m.data(m.index(i, 0)) for i in range(m.rowCount())] == [refund.number, partly.number]
    assert f"Refunds: {refund.number}" in screen.info.text()
    assert not screen.open_sale_button.isVisible()


def test_the_refund_column_is_spelled_out(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                          qtbot: Any) -> None:
    _voided, _paid, partly, _refund = a_day(shop, clock)
    screen = open_history(window, ctx, qtbot)
    pick(screen, qtbot, partly.uuid)
    lines = screen.lines_model
    assert lines.headerData(4, Qt.Orientation.Horizontal) == "Refunded"
    assert [lines.data(lines.index(i, 4)) for i in range(lines.rowCount())] == ["", "1 returned, ฿37.00"]
    install_language("th")
    assert lines.data(lines.index(1, 4)) == "คืนแล้ว 1 ชิ้น ฿37.00"


def test_each_greyed_action_says_why(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                    qtbot: Any) -> None:
    voided, paid, partly, _refund = a_day(shop, clock)
    screen = open_history(window, ctx, qtbot)
    pick(screen, qtbot, partly.uuid)                    # refunded in part: no void, more refunds allowed
    assert not screen.void_button.isEnabled() and screen.refund_button.isEnabled()
    why = f"Sale {partly.number} has refunds; refund the rest instead of voiding."
    assert screen.why_not.text() == why and screen.why_not.isVisible()
    assert screen.void_button.toolTip() == why and screen.refund_button.toolTip() == ""
    pick(screen, qtbot, voided.uuid)
    assert not screen.void_button.isEnabled() and not screen.refund_button.isEnabled()
    assert screen.why_not.text().splitlines() == [f"Sale {voided.number} is already void.",
                                                  f"Sale {voided.number} is void."]
    pick(screen, qtbot, paid.uuid)                       # nothing refused: nothing to explain
    assert screen.void_button.isEnabled() and screen.refund_button.isEnabled()
    assert screen.why_not.isHidden() and screen.void_button.toolTip() == ""


def test_the_day_totals_under_the_list_are_the_z_reports(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                         clock: FixedClock, qtbot: Any) -> None:
    a_day(shop, clock)
    screen = open_history(window, ctx, qtbot)
    z = zreport(shop, business_date=fair_day(clock.now()))
    by = dict(z.by_method)
    qtbot.waitUntil(lambda: screen.totals.text() != "")
    text = screen.totals.text()
    assert f"{z.sales_count} sales {money(z.gross_satang)}" in text
    assert f"refunds {money(z.refunds_satang)}" in text and f"voids {money(z.voids_satang)}" in text
    assert text.startswith(f"Day total: net {money(z.net_satang)}")
    assert f"Cash {money(by['cash'])}" in text and f"PromptPay {money(by['promptpay'])}" in text
    assert f"Transfer {money(by['transfer'])}" in text
    assert (z.sales_count, z.voids_count, z.refunds_count) == (3, 1, 1)
    assert screen.totals.isVisible()


def test_the_history_model_with_refund_rows_passes_the_model_tester(shop: SqliteStore, clock: FixedClock,
                                                                   qtmodeltester: Any) -> None:
    a_day(shop, clock)
    model = SalesHistoryModel(lambda offset, limit: list_history(shop, offset=offset, limit=limit), page=2)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 4
    qtmodeltester.check(model)


def test_a_long_name_in_the_detail_wraps_by_word_instead_of_being_cut(window: MainWindow, ctx: Any,
                                                                       shop: SqliteStore, clock: FixedClock,
                                                                       qtbot: Any) -> None:
    """At 1024×600 with the refund column filled, the product column is narrow: each name is drawn whole, over
    as many lines as it needs, broken between Thai words (the model keeps the name as typed)."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    from otop_pos.core.thai_wordbreak import wrap_thai

    _voided, _paid, partly, _refund = a_day(shop, clock)
    window.resize(1024, 600)
    screen = open_history(window, ctx, qtbot)
    pick(screen, qtbot, partly.uuid)
    view, lines = screen.lines, screen.lines_model
    qtbot.waitUntil(lambda: lines.rowCount() == 2)
    screen.splitter.setSizes([700, 324])        # the detail as narrow as a long list leaves it
    qtbot.wait(50)
    fm = QFontMetrics(view.font())
    width = view.columnWidth(0) - 8
    assert any(fm.horizontalAdvance(lines.data(lines.index(r, 0))) > width for r in range(lines.rowCount()))
    for r in range(lines.rowCount()):
        name = lines.data(lines.index(r, 0))
        assert "\u200b" not in name
        needed = fm.boundingRect(QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, wrap_thai(name)).height()
        assert view.rowHeight(r) >= needed, (name, view.rowHeight(r), needed, width)
        assert fm.horizontalAdvance(name) <= width or needed > fm.height(), name   # cut names would need a line

"""History: find a sale, show it, reprint a COPY, void with the manager PIN (wrong, then right), refund lines."""
from __future__ import annotations

from typing import Any

from conftest import BAG, BASKET, CHIPS, SCARF  # type: ignore[import-not-found]
from PySide6.QtCore import QModelIndex, Qt
import zxingcpp
from ui_helpers import gone, idle, modal, qimage_to_pil, type_text  # type: ignore[import-not-found]

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.printjobs import list_jobs
from otop_pos.booth.queries import booth_report, list_sales, sale_detail
from otop_pos.booth.settings import update_settings
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.adjust_dialogs import RefundDialog, VoidDialog
from otop_pos.ui.preview import DocumentPreview
from otop_pos.ui.history_screen import HistoryScreen
from otop_pos.ui.main_window import MainWindow


def sell(store: SqliteStore, clock: FixedClock, *codes: str, method: str = "cash") -> SaleResult:
    index = CatalogueIndex.load(store)
    cart = Cart()
    for code in codes:
        product = index.lookup(code)
        assert product is not None
        cart = cart.add(product)
    pay = PaymentIn("cash", tendered_satang=cart.total_satang) if method == "cash" else PaymentIn(
        "promptpay", cart.total_satang)
    return checkout(store, clock, cart, [pay], print_receipt=False)


def open_history(window: MainWindow, ctx: Any, qtbot: Any) -> HistoryScreen:
    screen = window.show_page("history")
    assert isinstance(screen, HistoryScreen)
    idle(qtbot, ctx)
    return screen


def select(screen: HistoryScreen, ctx: Any, qtbot: Any, number: str) -> None:
    row = screen.model.row_of(next(s.uuid for s in ctx.service.list_sales() if s.number == number))
    screen.table.selectRow(row)
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.row.number == number)


def test_history_lists_the_day_searches_and_shows_a_sale(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                         clock: FixedClock, qtbot: Any) -> None:
    first = sell(shop, clock, BASKET, CHIPS)
    second = sell(shop, clock, SCARF, method="promptpay")
    screen = open_history(window, ctx, qtbot)
    m = screen.model
    assert [m.data(m.index(r, 0)) for r in range(m.rowCount())] == [second.number, first.number]
    assert m.data(m.index(0, 3)) == "PromptPay" and m.data(m.index(0, 5)) == "Paid"
    type_text(qtbot, screen.search, "เกรียบ")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [m.data(m.index(r, 0)) for r in range(m.rowCount())] == [first.number])
    select(screen, ctx, qtbot, first.number)
    assert first.number in screen.title.text()
    lines = screen.lines_model
    assert [lines.data(lines.index(r, 0)) for r in range(lines.rowCount())] == ["กระติบข้าวเหนียว", "ข้าวเกรียบฟักทอง"]
    qtbot.mouseClick(screen.preview_button, Qt.MouseButton.LeftButton)
    preview = modal(qtbot, DocumentPreview)
    shown = preview.image_label.pixmap().toImage()
    assert shown.width() == ctx.settings.paper_width
    codes = [r.text for r in zxingcpp.read_barcodes(qimage_to_pil(shown).convert("L"))]
    assert first.number in codes and second.number not in codes   # the receipt of the sale picked
    preview.accept()


def test_reprint_queues_a_copy_that_the_print_worker_prints(window: MainWindow, ctx: Any, shop: SqliteStore,
                                                            clock: FixedClock, printed: Any, qtbot: Any) -> None:
    sale = sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    assert "printer" in screen.toast.text().lower()    # none set up yet: says so, queues nothing
    assert list_jobs(shop, statuses=("pending", "printed")) == []
    ctx.settings_saved(ctx.service.update_settings(printer="dummy", lang="en"))
    qtbot.mouseClick(screen.reprint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printed.transport.jobs) == 1, timeout=10000)
    qtbot.waitUntil(lambda: [(j.kind, j.copy, j.ref_uuid) for j in list_jobs(shop, statuses=("printed",))]
                    == [("sale", True, sale.uuid)])
    qtbot.waitUntil(lambda: window.printer_status.text() == "Printer ready")


def test_void_with_the_wrong_then_the_right_pin(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                               qtbot: Any) -> None:
    sale = sell(shop, clock, BAG, CHIPS)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.void_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, VoidDialog)
    dlg.reason.setCurrentIndex(0)
    qtbot.keyClicks(dlg.pin_edit, "9999")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "PIN" in dlg.error.text())
    assert "4 tries left" in dlg.error.text() and dlg.isVisible() and dlg.pin_edit.text() == ""
    assert list_sales(shop)[0].status == "sale"
    type_text(qtbot, dlg.pin_edit, "๑๒๓๔")           # Thai digits work for the PIN too
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(dlg))
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.row.status == "void")
    assert "Void" in screen.title.text() and "Voided" in screen.toast.text()
    assert not screen.void_button.isEnabled() and not screen.refund_button.isEnabled()
    row = list_sales(shop)[0]
    assert (row.status, row.net_satang) == ("void", 0)
    assert booth_report(shop).net_satang == 0
    m = screen.model
    qtbot.waitUntil(lambda: m.rowCount() == 1 and m.data(m.index(0, 5)) == "Void")


def test_void_needs_a_reason(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    sale = sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    screen.void()
    dlg = modal(qtbot, VoidDialog)
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "reason" in dlg.error.text().lower())
    assert list_sales(shop)[0].status == "sale"


def test_refund_two_lines(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    sale = sell(shop, clock, BAG, CHIPS, CHIPS, SCARF)    # bag 660, chips 2 × 37, scarf 1,190
    screen = open_history(window, ctx, qtbot)
    select(screen, ctx, qtbot, sale.number)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    dlg = modal(qtbot, RefundDialog)
    dlg.checks[2].setChecked(True)                    # one of the two chips
    dlg.qty_edits[2].setText("1")
    dlg.checks[3].setChecked(True)                    # the scarf
    dlg.method.setCurrentIndex(dlg.method.findData("promptpay"))
    qtbot.keyClicks(dlg.reference, "REF9")
    type_text(qtbot, dlg.reason.lineEdit(), "ชำรุด")
    qtbot.keyClicks(dlg.pin_edit, "1234")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(dlg))
    qtbot.waitUntil(lambda: screen.detail is not None and screen.detail.row.status == "partly_refunded")
    assert "1,227.00" in screen.toast.text()
    detail = sale_detail(shop, sale.uuid)
    assert [(ln.sku, ln.refunded_qty, ln.refunded_satang) for ln in detail.lines] == [
        ("KK20-0001-02", 0, 0), ("X-01", 1, 3700), ("X-03", 1, 119000)]
    report = booth_report(shop)
    assert report.refunds_satang == 122700 and report.net_satang == 192400 - 122700
    assert report.by_method["promptpay"] == -122700
    lines = screen.lines_model
    assert lines.data(lines.index(1, 4)) == "1 returned, ฿37.00"


def test_history_pages_through_many_sales(window: MainWindow, ctx: Any, shop: SqliteStore, clock: FixedClock,
                                          qtbot: Any) -> None:
    for _ in range(45):
        sell(shop, clock, CHIPS)
    screen = open_history(window, ctx, qtbot)
    screen.model.page = 20
    screen.reload()
    idle(qtbot, ctx)
    assert screen.model.rowCount() == 20
    screen.table.scrollToBottom()
    qtbot.waitUntil(lambda: screen.model.rowCount() > 20)
    while screen.model.canFetchMore(QModelIndex()):
        screen.table.scrollToBottom()
        qtbot.wait(10)
    assert screen.model.rowCount() == 45 and screen.model.pages_loaded == 3

"""Screenshots of the main screens in Thai and English at 1024×600 and 1920×1080 (for the README and reviews).

    xvfb-run -a python -m otop_pos.ui.screenshots [OUTDIR]      # default: docs/screenshots

Builds a throw-away demo booth (a few products of every type, the fair's payment methods with its schemes, a
morning of sales, a void and a refund, orders in every state) in a temporary folder; nothing touches the real
data folder. The order flow, the co-payment part and the receipts' thermal rasters: ``screenshots_orders``.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from otop_pos.core.clock import FixedClock
from otop_pos.booth.service import BoothService

if TYPE_CHECKING:
    from otop_pos.ui.context import BoothContext
    from otop_pos.ui.main_window import MainWindow
    from otop_pos.ui.pay_dialog import PayDialog

SIZES = ((1024, 600), (1920, 1080))
LANGS = ("th", "en")


def _pump(ms: int = 30) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.003)


def build_store(folder: Path) -> BoothService:
    """A demo booth with products of all five types and some sales, fronted by its booth service."""
    from otop_pos.booth.service import (
        DEMO_FAIR,
        BoothSetup,
        Cart,
        Discount,
        PaymentIn,
        ProductInfo,
        RefundLineIn,
        open_booth_service,
    )
    from otop_pos.core.methods import default_specs
    from otop_pos.core.resources import resource_path
    from otop_pos.core.vocabulary import PRODUCT_TYPE
    from otop_pos.exchange.registry_csv import load_registry

    registry = load_registry(resource_path("demo", "vendors.csv"), resource_path("demo", "catalogue.csv"))
    vendors = {v.code: v for v in registry.vendors}
    per_type: dict[str, list[ProductInfo]] = {t.key: [] for t in PRODUCT_TYPE}
    for p in registry.products:
        kind = p.product_type or vendors[p.vendor_code].product_type
        if kind in per_type and len(per_type[kind]) < 5:
            per_type[kind].append(ProductInfo(p.sku, p.name, kind, p.price_satang, p.barcode,
                                              12 if len(per_type[kind]) == 1 else None))
    products = tuple(spec for specs in per_type.values() for spec in specs)
    clock = FixedClock(datetime(2020, 10, 26, 2, 30, tzinfo=UTC), step=timedelta(seconds=40))
    service = open_booth_service(folder, clock=clock, print_mode="off")
    service.set_up(BoothSetup(booth_code="B001", vendor_code="KK20-0001", vendor_name="สุดา สุขประเสริฐ",
                              product_type="ของใช้ ของตกแต่งและของที่ระลึก", products=products,
                              fair_name=DEMO_FAIR, methods=default_specs()), manager_pin="1234")
    # the fair's methods as its booth package brings them: คนละครึ่ง (50 %, ฿150 a day) and the welfare card too
    service.update_settings(shop_name="ร้านสุดาของดีโคราช", promptpay_id="0812345678",
                            promptpay_name="สุดา สุขประเสริฐ", backup_dir="")
    service.open_day(100000)
    items = list(service.catalogue().products)
    numbers = []
    for i in range(14):
        cart = Cart()
        for k in range(1 + i % 3):
            cart = cart.add(items[(i * 3 + k * 5) % len(items)], 1 + (i + k) % 2)
        if i == 4:
            cart = cart.set_discount(Discount("percent", 1000))
        total = cart.total_satang
        pays = [PaymentIn("cash", tendered_satang=((total + 9999) // 10000) * 10000)] if i % 3 else [
            PaymentIn("promptpay", total, reference=f"{4400 + i}")]
        numbers.append(service.sell(cart, pays).uuid)
    service.void(numbers[3], "ลูกค้าเปลี่ยนใจ", "1234")
    service.refund(numbers[5], "สินค้าชำรุด", "1234", lines=[RefundLineIn(1, 1)])
    return service


def _save(pix: QPixmap, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    pix.save(str(path))
    return path


def _composite(window: QWidget, *dialogs: QWidget) -> QPixmap:
    """The window with each dialog centred on top of the one before, as the vendor sees them."""
    base = window.grab()
    p = QPainter(base)
    for dialog in dialogs:
        over = dialog.grab()
        p.fillRect(base.rect(), QColor(0, 0, 0, 90))
        x = max(0, (base.width() - over.width()) // 2)
        y = max(0, (base.height() - over.height()) // 2)
        p.drawPixmap(QPoint(x, y), over)
        p.setPen(QColor("#adb5bd"))
        p.drawRect(x, y, over.width() - 1, over.height() - 1)
    p.end()
    return base


def _show_dialog(dialog: QDialog, window: QWidget, size: tuple[int, int] | None = None) -> None:
    if size is not None:
        dialog.resize(min(size[0], window.width() - 40), min(size[1], window.height() - 30))
    dialog.show()
    _pump(60)


def _customer_view(pay: PayDialog, out: Path, tag: str, size: tuple[int, int]) -> Path:
    """The customer's PromptPay view (F11) for the pay dialog's QR, at the screen size."""
    from otop_pos.ui.customer_view import CustomerView, settings_channel

    view = CustomerView(None, pay.ctx.settings.shop_name, passive=True, channel=settings_channel(pay.ctx.settings))
    view.set_payload(pay.payload)
    view.resize(*size)
    view.show()
    _pump(60)
    try:
        return _save(view.grab(), out, f"{tag}-customer-promptpay")
    finally:
        view.close()


def shoot(service: BoothService, out: Path, lang: str, size: tuple[int, int]) -> list[Path]:
    """Every screen of one language at one size."""
    from otop_pos.booth.service import Cart, Discount
    from otop_pos.ui.context import BoothContext
    from otop_pos.ui.day_dialogs import CloseDayDialog
    from otop_pos.ui.first_run import PAGE_HOW, PAGE_LANG, PAGE_PAPER, FirstRunDialog
    from otop_pos.ui.history_screen import HistoryScreen
    from otop_pos.ui.main_window import MainWindow
    from otop_pos.ui.pay_dialog import PayDialog
    from otop_pos.ui.products_screen import ProductsScreen
    from otop_pos.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, size[1])
    ctx = BoothContext(service, lang=lang, workers=False)
    made: list[Path] = []
    tag = f"{lang}-{size[0]}x{size[1]}"

    def wait() -> None:
        while ctx.runner.busy:
            _pump(10)
        _pump(40)

    try:
        w = MainWindow(ctx)
        w.resize(*size)
        w.show()
        wait()
        items = list(ctx.index.products)
        cart = Cart().add(items[0], 2).add(items[6]).add(items[11]).add(items[16], 3)
        ctx.set_cart(cart.set_line_discount(1, Discount("amount", 2000)))
        wait()
        made.append(_save(w.grab(), out, f"{tag}-sell"))
        w.sell.on_scan("8850000000997")               # an unknown code: the message lies over the cart's list
        wait()
        made.append(_save(w.grab(), out, f"{tag}-toast-error"))
        w.sell.toast.clear_message()
        pay = PayDialog(ctx, w)
        pay.cash_edit.setText("3,000")
        _show_dialog(pay, w)
        made.append(_save(_composite(w, pay), out, f"{tag}-pay-cash"))
        pay.tabs.setCurrentIndex(1)
        _pump(60)
        made.append(_save(_composite(w, pay), out, f"{tag}-pay-promptpay"))
        made.append(_customer_view(pay, out, tag, size))
        pay.reject()
        _pump(30)
        pay = PayDialog(ctx, w)                       # cash for part of the bill, then F6: the QR shows the rest
        part = (ctx.cart.total_satang // 2) // 10000 * 10000 or 10000
        pay.cash_edit.setText(f"{part // 100:,}")
        _show_dialog(pay, w)
        pay.choose(1)
        _pump(60)
        made.append(_save(_composite(w, pay), out, f"{tag}-pay-parts"))
        ctx.set_parts(())
        pay.reject()
        _pump(30)
        history = w.show_page("history")
        wait()
        assert isinstance(history, HistoryScreen)
        m = history.model                             # the sale refunded in part: its refund, the reasons
        history.table.selectRow(next(r for r in range(m.rowCount()) if m.row(r).status == "partly_refunded"))
        wait()
        made.append(_save(w.grab(), out, f"{tag}-history"))
        w.show_page("day")
        wait()
        close = CloseDayDialog(ctx, w)
        wait()
        left = (close.figures.expected_cash_satang if close.figures else 0) - 2000  # ฿20 short
        for denom in sorted(close.edits, reverse=True):
            n, left = divmod(left, denom)
            close.edits[denom].setText(str(n) if n else "")
        _show_dialog(close, w, (900, close.sizeHint().height()))
        made.append(_save(_composite(w, close), out, f"{tag}-day-close"))
        close.reject()
        products = w.show_page("products")
        wait()
        assert isinstance(products, ProductsScreen)
        products.table.selectRow(2)
        wait()
        made.append(_save(w.grab(), out, f"{tag}-products"))
        settings = w.show_page("settings")
        wait()
        made.append(_save(w.grab(), out, f"{tag}-settings"))
        tabs = settings.findChild(QTabWidget)
        if tabs is not None:
            tabs.setCurrentIndex(2)
            wait()
            made.append(_save(w.grab(), out, f"{tag}-settings-printer"))
        blank = QWidget()
        blank.resize(*size)
        blank.setStyleSheet("background: #dee2e6;")
        first = FirstRunDialog(ctx.service, w)
        _show_dialog(first, w, (820, 540))
        wizard_pages = ((PAGE_LANG, "first-run"), (PAGE_PAPER, "first-run-paper"), (PAGE_HOW, "first-run-setup"))
        for page, name in wizard_pages:
            first.stack.setCurrentIndex(page)
            _pump(30)
            made.append(_save(_composite(blank, first), out, f"{tag}-{name}"))
        first.reject()
        made += _held_and_change(ctx, w, out, tag, wait)
        made += _orders_and_schemes(ctx, w, out, tag, wait, raster=size == SIZES[0])
        w.close()
        w.deleteLater()
        _pump(30)
    finally:
        ctx.shutdown()
    return made


def _held_and_change(ctx: BoothContext, w: MainWindow, out: Path, tag: str,
                     wait: Callable[[], None]) -> list[Path]:
    """The held-bill list (one named, one with money taken) and the change left on screen after a sale.
    The store is left as it was found: the held bills are finished and the sale is the only trace."""
    from otop_pos.booth.service import Cart, PaymentIn
    from otop_pos.ui.held_dialog import HeldBillsDialog
    from otop_pos.ui.pay_dialog import PayDialog

    made: list[Path] = []
    items = list(ctx.index.products)
    w.show_page("sell")
    ctx.set_cart(Cart().add(items[2]).add(items[7], 2))
    ctx.hold("ป้าเสื้อแดง รอลูกสาวมาจ่าย" if ctx.lang == "th" else "Lady in red, daughter pays")
    ctx.set_cart(Cart().add(items[4]))
    ctx.set_parts((PaymentIn("promptpay", ctx.cart.total_satang // 2),))
    ctx.hold()
    ctx.set_cart(Cart().add(items[9]))
    held = HeldBillsDialog(ctx, w)
    _show_dialog(held, w, (640, 420))
    made.append(_save(_composite(w, held), out, f"{tag}-held-bills"))
    held.reject()
    pay = PayDialog(ctx, w)
    pay.cash_edit.setText(f"{(ctx.cart.total_satang + 9999) // 10000 * 100:,}")
    pay.paid.connect(w.sell.sale_done)
    pay.show()
    pay.complete()
    wait()
    made.append(_save(w.grab(), out, f"{tag}-change"))
    for bill in list(ctx.held):                      # leave no held bill behind for the next size
        ctx.recall(bill.uuid)
        ctx.clear_cart()
    wait()
    return made


def _orders_and_schemes(ctx: BoothContext, w: MainWindow, out: Path, tag: str, wait: Callable[[], None], *,
                        raster: bool) -> list[Path]:
    """The order flow and a co-payment part (``screenshots_orders``); ``raster``: also the receipts' PNGs."""
    from otop_pos.ui.screenshots_orders import Camera, order_shots, scheme_shots

    cam = Camera(save=lambda pix, name: _save(pix, out, name), composite=_composite, pump=_pump, wait=wait)
    return order_shots(ctx, w, tag, cam) + scheme_shots(ctx, w, out, tag, cam, raster=raster)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("OTOP_POS_SOUND", "0")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)  # type: ignore[union-attr]
    with tempfile.TemporaryDirectory(prefix="otop-shots-") as tmp:
        service = build_store(Path(tmp) / "booth")
        made: list[Path] = []
        try:
            for lang in LANGS:
                for size in SIZES:
                    made += shoot(service, out, lang, size)
        finally:
            service.close()
    for path in made:
        print(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

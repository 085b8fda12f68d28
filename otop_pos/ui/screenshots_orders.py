"""Screenshots of the order flow and of a co-payment scheme part (for ``otop_pos.ui.screenshots``).

The demo booth gets four orders once (``demo_orders``): one with a deposit due in three days, one due today, one
delivered (the balance by transfer) and one cancelled (its deposit given back). Each language and size then
shows the Orders page with all of them, the take-order dialog filled in (not taken), the order's detail, the
deliver step and the cancel step with the manager's PIN (neither done, so every size shows the same list).
The pay dialog takes a คนละครึ่ง part by F8 (both shares, the slip reference) and cash for the rest; the sale's
receipt is shown as the history's preview shows it. The deposit, delivery and co-payment receipts are also
saved as the 1-bit raster the thermal printer is sent (``{lang}-receipt-*.png``, once per language).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

from otop_pos.booth.service import BoothService, Cart, PaymentIn
from otop_pos.core.thaidate import fair_day

if TYPE_CHECKING:
    from otop_pos.ui.context import BoothContext
    from otop_pos.ui.main_window import MainWindow

#: The demo's customers (personal data stays at the booth: the same names in both languages' screenshots).
SOMSRI, WICHAI, MALEE, PRANEE = "คุณสมศรี ใจดี", "คุณวิชัย มั่นคง", "คุณมาลี ศรีสุข", "คุณปราณี แก้วงาม"
SLIP_REF = "TQ2563-1026-0417"


def demo_orders(service: BoothService, pin: str) -> None:
    """Four orders in every state (once: a store that has orders is left alone)."""
    if service.orders():
        return
    items = list(service.catalogue().products)
    today = fair_day(service.now())
    service.take_order(Cart().add(items[3], 20), customer=SOMSRI, phone="081-234-5678",
                       note="ห่อของขวัญแยก 20 ชิ้น", deliver_on=today + timedelta(days=3), deposit_satang=50000,
                       payments=[PaymentIn("cash", 50000)])
    service.take_order(Cart().add(items[8], 2).add(items[1], 4), customer=WICHAI, phone="089-555-0199",
                       deliver_on=today, deposit_satang=20000, payments=[PaymentIn("promptpay", 20000)])
    delivered = service.take_order(Cart().add(items[12], 3), customer=MALEE, phone="062-777-1234",
                                   deliver_on=today, deposit_satang=30000, payments=[PaymentIn("cash", 30000)])
    service.deliver_order(delivered.number, [PaymentIn("transfer", delivered.balance_satang, reference="5521")])
    cancelled = service.take_order(Cart().add(items[6], 5), customer=PRANEE, phone="", note="",
                                   deliver_on=today + timedelta(days=1), deposit_satang=10000,
                                   payments=[PaymentIn("cash", 10000)])
    service.cancel_order(cancelled.number, pin, refund_deposit=True)


@dataclass(frozen=True)
class Camera:
    """How ``otop_pos.ui.screenshots`` takes a picture: ``save`` a pixmap by name, ``composite`` the window with
    dialogs laid over it, ``pump`` Qt's events for some ms, ``wait`` until the window's worker is idle."""

    save: Callable[[QPixmap, str], Path]
    composite: Callable[..., QPixmap]
    pump: Callable[[int], None]
    wait: Callable[[], None]


def _receipt_png(service: BoothService, ref: str, lang: str, path: Path) -> Path:
    """The receipt ``ref`` as the 1-bit raster the thermal printer is sent, at the booth's paper width."""
    from otop_pos.printing.raster import render_receipt, to_mono

    image = render_receipt(service.receipt_doc(ref, lang=lang), service.settings.paper_width)
    to_mono(image).save(path)
    return path


def receipts(service: BoothService, out: Path, lang: str) -> list[Path]:
    """The deposit receipt (the order with a deposit) and the delivery receipt (the delivered order)."""
    rows = {o.customer: o for o in service.orders()}
    return [_receipt_png(service, rows[SOMSRI].number, lang, out / f"{lang}-receipt-deposit.png"),
            _receipt_png(service, rows[MALEE].sale_number, lang, out / f"{lang}-receipt-delivery.png")]


def order_shots(ctx: BoothContext, w: MainWindow, tag: str, cam: Camera) -> list[Path]:
    """The Orders page with every state, and each step of the flow over it (none of them carried out)."""
    from otop_pos.ui.approval import ManagerPinDialog
    from otop_pos.ui.orders_screen import (CancelOrderDialog, DeliverDialog, OrderDetailDialog, OrdersScreen,
                                           TakeOrderDialog)

    made: list[Path] = []
    demo_orders(ctx.service, "1234")
    page = w.show_page("orders")
    assert isinstance(page, OrdersScreen)
    page.show_all.setChecked(True)
    page.fill()
    cam.wait()

    def select(customer: str) -> None:
        page.table.selectRow(next(r for r, o in enumerate(page.rows) if o.customer == customer))
        cam.wait()

    select(WICHAI)
    made.append(cam.save(w.grab(), f"{tag}-orders"))
    items = list(ctx.index.products)
    ctx.set_cart(Cart().add(items[3], 20))
    cam.wait()
    take = TakeOrderDialog(ctx, w)
    take.customer.setText(SOMSRI)
    take.phone.setText("081-234-5678")
    take.note.setText("ห่อของขวัญแยก 20 ชิ้น" if ctx.lang == "th" else "Gift-wrap each of the 20")
    take.deliver.setDate(take.deliver.date().addDays(3))
    take.deposit.setText("500")
    made.append(_shown(w, take, cam, f"{tag}-order-take"))
    ctx.clear_cart()
    cam.wait()
    select(SOMSRI)
    made.append(_shown(w, OrderDetailDialog(ctx, page.rows[page.table.currentRow()].number, w), cam,
                       f"{tag}-order-detail"))
    select(WICHAI)
    order = page.selected()
    assert order is not None
    made.append(_shown(w, DeliverDialog(ctx, order, w), cam, f"{tag}-order-deliver"))
    select(SOMSRI)
    order = page.selected()
    assert order is not None
    cancel = CancelOrderDialog(ctx, order, w)
    made.append(_shown(w, cancel, cam, f"{tag}-order-cancel", keep=True))
    pin = ManagerPinDialog(ctx, translate_pin_reason(order.number), cancel, action="order_cancel")
    pin.show()
    pin.pin_edit.setText("12")
    cam.wait()
    made.append(cam.save(cam.composite(w, cancel, pin), f"{tag}-order-cancel-pin"))
    pin.reject()
    cancel.reject()
    cam.wait()
    return made


def translate_pin_reason(number: str) -> str:
    from otop_pos.ui.i18n import translate

    return translate("Orders", "The manager's PIN is needed to cancel order {number}.").format(number=number)


def _shown(w: QWidget, dlg: QWidget, cam: Camera, name: str, *, keep: bool = False) -> Path:
    dlg.show()
    cam.pump(60)
    path = cam.save(cam.composite(w, dlg), name)
    if not keep:
        dlg.close()
        cam.pump(20)
    return path


def scheme_shots(ctx: BoothContext, w: MainWindow, out: Path, tag: str, cam: Camera, *,
                 raster: bool) -> list[Path]:
    """F8 in the pay dialog: a คนละครึ่ง part of ฿300 (the state's half, the customer's half, the slip's
    reference), the parts list naming both shares, cash for the rest, and the sale's receipt."""
    from otop_pos.ui.method_dialog import OtherMethodDialog
    from otop_pos.ui.pay_dialog import PayDialog
    from otop_pos.ui.preview import DocumentPreview
    from otop_pos.ui.i18n import translate
    from otop_pos.printing.raster import render_receipt

    made: list[Path] = []
    items = list(ctx.index.products)
    w.show_page("sell")
    ctx.set_cart(Cart().add(items[0], 2).add(items[5]).add(items[10]))
    cam.wait()
    pay = PayDialog(ctx, w)
    pay.show()
    cam.wait()
    pay.other_methods()
    other = pay.other_dialog
    assert isinstance(other, OtherMethodDialog)
    other.choose("copay")
    other.amount.setText("300.00")
    other._propose()                             # as typing the amount does
    other.reference.setText(SLIP_REF)
    cam.wait()
    made.append(cam.save(cam.composite(w, pay, other), f"{tag}-pay-scheme"))
    other.take()
    cam.wait()
    made.append(cam.save(cam.composite(w, pay), f"{tag}-pay-scheme-part"))
    pay.cash_edit.setText(f"{(pay.due() + 9999) // 10000 * 100:,}")
    pay.paid.connect(w.sell.sale_done)
    pay.complete()
    cam.wait()
    sale = pay.sale
    assert sale is not None
    image = render_receipt(ctx.service.receipt_doc(sale.uuid, lang=ctx.lang), ctx.settings.paper_width)
    preview = DocumentPreview(image, translate("History", "Receipt {number}").format(number=sale.number), w)
    preview.resize(min(640, w.width() - 40), w.height() - 30)
    made.append(_shown(w, preview, cam, f"{tag}-receipt-preview-scheme"))
    if raster:
        lang = ctx.lang
        made.append(_receipt_png(ctx.service, sale.uuid, lang, out / f"{lang}-receipt-scheme.png"))
        made += receipts(ctx.service, out, lang)
    w.show_page("sell")
    cam.wait()
    return made

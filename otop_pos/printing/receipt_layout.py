"""Where a receipt's texts go on the thermal slip, in order: header, title, lines, totals, payments, QR codes.

What the receipt says (titles, marks, the words of each row) is decided in ``core.receipt_view``; only layout
decisions live here; the drawing primitives are in ``canvas.py``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from otop_pos.core.channel import channel_caption
from otop_pos.core.documents import ReceiptDoc, ReceiptLine
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht
from otop_pos.core.promptpay import describe_target, promptpay_payload
from otop_pos.core.receipt_view import ReceiptView, receipt_view, receipt_words
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.printing.canvas import Canvas


def label(key: str, lang: str) -> str:
    """The slip's Thai or English word for ``key`` (``core.receipt_view``)."""
    return receipt_words("slip", lang)[key]


def money(satang: int) -> str:
    """An amount as printed: "1,190.00"."""
    return format_baht(satang)


def header(
    c: Canvas, shop_name: str, fair_name: str, booth: str, till: str, lang: str, cashier: str = ""
) -> None:
    """Shop name (large), fair name and booth/till (and cashier), centred."""
    c.text(shop_name, size=1.5, bold=True, align="center")
    c.text(fair_name, size=0.9, align="center")
    where = []
    if booth:
        where.append(f"{label('booth', lang)} {booth}")
    if till:
        where.append(f"{label('till', lang)} {till}")
    if cashier:
        where.append(f"{label('cashier', lang)} {cashier}")
    c.text("   ".join(where), size=0.85, align="center")


def _logo(c: Canvas, path: str) -> None:
    if path and Path(path).is_file():
        c.image(QImage(path), max_width=c.inner * 2 // 3, max_height=c.base_px * 6)


def _title(c: Canvas, v: ReceiptView) -> None:
    c.space()
    c.text(v.title, size=1.25, bold=True, align="center")
    if v.vat_note:
        c.text(v.vat_note, size=0.95, align="center")
    if v.kind_mark:
        c.space()
        c.banner(v.kind_mark, size=1.3, inverted=False)
        if v.reference:
            c.text(v.reference, bold=True, align="center")
        if v.reason:
            c.text(v.reason, size=0.95, align="center")
    if v.copy_mark:
        c.space()
        c.banner(v.copy_mark, size=1.4, inverted=True)


def _meta(c: Canvas, v: ReceiptView) -> None:
    doc, size = v.doc, 0.95
    c.row(f"{v.label('number')} {doc.number}", f"{v.label('date')} {v.date}", size=size)
    if doc.buyer_name:
        c.text(f"{v.label('buyer')} {doc.buyer_name}", size=size)
    if doc.buyer_address:
        c.text(doc.buyer_address, size=size * 0.95, indent=c.base_px)
    if doc.buyer_tax_id:
        c.text(f"{v.label('buyer_tax_id')} {doc.buyer_tax_id}", size=size)
    for i, text in enumerate(v.order_head):
        c.text(text, size=size, bold=i == 0)


def _line(c: Canvas, line: ReceiptLine, lang: str, amount_col: int, qty_col: int) -> None:
    """One sold line: name (wrapped), "qty × unit price" (when the quantity is not 1) and the line total
    on one row; a line discount on a row of its own. Narrow paper stacks the name above the numbers."""
    total = money(line.total_satang)
    qty = f"{line.qty:,} × {money(line.unit_satang)}" if line.qty != 1 or line.discount_satang else ""
    if not qty:
        c.row(line.name, total, right_col=amount_col)
    elif not c.row(line.name, total, right_col=amount_col, mid=qty, mid_col=qty_col):
        c.text(line.name)
        c.row(qty, total, right_col=amount_col, left_align="right")
    if line.discount_satang:
        c.row(f"{label('discount', lang)} -{money(line.discount_satang)}", "", size=0.9,
              right_col=amount_col, left_align="right")


def _payments(c: Canvas, v: ReceiptView, amount_col: int) -> None:
    shown_change = False
    for pay in v.payments:
        c.row(pay.name, money(pay.amount_satang), right_col=amount_col)
        if pay.shares:
            c.row(pay.shares, "", indent=c.base_px, size=0.85)
        if pay.method == "cash" and pay.tendered_satang is not None:
            c.row(v.label("tendered"), money(pay.tendered_satang), indent=c.base_px,
                  right_col=amount_col, size=0.95)
            c.row(v.label("change"), money(pay.change_satang), indent=c.base_px,
                  right_col=amount_col, size=0.95)
            shown_change = True
        if pay.reference:
            c.row(f"{v.label('ref_no')} {pay.reference}", "", indent=c.base_px, size=0.85)
    if v.doc.change_satang and not shown_change:
        c.row(v.label("change"), money(v.doc.change_satang), right_col=amount_col)


def _promptpay(c: Canvas, doc: ReceiptDoc, lang: str) -> None:
    if not (doc.show_promptpay_qr and doc.promptpay_target and doc.kind == "sale" and doc.total_satang > 0):
        return
    try:
        payload = promptpay_payload(doc.promptpay_target, doc.total_satang)
        masked = describe_target(doc.promptpay_target)
    except InputError:
        c.text(label("promptpay_bad", lang), size=0.85, align="center")
        return
    c.qr(payload, max_dots=min(c.inner, c.base_px * 12))
    method = PAYMENT_METHOD.name("promptpay", lang)
    caption = label("promptpay", lang).format(method=method)
    c.text(f"{caption} {masked}  ฿{money(doc.total_satang)}", size=0.95, align="center")


def _channel(c: Canvas, doc: ReceiptDoc, lang: str) -> None:
    """The producer's link as a QR, its caption above ("ติดตามร้านทาง LINE") and a LINE account's id below."""
    if not doc.channel_url:
        return
    c.rule("dashed")
    c.text(channel_caption(doc.channel_kind, lang), size=1.05, bold=True, align="center")
    c.qr(doc.channel_url, max_dots=min(c.inner, c.base_px * 8), ecc="M")
    account = doc.channel_url.rsplit("/", 1)[-1]
    if doc.channel_kind == "line" and account.startswith("@"):
        c.text(f"LINE {account}", size=0.95, align="center")


def _number_code(c: Canvas, doc: ReceiptDoc) -> None:
    if doc.number_code == "qr":
        c.space()
        c.qr(doc.number, max_dots=c.base_px * 6, ecc="M")
        c.text(doc.number, size=0.85, align="center")
    elif doc.number_code == "barcode":
        c.space()
        c.barcode128(doc.number, height=c.base_px * 2)
        c.text(doc.number, size=0.85, align="center")


def build_receipt(c: Canvas, doc: ReceiptDoc) -> None:
    """Add every block of ``doc`` to ``c`` in print order."""
    v = receipt_view(doc, "slip")
    lang = v.lang
    _logo(c, doc.logo_path)
    header(c, doc.shop_name, doc.fair_name, doc.booth, doc.till, lang, doc.cashier)
    if doc.tax_id:
        c.text(f"{label('tax_id', lang)} {doc.tax_id}", size=0.85, align="center")
    for extra in doc.header_lines:
        c.text(extra, size=0.85, align="center")
    _title(c, v)
    c.space()
    _meta(c, v)

    amounts = [ln.total_satang for ln in doc.lines] + [doc.subtotal_satang, doc.total_satang]
    amounts += [p.amount_satang for p in doc.payments] + [p.tendered_satang or 0 for p in doc.payments]
    amount_col = max(c.advance(money(a)) for a in amounts + [-doc.sale_discount_satang])

    c.rule("dashed")
    qty_col = max((c.advance(f"{ln.qty:,} × {money(ln.unit_satang)}") for ln in doc.lines
                   if ln.qty != 1 or ln.discount_satang), default=0)
    for line in doc.lines:
        _line(c, line, lang, amount_col, qty_col)
    c.rule("dashed")

    if doc.sale_discount_satang or doc.subtotal_satang != doc.total_satang:
        c.row(label("subtotal", lang), money(doc.subtotal_satang), right_col=amount_col)
    if doc.sale_discount_satang:
        c.row(label("sale_discount", lang), money(-doc.sale_discount_satang), right_col=amount_col)
    c.row(v.total_label, money(doc.total_satang), size=1.45, bold=True)
    c.row(v.item_count, f"({v.amount_words})", size=0.9)

    if doc.payments or doc.change_satang:
        c.rule("dashed")
        _payments(c, v, amount_col)
    if v.order_foot:
        c.rule("dashed")
        for text, amount in v.order_foot:
            c.row(text, money(amount), bold=True, right_col=amount_col)

    _promptpay(c, doc, lang)
    if doc.footer_lines:
        c.rule("dashed")
        for extra in doc.footer_lines:
            c.text(extra, size=0.95, align="center")
    _channel(c, doc, lang)
    if v.copy_mark:
        c.space()
        c.text(v.copy_mark, size=1.1, bold=True, align="center")
    _number_code(c, doc)

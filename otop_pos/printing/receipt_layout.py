"""What a receipt shows, in order, in Thai or English: header, title, lines, totals, payments, QR codes.

Only layout decisions live here; the drawing primitives are in ``canvas.py``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from otop_pos.core.bahttext import baht_text, baht_text_en
from otop_pos.core.documents import PAYMENT_METHOD_EN, PAYMENT_METHOD_TH, ReceiptDoc, ReceiptLine
from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht
from otop_pos.core.promptpay import describe_target, promptpay_payload
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.printing.canvas import Canvas

COPY_BANNER = "สำเนา / COPY"

# (Thai, English) labels
L: dict[str, tuple[str, str]] = {
    "receipt": ("ใบเสร็จรับเงิน", "RECEIPT"),
    "tax_invoice": ("ใบกำกับภาษีอย่างย่อ", "ABBREVIATED TAX INVOICE"),
    "vat_included": ("(รวมภาษีมูลค่าเพิ่มแล้ว)", "(VAT included)"),
    "void": ("ยกเลิก", "VOID"),
    "refund": ("คืนเงิน", "REFUND"),
    "ref": ("อ้างอิง", "Ref."),
    "reason": ("เหตุผล:", "Reason:"),
    "tax_id": ("เลขประจำตัวผู้เสียภาษี", "Tax ID"),
    "booth": ("บูธ", "Booth"),
    "till": ("เครื่อง", "Till"),
    "number": ("เลขที่", "No."),
    "date": ("วันที่", "Date"),
    "cashier": ("พนักงาน", "Cashier"),
    "buyer": ("ผู้ซื้อ", "Buyer"),
    "buyer_tax_id": ("เลขผู้เสียภาษีผู้ซื้อ", "Buyer tax ID"),
    "discount": ("ส่วนลด", "Discount"),
    "subtotal": ("รวมเป็นเงิน", "Subtotal"),
    "sale_discount": ("ส่วนลดท้ายบิล", "Bill discount"),
    "total": ("รวมทั้งสิ้น", "TOTAL"),
    "total_void": ("ยอดที่ยกเลิก", "VOIDED TOTAL"),
    "total_refund": ("ยอดคืนเงิน", "REFUND TOTAL"),
    "tendered": ("รับเงิน", "Tendered"),
    "change": ("เงินทอน", "Change"),
    "items": ("จำนวนสินค้า {n} ชิ้น", "{n} item(s)"),
    "promptpay": ("สแกนจ่ายพร้อมเพย์", "PromptPay"),
    "promptpay_bad": ("(ตั้งค่าเลขพร้อมเพย์ไม่ถูกต้อง จึงไม่มีคิวอาร์)",
                      "(PromptPay number is invalid: no QR)"),
}


def label(key: str, lang: str) -> str:
    """The Thai or English label for ``key``."""
    th, en = L[key]
    return en if lang == "en" else th


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


def _title(c: Canvas, doc: ReceiptDoc, lang: str) -> None:
    c.space()
    if doc.title_mode == "abbreviated_tax_invoice":
        c.text(label("tax_invoice", lang), size=1.25, bold=True, align="center")
        c.text(label("vat_included", lang), size=0.95, align="center")
    else:
        c.text(label("receipt", lang), size=1.25, bold=True, align="center")
    if doc.kind in ("void", "refund"):
        c.space()
        c.banner(label(doc.kind, lang), size=1.3, inverted=False)
        if doc.original_number:
            c.text(f"{label('ref', lang)} {doc.original_number}", bold=True, align="center")
        if doc.reason:
            c.text(f"{label('reason', lang)} {doc.reason}", size=0.95, align="center")
    if doc.copy:
        c.space()
        c.banner(COPY_BANNER, size=1.4, inverted=True)


def _meta(c: Canvas, doc: ReceiptDoc, lang: str) -> None:
    date = format_en_date(doc.issued_at) if lang == "en" else format_thai_date(doc.issued_at)
    size = 0.95
    c.row(f"{label('number', lang)} {doc.number}", f"{label('date', lang)} {date}", size=size)
    if doc.buyer_name:
        c.text(f"{label('buyer', lang)} {doc.buyer_name}", size=size)
    if doc.buyer_address:
        c.text(doc.buyer_address, size=size * 0.95, indent=c.base_px)
    if doc.buyer_tax_id:
        c.text(f"{label('buyer_tax_id', lang)} {doc.buyer_tax_id}", size=size)


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


def _payments(c: Canvas, doc: ReceiptDoc, lang: str, amount_col: int) -> None:
    shown_change = False
    names = PAYMENT_METHOD_EN if lang == "en" else PAYMENT_METHOD_TH
    for pay in doc.payments:
        c.row(names.get(pay.method, pay.method), money(pay.amount_satang), right_col=amount_col)
        if pay.method == "cash" and pay.tendered_satang is not None:
            c.row(label("tendered", lang), money(pay.tendered_satang), indent=c.base_px,
                  right_col=amount_col, size=0.95)
            c.row(label("change", lang), money(pay.change_satang), indent=c.base_px,
                  right_col=amount_col, size=0.95)
            shown_change = True
        if pay.reference:
            c.row(f"{label('ref', lang)} {pay.reference}", "", indent=c.base_px, size=0.85)
    if doc.change_satang and not shown_change:
        c.row(label("change", lang), money(doc.change_satang), right_col=amount_col)


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
    c.text(f"{label('promptpay', lang)} {masked}  ฿{money(doc.total_satang)}", size=0.95, align="center")


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
    lang = "en" if doc.lang == "en" else "th"
    _logo(c, doc.logo_path)
    header(c, doc.shop_name, doc.fair_name, doc.booth, doc.till, lang, doc.cashier)
    if doc.tax_id:
        c.text(f"{label('tax_id', lang)} {doc.tax_id}", size=0.85, align="center")
    for extra in doc.header_lines:
        c.text(extra, size=0.85, align="center")
    _title(c, doc, lang)
    c.space()
    _meta(c, doc, lang)

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
    total_key = {"void": "total_void", "refund": "total_refund"}.get(doc.kind, "total")
    c.row(label(total_key, lang), money(doc.total_satang), size=1.45, bold=True)
    words = baht_text_en(abs(doc.total_satang)) if lang == "en" else baht_text(abs(doc.total_satang))
    count = doc.item_count or sum(ln.qty for ln in doc.lines)
    c.row(label("items", lang).format(n=f"{count:,}"), f"({words})", size=0.9)

    if doc.payments or doc.change_satang:
        c.rule("dashed")
        _payments(c, doc, lang, amount_col)

    _promptpay(c, doc, lang)
    if doc.footer_lines:
        c.rule("dashed")
        for extra in doc.footer_lines:
            c.text(extra, size=0.95, align="center")
    if doc.copy:
        c.space()
        c.text(COPY_BANNER, size=1.1, bold=True, align="center")
    _number_code(c, doc)

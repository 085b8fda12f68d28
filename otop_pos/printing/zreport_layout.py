"""What the day-close (Z) report shows, in Thai or English: sales, voids, refunds, methods, cash drawer."""
from __future__ import annotations

from otop_pos.core.documents import ZReportDoc
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.printing.canvas import Canvas
from otop_pos.printing.receipt_layout import header, money

Z: dict[str, tuple[str, str]] = {
    "title": ("รายงานปิดยอดประจำวัน (Z)", "Z REPORT (DAY CLOSE)"),
    "business_date": ("วันที่ขาย", "Business date"),
    "opened": ("เปิดเมื่อ", "Opened"),
    "closed": ("ปิดเมื่อ", "Closed"),
    "still_open": ("ยังไม่ปิด", "still open"),
    "numbers": ("ใบเสร็จเลขที่", "Receipts"),
    "sales": ("ขาย {n} บิล", "Sales: {n}"),
    "gross": ("ยอดขายรวม", "Gross sales"),
    "voids": ("ยกเลิก {n} บิล", "Voids: {n}"),
    "refunds": ("คืนเงิน {n} บิล", "Refunds: {n}"),
    "net": ("ยอดสุทธิ", "NET"),
    "by_method": ("แยกตามวิธีชำระเงิน", "By payment method"),
    "drawer": ("เงินสดในลิ้นชัก", "Cash drawer"),
    "float": ("เงินทอนตั้งต้น", "Opening float"),
    "cash_sales": ("รับเงินสด", "Cash sales"),
    "cash_refunds": ("คืนเงินสด", "Cash refunds"),
    "expected": ("เงินสดที่ควรมี", "Expected cash"),
    "counted": ("นับได้จริง", "Counted cash"),
    "not_counted": ("ยังไม่นับ", "not counted"),
    "difference": ("ส่วนต่าง", "Difference"),
    "counts": ("รายละเอียดการนับ", "Count"),
    "signature": ("ลงชื่อ ..............................", "Signed ..............................."),
}


def _z(key: str, lang: str) -> str:
    th, en = Z[key]
    return en if lang == "en" else th


def _when(lang: str, value: object) -> str:
    from datetime import date, datetime

    if isinstance(value, (datetime, date)):
        return format_en_date(value) if lang == "en" else format_thai_date(value)
    return str(value)


def _signed(satang: int) -> str:
    return ("+" if satang > 0 else "") + money(satang)


def build_zreport(c: Canvas, doc: ZReportDoc) -> None:
    """Add every block of the Z report to ``c`` in print order."""
    lang = "en" if doc.lang == "en" else "th"
    header(c, doc.shop_name, doc.fair_name, doc.booth, doc.till, lang)
    c.space()
    c.text(_z("title", lang), size=1.25, bold=True, align="center")
    c.space()
    small = 0.95
    c.row(_z("business_date", lang), _when(lang, doc.business_date), size=small)
    c.row(_z("opened", lang), _when(lang, doc.opened_at), size=small)
    closed = _when(lang, doc.closed_at) if doc.closed_at else _z("still_open", lang)
    c.row(_z("closed", lang), closed, size=small)
    if doc.first_number or doc.last_number:
        c.row(_z("numbers", lang), f"{doc.first_number} – {doc.last_number}", size=small)

    amounts = [doc.gross_satang, doc.net_satang, doc.expected_cash_satang, doc.float_satang,
               doc.cash_sales_satang, -doc.cash_refunds_satang, -doc.voids_satang, -doc.refunds_satang]
    amounts += [v for _, v in doc.by_method]
    col = max(c.advance(money(a)) for a in amounts)

    c.rule("dashed")
    c.row(_z("sales", lang).format(n=f"{doc.sales_count:,}"), "", right_col=col)
    c.row(_z("gross", lang), money(doc.gross_satang), right_col=col)
    c.row(_z("voids", lang).format(n=f"{doc.voids_count:,}"), money(-doc.voids_satang), right_col=col)
    c.row(_z("refunds", lang).format(n=f"{doc.refunds_count:,}"), money(-doc.refunds_satang), right_col=col)
    c.row(_z("net", lang), money(doc.net_satang), size=1.35, bold=True)

    c.rule("dashed")
    c.text(_z("by_method", lang), bold=True)
    for method, amount in doc.by_method:
        c.row(PAYMENT_METHOD.name(method, lang), money(amount), indent=c.base_px, right_col=col)

    c.rule("dashed")
    c.text(_z("drawer", lang), bold=True)
    c.row(_z("float", lang), money(doc.float_satang), indent=c.base_px, right_col=col)
    c.row(_z("cash_sales", lang), money(doc.cash_sales_satang), indent=c.base_px, right_col=col)
    c.row(_z("cash_refunds", lang), money(-doc.cash_refunds_satang), indent=c.base_px, right_col=col)
    c.row(_z("expected", lang), money(doc.expected_cash_satang), indent=c.base_px, right_col=col, bold=True)
    counted = _z("not_counted", lang)
    if doc.counted_cash_satang is not None:
        counted = money(doc.counted_cash_satang)
    c.row(_z("counted", lang), counted, indent=c.base_px, right_col=col)
    if doc.difference_satang is not None:
        c.row(_z("difference", lang), _signed(doc.difference_satang),
              indent=c.base_px, right_col=col, bold=True)
    if doc.counts:
        c.text(_z("counts", lang), size=0.9)
        for denom, pieces in doc.counts:
            c.row(f"{format_baht(denom, decimals=False)} × {pieces:,}", money(denom * pieces),
                  size=0.9, indent=2 * c.base_px, right_col=col)
    c.rule("dashed")
    c.space(c.base_px * 2)
    c.text(_z("signature", lang), align="center")

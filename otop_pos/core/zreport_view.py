"""What a day-close (Z) report says, for the thermal slip (``printing.zreport_layout``) and the A4 page
(``reports.zreport_pdf``): the title, the words of each row, the payment methods (named by the vocabulary),
the counted cash and the difference as each form writes them.

``zreport_view(doc, form)`` gives finished texts; the renderers only place them. The slip is narrow and
counts on one line ("ขาย 57 บิล"); the page puts counts and amounts in columns, so each form has its own
word list (``_SLIP``, ``_PAGE``), kept side by side here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from otop_pos.core.documents import ZReportDoc
from otop_pos.core.money import format_baht
from otop_pos.core.receipt_view import DocumentView, Form, words_in
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.core.vocabulary import PAYMENT_METHOD, lang_of

__all__ = ["ZReportView", "zreport_view", "zreport_words"]

_SLIP: dict[str, tuple[str, str]] = {
    "title": ("รายงานปิดยอดประจำวัน (Z)", "Z REPORT (DAY CLOSE)"),
    "business_date": ("วันที่ขาย", "Business date"),
    "opened": ("เปิดเมื่อ", "Opened"),
    "closed": ("ปิดเมื่อ", "Closed"),
    "not_closed": ("ยังไม่ปิด", "still open"),
    "numbers": ("ใบเสร็จเลขที่", "Receipts"),
    "sales": ("ขาย {n} บิล", "Sales: {n}"),
    "gross": ("ยอดขายรวม", "Gross sales"),
    "voids": ("ยกเลิก {n} บิล", "Voids: {n}"),
    "refunds": ("คืนเงิน {n} บิล", "Refunds: {n}"),
    "net": ("ยอดสุทธิ", "NET"),
    "by_method": ("แยกตามวิธีชำระเงิน", "By payment method"),
    "shares": ("รัฐ {state} · ลูกค้า {customer}", "state {state} · customer {customer}"),
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
    "orders": ("สั่งจอง (ไม่ใช่ยอดขาย)", "Orders (not sales)"),
    "orders_taken": ("รับสั่งจอง {n} รายการ", "Orders taken: {n}"),
    "deposits": ("รับเงินมัดจำ", "Deposits taken"),
    "deposits_refunded": ("คืนเงินมัดจำ", "Deposits refunded"),
    "deposits_earlier": ("ยอดขายที่ชำระด้วยเงินมัดจำ", "Sales paid by deposits"),
    "open_orders": ("ค้างส่งมอบ {n} รายการ", "Open orders: {n}"),
    "open_deposits": ("มัดจำของรายการค้างส่ง", "Deposits on open orders"),
    "cash_deposits": ("มัดจำเงินสด (สุทธิ)", "Cash deposits (net)"),
}
_PAGE: dict[str, tuple[str, str]] = {
    "title": ("รายงานปิดยอดประจำวัน (Z Report)", "End-of-day report (Z report)"),
    "shop": ("ร้าน", "Shop"), "fair": ("งาน", "Fair"), "booth": ("บูธ", "Booth"), "till": ("เครื่อง", "Till"),
    "business_date": ("วันที่ขาย", "Business date"), "opened": ("เปิดยอด", "Opened"), "closed": ("ปิดยอด", "Closed"),
    "not_closed": ("ยังไม่ปิดยอด", "not closed yet"), "numbers": ("เลขที่ใบเสร็จ", "Receipt numbers"),
    "float": ("เงินทอนตั้งต้น", "Opening float"), "cash_sales": ("ขายเป็นเงินสด", "Cash sales"),
    "cash_refunds": ("คืนเงินสด", "Cash refunds"), "expected": ("เงินสดที่ควรมี", "Expected cash"),
    "counted": ("เงินสดที่นับได้", "Counted cash"), "difference": ("ผลต่าง", "Difference"),
    "short": ("เงินขาด", "short"), "over": ("เงินเกิน", "over"), "exact": ("ตรง", "exact"),
    "not_counted": ("ยังไม่ได้นับ", "not counted"), "item": ("รายการ", "Item"), "amount": ("จำนวนเงิน", "Amount"),
    "count": ("ครั้ง", "Count"), "methods": ("ยอดตามวิธีชำระเงิน", "Totals by payment method"),
    "method": ("วิธีชำระเงิน", "Payment method"), "total": ("รวม", "Total"),
    "shares": ("รัฐ {state} · ลูกค้า {customer}", "state {state} · customer {customer}"),
    "activity": ("ยอดขาย ยกเลิก และคืนเงิน", "Sales, voids and refunds"),
    "sales": ("ขาย (ยอดขายขั้นต้น)", "Sales (gross)"), "voids": ("ยกเลิก", "Voids"), "refunds": ("คืนเงิน", "Refunds"),
    "net": ("ยอดขายสุทธิ", "Net sales"), "denoms": ("นับเงินสดในลิ้นชัก", "Cash count"),
    "denom": ("ชนิดเงิน", "Denomination"), "pieces": ("จำนวน", "Pieces"), "note": ("ธนบัตร", "note"),
    "coin": ("เหรียญ", "coin"), "sign_close": ("ผู้ปิดยอด", "Closed by"), "sign_check": ("ผู้ตรวจสอบ", "Checked by"),
    "sign": ("ลงชื่อ", "Signature"), "page": ("หน้า", "Page"), "printed": ("พิมพ์เมื่อ", "Printed"),
    "orders": ("สั่งจอง (ไม่ใช่ยอดขาย)", "Orders (not sales)"),
    "orders_taken": ("รับสั่งจอง {n} รายการ", "Orders taken: {n}"),
    "deposits": ("รับเงินมัดจำ", "Deposits taken"),
    "deposits_refunded": ("คืนเงินมัดจำ", "Deposits refunded"),
    "deposits_earlier": ("ยอดขายที่ชำระด้วยเงินมัดจำ", "Sales paid by deposits"),
    "open_orders": ("ค้างส่งมอบ {n} รายการ", "Open orders: {n}"),
    "open_deposits": ("มัดจำของรายการค้างส่ง", "Deposits on open orders"),
    "cash_deposits": ("มัดจำเงินสด (สุทธิ)", "Cash deposits (net)"),
}


def zreport_words(form: Form, lang: str | None) -> dict[str, str]:
    """Every word of a Z report of ``form`` in ``lang`` ("th", else English), by key."""
    return words_in(_SLIP if form == "slip" else _PAGE, lang)


@dataclass(frozen=True)
class ZReportView(DocumentView[ZReportDoc]):
    """The finished texts of one Z report in one form; ``words`` holds the labels of the rows."""

    closed: str  # when the day was closed, or "still open"
    numbers: str  # "first – last" receipt numbers ("" when none)
    methods: tuple[tuple[str, int], ...]  # (the method's name, amount)
    schemes: tuple[tuple[str, str], ...]  # (the scheme's name, "state ฿x · customer ฿y")
    counted: str  # the counted cash, or "not counted"
    difference: str  # counted against expected as the form writes it ("" when not counted on the slip)
    orders: tuple[tuple[str, int], ...] = ()  # the orders block (label, amount); empty on a day without orders

    def when(self, value: date | datetime, *, long: bool = False) -> str:
        """A date or time as this report writes it (Thai: Buddhist Era; ``long``: the month in full)."""
        return _when(value, self.lang, long)


def _when(value: date | datetime, lang: str, long: bool = False) -> str:
    return format_en_date(value) if lang == "en" else format_thai_date(value, short=not long)


def _difference(doc: ZReportDoc, form: Form, w: Mapping[str, str]) -> str:
    diff = doc.difference_satang
    if form == "slip":
        return "" if diff is None else ("+" if diff > 0 else "") + format_baht(diff)
    if diff is None:
        return w["not_counted"]
    if diff == 0:
        return f"0.00 ({w['exact']})"
    return f"{format_baht(diff)} ({w['short'] if diff < 0 else w['over']})"


def zreport_view(doc: ZReportDoc, form: Form) -> ZReportView:
    """The texts of ``doc`` as the thermal ``"slip"`` or the A4 ``"page"`` shows them."""
    lang = lang_of(doc.lang)
    w = zreport_words(form, lang)
    counted = w["not_counted"] if doc.counted_cash_satang is None else format_baht(doc.counted_cash_satang)
    names = dict(doc.method_names)
    return ZReportView(
        doc=doc, form=form, lang=lang, words=w,
        closed=_when(doc.closed_at, lang) if doc.closed_at else w["not_closed"],
        numbers=f"{doc.first_number} – {doc.last_number}" if doc.first_number or doc.last_number else "",
        methods=tuple((names.get(m) or PAYMENT_METHOD.name(m, lang), amount) for m, amount in doc.by_method),
        schemes=tuple((names.get(m) or PAYMENT_METHOD.name(m, lang),
                       w["shares"].format(state="฿" + format_baht(state), customer="฿" + format_baht(customer)))
                      for m, customer, state in doc.schemes),
        counted=counted, difference=_difference(doc, form, w), orders=_orders(doc, w),
    )


def _orders(doc: ZReportDoc, w: Mapping[str, str]) -> tuple[tuple[str, int], ...]:
    """The orders rows: what the day took as orders and deposits (money in, not sales), what deposits paid of
    its sales, and the orders open at the close; none when the day saw no orders."""
    if not (doc.orders_taken_count or doc.deposits_satang or doc.deposits_refunded_satang
            or doc.deposits_earlier_satang or doc.open_orders_count):
        return ()
    return ((w["orders_taken"].format(n=f"{doc.orders_taken_count:,}"), doc.orders_taken_satang),
            (w["deposits"], doc.deposits_satang),
            (w["deposits_refunded"], -doc.deposits_refunded_satang),
            (w["deposits_earlier"], doc.deposits_earlier_satang),
            (w["open_orders"].format(n=f"{doc.open_orders_count:,}"), doc.open_orders_satang),
            (w["open_deposits"], doc.open_orders_deposits_satang))

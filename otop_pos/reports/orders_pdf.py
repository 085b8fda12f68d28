"""The orders section of the organiser's PDF report (ยอดสั่งจอง / Orders): what it counts in one sentence, the
fair's orders (taken, deposits, delivered, cancelled, deposits refunded, open), a table per vendor, per product
type and per day (days after the fair's last day marked "หลังวันงาน"), and a line on what came after the fair.

Laid out from ``order_rows`` (nothing counted here); every string drawn by ``thai_pdf`` (extracts exactly).
"""
from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable

from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.reports.model import Figures
from otop_pos.reports.order_rows import after_fair_line, order_day_rows, order_type_rows, order_vendor_rows
from otop_pos.reports.pdf_table import LongTable
from otop_pos.reports.thai_pdf import Align, ThaiParagraph

__all__ = ["orders_section", "orders_title", "ORDERS_PDF"]

ORDERS_PDF: dict[str, dict[str, str]] = {
    "th": {
        "title": "ยอดสั่งจอง",
        "note": "ยอดสั่งจองแยกจากยอดขาย ใบสั่งจองที่ส่งมอบแล้วนับเป็นยอดขายในวันที่ส่งมอบ ครั้งเดียว "
                "(ตามช่วงวันที่ของรายงาน หน่วย: บาท)",
        "item": "รายการ", "count": "จำนวน (ใบ)", "amount": "จำนวนเงิน (บาท)",
        "taken": "รับสั่งจอง", "deposits": "เงินมัดจำที่รับ", "delivered": "ส่งมอบแล้ว", "cancelled": "ยกเลิก",
        "refunded": "คืนเงินมัดจำ", "open": "ยังไม่ส่งมอบ", "total": "รวม",
        "per_vendor": "รายผู้ประกอบการ", "per_type": "ตามประเภทผลิตภัณฑ์", "per_day": "รายวัน",
        "booth": "บูธ", "name": "ผู้ประกอบการ", "ptype": "ประเภทผลิตภัณฑ์", "date": "วันที่", "qty": "ชิ้น",
        "h_taken": "รับสั่ง (ใบ)", "h_value": "มูลค่า (บาท)", "h_deposits": "มัดจำ (บาท)",
        "h_delivered": "ส่งมอบ (ใบ)", "h_delivered_baht": "ส่งมอบ (บาท)", "h_cancelled": "ยกเลิก (ใบ)",
        "h_cancelled_baht": "ยกเลิก (บาท)", "h_refunded": "คืนมัดจำ (บาท)", "h_open": "ค้างส่ง (ใบ)",
        "h_open_baht": "ค้างส่ง (บาท)", "h_open_end": "ค้างส่งสิ้นวัน (บาท)",
        "after_mark": "หลังวันงาน",
        "after": "หลังวันงาน (หลัง {last}): ส่งมอบ {dn} ใบ {dv} บาท ยกเลิก {cn} ใบ คืนเงินมัดจำ {rv} บาท "
                 "คืนเงินค่าสินค้า {fn} ครั้ง {fv} บาท",
        "after_none": "หลังวันงาน (หลัง {last}): ไม่มีการส่งมอบ ยกเลิก หรือคืนเงิน",
        "none": "ไม่มีรายการ",
    },
    "en": {
        "title": "Orders",
        "note": "Orders are apart from sales: a delivered order counts in sales on its delivery day, once "
                "(in the report's dates; open at the end of the last; baht).",
        "item": "Item", "count": "Orders", "amount": "Amount (baht)",
        "taken": "Taken", "deposits": "Deposits received", "delivered": "Delivered", "cancelled": "Cancelled",
        "refunded": "Deposits refunded", "open": "Open (not delivered)", "total": "Total",
        "per_vendor": "Per vendor", "per_type": "Per product type", "per_day": "Per day",
        "booth": "Booth", "name": "Vendor", "ptype": "Product type", "date": "Date", "qty": "Items",
        "h_taken": "Taken", "h_value": "Value (baht)", "h_deposits": "Deposits (baht)",
        "h_delivered": "Delivered", "h_delivered_baht": "Delivered (baht)", "h_cancelled": "Cancelled",
        "h_cancelled_baht": "Cancelled (baht)", "h_refunded": "Deposits refunded (baht)", "h_open": "Open",
        "h_open_baht": "Open (baht)", "h_open_end": "Open at day end (baht)",
        "after_mark": "after the fair",
        "after": "After the fair (after {last}): {dn} delivered, {dv} baht; {cn} cancelled; deposits refunded "
                 "{rv} baht; refunds of sales: {fn}, {fv} baht",
        "after_none": "After the fair (after {last}): nothing delivered, cancelled or refunded.",
        "none": "None.",
    },
}


def _n(value: int) -> str:
    return f"{value:,}"


def orders_title(lang: str) -> str:
    """The section's title in ``lang``."""
    return ORDERS_PDF["th" if lang == "th" else "en"]["title"]


def day_label(f: Figures, d: object, after: bool, lang: str) -> str:
    """A day as the orders tables write it: "3 พ.ย. 2563 (หลังวันงาน)" for a day after the fair."""
    p = ORDERS_PDF["th" if lang == "th" else "en"]
    text = format_thai_date(d) if lang == "th" else format_en_date(d)  # type: ignore[arg-type]
    return f"{text} ({p['after_mark']})" if after else text


def after_fair_text(f: Figures, lang: str) -> str:
    """The "after the fair" line (with the fair's last day), or "" when the figures do not know that day or their
    period ends before it (nothing after the fair is in them)."""
    p = ORDERS_PDF["th" if lang == "th" else "en"]
    a = after_fair_line(f)
    if a.last_day is None or (f.period.last < a.last_day and not a.anything):
        return ""
    last = format_thai_date(a.last_day) if lang == "th" else format_en_date(a.last_day)
    if not a.anything:
        return p["after_none"].format(last=last)
    return p["after"].format(last=last, dn=_n(a.delivered_count), dv=format_baht(a.delivered_satang),
                             cn=_n(a.cancelled_count), rv=format_baht(a.deposits_refunded_satang),
                             fn=_n(a.refunds_count), fv=format_baht(a.refunds_satang))


def orders_section(f: Figures, lang: str, width: float, size: float) -> list[Flowable]:
    """The section's body (its numbered title is the report's): note, the fair's orders, per vendor, type, day."""
    lang = "th" if lang == "th" else "en"
    p = ORDERS_PDF[lang]
    o = {k: int(v) for k, v in f.orders.items()}
    right: Align = "right"

    def head(title: str) -> list[Flowable]:
        return [CondPageBreak(90), ThaiParagraph(title, size, bold=True, space_before=6, space_after=2)]

    def table(header: list[str], rows: list[list[str]], fr: tuple[float, ...], lefts: int,
              total: list[str] | None) -> Flowable:
        if not rows:
            return ThaiParagraph(p["none"], size)
        left: Align = "left"
        aligns: list[Align] = [left] * lefts + [right] * (len(fr) - lefts)
        return LongTable(header, rows, [width * x for x in fr], aligns, size=size, total=total)

    out: list[Flowable] = [ThaiParagraph(p["note"], size - 0.5, space_after=4), table(
        [p["item"], p["count"], p["amount"]],
        [[p["taken"], _n(o.get("taken_count", 0)), format_baht(o.get("taken_satang", 0))],
         [p["deposits"], "", format_baht(o.get("deposits_satang", 0))],
         [p["delivered"], _n(o.get("delivered_count", 0)), format_baht(o.get("delivered_satang", 0))],
         [p["cancelled"], _n(o.get("cancelled_count", 0)), ""],
         [p["refunded"], "", format_baht(o.get("deposits_refunded_satang", 0))],
         [p["open"], _n(o.get("open_count", 0)), format_baht(o.get("open_satang", 0))]],
        (0.5, 0.2, 0.3), 1, None)]
    after = after_fair_text(f, lang)
    if after:
        out.append(ThaiParagraph(after, size, space_before=4, space_after=2))
    vendors = order_vendor_rows(f)
    vkeys = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "cancelled_count", "open_count",
             "open_satang")
    money = {"taken_satang", "deposits_satang", "open_satang", "delivered_satang", "cancelled_satang",
             "deposits_refunded_satang"}

    def cell(key: str, value: int) -> str:
        return format_baht(value) if key in money else _n(value)

    out += head(p["per_vendor"])
    out.append(table(
        [p["booth"], p["name"], p["h_taken"], p["h_value"], p["h_deposits"], p["h_delivered"], p["h_cancelled"],
         p["h_open"], p["h_open_baht"]],
        [[r.booth, r.vendor_name or r.vendor_code,   # the code is in the workbook; the booth names the stall
          *[cell(k, r.counts[k]) for k in vkeys]] for r in vendors],
        (0.07, 0.235, 0.07, 0.12, 0.11, 0.095, 0.095, 0.08, 0.125), 2,
        [p["total"], "", *[cell(k, sum(r.counts[k] for r in vendors)) for k in vkeys]]))
    types = order_type_rows(f)
    tkeys = ("taken_count", "taken_qty", "taken_satang", "delivered_satang", "cancelled_satang", "open_satang")
    out += head(p["per_type"])
    out.append(table(
        [p["ptype"], p["h_taken"], p["qty"], p["h_value"], p["h_delivered_baht"], p["h_cancelled_baht"],
         p["h_open_baht"]],
        [[r.label(lang), *[cell(k, r.counts[k]) for k in tkeys]] for r in types],
        (0.30, 0.09, 0.09, 0.13, 0.13, 0.13, 0.13), 1,
        # an order of two types is one order in each: the values add up, the order counts do not
        [p["total"], "", *[cell(k, sum(r.counts[k] for r in types)) for k in tkeys[1:]]]))
    days = order_day_rows(f)
    dkeys = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
             "cancelled_count", "deposits_refunded_satang")
    out += head(p["per_day"])
    out.append(table(
        [p["date"], p["h_taken"], p["h_value"], p["h_deposits"], p["h_delivered"], p["h_delivered_baht"],
         p["h_cancelled"], p["h_refunded"], p["h_open_end"]],
        [[day_label(f, r.business_date, r.after_fair, lang), *[cell(k, r.counts[k]) for k in dkeys],
          format_baht(r.counts["open_satang"])] for r in days],
        (0.225, 0.07, 0.11, 0.09, 0.095, 0.11, 0.095, 0.09, 0.115), 1,
        [p["total"], *[cell(k, sum(r.counts[k] for r in days)) for k in dkeys], ""]))
    return out

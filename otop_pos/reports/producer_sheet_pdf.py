"""The producer sheet as an A4 Thai PDF (สรุปยอดขายสำหรับผู้ผลิต): one vendor's name and booth, the fair, key figures
(net income, sales, average sale, items, the digital and the scheme shares, open orders), tables of income by
product, by day, by hour and by payment method, and the producer's own link as a QR with its caption. Every
string is drawn by ``thai_pdf`` with the bundled Sarabun font (looks right, extracts exactly).
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_thai_date
from otop_pos.core.vocabulary import DIGITAL_METHODS, FAIR_METHOD_DEFAULTS
from otop_pos.reports.model import ProducerSheet, Row
from otop_pos.reports.pdf_table import LongTable
from otop_pos.reports.receipt_pdf import qr_drawing
from otop_pos.reports.thai_pdf import Align, ThaiParagraph, atomic_output, register_fonts

__all__ = ["write_producer_sheet_pdf", "sheet_file_name", "NO_ORDERS"]

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
SIZE = 10.0
NAVY = colors.HexColor("#1f4e79")
GREY = colors.HexColor("#555555")
QR_SIZE = 34 * mm
#: What the sheet says when the vendor has no order still open (none taken, or all delivered or cancelled).
NO_ORDERS = "ไม่มีรายการสั่งจองที่ค้างส่ง"
_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")
_T = {
    "title": "สรุปยอดขายสำหรับผู้ผลิต", "code": "รหัสผู้ประกอบการ", "booth": "บูธ", "key": "ภาพรวม",
    "net": "รายได้สุทธิ (บาท)", "sales": "จำนวนบิลขาย", "avg": "ยอดเฉลี่ยต่อบิล (บาท)", "items": "สินค้าที่ขายได้ (ชิ้น)",
    "digital": "ชำระผ่านช่องทางดิจิทัล ({names})", "scheme": "ชำระผ่านโครงการของรัฐ (โครงการร่วมจ่าย บัตรสวัสดิการ)",
    "orders": "รายการสั่งจองที่ยังไม่ส่งมอบ", "open_orders": "{n} รายการ มูลค่า {value} บาท",
    "products": "ยอดขายตามสินค้า", "days": "ยอดขายรายวัน", "hours": "ยอดขายตามช่วงเวลา", "methods": "ช่องทางการชำระเงิน",
    "sku": "รหัสสินค้า", "product": "สินค้า", "qty": "จำนวน (ชิ้น)", "income": "รายได้ (บาท)", "day": "วันที่",
    "hour": "ช่วงเวลา", "bills": "บิล", "method": "ช่องทาง", "share": "สัดส่วน", "total": "รวม", "none": "ไม่มีรายการ",
    "link": "ช่องทางออนไลน์ของร้าน", "no_link": "ยังไม่ได้แจ้งช่องทางออนไลน์ (LINE, Facebook หรือร้านออนไลน์) กับผู้จัดงาน",
    "note": "รายได้สุทธิ = ยอดขาย − ยกเลิกการขาย − คืนเงิน นับตามวันที่ของแต่ละเอกสาร ตัวเลขเดียวกับรายงานของผู้จัดงาน",
}


def sheet_file_name(booth: str, vendor_code: str) -> str:
    """A safe file name for a vendor's sheet: ``B001_KK20-0001.pdf``."""
    return f"{_UNSAFE.sub('-', booth) or 'booth'}_{_UNSAFE.sub('-', vendor_code)}.pdf"


def _pct(bp: int) -> str:
    return f"{bp / 100:.2f}%"


def _table(header: Sequence[str], body: Sequence[Sequence[str]], fractions: Sequence[float],
           aligns: Sequence[Align], total: Sequence[str] | None = None) -> Flowable:
    if not body:
        return ThaiParagraph(_T["none"], SIZE)
    return LongTable(header, body, [WIDTH * x for x in fractions], aligns, size=SIZE, total=total)


def _heading(text: str) -> list[Flowable]:
    """A section heading, on the next page when its table's first rows would not follow it on this one."""
    return [CondPageBreak(SIZE * 9), Spacer(1, SIZE * 0.8),
            ThaiParagraph(text, SIZE * 1.3, bold=True, color=NAVY, space_after=SIZE * 0.3)]


def _head(sheet: ProducerSheet) -> Flowable:
    """The title, fair, producer and booth on the left; the link QR with its caption on the right."""
    v = sheet.vendor
    dates = f"{format_thai_date(sheet.first_day)} – {format_thai_date(sheet.last_day)}"
    left: list[Flowable] = [
        ThaiParagraph(_T["title"], SIZE * 1.7, bold=True, color=NAVY),
        ThaiParagraph(" ".join(x for x in (sheet.fair_name, sheet.venue) if x), SIZE * 1.05, color=GREY),
        ThaiParagraph(dates, SIZE, color=GREY, space_after=SIZE * 0.6),
        ThaiParagraph(v.name, SIZE * 1.5, bold=True),
        ThaiParagraph(f"{_T['code']} {v.code} · {_T['booth']} {v.booth}", SIZE * 1.05),
    ]
    right: list[Flowable]
    if sheet.link is not None:
        right = [ThaiParagraph(sheet.link.caption_th, SIZE, bold=True, align="center"),
                 qr_drawing(sheet.link.url, QR_SIZE),
                 ThaiParagraph(sheet.link.url, SIZE * 0.7, align="center", color=GREY)]
    else:
        right = [ThaiParagraph(_T["no_link"], SIZE * 0.85, align="center", color=GREY)]
    side = QR_SIZE + 16
    return Table([[left, right]], colWidths=[WIDTH - side, side],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))


def _key(sheet: ProducerSheet) -> Flowable:
    v = sheet.vendor
    terms = {d.term.key: d.term for d in FAIR_METHOD_DEFAULTS}
    names = " ".join(terms[k].th for k in DIGITAL_METHODS if k in terms)
    orders = NO_ORDERS if not sheet.open_orders_count else _T["open_orders"].format(
        n=f"{sheet.open_orders_count:,}", value=format_baht(sheet.open_orders_satang))
    rows = [
        [_T["net"], format_baht(v.net_satang)],
        [_T["sales"], f"{v.sales_count:,}"],
        [_T["avg"], format_baht(sheet.average_sale_satang)],
        [_T["items"], f"{v.items:,}"],
        [_T["digital"].format(names=names), f"{format_baht(sheet.digital_satang)} ({_pct(sheet.digital_share_bp)})"],
        [_T["scheme"], f"{format_baht(sheet.scheme_satang)} ({_pct(sheet.scheme_share_bp)})"],
        [_T["orders"], orders],
    ]
    return LongTable([_T["key"], ""], rows, [WIDTH * 0.62, WIDTH * 0.38], ["left", "right"], size=SIZE)


def _rows(rows: Sequence[Row], first: str, *, items: bool) -> Flowable:
    body = [[r.label("th"), f"{r.sales_count:,}"] + ([f"{r.items:,}"] if items else []) + [format_baht(r.net_satang)]
            for r in rows]
    total = [_T["total"], f"{sum(r.sales_count for r in rows):,}"] + (
        [f"{sum(r.items for r in rows):,}"] if items else []) + [format_baht(sum(r.net_satang for r in rows))]
    header = [first, _T["bills"]] + ([_T["qty"]] if items else []) + [_T["income"]]
    fractions = [0.40, 0.18, 0.18, 0.24] if items else [0.46, 0.24, 0.30]
    right: Align = "right"
    aligns: list[Align] = ["left", *[right] * (len(fractions) - 1)]
    return _table(header, body, fractions, aligns, total)


def _story(sheet: ProducerSheet) -> list[Flowable]:
    story: list[Flowable] = [_head(sheet), Spacer(1, SIZE)]
    story.append(_key(sheet))
    story += _heading(_T["products"])
    story.append(_table([_T["sku"], _T["product"], _T["qty"], _T["income"]],
                        [[p.sku, p.name, f"{p.qty:,}", format_baht(p.net_satang)] for p in sheet.by_product],
                        [0.20, 0.46, 0.14, 0.20], ["left", "left", "right", "right"],
                        [_T["total"], "", f"{sum(p.qty for p in sheet.by_product):,}",
                         format_baht(sum(p.net_satang for p in sheet.by_product))]))
    story += _heading(_T["days"])
    story.append(_rows(sheet.by_day, _T["day"], items=True))
    story += _heading(_T["hours"])
    story.append(_rows(sheet.by_hour, _T["hour"], items=True))
    story += _heading(_T["methods"])
    story.append(_table([_T["method"], _T["income"], _T["share"]],
                        [[r.label("th"), format_baht(r.net_satang), _pct(r.share_bp)] for r in sheet.by_method],
                        [0.46, 0.30, 0.24], ["left", "right", "right"]))
    story += [Spacer(1, SIZE), ThaiParagraph(_T["note"], SIZE * 0.85, color=GREY)]
    return story


def write_producer_sheet_pdf(sheet: ProducerSheet, path: str | os.PathLike[str]) -> Path:
    """Write one vendor's sheet at ``path`` (atomically); returns the path."""
    register_fonts()
    with atomic_output(path) as tmp:
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN, title=f"{_T['title']} {sheet.vendor.name}",
                                author="otop-pos", creator="otop-pos", subject=sheet.fair_name)
        doc.build(_story(sheet))
    return Path(path)

"""A4 PDF of one till day's close (Z report, รายงานปิดยอดประจำวัน).

Shop, booth and till, the business date (พ.ศ. in Thai), opened/closed times, the float, totals per
payment method, sales/voids/refunds counts and amounts, expected against counted cash with the
difference (highlighted when not zero) and the denomination count. Thai goes through ``thai_pdf``.
"""
from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from otop_pos.core.documents import ZReportDoc
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_en_date, format_thai_date
from otop_pos.reports.thai_pdf import ThaiParagraph, atomic_output, draw_text, register_fonts, thai_table

__all__ = ["write_zreport_pdf"]

_RED = colors.HexColor("#b00020")
_PINK = colors.HexColor("#fde2e4")
_GREEN = colors.HexColor("#e3f4e6")
_LABELS: dict[str, dict[str, str]] = {
    "th": {
        "title": "รายงานปิดยอดประจำวัน (Z Report)", "shop": "ร้าน", "fair": "งาน", "booth": "บูธ",
        "till": "เครื่อง", "date": "วันที่ขาย", "opened": "เปิดยอด", "closed": "ปิดยอด",
        "not_closed": "ยังไม่ปิดยอด", "numbers": "เลขที่ใบเสร็จ",
        "float": "เงินทอนตั้งต้น", "cash_sales": "ขายเป็นเงินสด", "cash_refunds": "คืนเงินสด",
        "expected": "เงินสดที่ควรมี", "counted": "เงินสดที่นับได้", "difference": "ผลต่าง",
        "short": "ขาด", "over": "เกิน", "exact": "ตรง", "not_counted": "ยังไม่ได้นับ",
        "item": "รายการ", "amount": "จำนวนเงิน", "count": "ครั้ง", "methods": "ยอดตามวิธีชำระเงิน",
        "method": "วิธีชำระเงิน", "total": "รวม", "activity": "ยอดขาย ยกเลิก และคืนเงิน",
        "sales": "ขาย (ยอดขายขั้นต้น)", "voids": "ยกเลิก", "refunds": "คืนเงิน", "net": "ยอดขายสุทธิ",
        "denoms": "นับเงินสดในลิ้นชัก", "denom": "ชนิดเงิน", "pieces": "จำนวน", "note": "ธนบัตร",
        "coin": "เหรียญ", "sign_close": "ผู้ปิดยอด", "sign_check": "ผู้ตรวจสอบ", "sign": "ลงชื่อ",
        "page": "หน้า", "printed": "พิมพ์เมื่อ",
    },
    "en": {
        "title": "End-of-day report (Z report)", "shop": "Shop", "fair": "Fair", "booth": "Booth",
        "till": "Till", "date": "Business date", "opened": "Opened", "closed": "Closed",
        "not_closed": "not closed yet", "numbers": "Receipt numbers",
        "float": "Opening float", "cash_sales": "Cash sales", "cash_refunds": "Cash refunds",
        "expected": "Expected cash", "counted": "Counted cash", "difference": "Difference",
        "short": "short", "over": "over", "exact": "exact", "not_counted": "not counted",
        "item": "Item", "amount": "Amount", "count": "Count", "methods": "Totals by payment method",
        "method": "Payment method", "total": "Total", "activity": "Sales, voids and refunds",
        "sales": "Sales (gross)", "voids": "Voids", "refunds": "Refunds", "net": "Net sales",
        "denoms": "Cash count", "denom": "Denomination", "pieces": "Pieces", "note": "note",
        "coin": "coin", "sign_close": "Closed by", "sign_check": "Checked by", "sign": "Signature",
        "page": "Page", "printed": "Printed",
    },
}


def _when(value: date | datetime | None, lang: str, long: bool = False) -> str:
    if value is None:
        return ""
    if lang == "en":
        return format_en_date(value)
    return format_thai_date(value, short=not long)


def _section(title: str, size: float) -> ThaiParagraph:
    return ThaiParagraph(title, size * 1.2, bold=True, space_before=size * 0.9, space_after=size * 0.2)


def _info(doc: ZReportDoc, lab: dict[str, str], width: float, size: float) -> Table:
    """Who, where and when, as a two-column block of label/value pairs."""
    pairs = [(lab["shop"], doc.shop_name)]
    if doc.fair_name:
        pairs.append((lab["fair"], doc.fair_name))
    pairs += [
        (f"{lab['booth']} / {lab['till']}", f"{doc.booth or '-'} / {doc.till or '-'}"),
        (lab["date"], _when(doc.business_date, doc.lang, long=True)),
        (lab["opened"], _when(doc.opened_at, doc.lang)),
        (lab["closed"], _when(doc.closed_at, doc.lang) or lab["not_closed"]),
    ]
    if doc.first_number or doc.last_number:
        pairs.append((lab["numbers"], f"{doc.first_number} – {doc.last_number}"))
    rows = [[ThaiParagraph(k, size, bold=True), ThaiParagraph(v, size)] for k, v in pairs]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    return Table(rows, colWidths=[width * 0.28, width * 0.72], style=TableStyle(style), hAlign="LEFT")


def _difference_text(doc: ZReportDoc, lab: dict[str, str]) -> str:
    diff = doc.difference_satang
    if diff is None:
        return lab["not_counted"]
    if diff == 0:
        return f"0.00 ({lab['exact']})"
    word = lab["short"] if diff < 0 else lab["over"]
    return f"{format_baht(diff)} ({word})"


def _cash(doc: ZReportDoc, lab: dict[str, str], width: float, size: float) -> Table:
    """Float, cash in and out, expected against counted, and the difference."""
    counted = lab["not_counted"] if doc.counted_cash_satang is None else format_baht(doc.counted_cash_satang)
    rows = [
        [lab["item"], lab["amount"]],
        [lab["float"], format_baht(doc.float_satang)],
        [lab["cash_sales"], format_baht(doc.cash_sales_satang)],
        [lab["cash_refunds"], format_baht(-doc.cash_refunds_satang)],
        [lab["expected"], format_baht(doc.expected_cash_satang)],
        [lab["counted"], counted],
        [lab["difference"], _difference_text(doc, lab)],
    ]
    last = len(rows) - 1
    diff = doc.difference_satang
    style: list[tuple[Any, ...]] = [("LINEABOVE", (0, 4), (-1, 4), 0.8, colors.black)]
    if diff:
        style += [("BACKGROUND", (0, last), (-1, last), _PINK), ("BOX", (0, last), (-1, last), 1.5, _RED)]
    elif diff == 0:
        style.append(("BACKGROUND", (0, last), (-1, last), _GREEN))
    table_rows: list[list[Any]] = [list(r) for r in rows]
    table_rows[last] = [ThaiParagraph(rows[last][0], size, bold=True, color=_RED if diff else None),
                        ThaiParagraph(rows[last][1], size, bold=True, align="right",
                                      color=_RED if diff else None)]
    return thai_table(table_rows, [width * 0.6, width * 0.4], size=size, aligns=["left", "right"],
                      bold_rows=[4], extra_style=style)


def _methods(doc: ZReportDoc, lab: dict[str, str], width: float, size: float) -> Table:
    rows = [[lab["method"], lab["amount"]]]
    rows += [[PAYMENT_METHOD.name(m, doc.lang), format_baht(amount)] for m, amount in doc.by_method]
    rows.append([lab["total"], format_baht(sum(a for _m, a in doc.by_method))])
    return thai_table(rows, [width * 0.6, width * 0.4], size=size, aligns=["left", "right"],
                      bold_rows=[-1], extra_style=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)])


def _activity(doc: ZReportDoc, lab: dict[str, str], width: float, size: float) -> Table:
    rows = [
        [lab["item"], lab["count"], lab["amount"]],
        [lab["sales"], f"{doc.sales_count:,}", format_baht(doc.gross_satang)],
        [lab["voids"], f"{doc.voids_count:,}", format_baht(-doc.voids_satang)],
        [lab["refunds"], f"{doc.refunds_count:,}", format_baht(-doc.refunds_satang)],
        [lab["net"], "", format_baht(doc.net_satang)],
    ]
    return thai_table(rows, [width * 0.45, width * 0.2, width * 0.35], size=size,
                      aligns=["left", "right", "right"], bold_rows=[-1],
                      extra_style=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)])


def _denominations(doc: ZReportDoc, lab: dict[str, str], width: float, size: float) -> Table:
    rows = [[lab["denom"], lab["pieces"], lab["amount"]]]
    total = 0
    for value, pieces in sorted(doc.counts, reverse=True):
        kind = lab["note"] if value >= 2000 else lab["coin"]
        label = format_baht(value, decimals=False)
        rows.append([f"{kind} {label}" if doc.lang == "th" else f"{label} {kind}", f"{pieces:,}",
                     format_baht(value * pieces)])
        total += value * pieces
    rows.append([lab["total"], "", format_baht(total)])
    return thai_table(rows, [width * 0.45, width * 0.2, width * 0.35], size=size,
                      aligns=["left", "right", "right"], bold_rows=[-1], zebra=True,
                      extra_style=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)])


def _signatures(lab: dict[str, str], width: float, size: float) -> Table:
    cells = []
    for role in ("sign_close", "sign_check"):
        line = f"{lab['sign']} ......................................"
        cells.append([ThaiParagraph(line, size, align="center"),
                      ThaiParagraph(f"({lab[role]})", size, align="center")])
    return Table([cells], colWidths=[width / 2, width / 2])


def write_zreport_pdf(doc: ZReportDoc, path: str | os.PathLike[str]) -> None:
    """Write the Z report ``doc`` as an A4 PDF at ``path`` (atomically)."""
    register_fonts()
    lab = _LABELS["en" if doc.lang == "en" else "th"]
    margin = 18 * mm
    size = 11.0
    width = A4[0] - 2 * margin - 12
    half = (width - 18) / 2
    blocks = [
        [_section(PAYMENT_METHOD.name("cash", doc.lang), size), _cash(doc, lab, half, size)],
        [_section(lab["methods"], size), _methods(doc, lab, half, size)],
        [_section(lab["activity"], size), _activity(doc, lab, half, size)],
    ]
    if doc.counts:
        blocks.append([_section(lab["denoms"], size), _denominations(doc, lab, half, size)])
    else:
        blocks.append([])
    grid = Table([blocks[0:2], blocks[2:4]], colWidths=[half + 18, half],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [
        ThaiParagraph(lab["title"], size * 1.7, bold=True, align="center", space_after=size * 0.6),
        _info(doc, lab, width, size),
        grid,
    ]
    story += [Spacer(1, size * 3), KeepTogether([_signatures(lab, width, size)])]
    title = f"{lab['title']} {doc.booth} {doc.business_date.isoformat()}"

    def on_page(canvas: Any, template: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#555555"))
        foot = f"{doc.shop_name} · {lab['booth']} {doc.booth} · {_when(doc.business_date, doc.lang)}" \
               f" · {lab['page']} {canvas.getPageNumber()}"
        draw_text(canvas, A4[0] / 2, margin * 0.5, foot, 8, align="center")
        canvas.restoreState()

    with atomic_output(path) as tmp:
        template = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=margin, rightMargin=margin,
                                     topMargin=margin, bottomMargin=margin, title=title,
                                     author=doc.shop_name, creator="otop-pos")
        template.build(story, onFirstPage=on_page, onLaterPages=on_page)

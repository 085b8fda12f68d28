"""A4 PDF of one till day's close (Z report, รายงานปิดยอดประจำวัน).

Shop, booth and till, the business date (พ.ศ. in Thai), opened/closed times, the float, totals per
payment method, sales/voids/refunds counts and amounts, expected against counted cash with the
difference (highlighted when not zero) and the denomination count. Thai goes through ``thai_pdf``.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from otop_pos.core.documents import ZReportDoc
from otop_pos.core.money import format_baht
from otop_pos.core.vocabulary import PAYMENT_METHOD
from otop_pos.core.zreport_view import ZReportView, zreport_view
from otop_pos.reports.thai_pdf import ThaiParagraph, atomic_output, draw_text, register_fonts, thai_table

__all__ = ["write_zreport_pdf"]

_RED = colors.HexColor("#b00020")
_PINK = colors.HexColor("#fde2e4")
_GREEN = colors.HexColor("#e3f4e6")


def _section(title: str, size: float) -> ThaiParagraph:
    return ThaiParagraph(title, size * 1.2, bold=True, space_before=size * 0.9, space_after=size * 0.2)


def _info(v: ZReportView, width: float, size: float) -> Table:
    """Who, where and when, as a two-column block of label/value pairs."""
    doc, lab = v.doc, v.words
    pairs = [(lab["shop"], doc.shop_name)]
    if doc.fair_name:
        pairs.append((lab["fair"], doc.fair_name))
    pairs += [
        (f"{lab['booth']} / {lab['till']}", f"{doc.booth or '-'} / {doc.till or '-'}"),
        (lab["business_date"], v.when(doc.business_date, long=True)),
        (lab["opened"], v.when(doc.opened_at)),
        (lab["closed"], v.closed),
    ]
    if v.numbers:
        pairs.append((lab["numbers"], v.numbers))
    rows = [[ThaiParagraph(k, size, bold=True), ThaiParagraph(value, size)] for k, value in pairs]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    return Table(rows, colWidths=[width * 0.28, width * 0.72], style=TableStyle(style), hAlign="LEFT")


def _cash(v: ZReportView, width: float, size: float) -> Table:
    """Float, cash in and out, expected against counted, and the difference."""
    doc, lab, counted = v.doc, v.words, v.counted
    rows = [
        [lab["item"], lab["amount"]],
        [lab["float"], format_baht(doc.float_satang)],
        [lab["cash_sales"], format_baht(doc.cash_sales_satang)],
        [lab["cash_refunds"], format_baht(-doc.cash_refunds_satang)],
    ]
    if v.orders:
        rows.append([lab["cash_deposits"], format_baht(doc.cash_deposits_satang)])
    expected = len(rows)
    rows += [
        [lab["expected"], format_baht(doc.expected_cash_satang)],
        [lab["counted"], counted],
        [lab["difference"], v.difference],
    ]
    last = len(rows) - 1
    diff = doc.difference_satang
    style: list[tuple[Any, ...]] = [("LINEABOVE", (0, expected), (-1, expected), 0.8, colors.black)]
    if diff:
        style += [("BACKGROUND", (0, last), (-1, last), _PINK), ("BOX", (0, last), (-1, last), 1.5, _RED)]
    elif diff == 0:
        style.append(("BACKGROUND", (0, last), (-1, last), _GREEN))
    table_rows: list[list[Any]] = [list(r) for r in rows]
    table_rows[last] = [ThaiParagraph(rows[last][0], size, bold=True, color=_RED if diff else None),
                        ThaiParagraph(rows[last][1], size, bold=True, align="right",
                                      color=_RED if diff else None)]
    return thai_table(table_rows, [width * 0.6, width * 0.4], size=size, aligns=["left", "right"],
                      bold_rows=[expected], extra_style=style)


def _orders(v: ZReportView, width: float, size: float) -> Table:
    """What the day took as orders and deposits (not sales), and the orders open at the close."""
    lab = v.words
    rows = [[lab["item"], lab["amount"]]] + [[label, format_baht(amount)] for label, amount in v.orders]
    return thai_table(rows, [width * 0.6, width * 0.4], size=size, aligns=["left", "right"])


def _methods(v: ZReportView, width: float, size: float) -> Table:
    lab = v.words
    rows = [[lab["method"], lab["amount"]]]
    rows += [[name, format_baht(amount)] for name, amount in v.methods]
    rows += [[f"  {name}: {shares}", ""] for name, shares in v.schemes]   # the shares of an amount above
    rows.append([lab["total"], format_baht(sum(a for _name, a in v.methods))])
    return thai_table(rows, [width * 0.6, width * 0.4], size=size, aligns=["left", "right"],
                      bold_rows=[-1], extra_style=[("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)])


def _activity(doc: ZReportDoc, lab: Mapping[str, str], width: float, size: float) -> Table:
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


def _denominations(doc: ZReportDoc, lab: Mapping[str, str], width: float, size: float) -> Table:
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


def _signatures(lab: Mapping[str, str], width: float, size: float) -> Table:
    cells = []
    for role in ("sign_close", "sign_check"):
        line = f"{lab['sign']} ......................................"
        cells.append([ThaiParagraph(line, size, align="center"),
                      ThaiParagraph(f"({lab[role]})", size, align="center")])
    return Table([cells], colWidths=[width / 2, width / 2])


def write_zreport_pdf(doc: ZReportDoc, path: str | os.PathLike[str]) -> None:
    """Write the Z report ``doc`` as an A4 PDF at ``path`` (atomically)."""
    register_fonts()
    v = zreport_view(doc, "page")
    lab = v.words
    margin = 18 * mm
    size = 11.0
    width = A4[0] - 2 * margin - 12
    half = (width - 18) / 2
    blocks = [
        [_section(PAYMENT_METHOD.name("cash", doc.lang), size), _cash(v, half, size)],
        [_section(lab["methods"], size), _methods(v, half, size)],
        [_section(lab["activity"], size), _activity(doc, lab, half, size)],
    ]
    if doc.counts:
        blocks.append([_section(lab["denoms"], size), _denominations(doc, lab, half, size)])
    else:
        blocks.append([])
    if v.orders:
        blocks += [[_section(lab["orders"], size), _orders(v, half, size)], []]
    grid = Table([blocks[i:i + 2] for i in range(0, len(blocks), 2)], colWidths=[half + 18, half],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story: list[Flowable] = [
        ThaiParagraph(lab["title"], size * 1.7, bold=True, align="center", space_after=size * 0.6),
        _info(v, width, size),
        grid,
    ]
    story += [Spacer(1, size * 3), KeepTogether([_signatures(lab, width, size)])]
    title = f"{lab['title']} {doc.booth} {doc.business_date.isoformat()}"

    def on_page(canvas: Any, template: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.HexColor("#555555"))
        foot = f"{doc.shop_name} · {lab['booth']} {doc.booth} · {v.when(doc.business_date)}" \
               f" · {lab['page']} {canvas.getPageNumber()}"
        draw_text(canvas, A4[0] / 2, margin * 0.5, foot, 8, align="center")
        canvas.restoreState()

    with atomic_output(path) as tmp:
        template = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=margin, rightMargin=margin,
                                     topMargin=margin, bottomMargin=margin, title=title,
                                     author=doc.shop_name, creator="otop-pos")
        template.build(story, onFirstPage=on_page, onLaterPages=on_page)

"""Where the day-close (Z) report's texts go on the thermal slip: sales, voids, refunds, methods, orders (when
the day saw any), cash drawer.

What it says (title, row words, method names, counted cash and difference) is decided in ``core.zreport_view``.
"""
from __future__ import annotations

from otop_pos.core.documents import ZReportDoc
from otop_pos.core.money import format_baht
from otop_pos.core.zreport_view import zreport_view
from otop_pos.printing.canvas import Canvas
from otop_pos.printing.receipt_layout import header, money


def build_zreport(c: Canvas, doc: ZReportDoc) -> None:
    """Add every block of the Z report to ``c`` in print order."""
    v = zreport_view(doc, "slip")
    z, lang, small = v.label, v.lang, 0.95
    header(c, doc.shop_name, doc.fair_name, doc.booth, doc.till, lang)
    c.space()
    c.text(z("title"), size=1.25, bold=True, align="center")
    c.space()
    c.row(z("business_date"), v.when(doc.business_date), size=small)
    c.row(z("opened"), v.when(doc.opened_at), size=small)
    c.row(z("closed"), v.closed, size=small)
    if v.numbers:
        c.row(z("numbers"), v.numbers, size=small)

    amounts = [doc.gross_satang, doc.net_satang, doc.expected_cash_satang, doc.float_satang,
               doc.cash_sales_satang, -doc.cash_refunds_satang, -doc.voids_satang, -doc.refunds_satang]
    amounts += [a for _, a in v.methods] + [a for _, a in v.orders] + [doc.cash_deposits_satang]
    col = max(c.advance(money(a)) for a in amounts)

    c.rule("dashed")
    c.row(z("sales").format(n=f"{doc.sales_count:,}"), "", right_col=col)
    c.row(z("gross"), money(doc.gross_satang), right_col=col)
    c.row(z("voids").format(n=f"{doc.voids_count:,}"), money(-doc.voids_satang), right_col=col)
    c.row(z("refunds").format(n=f"{doc.refunds_count:,}"), money(-doc.refunds_satang), right_col=col)
    c.row(z("net"), money(doc.net_satang), size=1.35, bold=True)

    c.rule("dashed")
    c.text(z("by_method"), bold=True)
    for name, amount in v.methods:
        c.row(name, money(amount), indent=c.base_px, right_col=col)
    for name, shares in v.schemes:
        c.text(f"{name}: {shares}", size=small, indent=c.base_px)

    if v.orders:
        c.rule("dashed")
        c.text(z("orders"), bold=True)
        for label, amount in v.orders:
            c.row(label, money(amount), indent=c.base_px, right_col=col)

    c.rule("dashed")
    c.text(z("drawer"), bold=True)
    c.row(z("float"), money(doc.float_satang), indent=c.base_px, right_col=col)
    c.row(z("cash_sales"), money(doc.cash_sales_satang), indent=c.base_px, right_col=col)
    c.row(z("cash_refunds"), money(-doc.cash_refunds_satang), indent=c.base_px, right_col=col)
    if v.orders:
        c.row(z("cash_deposits"), money(doc.cash_deposits_satang), indent=c.base_px, right_col=col)
    c.row(z("expected"), money(doc.expected_cash_satang), indent=c.base_px, right_col=col, bold=True)
    c.row(z("counted"), v.counted, indent=c.base_px, right_col=col)
    if v.difference:
        c.row(z("difference"), v.difference, indent=c.base_px, right_col=col, bold=True)
    if doc.counts:
        c.text(z("counts"), size=0.9)
        for denom, pieces in doc.counts:
            c.row(f"{format_baht(denom, decimals=False)} × {pieces:,}", money(denom * pieces),
                  size=0.9, indent=2 * c.base_px, right_col=col)
    c.rule("dashed")
    c.space(c.base_px * 2)
    c.text(z("signature"), align="center")

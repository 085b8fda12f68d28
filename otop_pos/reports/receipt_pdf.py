"""A5/A4 PDF receipts (ใบเสร็จรับเงิน) for buyers who need a formal paper.

Shows what Revenue Code s.105 ทวิ asks of a receipt: issuer name and tax ID (if any), serial
number, date (พ.ศ. in Thai), goods with quantity, unit price and amount, the total and the amount
received, plus the amount in words, buyer fields (filled or left blank to write on) and a
signature line. A VAT-registered vendor gets the abbreviated tax invoice title (s.86/6) with
"ราคารวมภาษีมูลค่าเพิ่มแล้ว". Reprints say สำเนา / COPY; voids and refunds point at the original.
All Thai goes through ``thai_pdf`` (shaped on the page, exact in ``pdftotext``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from reportlab.graphics.barcode import code128
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, SimpleDocTemplate, Spacer, Table, TableStyle

from otop_pos.core.channel import channel_caption
from otop_pos.core.documents import ReceiptDoc
from otop_pos.core.money import format_baht
from otop_pos.core.receipt_view import ReceiptView, receipt_view
from otop_pos.reports.thai_pdf import (
    Align, ThaiParagraph, atomic_output, draw_text, register_fonts, text_width, thai_table,
)

__all__ = ["write_receipt_pdf", "receipt_title"]

_GREY = colors.HexColor("#555555")


def receipt_title(doc: ReceiptDoc) -> str:
    """The document title as printed, e.g. "ใบเสร็จรับเงิน" or "VOID RECEIPT" (``core.receipt_view``)."""
    return receipt_view(doc, "page").title


class _FieldLine(Flowable):  # type: ignore[misc]
    """"label value" or "label ........" (a dotted line to write on) across the frame."""

    def __init__(self, label: str, value: str, size: float) -> None:
        super().__init__()
        self.label, self.value, self.size = label, value, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.size * 1.75
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        y = self.size * 0.45
        label_w = draw_text(c, 0, y, self.label, self.size, bold=True)
        x = label_w + self.size * 0.5
        if self.value:
            draw_text(c, x, y, self.value, self.size)
            return
        c.saveState()
        c.setStrokeColor(_GREY)
        c.setDash(1, 2)
        c.setLineWidth(0.6)
        c.line(x, y - 2, self.width, y - 2)
        c.restoreState()


class _Banner(Flowable):  # type: ignore[misc]
    """A framed word (สำเนา / COPY) drawn in red."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.size * 2.0
        return availWidth, self.height

    def draw(self) -> None:
        c = self.canv
        w = text_width(self.text, self.size, True) + self.size * 1.6
        x0 = (self.width - w) / 2
        c.saveState()
        c.setStrokeColor(colors.HexColor("#b00020"))
        c.setFillColor(colors.HexColor("#b00020"))
        c.setLineWidth(1.5)
        c.roundRect(x0, 1, w, self.height - 2, 4, stroke=1, fill=0)
        draw_text(c, self.width / 2, self.height * 0.32, self.text, self.size, bold=True, align="center")
        c.restoreState()


def _number_code(doc: ReceiptDoc, size: float) -> Flowable | None:
    """A small QR code or Code 128 barcode of the receipt number (``doc.number_code``)."""
    if not doc.number or doc.number_code == "none":
        return None
    if doc.number_code == "barcode":
        return code128.Code128(doc.number, barHeight=size * 0.45, barWidth=0.7, quiet=False)
    return qr_drawing(doc.number, size)


def qr_drawing(data: str, size: float) -> Drawing:
    """A QR code of ``data``, ``size`` points square (with reportlab's quiet zone), centred as a flowable."""
    widget = QrCodeWidget(data, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0])
    drawing.add(widget)
    drawing.hAlign = "CENTER"
    return drawing


def channel_block(url: str, kind: str, lang: str, base: float, size: float) -> list[Flowable]:
    """The producer's link as a QR with its caption ("ติดตามร้านทาง LINE") above; nothing when no link."""
    if not url:
        return []
    return [Spacer(1, base * 0.6), ThaiParagraph(channel_caption(kind, lang), base, align="center"),
            qr_drawing(url, size)]


def _logo(doc: ReceiptDoc, size: float) -> Flowable | None:
    if not doc.logo_path or not Path(doc.logo_path).is_file():
        return None
    try:
        img = Image(doc.logo_path)
    except OSError:
        return None
    ratio = min(size / img.imageWidth, size / img.imageHeight)
    img.drawWidth, img.drawHeight = img.imageWidth * ratio, img.imageHeight * ratio
    return img


def _header(v: ReceiptView, width: float, base: float) -> list[Flowable]:
    """Issuer block and title row."""
    doc, lab = v.doc, v.words
    out: list[Flowable] = []
    issuer: list[Flowable] = [ThaiParagraph(doc.shop_name, base * 1.6, bold=True, align="center")]
    for line in doc.header_lines:
        issuer.append(ThaiParagraph(line, base, align="center"))
    if doc.tax_id:
        issuer.append(ThaiParagraph(f"{lab['tax_id']} {doc.tax_id}", base, align="center"))
    where = [doc.fair_name]
    if doc.booth:
        where.append(f"{lab['booth']} {doc.booth}")
    line = " · ".join(p for p in where if p)
    if line:
        issuer.append(ThaiParagraph(line, base * 0.9, align="center", color=_GREY))
    logo = _logo(doc, 48)
    side = 56.0
    if logo is not None:
        out.append(_grid([[logo, issuer, ""]], [side, width - 2 * side, side]))
    else:
        out.extend(issuer)
    out.append(Spacer(1, base * 0.3))
    title: list[Flowable] = [ThaiParagraph(v.title, base * 1.7, bold=True, align="center")]
    if v.vat_note:
        title.append(ThaiParagraph(v.vat_note, base, align="center"))
    if v.reference:
        title.append(ThaiParagraph(v.reference, base, bold=True, align="center"))
    if v.copy_mark:
        title.append(_Banner(v.copy_mark, base * 1.2))
    code = _number_code(doc, 50)
    out.append(_grid([["", title, code or ""]], [side, width - 2 * side, side], valign="MIDDLE"))
    return out


def _grid(rows: list[list[Any]], widths: list[float], valign: str = "TOP") -> Table:
    style = [("VALIGN", (0, 0), (-1, -1), valign), ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    return Table(rows, colWidths=widths, style=TableStyle(style))


def _meta(v: ReceiptView, width: float, base: float) -> list[Flowable]:
    """Number, date, booth/till and cashier, then the buyer fields."""
    doc, lab = v.doc, v.words
    pairs = [(lab["number"], doc.number), (lab["date"], v.date)]
    if doc.booth or doc.till:
        label = "/".join(lab[k] for k, value in (("booth", doc.booth), ("till", doc.till)) if value)
        pairs.append((label, " / ".join(v for v in (doc.booth, doc.till) if v)))
    if doc.cashier:
        pairs.append((lab["cashier"], doc.cashier))
    cells: list[list[Any]] = []
    for k in range(0, len(pairs), 2):
        row: list[Any] = []
        for label, value in pairs[k:k + 2]:
            row += [ThaiParagraph(label, base, bold=True), ThaiParagraph(value, base)]
        cells.append(row + [""] * (4 - len(row)))
    label_w = max(text_width(p[0], base, True) for p in pairs) + 6
    col = (width - 2 * label_w) / 2
    out: list[Flowable] = [_grid(cells, [label_w, col, label_w, col]), Spacer(1, base * 0.4)]
    out.append(_FieldLine(lab["buyer"], doc.buyer_name, base))
    out.append(_FieldLine(lab["address"], doc.buyer_address, base))
    out.append(_FieldLine(lab["buyer_tax_id"], doc.buyer_tax_id, base))
    out += [ThaiParagraph(text, base, bold=i == 0) for i, text in enumerate(v.order_head)]
    out.append(Spacer(1, base * 0.5))
    return out


def _items(v: ReceiptView, width: float, base: float) -> Table:
    """Goods table with totals, amount received and change."""
    doc, lab = v.doc, v.words
    has_disc = any(line.discount_satang for line in doc.lines)
    head = [lab["no"], lab["item"], lab["qty"], lab["unit"]] + ([lab["discount"]] if has_disc else [])
    rows: list[list[Any]] = [head + [lab["amount"]]]
    for k, line in enumerate(doc.lines, 1):
        row = [str(k), line.name, f"{line.qty:,}", format_baht(line.unit_satang)]
        if has_disc:
            row.append(format_baht(line.discount_satang) if line.discount_satang else "")
        rows.append(row + [format_baht(line.total_satang)])
    # every column but the name is as wide as its widest cell; the name takes the rest
    widths = [max(text_width(r[c], base, r is rows[0]) for r in rows) + 8 for c in range(len(head) + 1)]
    widths[-1] = max(widths[-1], text_width(format_baht(doc.subtotal_satang), base * 1.1, True) + 8)
    widths[1] = width - sum(widths) + widths[1]
    ncol = len(widths)
    body_end = len(rows) - 1

    def total_row(label: str, amount: int | str) -> None:
        value = amount if isinstance(amount, str) else format_baht(amount)
        rows.append([label] + [""] * (ncol - 2) + [value])

    if doc.sale_discount_satang:
        total_row(lab["subtotal"], doc.subtotal_satang)
        total_row(lab["sale_discount"], -doc.sale_discount_satang)
    total_row(v.total_label, doc.total_satang)
    total_at = len(rows) - 1
    rows.append([f"({v.amount_words})"] + [""] * (ncol - 1))
    words_at = len(rows) - 1
    received = sum(p.amount_satang for p in v.payments)
    received_label = v.received_label
    if len(v.payments) > 1:
        total_row(received_label, received)
    for p in v.payments:
        extra = f" {lab['ref_no']} {p.reference}" if p.reference else ""
        label = f"{p.name} ({p.shares}){extra}" if p.shares else f"{p.name}{extra}"
        total_row(f"{received_label} ({label})" if len(v.payments) == 1 else label, p.amount_satang)
        if p.method == "cash" and p.tendered_satang is not None and doc.kind == "sale":
            total_row(lab["tendered"], p.tendered_satang)
    if doc.change_satang and doc.kind == "sale":
        total_row(lab["change"], doc.change_satang)
    aligns: list[Align] = ["center", "left", "right", "right", "right"]
    if has_disc:
        aligns.append("right")
    spans = [("SPAN", (0, r), (ncol - 2, r)) for r in range(body_end + 1, len(rows)) if r != words_at]
    spans.append(("SPAN", (0, words_at), (ncol - 1, words_at)))
    style = spans + [
        ("LINEABOVE", (0, body_end + 1), (-1, body_end + 1), 0.8, colors.black),
        ("BACKGROUND", (0, total_at), (-1, total_at), colors.HexColor("#eeeeee")),
    ]
    table_rows = [[_cell(v, base, r, total_at, words_at, body_end) for v in row]
                  for r, row in enumerate(rows)]
    return thai_table(table_rows, widths, size=base, aligns=aligns, extra_style=style)


def _cell(value: str, base: float, r: int, total_at: int, words_at: int, body_end: int) -> Any:
    """Cells below the goods: labels and amounts right-aligned, the total bold, words centred."""
    if r <= body_end or value == "":
        return value
    if r == words_at:
        return ThaiParagraph(value, base, bold=True, align="center")
    return ThaiParagraph(value, base * (1.1 if r == total_at else 1.0), bold=r == total_at, align="right")


def _signatures(v: ReceiptView, width: float, base: float) -> list[Flowable]:
    doc, lab = v.doc, v.words
    roles = {"sale": ["sign_sale"], "void": ["sign_void"], "refund": ["sign_refund_buyer", "sign_refund"],
             "deposit": ["sign_deposit"]}
    cells: list[Any] = []
    for role in roles[doc.kind]:
        cells.append([
            ThaiParagraph(f"{lab['sign']} ....................................", base, align="center"),
            ThaiParagraph(f"({lab[role]})", base, align="center"),
            ThaiParagraph(f"{lab['date']} ......../......../........", base, align="center"),
        ])
    col = width / 2
    row = ([""] + cells + [""]) if len(cells) == 1 else cells
    widths = [col / 2, col, col / 2] if len(cells) == 1 else [col, col]
    return [Spacer(1, base * 1.5), _grid([row], widths)]


def _decorate(v: ReceiptView) -> Any:
    """Page callback: COPY watermark (under the content) and the page footer."""
    doc, lab = v.doc, v.words

    def on_page(canvas: Any, template: Any) -> None:
        pw, ph = template.pagesize
        canvas.saveState()
        if doc.copy:
            canvas.setFillColor(colors.Color(0.85, 0.1, 0.15, alpha=0.12))
            canvas.translate(pw / 2, ph / 2)
            canvas.rotate(35)
            word = lab["copy"] if doc.lang == "en" else f"{lab['copy']} COPY"
            draw_text(canvas, 0, 0, word, pw * 0.14, bold=True, align="center")
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColor(_GREY)
        foot = f"{v.title} {lab['number']} {doc.number} · {lab['page']} {canvas.getPageNumber()}"
        draw_text(canvas, pw / 2, template.bottomMargin * 0.5, foot, 7, align="center")
        canvas.restoreState()

    return on_page


def write_receipt_pdf(doc: ReceiptDoc, path: str | os.PathLike[str], *,
                      page: Literal["A5", "A4"] = "A5") -> None:
    """Write ``doc`` as a formal receipt PDF at ``path`` (atomically: temp file, then rename)."""
    register_fonts()
    v = receipt_view(doc, "page")
    pagesize = A5 if page == "A5" else A4
    margin = 10 * mm if page == "A5" else 18 * mm
    base = 9.0 if page == "A5" else 11.0
    width = pagesize[0] - 2 * margin - 12  # the frame's own padding is 6 pt a side
    story: list[Flowable] = []
    story += _header(v, width, base)
    story.append(Spacer(1, base * 0.3))
    story += _meta(v, width, base)
    story.append(_items(v, width, base))
    if v.reason:
        story += [Spacer(1, base * 0.5), ThaiParagraph(v.reason, base)]
    for text, amount in v.order_foot:   # a deposit receipt: the deposit paid and the balance due
        story.append(ThaiParagraph(f"{text} {format_baht(amount)}", base * 1.05, bold=True, align="right"))
    if doc.footer_lines:
        story.append(Spacer(1, base * 0.6))
        story += [ThaiParagraph(line, base * 0.9, align="center", color=_GREY) for line in doc.footer_lines]
    story += channel_block(doc.channel_url, doc.channel_kind, v.lang, base, 26 * mm)
    story += _signatures(v, width, base)
    on_page = _decorate(v)
    with atomic_output(path) as tmp:
        template = SimpleDocTemplate(
            tmp, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
            bottomMargin=margin, title=f"{v.title} {doc.number}", author=doc.shop_name,
            subject=v.title, creator="otop-pos",
        )
        template.build(story, onFirstPage=on_page, onLaterPages=on_page)

"""PromptPay QR as a PNG, and an A5 booth sign to stand on the table.

The QR carries exactly ``promptpay_payload(target, amount)``. The PNG is drawn module by module
at a whole number of pixels per module (crisp, no resampling blur); the PDF draws the QR as
vector squares so it prints sharp at any size.
"""
from __future__ import annotations

import os
from typing import Any

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from otop_pos.core.money import format_baht
from otop_pos.core.promptpay import describe_target, promptpay_payload
from otop_pos.reports.thai_pdf import atomic_output, draw_text, register_fonts, text_width

__all__ = ["qr_matrix", "write_promptpay_png", "write_promptpay_sign_pdf"]

PROMPTPAY_BLUE = colors.HexColor("#0b3c6e")
_QUIET = 4  # modules of white border the QR standard asks for


def qr_matrix(data: str) -> list[list[bool]]:
    """QR modules of ``data`` (error correction M) with the 4-module quiet zone; True = dark."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=_QUIET)
    qr.add_data(data)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def write_promptpay_png(target: str, amount_satang: int | None, path: str | os.PathLike[str],
                        size: int = 600) -> None:
    """Write the PromptPay QR for ``target`` (and amount) as a ``size`` × ``size`` PNG."""
    matrix = qr_matrix(promptpay_payload(target, amount_satang))
    n = len(matrix)
    box = max(1, size // n)
    small = Image.new("L", (n, n), 255)
    small.putdata([0 if dark else 255 for row in matrix for dark in row])
    sharp = small.resize((n * box, n * box), Image.Resampling.NEAREST)
    side = max(size, n * box)
    image = Image.new("L", (side, side), 255)
    offset = (side - n * box) // 2
    image.paste(sharp, (offset, offset))
    with atomic_output(path) as tmp:
        image.save(tmp, format="PNG")


def _draw_qr(canvas: Any, matrix: list[list[bool]], x: float, y: float, side: float) -> None:
    """Draw ``matrix`` as black squares in the square (x, y, side), quiet zone included."""
    n = len(matrix)
    cell = side / n
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, side, side, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            # a horizontal run of dark modules, slightly overlapping to avoid hairline seams
            path.rect(x + start * cell, y + side - (r + 1) * cell - 0.01, (c - start) * cell, cell + 0.02)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _fit(text: str, size: float, max_width: float, bold: bool) -> float:
    """The largest font size ≤ ``size`` at which ``text`` fits ``max_width``."""
    width = text_width(text, size, bold)
    return size if width <= max_width else max(size * max_width / width, 6.0)


def write_promptpay_sign_pdf(target: str, shop_name: str, account_name: str,
                             path: str | os.PathLike[str], amount_satang: int | None = None) -> None:
    """Write an A5 sign: "สแกนจ่ายด้วยพร้อมเพย์", shop, big QR, account name and masked number."""
    register_fonts()
    payload = promptpay_payload(target, amount_satang)
    matrix = qr_matrix(payload)
    width, height = A5
    margin = 12 * mm
    inner = width - 2 * margin
    with atomic_output(path) as tmp:
        c = Canvas(tmp, pagesize=A5)
        c.setTitle(f"PromptPay {shop_name}")
        c.setAuthor(shop_name)
        c.setCreator("otop-pos")
        # header band
        band = 34 * mm
        c.setFillColor(PROMPTPAY_BLUE)
        c.rect(0, height - band, width, band, stroke=0, fill=1)
        c.setFillColor(colors.white)
        title = "สแกนจ่ายด้วยพร้อมเพย์"
        draw_text(c, width / 2, height - 17 * mm, title, _fit(title, 26, inner, True), bold=True,
                  align="center")
        draw_text(c, width / 2, height - 27 * mm, "Scan to pay with PromptPay", 14, align="center")
        # shop name
        c.setFillColor(colors.black)
        y = height - band - 13 * mm
        draw_text(c, width / 2, y, shop_name, _fit(shop_name, 22, inner, True), bold=True, align="center")
        # the QR, as large as the page allows
        bottom_block = (46 if amount_satang is not None else 38) * mm
        top = y - 6 * mm
        side = min(inner, top - bottom_block)
        qx, qy = (width - side) / 2, top - side
        c.setStrokeColor(PROMPTPAY_BLUE)
        c.setLineWidth(2)
        c.roundRect(qx - 3 * mm, qy - 3 * mm, side + 6 * mm, side + 6 * mm, 4 * mm, stroke=1, fill=0)
        _draw_qr(c, matrix, qx, qy, side)
        # who gets the money
        y = qy - 11 * mm
        if amount_satang is not None:
            amount = f"ยอดชำระ / Amount  ฿{format_baht(amount_satang)}"
            draw_text(c, width / 2, y, amount, 16, bold=True, align="center")
            y -= 8 * mm
        name = f"ชื่อบัญชี / Account: {account_name}"
        draw_text(c, width / 2, y, name, _fit(name, 13, inner, False), align="center")
        y -= 6.5 * mm
        draw_text(c, width / 2, y, f"พร้อมเพย์ / PromptPay: {describe_target(target)}", 12, align="center")
        c.setFillColor(colors.HexColor("#555555"))
        note = "โปรดตรวจสอบชื่อบัญชีก่อนยืนยันการโอน · Check the account name before you confirm"
        draw_text(c, width / 2, 8 * mm, note, _fit(note, 8.5, inner, False), align="center")
        c.showPage()
        c.save()

"""QR codes for the screen: the ``qrcode`` library's module matrix drawn onto a QImage."""
from __future__ import annotations

import qrcode
import qrcode.constants
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from otop_pos.ui.theme import Ink


def qr_matrix(payload: str) -> list[list[bool]]:
    """The modules of a QR code for ``payload`` with the standard 4-module quiet zone."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, box_size=1)
    qr.add_data(payload)
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def qr_image(payload: str, size_px: int = 320) -> QImage:
    """A crisp black-on-white QR image about ``size_px`` wide (whole pixels per module)."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    scale = max(2, size_px // n)
    img = QImage(n * scale, n * scale, QImage.Format.Format_RGB32)
    img.fill(QColor(Ink.QR_LIGHT))
    dark = QColor(Ink.QR_DARK)
    painter = QPainter(img)
    try:
        for y, row in enumerate(matrix):
            x = 0
            while x < n:
                if row[x]:
                    start = x
                    while x < n and row[x]:
                        x += 1
                    painter.fillRect(QRect(start * scale, y * scale, (x - start) * scale, scale), dark)
                else:
                    x += 1
    finally:
        painter.end()
    return img

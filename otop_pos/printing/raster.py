"""Receipts, Z reports and the printer test page as images: Qt draws (shaping Thai), then 1-bit thresholding.

Everything here works off the GUI thread and without a window; only a QGuiApplication has to exist
(``ensure_qt_app()`` makes an offscreen one when there is none). One document is drawn at a time: two threads
shaping text into images at once (the print queue and a test page or a preview) crashed Qt.
"""
from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from PIL import Image
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter

from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.vocabulary import DEFAULT_PAPER_WIDTH
from otop_pos.printing.canvas import BLACK, Canvas
from otop_pos.printing.qtapp import ensure_qt_app, make_font
from otop_pos.printing.receipt_layout import build_receipt
from otop_pos.printing.zreport_layout import build_zreport

__all__ = [
    "DEFAULT_WIDTH", "ensure_qt_app", "render_receipt", "render_test_page",
    "render_zreport", "to_mono",
]

#: The default printable width in dots (the papers: ``core.vocabulary.PAPER_WIDTHS``).
DEFAULT_WIDTH = DEFAULT_PAPER_WIDTH

_P = ParamSpec("_P")
_R = TypeVar("_R")
_RENDERING = threading.RLock()


def one_at_a_time(render: Callable[_P, _R]) -> Callable[_P, _R]:
    """Draw under the process-wide render lock (a receipt takes milliseconds: nobody waits long)."""
    @functools.wraps(render)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _RENDERING:
            return render(*args, **kwargs)
    return locked


THAI_SAMPLE = "ครั้งที่ 20 ญี่ปุ่น น้ำ ปุ๋ย ฎีกา ฐาน"
THAI_ALPHABET = "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"
LATIN_SAMPLE = "ABCDEFGHIJKLM abcdefghijklm 0123456789 ฿1,190.00"


@one_at_a_time
def render_receipt(doc: ReceiptDoc, width_dots: int = DEFAULT_WIDTH) -> QImage:
    """The whole receipt as a white Grayscale8 image ``width_dots`` wide, as tall as needed."""
    canvas = Canvas(width_dots)
    build_receipt(canvas, doc)
    return canvas.render()


@one_at_a_time
def render_zreport(doc: ZReportDoc, width_dots: int = DEFAULT_WIDTH) -> QImage:
    """The day-close (Z) report as a Grayscale8 image."""
    canvas = Canvas(width_dots)
    build_zreport(canvas, doc)
    return canvas.render()


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _ruler(canvas: Canvas) -> None:
    """A dot ruler from edge to edge: ticks every 8 dots, longer every 32, labels every 64."""
    width = canvas.width
    label_px = max(10, canvas.base_px * 2 // 3)
    font = make_font(label_px)
    label_h = label_px + label_px // 2
    short, mid, long_ = 5, 10, 16
    height = label_h + long_ + 4

    def paint(p: QPainter, y: int) -> None:
        p.setFont(font)
        base = y + label_h + long_
        p.fillRect(QRect(0, base, width, 2), BLACK)
        for x in range(0, width, 8):
            tick = long_ if x % 64 == 0 else mid if x % 32 == 0 else short
            p.fillRect(QRect(x, base - tick, 1, tick), BLACK)
            if x % 64 == 0 and x + 64 <= width:
                p.drawText(QRect(x + 2, y, 60, label_h), _LEFT, str(x))
        p.fillRect(QRect(width - 1, base - long_, 1, long_), BLACK)
        p.drawText(QRect(width - 62, y, 60, label_h), _RIGHT, str(width))

    canvas.custom(height, paint)


def _edges(canvas: Canvas, height: int) -> None:
    width = canvas.width

    def paint(p: QPainter, y: int) -> None:
        p.fillRect(QRect(0, y, 4, height), BLACK)
        p.fillRect(QRect(width - 4, y, 4, height), BLACK)

    canvas.custom(height, paint)


@one_at_a_time
def render_test_page(width_dots: int = DEFAULT_WIDTH, printer_label: str = "") -> QImage:
    """A test page: Thai with stacked marks, a dot ruler across the full width, edge marks and a QR."""
    c = Canvas(width_dots)
    _edges(c, c.base_px * 2)
    c.text("ทดสอบเครื่องพิมพ์", size=1.4, bold=True, align="center")
    c.text("PRINTER TEST", size=1.1, bold=True, align="center")
    if printer_label:
        c.text(printer_label, size=0.95, align="center")
    c.text(f"กว้าง {width_dots} จุด / {width_dots} dots wide", size=0.95, align="center")
    c.rule("solid")
    c.text(THAI_SAMPLE, size=1.3)
    c.text(THAI_SAMPLE)
    c.text(THAI_ALPHABET, size=0.9)
    c.text(LATIN_SAMPLE, size=0.9)
    c.text(LATIN_SAMPLE, size=0.9, bold=True)
    c.space()
    _ruler(c)
    c.space()
    c.text("ขอบซ้ายและขวาต้องพิมพ์ครบทั้งสองข้าง", size=0.85, align="center")
    c.text("Both edge marks must print.", size=0.85, align="center")
    c.qr(f"OTOP-POS TEST {width_dots}", max_dots=c.base_px * 8)
    c.text("สแกนคิวอาร์ได้ = พิมพ์ภาพได้ชัด / QR scans = sharp", size=0.85, align="center")
    _edges(c, c.base_px * 2)
    return c.render()


def to_mono(img: QImage, threshold: int = 128) -> Image.Image:
    """Threshold to a 1-bit PIL image (mode "1"): grey below ``threshold`` becomes black. No dithering."""
    if not 0 < threshold <= 255:
        raise ValueError("threshold must be in 1..255")
    grey = img if img.format() == QImage.Format.Format_Grayscale8 else img.convertToFormat(
        QImage.Format.Format_Grayscale8
    )
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())[: stride * height]
    lum = Image.frombuffer("L", (width, height), data, "raw", "L", stride, 1)
    table = [0] * threshold + [255] * (256 - threshold)
    return lum.point(table, "1")

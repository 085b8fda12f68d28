"""A top-to-bottom drawing list for thermal paper: wrapped text, label/amount rows, rules, banners, QR codes.

Blocks are measured first (Qt text layout, which shapes and word-breaks Thai) and painted once the total
height is known, onto a white ``QImage`` (Grayscale8). Line heights come from the font's ascent + descent,
so Thai tone marks stacked above upper vowels are never clipped.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import qrcode
import qrcode.constants
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QTextLayout, QTextOption

from otop_pos.printing.qtapp import ensure_qt_app, make_font

PaintFn = Callable[[QPainter, int], None]
Align = Qt.AlignmentFlag

BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)

_QR_ECC = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


LEADING = 1  # dots between the lowest ink of a line and the highest of the next


def base_pixel_size(width_dots: int) -> int:
    """Body text size for a paper width: 20 dots at 576 (80 mm), 18 at 512, 17 at 384 (58 mm)."""
    return max(17, round(width_dots * 20 / 576))


@dataclass
class _Op:
    height: int
    paint: PaintFn


#: Thai stacks that reach highest (tone mark over an upper vowel) and lowest (lower vowels, descenders).
TOP_PROBE = "ญี่ปั้ฟ้ำปั๊ป๋ฝื่ฬี้ก๋ำÁÉ"
BOTTOM_PROBE = "ปุ่ญูฤฦฎฏรุคู gjpqy"
_extents_cache: dict[tuple[str, int, bool], tuple[int, int]] = {}


def ink_extents(font: QFont) -> tuple[int, int]:
    """(dots above, dots below the baseline) that Thai text in ``font`` really inks, never less than the
    font's ascent/descent. Sarabun's ascent (1.068 em) is lower than a tone mark stacked on an upper vowel
    (about 1.2 em), so lines spaced by ascent + descent alone would let marks collide or be clipped."""
    key = (font.family(), font.pixelSize(), font.bold())
    if key not in _extents_cache:
        metrics = QFontMetricsF(font)
        px = font.pixelSize()
        width = math.ceil(metrics.horizontalAdvance(TOP_PROBE + BOTTOM_PROBE)) + 2 * px
        height, base = 4 * px, 2 * px
        img = QImage(width, height, QImage.Format.Format_Grayscale8)
        img.fill(WHITE)
        painter = QPainter(img)
        painter.setFont(font)
        painter.setPen(QPen(BLACK))
        painter.drawText(QPointF(px, base), TOP_PROBE + BOTTOM_PROBE)
        painter.end()
        data, stride = bytes(img.constBits()), img.bytesPerLine()
        inked = [y for y in range(height) if min(data[y * stride: y * stride + width]) < 128]
        top = base - inked[0] if inked else 0
        bottom = inked[-1] + 1 - base if inked else 0
        above = max(math.ceil(metrics.ascent()), top)
        _extents_cache[key] = (above, max(math.ceil(metrics.descent()), bottom))
    return _extents_cache[key]


class _Laid:
    """A QTextLayout laid out in a box of ``width``; lines are ``ink_extents`` + 1 dot apart."""

    def __init__(
        self, text: str, font: QFont, width: float, align: Qt.AlignmentFlag, *, wrap: bool = True
    ) -> None:
        self.layout = QTextLayout(text, font)
        option = QTextOption(align)
        option.setWrapMode(
            QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.NoWrap
        )
        self.layout.setTextOption(option)
        self.layout.setCacheEnabled(True)
        above, below = ink_extents(font)
        pitch = above + below + LEADING
        self.layout.beginLayout()
        y = 0.0
        self.lines = 0
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(1.0, width))
            line.setPosition(QPointF(0.0, y + above - line.ascent()))  # baseline at y + above
            y += pitch
            self.lines += 1
        self.layout.endLayout()
        self.height = math.ceil(y)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        self.layout.draw(painter, QPointF(x, y))


class Canvas:
    """Collects blocks of a document ``width`` dots wide and paints them into one QImage."""

    def __init__(self, width: int, *, base_px: int | None = None, margin: int | None = None) -> None:
        if width < 96:
            raise ValueError(f"paper width {width} dots is too narrow")
        ensure_qt_app()
        self.width = width
        self.base_px = base_px or base_pixel_size(width)
        self.margin = margin if margin is not None else max(3, width // 96)
        self.inner = width - 2 * self.margin
        self._ops: list[_Op] = []
        self._fonts: dict[tuple[int, bool], QFont] = {}

    # -- measuring helpers -------------------------------------------------------------------------
    @property
    def height(self) -> int:
        return sum(op.height for op in self._ops)

    def font(self, size: float = 1.0, bold: bool = False) -> QFont:
        """The document font at ``size`` × the body size."""
        px = max(8, round(self.base_px * size))
        key = (px, bold)
        if key not in self._fonts:
            self._fonts[key] = make_font(px, bold=bold)
        return self._fonts[key]

    def advance(self, text: str, size: float = 1.0, bold: bool = False) -> int:
        """Width in dots of ``text`` on one line."""
        return math.ceil(QFontMetricsF(self.font(size, bold)).horizontalAdvance(text)) + 1

    def _add(self, height: int, paint: PaintFn) -> None:
        self._ops.append(_Op(max(0, int(height)), paint))

    # -- blocks -----------------------------------------------------------------------------------
    def space(self, dots: int | None = None) -> None:
        """Vertical space (default: a third of a text line)."""
        self._add(dots if dots is not None else self.base_px // 4, lambda p, y: None)

    def text(
        self,
        text: str,
        *,
        size: float = 1.0,
        bold: bool = False,
        align: str = "left",
        indent: int = 0,
    ) -> None:
        """A paragraph wrapped at word boundaries (Thai too) to the paper width."""
        if not text:
            return
        flag = {"left": Align.AlignLeft, "center": Align.AlignHCenter, "right": Align.AlignRight}[align]
        laid = _Laid(text, self.font(size, bold), self.inner - indent, flag)
        x = self.margin + indent
        self._add(laid.height, lambda p, y: laid.draw(p, x, y))

    def row(
        self,
        left: str,
        right: str,
        *,
        size: float = 1.0,
        bold: bool = False,
        indent: int = 0,
        right_col: int = 0,
        left_align: str = "left",
        mid: str = "",
        mid_col: int = 0,
    ) -> bool:
        """``left`` (wrapping), optional ``mid`` and ``right`` (one line each, right-aligned) in one row.

        ``right_col``/``mid_col`` reserve at least that many dots so columns line up. When ``left`` would get
        less than 40 % of the paper, nothing is added and False is returned (the caller stacks instead).
        """
        font = self.font(size, bold)
        gap = self.base_px // 2
        rwidth = max(right_col, self.advance(right, size, bold) if right else 0)
        mwidth = max(mid_col, self.advance(mid, size, bold)) if mid else 0
        lwidth = self.inner - indent - rwidth - (gap if rwidth else 0) - (mwidth + gap if mwidth else 0)
        lflag = Align.AlignRight if left_align == "right" else Align.AlignLeft
        if (right or mid) and lwidth < self.inner * 2 // 5:
            if mid:
                return False
            self.text(left, size=size, bold=bold, indent=indent, align=left_align)
            self.text(right, size=size, bold=bold, align="right")
            return True
        parts: list[tuple[_Laid, float]] = []
        if left:
            parts.append((_Laid(left, font, lwidth, lflag), self.margin + indent))
        if mid:
            mid_x = self.margin + indent + lwidth + gap
            parts.append((_Laid(mid, font, mwidth, Align.AlignRight, wrap=False), mid_x))
        if right:
            right_x = self.margin + self.inner - rwidth
            parts.append((_Laid(right, font, rwidth, Align.AlignRight, wrap=False), right_x))
        height = max((laid.height for laid, _ in parts), default=0)

        def paint(p: QPainter, y: int) -> None:
            for laid, x in parts:
                laid.draw(p, x, y)

        self._add(height, paint)
        return True

    def rule(self, style: str = "dashed") -> None:
        """A horizontal line across the paper: "dashed", "solid" or "double"."""
        thick = max(1, self.base_px // 11)
        pad = max(3, self.base_px // 4)
        height = 2 * pad + (3 * thick if style == "double" else thick)
        x0, x1 = self.margin, self.margin + self.inner

        def paint(p: QPainter, y: int) -> None:
            top = y + pad
            if style == "dashed":
                dash, step = 3 * thick + 3, 5 * thick + 4
                for x in range(x0, x1, step):
                    p.fillRect(QRect(x, top, min(dash, x1 - x), thick), BLACK)
            else:
                p.fillRect(QRect(x0, top, x1 - x0, thick), BLACK)
                if style == "double":
                    p.fillRect(QRect(x0, top + 2 * thick, x1 - x0, thick), BLACK)

        self._add(height, paint)

    def banner(self, text: str, *, size: float = 1.4, inverted: bool = True) -> None:
        """Centred bold text in a black box (white text) or a black frame: COPY, VOID, REFUND."""
        font = self.font(size, True)
        pad = max(4, self.base_px // 3)
        laid = _Laid(text, font, self.inner - 2 * pad, Align.AlignHCenter)
        height = laid.height + 2 * pad
        x0 = self.margin

        def paint(p: QPainter, y: int) -> None:
            box = QRect(x0, y, self.inner, height)
            if inverted:
                p.fillRect(box, BLACK)
                p.setPen(QPen(WHITE))
            else:
                frame = max(2, self.base_px // 8)
                p.fillRect(box, BLACK)
                p.fillRect(box.adjusted(frame, frame, -frame, -frame), WHITE)
            laid.draw(p, x0 + pad, y + pad)
            p.setPen(QPen(BLACK))

        self._add(height, paint)

    def qr(self, data: str, *, max_dots: int, ecc: str = "M", module: int | None = None) -> None:
        """A centred QR code drawn as crisp modules (integer module size, quiet zone of 4 modules)."""
        code = qrcode.QRCode(border=0, error_correction=_QR_ECC[ecc])
        code.add_data(data)
        code.make(fit=True)
        matrix: list[list[bool]] = code.get_matrix()
        n = len(matrix)
        size = module or max(2, min(max_dots, self.inner) // (n + 8))
        quiet = 4 * size
        total = n * size + 2 * quiet
        x0 = self.margin + max(0, (self.inner - total) // 2) + quiet
        self._draw_modules(matrix, size, x0, quiet, total)

    def _draw_modules(
        self, matrix: Sequence[Sequence[bool]], size: int, x0: int, top: int, height: int
    ) -> None:
        runs: list[tuple[int, int, int]] = []  # (row, first column, length) of dark modules
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    runs.append((r, start, c - start))
                else:
                    c += 1

        def paint(p: QPainter, y: int) -> None:
            for r, c, length in runs:
                p.fillRect(QRect(x0 + c * size, y + top + r * size, length * size, size), BLACK)

        self._add(height, paint)

    def barcode128(self, data: str, *, height: int | None = None) -> None:
        """A centred Code 128 barcode (bars from python-barcode), widest integer module that fits."""
        from barcode import Code128  # python-barcode, a dependency of python-escpos

        modules = Code128(data).build()[0]
        module = max(1, (self.inner - 20) // (len(modules) + 20))
        module = min(module, 3)
        bar_h = height or self.base_px * 3
        total_w = len(modules) * module
        x0 = self.margin + max(0, (self.inner - total_w) // 2)
        quiet = max(4, self.base_px // 3)

        def paint(p: QPainter, y: int) -> None:
            i = 0
            while i < len(modules):
                if modules[i] == "1":
                    j = i
                    while j < len(modules) and modules[j] == "1":
                        j += 1
                    p.fillRect(QRect(x0 + i * module, y + quiet, (j - i) * module, bar_h), BLACK)
                    i = j
                else:
                    i += 1

        self._add(bar_h + 2 * quiet, paint)

    def image(self, img: QImage, *, max_width: int, max_height: int) -> None:
        """A centred picture (logo), scaled down to fit and converted to grey."""
        if img.isNull():
            return
        scaled = img.scaled(
            min(max_width, self.inner), max_height,
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation,
        )
        grey = scaled.convertToFormat(QImage.Format.Format_Grayscale8)
        x = self.margin + (self.inner - grey.width()) // 2

        def paint(p: QPainter, y: int) -> None:
            p.drawImage(x, y, grey)

        self._add(grey.height() + self.base_px // 3, paint)

    def custom(self, height: int, paint: PaintFn) -> None:
        """A block painted by ``paint(painter, top_y)`` within ``height`` dots."""
        self._add(height, paint)

    # -- output -----------------------------------------------------------------------------------
    def render(self, *, bottom: int = 0) -> QImage:
        """Paint every block onto a white Grayscale8 image exactly as tall as the content."""
        height = max(1, self.height + bottom)
        img = QImage(self.width, height, QImage.Format.Format_Grayscale8)
        img.fill(WHITE)
        painter = QPainter(img)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(BLACK))
            y = 0
            for op in self._ops:
                op.paint(painter, y)
                y += op.height
        finally:
            painter.end()
        return img

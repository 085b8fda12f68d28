"""The customer's PromptPay view: the Thai QR Payment standee look, full screen, for the customer to scan.

A dark blue header band ("THAI QR PAYMENT", drawn with shapes and text, no logo files), the QR large (at
least 60 % of the screen's short side, its 4-module quiet zone kept white), the amount very large, the shop's
name and "สแกนเพื่อจ่าย / Scan to pay". The amount shown is read from the payload itself, so the figure and
the QR cannot disagree.

Two ways to show it (``PayDialog`` decides): on a second screen (``choose_customer_screen``) it opens by
itself, never takes the keyboard and closes with the dialog; on the booth's only screen it covers the booth
window until any key or tap; a scan while it is up closes it and goes to the pay dialog.

When the producer has a link (``core.channel``) and the text beside or under the payment QR leaves room, a
small second QR of it sits at the foot of the text, at most a third of the payment code's module size and
labelled as the shop's page, not for paying ("ติดตามร้านทาง LINE · ไม่ใช่คิวอาร์จ่ายเงิน", above it). It never takes
room from the payment QR: the payment code's place is planned first and does not change.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from otop_pos.booth.service import BoothSettings
from otop_pos.core.channel import ChannelLink, channel_link
from otop_pos.core.promptpay import parse_emv
from otop_pos.ui.qr import qr_matrix
from otop_pos.ui.theme import ROLES, Ink

QUIET = 4                 # modules of white around the code (ISO/IEC 18004)
MIN_SHARE = 0.6           # of the screen's short side
CHANNEL_MIN_MODULE = 3    # px: a smaller channel code is left out (a phone at arm's length cannot read it)
CHANNEL_QUIET = 2         # modules kept white round the small code inside the text box (the box's margin adds more)
NOT_FOR_PAYING = "ไม่ใช่คิวอาร์จ่ายเงิน"

S = TypeVar("S")


def choose_customer_screen(screens: Sequence[S], primary: S | None) -> S | None:
    """The screen the customer faces: the first one that is not ``primary`` (the vendor's), or None with one."""
    for screen in screens:
        if screen is not primary and screen != primary:
            return screen
    return None


def amount_text(payload: str) -> str:
    """The amount a PromptPay payload asks for, as the booth writes money ("฿1,227.00"); "" when open."""
    raw = parse_emv(payload).get("54", "")
    if not raw:
        return ""
    baht, _, satang = raw.partition(".")
    return f"฿{int(baht):,}.{(satang + '00')[:2]}"


@dataclass(frozen=True)
class Layout:
    """Where everything goes for a view of ``width`` × ``height``."""

    header: QRect
    qr: QRect          # the modules only; the quiet zone is the white around it
    module: int
    text: QRect        # amount, shop name, "scan to pay"


def plan(width: int, height: int, modules: int) -> Layout:
    """The layout: header band across the top, the code below it; the text beside it on a wide screen, under
    it on a tall one. Whole pixels per module, as large as fits (never below 60 % of the short side when the
    screen has room for the header and the quiet zone, which every landscape or portrait screen does)."""
    short = min(width, height)
    header_h = max(48, round(short * 0.11))
    pad = max(8, short // 40)
    body = QRect(0, header_h, width, height - header_h)
    wide = width >= height
    if wide:
        room = min(body.height() - 2 * pad, round(width * 0.58))
    else:
        room = min(width - 2 * pad, round(body.height() * 0.62))
    module = max(1, room // (modules + 2 * QUIET))
    side = module * modules
    block = side + 2 * QUIET * module
    if wide:
        left = max(pad, (width // 2 - block) // 2 + pad) if width // 2 >= block + pad else pad
        top = body.top() + (body.height() - block) // 2
        qr = QRect(left + QUIET * module, top + QUIET * module, side, side)
        text_left = left + block + pad
        text = QRect(text_left, body.top() + pad, width - text_left - 2 * pad, body.height() - 2 * pad)
    else:
        left = (width - block) // 2
        top = body.top() + pad
        qr = QRect(left + QUIET * module, top + QUIET * module, side, side)
        text = QRect(pad, top + block, width - 2 * pad, height - top - block - pad)
    return Layout(QRect(0, 0, width, header_h), qr, module, text)


def channel_place(box: QRect, text_h: int, modules: int, pay_module: int, caption_h: int) -> QRect | None:
    """Where the producer's QR goes (its modules, quiet zone around it) at the foot of the text ``box`` under
    ``text_h`` of text and a caption ``caption_h`` tall, or None when there is no room for it at
    ``CHANNEL_MIN_MODULE`` px. Its modules are at most a third of the payment code's."""
    gap = max(4, caption_h // 3)
    free = box.height() - text_h - caption_h - 2 * gap
    block_modules = modules + 2 * CHANNEL_QUIET
    module = min(pay_module // 3, free // block_modules, box.width() // block_modules)
    if module < CHANNEL_MIN_MODULE:
        return None
    side = module * modules
    left = box.left() + (box.width() - side) // 2
    top = box.bottom() - CHANNEL_QUIET * module - side
    return QRect(left, top, side, side)


def settings_channel(settings: BoothSettings) -> ChannelLink | None:
    """The producer's link from the booth's settings (LINE first, else the shop, else Facebook)."""
    return channel_link(settings.line_account, settings.shop_url, settings.facebook_page)


class CustomerView(QWidget):
    """Full-screen PromptPay QR for the customer. ``closed`` when it goes; ``on_scan(code)`` takes a scan that
    arrives while it covers the booth window (the pay dialog adds the product)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None, shop_name: str, *, passive: bool,
                 on_scan: Callable[[str], None] | None = None, channel: ChannelLink | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("customerview")
        self.setWindowTitle("THAI QR PAYMENT")
        self.shop_name = shop_name
        self.passive = passive          # on a second screen: never takes the keyboard, closes with the dialog
        self.on_scan = on_scan
        self.payload = ""
        self.amount = ""
        self._matrix: list[list[bool]] = []
        self.channel = channel
        self._channel_matrix = qr_matrix(self.channel.url) if self.channel else []
        self.channel_rect: QRect | None = None   # where the producer's QR was last drawn (None: not shown)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if passive:
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            self.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        else:
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_payload(self, payload: str) -> None:
        """Show ``payload`` (from ``promptpay_payload``) and the amount it asks for."""
        self.payload = payload
        self.amount = amount_text(payload)
        self._matrix = qr_matrix(payload)
        self.update()

    @property
    def modules(self) -> int:
        """Modules across the code, without its quiet zone."""
        return max(len(self._matrix) - 2 * QUIET, 21)

    def layout_now(self) -> Layout:
        """The layout at the current size."""
        return plan(self.width(), self.height(), self.modules)

    # --- closing -------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if not self.passive:
            event.accept()
            self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt name
        if not self.passive:
            event.accept()
            self.close()

    def take_scan(self, code: str) -> None:
        """A scan while the view is up: close it and hand the code to the pay dialog (never lost)."""
        if not self.passive:
            self.close()
        if self.on_scan is not None:
            self.on_scan(code)

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt name
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]

    # --- drawing -------------------------------------------------------------------------------------------
    def _font(self, px: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(8, px))
        font.setBold(bold)
        return font

    def _fit(self, text: str, px: int, width: int, bold: bool = True) -> QFont:
        """The font at ``px`` or smaller so that ``text`` fits ``width``."""
        while px > 12 and QFontMetrics(self._font(px, bold)).horizontalAdvance(text) > width:
            px -= 2
        return self._font(px, bold)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt name
        lay = self.layout_now()
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor(Ink.QR_LIGHT))
            self._paint_header(p, lay.header)
            self._paint_qr(p, lay)
            self._paint_text(p, lay.text, min(self.width(), self.height()))
        finally:
            p.end()

    def _paint_header(self, p: QPainter, band: QRect) -> None:
        p.fillRect(band, QColor(Ink.QRP_BAND))
        h = band.height()
        font = self._fit("THAI QR PAYMENT", round(h * 0.46), band.width() - 3 * h)
        text_w = QFontMetrics(font).horizontalAdvance("THAI QR PAYMENT")
        mark = round(h * 0.6)
        x = band.center().x() - (mark + h // 4 + text_w) // 2
        y = band.top() + (h - mark) // 2
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor(ROLES.qr_band.fg), max(2, mark // 12)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(x, y, mark, mark), mark * 0.18, mark * 0.18)
        dot = mark // 4
        for dx, dy in ((0, 0), (1, 0), (0, 1)):   # a QR-like mark: three corner squares, drawn, not a logo
            p.fillRect(QRect(x + dot // 2 + dx * (mark - 2 * dot), y + dot // 2 + dy * (mark - 2 * dot), dot, dot),
                       QColor(ROLES.qr_band.fg))
        p.setFont(font)
        p.setPen(QColor(ROLES.qr_band.fg))
        p.drawText(QRect(x + mark + h // 4, band.top(), text_w + 4, h),
                   Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, "THAI QR PAYMENT")
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_qr(self, p: QPainter, lay: Layout) -> None:
        m, qr = lay.module, lay.qr
        outer = qr.adjusted(-QUIET * m, -QUIET * m, QUIET * m, QUIET * m)
        p.setPen(QPen(QColor(Ink.QRP_FRAME), 2))
        p.drawRect(outer.adjusted(-2, -2, 1, 1))   # a thin frame just outside the quiet zone
        dark = QColor(Ink.QR_DARK)
        for y, row in enumerate(self._matrix[QUIET:len(self._matrix) - QUIET]):
            for x, on in enumerate(row[QUIET:len(row) - QUIET]):
                if on:
                    p.fillRect(QRect(qr.left() + x * m, qr.top() + y * m, m, m), dark)

    def _paint_text(self, p: QPainter, box: QRect, short: int) -> None:
        lines = [
            ("พร้อมเพย์ PromptPay", self._fit("พร้อมเพย์ PromptPay", round(short * 0.06), box.width()),
             ROLES.qr_title.fg),
            (self.amount, self._fit(self.amount, round(short * 0.15), box.width()), ROLES.qr_amount.fg),
            (self.shop_name, self._fit(self.shop_name, round(short * 0.055), box.width(), bold=False), ROLES.qr_text.fg),
            ("สแกนเพื่อจ่าย", self._fit("สแกนเพื่อจ่าย", round(short * 0.07), box.width()), ROLES.qr_text.fg),
            ("Scan to pay", self._fit("Scan to pay", round(short * 0.045), box.width(), bold=False), ROLES.qr_note.fg),
        ]
        shown = [(t, f, c) for t, f, c in lines if t]
        heights = [QFontMetrics(f).height() for _, f, _ in shown]
        gap = max(4, short // 60)
        text_h = sum(heights) + gap * (len(shown) - 1)
        captions = self._channel_captions(box.width(), short)
        caption_h = sum(QFontMetrics(f).height() for _, f in captions)
        place = None
        if self.channel is not None:
            place = channel_place(box, text_h, len(self._channel_matrix) - 2 * QUIET, self.layout_now().module,
                                  caption_h)
        self.channel_rect = place
        room = box.height() if place is None else place.top() - CHANNEL_QUIET * (place.width() // max(
            1, len(self._channel_matrix) - 2 * QUIET)) - caption_h - box.top()
        y = box.top() + max(0, (room - text_h) // 2)
        for (text, font, colour), h in zip(shown, heights):
            p.setFont(font)
            p.setPen(QColor(colour))
            p.drawText(QRect(box.left(), y, box.width(), h), Qt.AlignmentFlag.AlignCenter, text)
            y += h + gap
        if place is not None:
            self._paint_channel(p, box, place, captions)

    def _channel_captions(self, width: int, short: int) -> list[tuple[str, QFont]]:
        if self.channel is None:
            return []
        text = f"{self.channel.caption_th} · {NOT_FOR_PAYING}"
        return [(text, self._fit(text, round(short * 0.035), width))]

    def _paint_channel(self, p: QPainter, box: QRect, place: QRect, captions: list[tuple[str, QFont]]) -> None:
        """The producer's small QR at ``place`` with its captions just above its quiet zone."""
        n = len(self._channel_matrix) - 2 * QUIET
        m = place.width() // n
        y = place.top() - CHANNEL_QUIET * m - sum(QFontMetrics(f).height() for _, f in captions)
        for text, font in captions:
            h = QFontMetrics(font).height()
            p.setFont(font)
            p.setPen(QColor(ROLES.qr_note.fg))
            p.drawText(QRect(box.left(), y, box.width(), h), Qt.AlignmentFlag.AlignCenter, text)
            y += h
        dark = QColor(Ink.QR_DARK)
        for r, row in enumerate(self._channel_matrix[QUIET:len(self._channel_matrix) - QUIET]):
            for c, on in enumerate(row[QUIET:len(row) - QUIET]):
                if on:
                    p.fillRect(QRect(place.left() + c * m, place.top() + r * m, m, m), dark)

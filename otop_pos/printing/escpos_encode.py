"""1-bit images to ESC/POS bytes with python-escpos (``GS v 0`` raster in fragments), cut, drawer kick.

Runs of at least ``MIN_FEED_ROWS`` blank rows (line spacing, gaps around the QR, margins) are not sent as
raster but as ``ESC J n`` paper feeds of the same number of dots: the paper looks the same and a receipt's
stream is about a third smaller (a 25-product receipt fits in 100 KB). Nothing here talks to a device:
python-escpos ``Dummy`` collects the bytes for a transport to send.
"""
from __future__ import annotations

from typing import Any

from escpos.exceptions import ImageWidthError
from escpos.printer import Dummy
from PIL import Image

from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import PrinterError

ESC_INIT = b"\x1b@"
#: Rows per ``GS v 0`` block: small blocks keep cheap printers from timing out on a long receipt.
DEFAULT_FRAGMENT_HEIGHT = 256
#: Blank runs at least this tall are fed (``ESC J``) instead of printed: shorter gaps stay in the raster, so
#: the head does not stop and start between every two lines of text.
MIN_FEED_ROWS = 8
ESC_FEED = b"\x1bJ"  # ESC J n: print the buffer and feed n dots (n ≤ 255)


def bands(mono: Image.Image, min_feed: int = MIN_FEED_ROWS) -> list[tuple[bool, int, int]]:
    """The image as (ink, first row, end row) bands: blank runs of ``min_feed`` rows or more are
    ``ink=False``; everything between them (with the shorter gaps) is ``ink=True``."""
    width_bytes = (mono.width + 7) // 8
    raw = mono.convert("1").tobytes("raw", "1;I")  # 1 bits = black, one row = width_bytes bytes
    blank_row = bytes(width_bytes)
    blank = [raw[y * width_bytes:(y + 1) * width_bytes] == blank_row for y in range(mono.height)]
    out: list[tuple[bool, int, int]] = []
    y = 0
    while y < mono.height:
        end = y
        while end < mono.height and blank[end] == blank[y]:
            end += 1
        if blank[y] and end - y >= min_feed:
            out.append((False, y, end))
        elif out and out[-1][0]:
            out[-1] = (True, out[-1][1], end)  # a short gap stays in the raster around it
        else:
            out.append((True, y, end))
        y = end
    return out


def _printer(profile: str | None, width: int) -> Dummy:
    """A Dummy printer whose profile knows the paper width (python-escpos prints a warning otherwise)."""
    printer = Dummy(profile=profile) if profile else Dummy()
    data: dict[str, Any] = dict(printer.profile.profile_data)
    media = dict(data.get("media") or {})
    media_width = dict(media.get("width") or {})
    if not isinstance(media_width.get("pixels"), int):
        media_width["pixels"] = width
        media["width"] = media_width
        data["media"] = media
        printer.profile.profile_data = data  # instance attribute: the shared profile class stays untouched
    return printer


def encode_image(
    mono: Image.Image,
    *,
    cut: bool = True,
    drawer: bool = False,
    profile: str | None = None,
    fragment_height: int = DEFAULT_FRAGMENT_HEIGHT,
) -> bytes:
    """ESC @, the image as ``GS v 0`` raster blocks of at most ``fragment_height`` rows (and ``ESC J`` feeds
    for its long blank runs), then feed + cut
    and/or the drawer pulse (pin 2). ``profile`` is a python-escpos printer profile name (e.g. "TM-T20II").

    An image wider than the profile's paper raises ``PrinterError`` (code "error").
    """
    if mono.mode != "1":
        raise ValueError(f"encode_image expects a 1-bit image (mode '1'), not {mono.mode!r}")
    if fragment_height < 1:
        raise ValueError("fragment_height must be positive")
    try:
        printer = _printer(profile, mono.width)
    except KeyError as exc:
        raise PrinterError(
            f"ไม่รู้จักรุ่นเครื่องพิมพ์ {profile!r} ในรายการของ python-escpos",
            f"Unknown printer profile {profile!r} (python-escpos capabilities).",
            "error",
        ) from exc
    printer._raw(ESC_INIT)
    try:
        # Cut the fragments here: python-escpos would convert the whole image once more before splitting.
        for ink, first, end in bands(mono):
            if not ink:
                for rows in range(end - first, 0, -255):
                    printer._raw(ESC_FEED + bytes([min(rows, 255)]))
                continue
            for top in range(first, end, fragment_height):
                part = mono.crop((0, top, mono.width, min(end, top + fragment_height)))
                printer.image(part, impl="bitImageRaster", fragment_height=fragment_height)
    except ImageWidthError as exc:
        raise PrinterError(
            f"ภาพกว้าง {mono.width} จุด เกินความกว้างกระดาษของเครื่องรุ่นนี้ ({exc}) "
            "กรุณาตั้งความกว้างให้ถูก",
            f"The image is {mono.width} dots wide, wider than this printer's paper ({exc}); "
            "set the right width.",
            "error",
        ) from exc
    if drawer:
        printer.cashdraw(2)
    if cut:
        printer.cut()
    return printer.output


def encode_receipt(
    doc: ReceiptDoc,
    width_dots: int = 576,
    cut: bool = True,
    drawer: bool = False,
    *,
    profile: str | None = None,
    fragment_height: int = DEFAULT_FRAGMENT_HEIGHT,
) -> bytes:
    """Render, threshold and encode a receipt in one call."""
    from otop_pos.printing.raster import render_receipt, to_mono

    mono = to_mono(render_receipt(doc, width_dots))
    return encode_image(mono, cut=cut, drawer=drawer, profile=profile, fragment_height=fragment_height)


def encode_zreport(
    doc: ZReportDoc, width_dots: int = 576, cut: bool = True, *, profile: str | None = None
) -> bytes:
    """Render, threshold and encode a Z report in one call (never opens the drawer)."""
    from otop_pos.printing.raster import render_zreport, to_mono

    return encode_image(to_mono(render_zreport(doc, width_dots)), cut=cut, profile=profile)

"""1-bit images to ESC/POS bytes with python-escpos (``GS v 0`` raster in fragments), cut, drawer kick.

Nothing here talks to a device: python-escpos ``Dummy`` collects the bytes for a transport to send.
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
    """ESC @, the image as ``GS v 0`` raster blocks of at most ``fragment_height`` rows, then feed + cut
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
        for top in range(0, mono.height, fragment_height):
            part = mono.crop((0, top, mono.width, min(mono.height, top + fragment_height)))
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

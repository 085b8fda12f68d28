"""ESC/POS encoding: GS v 0 raster in fragments, cut and drawer, exact round trip, size budget."""
from __future__ import annotations

import pytest
from PIL import Image

from otop_pos.core.errors import PrinterError
from otop_pos.printing.escpos_encode import encode_image, encode_receipt, encode_zreport
from otop_pos.printing.raster import render_receipt, to_mono
from tests.printing.escpos_decode import decode, diff_ratio
from tests.printing.receipt_samples import real25, sale, twenty_five_lines, zreport


def test_round_trip_is_pixel_exact() -> None:
    mono = to_mono(render_receipt(sale(), 576))
    decoded = decode(encode_image(mono))
    assert decoded.image.size == mono.size
    assert diff_ratio(decoded.image, mono) == 0.0


def test_stream_layout_init_image_fragments_then_cut() -> None:
    mono = to_mono(render_receipt(sale(n=20), 576))
    decoded = decode(encode_image(mono, fragment_height=256))
    assert decoded.order[0] == "init"
    assert decoded.order[-1] == "cut" and decoded.cuts == ["full"]
    assert all(h <= 256 for _, h in decoded.blocks)
    assert sum(h for _, h in decoded.blocks) == mono.height
    assert len(decoded.blocks) == -(-mono.height // 256)
    assert decoded.drawer_kicks == []


def test_drawer_and_no_cut() -> None:
    mono = to_mono(render_receipt(sale(n=1), 384))
    decoded = decode(encode_image(mono, cut=False, drawer=True))
    assert decoded.cuts == [] and decoded.drawer_kicks == [2]


def test_odd_width_is_padded_to_whole_bytes() -> None:
    mono = to_mono(render_receipt(sale(n=2), 500))
    decoded = decode(encode_image(mono))
    assert decoded.image.width == 504
    assert diff_ratio(decoded.image.crop((0, 0, 500, mono.height)), mono) == 0.0


def test_only_1_bit_images() -> None:
    with pytest.raises(ValueError):
        encode_image(Image.new("L", (8, 8), 255))


def test_profile_narrower_than_the_image_is_a_printer_error() -> None:
    mono = to_mono(render_receipt(sale(n=1), 576))
    with pytest.raises(PrinterError) as info:
        encode_image(mono, profile="TM-T88V")  # 512 dots
    assert info.value.code == "error" and "576" in info.value.en
    assert decode(encode_image(to_mono(render_receipt(sale(n=1), 512)), profile="TM-T88V")).blocks


def test_unknown_profile() -> None:
    with pytest.raises(PrinterError):
        encode_image(Image.new("1", (8, 8), 1), profile="No Such Printer 9000")


def test_no_warnings_printed(capsys: pytest.CaptureFixture[str]) -> None:
    encode_image(Image.new("1", (384, 10), 1))
    assert capsys.readouterr().out == ""


def test_size_budget_80mm_25_line_receipt_with_qr() -> None:
    """25 printed text lines and the PromptPay QR at 80 mm stay within 100 KB."""
    data = encode_receipt(twenty_five_lines(), 576)
    assert len(data) <= 100 * 1024, len(data)


def test_size_of_25_products_receipt_is_bounded() -> None:
    data = encode_receipt(real25(), 576)
    assert len(data) <= 120 * 1024, len(data)


def test_encode_zreport() -> None:
    decoded = decode(encode_zreport(zreport(), 384))
    assert decoded.image.width == 384 and decoded.cuts and not decoded.drawer_kicks

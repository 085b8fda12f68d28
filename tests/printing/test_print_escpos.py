"""ESC/POS encoding: GS v 0 raster in fragments, cut and drawer, exact round trip, size budget."""
from __future__ import annotations

import pytest
from PIL import Image

from otop_pos.core.errors import PrinterError
from otop_pos.printing.escpos_encode import MIN_FEED_ROWS, bands, encode_image, encode_receipt, encode_zreport
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
    # blank runs between the lines go as ESC J dot feeds; raster and feeds together are the whole receipt
    assert decoded.dot_feeds and all(1 <= n <= 255 for n in decoded.dot_feeds)
    assert sum(h for _, h in decoded.blocks) + sum(decoded.dot_feeds) == mono.height
    assert sum(decoded.dot_feeds) > mono.height // 5
    assert decoded.drawer_kicks == []


def test_only_long_blank_runs_are_fed() -> None:
    mono = Image.new("1", (64, 400), 1)
    for y in (0, 1, 7, 60, 399):  # ink rows: gaps of 5 rows (stays raster), 52 rows and 338 rows (fed)
        mono.paste(0, (0, y, 64, y + 1))
    assert bands(mono) == [(True, 0, 8), (False, 8, 60), (True, 60, 61), (False, 61, 399), (True, 399, 400)]
    decoded = decode(encode_image(mono))
    assert decoded.dot_feeds == [52, 255, 83]  # a feed is at most 255 dots
    assert [h for _, h in decoded.blocks] == [8, 1, 1]
    assert diff_ratio(decoded.image, mono) == 0.0
    assert bands(Image.new("1", (8, MIN_FEED_ROWS - 1), 1)) == [(True, 0, MIN_FEED_ROWS - 1)]


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


def test_size_budget_80mm_receipt_with_25_products_and_qr() -> None:
    """25 product lines (about 38 printed lines) and the QR: within 100 KB too, thanks to the dot feeds."""
    data = encode_receipt(real25(), 576)
    assert len(data) <= 100 * 1024, len(data)


def test_encode_zreport() -> None:
    decoded = decode(encode_zreport(zreport(), 384))
    assert decoded.image.width == 384 and decoded.cuts and not decoded.drawer_kicks

"""Rendering with Qt: widths, font scaling, Thai marks not clipped, thresholding, worker threads."""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage

from otop_pos.core.promptpay import promptpay_payload
from otop_pos.printing.canvas import Canvas, base_pixel_size
from otop_pos.printing.raster import render_receipt, render_test_page, render_zreport, to_mono
from tests.printing.receipt_samples import PROMPTPAY_TARGET, THAI_ITEMS, english_sale, sale, zreport


def _ink_rows(mono: Image.Image) -> list[int]:
    """Number of black pixels in each row."""
    width = mono.width
    data = mono.convert("L").tobytes()
    return [data[y * width:(y + 1) * width].count(0) for y in range(mono.height)]


@pytest.mark.parametrize("width", [384, 512, 576, 440])
def test_widths_and_font_scaling(width: int) -> None:
    img = render_receipt(sale(), width)
    assert img.width() == width
    assert img.height() > 600
    assert img.format() == QImage.Format.Format_Grayscale8


def test_font_size_grows_with_width() -> None:
    sizes = [base_pixel_size(w) for w in (384, 512, 576, 832)]
    assert sizes == sorted(sizes) and sizes[0] >= 16 and sizes[-1] > sizes[2]


def test_too_narrow_is_refused() -> None:
    with pytest.raises(ValueError):
        render_receipt(sale(), 64)


def test_to_mono_thresholds_without_dithering() -> None:
    img = QImage(256, 4, QImage.Format.Format_Grayscale8)
    for x in range(256):
        for y in range(4):
            img.setPixelColor(x, y, QColor(x, x, x))
    mono = to_mono(img)
    assert mono.mode == "1" and mono.size == (256, 4)
    row = [mono.getpixel((x, 2)) for x in range(256)]
    assert all(v == 0 for v in row[:128]) and all(v == 255 for v in row[128:])
    high = to_mono(img, threshold=200)
    assert [high.getpixel((x, 0)) for x in (199, 200)] == [0, 255]


def test_to_mono_accepts_rgb_and_odd_widths() -> None:
    img = QImage(13, 3, QImage.Format.Format_RGB32)
    img.fill(QColor(255, 255, 255))
    img.setPixelColor(5, 1, QColor(0, 0, 0))
    mono = to_mono(img)
    assert mono.size == (13, 3)
    assert [(x, y) for y in range(3) for x in range(13) if mono.getpixel((x, y)) == 0] == [(5, 1)]


@pytest.mark.parametrize("size", [0.9, 1.0, 1.5])
def test_thai_stacked_marks_are_not_clipped(size: float) -> None:
    canvas = Canvas(576)
    canvas.text("ญี่ปุ่น ปุ๋ย ฤดู ครั้งที่ น้ำ ฟ้ำ กฎ Ágjy", size=size, bold=True)
    mono = to_mono(canvas.render())
    rows = _ink_rows(mono)
    assert rows[0] == 0 and rows[-1] == 0, "ink touches the block edge: marks would be clipped"
    assert sum(rows) > 0


def test_lines_do_not_touch() -> None:
    canvas = Canvas(384)
    for _ in range(3):
        canvas.text("ปุ๋ยญี่ปุ่นฤดูปุ่น ครั้งที่ญี่ปุ่นปุ๋ย")
    rows = _ink_rows(to_mono(canvas.render()))
    line = canvas.height // 3
    # a white row between consecutive lines: tone marks never meet the vowels below the line above
    assert rows[0] == 0 and rows[-1] == 0
    assert any(v == 0 for v in rows[line - 2: line + 2])
    assert any(v == 0 for v in rows[2 * line - 2: 2 * line + 2])


def test_long_name_wraps_within_the_paper() -> None:
    long_name = "ผ้าไหมมัดหมี่ลายโบราณย้อมสีธรรมชาติจากบ้านโนนสะอาดครั้งที่ 20 ญี่ปุ่น"
    short = render_receipt(sale([("ผ้าไหม", 1, 1000, 0)]), 384)
    wrapped = render_receipt(sale([(long_name, 1, 1000, 0)]), 384)
    assert wrapped.height() > short.height() + base_pixel_size(384)


def test_copy_has_a_black_banner() -> None:
    def widest_black(img: QImage) -> int:
        rows = _ink_rows(to_mono(img))
        return max(rows[: len(rows) // 3])

    assert widest_black(render_receipt(sale(copy=True), 576)) > 0.95 * 560
    assert widest_black(render_receipt(sale(), 576)) < 0.9 * 560


def test_more_lines_make_a_taller_receipt() -> None:
    heights = [render_receipt(sale(n=n), 576).height() for n in (1, 10, 40)]
    assert heights[0] < heights[1] < heights[2]


def test_invalid_promptpay_target_still_prints() -> None:
    doc = sale(promptpay_target="12345")
    assert render_receipt(doc, 576).height() < render_receipt(sale(), 576).height()


def test_logo_is_drawn(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("L", (200, 100), 0).save(logo)
    plain = render_receipt(sale(), 576)
    with_logo = render_receipt(sale(logo_path=str(logo)), 576)
    assert with_logo.height() > plain.height()


def _codes(img: QImage) -> list[str]:
    """The QR codes a phone would read off a rendered (grayscale) image."""
    import zxingcpp

    grey = Image.frombuffer("L", (img.width(), img.height()), bytes(img.constBits()), "raw", "L",
                            img.bytesPerLine(), 1)
    return sorted(r.text for r in zxingcpp.read_barcodes(grey))


def test_english_and_void_render() -> None:
    english = english_sale()
    img = render_receipt(english, 384)
    assert img.width() == 384
    assert _codes(img) == sorted([english.number, promptpay_payload(PROMPTPAY_TARGET, english.total_satang)])
    void = sale(kind="void", original_number="B12-1-20201026-0041", reason="คีย์ผิด", show_promptpay_qr=False)
    assert _codes(render_receipt(void, 384)) == [void.number]            # no payment QR on a void
    assert _codes(render_receipt(replace(void, lang="en"), 576)) == [void.number]


def test_zreport_renders_open_day() -> None:
    doc = replace(zreport(), closed_at=None, counted_cash_satang=None, difference_satang=None, counts=())
    assert render_zreport(doc, 384).height() > 400


def test_test_page_ruler_ticks_every_8_dots() -> None:
    width = 384
    mono = to_mono(render_test_page(width, "file:/dev/usb/lp0"))
    rows = _ink_rows(mono)
    base = next(y for y, n in enumerate(rows) if n == width)  # the ruler line spans the whole width
    above = base - 3
    ticks = [x for x in range(width) if mono.getpixel((x, above)) == 0]
    assert ticks[:4] == [0, 8, 16, 24]
    assert all(x % 8 == 0 or x == width - 1 for x in ticks)
    assert len(ticks) >= width // 8


def test_render_in_a_worker_thread_matches_the_main_thread() -> None:
    doc = sale(items=THAI_ITEMS[:5])
    here = to_mono(render_receipt(doc, 384)).tobytes()
    result: dict[str, bytes] = {}

    def work() -> None:
        result["img"] = to_mono(render_receipt(doc, 384)).tobytes()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(30)
    assert result["img"] == here

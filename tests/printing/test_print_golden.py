"""Golden images: receipts rendered, thresholded, encoded to ESC/POS and decoded back match checked-in PNGs.

Font rasterisation may differ a little between FreeType builds, so up to 0.5 % of the pixels may differ.
Regenerate with ``UPDATE_GOLDEN=1 pytest tests/printing/test_print_golden.py`` and look at the PNGs.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from otop_pos.printing.escpos_encode import encode_image
from otop_pos.printing.raster import render_receipt, render_test_page, render_zreport, to_mono
from tests.printing.escpos_decode import decode, diff_ratio
from tests.printing.receipt_samples import LONG_NAME, THAI_ITEMS, english_sale, refund, sale, zreport

GOLDEN = Path(__file__).parent / "golden"
TOLERANCE = 0.005
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES: dict[str, Callable[[], object]] = {
    "sale_th_576": lambda: render_receipt(sale(), 576),
    "sale_th_384": lambda: render_receipt(sale(), 384),
    "sale_en_576": lambda: render_receipt(english_sale(), 576),
    "sale_en_384": lambda: render_receipt(english_sale(), 384),
    "copy_th_576": lambda: render_receipt(sale(copy=True), 576),
    "refund_th_384": lambda: render_receipt(refund(), 384),
    "taxinvoice_th_512": lambda: render_receipt(
        sale(title_mode="abbreviated_tax_invoice", number_code="barcode"), 512),
    "longname_th_384": lambda: render_receipt(
        sale([(LONG_NAME, 2, 119000, 5000), THAI_ITEMS[0]], number_code="none"), 384),
    "lines40_th_576": lambda: render_receipt(sale(n=40, show_promptpay_qr=False), 576),
    "zreport_th_576": lambda: render_zreport(zreport(), 576),
    "zreport_en_384": lambda: render_zreport(zreport("en"), 384),
    "testpage_384": lambda: render_test_page(384, "usb:04b8:0202"),
}


def _decoded(name: str) -> Image.Image:
    image = CASES[name]()
    data = encode_image(to_mono(image), cut=True)  # type: ignore[arg-type]
    return decode(data).image


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_golden(name: str, tmp_path: Path) -> None:
    actual = _decoded(name)
    path = GOLDEN / f"{name}.png"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden {path}: run with UPDATE_GOLDEN=1 and check the image")
        GOLDEN.mkdir(exist_ok=True)
        actual.save(path, optimize=True)
        return
    expected = Image.open(path).convert("1")
    if actual.size != expected.size:
        actual.save(tmp_path / f"{name}.actual.png")
        pytest.fail(f"{name}: size {actual.size} != golden {expected.size} (actual in {tmp_path})")
    ratio = diff_ratio(actual, expected)
    if ratio > TOLERANCE:
        actual.save(tmp_path / f"{name}.actual.png")
        pytest.fail(f"{name}: {ratio:.3%} of pixels differ from the golden (actual in {tmp_path})")

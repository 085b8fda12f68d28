"""Read back what was printed: QR codes and barcodes with a real decoder, Thai text with Tesseract.

The images are decoded from the ESC/POS bytes, so these tests cover render → 1-bit → encode → decode.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from otop_pos.core.promptpay import promptpay_payload
from otop_pos.printing.escpos_encode import encode_image, encode_receipt
from otop_pos.printing.raster import render_test_page, to_mono
from tests.printing.escpos_decode import decode
from tests.printing.receipt_samples import PROMPTPAY_TARGET, english_sale, sale


def _texts(image: Image.Image, fmt: zxingcpp.BarcodeFormat | None = None) -> list[str]:
    results = zxingcpp.read_barcodes(image.convert("L"))
    return [r.text for r in results if fmt is None or r.format == fmt]


@pytest.mark.parametrize("width", [384, 512, 576])
def test_promptpay_and_number_qr_read_back_exactly(width: int) -> None:
    doc = sale()
    printed = decode(encode_receipt(doc, width)).image
    texts = _texts(printed, zxingcpp.BarcodeFormat.QRCode)
    assert promptpay_payload(PROMPTPAY_TARGET, doc.total_satang) in texts
    assert doc.number in texts
    assert len(texts) == 2


def test_promptpay_qr_is_only_on_sales_when_asked() -> None:
    printed = decode(encode_receipt(sale(show_promptpay_qr=False), 576)).image
    assert _texts(printed) == [sale().number]
    refund = sale(kind="refund", original_number="B12-1-20201026-0041", number_code="none")
    assert _texts(decode(encode_receipt(refund, 576)).image) == []


def test_receipt_number_as_code128() -> None:
    doc = sale(number_code="barcode", show_promptpay_qr=False)
    printed = decode(encode_receipt(doc, 384)).image
    assert _texts(printed, zxingcpp.BarcodeFormat.Code128) == [doc.number]


def test_test_page_qr() -> None:
    printed = decode(encode_image(to_mono(render_test_page(576, "dummy")))).image
    assert _texts(printed) == ["OTOP-POS TEST 576"]


def _ocr(image: Image.Image, lang: str, tmp_path: Path) -> str:
    """Tesseract's text for the image at ×1 and ×3 (LANCZOS), joined: a word counts if either reads it."""
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed (Debian: tesseract-ocr-tha)")
    texts = []
    for scale in (1, 3):
        path = tmp_path / f"receipt-x{scale}.png"
        grey = image.convert("L")
        grey.resize((image.width * scale, image.height * scale), Image.Resampling.LANCZOS).save(path)
        done = subprocess.run(["tesseract", str(path), "-", "-l", lang, "--psm", "6"],
                              capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 and "Failed loading language" in done.stderr:
            pytest.skip(f"tesseract has no {lang} data")
        assert done.returncode == 0, done.stderr
        texts.append(done.stdout)
    return _normalise("\n".join(texts))


def _normalise(text: str) -> str:
    """Drop spaces; Tesseract writes sara am as nikhahit + sara aa (นํ้า): join it back (น้ำ)."""
    text = text.replace(" ", "")
    for split, joined in (("ํ้า", "้ำ"), ("้ํา", "้ำ"), ("ํา", "ำ")):
        text = text.replace(split, joined)
    return text


def test_ocr_reads_shaped_thai(tmp_path: Path) -> None:
    """Tesseract reads Qt-shaped Thai almost exactly; unshaped text loses its stacked marks
    (ครังที ญีปุน), so finding these words proves the marks were printed where they belong.
    Tesseract itself sometimes reads น้ำ as น้า, hence one miss is allowed."""
    printed = decode(encode_receipt(sale(), 576)).image
    text = _ocr(printed, "tha", tmp_path)
    words = ["ครั้งที่", "ญี่ปุ่น", "น้ำ", "รวมเป็นเงิน", "ใบเสร็จรับเงิน", "เครื่องดื่ม", "ที่ระลึก",
             "สมุนไพร"]
    missing = [w for w in words if w not in text]
    assert len(missing) <= 1, f"not read: {missing}\n{text}"


def test_ocr_reads_english(tmp_path: Path) -> None:
    printed = decode(encode_receipt(english_sale(), 576)).image
    text = _ocr(printed, "eng", tmp_path)
    words = ["RECEIPT", "TOTAL", "Subtotal", "Tendered", "Change", "honey", "Jasmine"]
    missing = [w for w in words if w not in text]
    assert len(missing) <= 1, f"not read: {missing}\n{text}"

"""PromptPay QR PNG and booth sign: the printed QR decodes to the exact payload."""
from __future__ import annotations

from pathlib import Path

import pytest

from otop_pos.core.promptpay import promptpay_payload
from otop_pos.reports.promptpay_sign import write_promptpay_png, write_promptpay_sign_pdf

from tests.reports.pdf_helpers import load_image, page_count, pdftotext, render

zxingcpp = pytest.importorskip("zxingcpp")


def decode(png: Path) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(load_image(png))]


@pytest.mark.parametrize(
    "target, amount, payload",
    [
        ("0801234567", None, "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
        ("1234567890123", 2300,
         "00020101021229370016A000000677010111021312345678901235802TH5303764540523.006304C4F2"),
    ],
)
def test_png_decodes_to_the_payload(tmp_path: Path, target: str, amount: int | None, payload: str) -> None:
    png = tmp_path / "qr.png"
    write_promptpay_png(target, amount, png)
    assert promptpay_payload(target, amount) == payload
    assert load_image(png).size == (600, 600)
    assert decode(png) == [payload]
    colours = {colour for _count, colour in load_image(png).convert("L").getcolors() or []}
    assert colours <= {0, 255}  # crisp: only black and white, no blur


def test_png_size(tmp_path: Path) -> None:
    png = tmp_path / "small.png"
    write_promptpay_png("0801234567", 15000, png, size=300)
    assert load_image(png).size == (300, 300)
    assert decode(png) == [promptpay_payload("0801234567", 15000)]


@pytest.mark.parametrize("amount", [None, 119000])
def test_sign_pdf(tmp_path: Path, amount: int | None) -> None:
    pdf = tmp_path / "sign.pdf"
    write_promptpay_sign_pdf("0801234567", "กลุ่มสตรีบ้านหนองแวง", "นางมาลัย พรมมา", pdf,
                             amount_satang=amount)
    assert page_count(pdf) == 1
    text = pdftotext(pdf)
    assert "สแกนจ่ายด้วยพร้อมเพย์" in text and "Scan to pay with PromptPay" in text
    assert "กลุ่มสตรีบ้านหนองแวง" in text and "นางมาลัย พรมมา" in text
    assert "080-xxx-4567" in text and "0801234567" not in text
    if amount:
        assert "1,190.00" in text
    (png,) = render(pdf, 150)
    assert decode(png) == [promptpay_payload("0801234567", amount)]

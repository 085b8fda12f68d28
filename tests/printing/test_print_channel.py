"""The producer's link on the receipt: a QR that decodes to the link (ESC/POS bytes decoded back to an image and
read with zbarimg and zxing-cpp), its caption, on the thermal slip and the receipt PDF, from the booth settings."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import receipt_doc
from otop_pos.booth.settings import update_settings
from otop_pos.core.clock import FixedClock
from otop_pos.printing.escpos_encode import encode_receipt
from otop_pos.reports.receipt_pdf import write_receipt_pdf
from otop_pos.store.engine import SqliteStore
from tests.printing.escpos_decode import decode
from tests.printing.receipt_samples import sale
from tests.reports.pdf_helpers import pdftotext, render

LINE = "https://line.me/R/ti/p/@baansuda"


def zbar(image: Image.Image, tmp_path: Path) -> list[str]:
    """What zbarimg reads in the image (every QR code's text)."""
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (Debian: zbar-tools)")
    path = tmp_path / "scan.png"
    image.convert("L").save(path)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
                          capture_output=True, text=True, timeout=60, check=False)
    return done.stdout.splitlines()


def qr_texts(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image.convert("L")) if r.format == zxingcpp.BarcodeFormat.QRCode]


@pytest.mark.parametrize("width", [384, 576])
def test_the_slip_carries_the_line_qr_that_decodes_to_the_link(width: int, tmp_path: Path) -> None:
    doc = sale(channel_url=LINE, channel_kind="line", show_promptpay_qr=False)
    printed = decode(encode_receipt(doc, width)).image
    assert LINE in zbar(printed, tmp_path)
    assert sorted(qr_texts(printed)) == sorted([LINE, doc.number])   # the link and the receipt number, no more
    plain = decode(encode_receipt(sale(show_promptpay_qr=False), width)).image
    assert printed.height > plain.height and qr_texts(plain) == [doc.number]


def test_the_caption_is_printed_in_thai(tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    doc = sale(channel_url=LINE, channel_kind="line", show_promptpay_qr=False, number_code="none", n=1)
    printed = decode(encode_receipt(doc, 576)).image
    path = tmp_path / "slip.png"
    printed.convert("L").resize((printed.width * 2, printed.height * 2)).save(path)
    text = subprocess.run(["tesseract", str(path), "-", "-l", "tha+eng", "--psm", "6"], capture_output=True,
                          text=True, timeout=120, check=False).stdout.replace(" ", "")
    if "Failed loading language" in text:
        pytest.skip("no Thai data for tesseract")
    assert "ติดตามร้าน" in text and "@baansuda" in text


def test_a_sale_receipt_from_the_booth_settings_carries_the_link(store: SqliteStore, clock: FixedClock,
                                                                  tmp_path: Path) -> None:
    open_day(store, clock, 100000)
    idx = CatalogueIndex.load(store)
    product = idx.lookup("KK20-0001-02")
    assert product is not None
    number = checkout(store, clock, Cart().add(product), [PaymentIn("cash", tendered_satang=100000)]).number
    assert receipt_doc(store, number).channel_url == ""                  # none set: no QR
    update_settings(store, clock, shop_url="shopee.co.th/baansuda", facebook_page="facebook.com/baansuda")
    doc = receipt_doc(store, number)
    assert (doc.channel_url, doc.channel_kind) == ("https://shopee.co.th/baansuda", "shop")
    update_settings(store, clock, line_account="@BaanSuda")                 # LINE comes first
    doc = receipt_doc(store, number)
    assert (doc.channel_url, doc.channel_kind) == (LINE, "line")
    printed = decode(encode_receipt(doc, 384)).image
    assert LINE in zbar(printed, tmp_path)
    pdf = tmp_path / "receipt.pdf"
    write_receipt_pdf(doc, pdf)
    assert "ติดตามร้านทาง LINE" in pdftotext(pdf)
    [page] = render(pdf, dpi=200)
    assert LINE in zbar(Image.open(page), tmp_path)

"""Formal PDF receipts: s.105 ทวิ fields, exact Thai text, copies, voids, refunds, English."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from otop_pos.core.documents import ReceiptLine, ReceiptPayment
from otop_pos.reports import receipt_pdf
from otop_pos.reports.receipt_pdf import write_receipt_pdf

from tests.reports.pdf_helpers import (
    ISSUED, LINES, TOTAL, make_receipt, page_count, pdftotext, pypdf_text, render,
)

WORDS_1234_50 = "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"


def test_thai_receipt_has_the_required_fields_exactly(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    write_receipt_pdf(make_receipt(), pdf)
    assert TOTAL == 123450
    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert "ใบเสร็จรับเงิน" in text
        assert "กลุ่มสตรีบ้านหนองแวง" in text  # issuer
        assert "0994000123456" in text  # issuer tax ID
        assert "C002-1-000123" in text  # serial number
        assert "26 ตุลาคม 2563 17:45" in text  # พ.ศ. date in Bangkok time
        assert WORDS_1234_50 in text  # amount in words
        assert "1,234.50" in text and "1,500.00" in text and "265.50" in text  # total, tendered, change
        assert "น้ำกระเจี๊ยบ ครั้งที่ 20" in text
        assert "เครื่องดื่มสมุนไพร บ้านหนองแวง" in text
        assert "ผ้าไหมมัดหมี่ลายโบราณ ญี่ปุ่น" in text
        assert "30.75" in text and "61.50" in text  # unit price and line amount
        assert "ผู้รับเงิน" in text  # signature line
        assert "ชื่อผู้ซื้อ" in text and "ที่อยู่" in text and "เลขประจำตัวผู้เสียภาษีผู้ซื้อ" in text
        assert "สำเนา" not in text and "COPY" not in text
        assert "ราคารวมภาษีมูลค่าเพิ่มแล้ว" not in text
    text = pdftotext(pdf)
    for line in LINES:  # every name once: the shaped outlines are never extracted as text
        assert text.count(line.name) == 1, line.name
    assert text.count(WORDS_1234_50) == 1
    assert page_count(pdf) == 1
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)  # A5


def test_buyer_fields_are_filled_when_known(tmp_path: Path) -> None:
    pdf = tmp_path / "buyer.pdf"
    write_receipt_pdf(make_receipt(buyer_name="บริษัท ขอนแก่น โอทอป อินเตอร์เทรดเดอร์ จำกัด",
                                   buyer_address="99 ถนนมิตรภาพ อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000",
                                   buyer_tax_id="0405551000123"), pdf)
    text = pdftotext(pdf)
    assert "บริษัท ขอนแก่น โอทอป อินเตอร์เทรดเดอร์ จำกัด" in text
    assert "99 ถนนมิตรภาพ อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000" in text
    assert "0405551000123" in text


def test_copy_says_so(tmp_path: Path) -> None:
    pdf = tmp_path / "copy.pdf"
    write_receipt_pdf(make_receipt(copy=True), pdf)
    text = pdftotext(pdf)
    assert "สำเนา" in text and "COPY" in text
    assert text.count(WORDS_1234_50) == 1


def test_abbreviated_tax_invoice_title(tmp_path: Path) -> None:
    pdf = tmp_path / "ati.pdf"
    write_receipt_pdf(make_receipt(title_mode="abbreviated_tax_invoice"), pdf)
    text = pdftotext(pdf)
    assert "ใบกำกับภาษีอย่างย่อ" in text
    assert "ราคารวมภาษีมูลค่าเพิ่มแล้ว" in text
    assert "0994000123456" in text


@pytest.mark.parametrize("kind, title", [("void", "ใบยกเลิกใบเสร็จรับเงิน"), ("refund", "ใบคืนเงิน")])
def test_void_and_refund_point_at_the_original(tmp_path: Path, kind: str, title: str) -> None:
    pdf = tmp_path / f"{kind}.pdf"
    doc = make_receipt(kind=kind, number="C002-1-000130", original_number="C002-1-000123",
                       reason="สินค้าชำรุด", payments=(ReceiptPayment("cash", TOTAL),), change_satang=0)
    write_receipt_pdf(doc, pdf)
    text = pdftotext(pdf)
    assert title in text
    assert "อ้างอิงใบเสร็จรับเงินเลขที่ C002-1-000123" in text
    assert "C002-1-000130" in text
    assert "สินค้าชำรุด" in text
    assert WORDS_1234_50 in text


def test_english_receipt(tmp_path: Path) -> None:
    pdf = tmp_path / "en.pdf"
    write_receipt_pdf(make_receipt(lang="en", copy=True), pdf, page="A4")
    text = pdftotext(pdf)
    assert "RECEIPT" in text and "COPY" in text
    assert "26 Oct 2020 17:45" in text
    assert "One thousand two hundred thirty-four baht and fifty satang" in text
    assert "Received by" in text and "Buyer" in text and "Tax ID" in text
    assert "น้ำกระเจี๊ยบ ครั้งที่ 20" in text  # product names stay as written
    assert "ใบเสร็จรับเงิน" not in text
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert round(float(box.width)) == 595  # A4


def test_long_receipt_runs_over_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    lines = tuple(ReceiptLine(f"ข้าวหอมมะลิ 5 กก. ถุงที่ {k}", 1, 25000, 0, 25000) for k in range(1, 61))
    write_receipt_pdf(make_receipt(lines=lines, subtotal_satang=1500000, sale_discount_satang=0,
                                   total_satang=1500000, payments=(ReceiptPayment("promptpay", 1500000),),
                                   change_satang=0), pdf)
    assert page_count(pdf) >= 2
    text = pdftotext(pdf)
    for k in (1, 30, 60):
        assert f"ข้าวหอมมะลิ 5 กก. ถุงที่ {k}" in text
    assert "หนึ่งหมื่นห้าพันบาทถ้วน" in text
    assert "พร้อมเพย์" in text


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "r.pdf"
    write_receipt_pdf(make_receipt(), pdf)
    before = pdf.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]

    def broken_build(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(receipt_pdf.SimpleDocTemplate, "build", broken_build)
    with pytest.raises(RuntimeError):
        write_receipt_pdf(make_receipt(number="C002-1-000999"), pdf)
    assert pdf.read_bytes() == before  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # no temp file left


def test_receipt_renders(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    write_receipt_pdf(make_receipt(copy=True, number_code="barcode", issued_at=ISSUED), pdf)
    (png,) = render(pdf, 60)
    assert png.stat().st_size > 10_000


def test_logo_is_drawn_when_the_file_exists(tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 80), (200, 30, 30)).save(logo)
    pdf = tmp_path / "logo.pdf"
    write_receipt_pdf(make_receipt(logo_path=str(logo)), pdf)
    assert "กลุ่มสตรีบ้านหนองแวง" in pdftotext(pdf)
    missing = tmp_path / "missing.pdf"
    write_receipt_pdf(make_receipt(logo_path=str(tmp_path / "nope.png")), missing)
    assert page_count(missing) == 1

"""The Z report PDF: figures, Thai dates, and the cash difference highlighted when not zero."""
from __future__ import annotations

from pathlib import Path


from otop_pos.reports.zreport_pdf import write_zreport_pdf

from tests.reports.pdf_helpers import load_image, make_zreport, page_count, pdftotext, pypdf_text, render


def red_pixels(png: Path) -> int:
    image = load_image(png).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24) or []
    return sum(count for count, (r, g, b) in colours if r > 150 and g < 90 and b < 90)


def test_thai_z_report(tmp_path: Path) -> None:
    pdf = tmp_path / "z.pdf"
    write_zreport_pdf(make_zreport(), pdf)
    for text in (pdftotext(pdf), pypdf_text(pdf)):
        assert "รายงานปิดยอดประจำวัน" in text
        assert "กลุ่มสตรีบ้านหนองแวง" in text and "C002" in text
        assert "26 ตุลาคม 2563" in text  # business date, พ.ศ.
        assert "26 ต.ค. 2563 09:00" in text and "26 ต.ค. 2563 20:30" in text  # opened, closed
        assert "เงินทอนตั้งต้น" in text and "1,000.00" in text
        assert "เงินสดที่ควรมี" in text and "13,305.50" in text
        assert "เงินสดที่นับได้" in text and "13,300.00" in text
        assert "-5.50 (เงินขาด)" in text
        assert "พร้อมเพย์" in text and "5,600.00" in text and "โอนเงิน" in text
        assert "ยกเลิก" in text and "-120.00" in text
        assert "คืนเงิน" in text and "-40.00" in text
        assert "ยอดขายสุทธิ" in text and "18,095.50" in text
        assert "ธนบัตร 1,000" in text and "10,000.00" in text and "เหรียญ 0.50" in text
        assert "C002-1-000001" in text and "C002-1-000060" in text
    assert page_count(pdf) == 1


def test_difference_is_highlighted_only_when_not_zero(tmp_path: Path) -> None:
    short, exact = tmp_path / "short.pdf", tmp_path / "exact.pdf"
    write_zreport_pdf(make_zreport(), short)
    write_zreport_pdf(make_zreport(counted_cash_satang=1330550, difference_satang=0), exact)
    assert red_pixels(render(short, 50)[0]) > 50
    assert red_pixels(render(exact, 50)[0]) == 0
    assert "0.00 (ตรง)" in pdftotext(exact)


def test_english_z_report_not_counted(tmp_path: Path) -> None:
    pdf = tmp_path / "z-en.pdf"
    write_zreport_pdf(make_zreport(lang="en", counted_cash_satang=None, difference_satang=None,
                                   closed_at=None, counts=()), pdf)
    text = pdftotext(pdf)
    assert "End-of-day report" in text
    assert "26 Oct 2020" in text
    assert "not counted" in text and "not closed yet" in text
    assert "PromptPay" in text and "Net sales" in text

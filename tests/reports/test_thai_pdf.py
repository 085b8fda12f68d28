"""Thai in PDFs: shaped on the page (OCR reads the marks), exact in pdftotext and pypdf."""
from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from otop_pos.core import thai_wordbreak as tw
from otop_pos.reports.thai_pdf import (
    ThaiParagraph, draw_text, font_name, text_width, thai_table, wrap_text,
)

from tests.reports.pdf_helpers import DATA, load_image, need, page_count, pdftotext, pypdf_text, render

WORDS = ["ครั้งที่", "ญี่ปุ่น", "น้ำ", "เครื่องดื่ม", "บ้าน", "ทั้งสิ้น", "ที่นี่", "ปั้น", "ชื่อ", "พี่น้อง"]


def test_extraction_gives_back_exactly_what_was_drawn(tmp_path: Path) -> None:
    pdf = tmp_path / "words.pdf"
    c = Canvas(str(pdf), pagesize=A5)
    draw_text(c, 30, 540, "ครั้งที่ 20 ญี่ปุ่น น้ำ เครื่องดื่ม บ้าน", 14)
    draw_text(c, 30, 510, "ยอดรวมทั้งสิ้น 1,190.00", 12, bold=True)
    draw_text(c, 390, 480, "ผ้าไหมมัดหมี่ ฐุ ญุ ปู่ ฟ้า", 12, align="right")
    draw_text(c, 210, 450, "Total 1,190.00", 12, align="center")
    c.showPage()
    c.save()
    for text in (pdftotext(pdf), pdftotext(pdf, layout=False), pypdf_text(pdf)):
        assert "ครั้งที่ 20 ญี่ปุ่น น้ำ เครื่องดื่ม บ้าน" in text
        assert "ยอดรวมทั้งสิ้น 1,190.00" in text
        assert "ผ้าไหมมัดหมี่ ฐุ ญุ ปู่ ฟ้า" in text
        assert "Total 1,190.00" in text
        assert text.count("ครั้งที่") == 1  # the outlines are not text: nothing doubled


OCR_SIZE, OCR_GAP, OCR_TOP, OCR_DPI = 16.0, 36.0, 560.0, 300


def ocr_score(pdf: Path, page: int) -> int:
    """How many of WORDS tesseract reads back exactly, one cropped line at a time (--psm 7)."""
    from PIL import ImageOps

    png = render(pdf, OCR_DPI, gray=True)[page - 1]
    image = load_image(png).convert("L")
    scale = OCR_DPI / 72
    page_height = A5[1]
    score = 0
    for k, word in enumerate(WORDS):
        baseline = OCR_TOP - k * OCR_GAP
        top = int((page_height - baseline - OCR_SIZE * 1.3) * scale)
        bottom = int((page_height - baseline + OCR_SIZE * 0.6) * scale)
        line = image.crop((0, top, image.width, bottom))
        box = ImageOps.invert(line).getbbox()
        assert box is not None, f"nothing drawn for {word}"
        line = ImageOps.expand(line.crop(box), border=20, fill=255)
        crop = png.with_name(f"line-{page}-{k}.png")
        line.save(crop)
        out = subprocess.run([need("tesseract"), str(crop), "-", "-l", "tha", "--psm", "7"],
                             check=True, capture_output=True, text=True).stdout.strip()
        score += out == word
    return score


def test_marks_are_stacked_so_ocr_reads_them(tmp_path: Path) -> None:
    """Unshaped, tone marks sit on the upper vowels and OCR drops them; shaped, it reads them."""
    langs = subprocess.run([need("tesseract"), "--list-langs"], capture_output=True, text=True).stdout
    if "tha" not in langs.split():
        pytest.skip("tesseract-ocr-tha is not installed")
    pdf = tmp_path / "ocr.pdf"
    c = Canvas(str(pdf), pagesize=A5)
    for k, word in enumerate(WORDS):
        draw_text(c, 40, OCR_TOP - k * OCR_GAP, word, OCR_SIZE)
    c.showPage()
    c.setFont(font_name(), OCR_SIZE)  # the same words the naive reportlab way, for contrast
    for k, word in enumerate(WORDS):
        c.drawString(40, OCR_TOP - k * OCR_GAP, word)
    c.showPage()
    c.save()
    shaped, naive = ocr_score(pdf, 1), ocr_score(pdf, 2)
    assert shaped >= 7, (shaped, naive)
    assert naive <= shaped - 4, (shaped, naive)


def catalogue_names() -> list[str]:
    if not DATA.is_dir():
        pytest.skip("the shared test data is not next to the repository")
    with open(DATA / "catalogue.csv", encoding="utf-8-sig", newline="") as f:
        return sorted({row["ชื่อสินค้า"] for row in csv.DictReader(f)})


@pytest.mark.parametrize("max_width", [40.0, 70.0, 120.0])
def test_wrap_breaks_only_between_words_and_fits(max_width: float) -> None:
    names = catalogue_names() + [
        "ผ้าไหมมัดหมี่ลายโบราณ ทอมือจากกลุ่มทอผ้าบ้านโนนสวรรค์ อำเภอชนบท จังหวัดขอนแก่น",
        "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์",
    ]
    for name in names:
        lines = wrap_text(name, 10, max_width)
        assert "".join(lines).replace(" ", "") == name.replace(" ", "")
        allowed = set(tw.break_opportunities(name))
        pieces = tw.segment(name)
        pos = 0
        for line in lines[:-1]:
            assert line[:1] not in "ัิีึืุู็่้๊๋์ำะา", (name, lines)
            pos = name.index(line, pos) + len(line)
            if pos in allowed or name[pos:pos + 1] == " ":
                continue
            # a forced cut: only inside a piece that is wider than the whole line
            start = 0
            for piece in pieces:
                if start <= pos < start + len(piece):
                    assert text_width(piece.strip(), 10) > max_width, (name, lines, piece)
                start += len(piece)
        for line in lines:
            assert text_width(line, 10) <= max_width or len(line.strip()) == 1, (name, line)


def test_wrap_keeps_whole_words_when_they_fit() -> None:
    lines = wrap_text("กลุ่มทอผ้าบ้านโนนสวรรค์", 10, text_width("กลุ่มทอผ้าบ้าน", 10) + 1)
    assert lines == ["กลุ่มทอผ้าบ้าน", "โนนสวรรค์"]
    assert wrap_text("Scan to pay with PromptPay", 10, text_width("Scan to pay with", 10) + 1) == [
        "Scan to pay with", "PromptPay"]
    assert wrap_text("บรรทัดแรก\nบรรทัดสอง", 10, 500) == ["บรรทัดแรก", "บรรทัดสอง"]
    # a word wider than the whole line is cut between its parts, not before a mark
    narrow = wrap_text("เครื่องดื่ม", 10, text_width("เครื่อง", 10) + 1)
    assert narrow == ["เครื่อง", "ดื่ม"]


def test_paragraphs_and_tables_flow_over_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "table.pdf"
    rows = [["ที่", "รายการ", "จำนวนเงิน"]]
    for k in range(1, 121):
        rows.append([str(k), f"เครื่องดื่มสมุนไพร บ้านหนองแวง ครั้งที่ {k}", f"{k * 1000:,}.00"])
    story = [
        ThaiParagraph("รายงานยอดขายตามสินค้า " * 8, 14, bold=True),
        thai_table(rows, [30, 220, 80], size=10, aligns=["center", "left", "right"], zebra=True),
    ]
    SimpleDocTemplate(str(pdf), pagesize=A5).build(story)
    assert page_count(pdf) >= 3
    text = pdftotext(pdf)
    for k in (1, 60, 120):
        assert f"เครื่องดื่มสมุนไพร บ้านหนองแวง ครั้งที่ {k} " in text or \
            f"เครื่องดื่มสมุนไพร บ้านหนองแวง ครั้งที่ {k}\n" in text
        assert f"{k * 1000:,}.00" in text
    assert text.count("จำนวนเงิน") == page_count(pdf)  # the header repeats on every page
    # right-aligned numbers: the last digit of every amount ends in the same column
    ends = {line.rstrip().__len__() for line in text.splitlines() if line.rstrip().endswith(",000.00")}
    assert len(ends) <= 2, ends


def test_glyph_outlines_are_stored_once(tmp_path: Path) -> None:
    pdf = tmp_path / "many.pdf"
    c = Canvas(str(pdf), pagesize=A5)
    for page in range(5):
        for k in range(40):
            draw_text(c, 20, 570 - k * 14, "ครั้งที่ 20 ญี่ปุ่น น้ำ เครื่องดื่ม บ้าน ยอดรวมทั้งสิ้น", 10)
        c.showPage()
    c.save()
    assert pdf.stat().st_size < 150_000
    assert pdftotext(pdf).count("เครื่องดื่ม") == 200


def test_long_paragraph_splits_over_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "para.pdf"
    text = "\n".join(f"บรรทัดที่ {k} กลุ่มทอผ้าบ้านโนนสวรรค์ ผ้าไหม" for k in range(1, 91))
    SimpleDocTemplate(str(pdf), pagesize=A5).build([ThaiParagraph(text, 11)])
    assert page_count(pdf) >= 3
    out = pdftotext(pdf)
    for k in range(1, 91):
        assert f"บรรทัดที่ {k} กลุ่มทอผ้าบ้านโนนสวรรค์ ผ้าไหม" in out
    assert out.count("กลุ่มทอผ้าบ้านโนนสวรรค์") == 90


def test_empty_and_latin_text(tmp_path: Path) -> None:
    pdf = tmp_path / "plain.pdf"
    c = Canvas(str(pdf), pagesize=A5)
    assert draw_text(c, 10, 10, "", 10) == 0.0
    width = draw_text(c, 10, 30, "Total 1,190.00", 10, bold=True)
    assert width == pytest.approx(text_width("Total 1,190.00", 10, True))
    c.showPage()
    c.save()
    assert "Total 1,190.00" in pdftotext(pdf)
    assert wrap_text("", 10, 100) == [""]

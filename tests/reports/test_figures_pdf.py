"""The organiser report PDF read back: the Thai title, fair, venue, dates in พ.ศ., product type names and
totals come back exactly from ``pdftotext``; tables run over pages with their header repeated; every page
says "หน้า x/y"; the English version too; pages render (pdftoppm) with ink on them."""
from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from otop_pos.core.money import format_baht
from otop_pos.reports.figures_pdf import period_text, write_figures_pdf
from otop_pos.reports.model import KeyFigures
from otop_pos.reports.pdf_table import LongTable
from tests.reports.figures_sample import sample_figures
from tests.reports.pdf_helpers import need, page_count, pdftotext


@pytest.fixture(scope="module")
def thai_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("figures") / "report-th.pdf"
    write_figures_pdf(sample_figures(120), path)
    return path


@pytest.fixture(scope="module")
def thai_text(thai_pdf: Path) -> str:
    return pdftotext(thai_pdf)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_thai_pdf_gives_back_its_words_and_totals(thai_pdf: Path, thai_text: str) -> None:
    f = sample_figures(120)
    flat = _flat(thai_text)
    for words in ("สรุปผลการจำหน่ายสินค้า", "OTOP CITY IN KHONKAEN ครั้งที่ 20", "ณ สวนรัชดานุสรณ์ จังหวัดขอนแก่น",
                  "ระหว่างวันที่ 26 ตุลาคม – 1 พฤศจิกายน 2563", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย",
                  "ของใช้ ของตกแต่งและของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร", "รายได้สุทธิ (บาท)", "เงินสด",
                  "พร้อมเพย์", "ภาคผนวก", "พิมพ์เมื่อ 1 พ.ย. 2563 21:00", "ผู้ประกอบการที่มียอดขาย",
                  "กลุ่มทอผ้าบ้านหนองแวง", "(KK20-0120)"):
        assert words in flat, words
    assert format_baht(f.key.net_satang) in flat and re.search(r"\d{1,3}(,\d{3})+\.\d\d", flat)
    assert format_baht(f.by_product_type[1].net_satang) in flat
    assert format_baht(sum(v.net_satang for v in f.by_vendor)) in flat  # the annex total, on one line
    pages = page_count(thai_pdf)
    assert pages >= 5
    assert f"หน้า 1/{pages}" in flat and f"หน้า {pages}/{pages}" in flat
    assert '=HYPERLINK("http://evil.example/?x","คลิก")' in flat  # drawn as the text it is
    from pypdf import PdfReader

    assert "ครั้งที่ 20" in _flat(PdfReader(str(thai_pdf)).pages[0].extract_text())


def test_numbers_are_right_aligned(thai_pdf: Path) -> None:
    f = sample_figures(120)
    out = subprocess.run([need("pdftotext"), "-bbox", str(thai_pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>', out)
    amounts = {format_baht(v.net_satang) for v in f.by_vendor}  # 148,148,115.75 … 1,234,642.75
    found = [(float(x0), float(x1)) for x0, x1, w in words if w in amounts]
    assert len(found) >= len(amounts)
    right = {round(x1) for _x0, x1 in found}
    lefts = {round(x0) for x0, _x1 in found}
    assert len(lefts) > 1 and max(right) - min(right) <= 60  # a few right edges (columns), many left edges
    annex_edge = max(right)
    assert sum(1 for _x0, x1 in found if round(x1) == annex_edge) >= 100  # the annex column: one right edge
    assert all(re.fullmatch(r"\d{1,3}(,\d{3})*\.\d\d", a) for a in amounts)


def test_long_tables_repeat_their_header_on_every_page(thai_text: str) -> None:
    texts = thai_text.split("\f")
    annex = [t for t in texts if "KK20-0" in t and "ระดับ" in t and "ชื่อผู้ประกอบการ" in t]
    assert len(annex) >= 2  # 120 vendors do not fit on one page
    codes = re.findall(r"\(KK20-(\d{4})\)", "".join(texts))
    assert len(set(codes)) == 120


def test_english_pdf(tmp_path: Path) -> None:
    f = sample_figures(30)
    path = tmp_path / "report-en.pdf"
    write_figures_pdf(f, path, lang="en")
    flat = _flat(pdftotext(path))
    for words in ("Sales summary", "at สวนรัชดานุสรณ์, ขอนแก่น", "26 Oct – 1 Nov 2020", "Drinks",
                  "Cloth and apparel", "Income per product type (baht)", "Payment mix", "Printed 1 Nov 2020 21:00",
                  "Top vendors", format_baht(f.key.net_satang)):
        assert words in flat, words
    pages = page_count(path)
    assert f"Page 1/{pages}" in flat and "หน้า" not in flat
    assert period_text(f, "th") == "26 ตุลาคม – 1 พฤศจิกายน 2563"


def test_pages_render_with_ink(thai_pdf: Path, tmp_path: Path) -> None:
    subprocess.run([need("pdftoppm"), "-png", "-gray", "-r", "50", "-f", "1", "-l", "3", str(thai_pdf),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 3
    for png in pngs:
        with Image.open(png) as im:
            dark = sum(im.convert("L").histogram()[:128])
            assert dark > 500, png


def test_empty_figures_still_make_a_report(tmp_path: Path) -> None:
    f = sample_figures(5)
    empty = dataclasses.replace(
        f, key=KeyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0), by_vendor=(), top_vendors=(), top_products=(), missing=(),
        cash=(), by_hour=(), by_method=tuple(dataclasses.replace(r, net_satang=0, share_bp=0) for r in f.by_method),
        by_product_type=tuple(dataclasses.replace(r, net_satang=0, share_bp=0) for r in f.by_product_type),
        by_day=tuple(dataclasses.replace(r, net_satang=0, share_bp=0) for r in f.by_day))
    path = tmp_path / "empty.pdf"
    write_figures_pdf(empty, path)
    flat = _flat(pdftotext(path))
    assert "สรุปผลการจำหน่ายสินค้า" in flat and "ไม่มีรายการ" in flat


def test_long_table_splits_with_header_and_total() -> None:
    rows = [[f"แถว {i}", f"{i:,}"] for i in range(100)]
    table = LongTable(["รายการ", "จำนวน"], rows, [200, 100], ["left", "right"], total=["รวม", "4,950"])
    _w, h = table.wrap(300, 10_000)
    parts = table.split(300, h / 3)
    assert len(parts) == 2
    first, rest = parts
    assert first.total is None and rest.total == ["รวม", "4,950"]
    assert len(first.rows) + len(rest.rows) == 100 and first.header == rest.header == ["รายการ", "จำนวน"]
    assert first.wrap(300, h)[1] <= h / 3
    assert table.split(300, 5) == []


def test_numbers_are_never_broken_across_lines() -> None:
    rows = [["ชื่อยาวมากของกลุ่มวิสาหกิจชุมชนทอผ้าไหมบ้านหนองแวง", "4,577,523,877.25"]]
    table = LongTable(["ผู้ประกอบการ", "รายได้"], rows, [200, 40], ["left", "right"], total=["รวม", "14,577,523,877.25"])
    assert table.widths[1] > 40 and sum(table.widths) == 240
    table.wrap(240, 1000)
    cells, _heights = table._measure()
    assert all(len(row[1]) == 1 for row in cells[1:])

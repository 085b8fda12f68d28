"""The printed and written documents show the vocabulary's names: receipt (thermal slip and PDF), Z report,
the organiser's figures in XLSX/CSV/PDF; a payment method a fair defines as data shows in each with no code
change; the receipt's titles come from the one receipt view for both the slip and the page."""
from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from otop_pos.core.documents import ReceiptPayment
from otop_pos.core.receipt_view import receipt_view
from otop_pos.core.vocabulary import PAYMENT_METHOD, PRODUCT_TYPE, Term
from otop_pos.core.zreport_view import zreport_view
from otop_pos.fair import figures_sql as Q
from otop_pos.fair.figures import _method_rows
from otop_pos.printing.canvas import Canvas
from otop_pos.printing.receipt_layout import build_receipt
from otop_pos.printing.zreport_layout import build_zreport
from otop_pos.reports.csv_out import write_figures_csv
from otop_pos.reports.figures_pdf import write_figures_pdf
from otop_pos.reports.receipt_pdf import write_receipt_pdf
from otop_pos.reports.xlsx_out import write_figures_xlsx
from otop_pos.reports.zreport_pdf import write_zreport_pdf
from tests.reports.figures_sample import sample_figures
from tests.reports.pdf_helpers import make_receipt, make_zreport, pdftotext


class RecordingCanvas(Canvas):
    """A real slip canvas that also keeps every text it was asked to draw."""

    def __init__(self, width: int) -> None:
        super().__init__(width)
        self.seen: list[str] = []

    def text(self, text: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        self.seen.append(text)
        super().text(text, *args, **kwargs)

    def row(self, left: str, right: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        self.seen += [left, right]
        return super().row(left, right, *args, **kwargs)

    def banner(self, text: str, **kwargs: Any) -> None:
        self.seen.append(text)
        super().banner(text, **kwargs)


def slip_texts(doc: Any) -> list[str]:
    c = RecordingCanvas(576)
    build_receipt(c, doc)
    assert c.render().height() > 200  # it really drew
    return c.seen


def co_paid(lang: str = "th") -> Any:
    total = make_receipt().total_satang
    half = total // 2
    parts = (ReceiptPayment("cash", total - half, total - half, 0),
             ReceiptPayment("half_half", half))  # type: ignore[arg-type]
    return make_receipt(lang=lang, change_satang=0, payments=parts)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_fair_defined_method_shows_on_the_slip_and_the_pdf(half_half: Term, tmp_path: Path, lang: str) -> None:
    doc = co_paid(lang)
    assert half_half.name(lang) in slip_texts(doc)
    assert PAYMENT_METHOD.name("cash", lang) in slip_texts(doc)
    write_receipt_pdf(doc, tmp_path / "r.pdf")
    text = pdftotext(tmp_path / "r.pdf", layout=False)
    assert half_half.name(lang) in text and PAYMENT_METHOD.name("cash", lang) in text


def test_an_unknown_method_shows_its_key_rather_than_failing(tmp_path: Path) -> None:
    unknown = ReceiptPayment("welfare_card", make_receipt().total_satang)  # type: ignore[arg-type]
    doc = make_receipt(payments=(unknown,), change_satang=0)
    assert "welfare_card" in slip_texts(doc)
    write_receipt_pdf(doc, tmp_path / "r.pdf")  # the page used to raise KeyError here
    assert "welfare_card" in pdftotext(tmp_path / "r.pdf", layout=False)


@pytest.mark.parametrize(("kind", "title_mode", "slip_title", "page_title"), [
    ("sale", "receipt", "ใบเสร็จรับเงิน", "ใบเสร็จรับเงิน"),
    ("sale", "abbreviated_tax_invoice", "ใบกำกับภาษีอย่างย่อ", "ใบกำกับภาษีอย่างย่อ"),
    ("void", "receipt", "ใบเสร็จรับเงิน", "ใบยกเลิกใบเสร็จรับเงิน"),
    ("refund", "receipt", "ใบเสร็จรับเงิน", "ใบคืนเงิน / รับคืนสินค้า"),
])
def test_the_slip_and_the_page_take_their_titles_from_the_one_view(tmp_path: Path, kind: str, title_mode: str,
                                                                   slip_title: str, page_title: str) -> None:
    doc = make_receipt(kind=kind, title_mode=title_mode, original_number="C002-1-000100" if kind != "sale" else "",
                       reason="ลูกค้าเปลี่ยนใจ" if kind != "sale" else "", copy=True)
    slip, page = receipt_view(doc, "slip"), receipt_view(doc, "page")
    assert (slip.title, page.title) == (slip_title, page_title)
    seen = slip_texts(doc)
    assert slip.title in seen and slip.copy_mark in seen
    if kind != "sale":
        assert slip.kind_mark in seen and slip.reference in seen and slip.reason in seen
        assert page.reference.endswith("C002-1-000100") and page.reason == slip.reason == "เหตุผล: ลูกค้าเปลี่ยนใจ"
    write_receipt_pdf(doc, tmp_path / "r.pdf")
    text = pdftotext(tmp_path / "r.pdf", layout=False)
    refers = [page.reference] if kind != "sale" else []
    for part in (page.title, page.copy_mark, page.total_label, page.amount_words, *refers):
        assert part in text, part
    assert bool(page.vat_note) == (title_mode == "abbreviated_tax_invoice" and kind == "sale")
    assert bool(slip.vat_note) == (title_mode == "abbreviated_tax_invoice")
    assert page.vat_note in text and (not slip.vat_note or slip.vat_note in seen)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_z_report_names_methods_from_the_vocabulary(half_half: Term, tmp_path: Path, lang: str) -> None:
    doc = make_zreport(lang=lang, by_method=(("cash", 1234550), ("half_half", 560000)))  # type: ignore[arg-type]
    c = RecordingCanvas(576)
    build_zreport(c, doc)
    assert half_half.name(lang) in c.seen and PAYMENT_METHOD.name("cash", lang) in c.seen
    write_zreport_pdf(doc, tmp_path / "z.pdf")
    assert half_half.name(lang) in pdftotext(tmp_path / "z.pdf", layout=False)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_figures_files_show_the_vocabulary_names(half_half: Term, tmp_path: Path, lang: str) -> None:
    methods = _method_rows({"cash": Q.Acc(net=30000, count=3), "half_half": Q.Acc(net=10000, count=1)})
    assert [r.label(lang) for r in methods] == [PAYMENT_METHOD.name("cash", lang), half_half.name(lang)]
    f = replace(sample_figures(8), by_method=methods)
    write_figures_xlsx(f, tmp_path / "f.xlsx", lang)
    cells = {str(c) for ws in load_workbook(tmp_path / "f.xlsx").worksheets for row in ws.values for c in row}
    written = write_figures_csv(f, tmp_path / "csv", lang)
    rows = {c for p in written for row in csv.reader(p.read_text(encoding="utf-8-sig").splitlines()) for c in row}
    write_figures_pdf(f, tmp_path / "f.pdf", lang=lang)
    text = pdftotext(tmp_path / "f.pdf", layout=False)
    # the vendors' product-type column is named by the vocabulary (the sample stores only the Thai keys)
    for name in (half_half.name(lang), *(PRODUCT_TYPE.name(v.product_type, lang) for v in f.by_vendor)):
        assert name in cells and name in rows, name
    assert half_half.name(lang) in text


@pytest.mark.parametrize(("diff", "counted", "slip", "page"), [
    (-550, 1330000, "-5.50", "-5.50 (เงินขาด)"), (0, 1330550, "0.00", "0.00 (ตรง)"), (1000, 1331550, "+10.00", "10.00 (เงินเกิน)"),
    (None, None, "", "ยังไม่ได้นับ"),
])
def test_the_z_report_difference_is_worded_once_per_form(tmp_path: Path, diff: int | None, counted: int | None,
                                                         slip: str, page: str) -> None:
    doc = make_zreport(difference_satang=diff, counted_cash_satang=counted)
    s, p = zreport_view(doc, "slip"), zreport_view(doc, "page")
    assert (s.difference, p.difference) == (slip, page)
    assert s.counted == ("ยังไม่นับ" if counted is None else p.counted)
    c = RecordingCanvas(576)
    build_zreport(c, doc)
    assert s.counted in c.seen and (not slip or slip in c.seen) and s.label("title") in c.seen
    write_zreport_pdf(doc, tmp_path / "z.pdf")
    text = pdftotext(tmp_path / "z.pdf", layout=False)
    assert page in text and p.label("title") in text and p.closed in text

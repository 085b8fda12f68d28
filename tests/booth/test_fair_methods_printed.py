"""The fair's methods on paper: a sale paid by คนละครึ่ง, card and cash prints the scheme's name and both shares
on the thermal receipt (read back from the ESC/POS bytes) and on the PDF receipt; the day's Z report (thermal
and PDF) lists card and the scheme by the fair's names, counts the co-payment whole and names its two shares."""
from __future__ import annotations

from pathlib import Path

import pytest

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import figures, open_day, zreport
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import receipt_doc
from otop_pos.core.clock import FixedClock
from otop_pos.printing.escpos_encode import encode_receipt, encode_zreport
from otop_pos.reports.receipt_pdf import write_receipt_pdf
from otop_pos.reports.zreport_pdf import write_zreport_pdf
from otop_pos.store.booth_models import TillDay
from otop_pos.store.engine import SqliteStore
from tests.printing.escpos_decode import decode
from tests.printing.test_print_qr_ocr import _ocr
from tests.reports.pdf_helpers import pdftotext


@pytest.fixture
def sold(store: SqliteStore, clock: FixedClock) -> tuple[str, int]:
    """A sale of ฿(x) paid: คนละครึ่ง ฿350.01 (state ฿150.00 per the slip), card ฿9.99, cash for the rest."""
    open_day(store, clock, 0)
    cart = Cart().add(list_products(store)[0], 20)
    total = cart.total_satang
    assert total > 36000
    result = checkout(store, clock, cart, [PaymentIn("copay", 35001, reference="TQ-1", state_satang=15000),
                                           PaymentIn("card", 999), PaymentIn("cash", tendered_satang=total - 36000)],
                      print_receipt=False)
    return result.uuid, total


def test_the_pdf_receipt_names_the_scheme_and_both_shares(store: SqliteStore, sold: tuple[str, int],
                                                          tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    write_receipt_pdf(receipt_doc(store, sold[0], lang="th"), pdf)
    text = pdftotext(pdf, layout=False)
    assert "คนละครึ่ง (รัฐ ฿150.00 · ลูกค้า ฿200.01)" in text and "350.01" in text
    assert "บัตรเครดิต/เดบิต" in text and "9.99" in text


def test_the_thermal_receipt_names_the_scheme_and_both_shares(store: SqliteStore, sold: tuple[str, int],
                                                              tmp_path: Path) -> None:
    doc = receipt_doc(store, sold[0], lang="en")
    text = _ocr(decode(encode_receipt(doc, 576)).image, "eng", tmp_path)
    assert "Half-halfco-payment" in text and "350.01" in text
    assert "state฿150.00" in text.replace("B", "฿") or "state150.00" in text.replace("฿", "")
    assert "customer" in text and "200.01" in text
    assert "Credit/debitcard" in text


def test_the_z_report_counts_the_copay_whole_and_names_its_shares(store: SqliteStore, sold: tuple[str, int],
                                                                  tmp_path: Path) -> None:
    uuid, total = sold
    with store.read() as s:
        fig = figures(s, s.query(TillDay).one())
    assert dict(fig.by_method) == {"cash": total - 36000, "promptpay": 0, "transfer": 0, "other": 0,
                                   "card": 999, "copay": 35001}
    assert fig.schemes == (("copay", 20001, 15000),)
    doc = zreport(store, lang="th", business_date=fig.day.business_date)
    pdf = tmp_path / "z.pdf"
    write_zreport_pdf(doc, pdf)
    text = " ".join(pdftotext(pdf, layout=False).split())   # the shares' row wraps in its column
    assert "คนละครึ่ง 350.01" in text and "คนละครึ่ง: รัฐ ฿150.00 · ลูกค้า ฿200.01" in text
    assert "บัตรเครดิต/เดบิต" in text and "9.99" in text
    english = zreport(store, lang="en", business_date=fig.day.business_date)
    printed = _ocr(decode(encode_zreport(english, 576)).image, "eng", tmp_path)
    assert "Half-halfco-payment" in printed and "350.01" in printed and "200.01" in printed

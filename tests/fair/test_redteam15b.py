"""Red team round two, issue 15: the organiser's outputs of orders (producer sheets, report files, fair status)
over the order fair of tests/fair/order_fair.py (two booths that take, deliver and cancel orders, export and
import). Each test fails on main for the reason its docstring gives; none fixes anything."""
from __future__ import annotations

from pathlib import Path

from otop_pos.core.clock import FixedClock
from otop_pos.fair.store import FairStore
from tests.fair.order_fair import build_order_fair
from tests.reports.pdf_helpers import pdftotext


def test_the_producer_sheet_of_a_vendor_who_took_orders_does_not_say_it_has_none(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    """Booth C002 took two orders at the fair (one delivered, one cancelled), none is open. Its producer sheet
    (``fair report --producer-sheets``) says "ยังไม่มีรายการสั่งจอง" — "no orders yet" — which the producer reads
    as: the orders I took were lost. With none open it must say none is open (ไม่มีรายการค้างส่ง …), not that
    there were none."""
    from otop_pos.fair.producer_sheets import producer_sheet
    from otop_pos.reports.producer_sheet_pdf import write_producer_sheet_pdf

    booths = build_order_fair(fair_store, fair_clock, tmp_path)
    assert booths.orders["KK20-0002"]["taken_count"] == 2 and booths.orders["KK20-0002"]["open_count"] == 0
    sheet = producer_sheet(fair_store, "KK20-0002")
    text = " ".join(pdftotext(write_producer_sheet_pdf(sheet, tmp_path / "c002.pdf")).split())
    assert "ยังไม่มีรายการสั่งจอง" not in text, text[:600]

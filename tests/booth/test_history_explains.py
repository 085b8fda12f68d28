"""History that explains itself, booth side: refund documents in the list, the reasons an action is refused
(the use cases' own), and the day's totals equal to the Z report's."""
from __future__ import annotations

from datetime import timedelta

import pytest

from otop_pos.booth.adjustments import RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.days import close_day, day_totals, open_day, zreport
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import list_history, sale_detail
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import OtopError
from otop_pos.core.thaidate import fair_day
from otop_pos.store.engine import SqliteStore


def _sell(store: SqliteStore, clock: FixedClock, qty0: int, qty1: int, pay: list[PaymentIn]) -> SaleResult:
    idx = CatalogueIndex.load(store)
    cart = Cart()
    if qty0:
        cart = cart.add(idx.products[0], qty0)
    if qty1:
        cart = cart.add(idx.products[1], qty1)
    return checkout(store, clock, cart, pay, print_receipt=False)


def _day(store: SqliteStore, clock: FixedClock) -> tuple[SaleResult, SaleResult, SaleResult, str, str]:
    open_day(store, clock, 50000)
    a = _sell(store, clock, 1, 0, [PaymentIn("cash", tendered_satang=20000)])                 # ฿120 cash
    b = _sell(store, clock, 0, 1, [PaymentIn("promptpay", 66000)])                             # ฿660 QR
    c = _sell(store, clock, 2, 1, [PaymentIn("transfer", 50000), PaymentIn("cash", tendered_satang=50000)])
    void = void_sale(store, clock, a.number, "ลูกค้าเปลี่ยนใจ", "1234", print_receipt=False)
    refund = refund_sale(store, clock, c.number, "ชำรุด", "1234", lines=[RefundLineIn(1, 1)], print_receipt=False)
    return a, b, c, void.number, refund.number


def test_the_list_holds_the_refund_document_under_its_own_number(store: SqliteStore, clock: FixedClock) -> None:
    a, b, c, _void, refund = _day(store, clock)
    rows = list_history(store, business_date=fair_day(clock.now()))
    assert [r.number for r in rows] == [refund, c.number, b.number, a.number]   # newest first, the void is no row
    r = rows[0]
    assert (r.kind, r.status, r.total_satang, r.item_count, r.methods, r.sale_number) == (
        "refund", "refund", -12000, 1, "cash", c.number)
    assert rows[3].status == "void" and rows[1].status == "partly_refunded"
    assert [x.number for x in list_history(store, search=c.number)] == [refund, c.number]  # the sale finds it
    assert [x.number for x in list_history(store, search=refund)] == [refund]
    assert [x.number for x in list_history(store, business_date=fair_day(clock.now()), offset=1, limit=2)] == [
        c.number, b.number]


def test_a_refund_document_shows_its_sale_and_the_sale_its_refunds(store: SqliteStore, clock: FixedClock) -> None:
    _a, _b, c, _void, refund = _day(store, clock)
    doc = sale_detail(store, refund)
    assert doc.row.number == refund and doc.refund_of == c.number and doc.reason == "ชำรุด"
    assert [(ln.qty, ln.net_satang) for ln in doc.lines] == [(1, -12000)]
    assert doc.void_refusal is not None and c.number in doc.void_refusal.th
    assert sale_detail(store, c.number).refund_numbers == (refund,)


def _refused(action: object, *args: object, **kw: object) -> OtopError:
    with pytest.raises(OtopError) as err:
        action(*args, **kw)  # type: ignore[operator]
    return err.value


def test_the_reasons_shown_are_the_errors_the_actions_raise(store: SqliteStore, clock: FixedClock) -> None:
    a, b, c, _void, _refund = _day(store, clock)
    voided, partly, paid = sale_detail(store, a.number), sale_detail(store, c.number), sale_detail(store, b.number)
    assert paid.void_refusal is None and paid.refund_refusal is None
    assert partly.refund_refusal is None
    for detail, ref in ((voided, a.number), (partly, c.number)):
        raised = _refused(void_sale, store, clock, ref, "x", "1234")
        assert detail.void_refusal is not None and detail.void_refusal.th == raised.th
    assert partly.void_refusal is not None and "คืนเงินแล้ว" in partly.void_refusal.th
    raised = _refused(refund_sale, store, clock, a.number, "x", "1234")
    assert voided.refund_refusal is not None and voided.refund_refusal.th == raised.th
    refund_sale(store, clock, c.number, "ชำรุด", "1234", print_receipt=False)      # the rest
    full = sale_detail(store, c.number)
    assert full.refund_refusal is not None and full.refund_refusal.th == _refused(
        refund_sale, store, clock, c.number, "x", "1234").th
    close_day(store, clock, "1234", counted_satang=0, back_up=False)
    for next_day in (False, True):   # no day open; then the next day: yesterday's sale is refunded, not voided
        if next_day:
            clock.advance(timedelta(days=1))
            open_day(store, clock, 0)
        shown = sale_detail(store, b.number).void_refusal
        assert shown is not None and shown.th == _refused(void_sale, store, clock, b.number, "x", "1234").th
        assert ("วันนี้" in shown.th) is next_day


def test_day_totals_are_the_z_report_figures(store: SqliteStore, clock: FixedClock) -> None:
    _day(store, clock)
    z = zreport(store, business_date=fair_day(clock.now()))
    t = day_totals(store, fair_day(clock.now()))
    assert (t.sales_count, t.gross_satang, t.voids_count, t.voids_satang, t.refunds_count, t.refunds_satang,
            t.net_satang, t.by_method) == (z.sales_count, z.gross_satang, z.voids_count, z.voids_satang,
                                           z.refunds_count, z.refunds_satang, z.net_satang, z.by_method)
    assert (t.sales_count, t.net_satang) == (3, 12000 + 66000 + 90000 - 12000 - 12000)
    assert day_totals(store, fair_day(clock.now()) + timedelta(days=1)).sales_count == 0


def test_the_search_takes_thai_digits_and_no_wildcards(store: SqliteStore, clock: FixedClock) -> None:
    """A receipt number typed on the Thai keyboard's number row finds it; ``%`` and ``_`` are characters a
    person typed, not patterns that match everything (no sale, line or SKU here holds them)."""
    a, b, c, _void, refund = _day(store, clock)
    tail = b.number.rsplit("-", 1)[1]
    thai = tail.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert [x.number for x in list_history(store, search=thai)] == [b.number]
    for typed in ("%", "_", "B001_", "\\"):
        assert list_history(store, search=typed) == [], typed
    assert [x.number for x in list_history(store, search="B001-")] == [refund, c.number, b.number, a.number]

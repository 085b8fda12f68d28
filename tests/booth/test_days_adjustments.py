"""Day open/close with cash count; voids and refunds as new records; net totals everywhere."""
from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from otop_pos.booth.adjustments import RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import CatalogueIndex, set_stock
from otop_pos.booth.checkout import SaleResult, checkout
from otop_pos.booth.days import close_day, count_cash, current_day, day_figures, open_day, zreport
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report, list_sales, receipt_doc, sale_detail
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import DayError, InputError, PinError, SaleError
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity


def _sell(store: SqliteStore, clock: FixedClock, qty0: int, qty1: int, pay: list[PaymentIn]) -> SaleResult:
    idx = CatalogueIndex.load(store)
    cart = Cart()
    if qty0:
        cart = cart.add(idx.products[0], qty0)
    if qty1:
        cart = cart.add(idx.products[1], qty1)
    return checkout(store, clock, cart, pay)


def test_full_day_expected_cash_and_z_report(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 50000)
    a = _sell(store, clock, 1, 0, [PaymentIn("cash", tendered_satang=20000)])          # cash 120
    b = _sell(store, clock, 0, 1, [PaymentIn("promptpay", 66000)])                      # promptpay 660
    c = _sell(store, clock, 2, 1, [PaymentIn("transfer", 50000), PaymentIn("cash", tendered_satang=50000)])  # 900
    void_sale(store, clock, a.number, "ลูกค้าเปลี่ยนใจ", "1234")
    refund_sale(store, clock, c.number, "ชำรุด", "1234", lines=[RefundLineIn(1, 1)])   # cash 120 back
    fig = day_figures(store)
    assert fig.cash_in_satang == 12000 + 40000
    assert fig.expected_cash_satang == 50000 + 12000 + 40000 - 12000 - 12000
    assert dict(fig.by_method) == {"cash": 40000 - 12000, "promptpay": 66000, "transfer": 50000, "other": 0}
    assert fig.net_satang == 12000 + 66000 + 90000 - 12000 - 12000
    assert (fig.sales_count, fig.voids_count, fig.refunds_count) == (3, 1, 1)
    counts = {100000: 0, 10000: 6, 2000: 4}  # 600 + 80 = 680 baht
    z = close_day(store, clock, "1234", counts=counts)
    assert z.expected_cash_satang == 78000 and z.counted_cash_satang == 68000 and z.difference_satang == -10000
    assert z.net_satang == fig.net_satang and z.first_number == "B001-000001"
    assert current_day(store) is None
    again = zreport(store, business_date=z.business_date)
    assert again.counts == ((100000, 0), (10000, 6), (2000, 4))
    assert again.counted_cash_satang == 68000
    rep = booth_report(store)
    assert rep.net_satang == fig.net_satang
    # the report names every method of the fair; the day those it always shows and any other it used
    assert {m: v for m, v in rep.by_method.items() if m in dict(fig.by_method)} == dict(fig.by_method)
    assert not any(v for m, v in rep.by_method.items() if m not in dict(fig.by_method))
    assert rep.by_day == {"2020-10-26": fig.net_satang}
    assert sum(int(v["net_satang"]) for v in rep.by_product.values()) == rep.net_satang  # type: ignore[call-overload]
    check_store_integrity(store.path)


def test_open_twice_and_close_without_open_refused(store: SqliteStore, clock: FixedClock) -> None:
    with pytest.raises(DayError):
        close_day(store, clock, "1234", counted_satang=0)
    open_day(store, clock, 0)
    with pytest.raises(DayError) as err:
        open_day(store, clock, 0)
    assert "already open" in err.value.en
    with pytest.raises(InputError):
        open_day(store, clock, -1)


def test_close_needs_right_pin_and_a_count(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    with pytest.raises(InputError):
        close_day(store, clock, "1234")
    with pytest.raises(PinError):
        close_day(store, clock, "0000", counted_satang=0)
    assert current_day(store) is not None
    with pytest.raises(InputError):
        count_cash({3000: 1})


def test_void_is_same_day_only_and_a_new_record(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    a = _sell(store, clock, 1, 0, [PaymentIn("cash", tendered_satang=12000)])
    close_day(store, clock, "1234", counted_satang=12000)
    clock.advance(timedelta(days=1))
    open_day(store, clock, 0)
    with pytest.raises(SaleError) as err:
        void_sale(store, clock, a.number, "late", "1234")
    assert "refund" in err.value.en
    b = _sell(store, clock, 1, 0, [PaymentIn("cash", tendered_satang=12000)])
    res = void_sale(store, clock, b.uuid, "mistake", "1234")
    assert res.sale_number == b.number and res.number == "B001-000003"
    with pytest.raises(SaleError):
        void_sale(store, clock, b.number, "again", "1234")
    rows = {r.number: r for r in list_sales(store)}
    assert rows[b.number].status == "void" and rows[b.number].total_satang == 12000  # original unchanged
    assert rows[b.number].net_satang == 0
    doc = receipt_doc(store, res.uuid)
    assert doc.kind == "void" and doc.original_number == b.number and doc.reason == "mistake"


def test_void_needs_pin_and_reason(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    a = _sell(store, clock, 1, 0, [PaymentIn("cash", tendered_satang=12000)])
    with pytest.raises(InputError):
        void_sale(store, clock, a.number, "  ", "1234")
    with pytest.raises(PinError):
        void_sale(store, clock, a.number, "x", "4321")
    with pytest.raises(SaleError):
        void_sale(store, clock, "B001-999999", "x", "1234")
    assert list_sales(store)[0].status == "sale"


def test_refund_later_day_partial_then_rest_restocks(store: SqliteStore, clock: FixedClock) -> None:
    set_stock(store, clock, "KK20-0001-01", 10)
    open_day(store, clock, 0)
    s = _sell(store, clock, 3, 1, [PaymentIn("promptpay", 36000 + 66000)])
    close_day(store, clock, "1234", counted_satang=0)
    clock.advance(timedelta(days=2))
    open_day(store, clock, 0)
    r1 = refund_sale(store, clock, s.number, "ชำรุด", "1234", lines=[RefundLineIn(1, 2)], method="promptpay")
    assert r1.amount_satang == 24000
    assert CatalogueIndex.load(store).lookup("KK20-0001-01").stock == 7 + 2  # type: ignore[union-attr]
    with pytest.raises(InputError):
        refund_sale(store, clock, s.number, "too many", "1234", lines=[RefundLineIn(1, 2)])
    r2 = refund_sale(store, clock, s.number, "ลูกค้าคืนทั้งหมด", "1234")
    assert r2.amount_satang == 12000 + 66000
    with pytest.raises(SaleError):
        refund_sale(store, clock, s.number, "again", "1234")
    det = sale_detail(store, s.number)
    assert det.row.status == "refunded" and det.row.net_satang == 0 and len(det.refund_numbers) == 2
    assert [ln.refunded_qty for ln in det.lines] == [3, 1]
    rep = booth_report(store)
    assert rep.net_satang == 0 and rep.refunds_satang == 102000
    assert rep.by_day["2020-10-26"] == 102000 and rep.by_day["2020-10-28"] == -102000
    check_store_integrity(store.path)


def test_refund_of_void_sale_refused_and_void_after_refund_refused(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    a = _sell(store, clock, 2, 0, [PaymentIn("cash", tendered_satang=24000)])
    b = _sell(store, clock, 2, 0, [PaymentIn("cash", tendered_satang=24000)])
    void_sale(store, clock, a.number, "x", "1234")
    with pytest.raises(SaleError):
        refund_sale(store, clock, a.number, "x", "1234")
    refund_sale(store, clock, b.number, "x", "1234", lines=[RefundLineIn(1, 1)])
    with pytest.raises(SaleError):
        void_sale(store, clock, b.number, "x", "1234")
    with pytest.raises(InputError):
        refund_sale(store, clock, b.number, "x", "1234", lines=[RefundLineIn(7, 1)])


def test_originals_are_never_updated(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    a = _sell(store, clock, 1, 1, [PaymentIn("cash", tendered_satang=100000)])
    con = sqlite3.connect(store.path)
    before = con.execute("SELECT * FROM sale").fetchall(), con.execute("SELECT * FROM sale_line").fetchall()
    con.close()
    refund_sale(store, clock, a.number, "x", "1234", lines=[RefundLineIn(2, 1)])
    con = sqlite3.connect(store.path)
    after = con.execute("SELECT * FROM sale").fetchall(), con.execute("SELECT * FROM sale_line").fetchall()
    con.close()
    assert before == after

"""Orders at the booth: taken with a deposit, delivered as a sale on the delivery day, cancelled with the PIN —
money counted once (the drawer and the Z report of each day), a refused action changing nothing."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from datetime import date, timedelta

import pytest
from alembic import command
from sqlalchemy import func, select

from otop_pos.booth.adjustments import refund_sale, void_sale
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, day_figures, open_day
from otop_pos.booth.orders import (cancel_order, deliver_order, list_orders, order_detail, take_order)
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError, PinError, SaleError
from otop_pos.store.booth_models import CustomerOrder, OrderDeposit, Product, Sale
from otop_pos.store.engine import SqliteStore
from otop_pos.store.migrate import alembic_config
from tests.booth.helpers import check_store_integrity
from tests.conftest import PIN

FLOAT = 100000
TODAY = date(2020, 10, 26)


def _cart(store: SqliteStore, qty: int = 3) -> Cart:
    return Cart().add(list_products(store)[0], qty)


def _dump(store: SqliteStore) -> list[object]:
    con = sqlite3.connect(store.path)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in
                ("customer_order", "order_line", "order_deposit", "order_event", "sale", "payment", "number_series",
                 "product")]
    finally:
        con.close()


def _next_day(store: SqliteStore, clock: FixedClock, counted: int) -> None:
    close_day(store, clock, PIN, counted_satang=counted, print_report=False, back_up=False)
    clock.advance(timedelta(days=1))
    open_day(store, clock, FLOAT)


def test_a_deposit_is_money_of_the_day_taken_and_the_delivery_a_sale_of_its_day(
        store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    cart = _cart(store)
    value = cart.total_satang
    taken = take_order(store, clock, cart, customer="  คุณ สมศรี  ใจดี ", phone="๐๘๑-๒๓๔-๕๖๗๘",
                       deliver_on=TODAY + timedelta(days=2), note="ห่อของขวัญ", deposit_satang=20000,
                       payments=[PaymentIn("cash", tendered_satang=50000)], cashier="t")
    assert (taken.number, taken.status, taken.deposit_satang, taken.balance_satang) == (
        "OB001-000001", "open", 20000, value - 20000)
    assert taken.change_satang == 30000
    day1 = day_figures(store)
    # not a sale: the deposit is in the drawer as a deposit
    assert (day1.sales_count, day1.gross_satang, day1.net_satang) == (0, 0, 0)
    assert day1.orders.deposits_satang == 20000 and day1.orders.taken_count == 1
    assert day1.expected_cash_satang == FLOAT + 20000
    z1 = close_day(store, clock, PIN, counted_satang=FLOAT + 20000, print_report=False, back_up=False)
    assert (z1.deposits_satang, z1.difference_satang, z1.gross_satang) == (20000, 0, 0)
    assert (z1.open_orders_count, z1.open_orders_satang, z1.open_orders_deposits_satang) == (1, value, 20000)
    [row] = list_orders(store)
    assert (row.customer, row.phone, row.note, row.deliver) == ("คุณ สมศรี ใจดี", "081-234-5678", "ห่อของขวัญ",
                                                                TODAY + timedelta(days=2))

    clock.advance(timedelta(days=2))
    open_day(store, clock, FLOAT)
    stock_before = list_products(store)[0].stock
    done = deliver_order(store, clock, taken.number, [PaymentIn("transfer", value - 20000, reference="K123")])
    assert (done.status, done.paid_now_satang, done.sale_number) == ("delivered", value - 20000, "B001-000001")
    day3 = day_figures(store)
    assert (day3.sales_count, day3.gross_satang, day3.net_satang) == (1, value, value)
    assert dict(day3.by_method)["cash"] == 20000 and dict(day3.by_method)["transfer"] == value - 20000
    assert day3.orders.deposits_earlier_satang == 20000 and day3.orders.deposits_satang == 0
    assert day3.expected_cash_satang == FLOAT          # the deposit's cash was in day 1's drawer
    if stock_before is not None:
        assert list_products(store)[0].stock == stock_before - 3
    z3 = close_day(store, clock, PIN, counted_satang=FLOAT, print_report=False, back_up=False)
    assert (z3.deposits_earlier_satang, z3.difference_satang, z3.open_orders_count) == (20000, 0, 0)
    [row] = list_orders(store)
    assert (row.status, row.balance_satang, row.sale_number) == ("delivered", 0, "B001-000001")
    report = booth_report(store)
    assert report.gross_satang == value and report.by_method["cash"] == 20000     # counted once, as a sale
    check_store_integrity(store.path)


def test_a_cancel_needs_the_pin_and_refunds_the_deposit_by_its_method_or_keeps_it(
        store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    a = take_order(store, clock, _cart(store, 1), customer="A", deliver_on=TODAY, deposit_satang=5000,
                   payments=[PaymentIn("cash", 5000)])
    b = take_order(store, clock, _cart(store, 2), customer="B", deliver_on=TODAY, deposit_satang=7000,
                   payments=[PaymentIn("promptpay", 7000)])
    before = _dump(store)
    with pytest.raises(PinError):
        cancel_order(store, clock, a.number, "9999", refund_deposit=True)
    assert _dump(store) == before
    _next_day(store, clock, FLOAT + 5000)
    gone = cancel_order(store, clock, a.number, PIN, refund_deposit=True)
    kept = cancel_order(store, clock, b.number, PIN, refund_deposit=False)
    assert (gone.paid_now_satang, kept.paid_now_satang) == (-5000, 0)
    fig = day_figures(store)
    assert fig.orders.deposits_refunded_satang == 5000 and fig.expected_cash_satang == FLOAT - 5000
    assert [r.status for r in list_orders(store)] == ["cancelled", "cancelled"]
    detail = order_detail(store, a.number)
    assert [(p.method, p.amount_satang) for p in detail.refunds] == [("cash", 5000)]
    with pytest.raises(SaleError, match="cancelled"):
        deliver_order(store, clock, a.number, [PaymentIn("cash", tendered_satang=100000)])
    s = booth_report(store)
    assert s.gross_satang == 0


def test_refused_orders_change_nothing(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    cart = _cart(store)
    before = _dump(store)
    for kwargs, error in [
        (dict(customer=" ", deliver_on=TODAY, deposit_satang=0), InputError),
        (dict(customer="A", deliver_on=TODAY - timedelta(days=1), deposit_satang=0), InputError),
        (dict(customer="A", deliver_on=TODAY, deposit_satang=cart.total_satang + 1,
              payments=[PaymentIn("cash", cart.total_satang + 1)]), InputError),
        (dict(customer="A", deliver_on=TODAY, deposit_satang=1000), SaleError),          # no payment given
        (dict(customer="A", phone="call me", deliver_on=TODAY, deposit_satang=0), InputError),
    ]:
        with pytest.raises(error):
            take_order(store, clock, cart, **kwargs)  # type: ignore[arg-type]
    assert _dump(store) == before
    order = take_order(store, clock, cart, customer="A", deliver_on=TODAY, deposit_satang=0)
    before = _dump(store)
    with pytest.raises(SaleError):   # the balance not covered
        deliver_order(store, clock, order.number, [PaymentIn("cash", 100)])
    with pytest.raises(SaleError, match="No order"):
        deliver_order(store, clock, "OB001-000099", [])
    assert _dump(store) == before


def test_a_delivery_sale_is_refunded_not_voided(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    cart = _cart(store, 1)
    order = take_order(store, clock, cart, customer="A", deliver_on=TODAY, deposit_satang=cart.total_satang,
                       payments=[PaymentIn("cash", cart.total_satang)])
    done = deliver_order(store, clock, order.number)      # paid in full by the deposit: nothing due
    assert done.paid_now_satang == 0
    assert day_figures(store).expected_cash_satang == FLOAT + cart.total_satang
    with pytest.raises(SaleError, match="refund"):
        void_sale(store, clock, done.sale_number, "wrong", PIN)
    refund_sale(store, clock, done.sale_number, "returned", PIN)
    assert day_figures(store).expected_cash_satang == FLOAT
    check_store_integrity(store.path)


def test_a_sale_and_an_order_on_one_day_count_apart(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    cart = _cart(store, 1)
    checkout(store, clock, cart, [PaymentIn("cash", tendered_satang=cart.total_satang)], print_receipt=False)
    take_order(store, clock, _cart(store, 4), customer="A", deliver_on=TODAY, deposit_satang=1000,
               payments=[PaymentIn("cash", 1000)])
    fig = day_figures(store)
    assert (fig.sales_count, fig.gross_satang) == (1, cart.total_satang)
    assert fig.expected_cash_satang == FLOAT + cart.total_satang + 1000


def test_migration_b0004o_keeps_a_booth_with_sales(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    cart = _cart(store, 2)
    checkout(store, clock, cart, [PaymentIn("cash", tendered_satang=cart.total_satang)], print_receipt=False)
    cfg = alembic_config("booth")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "b0003m")
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 1
        assert s.scalar(select(func.count()).select_from(Product)) >= 1
        assert s.scalar(select(func.count()).select_from(CustomerOrder)) == 0
        assert s.scalar(select(func.count()).select_from(OrderDeposit)) == 0
    order = take_order(store, clock, _cart(store, 1), customer="A", deliver_on=TODAY, deposit_satang=0)
    assert order.number == "OB001-000001"
    assert day_figures(store).expected_cash_satang == FLOAT + cart.total_satang



def test_the_z_report_shows_deposits_and_open_orders_on_the_slip_and_the_page(
        store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    from dataclasses import replace

    from otop_pos.booth.days import zreport
    from otop_pos.printing.escpos_encode import encode_zreport
    from otop_pos.reports.zreport_pdf import write_zreport_pdf
    from tests.printing.escpos_decode import decode
    from tests.printing.test_print_qr_ocr import _ocr
    from tests.reports.pdf_helpers import pdftotext

    open_day(store, clock, FLOAT)
    cart = _cart(store, 2)
    take_order(store, clock, cart, customer="A", deliver_on=TODAY + timedelta(days=1), deposit_satang=12300,
               payments=[PaymentIn("cash", 12300)])
    close_day(store, clock, PIN, counted_satang=FLOAT + 12300, print_report=False, back_up=False)
    z = zreport(store, business_date=TODAY)
    assert (z.deposits_satang, z.cash_deposits_satang, z.open_orders_count, z.open_orders_satang) == (
        12300, 12300, 1, cart.total_satang)
    slip = decode(encode_zreport(replace(z, lang="en"), 576)).image
    text = _ocr(slip, "eng", tmp_path)
    assert "Depositstaken" in text and "123.00" in text and "Openorders:1" in text, text
    pdf = tmp_path / "z.pdf"
    write_zreport_pdf(z, pdf)
    page = pdftotext(pdf)
    assert "รับเงินมัดจำ" in page and "ค้างส่งมอบ 1 รายการ" in page and "มัดจำเงินสด (สุทธิ)" in page, page
    assert "123.00" in page
    clock.advance(timedelta(days=1))
    open_day(store, clock, FLOAT)
    deliver_order(store, clock, "OB001-000001", [PaymentIn("cash", tendered_satang=cart.total_satang)])
    z2 = close_day(store, clock, PIN, counted_satang=FLOAT + cart.total_satang - 12300, print_report=False,
                   back_up=False)
    assert (z2.deposits_earlier_satang, z2.open_orders_count, z2.difference_satang) == (12300, 0, 0)
    # the first day's report keeps the orders open at its close
    assert zreport(store, business_date=TODAY).open_orders_count == 1


def test_the_deposit_and_delivery_receipts_print_what_the_customer_paid_and_owes(
        store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    from otop_pos.booth.queries import receipt_doc
    from otop_pos.printing.escpos_encode import encode_receipt
    from otop_pos.reports.receipt_pdf import write_receipt_pdf
    from tests.printing.escpos_decode import decode
    from tests.printing.test_print_qr_ocr import _ocr
    from tests.reports.pdf_helpers import pdftotext

    open_day(store, clock, FLOAT)
    cart = _cart(store, 2)
    order = take_order(store, clock, cart, customer="Somsri Jaidee", phone="0812345678",
                       deliver_on=date(2020, 10, 30), deposit_satang=4500, payments=[PaymentIn("cash", 4500)])
    doc = receipt_doc(store, order.number, lang="en")
    assert (doc.kind, doc.total_satang, doc.order and doc.order.balance_satang) == (
        "deposit", cart.total_satang, cart.total_satang - 4500)
    text = _ocr(decode(encode_receipt(doc, 576)).image, "eng", tmp_path)
    balance = f"{(cart.total_satang - 4500) / 100:,.2f}"
    for words in ("DEPOSITRECEIPT", "SomsriJaidee", "0812345678", "Deliverydate", "Depositpaid45.00",
                  f"Balancedueondelivery{balance}", order.number):
        assert words in text, (words, text)
    pdf = tmp_path / "deposit.pdf"
    write_receipt_pdf(receipt_doc(store, order.number, lang="th"), pdf)
    page = pdftotext(pdf)
    assert "ใบรับเงินมัดจำ" in page and "ค้างชำระเมื่อรับของ" in page and "Somsri Jaidee" in page, page

    done = deliver_order(store, clock, order.number, [PaymentIn("transfer", cart.total_satang - 4500)])
    sale = receipt_doc(store, done.sale_number, lang="en")
    assert sale.kind == "sale" and [p.amount_satang for p in sale.payments] == [4500, cart.total_satang - 4500]
    text = _ocr(decode(encode_receipt(sale, 576)).image, "eng", tmp_path)
    for words in ("RECEIPT", f"Deliversorder{order.number}", "depositpaidearlier", "SomsriJaidee"):
        assert words in text, (words, text)


def test_a_changed_price_needs_the_managers_approval_and_is_audited(store: SqliteStore, clock: FixedClock) -> None:
    import json

    from otop_pos.booth.pin import approve
    from otop_pos.core.errors import ApprovalNeeded
    from otop_pos.store.booth_models import AuditEvent

    open_day(store, clock, FLOAT)
    cart = _cart(store, 1).set_price(0, 100)
    before = _dump(store)
    with pytest.raises(ApprovalNeeded):
        take_order(store, clock, cart, customer="A", deliver_on=TODAY, deposit_satang=0)
    assert _dump(store) == before
    order = take_order(store, clock, cart, customer="A", deliver_on=TODAY, deposit_satang=0,
                       approval=approve(store, clock, PIN, action="order"))
    with store.read() as s:
        ref, text = s.execute(select(AuditEvent.ref_uuid, AuditEvent.detail_json)
                              .where(AuditEvent.action == "order_take")).one()
    detail = json.loads(text)
    assert ref == order.uuid and detail["approved"] == ["price"] and detail["prices"][0][2] == 100

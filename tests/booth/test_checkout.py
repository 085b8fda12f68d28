"""Checkout: atomic and durable, numbered, stock-aware, refusing what is wrong without writing anything."""
from __future__ import annotations

import sqlite3

import pytest

from otop_pos.booth.cart import Cart, Discount
from otop_pos.booth.catalogue import CatalogueIndex, set_stock, set_sold_out
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import list_sales, receipt_doc
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import DayError, SaleError, SoldOutError, StoreError
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity


def _snapshot(store: SqliteStore) -> list[tuple[str, int]]:
    con = sqlite3.connect(store.path)
    try:
        return [(t, con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("sale", "sale_line", "payment", "print_job", "void", "refund")] + [
            ("stock", con.execute("SELECT coalesce(sum(stock),0) FROM product").fetchone()[0]),
            ("seq", con.execute("SELECT coalesce(max(last),0) FROM number_series").fetchone()[0])]
    finally:
        con.close()


@pytest.fixture
def opened(store: SqliteStore, clock: FixedClock) -> SqliteStore:
    open_day(store, clock, 100000)
    return store


def test_checkout_commits_sale_lines_payments_and_print_job(opened: SqliteStore, clock: FixedClock) -> None:
    idx = CatalogueIndex.load(opened)
    basket = idx.lookup("8856335556185")
    assert basket is not None
    cart = Cart().add(basket, 2).add(idx.lookup("KK20-0001-02"))  # type: ignore[arg-type]
    result = checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=100000)])
    assert result.number == "B001-000001"
    assert result.total_satang == 2 * 12000 + 66000
    assert result.change_satang == 100000 - 90000
    assert result.print_job_id is not None
    rows = list_sales(opened)
    assert [(r.number, r.status, r.net_satang) for r in rows] == [("B001-000001", "sale", 90000)]
    doc = receipt_doc(opened, result.uuid)
    assert [(ln.name, ln.qty) for ln in doc.lines] == [("กระติบข้าวเหนียว", 2), ("กระเป๋าสานเตยปาหนัน", 1)]
    assert doc.payments[0].change_satang == 10000
    assert check_store_integrity(opened.path) == {"documents": 1, "sales": 1}


def test_numbers_follow_on_and_include_till_from_two(opened: SqliteStore, clock: FixedClock) -> None:
    idx = CatalogueIndex.load(opened)
    cart = Cart().add(idx.products[0])
    numbers = [checkout(opened, clock, cart, [PaymentIn("transfer", 12000)]).number for _ in range(3)]
    assert numbers == ["B001-000001", "B001-000002", "B001-000003"]
    from otop_pos.booth.store import document_number

    assert document_number("B001", 2, 45) == "B001-2-000045"


def test_sale_outside_open_day_refused_and_nothing_written(store: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(CatalogueIndex.load(store).products[0])
    before = _snapshot(store)
    with pytest.raises(DayError) as err:
        checkout(store, clock, cart, [PaymentIn("cash", tendered_satang=12000)])
    assert "open the day" in err.value.en and "เปิดวัน" in err.value.th
    assert _snapshot(store) == before


def test_uncovered_payment_refused_and_cart_kept(opened: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(CatalogueIndex.load(opened).products[1])
    before = _snapshot(opened)
    with pytest.raises(SaleError):
        checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=100)])
    assert _snapshot(opened) == before
    assert cart.total_satang == 66000  # the cart the UI holds is untouched


def test_stock_decrements_refuses_sold_out_and_override(opened: SqliteStore, clock: FixedClock) -> None:
    set_stock(opened, clock, "KK20-0001-01", 2)
    idx = CatalogueIndex.load(opened)
    product = idx.lookup("KK20-0001-01")
    assert product is not None
    checkout(opened, clock, Cart().add(product, 2), [PaymentIn("cash", tendered_satang=24000)])
    assert CatalogueIndex.load(opened).lookup("KK20-0001-01").stock == 0  # type: ignore[union-attr]
    before = _snapshot(opened)
    with pytest.raises(SoldOutError) as err:
        checkout(opened, clock, Cart().add(product), [PaymentIn("cash", tendered_satang=12000)])
    assert err.value.sku == "KK20-0001-01" and err.value.available == 0
    assert "Sold out" in err.value.en and "สินค้าหมด" in err.value.th
    assert _snapshot(opened) == before
    checkout(opened, clock, Cart().add(product), [PaymentIn("cash", tendered_satang=12000)], allow_oversell=True)
    assert CatalogueIndex.load(opened).lookup("KK20-0001-01").stock == -1  # type: ignore[union-attr]


def test_sold_out_flag_refuses_without_stock_tracking(opened: SqliteStore, clock: FixedClock) -> None:
    set_sold_out(opened, clock, "KK20-0001-02", True)
    product = CatalogueIndex.load(opened).lookup("KK20-0001-02")
    with pytest.raises(SoldOutError):
        checkout(opened, clock, Cart().add(product), [PaymentIn("transfer", 66000)])  # type: ignore[arg-type]


def test_oversell_is_audited_and_lines_keep_list_and_unit_price(opened: SqliteStore, clock: FixedClock) -> None:
    set_stock(opened, clock, "KK20-0001-02", 0)
    product = CatalogueIndex.load(opened).lookup("KK20-0001-02")
    assert product is not None
    checkout(opened, clock, Cart().add(product), [PaymentIn("transfer", 66000)], allow_oversell=True,
             cashier="noi")
    con = sqlite3.connect(opened.path)
    try:
        assert con.execute("SELECT action, actor, detail_json FROM audit_event WHERE action='override'").fetchall() \
            == [("override", "noi", '{"prices": [], "oversell": true}')]
        assert con.execute("SELECT list_price_satang, unit_price_satang FROM sale_line").fetchall() == [(66000, 66000)]
    finally:
        con.close()


def test_discounts_are_stored_and_lines_add_up(opened: SqliteStore, clock: FixedClock) -> None:
    idx = CatalogueIndex.load(opened)
    cart = (Cart().add(idx.products[0], 3).add(idx.products[1])
            .set_line_discount(0, Discount("amount", 1000)).set_discount(Discount("percent", 500)))
    result = checkout(opened, clock, cart, [PaymentIn("promptpay", cart.total_satang, reference="9876")])
    assert result.total_satang == (36000 - 1000 + 66000) - (101000 * 5 + 50) // 100
    check_store_integrity(opened.path)
    con = sqlite3.connect(opened.path)
    assert con.execute("SELECT reference FROM payment").fetchone() == ("9876",)
    con.close()


def test_empty_cart_refused(opened: SqliteStore, clock: FixedClock) -> None:
    with pytest.raises(SaleError):
        checkout(opened, clock, Cart(), [])


def test_times_are_stored_as_utc_and_read_back_aware(opened: SqliteStore, clock: FixedClock) -> None:
    result = checkout(opened, clock, Cart().add(CatalogueIndex.load(opened).products[0]),
                      [PaymentIn("cash", tendered_satang=12000)])
    row = list_sales(opened)[0]
    assert row.created_at == result.created_at and row.created_at.utcoffset() is not None


def test_driver_path_stores_values_exactly_as_sqlalchemy_does(opened: SqliteStore, clock: FixedClock) -> None:
    """The checkout writes on the driver's cursor: its rows must be what a Core insert of the same values
    writes (UTC time text, booleans as 0/1, NULLs, the columns' scalar defaults)."""
    from sqlalchemy import insert

    from otop_pos.store.booth_models import AuditEvent, PrintJob
    from otop_pos.store.engine import Prepared

    result = checkout(opened, clock, Cart().add(CatalogueIndex.load(opened).products[0]),
                      [PaymentIn("cash", tendered_satang=12000)], allow_oversell=True)
    with opened.write() as s:  # the same print job and audit event, written by SQLAlchemy
        s.execute(insert(PrintJob).values(created_at=result.created_at, kind="sale", ref_uuid=result.uuid,
                                          copy=False, status="pending", attempts=0, error_code="", error_th="",
                                          error_en="", finished_at=None))
        s.execute(insert(AuditEvent).values(at=result.created_at, action="override", actor="",
                                            ref_uuid=result.uuid, detail_json='{"prices": [], "oversell": true}'))
    with opened.write_cursor() as cur:  # a Prepared insert given only some columns: defaults as Core's
        Prepared(PrintJob.metadata.tables["print_job"]).run(
            cur, {"created_at": result.created_at, "kind": "test", "finished_at": None})
    con = sqlite3.connect(opened.path)
    try:
        jobs = con.execute("SELECT created_at, typeof(created_at), kind, ref_uuid, copy, typeof(copy), status, "
                           "attempts, error_code, error_th, error_en, finished_at FROM print_job ORDER BY id").fetchall()
        audits = con.execute("SELECT at, action, actor, ref_uuid, detail_json FROM audit_event "
                             "WHERE action = 'override' ORDER BY id").fetchall()
        sale_at = con.execute("SELECT created_at FROM sale WHERE uuid = ?", (result.uuid,)).fetchone()[0]
    finally:
        con.close()
    assert len(jobs) == 3 and jobs[0] == jobs[1]
    assert jobs[0][:2] == (sale_at, "text") and jobs[0][4:6] == (0, "integer")
    assert jobs[2][2] == "test" and jobs[2][3:] == ("", 0, "integer", "pending", 0, "", "", "", None)
    assert len(audits) == 2 and audits[0] == audits[1]


def test_a_failed_checkout_rolls_back_what_it_had_written(opened: SqliteStore, clock: FixedClock) -> None:
    """An error after the stock was decremented and the number taken (here: the print job's insert fails)
    leaves the store as it was, and the next sale takes the number."""
    from otop_pos.booth import checkout as checkout_module

    set_stock(opened, clock, "KK20-0001-01", 5)
    product = CatalogueIndex.load(opened).lookup("KK20-0001-01")
    assert product is not None
    before = _snapshot(opened)
    broken = checkout_module._JOB.sql
    checkout_module._JOB.sql = broken.replace("print_job", "no_such_table")
    try:
        with pytest.raises(StoreError):  # as any driver failure mid-sale
            checkout(opened, clock, Cart().add(product, 2), [PaymentIn("cash", tendered_satang=24000)])
    finally:
        checkout_module._JOB.sql = broken
    assert _snapshot(opened) == before
    assert checkout(opened, clock, Cart().add(product, 2), [PaymentIn("cash", tendered_satang=24000)]).number \
        == "B001-000001"
    assert check_store_integrity(opened.path) == {"documents": 1, "sales": 1}

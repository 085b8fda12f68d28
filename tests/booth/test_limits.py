"""Every amount and count a booth writes lies within ``core.limits``: at the limit it is taken, one above it is
refused with a clear bilingual InputError and the store is exactly as before."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from otop_pos.booth.adjustments import RefundLineIn, refund_sale
from otop_pos.booth.cart import Cart, CartLine, Discount, ProductInfo
from otop_pos.booth.catalogue import CatalogueIndex, save_product, set_stock
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, current_day, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import approve
from otop_pos.booth.setup import BoothSetup, setup_booth
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.core.limits import (
    MAX_CASH_COUNT_SATANG, MAX_DAY_CASH_SATANG, MAX_DOCUMENT_SATANG, MAX_FLOAT_SATANG, MAX_LINES, MAX_QTY, MAX_STOCK,
)
from otop_pos.core.money import parse_baht
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity
from tests.conftest import PIN

MAX = MAX_DOCUMENT_SATANG


def _state(store: SqliteStore) -> list[object]:
    """Every row a use case may write, to compare before and after a refused action."""
    con = sqlite3.connect(store.path)
    try:
        return [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("sale", "sale_line", "payment", "refund", "refund_line", "print_job", "till_day",
                          "product", "number_series", "audit_event", "identity")]
    finally:
        con.close()


def _refused(store: SqliteStore, action: object, *words: str) -> InputError:
    """Run ``action``; it must raise InputError whose English text holds ``words``, writing nothing."""
    before = _state(store)
    with pytest.raises(InputError) as info:
        action()  # type: ignore[operator]
    assert info.value.th and info.value.en
    for word in words:
        assert word in info.value.en, info.value.en
    assert _state(store) == before
    return info.value


@pytest.fixture
def opened(store: SqliteStore, clock: FixedClock) -> SqliteStore:
    open_day(store, clock, 100000)
    return store


def _product(store: SqliteStore, clock: FixedClock, sku: str, price: int) -> ProductInfo:
    save_product(store, clock, sku=sku, name=f"สินค้า {sku}", product_type="อาหาร", price_satang=price)
    found = CatalogueIndex.load(store).lookup(sku)
    assert found is not None
    return found


# --- checkout -------------------------------------------------------------------------------------------

def test_a_sale_of_the_largest_amount_is_taken(opened: SqliteStore, clock: FixedClock) -> None:
    big = _product(opened, clock, "BIG", MAX)
    result = checkout(opened, clock, Cart().add(big), [PaymentIn("transfer", MAX)])
    assert result.total_satang == MAX == result.paid_satang
    assert check_store_integrity(opened.path)["sales"] == 1


def test_a_line_total_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    big = _product(opened, clock, "BIG", MAX)
    error = _refused(opened, lambda: checkout(opened, clock, Cart().add(big, 2), [PaymentIn("transfer", MAX)]),
                     "line total of สินค้า BIG", "20,000,000.00 baht", "at most 10,000,000.00 baht")
    assert error.th == "ยอดรายการ สินค้า BIG 20,000,000.00 บาท เกินกว่าที่ระบบรับได้ (สูงสุด 10,000,000.00 บาท)"


def test_a_sale_total_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    half = _product(opened, clock, "HALF", MAX // 2)
    more = _product(opened, clock, "MORE", MAX // 2 + 1)
    cart = Cart().add(half).add(more)
    assert cart.total_satang == MAX + 1
    _refused(opened, lambda: checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=MAX + 1)]),
             "sale total", "10,000,000.01 baht")
    ok = Cart().add(half).add(replace(more, price_satang=MAX // 2))  # one satang less: taken
    assert checkout(opened, clock, ok, [PaymentIn("transfer", MAX)]).total_satang == MAX


def test_a_unit_price_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    real = _product(opened, clock, "P1", 100)
    cart = Cart().add(replace(real, price_satang=MAX + 1))  # a price the catalogue itself could not hold
    error = _refused(opened, lambda: checkout(opened, clock, cart, [PaymentIn("transfer", MAX + 1)]), "unit price of")
    assert "ราคาของ สินค้า P1 10,000,000.01 บาท" in error.th and "สูงสุด 10,000,000.00 บาท" in error.th


@pytest.mark.parametrize("typed", ["885633555618588563355", "8856335556185885633558856335556185"])
def test_a_barcode_scanned_into_the_cash_field_is_a_clear_error(opened: SqliteStore, clock: FixedClock,
                                                                typed: str) -> None:
    cart = Cart().add(CatalogueIndex.load(opened).products[0])
    before = _state(opened)
    with pytest.raises(InputError) as info:
        checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=parse_baht(typed))])
    assert "far too large" in info.value.en and "ยาวเกินไป" in info.value.th
    assert _state(opened) == before


def test_cash_tendered_at_the_limit_is_taken_and_above_it_refused(opened: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(CatalogueIndex.load(opened).products[0])
    _refused(opened, lambda: checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=MAX + 1)]),
             "cash received")
    _refused(opened, lambda: checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=10 ** 20)]),
             "cash received")  # was OverflowError from SQLite
    result = checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=MAX)])
    assert result.change_satang == MAX - cart.total_satang


def test_a_non_cash_payment_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(CatalogueIndex.load(opened).products[0])
    error = _refused(opened, lambda: checkout(opened, clock, cart, [PaymentIn("promptpay", MAX + 1)]),
                     "promptpay payment")
    assert "10,000,000.01 บาท" in error.th and "สูงสุด 10,000,000.00 บาท" in error.th


def test_a_discount_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    big = _product(opened, clock, "BIG", MAX)
    at_limit = Cart().add(big).set_discount(Discount("amount", MAX))
    # built around Cart's own refusal (a discount larger than the bill), as a damaged held bill could be
    over = replace(Cart().add(big), discount=Discount("amount", MAX + 1))
    _refused(opened, lambda: checkout(opened, clock, over, []), "sale discount")
    cart = Cart().add(big)
    over_line = replace(cart, lines=(replace(cart.lines[0], discount=Discount("amount", 10 ** 19)),))
    _refused(opened, lambda: checkout(opened, clock, over_line, []), "discount on สินค้า BIG")
    free = approve(opened, clock, "1234", action="test")   # a ฿0 sale needs the manager
    assert checkout(opened, clock, at_limit, [], approval=free).total_satang == 0


def test_a_quantity_above_the_limit_is_refused(opened: SqliteStore, clock: FixedClock) -> None:
    p = _product(opened, clock, "CHEAP", 100)
    over = Cart((CartLine(p.id, p.sku, p.name, p.product_type, 100, MAX_QTY + 1),))  # not through Cart.add
    _refused(opened, lambda: checkout(opened, clock, over, [PaymentIn("transfer", over.total_satang)]),
             f"between 1 and {MAX_QTY:,}")
    ok = Cart().add(p, MAX_QTY)
    assert checkout(opened, clock, ok, [PaymentIn("transfer", ok.total_satang)]).total_satang == MAX_QTY * 100


def test_more_lines_than_the_limit_are_refused(opened: SqliteStore, clock: FixedClock) -> None:
    p = _product(opened, clock, "CHEAP", 100)
    line = CartLine(p.id, p.sku, p.name, p.product_type, 100, 1)
    over = Cart((line,) * (MAX_LINES + 1))
    _refused(opened, lambda: checkout(opened, clock, over, [PaymentIn("transfer", over.total_satang)]),
             f"at most {MAX_LINES:,}")
    ok = Cart((line,) * MAX_LINES)
    assert checkout(opened, clock, ok, [PaymentIn("transfer", ok.total_satang)]).item_count == MAX_LINES


# --- the day --------------------------------------------------------------------------------------------

def test_the_float_is_bounded(store: SqliteStore, clock: FixedClock) -> None:
    _refused(store, lambda: open_day(store, clock, MAX_FLOAT_SATANG + 1), "cash float", "at most 10,000,000.00 baht")
    _refused(store, lambda: open_day(store, clock, 10 ** 21), "cash float")
    assert current_day(store) is None
    assert open_day(store, clock, MAX_FLOAT_SATANG).float_satang == MAX_FLOAT_SATANG


def test_the_counted_cash_is_bounded(opened: SqliteStore, clock: FixedClock) -> None:
    _refused(opened, lambda: close_day(opened, clock, PIN, counted_satang=MAX_CASH_COUNT_SATANG + 1,
                                       back_up=False), "counted cash")
    _refused(opened, lambda: close_day(opened, clock, PIN, counts={100000: MAX_CASH_COUNT_SATANG // 100000 + 1},
                                       back_up=False), "1000 baht pieces")
    _refused(opened, lambda: close_day(opened, clock, PIN, counts={100000: 10 ** 20}, back_up=False), "pieces")
    assert current_day(opened) is not None
    report = close_day(opened, clock, PIN, counted_satang=MAX_CASH_COUNT_SATANG, back_up=False)
    assert report.counted_cash_satang == MAX_CASH_COUNT_SATANG


def test_a_day_holding_15_million_in_cash_records_its_true_count(opened: SqliteStore, clock: FixedClock) -> None:
    """A vendor holding ฿15 million in the drawer counts it as it is (the count may reach the day's limit)."""
    assert MAX_CASH_COUNT_SATANG == MAX_DAY_CASH_SATANG > MAX_FLOAT_SATANG
    report = close_day(opened, clock, PIN, counts={100000: 15_000}, back_up=False)
    assert report.counted_cash_satang == 1_500_000_000


# --- refunds --------------------------------------------------------------------------------------------

def test_a_refund_of_a_sale_at_the_limit_is_taken_and_a_quantity_above_it_refused(
        opened: SqliteStore, clock: FixedClock) -> None:
    big = _product(opened, clock, "BIG", MAX)
    sale = checkout(opened, clock, Cart().add(big), [PaymentIn("transfer", MAX)])
    _refused(opened, lambda: refund_sale(opened, clock, sale.number, "ชำรุด", PIN,
                                         lines=[RefundLineIn(1, 10 ** 20)]), f"between 1 and {MAX_QTY:,}")
    _refused(opened, lambda: refund_sale(opened, clock, sale.number, "ชำรุด", PIN,
                                         lines=[RefundLineIn(1, 1)] * (MAX_LINES + 1)), f"at most {MAX_LINES:,}")
    assert refund_sale(opened, clock, sale.number, "ชำรุด", PIN).amount_satang == MAX


# --- the catalogue --------------------------------------------------------------------------------------

def test_a_product_price_and_stock_are_bounded(store: SqliteStore, clock: FixedClock) -> None:
    def save(**kw: object) -> ProductInfo:
        return save_product(store, clock, **{"sku": "NEW", "name": "ผ้าไหม", "product_type": "ผ้า",  # type: ignore[arg-type]
                                             "price_satang": 100, **kw})
    _refused(store, lambda: save(price_satang=MAX + 1), "price", "10,000,000.01 baht")
    _refused(store, lambda: save(price_satang=10 ** 30), "price")
    _refused(store, lambda: save(stock=MAX_STOCK + 1), "stock", f"0 and {MAX_STOCK:,}")
    saved = save(price_satang=MAX, stock=MAX_STOCK)
    assert (saved.price_satang, saved.stock) == (MAX, MAX_STOCK)
    _refused(store, lambda: set_stock(store, clock, "NEW", 10 ** 20), "stock")


def test_setup_refuses_a_catalogue_price_above_the_limit(empty_store: SqliteStore, clock: FixedClock) -> None:
    products = (ProductInfo("A-1", "ผ้าไหม", "ผ้า", MAX), ProductInfo("A-2", "ข้าวหอมมะลิ", "อาหาร", MAX + 1))
    setup = BoothSetup("B001", "KK20-0001", "กลุ่มทอผ้า", "ผ้า", products)
    _refused(empty_store, lambda: setup_booth(empty_store, clock, setup, pin=PIN), "price of ข้าวหอมมะลิ")
    setup_booth(empty_store, clock, replace(setup, products=products[:1]), pin=PIN)
    assert [(p.sku, p.price_satang) for p in CatalogueIndex.load(empty_store).products] == [("A-1", MAX)]

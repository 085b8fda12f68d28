"""A till day's expected drawer cash stays within ±MAX_DAY_CASH_SATANG (what the organiser's import takes): a
cash sale, void or cash refund that would take it beyond is refused with a clear bilingual InputError and the
store is exactly as before; what moves no cash still goes through; at the limit the day closes."""
from __future__ import annotations

from otop_pos.booth.adjustments import refund_sale, void_sale
from otop_pos.booth.cart import Cart, Discount, ProductInfo
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, day_figures, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import Approval, approve
from otop_pos.core.clock import FixedClock
from otop_pos.core.limits import MAX_CASH_COUNT_SATANG, MAX_DAY_CASH_SATANG, MAX_DOCUMENT_SATANG, MAX_FLOAT_SATANG
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity
from tests.booth.test_limits import _product, _refused
from tests.conftest import PIN

MAX = MAX_DOCUMENT_SATANG
FLOAT = 100000  # ฿1,000


def _sell(store: SqliteStore, clock: FixedClock, product: ProductInfo, method: str = "cash") -> str:
    pay = PaymentIn("cash", tendered_satang=product.price_satang) if method == "cash" \
        else PaymentIn(method, product.price_satang, reference="TR")  # type: ignore[arg-type]
    return checkout(store, clock, Cart().add(product), [pay], print_receipt=False).number


def test_a_cash_sale_past_the_days_limit_is_refused_and_a_transfer_still_goes_through(
        store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, FLOAT)
    big = _product(store, clock, "BIG", MAX)
    for _ in range(9):
        _sell(store, clock, big)
    assert day_figures(store).expected_cash_satang == FLOAT + 9 * MAX           # ฿90,001,000.00
    err = _refused(store, lambda: _sell(store, clock, big),
                   "expected cash in the drawer to 100,001,000.00 baht", "at most 100,000,000.00 baht",
                   "it should hold 90,001,000.00 baht now", "close the day")
    assert "100,001,000.00" in err.th and "ปิดวันขาย" in err.th
    _sell(store, clock, big, "transfer")                                          # no cash: taken
    # cash handed over above the bill: only what the sale keeps counts (the change goes back out)
    rest = _product(store, clock, "REST", MAX_DAY_CASH_SATANG - FLOAT - 9 * MAX)
    sale = checkout(store, clock, Cart().add(rest), [PaymentIn("cash", tendered_satang=MAX)], print_receipt=False)
    assert sale.change_satang == MAX - rest.price_satang
    fig = day_figures(store)
    assert fig.expected_cash_satang == MAX_DAY_CASH_SATANG and fig.sales_count == 11
    one = _product(store, clock, "ONE", 1)
    _refused(store, lambda: _sell(store, clock, one), "100,000,000.01 baht")
    # a split bill: the transfer part moves no cash, the cash part is refused with the whole sale
    _refused(store, lambda: checkout(store, clock, Cart().add(one, 2),
                                     [PaymentIn("transfer", 1), PaymentIn("cash", 1)]), "100,000,000.01 baht")
    # the day at the limit closes with the largest count, and the next day starts afresh
    z = close_day(store, clock, PIN, counted_satang=MAX_CASH_COUNT_SATANG, print_report=False, back_up=False)
    assert z.expected_cash_satang == MAX_DAY_CASH_SATANG
    assert z.difference_satang == MAX_CASH_COUNT_SATANG - MAX_DAY_CASH_SATANG
    open_day(store, clock, FLOAT)
    _sell(store, clock, big)
    assert check_store_integrity(store.path)["sales"] == 12


def _sales_by_transfer(store: SqliteStore, clock: FixedClock, n: int) -> list[str]:
    big = _product(store, clock, "BIG", MAX)
    return [_sell(store, clock, big, "transfer") for _ in range(n)]


def test_cash_refunds_and_a_void_past_the_days_limit_below_zero_are_refused(
        store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    numbers = _sales_by_transfer(store, clock, 11)
    close_day(store, clock, PIN, counted_satang=0, print_report=False, back_up=False)
    open_day(store, clock, 0)
    ok: Approval = approve(store, clock, PIN, action="refund")
    for number in numbers[:9]:                                    # cash given back for earlier days' sales
        refund_sale(store, clock, number, "คืนสินค้า", ok, print_receipt=False)
    assert day_figures(store).expected_cash_satang == -9 * MAX
    # a cash sale of today, then the other two given back in cash: the day is at -฿100M exactly; voiding
    # today's sale would give its cash back too
    big = _product(store, clock, "BIG", MAX)
    today = _sell(store, clock, big)
    for number in numbers[9:]:
        refund_sale(store, clock, number, "คืนสินค้า", ok, print_receipt=False)
    assert day_figures(store).expected_cash_satang == -MAX_DAY_CASH_SATANG
    err = _refused(store, lambda: void_sale(store, clock, today, "ผิด", ok, print_receipt=False),
                   "to -110,000,000.00 baht", "further below zero", "at least -100,000,000.00 baht")
    assert "ติดลบ" in err.th
    assert day_figures(store).voids_count == 0


def test_a_cash_refund_past_the_limit_is_refused_and_a_transfer_refund_taken(
        store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    numbers = _sales_by_transfer(store, clock, 11)
    close_day(store, clock, PIN, counted_satang=0, print_report=False, back_up=False)
    open_day(store, clock, 0)
    ok = approve(store, clock, PIN, action="refund")
    for number in numbers[:10]:
        refund_sale(store, clock, number, "คืนสินค้า", ok, print_receipt=False)
    assert day_figures(store).expected_cash_satang == -MAX_DAY_CASH_SATANG       # at the limit: taken
    _refused(store, lambda: refund_sale(store, clock, numbers[10], "คืนสินค้า", ok, print_receipt=False),
             "-110,000,000.00 baht", "further below zero")
    refund_sale(store, clock, numbers[10], "คืนสินค้า", ok, method="transfer", reference="TR", print_receipt=False)
    assert day_figures(store).refunds_count == 11
    assert check_store_integrity(store.path)["documents"] == 22


def test_the_float_is_always_within_the_days_limit(store: SqliteStore, clock: FixedClock) -> None:
    assert MAX_FLOAT_SATANG <= MAX_DAY_CASH_SATANG and MAX_CASH_COUNT_SATANG <= MAX_DAY_CASH_SATANG
    open_day(store, clock, MAX_FLOAT_SATANG)
    assert day_figures(store).expected_cash_satang == MAX_FLOAT_SATANG


def test_a_percentage_discount_that_takes_off_more_than_a_document_holds_is_refused(
        store: SqliteStore, clock: FixedClock) -> None:
    """9,999 × ฿5,000 less 90 % is a ฿4,999,500 line, but its discount of ฿44,995,500 is more than the organiser's
    import takes on a document (was written by the booth, then refused by the import)."""
    open_day(store, clock, FLOAT)
    cloth = _product(store, clock, "CLOTH", 500000)
    cart = Cart().add(cloth, 9999).set_line_discount(0, Discount("percent", 9000))
    assert cart.total_satang == 499_950_000 and cart.lines[0].discount_satang == 4_499_550_000
    manager = approve(store, clock, PIN, action="discount")
    _refused(store, lambda: checkout(store, clock, cart, [PaymentIn("transfer", cart.total_satang)],
                                     approval=manager), "discount on สินค้า CLOTH", "44,995,500.00 baht")
    small = Cart().add(cloth, 10).set_line_discount(0, Discount("percent", 9000))
    assert checkout(store, clock, small, [PaymentIn("transfer", small.total_satang)], approval=manager,
                    print_receipt=False).total_satang == 500000

"""Discounts refuse, limits ask the manager: the approval rules of checkout, price overrides, ฿0 sales, and the
manager's approval given once (void, refund, day close, ``booth simulate``)."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from typing import Any

import pytest

from otop_pos.booth.adjustments import RefundLineIn, refund_sale, void_sale
from otop_pos.booth.cart import Cart, Discount, ProductInfo
from otop_pos.booth.catalogue import CatalogueIndex
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import close_day, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.pin import approve
from otop_pos.booth.queries import list_sales
from otop_pos.booth.service import BoothService
from otop_pos.booth.settings import get_settings, update_settings
from otop_pos.booth.simulate import simulate
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ApprovalNeeded, InputError, PinError
from otop_pos.store.engine import SqliteStore
from tests.booth.helpers import check_store_integrity

PIN = "1234"
BASKET, BAG = "KK20-0001-01", "KK20-0001-02"   # ฿120 and ฿660


def _rows(store: SqliteStore, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _counts(store: SqliteStore) -> list[int]:
    return [_rows(store, f"SELECT count(*) FROM {t}")[0][0]
            for t in ("sale", "sale_line", "payment", "print_job", "audit_event")]


@pytest.fixture
def opened(store: SqliteStore, clock: FixedClock) -> SqliteStore:
    open_day(store, clock, 100000)
    return store


def _product(store: SqliteStore, sku: str) -> ProductInfo:
    product = CatalogueIndex.load(store).lookup(sku)
    assert product is not None
    return product


# --- a discount larger than its base is refused ------------------------------------------------------------
def test_a_1000_baht_discount_on_a_660_baht_line_is_refused(opened: SqliteStore) -> None:
    cart = Cart().add(_product(opened, BAG))
    with pytest.raises(InputError) as err:
        cart.set_line_discount(0, Discount("amount", 100000))
    assert "1,000.00" in err.value.en and "660.00" in err.value.en and "line" in err.value.en
    assert "1,000.00" in err.value.th
    assert cart.lines[0].total_satang == 66000  # the cart on screen is unchanged


def test_a_bill_discount_larger_than_the_bill_is_refused(opened: SqliteStore) -> None:
    cart = Cart().add(_product(opened, BASKET)).add(_product(opened, BAG))  # ฿780
    with pytest.raises(InputError, match="bill"):
        cart.set_discount(Discount("amount", 78001))
    assert cart.set_discount(Discount("amount", 78000)).total_satang == 0  # all of it is a discount, not more


def test_checkout_refuses_a_discount_its_line_outgrew(opened: SqliteStore, clock: FixedClock) -> None:
    """฿200 off two baskets, then one basket taken away: the discount is now larger than the line."""
    cart = Cart().add(_product(opened, BASKET), 2).set_line_discount(0, Discount("amount", 20000)).set_qty(0, 1)
    before = _counts(opened)
    with pytest.raises(InputError, match="more than the line"):
        checkout(opened, clock, cart, [PaymentIn("cash", tendered_satang=100000)], approval=approve(
            opened, clock, PIN, action="discount"))
    assert _counts(opened)[:4] == before[:4]


def test_a_price_override_cannot_leave_a_discount_larger_than_the_line(opened: SqliteStore) -> None:
    cart = Cart().add(_product(opened, BAG)).set_line_discount(0, Discount("amount", 30000))
    with pytest.raises(InputError):
        cart.set_price(0, 20000)


# --- the limit asks the manager ----------------------------------------------------------------------------
def test_60_percent_line_discount_needs_approval_at_checkout(opened: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(_product(opened, BAG)).set_line_discount(0, Discount("percent", 6000))  # ฿396 off ฿660
    pays = [PaymentIn("cash", tendered_satang=50000)]
    before = _counts(opened)
    with pytest.raises(ApprovalNeeded) as err:
        checkout(opened, clock, cart, pays)
    assert err.value.reasons == ("line_discount",)
    assert "50 %" in err.value.en and "PIN" in err.value.en and "50%" in err.value.th
    assert _counts(opened) == before  # nothing written
    result = checkout(opened, clock, cart, pays, approval=approve(opened, clock, PIN, action="discount"))
    assert result.total_satang == 26400
    assert _rows(opened, "SELECT discount_satang, net_satang FROM sale_line") == [(39600, 26400)]
    (detail,) = _rows(opened, "SELECT detail_json FROM audit_event WHERE action='override'")
    assert json.loads(detail[0]) == {"prices": [], "oversell": False, "approved": ["line_discount"]}
    check_store_integrity(opened.path)


def test_discounts_up_to_the_limit_need_no_approval(opened: SqliteStore, clock: FixedClock) -> None:
    cart = (Cart().add(_product(opened, BAG)).add(_product(opened, BASKET))
            .set_line_discount(0, Discount("percent", 5000)).set_discount(Discount("amount", 30000)))
    # line: ฿330 off ฿660 (exactly 50 %); bill: ฿300 off ฿450 (66 %) → only the bill needs the manager
    with pytest.raises(ApprovalNeeded) as err:
        checkout(opened, clock, cart, [PaymentIn("transfer", cart.total_satang)])
    assert err.value.reasons == ("bill_discount",)
    fine = cart.set_discount(Discount("amount", 22500))  # exactly half the bill
    assert checkout(opened, clock, fine, [PaymentIn("transfer", fine.total_satang)]).total_satang == 22500
    assert _rows(opened, "SELECT count(*) FROM audit_event WHERE action='override'") == [(0,)]


def test_the_limit_comes_from_the_settings(opened: SqliteStore, clock: FixedClock) -> None:
    assert get_settings(opened).discount_limit_percent == 50
    with pytest.raises(InputError):
        update_settings(opened, clock, discount_limit_percent=101)
    update_settings(opened, clock, discount_limit_percent=70)
    cart = Cart().add(_product(opened, BAG)).set_line_discount(0, Discount("percent", 6000))
    assert checkout(opened, clock, cart, [PaymentIn("transfer", cart.total_satang)]).total_satang == 26400
    update_settings(opened, clock, discount_limit_percent=0)
    small = Cart().add(_product(opened, BASKET)).set_discount(Discount("amount", 100))
    with pytest.raises(ApprovalNeeded):
        checkout(opened, clock, small, [PaymentIn("transfer", small.total_satang)])


def test_an_approval_kept_on_the_cart_is_used_and_not_compared(opened: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(_product(opened, BAG)).set_discount(Discount("percent", 8000))
    approved = cart.with_approval(approve(opened, clock, PIN, action="discount"))
    assert approved == cart and approved.approval is not None and cart.approval is None
    assert approved.add(_product(opened, BASKET)).approval is approved.approval  # kept for the rest of the cart
    assert checkout(opened, clock, approved, [PaymentIn("transfer", approved.total_satang)]).total_satang == 13200


# --- price override ----------------------------------------------------------------------------------------
def test_price_override_needs_approval_and_the_line_keeps_list_and_unit_price(opened: SqliteStore,
                                                                               clock: FixedClock) -> None:
    cart = Cart().add(_product(opened, BAG), 2).set_price(0, 50000)
    line = cart.lines[0]
    assert (line.list_price, line.unit_price_satang, line.overridden, line.total_satang) == (66000, 50000, True, 100000)
    assert cart.set_price(0, 66000).lines[0].overridden is False  # back to the catalogue price
    pays = [PaymentIn("promptpay", 100000, reference="1111")]
    with pytest.raises(ApprovalNeeded) as err:
        checkout(opened, clock, cart, pays)
    assert err.value.reasons == ("price",)
    checkout(opened, clock, cart, pays, cashier="noi", approval=approve(opened, clock, PIN, action="price"))
    assert _rows(opened, "SELECT sku, qty, list_price_satang, unit_price_satang, total_satang FROM sale_line") == [
        (BAG, 2, 66000, 50000, 100000)]
    (row,) = _rows(opened, "SELECT actor, detail_json FROM audit_event WHERE action='override'")
    assert row[0] == "noi"
    assert json.loads(row[1]) == {"prices": [[BAG, 66000, 50000]], "oversell": False, "approved": ["price"]}
    check_store_integrity(opened.path)


def test_an_overridden_line_does_not_take_the_next_scan(opened: SqliteStore) -> None:
    cart = Cart().add(_product(opened, BAG)).set_price(0, 50000).add(_product(opened, BAG))
    assert [(ln.qty, ln.unit_price_satang) for ln in cart.lines] == [(1, 50000), (1, 66000)]


def test_a_price_beyond_the_limits_is_refused(opened: SqliteStore) -> None:
    cart = Cart().add(_product(opened, BAG))
    with pytest.raises(InputError):
        cart.set_price(0, -1)
    with pytest.raises(InputError):
        cart.set_price(0, 10_000_000_01)


# --- ฿0 sales --------------------------------------------------------------------------------------------
def test_a_zero_baht_sale_needs_approval_and_is_not_shown_refunded(opened: SqliteStore, clock: FixedClock) -> None:
    update_settings(opened, clock, discount_limit_percent=100)  # a 100 % discount is within the limit…
    cart = Cart().add(_product(opened, BASKET)).set_discount(Discount("percent", 10000))
    assert cart.total_satang == 0
    with pytest.raises(ApprovalNeeded) as err:  # …but a sale of nothing still needs the manager
        checkout(opened, clock, cart, [])
    assert err.value.reasons == ("zero_sale",)
    result = checkout(opened, clock, cart, [], approval=approve(opened, clock, PIN, action="zero_sale"))
    (row,) = list_sales(opened)
    assert (row.number, row.status, row.total_satang, row.net_satang) == (result.number, "sale", 0, 0)


# --- the booth service -------------------------------------------------------------------------------------
def test_service_sell_takes_an_approval_and_says_what_needs_one(opened: SqliteStore, clock: FixedClock) -> None:
    service = BoothService(opened, clock, print_mode="off")
    cart = Cart().add(_product(opened, BAG)).set_price(0, 60000).set_discount(Discount("percent", 10000))
    need = service.approval_needed(cart)
    assert need is not None and need.reasons == ("bill_discount", "price", "zero_sale")
    assert service.approval_needed(Cart().add(_product(opened, BAG))) is None
    with pytest.raises(ApprovalNeeded):
        service.sell(cart, [])
    with pytest.raises(PinError):
        service.approve("9999", action="discount")
    result = service.sell(cart, [], approval=service.approve(PIN, action="discount"))
    assert result.total_satang == 0


# --- the manager's PIN checked once ------------------------------------------------------------------------
def test_void_refund_and_close_take_one_approval(opened: SqliteStore, clock: FixedClock) -> None:
    basket = _product(opened, BASKET)
    sales = [checkout(opened, clock, Cart().add(basket), [PaymentIn("transfer", 12000)]) for _ in range(2)]
    approval = approve(opened, clock, PIN, action="manager")
    void_sale(opened, clock, sales[0].uuid, "changed mind", approval)
    refund_sale(opened, clock, sales[1].uuid, "damaged", approval, lines=[RefundLineIn(1, 1)])
    close_day(opened, clock, approval, counted_satang=100000, back_up=False)
    assert _rows(opened, "SELECT action FROM audit_event WHERE action IN ('pin_ok', 'pin_wrong')") == [("pin_ok",)]
    assert [r.status for r in list_sales(opened)] == ["void", "refunded"]


def test_simulate_checks_the_pin_once_per_run(store: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = hashlib.scrypt

    def counting(*args: Any, **kwargs: Any) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)
    monkeypatch.setattr(hashlib, "scrypt", counting)
    done = simulate(store, days=3, sales_per_day=150, pin=PIN, seed=7, start=date(2020, 10, 26))
    assert done.days == 3 and done.sales > 400 and done.voids + done.refunds > 0
    assert len(calls) == 1
    assert _rows(store, "SELECT action, detail_json FROM audit_event WHERE action IN ('pin_ok', 'pin_wrong')") == [
        ("pin_ok", '{"for": "simulate"}')]
    assert _rows(store, "SELECT count(*) FROM till_day WHERE closed_at IS NOT NULL") == [(3,)]
    check_store_integrity(store.path)


def test_simulate_with_a_wrong_pin_writes_nothing(store: SqliteStore) -> None:
    with pytest.raises(PinError):
        simulate(store, days=1, sales_per_day=10, pin="9999", seed=1, start=date(2020, 10, 26))
    assert _rows(store, "SELECT count(*) FROM till_day") == [(0,)]
    assert _rows(store, "SELECT count(*) FROM sale") == [(0,)]


def test_a_held_cart_keeps_its_changed_price_but_not_the_approval(opened: SqliteStore, clock: FixedClock) -> None:
    """Held bills are written to the store: the price override comes back, the approval (proof that the PIN
    was typed in this session) does not, so checkout asks the manager again."""
    from otop_pos.booth.held import cart_from_json, cart_json

    cart = Cart().add(_product(opened, BAG)).set_price(0, 50000)
    cart = cart.with_approval(approve(opened, clock, PIN, action="price"))
    back = cart_from_json(cart_json(cart))
    assert back == cart and back.lines[0].list_price == 66000 and back.lines[0].unit_price_satang == 50000
    assert back.approval is None
    with pytest.raises(ApprovalNeeded):
        checkout(opened, clock, back, [PaymentIn("transfer", 50000)])

"""Held bills and the open cart live in the store with the payment parts taken on them (issue 12)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_pos.booth.held import cart_from_json, cart_json
from otop_pos.booth.service import BoothService, Cart, Discount, PaymentIn
from otop_pos.booth.payments import settle
from otop_pos.core.errors import InputError, SaleError
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.store.booth_models import AuditEvent, HeldBill, Payment, Sale
from otop_pos.store.engine import SqliteStore


@pytest.fixture
def service(store: SqliteStore, clock: FixedClock) -> Iterator[BoothService]:
    svc = BoothService(store, clock, print_mode="off")
    svc.open_day(100000)
    yield svc
    svc.shutdown()


@pytest.fixture
def reopen(tmp_path: Path, clock: FixedClock) -> Iterator[Callable[[], BoothService]]:
    opened: list[BoothService] = []

    def again() -> BoothService:
        svc = BoothService(open_booth_store(tmp_path / "booth"), clock, print_mode="off")
        opened.append(svc)
        return svc
    yield again
    for svc in opened:
        svc.shutdown()
        svc.store.dispose()


def _cart(service: BoothService) -> Cart:
    products = service.catalogue().products
    return Cart().add(products[0], 2).add(products[1]).set_line_discount(1, Discount("amount", 500)) \
        .set_discount(Discount("percent", 1000))


def test_a_cart_survives_the_stored_form_exactly(service: BoothService) -> None:
    cart = _cart(service)
    assert cart_from_json(cart_json(cart)) == cart
    assert cart_from_json(cart_json(cart)).total_satang == cart.total_satang


def test_the_open_cart_and_its_parts_come_back_after_a_restart(service: BoothService,
                                                               reopen: Callable[[], BoothService]) -> None:
    cart = _cart(service)
    uuid = service.new_bill_uuid()
    service.save_open(uuid, cart, (PaymentIn("promptpay", 5000, reference="SLIP1"),))
    again = reopen()                       # a new service on the same data folder: a restart
    bill = again.open_bill()
    assert bill is not None
    assert (bill.uuid, bill.cart, bill.parts) == (uuid, cart, (PaymentIn("promptpay", 5000, None, "SLIP1"),))
    assert bill.taken_satang == 5000


def test_held_bills_are_not_sales_until_paid(service: BoothService) -> None:
    cart = _cart(service)
    uuid = service.new_bill_uuid()
    service.save_open(uuid, cart, (PaymentIn("cash", 10000),))
    service.hold(uuid, cart, (PaymentIn("cash", 10000),), "collects at 3 pm")
    with service.store.read() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 0
        assert s.scalar(select(func.count()).select_from(Payment)) == 0
    back = service.recall(uuid)
    payments = service.final_payments(cart.total_satang, back.parts, 100000)
    result = service.sell(back.cart, payments, bill_uuid=back.uuid)
    with service.store.read() as s:
        assert s.scalar(select(func.count()).select_from(HeldBill)) == 0   # removed with the sale, at once
        rows = s.execute(select(Payment.method, Payment.amount_satang, Payment.tendered_satang,
                                Payment.change_satang)).all()
    due = cart.total_satang
    assert [tuple(r) for r in rows] == [("cash", due, 10000 + 100000, 10000 + 100000 - due)]
    assert result.change_satang == 110000 - due


def test_a_bill_can_be_named_but_not_at_any_length(service: BoothService) -> None:
    uuid = service.new_bill_uuid()
    service.hold(uuid, _cart(service))
    assert service.rename_held(uuid, "  ป้า  เสื้อแดง ").name == "ป้า เสื้อแดง"
    with pytest.raises(InputError, match="120"):
        service.rename_held(uuid, "x" * 121)
    assert service.held_bills()[0].name == "ป้า เสื้อแดง"


def test_a_held_bill_with_money_taken_is_not_discarded_silently(service: BoothService) -> None:
    uuid = service.new_bill_uuid()
    service.hold(uuid, _cart(service), (PaymentIn("transfer", 2000),))
    with pytest.raises(SaleError, match="20.00"):
        service.discard_held(uuid)
    assert len(service.held_bills()) == 1


def test_removing_a_part_is_audited(service: BoothService) -> None:
    uuid, cart = service.new_bill_uuid(), _cart(service)
    service.save_open(uuid, cart, (PaymentIn("promptpay", 3000),))
    service.save_open(uuid, cart, ())
    with service.store.read() as s:
        ref, detail = s.execute(select(AuditEvent.ref_uuid, AuditEvent.detail_json)
                                .where(AuditEvent.action == "part_removed")).one()
    assert ref == uuid and json.loads(detail)["amount"] == 3000


def test_recalling_a_bill_sold_elsewhere_says_so(service: BoothService) -> None:
    with pytest.raises(InputError, match="not there any more"):
        service.recall(service.new_bill_uuid())


def test_cash_parts_and_the_last_cash_make_one_cash_payment() -> None:
    # ฿100 cash first, then ฿50 PromptPay, then a ฿100 note for the ฿22 left: one cash row, change from it
    settled = settle(17200, [PaymentIn("cash", 10000), PaymentIn("promptpay", 5000),
                             PaymentIn("cash", tendered_satang=10000)])
    assert [(p.method, p.amount_satang, p.tendered_satang, p.change_satang) for p in settled] == [
        ("promptpay", 5000, None, 0), ("cash", 12200, 20000, 7800)]
    with pytest.raises(SaleError, match="more than is due"):
        settle(17200, [PaymentIn("cash", 20000)])


def test_a_cash_part_then_transfer_for_the_rest() -> None:
    parts = BoothService.take_part(17200, (), PaymentIn("cash", tendered_satang=10000))
    assert parts == (PaymentIn("cash", 10000),)
    parts = BoothService.take_part(17200, parts, PaymentIn("transfer", 7200))
    final = BoothService.final_payments(17200, parts, None)
    assert [(p.method, p.amount_satang, p.tendered_satang, p.change_satang) for p in settle(17200, final)] == [
        ("transfer", 7200, None, 0), ("cash", 10000, 10000, 0)]

"""The booth takes the fair's own methods: a card part, a คนละครึ่ง part with the state's and the customer's
shares kept apart and the slip's reference, a state welfare card; a method the booth's list does not hold is
refused and nothing is written; a held bill keeps its co-payment part; ``booth report --json`` names every
method of the fair and the schemes' two shares; a booth store made at b0003m keeps its sales."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.methods import replace_methods
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.booth.service import BoothService
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import SaleError
from otop_pos.core.methods import default_specs, split_copay
from otop_pos.store.booth_models import Payment, Product, Sale
from otop_pos.store.engine import SqliteStore
from otop_pos.store.migrate import alembic_config, script_heads

ROOT = Path(__file__).resolve().parents[2]


def _cart(store: SqliteStore, qty: int = 4) -> Cart:
    return Cart().add(list_products(store)[0], qty)


def _payments(store: SqliteStore) -> list[tuple[str, int, int, str]]:
    with store.read() as s:
        return [(p.method, p.amount_satang, p.state_satang, p.reference)
                for p in s.scalars(select(Payment).order_by(Payment.id))]


def _counts(store: SqliteStore) -> tuple[int, int, list[int | None]]:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Sale)) or 0,
                s.scalar(select(func.count()).select_from(Payment)) or 0,
                list(s.scalars(select(Product.stock).order_by(Product.id))))


def test_a_sale_paid_by_card_copay_and_cash_keeps_each_part_and_the_shares(store: SqliteStore,
                                                                           clock: FixedClock) -> None:
    open_day(store, clock, 50000)
    cart = _cart(store)
    total = cart.total_satang
    copay_part = 20001                       # ฿200.01: the state's half rounds down to ฿100.00
    customer, state = split_copay(copay_part, 50)
    assert (customer, state) == (10001, 10000)
    payments = [PaymentIn("card", 5000, reference="AUTH 1234"),
                PaymentIn("copay", copay_part, reference="TQ-998877", state_satang=state),
                PaymentIn("cash", tendered_satang=total - 5000 - copay_part + 2000)]
    result = checkout(store, clock, cart, payments, cashier="t", print_receipt=False)
    assert result.change_satang == 2000
    assert _payments(store) == [("card", 5000, 0, "AUTH 1234"), ("copay", copay_part, state, "TQ-998877"),
                                ("cash", total - 5000 - copay_part, 0, "")]
    detail = BoothService(store, clock, print_mode="off").sale_detail(result.uuid)
    assert [(p.method, p.amount_satang, p.state_satang) for p in detail.payments] == [
        ("card", 5000, 0), ("copay", copay_part, state), ("cash", total - 5000 - copay_part, 0)]


def test_the_welfare_card_is_paid_whole_by_the_state(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    cart = _cart(store, 1)
    checkout(store, clock, cart, [PaymentIn("welfare", cart.total_satang, state_satang=cart.total_satang)],
             print_receipt=False)
    assert _payments(store) == [("welfare", cart.total_satang, cart.total_satang, "")]


@pytest.mark.parametrize("payment, words", [
    (PaymentIn("bitcoin", 100), "not one of this fair's methods"),
    (PaymentIn("card", 100, state_satang=50), "has no state share"),
    (PaymentIn("copay", 100, state_satang=101), "at most the part's amount"),
    (PaymentIn("welfare", 100, state_satang=60), "must be the whole amount"),
])
def test_a_part_the_booth_cannot_take_is_refused_and_nothing_is_written(store: SqliteStore, clock: FixedClock,
                                                                        payment: PaymentIn, words: str) -> None:
    open_day(store, clock, 0)
    cart = _cart(store, 1)
    before = _counts(store)
    with pytest.raises(SaleError) as err:
        checkout(store, clock, cart, [payment, PaymentIn("cash", tendered_satang=cart.total_satang)],
                 print_receipt=False)
    assert words in err.value.en and err.value.th
    assert _counts(store) == before


def test_a_method_the_fair_dropped_is_refused_at_the_till(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    with store.write() as s:
        replace_methods(s, [m for m in default_specs() if m.code != "card"])
    cart = _cart(store, 1)
    with pytest.raises(SaleError) as err:
        checkout(store, clock, cart, [PaymentIn("card", cart.total_satang)], print_receipt=False)
    assert "“card”" in err.value.en and "“card”" in err.value.th
    assert _counts(store)[0] == 0


def test_a_held_bill_keeps_its_copay_part_and_shares(store: SqliteStore, clock: FixedClock) -> None:
    open_day(store, clock, 0)
    service = BoothService(store, clock, print_mode="off")
    cart = _cart(store, 2)
    part = PaymentIn("copay", 10000, reference="SLIP-7", state_satang=5000)
    parts = service.take_part(cart.total_satang, (), part)
    held = service.hold("bill-1", cart, parts, name="ป้าแดง")
    back = next(b for b in service.held_bills() if b.uuid == held.uuid)
    assert back.parts == (part,)
    service.sell(cart, service.final_payments(cart.total_satang, back.parts, cart.total_satang))
    assert _payments(store)[0] == ("copay", 10000, 5000, "SLIP-7")


def _run(home: Path, *args: str) -> str:
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_booth_report_json_names_the_fairs_methods_and_the_schemes_shares(tmp_path: Path,
                                                                         clock: FixedClock) -> None:
    home = tmp_path / "booth"
    _run(home, "booth", "setup", "--registry", str(ROOT / "resources" / "demo"), "--vendor", "KK20-0018",
         "--pin", "1234")
    store = open_booth_store(home)
    try:
        service = BoothService(store, clock, print_mode="off")
        service.open_day(0)
        cart = _cart(store, 3)
        t = cart.total_satang
        service.sell(cart, [PaymentIn("copay", t - 100, state_satang=split_copay(t - 100, 50)[1]),
                            PaymentIn("cash", tendered_satang=100)])
        voided = service.sell(cart, [PaymentIn("copay", t, state_satang=t // 2)])
        service.void(voided.uuid, "ลูกค้าเปลี่ยนใจ", "1234")
        service.sell(cart, [PaymentIn("card", t)])
        expected = booth_report(store)
    finally:
        store.dispose()
    report = json.loads(_run(home, "booth", "report", "--json"))
    assert list(report["by_method"]) == [m.code for m in default_specs()]
    customer, state = split_copay(t - 100, 50)
    assert report["by_method"]["copay"] == t - 100 and report["by_method"]["card"] == t
    assert report["by_method"]["cash"] == 100
    assert report["schemes"] == {"copay": {"customer_satang": customer, "state_satang": state},
                                 "welfare": {"customer_satang": 0, "state_satang": 0}}
    assert sum(report["by_method"].values()) == report["net_satang"] == 2 * t
    assert report["schemes"] == expected.schemes


def test_migration_b0004m_keeps_the_payments_and_lets_a_copay_be_stored(store: SqliteStore,
                                                                        clock: FixedClock) -> None:
    open_day(store, clock, 0)
    cart = _cart(store, 1)
    checkout(store, clock, cart, [PaymentIn("promptpay", 100), PaymentIn("cash", tendered_satang=cart.total_satang)],
             print_receipt=False)
    cfg = alembic_config("booth")
    with store.engine.begin() as conn:   # the store as b0004o left it, with a sale paid in two parts
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "b0004o")
    with store.read() as s:
        before = [tuple(r) for r in s.execute(select(Payment.sale_id, Payment.method, Payment.amount_satang,
                                                     Payment.tendered_satang, Payment.change_satang))]
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert script_heads("booth") == {"b0005"}
    with store.read() as s:
        after = [tuple(r) for r in s.execute(select(Payment.sale_id, Payment.method, Payment.amount_satang,
                                                    Payment.tendered_satang, Payment.change_satang))]
        assert after == before and set(s.scalars(select(Payment.state_satang))) == {0}
    checkout(store, clock, cart, [PaymentIn("copay", cart.total_satang, state_satang=cart.total_satang // 2)],
             print_receipt=False)
    assert _payments(store)[-1][:3] == ("copay", cart.total_satang, cart.total_satang // 2)

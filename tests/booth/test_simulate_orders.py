"""``booth simulate --orders`` and the fair's methods in the simulated mix: a three-day fair through the real CLI
whose orders, schemes and closed days are read back as the vendor would (``booth report``, ``booth orders``,
``booth sales``), the same seed giving the same store, and without ``--orders`` the very run it always was."""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from otop_pos.booth.methods import payment_methods, replace_methods
from otop_pos.booth.orders import list_orders
from otop_pos.booth.queries import booth_report
from otop_pos.booth.setup import from_registry, setup_booth
from otop_pos.booth.simulate import simulate
from otop_pos.booth.store import open_booth_store
from otop_pos.core.clock import FixedClock
from otop_pos.exchange.registry_csv import Registry
from otop_pos.store.engine import SqliteStore
from tests.conftest import PIN
from tests.e2e.test_cli_booth import run

START = date(2020, 10, 26)
VENDOR = "KK20-0110"     # the demo vendor with most products (the ``big_store`` fixture's)
SEED = 39                # over three days of 60 baskets: orders delivered, cancelled (refunded and kept), left open
MISCOUNTS = {0, -2000, 1000}   # the simulated cash counts: right, ฿20 short, ฿10 over


def _payments_digest(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT s.number, s.total_satang, (SELECT group_concat(p.method || ':' || p.amount_satang || ':' || "
            "coalesce(p.tendered_satang, '') || ':' || p.reference, '|') FROM (SELECT * FROM payment "
            "WHERE sale_id = s.id ORDER BY id) p) FROM sale s ORDER BY s.id").fetchall()
    finally:
        con.close()
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def test_a_fair_with_orders_through_the_cli(big_store: SqliteStore) -> None:
    home = big_store.path.parent     # set up as ``booth setup --registry … --vendor KK20-0110`` would
    sim = run(home, "booth", "simulate", "--days", "3", "--sales-per-day", "60", "--seed", str(SEED), "--start",
              START.isoformat(), "--orders", "--jsonl", "--pin", PIN)
    events = [json.loads(x) for x in sim.stdout.splitlines()]
    taken = [e for e in events if e["kind"] == "order_take"]
    delivered = [e for e in events if e["kind"] == "order_deliver"]
    cancelled = [e for e in events if e["kind"] == "order_cancel"]
    sold = [e for e in events if e["kind"] == "sale"]
    assert all({"number", "uuid", "value_satang", "deposit_satang", "created_at"} <= set(e) for e in taken)
    assert (f"{len(sold)} sales" in sim.stderr and f"{len(taken)} orders taken, {len(delivered)} delivered, "
            f"{len(cancelled)} cancelled" in sim.stderr), sim.stderr

    orders = json.loads(run(home, "booth", "orders", "--json").stdout)
    report = json.loads(run(home, "booth", "report", "--json").stdout)
    sales = json.loads(run(home, "booth", "sales", "--json").stdout)
    assert report["vendor_code"] == VENDOR
    by_status = {st: [o for o in orders if o["status"] == st] for st in ("open", "delivered", "cancelled")}
    assert [o["number"] for o in orders] == [e["number"] for e in taken]
    assert {o["number"] for o in by_status["delivered"]} == {e["number"] for e in delivered}
    assert {o["number"] for o in by_status["cancelled"]} == {e["number"] for e in cancelled}
    refunded = -sum(e["paid_now_satang"] for e in cancelled)
    kept = sum(o["deposit_satang"] for o in by_status["cancelled"]) - refunded
    assert report["orders"] == {
        "taken_count": len(orders), "taken_satang": sum(o["value_satang"] for o in orders),
        "deposits_satang": sum(o["deposit_satang"] for o in orders),
        "delivered_count": len(by_status["delivered"]),
        "delivered_satang": sum(o["value_satang"] for o in by_status["delivered"]),
        "cancelled_count": len(by_status["cancelled"]), "deposits_refunded_satang": refunded,
        "open_count": len(by_status["open"]), "open_satang": sum(o["value_satang"] for o in by_status["open"])}
    # this seed shows every way an order goes: delivered, cancelled with the deposit given back and kept, open
    assert len(by_status["delivered"]) >= 3 and refunded > 0 and kept > 0 and by_status["open"]
    assert all(o["deliver"] > "2020-10-28" or o["deposit_satang"] + o["balance_satang"] == o["value_satang"]
               for o in by_status["open"])
    assert any(o["deliver"] > "2020-10-28" for o in by_status["open"])   # due after the last simulated day
    assert len({o["customer"] for o in orders}) > 1 and all(o["phone"].startswith("0") for o in orders)

    # a delivered order is a sale of its delivery day, listed with the others
    numbers = {s["number"]: s for s in sales}
    assert {o["sale_number"] for o in by_status["delivered"]} <= set(numbers)
    assert {e["sale_number"] for e in delivered} == {o["sale_number"] for o in by_status["delivered"]}
    assert report["sales_count"] == len(sales) == len(sold) + len(delivered)
    assert sum(numbers[o["sale_number"]]["total_satang"] for o in by_status["delivered"]) \
        == report["orders"]["delivered_satang"]
    assert report["net_satang"] == sum(s["net_satang"] for s in sales) == sum(report["by_method"].values())

    # the fair's methods in the mix: card, the co-payment scheme (both shares) and the welfare card (all state)
    assert all(report["by_method"][m] > 0 for m in ("cash", "promptpay", "transfer", "card", "copay", "welfare"))
    copay, welfare = report["schemes"]["copay"], report["schemes"]["welfare"]
    assert copay["customer_satang"] > 0 and 0 < copay["state_satang"] <= copay["customer_satang"]
    assert welfare == {"customer_satang": 0, "state_satang": report["by_method"]["welfare"]}
    assert copay["customer_satang"] + copay["state_satang"] == report["by_method"]["copay"]

    # every day closed, the cash off only by the simulated miscounts (deposits in and out counted in the drawer)
    con = sqlite3.connect(big_store.path)
    try:
        days = con.execute("SELECT business_date, closed_at IS NOT NULL, difference_satang FROM till_day "
                           "ORDER BY id").fetchall()
    finally:
        con.close()
    assert [d[0] for d in days] == ["2020-10-26", "2020-10-27", "2020-10-28"]
    assert all(closed and diff in MISCOUNTS for _, closed, diff in days), days


def _figures(store: SqliteStore) -> tuple[object, ...]:
    return asdict(booth_report(store)), tuple(replace(o, uuid="") for o in list_orders(store))


def test_the_same_seed_gives_the_same_store(tmp_path: Path, big_store: SqliteStore, clock: FixedClock,
                                            registry: Registry) -> None:
    other = open_booth_store(tmp_path / "other")
    try:
        setup_booth(other, clock, from_registry(registry, VENDOR), pin=PIN)
        done = [simulate(s, days=2, sales_per_day=40, pin=PIN, seed=SEED, start=START, orders=True)
                for s in (big_store, other)]
        assert done[0] == done[1] and done[0].orders_taken > 0
        assert _figures(big_store) == _figures(other)
        assert _payments_digest(big_store.path) == _payments_digest(other.path)
    finally:
        other.dispose()


def test_without_orders_a_seed_gives_the_run_it_always_gave(big_store: SqliteStore) -> None:
    """Figures recorded before ``--orders`` existed (tests and benchmarks rely on a seed's run)."""
    done = simulate(big_store, days=2, sales_per_day=40, pin=PIN, seed=7, start=START)
    assert (done.sales, done.voids, done.refunds, done.orders_taken) == (80, 0, 1, 0)
    report = booth_report(big_store)
    assert (report.net_satang, report.refunds_satang, report.items_sold) == (3424450, 4000, 208)
    assert {m: v for m, v in report.by_method.items() if v} == {"cash": 2142650, "promptpay": 649800,
                                                                 "transfer": 632000}
    assert _payments_digest(big_store.path) == "01a7f82f47c824b0b001db4966c5fbae7d64c8204cd235ae21b64c86cbb6ccfd"
    assert list_orders(big_store) == ()


def test_fair_methods_without_orders(big_store: SqliteStore) -> None:
    simulate(big_store, days=1, sales_per_day=60, pin=PIN, seed=4, start=START, fair_methods=True)
    report = booth_report(big_store)
    assert report.orders.taken_count == 0 and report.schemes["copay"]["state_satang"] > 0


def test_a_fair_without_schemes_is_paid_by_its_own_methods(store: SqliteStore) -> None:
    with store.write() as s:   # a fair that removed its schemes and the card: the booth's methods are the four
        replace_methods(s, [m for m in payment_methods(store) if m.kind == "plain" and m.code != "card"])
    simulate(store, days=1, sales_per_day=60, pin=PIN, seed=4, start=START, orders=True)
    report = booth_report(store)
    assert report.orders.taken_count > 0 and not report.schemes
    assert {m for m, v in report.by_method.items() if v} <= {"cash", "promptpay", "transfer"}


class _PowerCut(Exception):
    pass


def test_a_run_cut_short_is_continued_to_the_days_baskets(big_store: SqliteStore) -> None:
    """An open day is continued: its sales (deliveries apart) and its orders taken are the baskets so far."""
    seen: list[object] = []

    def cut(result: object) -> None:
        seen.append(result)
        if len(seen) == 25:
            raise _PowerCut

    try:
        simulate(big_store, days=1, sales_per_day=60, pin=PIN, seed=SEED, start=START, orders=True, on_sale=cut)
    except _PowerCut:
        pass
    done = simulate(big_store, days=1, sales_per_day=60, pin=PIN, seed=SEED + 1, start=START, orders=True)
    con = sqlite3.connect(big_store.path)
    try:
        sales = con.execute("SELECT count(*) FROM sale WHERE id NOT IN (SELECT sale_id FROM customer_order "
                            "WHERE sale_id IS NOT NULL)").fetchone()[0]
        taken = con.execute("SELECT count(*) FROM customer_order").fetchone()[0]
        closed = con.execute("SELECT count(*), min(closed_at IS NOT NULL) FROM till_day").fetchone()
    finally:
        con.close()
    assert sales == 25 + done.sales and taken > 0
    assert sales + taken == 60 and closed == (1, 1)

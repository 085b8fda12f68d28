"""A booth that takes, delivers and cancels orders exports and imports as before: the organiser counts a
delivered order as a sale of its delivery day, once, with the payments the booth recorded (the deposit part
and the balance); open and cancelled orders are not sales. Orders themselves travel in the export in a later
round (issue 15): this checks the sales figures keep their meaning."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from otop_pos.app import demo_registry
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.orders import cancel_order, deliver_order, take_order
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.queries import booth_report
from otop_pos.core.clock import FixedClock
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY, PIN, Booth, make_fair


def test_delivered_orders_import_as_sales_of_their_delivery_day(fair_store: FairStore, fair_clock: FixedClock,
                                                                 tmp_path: Path) -> None:
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    booth = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=4)
    booth.sell(FIRST_DAY, 3)
    product = list_products(booth.s)[0]
    cart = Cart().add(product, 5)
    kept = take_order(booth.s, booth.clock, cart, customer="ก", deliver_on=FIRST_DAY + timedelta(days=1),
                      deposit_satang=1000, payments=[PaymentIn("cash", 1000)])
    gone = take_order(booth.s, booth.clock, Cart().add(product, 1), customer="ข", deliver_on=FIRST_DAY,
                      deposit_satang=500, payments=[PaymentIn("promptpay", 500)])
    take_order(booth.s, booth.clock, Cart().add(product, 2), customer="ค", deliver_on=FIRST_DAY, deposit_satang=0)
    cancel_order(booth.s, booth.clock, gone.number, PIN, refund_deposit=True)
    day2 = FIRST_DAY + timedelta(days=1)
    booth.sell(day2, 2)
    deliver_order(booth.s, booth.clock, kept.number, [PaymentIn("cash", tendered_satang=cart.total_satang)])
    booth.close_day()
    report = booth_report(booth.s)
    assert report.orders.delivered_count == 1 and report.orders.open_count == 1
    done = import_paths(fair_store, fair_clock, [booth.export(tmp_path / "usb")], jobs=0)
    assert done.count("refused") == 0 and done.count("imported") == 1
    booth.close()
    summary = fair_summary(fair_store)
    assert (summary.net_satang, summary.sales_count) == (report.net_satang, report.sales_count)
    assert summary.per_method == {m: v for m, v in report.by_method.items() if v or m in summary.per_method}
    assert summary.per_day == report.by_day
    assert summary.per_day[day2.isoformat()] >= cart.total_satang

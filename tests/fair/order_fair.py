"""A fair whose two booths take orders through the real booth use cases, export and import: on the first day
booth B001 takes three orders (one due after the fair with a cash deposit, one cancelled that day with its
PromptPay deposit given back, one without a deposit that stays open), on the second day booth C002 takes two
(one delivered that day, one cancelled keeping its deposit); two days after the fair's last day B001 delivers
the late order and refunds a first-day sale. The booths' own ``booth report`` orders are kept, to check the
organiser's figures against what the booths said themselves."""
from __future__ import annotations

from dataclasses import dataclass
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
from otop_pos.fair.orders import ORDER_KEYS
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY, LAST_DAY, PIN, Booth, make_fair

VENDORS = ["KK20-0001", "KK20-0002"]
DAY2 = FIRST_DAY + timedelta(days=1)
AFTER = LAST_DAY + timedelta(days=2)


@dataclass(frozen=True)
class OrderFair:
    """The booths' own orders objects at the end (``booth report``), and their net income."""

    orders: dict[str, dict[str, int]]
    net: dict[str, int]
    late_satang: int = 0   # the value of the order delivered after the fair (open at the fair's end)

    def total(self) -> dict[str, int]:
        """The booths' orders summed."""
        return {k: sum(o[k] for o in self.orders.values()) for k in ORDER_KEYS}


def build_order_fair(store: FairStore, clock: FixedClock, root: Path) -> OrderFair:
    """The two booths' orders, exported and imported into ``store`` (the after-the-fair file last)."""
    _fair, packages = make_fair(store, clock, demo_registry(), root / "packages", VENDORS)
    b1 = Booth(root / "b1", packages[VENDORS[0]].path, seed=11)
    b2 = Booth(root / "b2", packages[VENDORS[1]].path, seed=12)
    b1.sell(FIRST_DAY, 2)
    p1 = list_products(b1.s)
    late = take_order(b1.s, b1.clock, Cart().add(p1[0], 3).add(p1[1], 1), customer="นางสมศรี ใจดี",
                      deliver_on=AFTER, deposit_satang=700, payments=[PaymentIn("cash", 700)])
    gone = take_order(b1.s, b1.clock, Cart().add(p1[1], 2), customer="ข", deliver_on=DAY2, deposit_satang=500,
                      payments=[PaymentIn("promptpay", 500, reference="A1")])
    take_order(b1.s, b1.clock, Cart().add(p1[0], 1), customer="ค", deliver_on=LAST_DAY, deposit_satang=0)
    cancel_order(b1.s, b1.clock, gone.number, PIN, refund_deposit=True)
    b1.close_day()
    b2.sell(DAY2, 3)
    p2 = list_products(b2.s)
    now = take_order(b2.s, b2.clock, Cart().add(p2[0], 2), customer="ง", deliver_on=DAY2, deposit_satang=1000,
                     payments=[PaymentIn("cash", 1000)])
    kept = take_order(b2.s, b2.clock, Cart().add(p2[-1], 1), customer="จ", deliver_on=LAST_DAY, deposit_satang=200,
                      payments=[PaymentIn("cash", 200)])
    deliver_order(b2.s, b2.clock, now.number, [PaymentIn("cash", tendered_satang=200000)])
    cancel_order(b2.s, b2.clock, kept.number, PIN, refund_deposit=False)
    b2.close_day()
    files = [b1.export(root / "usb1"), b2.export(root / "usb1")]
    b1.ensure_day(AFTER)
    deliver_order(b1.s, b1.clock, late.number, [PaymentIn("cash", tendered_satang=200000)])
    assert b1.refund_first()
    b1.close_day()
    files.append(b1.export(root / "usb2"))
    for path in files:
        assert import_paths(store, clock, [path], jobs=0).count("imported") == 1
    out = OrderFair({}, {}, late.value_satang)
    for code, b in zip(VENDORS, (b1, b2)):
        report = booth_report(b.s)
        out.orders[code] = {k: int(getattr(report.orders, k)) for k in ORDER_KEYS}
        out.net[code] = report.net_satang
        b.close()
    return out

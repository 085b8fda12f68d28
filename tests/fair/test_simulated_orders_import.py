"""Two booths set up from the organiser's packages, simulated with ``orders=True`` (orders delivered, cancelled
and open; card, คนละครึ่ง and the welfare card in the mix), exported and imported, on SQLite and PostgreSQL: the
fair's sales, methods, scheme shares and orders (taken, deposits, delivered, cancelled, open) equal the booths'
own reports to the satang."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from otop_pos.app import demo_registry
from otop_pos.booth.queries import booth_report
from otop_pos.booth.simulate import simulate
from otop_pos.core.clock import FixedClock
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from tests.fair.booths import FIRST_DAY, PIN, Booth, make_fair

VENDORS = ["KK20-0018", "KK20-0110"]


def test_simulated_booths_with_orders_import_with_their_schemes(fair_store: FairStore, fair_clock: FixedClock,
                                                                 tmp_path: Path) -> None:
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", VENDORS)
    reports, exports = {}, []
    for k, code in enumerate(VENDORS):
        booth = Booth(tmp_path / code, packages[code].path)
        done = simulate(booth.s, days=2, sales_per_day=40, pin=PIN, seed=33 + k, start=FIRST_DAY, orders=True)
        assert done.orders_taken and done.orders_delivered
        reports[code] = booth_report(booth.s)
        exports.append(booth.export(tmp_path / "usb"))
        booth.close()
    imported = import_paths(fair_store, FixedClock(datetime(2020, 11, 1, 14, tzinfo=timezone.utc)), exports, jobs=0)
    assert imported.count("imported") == 2, imported
    summary = fair_summary(fair_store)
    assert summary.net_satang == sum(r.net_satang for r in reports.values())
    assert summary.sales_count == sum(r.sales_count for r in reports.values())
    for m in ("cash", "card", "copay", "welfare"):
        assert summary.per_method[m] == sum(r.by_method[m] for r in reports.values()) > 0, m
    assert summary.schemes_per_vendor == {code: r.schemes for code, r in reports.items()}
    own = {code: {k: getattr(r.orders, k) for k in summary.orders} for code, r in reports.items()}
    assert summary.orders_per_vendor == own
    assert summary.orders == {k: sum(o[k] for o in own.values()) for k in summary.orders}
    assert min(summary.orders[k] for k in ("delivered_count", "cancelled_count", "open_count", "deposits_satang")) > 0
    assert sum(d["taken_satang"] for d in summary.orders_per_day.values()) == summary.orders["taken_satang"]
    assert sum(t["taken_satang"] for t in summary.orders_per_type.values()) == summary.orders["taken_satang"]
    assert summary.schemes["copay"]["customer_satang"] > 0 and summary.schemes["copay"]["state_satang"] > 0
    assert summary.schemes["welfare"]["customer_satang"] == 0 < summary.schemes["welfare"]["state_satang"]

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


def test_orders_travel_in_the_export_once_and_equal_the_booth_figures(fair_store: FairStore, fair_clock: FixedClock,
                                                                      tmp_path: Path) -> None:
    """Orders taken, delivered and cancelled reach the organiser without the customers, once however often the
    booth exports, and the fair's orders figures equal the booth's own; a delivery after the fair is accepted
    and reported as after the fair."""
    import json
    import zipfile

    from otop_pos.fair.figures import compute_figures
    from otop_pos.reports.model import figures_to_json
    from tests.fair.booths import LAST_DAY

    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    booth = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=5)
    booth.sell(FIRST_DAY, 2)
    products = list_products(booth.s)
    late = take_order(booth.s, booth.clock, Cart().add(products[0], 2), customer="นางสมศรี ใจดี", phone="0812345678",
                      deliver_on=LAST_DAY + timedelta(days=2), deposit_satang=700, payments=[PaymentIn("cash", 700)])
    kept = take_order(booth.s, booth.clock, Cart().add(products[1], 1), customer="นายสมชาย", deliver_on=FIRST_DAY,
                      deposit_satang=300, payments=[PaymentIn("promptpay", 300, reference="A1")])
    take_order(booth.s, booth.clock, Cart().add(products[0], 1), customer="ค", deliver_on=LAST_DAY, deposit_satang=0)
    cancel_order(booth.s, booth.clock, kept.number, PIN, refund_deposit=False)
    booth.close_day()
    first = booth.export(tmp_path / "usb1")
    with zipfile.ZipFile(first) as z:
        text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert late.number in text and "สมศรี" not in text and "0812345678" not in text and "สมชาย" not in text
    assert import_paths(fair_store, fair_clock, [first], jobs=0).count("imported") == 1
    from otop_pos.fair.status import fair_status

    assert fair_status(fair_store, fair_clock).log[0].orders_added == 3   # the import log counts the orders
    after = LAST_DAY + timedelta(days=2)
    booth.ensure_day(after)
    deliver_order(booth.s, booth.clock, late.number, [PaymentIn("cash", tendered_satang=100000)])
    booth.close_day()
    second = booth.export(tmp_path / "usb2")
    for path in (second, first, second):   # the newer file adds the delivery; every other import adds nothing
        import_paths(fair_store, fair_clock, [path], jobs=0)
    report = booth_report(booth.s)
    booth.close()
    mine = {k: getattr(report.orders, k) for k in ("taken_count", "taken_satang", "deposits_satang",
                                                   "delivered_count", "delivered_satang", "cancelled_count",
                                                   "deposits_refunded_satang", "open_count", "open_satang")}
    assert mine["delivered_count"] == 1 and mine["cancelled_count"] == 1 and mine["open_count"] == 1
    summary = fair_summary(fair_store)
    assert summary.orders == mine and summary.orders_per_vendor == {"KK20-0001": mine}
    assert summary.net_satang == report.net_satang
    assert summary.after_fair.delivered_count == 1 and summary.after_fair.days == (after.isoformat(),)
    assert sum(t["taken_satang"] for t in summary.orders_per_type.values()) == mine["taken_satang"]
    assert summary.orders_per_day[after.isoformat()]["delivered_satang"] == mine["delivered_satang"]
    figures = figures_to_json(compute_figures(fair_store))
    assert figures["orders"] == mine and figures["key"]["net_satang"] == report.net_satang
    assert figures["after_fair"]["delivered_satang"] == mine["delivered_satang"]
    assert json.dumps(figures)  # JSON-ready
    from otop_pos.core.money import format_baht
    from otop_pos.fair.producer_sheets import producer_sheet
    from otop_pos.reports.producer_sheet_pdf import write_producer_sheet_pdf
    from tests.reports.pdf_helpers import pdftotext

    sheet = producer_sheet(fair_store, "KK20-0001")   # the producer takes home the order still open
    assert (sheet.open_orders_count, sheet.open_orders_satang) == (1, mine["open_satang"])
    text = " ".join(pdftotext(write_producer_sheet_pdf(sheet, tmp_path / "sheet.pdf")).split())
    assert f"1 รายการ มูลค่า {format_baht(mine['open_satang'])} บาท" in text


def test_a_report_period_counts_what_happened_in_it(fair_store: FairStore, fair_clock: FixedClock,
                                                    tmp_path: Path) -> None:
    """An order taken on day 1 and delivered on day 3: a report of day 1 shows it taken and open at the day's end,
    one of days 2–3 shows it delivered and not taken; the two periods add up to the whole."""
    from otop_pos.fair.figures import compute_figures

    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    booth = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=6)
    booth.sell(FIRST_DAY, 1)
    product = list_products(booth.s)[0]
    order = take_order(booth.s, booth.clock, Cart().add(product, 4), customer="ก",
                       deliver_on=FIRST_DAY + timedelta(days=2), deposit_satang=1000, payments=[PaymentIn("cash", 1000)])
    booth.close_day()
    day3 = FIRST_DAY + timedelta(days=2)
    booth.sell(day3, 1)
    deliver_order(booth.s, booth.clock, order.number, [PaymentIn("cash", tendered_satang=order.value_satang)])
    booth.close_day()
    assert import_paths(fair_store, fair_clock, [booth.export(tmp_path / "usb")], jobs=0).count("imported") == 1
    booth.close()
    value = order.value_satang
    one = compute_figures(fair_store, first=FIRST_DAY, last=FIRST_DAY).orders
    rest = compute_figures(fair_store, first=FIRST_DAY + timedelta(days=1), last=day3).orders
    whole = compute_figures(fair_store).orders
    assert (one["taken_satang"], one["deposits_satang"], one["open_satang"], one["delivered_count"]) == (
        value, 1000, value, 0)
    assert (rest["taken_count"], rest["deposits_satang"], rest["delivered_satang"], rest["open_count"]) == (
        0, 0, value, 0)
    for k in ("taken_satang", "deposits_satang", "delivered_satang"):
        assert one[k] + rest[k] == whole[k]

"""Two booths set up from the organiser's packages, simulated with ``orders=True`` (orders delivered, cancelled
and open; card, คนละครึ่ง and the welfare card in the mix), exported and imported, on SQLite and PostgreSQL: the
fair's sales, methods, scheme shares and orders (taken, deposits, delivered, cancelled, open) equal the booths'
own reports to the satang, and the organiser's Thai PDF shows the orders and each scheme's spending exactly."""
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

    # the organiser's Thai PDF shows both, read back exactly: the orders section and each scheme's spending
    from dataclasses import replace

    from otop_pos.core.money import format_baht
    from otop_pos.fair.figures import compute_figures
    from otop_pos.reports.figures_pdf import write_figures_pdf
    from tests.reports.pdf_helpers import pdftotext

    figures = compute_figures(fair_store)
    assert figures.orders == summary.orders and figures.schemes == summary.schemes
    figures = replace(figures, by_vendor=tuple(v for v in figures.by_vendor if v.code in VENDORS), missing=())
    write_figures_pdf(figures, tmp_path / "report.pdf", lang="th")
    lines = [" ".join(line.split()) for line in pdftotext(tmp_path / "report.pdf").splitlines()]
    o = summary.orders
    for line in (f"รับสั่งจอง {o['taken_count']:,} {format_baht(o['taken_satang'])}",
                 f"เงินมัดจำที่รับ {format_baht(o['deposits_satang'])}",
                 f"ส่งมอบแล้ว {o['delivered_count']:,} {format_baht(o['delivered_satang'])}",
                 f"ยังไม่ส่งมอบ {o['open_count']:,} {format_baht(o['open_satang'])}"):
        assert line in lines, line
    for code, th in (("copay", "คนละครึ่ง"), ("welfare", "บัตรสวัสดิการแห่งรัฐ")):
        sh = summary.schemes[code]
        said = f"ยอดใช้จ่าย {format_baht(sh['customer_satang'] + sh['state_satang'])} บาท"
        assert any(line.startswith(said) and f"รัฐจ่าย {format_baht(sh['state_satang'])} บาท" in line
                   for line in lines), (code, said)
        assert any(line.startswith(f"{th}") for line in lines), th

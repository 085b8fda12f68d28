"""The organiser report's figures (``compute_figures``, ``vendor_detail``) on SQLite and PostgreSQL, checked
against an independent computation: the booths' own reports (``booth_report`` of every till), with voids, a
refund on a later day than its sale, a vendor with two tills, a vendor that sent nothing and a day without
sales. Every breakdown sums to the net income; the key figures agree with ``fair_summary``."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from otop_pos.app import demo_registry
from otop_pos.booth.queries import booth_report
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.exchange.registry_csv import PRODUCT_TYPES, load_registry
from otop_pos.fair.fairs import create_fair, load_registry_into
from otop_pos.fair.figures import compute_figures, vendor_detail
from otop_pos.fair.importer import import_paths
from otop_pos.fair.packages import make_packages
from otop_pos.fair.status import fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.reports.model import BREAKDOWNS, Figures, figures_to_json
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.fair.templates import DATABASES, Template, build_template, clock_after, store_copy

D1, D2, D3 = FIRST_DAY, FIRST_DAY + timedelta(days=1), FIRST_DAY + timedelta(days=2)
VENDORS = ["KK20-0001", "KK20-0002", "KK20-0003"]


def _build_fair(store: FairStore, clock: FixedClock, root: Path) -> dict[str, Any]:
    """Three tills of two vendors over three days, imported; KK20-0003 never sends anything."""
    _info, packages = make_fair(store, clock, demo_registry(), root / "packages", VENDORS)
    a = Booth(root / "a", packages["KK20-0001"].path, seed=1)
    b1 = Booth(root / "b1", packages["KK20-0002"].path, seed=2)
    b2 = Booth(root / "b2", packages["KK20-0002"].path, till_no=2, seed=3)
    a.sell(D1, 8)
    assert a.void_last()
    b1.sell(D1, 6)
    assert b1.refund_first()
    b2.sell(D1, 5)
    a.sell(D2, 5)
    assert a.refund_first()  # the oldest standing sale is from day 1: a refund on a later day
    b1.sell(D2, 4)
    assert b1.void_last()
    a.sell(D3, 3)
    b1.sell(D3, 3)
    for b in (a, b1, b2):
        b.close_day()
    exports = [b.export(root / "usb") for b in (a, b1, b2)]
    report = import_paths(store, clock, exports, jobs=0)
    assert report.count("imported") == 3
    reports = {"a": booth_report(a.s), "b1": booth_report(b1.s), "b2": booth_report(b2.s)}
    for b in (a, b1, b2):
        b.close()
    return {"reports": reports, "tills": {"KK20-0001": ["a"], "KK20-0002": ["b1", "b2"]}}


@pytest.fixture(scope="module", params=DATABASES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Template]:
    """The fair of ``_build_fair`` made once per database for this module (tests/fair/templates.py)."""
    yield from build_template(request.param, tmp_path_factory.mktemp("figures"), _build_fair)


@pytest.fixture
def fair_db(built: Template, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store of its own for each test: a copy of the built fair for tests that use ``fair``, else empty."""
    yield from store_copy(built, tmp_path, copy="fair" in request.fixturenames)


@pytest.fixture
def fair_clock(built: Template, request: pytest.FixtureRequest) -> FixedClock:
    return clock_after(built, copy="fair" in request.fixturenames)


@pytest.fixture
def fair(built: Template, fair_store: FairStore) -> dict[str, Any]:
    """The built fair's booth reports and tills (its store is this test's ``fair_store``, a copy)."""
    return built.data  # type: ignore[no-any-return]


def _merged(reports: list[Any], attr: str) -> dict[str, int]:
    out: Counter[str] = Counter()
    for r in reports:
        out.update(getattr(r, attr))
    return dict(out)


def _sums_to_net(f: Figures) -> None:
    for name in BREAKDOWNS:
        rows = getattr(f, name)
        if name == "by_district":
            host = next(r for r in f.host_vs_other if r.key == "host")
            assert sum(r.net_satang for r in rows) == host.net_satang
            continue
        assert sum(r.net_satang for r in rows) == f.key.net_satang, name
        if f.key.net_satang > 0 and any(r.net_satang for r in rows):
            assert abs(sum(r.share_bp for r in rows) - 10000) <= len(rows), name
    assert sum(v.net_satang for v in f.by_vendor) == f.key.net_satang
    assert sum(v.items for v in f.by_vendor) == f.key.items_sold == sum(r.items for r in f.by_day)
    assert sum(r.items for r in f.by_product_type) == f.key.items_sold == sum(r.items for r in f.by_hour)
    assert sum(v.sales_count for v in f.by_vendor) == f.key.sales_count - f.key.voids_count


def test_figures_equal_the_booths_own_reports(fair_store: FairStore, fair_clock: FixedClock,
                                              fair: dict[str, Any]) -> None:
    reports = list(fair["reports"].values())
    f = compute_figures(fair_store, top=1000, clock=fair_clock)
    k = f.key
    assert k.net_satang == sum(r.net_satang for r in reports) > 0
    assert k.gross_satang == sum(r.gross_satang for r in reports)
    assert k.sales_count == sum(r.sales_count for r in reports) == 34
    assert (k.voids_count, k.refunds_count) == (2, 2)
    assert k.voids_satang == sum(r.voids_satang for r in reports)
    assert k.refunds_satang == sum(r.refunds_satang for r in reports)
    assert k.items_sold == sum(r.items_sold for r in reports)
    assert (k.vendors_count, k.vendors_with_sales) == (124, 2)
    assert k.average_sale_satang == round(k.net_satang / (k.sales_count - k.voids_count))
    sm = fair_summary(fair_store)
    assert (sm.net_satang, sm.gross_satang, sm.sales_count, sm.voids_satang, sm.refunds_satang) == \
        (k.net_satang, k.gross_satang, k.sales_count, k.voids_satang, k.refunds_satang)
    assert sm.per_method == {r.key: r.net_satang for r in f.by_method}
    # per vendor, per day, per method: the sums of the tills' own reports
    vendors = {v.code: v for v in f.by_vendor}
    for code, tills in fair["tills"].items():
        mine = [fair["reports"][t] for t in tills]
        v = vendors[code]
        assert v.net_satang == sum(r.net_satang for r in mine) == sm.per_vendor[code]
        assert v.items == sum(r.items_sold for r in mine)
        assert v.sales_count == sum(r.sales_count - r.voids_count for r in mine)
        assert v.voids_count == sum(r.voids_count for r in mine)
        assert v.refunds_satang == sum(r.refunds_satang for r in mine)
        assert v.days_with_sales == 3 and v.last_export_at is not None
    assert vendors["KK20-0003"].net_satang == 0 and vendors["KK20-0003"].last_export_at is None
    booth_days = _merged(reports, "by_day")
    assert {r.key: r.net_satang for r in f.by_day if r.net_satang} == {d: n for d, n in booth_days.items() if n}
    assert [r.key for r in f.by_day] == [(FIRST_DAY + timedelta(days=n)).isoformat() for n in range(7)]
    # the booths' reports name every method of the fair (0 when unused); the fair's figures those with money
    shown = {r.key: r.net_satang for r in f.by_method}
    assert shown == {m: n for m, n in _merged(reports, "by_method").items() if n or m in shown}
    # per product (all of them with top=1000) and per product type
    products: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    types: Counter[str] = Counter()
    for code, tills in fair["tills"].items():
        for t in tills:
            for sku, p in fair["reports"][t].by_product.items():
                products[code, sku][0] += p["qty"]
                products[code, sku][1] += p["net_satang"]
                types[p["product_type"]] += p["net_satang"]
    mine = {(p.vendor_code, p.sku): [p.qty, p.net_satang] for p in f.top_products if p.qty or p.net_satang}
    assert mine == {k: v for k, v in products.items() if v != [0, 0]}
    assert [r.key for r in f.by_product_type][:5] == list(PRODUCT_TYPES)
    assert {r.key: r.net_satang for r in f.by_product_type if r.net_satang} == {t: n for t, n in types.items() if n}
    _sums_to_net(f)
    assert len(f.top_vendors) == 124
    assert [v.net_satang for v in f.top_vendors] == sorted((v.net_satang for v in f.by_vendor), reverse=True)
    assert len(compute_figures(fair_store, top=3, clock=fair_clock).top_products) == 3


def test_places_stars_producers_hours_cash_and_missing(fair_store: FairStore, fair_clock: FixedClock,
                                                       fair: dict[str, Any]) -> None:
    f = compute_figures(fair_store, clock=fair_clock)
    assert f.host_province == "ขอนแก่น" and f.venue == "สวนรัชดานุสรณ์"
    vendors = {v.code: v for v in f.by_vendor}
    host = {r.key: r for r in f.host_vs_other}
    assert set(host) == {"host", "other"}
    in_host = [v for v in f.by_vendor if v.province == "ขอนแก่น"]
    assert host["host"].net_satang == sum(v.net_satang for v in in_host)
    provinces = {r.label_th: r.net_satang for r in f.by_province}
    assert provinces["ขอนแก่น"] == host["host"].net_satang
    assert provinces[vendors["KK20-0001"].province] >= vendors["KK20-0001"].net_satang
    assert "บ้านไผ่" in {r.label_th for r in f.by_district} and len(f.by_district) >= 2
    stars = {r.key: r.net_satang for r in f.by_star}
    assert list(stars)[:5] == ["5", "4", "3", "2", "1"]
    assert stars[str(vendors["KK20-0002"].star)] >= vendors["KK20-0002"].net_satang
    assert {r.key for r in f.by_producer_type} >= {"community", "single_owner", "sme"}
    assert {r.key for r in f.by_hour} <= {f"{h:02d}" for h in range(9, 23)}  # Bangkok hours of the sales
    assert all(r.label_th.endswith("น.") for r in f.by_hour)
    # a close per till and day that had sales: a 3 days, b1 3 days, b2 1 day; counted = expected
    assert len(f.cash) == 7 and all(c.difference_satang == 0 for c in f.cash)
    assert Counter(c.till_no for c in f.cash) == {1: 6, 2: 1}
    # missing: the clock is on the last day, so every fair day is due; the two vendors' exports were made on
    # day 3, so the days after it are not sent yet (as fair_status says)
    missing = Counter((m.vendor_code, m.kind) for m in f.missing)
    assert missing[("KK20-0003", "no_export")] == 7
    assert missing[("KK20-0001", "no_export")] == missing[("KK20-0002", "no_export")] == 4
    assert {m.business_date for m in f.missing if m.vendor_code == "KK20-0001"} == {D3 + timedelta(days=n)
                                                                                      for n in range(1, 5)}
    assert sum(missing.values()) == 122 * 7 + 8
    early = compute_figures(fair_store, clock=FixedClock(datetime(2020, 10, 26, 5, tzinfo=timezone.utc)))
    assert {m.business_date for m in early.missing} == {D1}
    data = figures_to_json(f)
    assert data["period"] == {"first": "2020-10-26", "last": "2020-11-01", "days": 7}
    assert isinstance(data["key"]["net_satang"], int) and data["missing"][0]["business_date"] == "2020-10-26"


def test_a_period_counts_each_document_on_its_own_date(fair_store: FairStore, fair_clock: FixedClock,
                                                       fair: dict[str, Any]) -> None:
    whole = compute_figures(fair_store, clock=fair_clock)
    days = {r.key: r for r in whole.by_day}
    day2 = compute_figures(fair_store, first=D2, last=D2, clock=fair_clock)
    assert day2.period.days == [D2]
    assert day2.key.net_satang == days[D2.isoformat()].net_satang
    assert day2.key.refunds_count == 1 and day2.key.voids_count == 1  # a's refund of a day-1 sale, b1's void
    assert day2.key.items_sold == days[D2.isoformat()].items
    _sums_to_net(day2)
    first_two = compute_figures(fair_store, first=D1, last=D2, clock=fair_clock)
    assert first_two.key.net_satang == days[D1.isoformat()].net_satang + days[D2.isoformat()].net_satang
    by_vendor = {v.code: v.net_satang for v in first_two.by_vendor}
    rest = compute_figures(fair_store, first=D3, clock=fair_clock)
    for v in rest.by_vendor:
        assert by_vendor[v.code] + v.net_satang == next(w.net_satang for w in whole.by_vendor if w.code == v.code)
    with pytest.raises(InputError):
        compute_figures(fair_store, first=D3, last=D1)


def test_vendor_detail_adds_up(fair_store: FairStore, fair_clock: FixedClock, fair: dict[str, Any]) -> None:
    f = compute_figures(fair_store, top=1000, clock=fair_clock)
    for code, tills in fair["tills"].items():
        d = vendor_detail(fair_store, code)
        row = next(v for v in f.by_vendor if v.code == code)
        assert d.vendor == row
        assert sum(r.net_satang for r in d.by_day) == row.net_satang == sum(r.net_satang for r in d.by_method)
        assert sum(p.net_satang for p in d.by_product) == row.net_satang
        assert sum(p.qty for p in d.by_product) == row.items
        assert [p.net_satang for p in d.by_product] == sorted((p.net_satang for p in d.by_product), reverse=True)
        days = _merged([fair["reports"][t] for t in tills], "by_day")
        assert {r.key: r.net_satang for r in d.by_day if r.net_satang} == {k: n for k, n in days.items() if n}
    one_day = vendor_detail(fair_store, "KK20-0001", first=D2, last=D2)
    assert [r.key for r in one_day.by_day] == [D2.isoformat()]
    assert one_day.vendor.net_satang == one_day.by_day[0].net_satang
    with pytest.raises(InputError):
        vendor_detail(fair_store, "NOPE-1")


def test_several_fairs_in_one_store(fair_store: FairStore, fair_clock: FixedClock, fair: dict[str, Any],
                                    tmp_path: Path) -> None:
    first = compute_figures(fair_store, clock=fair_clock)
    other, _ = create_fair(fair_store, fair_clock, name="OTOP ขอนแก่น ครั้งที่ 21", venue="ตลาดต้นตาล",
                           province="ขอนแก่น", first_day=date(2021, 3, 1), last_day=date(2021, 3, 3))
    load_registry_into(fair_store, str(other.id), load_registry(*demo_registry()))
    pkg = make_packages(fair_store, fair_clock, tmp_path / "p2", fair_ref=str(other.id), vendor_codes=["KK20-0005"])
    booth = Booth(tmp_path / "c", pkg[0].path, seed=9)
    booth.ensure_day(date(2021, 3, 1))  # opened, no sale
    booth.sell(date(2021, 3, 2), 4)
    booth.close_day()
    assert import_paths(fair_store, fair_clock, [booth.export(tmp_path / "usb2")], jobs=0).count("imported") == 1
    net2 = booth_report(booth.s).net_satang
    booth.close()
    newest = compute_figures(fair_store, clock=fair_clock)  # the newest fair by default
    assert newest.fair_ids == (other.id,) and newest.key.net_satang == net2
    both = compute_figures(fair_store, fair_refs=[str(other.id), str(first.fair_ids[0])], clock=fair_clock)
    assert both.fair_ids == (first.fair_ids[0], other.id)
    assert both.fair_names == (first.fair_names[0], "OTOP ขอนแก่น ครั้งที่ 21")
    assert both.key.net_satang == first.key.net_satang + net2
    assert both.key.vendors_count == 248 and both.key.vendors_with_sales == 3
    assert (both.period.first, both.period.last) == (FIRST_DAY, date(2021, 3, 3))
    assert sum(r.net_satang for r in both.by_day) == both.key.net_satang
    _sums_to_net(both)
    later = compute_figures(fair_store, fair_refs=[str(other.id)], clock=FixedClock(datetime(2021, 3, 5, tzinfo=timezone.utc)))
    gaps = {(m.business_date, m.kind) for m in later.missing if m.vendor_code == "KK20-0005"}
    assert gaps == {(date(2021, 3, 1), "no_sales"), (date(2021, 3, 3), "no_export")}


def test_an_empty_fair_has_zero_figures(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", VENDORS[:1])
    f = compute_figures(fair_store, clock=fair_clock)
    assert f.key.net_satang == 0 and f.key.average_sale_satang == 0 and f.key.vendors_count == 124
    assert all(r.share_bp == 0 for r in f.by_method) and f.top_products == () and f.cash == ()
    assert len(f.missing) == 124 * 7 and {m.kind for m in f.missing} == {"no_export"}


def test_an_import_between_the_parallel_reads_makes_it_read_again(fair_store: FairStore, fair_clock: FixedClock,
                                                                   fair: dict[str, Any],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from otop_pos.fair import figures_sql

    expected = figures_to_json(compute_figures(fair_store, clock=fair_clock))
    calls = {"n": 0}

    def moving_version(_s: Any) -> int:  # every read sees a different import log: never consistent
        calls["n"] += 1
        return calls["n"]

    monkeypatch.setattr(figures_sql, "_version", moving_version)
    again = figures_to_json(compute_figures(fair_store, clock=fair_clock))
    expected.pop("printed_at")
    again.pop("printed_at")
    assert again == expected  # after the attempts, one snapshot read everything
    assert calls["n"] == (figures_sql.ATTEMPTS * 6 if fair_store.is_sqlite else 0)  # 6 jobs per attempt

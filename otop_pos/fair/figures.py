"""The organiser report's figures, computed by the database (SQL GROUP BY aggregates over the fair store).

Net income = sales − voids − refunds. Each document counts on the business date (and the Bangkok hour) of
its own till day: a refund made on a later day lowers that later day, as on the booth's own report, so every
breakdown of a period sums to the period's net income. Only aggregates leave the database (per vendor and
day, per product, per hour, per vendor and payment method — see ``figures_sql``; sales are read from the
totals the import keeps); breakdowns by the vendors' attributes (province, district, star, producer type)
are sums of the vendor rows, at most a few thousand. All queries of one report read one consistent snapshot of the store.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import NamedTuple

import geothai
from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from otop_pos.core.clock import Clock, SystemClock
from otop_pos.core.errors import InputError
from otop_pos.core.thaidate import fair_day, format_en_date, format_thai_date
from otop_pos.core.visible import visible
from otop_pos.core.vocabulary import NOT_GIVEN, PAYMENT_METHOD, PRODUCER_TYPE, PRODUCT_TYPE
from otop_pos.core.vocabulary import OTHER as OTHER_LABEL
from otop_pos.fair import figures_sql as Q
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.geo import province_code
from otop_pos.fair.orders import order_figures
from otop_pos.fair.schemes import scheme_figures
from otop_pos.fair.store import FairStore
from otop_pos.reports.model import (
    CashRow, Figures, ForkRow, KeyFigures, MissingRow, Period, ProductRow, Row, VendorDetail, VendorRow,
)
from otop_pos.store.fair_models import (
    Fair, FairMethod, Product, ProductTotal, SaleTotal, Till, TillBranch, TillDay, Vendor,
)

__all__ = ["compute_figures", "vendor_detail"]

FULL = 10000  # basis points
HOST = ("host", "ในจังหวัด", "Host province")
OTHER = ("other", "ต่างจังหวัด", "Other provinces")
Label = tuple[str, str, str]


class VendorInfo(NamedTuple):
    """A registered vendor as the report needs it."""

    id: int
    fair_id: int
    code: str
    name: str
    product_type: str
    district: str
    province: str
    district_code: str | None
    province_code: str | None
    star: int | None
    booth: str
    producer_type: str


def _share(part: int, whole: int) -> int:
    """``part`` of ``whole`` in basis points, rounded half up (0 when the whole is not positive)."""
    if whole <= 0:
        return 0
    q, r = divmod(part * FULL, whole)
    return q + (1 if 2 * r >= whole else 0)


def _div(a: int, b: int) -> int:
    """``a / b`` rounded half away from zero (0 when ``b`` is not positive)."""
    if b <= 0:
        return 0
    q, r = divmod(abs(a), b)
    q += 1 if 2 * r >= b else 0
    return -q if a < 0 else q


def _rows(items: Iterable[tuple[str, str, str, Q.Acc]]) -> tuple[Row, ...]:
    listed = list(items)
    total = sum(acc.net for *_k, acc in listed)
    return tuple(Row(k, th, en, acc.net, acc.count, acc.items, _share(acc.net, total)) for k, th, en, acc in listed)


#: The product-type row of sale lines whose type is none of ``PRODUCT_TYPE`` (a typo, another fair's list).
OTHER_TYPE = "other"


def _other_types(keys: set[str]) -> tuple[str, str]:
    """The Thai and English label of the 'Other' product type: อื่นๆ / Other with the keys it holds, shown
    escaped (``core.visible``: a signed export's control or bidi characters never reach a report) and cut."""
    shown = [visible(k)[:40] for k in sorted(keys)[:3]]
    more = " …" if len(keys) > 3 else ""
    tail = f" ({', '.join(shown)}{more})" if shown else ""
    return OTHER_LABEL[0] + tail, OTHER_LABEL[1] + tail


def _day_rows(sc: Q.Scope, per_day: dict[date, Q.Acc]) -> tuple[Row, ...]:
    days = [date.fromordinal(n) for n in range(sc.first.toordinal(), sc.last.toordinal() + 1)]
    return _rows((d.isoformat(), format_thai_date(d), format_en_date(d), per_day.get(d, Q.Acc())) for d in days)


def _hour_rows(acc: dict[int, Q.Acc]) -> tuple[Row, ...]:
    return _rows((f"{h:02d}", f"{h:02d}.00–{h:02d}.59 น.", f"{h:02d}:00–{h:02d}:59", acc[h]) for h in sorted(acc))


def _method_names(s: Session, fair_ids: Iterable[int]) -> dict[str, tuple[str, str]]:
    """The fairs' payment methods' Thai and English names by code (the fair's own names: card, the schemes)."""
    names: dict[str, tuple[str, str]] = {}
    for code, th, en in s.execute(select(FairMethod.code, FairMethod.name_th, FairMethod.name_en)
                                  .where(FairMethod.fair_id.in_(list(fair_ids)))
                                  .order_by(FairMethod.fair_id, FairMethod.position)):
        names.setdefault(str(code), (str(th), str(en)))
    return names


def _method_rows(acc: dict[str, Q.Acc], names: dict[str, tuple[str, str]] | None = None) -> tuple[Row, ...]:
    """Rows per payment method, named as the fair names them (``names``), else by the vocabulary."""
    for a in acc.values():
        a.items = 0
    named = names or {}
    return _rows((m, *named.get(m, (PAYMENT_METHOD.name(m, "th"), PAYMENT_METHOD.name(m, "en"))), a)
                 for m, a in acc.items())


def _place(code: str | None, name: str, district: bool) -> Label:
    """(key, Thai label, English label) of a province or district: by DOPA code when known, else as written."""
    found = (geothai.district(code) if district else geothai.province(code)) if code else None
    if found is not None:
        return code or "", found.name_th, found.name_en
    written = name.strip()
    return (written, written, written) if written else ("", *NOT_GIVEN)


def _grouped(vendors: list[tuple[VendorInfo, Q.Acc]], key: Callable[[VendorInfo], Label],
             order: Iterable[Label] = (), by_net: bool = False) -> tuple[Row, ...]:
    """Sum vendor sums by ``key(vendor)``; the ``order`` rows come first and stay when zero."""
    groups: dict[str, tuple[str, str, Q.Acc]] = {k: (th, en, Q.Acc()) for k, th, en in order}
    for v, a in vendors:
        k, th, en = key(v)
        groups.setdefault(k, (th, en, Q.Acc()))[2].add(a)
    listed = [(k, th, en, acc) for k, (th, en, acc) in groups.items()]
    if by_net:
        listed.sort(key=lambda t: (-t[3].net, t[1]))
    return _rows(listed)


def _star(v: VendorInfo) -> Label:
    return (str(v.star), f"{v.star} ดาว", f"{v.star} star" + "s" * (v.star != 1)) if v.star else \
        ("none", "ไม่มีระดับดาว", "No star")


def _producer(v: VendorInfo) -> Label:
    t = PRODUCER_TYPE.get(v.producer_type)
    return (t.key, t.th, t.en) if t is not None else ("", *NOT_GIVEN)


def _vendor_row(v: VendorInfo, a: Q.Acc, last_export: datetime | None) -> VendorRow:
    return VendorRow(v.code, v.name, v.product_type, v.district, v.province, v.star, v.booth, v.producer_type,
                     a.net, a.count, a.items, a.refunds, a.void_n, len(a.days), last_export)


def _missing(fairs: list[Fair], vendors: list[VendorInfo], sc: Q.Scope, vd: dict[tuple[int, date], Q.Acc],
             data_days: set[tuple[int, date]], last: dict[int, datetime], today: date) -> tuple[MissingRow, ...]:
    """Vendors that sent nothing for a day ("no_export"), or sent the day without a sale ("no_sales"), up to
    ``today``. A day counts as sent when the store holds a till day or a sale of it, or an export made after
    the day ended (a booth that did not trade) — as ``fair_status`` says."""
    span = {f.id: (max(f.first_day, sc.first), min(f.last_day, sc.last, today)) for f in fairs}
    out: list[MissingRow] = []
    for v in vendors:
        lo, hi = span[v.fair_id]
        exported = last.get(v.id)
        for n in range(lo.toordinal(), hi.toordinal() + 1):
            d = date.fromordinal(n)
            acc = vd.get((v.id, d))
            if (v.id, d) not in data_days and acc is None and (exported is None or fair_day(exported) <= d):
                out.append(MissingRow(d, v.code, v.name, v.booth, "no_export"))
            elif acc is None or acc.gross == 0:
                out.append(MissingRow(d, v.code, v.name, v.booth, "no_sales"))
    out.sort(key=lambda m: (m.business_date, m.booth, m.vendor_code))
    return tuple(out)


def _select_fairs(s: Session, refs: list[str] | None) -> list[Fair]:
    fairs: dict[int, Fair] = {}
    wanted: list[str | None] = list(refs) if refs else [None]
    for ref in wanted:
        f = find_fair(s, ref)
        fairs[f.id] = f
    return sorted(fairs.values(), key=lambda f: (f.first_day, f.id))


def _scope(fairs: list[Fair], first: date | None, last: date | None, vendor_id: int | None = None) -> Q.Scope:
    lo = first or min(f.first_day for f in fairs)
    hi = last or max(f.last_day for f in fairs)
    if hi < lo:
        raise InputError(f"วันสุดท้าย {hi} อยู่ก่อนวันแรก {lo}", f"The last date {hi} is before the first {lo}.")
    whole = frozenset(f.id for f in fairs if lo <= f.first_day and f.last_day <= hi)
    return Q.Scope(tuple(f.id for f in fairs), lo, hi, whole, vendor_id)


def _product_names(s: Session, sc: Q.Scope, keys: list[tuple[int, str]]) -> dict[tuple[int, str], str]:
    """Names of a few products: as registered, else as sold."""
    names: dict[tuple[int, str], str] = {}
    for vid, sku in keys:
        name = s.scalar(select(Product.name).where(Product.vendor_id == vid, Product.sku == sku)) \
            or s.scalar(select(func.min(ProductTotal.name)).where(
                ProductTotal.fair_id.in_(sc.fair_ids), ProductTotal.vendor_id == vid, ProductTotal.sku == sku))
        names[vid, sku] = name or sku
    return names


def _by_net(products: dict[tuple[int, str], list[object]]) -> list[tuple[int, str]]:
    return sorted(products, key=lambda k: (-int(products[k][2]), k))  # type: ignore[call-overload]


def _vendors_job(sc: Q.Scope) -> Q.Job:
    """The fairs' vendors (plain values) and the newest export of each (by vendor id)."""
    def run(s: Session) -> tuple[list[VendorInfo], dict[int, datetime]]:
        vendors = [VendorInfo._make(r) for r in s.execute(
            select(Vendor.id, Vendor.fair_id, Vendor.code, Vendor.name, Vendor.product_type, Vendor.district,
                   Vendor.province, Vendor.district_code, Vendor.province_code, Vendor.star, Vendor.booth,
                   Vendor.producer_type).where(Vendor.fair_id.in_(sc.fair_ids)).order_by(Vendor.code))]
        last = {int(vid): at for vid, at in s.execute(
            select(Till.vendor_id, func.max(Till.export_created_at)).where(Till.fair_id.in_(sc.fair_ids))
            .group_by(Till.vendor_id)) if at is not None}
        return vendors, last
    return run


def _closes_job(sc: Q.Scope) -> Q.Job:
    """(vendor, date) pairs with a till day, the cash count of every closed till day, and the copied tills
    accepted as branches."""
    def run(s: Session) -> tuple[set[tuple[int, date]], tuple[CashRow, ...], tuple[ForkRow, ...]]:
        where = Q.scope_where(sc, TillDay.__table__)
        data_days = {(int(vid), Q.to_date(d)) for vid, d in s.execute(
            select(TillDay.vendor_id, TillDay.business_date).where(*where).distinct())}
        branch = func.coalesce(TillBranch.branch, 0)
        cash = tuple(CashRow(code, booth, int(till_no), Q.to_date(d), exp, cnt, diff, int(br))
                     for code, booth, till_no, d, exp, cnt, diff, br in s.execute(
                         select(Vendor.code, Vendor.booth, Till.till_no, TillDay.business_date,
                                TillDay.expected_cash_satang, TillDay.counted_cash_satang, TillDay.difference_satang,
                                branch)
                         .join(Till, Till.id == TillDay.till_id).join(Vendor, Vendor.id == TillDay.vendor_id)
                         .outerjoin(TillBranch, TillBranch.till_id == Till.id)
                         .where(*where, TillDay.closed_at.is_not(None))
                         .order_by(TillDay.business_date, Vendor.booth, Till.till_no, branch)))
        parent = aliased(Till)
        forks = tuple(ForkRow(code, booth, int(no), int(branch), fork) for code, booth, no, branch, fork in s.execute(
            select(Vendor.code, Vendor.booth, parent.till_no, TillBranch.branch, TillBranch.fork_number)
            .join(Till, Till.id == TillBranch.till_id).join(parent, parent.id == TillBranch.parent_id)
            .join(Vendor, Vendor.id == Till.vendor_id).where(Till.fair_id.in_(sc.fair_ids))
            .order_by(Vendor.booth, Vendor.code, parent.till_no, TillBranch.branch)))
        return data_days, cash, forks
    return run


def compute_figures(store: FairStore, *, fair_refs: list[str] | None = None, first: date | None = None,
                    last: date | None = None, top: int = 10, clock: Clock | None = None) -> Figures:
    """Every report figure for the fairs ``fair_refs`` (default: the only or newest fair) from ``first`` to
    ``last`` (default: the fairs' first and last days), with ``top`` products and vendors.

    The key figures agree with ``fair_summary`` over the whole fair; ``missing`` runs up to the printing
    day (Bangkok) of ``clock``. Raises ``InputError`` for an unknown fair or reversed dates."""
    printed_at = (clock or SystemClock()).now()
    with Q.snapshot(store) as s:
        fairs = _select_fairs(s, fair_refs)
        asked = (first, last)
        if last is None:  # deliveries and refunds after the fair's last day are in by default ("after the fair")
            later = s.scalar(select(func.max(SaleTotal.business_date))
                             .where(SaleTotal.fair_id.in_([f.id for f in fairs])))
            if later is not None and later > max(f.last_day for f in fairs) and (first is None or later >= first):
                last = later
        sc = _scope(fairs, first, last)
        got = Q.collect(store, s, sc, extra={"vendors": _vendors_job(sc), "closes": _closes_job(sc)})
        vd, products = got.vendor_day, got.products
        vendors, last_export = got.extra["vendors"]
        data_days, cash, forks = got.extra["closes"]
        top_keys = _by_net(products)[:top]
        names = _product_names(s, sc, top_keys)
        schemes = scheme_figures(s, sc.fair_ids, sc.first, sc.last)
        methods = _method_names(s, sc.fair_ids)
        of = order_figures(s, sc.fair_ids, *asked)
    by_vid = {v.id: v for v in vendors}
    per_vendor: dict[int, Q.Acc] = {v.id: Q.Acc() for v in vendors}
    per_day: dict[date, Q.Acc] = defaultdict(Q.Acc)
    for (vid, d), a in vd.items():
        per_vendor.setdefault(vid, Q.Acc()).add(a)
        per_day[d].add(a)
        if a.gross:
            per_vendor[vid].days.add(d)
    total = Q.Acc()
    for a in per_vendor.values():
        total.add(a)
    key = KeyFigures(total.net, total.gross, total.count + total.void_n, total.items, _div(total.net, total.count),
                     total.refund_n, total.refunds, total.void_n, total.voids, len(vendors),
                     sum(1 for a in per_vendor.values() if a.gross))
    rows = [(by_vid[vid], a) for vid, a in per_vendor.items() if vid in by_vid]
    vendor_rows = sorted((_vendor_row(v, a, last_export.get(v.id)) for v, a in rows),
                         key=lambda r: (-r.net_satang, r.booth, r.code))
    host = fairs[-1].province.strip()
    host_code = province_code(host) if host else None

    def is_host(v: VendorInfo) -> bool:
        if host_code and v.province_code:
            return v.province_code == host_code
        return bool(host) and v.province.strip() == host

    ptypes: dict[str, Q.Acc] = {t: Q.Acc() for t in PRODUCT_TYPE.keys()}
    unknown: set[str] = set()
    for ptype, qty, net, lines in products.values():
        term = PRODUCT_TYPE.get(ptype) if ptype else None
        if ptype and term is None:
            unknown.add(ptype)
        a = ptypes.setdefault("" if not ptype else term.key if term is not None else OTHER_TYPE, Q.Acc())
        a.net += net
        a.items += qty
        a.count += lines
    return Figures(
        fair_ids=sc.fair_ids, fair_names=tuple(f.name for f in fairs),
        venue=" / ".join(dict.fromkeys(f.venue for f in fairs if f.venue)), host_province=host,
        period=Period(sc.first, sc.last), printed_at=printed_at, key=key, by_vendor=tuple(vendor_rows),
        by_product_type=_rows((t, *(_other_types(unknown) if t == OTHER_TYPE else (
            PRODUCT_TYPE.name(t, "th"), PRODUCT_TYPE.name(t, "en")) if t else NOT_GIVEN), a)
                              for t, a in ptypes.items()),
        by_province=_grouped(rows, lambda v: _place(v.province_code, v.province, False), by_net=True),
        host_vs_other=_grouped(rows, lambda v: HOST if is_host(v) else OTHER, [HOST, OTHER]),
        by_district=_grouped([(v, a) for v, a in rows if is_host(v)],
                             lambda v: _place(v.district_code, v.district, True), by_net=True),
        by_day=_day_rows(sc, per_day), by_hour=_hour_rows(got.hours), by_method=_method_rows(got.methods, methods),
        by_star=_grouped(rows, _star, [(str(k), f"{k} ดาว", f"{k} star" + "s" * (k != 1)) for k in range(5, 0, -1)]),
        by_producer_type=_grouped(rows, _producer, [(t.key, t.th, t.en) for t in PRODUCER_TYPE]),
        top_products=tuple(ProductRow(sku, names[vid, sku], by_vid[vid].code, by_vid[vid].name,
                                      *products[vid, sku][:3]) for vid, sku in top_keys if vid in by_vid),
        top_vendors=tuple(vendor_rows[:top]),
        missing=_missing(fairs, vendors, sc, vd, data_days, last_export, fair_day(printed_at)),
        cash=cash,
        forks=forks,
        schemes=schemes.fair,
        schemes_per_vendor=schemes.per_vendor,
        schemes_per_day=schemes.per_day,
        scheme_names=schemes.names,
        orders=of.orders, orders_per_vendor=of.per_vendor, orders_per_type=of.per_type, orders_per_day=of.per_day,
        after_fair=of.after_fair, fair_last_day=max(f.last_day for f in fairs),
    )


def vendor_detail(store: FairStore, vendor_code: str, *, fair_ref: str | None = None, first: date | None = None,
                  last: date | None = None, hours: bool = False) -> VendorDetail:
    """One vendor's drill-down in the period: its row, income per day (every day of the period), per
    product (highest income first), per payment method and, with ``hours``, per hour of the day (Bangkok).
    ``InputError`` for an unknown vendor."""
    with Q.snapshot(store) as s:
        fair = find_fair(s, fair_ref)
        found = s.scalar(select(Vendor).where(Vendor.fair_id == fair.id, Vendor.code == vendor_code.strip()))
        if found is None:
            raise InputError(f"ไม่พบผู้ประกอบการ {vendor_code} ในงาน {fair.name}",
                             f"No vendor {vendor_code!r} in {fair.name}.")
        vendor = VendorInfo(found.id, found.fair_id, found.code, found.name, found.product_type, found.district,
                            found.province, found.district_code, found.province_code, found.star, found.booth,
                            found.producer_type)
        sc = _scope([fair], first, last, vendor.id)
        got = Q.collect(store, s, sc, hours=hours)
        vd, products = got.vendor_day, got.products
        exported = s.scalar(select(func.max(Till.export_created_at)).where(Till.vendor_id == vendor.id))
        keys = _by_net(products)
        names = _product_names(s, sc, keys)
        methods = _method_names(s, sc.fair_ids)
    total = Q.Acc()
    per_day: dict[date, Q.Acc] = {}
    for (_vid, d), a in vd.items():
        per_day[d] = a
        total.add(a)
        if a.gross:
            total.days.add(d)
    row = _vendor_row(vendor, total, exported)
    return VendorDetail(row, _day_rows(sc, per_day),
                        tuple(ProductRow(sku, names[vid, sku], vendor.code, vendor.name, *products[vid, sku][:3])
                              for vid, sku in keys), _method_rows(got.methods, methods),
                        _hour_rows(got.hours) if hours else ())

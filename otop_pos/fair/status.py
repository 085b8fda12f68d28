"""What the organiser has so far: imported vendors and days, missing exports, the import log, and the
fair's totals — SQL aggregates over the imported tables and the report totals the import keeps."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import distinct, func, select, union
from sqlalchemy.orm import Session, aliased

from otop_pos.core.clock import Clock
from otop_pos.core.documents import PAYMENT_METHODS
from otop_pos.core.thaidate import fair_day
from otop_pos.fair.fairs import FairInfo, fair_info, find_fair
from otop_pos.fair.orders import AfterFair, order_figures, zero_orders
from otop_pos.fair.schemes import Shares, scheme_figures
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import ImportLog, PaymentTotal, SaleTotal, Till, TillBranch, TillDay, Vendor

METHODS = PAYMENT_METHODS


@dataclass(frozen=True)
class VendorStatus:
    """One vendor's imports: tills seen, days with data, the newest export and its net income."""

    code: str
    name: str
    booth: str
    tills: int
    days: tuple[date, ...]
    last_export_at: datetime | None
    net_satang: int


@dataclass(frozen=True)
class TillStatus:
    """One till (or branch of a copied till) of a vendor: the labels it was first seen with, the vendor's
    current booth, how far its chain is imported and, for a branch, the till and receipt it was copied after."""

    vendor_code: str
    booth: str  # the vendor's current booth
    first_booth: str  # the booth code in the till's first imported export
    till_no: int
    branch: int  # 0: the till itself; 1, 2 …: a copy accepted with fair accept-fork
    copied_from_till_no: int | None
    fork_number: str  # the last receipt the branch shares with the till it was copied from
    head_seq: int  # documents of the chain imported (a branch: counting those it shares)


@dataclass(frozen=True)
class LogEntry:
    """One line of the import log."""

    at: datetime
    file_name: str
    result: str
    reason: str
    message_en: str
    message_th: str
    vendor_code: str
    booth_code: str
    till_no: int | None
    sales_added: int
    voids_added: int
    refunds_added: int
    orders_added: int = 0


@dataclass(frozen=True)
class FairStatus:
    """The fair, its imported vendors, the vendors still missing per day, and the newest log lines."""

    fair: FairInfo
    vendors_registered: int
    vendors: tuple[VendorStatus, ...]
    missing: dict[date, tuple[str, ...]]
    log: tuple[LogEntry, ...]
    files: dict[str, int] = field(default_factory=dict)
    tills: tuple[TillStatus, ...] = ()


@dataclass(frozen=True)
class FairSummary:
    """The fair's totals: net = sales − voids − refunds (satang), per vendor, per day, per payment method."""

    fair: FairInfo
    net_satang: int
    gross_satang: int
    sales_count: int
    voids_count: int
    voids_satang: int
    refunds_count: int
    refunds_satang: int
    per_vendor: dict[str, int]
    per_day: dict[str, int]
    per_method: dict[str, int]
    branches: tuple[TillStatus, ...] = ()  # copied tills accepted as forks (their sales are counted once)
    schemes: Shares = field(default_factory=dict)  # each scheme: what the customers and the state paid
    schemes_per_vendor: dict[str, Shares] = field(default_factory=dict)
    schemes_per_day: dict[str, Shares] = field(default_factory=dict)  # by ISO date, days with scheme money
    #: orders apart from sales (``fair.orders``): the fair's, per vendor code, product type and day; after the fair
    orders: dict[str, int] = field(default_factory=zero_orders)
    orders_per_vendor: dict[str, dict[str, int]] = field(default_factory=dict)
    orders_per_type: dict[str, dict[str, int]] = field(default_factory=dict)
    orders_per_day: dict[str, dict[str, int]] = field(default_factory=dict)
    after_fair: AfterFair = field(default_factory=AfterFair)


def fair_summary(store: FairStore, fair_ref: str | None = None) -> FairSummary:
    """The totals of the fair (the only or newest one unless ``fair_ref`` names it), from the report totals
    the import keeps (a void or refund counts on its own day)."""
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        fid = fair.id
        net = SaleTotal.total_satang - SaleTotal.void_satang - SaleTotal.refund_satang
        gross, n_sales, v_amt, n_void, r_amt, n_ref = (int(x or 0) for x in s.execute(
            select(func.sum(SaleTotal.total_satang), func.sum(SaleTotal.sales), func.sum(SaleTotal.void_satang),
                   func.sum(SaleTotal.voids), func.sum(SaleTotal.refund_satang), func.sum(SaleTotal.refunds))
            .where(SaleTotal.fair_id == fid)).one())
        per_vendor = {code: int(amount) for code, amount in s.execute(
            select(Vendor.code, func.sum(net)).join(Vendor, Vendor.id == SaleTotal.vendor_id)
            .where(SaleTotal.fair_id == fid).group_by(Vendor.code))}
        per_day = {d.isoformat() if isinstance(d, date) else str(d): int(amount) for d, amount in s.execute(
            select(SaleTotal.business_date, func.sum(net)).where(SaleTotal.fair_id == fid)
            .group_by(SaleTotal.business_date))}
        per_method: dict[str, int] = {m: 0 for m in METHODS}
        for m, amount in s.execute(
                select(PaymentTotal.method, func.sum(PaymentTotal.amount_satang - PaymentTotal.void_satang
                                                     - PaymentTotal.refund_satang))
                .where(PaymentTotal.fair_id == fid).group_by(PaymentTotal.method)):
            per_method[str(m)] = per_method.get(str(m), 0) + int(amount)  # a method a fair defined, too
        branches = tuple(t for t in _tills(s, fid) if t.branch)
        schemes = scheme_figures(s, [fid])
        of = order_figures(s, [fid])
        return FairSummary(fair_info(fair), gross - v_amt - r_amt, gross, n_sales, n_void, v_amt, n_ref, r_amt,
                           dict(sorted(per_vendor.items())), dict(sorted(per_day.items())), per_method, branches,
                           schemes.fair, schemes.per_vendor, schemes.per_day, orders=of.orders,
                           orders_per_vendor=of.per_vendor, orders_per_type=of.per_type, orders_per_day=of.per_day,
                           after_fair=of.after_fair)


def fair_status(store: FairStore, clock: Clock, fair_ref: str | None = None, *, log_lines: int = 50) -> FairStatus:
    """Imported vendors and days, vendors missing per fair day (up to today), and the newest log lines.

    A vendor has sent a day when the store holds a till day or a sale of that date from one of its tills, or
    an export of it (imported or unchanged) was made after that day ended (a booth that did not trade)."""
    summary = fair_summary(store, fair_ref)
    with store.read() as s:
        fair = find_fair(s, fair_ref)
        fid = fair.id
        vendors = {v.id: v for v in s.scalars(select(Vendor).where(Vendor.fair_id == fid).order_by(Vendor.code))}
        data_days = union(
            select(TillDay.vendor_id, TillDay.business_date).where(TillDay.fair_id == fid),
            select(SaleTotal.vendor_id, SaleTotal.business_date).where(SaleTotal.fair_id == fid, SaleTotal.sales > 0),
        ).subquery()
        days: dict[int, set[date]] = {}
        for vid, d in s.execute(select(data_days.c[0], data_days.c[1])):
            days.setdefault(int(vid), set()).add(d if isinstance(d, date) else date.fromisoformat(str(d)))
        tills = dict(s.execute(select(Till.vendor_id, func.count(Till.id)).where(Till.fair_id == fid)
                               .group_by(Till.vendor_id)).all())
        last = dict(s.execute(select(ImportLog.vendor_code, func.max(ImportLog.export_created_at))
                              .where(ImportLog.fair_id == fid, ImportLog.result.in_(("imported", "unchanged")))
                              .group_by(ImportLog.vendor_code)).all())
        entries = tuple(LogEntry(r.at, r.file_name, r.result, r.reason, r.message_en, r.message_th, r.vendor_code,
                                 r.booth_code, r.till_no, r.sales_added, r.voids_added, r.refunds_added,
                                 r.orders_added)
                        for r in s.scalars(select(ImportLog).where(ImportLog.fair_id == fid)
                                           .order_by(ImportLog.id.desc()).limit(log_lines)))
        files = {str(k): int(n) for k, n in s.execute(
            select(ImportLog.result, func.count(distinct(ImportLog.sha256))).where(ImportLog.fair_id == fid)
            .group_by(ImportLog.result))}
        registered = len(vendors)
        till_rows = _tills(s, fid)
    today = fair_day(clock.now())
    fair_days = [d for d in fair_info(fair).days if d <= today]
    missing: dict[date, tuple[str, ...]] = {}
    for d in fair_days:
        absent = []
        for vid, v in vendors.items():
            exported = last.get(v.code)
            if d in days.get(vid, ()) or (exported is not None and fair_day(exported) > d):
                continue
            absent.append(v.code)
        missing[d] = tuple(absent)
    statuses = tuple(VendorStatus(v.code, v.name, v.booth, int(tills.get(vid, 0)), tuple(sorted(days.get(vid, ()))),
                                  last.get(v.code), summary.per_vendor.get(v.code, 0))
                     for vid, v in vendors.items() if vid in tills)
    return FairStatus(fair_info(fair), registered, statuses, missing, entries, files, till_rows)


def _tills(s: Session, fair_id: int) -> tuple[TillStatus, ...]:
    """The fair's tills and branches, by booth, till number and branch."""
    parent = aliased(Till)
    rows = s.execute(
        select(Vendor.code, Vendor.booth, Till.booth_code, Till.till_no, TillBranch.branch, parent.till_no,
               TillBranch.fork_number, Till.head_seq)
        .join(Vendor, Vendor.id == Till.vendor_id).outerjoin(TillBranch, TillBranch.till_id == Till.id)
        .outerjoin(parent, parent.id == TillBranch.parent_id)
        .where(Till.fair_id == fair_id))
    out = [TillStatus(code, booth, first, int(no), int(branch or 0), None if pno is None else int(pno), fork or "",
                      int(head)) for code, booth, first, no, branch, pno, fork, head in rows]
    return tuple(sorted(out, key=lambda t: (t.booth, t.vendor_code, t.till_no, t.branch)))

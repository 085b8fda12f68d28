"""The till day: open with a float, close with a cash count; the close keeps the Z report figures."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from otop_pos.booth.held import refuse_close_with_money
from otop_pos.booth.orders import DayOrders, day_orders, open_orders_total
from otop_pos.booth.pin import Approval, ensure_approval
from otop_pos.booth.store import identity
from otop_pos.core.clock import Clock
from otop_pos.core.documents import PAYMENT_METHODS, ZReportDoc
from otop_pos.core.errors import DayError, InputError
from otop_pos.core.ids import new_uuid
from otop_pos.core.limits import MAX_CASH_COUNT_SATANG, MAX_FLOAT_SATANG, check_amount, check_count
from otop_pos.core.thaidate import fair_day
from otop_pos.store.booth_models import AuditEvent, BoothMethod, Payment, PrintJob, Refund, Sale, TillDay, Void
from otop_pos.store.engine import SqliteStore

DENOMINATIONS = (100000, 50000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 25)  # satang


@dataclass(frozen=True)
class DayInfo:
    """A till day as the UI shows it."""

    id: int
    uuid: str
    business_date: date
    opened_at: datetime
    float_satang: int
    closed_at: datetime | None


@dataclass(frozen=True)
class DayFigures:
    """Running figures of a day: what the cash box should hold, and totals per method."""

    day: DayInfo
    cash_in_satang: int
    cash_voided_satang: int
    cash_refunds_satang: int
    expected_cash_satang: int
    by_method: tuple[tuple[str, int], ...]
    sales_count: int
    gross_satang: int
    voids_count: int
    voids_satang: int
    refunds_count: int
    refunds_satang: int
    net_satang: int
    first_number: str
    last_number: str
    orders: DayOrders = DayOrders(0, 0, 0, 0, 0, 0, 0)   # deposits in and out, deposits carried into sales
    schemes: tuple[tuple[str, int, int], ...] = ()   # (method, customer's share, state's share), net of voids


def _method_order(s: Session, used: set[str]) -> tuple[str, ...]:
    """The booth's four own methods, then the fair's other methods ``used`` (in the organiser's order)."""
    codes = [c for c in s.scalars(select(BoothMethod.code).order_by(BoothMethod.position, BoothMethod.code))]
    extra = [c for c in codes if c in used and c not in PAYMENT_METHODS]
    return (*PAYMENT_METHODS, *extra, *sorted(used - set(codes) - set(PAYMENT_METHODS)))


def _info(day: TillDay) -> DayInfo:
    return DayInfo(day.id, day.uuid, day.business_date, day.opened_at, day.float_satang, day.closed_at)


def current_day(store: SqliteStore) -> DayInfo | None:
    """The open day, or None."""
    with store.read() as s:
        day = s.scalar(select(TillDay).where(TillDay.closed_at.is_(None)))
        return _info(day) if day else None


def list_days(store: SqliteStore) -> tuple[DayInfo, ...]:
    """Every till day, oldest first."""
    with store.read() as s:
        return tuple(_info(d) for d in s.scalars(select(TillDay).order_by(TillDay.id)))


def open_day(store: SqliteStore, clock: Clock, float_satang: int, *, by: str = "") -> DayInfo:
    """Open a sales day with a cash float; DayError if one is already open."""
    if isinstance(float_satang, int) and float_satang < 0:
        raise InputError("เงินทอนตั้งต้นต้องไม่ติดลบ", "The cash float cannot be negative.")
    check_amount(float_satang, "เงินทอนตั้งต้น", "cash float", limit=MAX_FLOAT_SATANG)
    now = clock.now()
    try:
        with store.write() as s:
            identity(s)
            if s.scalar(select(TillDay.id).where(TillDay.closed_at.is_(None))) is not None:
                raise DayError("วันขายเปิดอยู่แล้ว", "A sales day is already open.")
            day = TillDay(uuid=new_uuid(), business_date=fair_day(now), opened_at=now, opened_by=by,
                          float_satang=float_satang)
            s.add(day)
            s.flush()
            s.add(AuditEvent(at=now, action="day_open", actor=by, ref_uuid=day.uuid,
                             detail_json=json.dumps({"float": float_satang})))
            return _info(day)
    except IntegrityError as exc:  # a second till window raced us
        raise DayError("วันขายเปิดอยู่แล้ว", "A sales day is already open.") from exc


def figures(s: Session, day: TillDay) -> DayFigures:
    """Compute a day's figures with SQL aggregates."""
    sales = s.execute(select(func.count(Sale.id), func.coalesce(func.sum(Sale.total_satang), 0),
                             func.min(Sale.number), func.max(Sale.number))
                      .where(Sale.till_day_id == day.id)).one()
    sold = s.execute(select(Payment.method, func.sum(Payment.amount_satang), func.sum(Payment.state_satang))
                     .join(Sale).where(Sale.till_day_id == day.id).group_by(Payment.method)).all()
    by_sales = {m: int(a) for m, a, _ in sold}
    voids = s.execute(select(func.count(Void.id), func.coalesce(func.sum(Void.amount_satang), 0),
                             func.coalesce(func.sum(Void.cash_returned_satang), 0))
                      .where(Void.till_day_id == day.id)).one()
    voided = s.execute(select(Payment.method, func.sum(Payment.amount_satang), func.sum(Payment.state_satang))
                       .join(Void, Void.sale_id == Payment.sale_id)
                       .where(Void.till_day_id == day.id).group_by(Payment.method)).all()
    by_voids = {m: int(a) for m, a, _ in voided}
    refunds = s.execute(select(func.count(Refund.id), func.coalesce(func.sum(Refund.amount_satang), 0))
                        .where(Refund.till_day_id == day.id)).one()
    by_refunds = dict(s.execute(select(Refund.method, func.sum(Refund.amount_satang))
                                .where(Refund.till_day_id == day.id).group_by(Refund.method)).all())
    used = {m for m, a in (*by_sales.items(), *by_voids.items(), *by_refunds.items()) if a}
    by_method = tuple((m, int(by_sales.get(m, 0)) - int(by_voids.get(m, 0)) - int(by_refunds.get(m, 0)))
                      for m in _method_order(s, used))
    state = {m: int(st) for m, _, st in sold}
    for m, _, st in voided:
        state[m] = state.get(m, 0) - int(st)
    kinds = dict(s.execute(select(BoothMethod.code, BoothMethod.kind)).all())
    schemes = tuple((m, v - state.get(m, 0), state.get(m, 0)) for m, v in by_method
                    if m in used and (state.get(m, 0) or kinds.get(m, "plain") != "plain"))
    orders = day_orders(s, day.id)
    # the cash of the day's sales, less what deposits of earlier days paid: that cash was in their drawer
    cash_in = int(by_sales.get("cash", 0)) - orders.cash_deposits_earlier_satang
    cash_refunds = int(by_refunds.get("cash", 0))
    expected = day.float_satang + cash_in - int(voids[2]) - cash_refunds + orders.cash_deposits_satang
    gross = int(sales[1])
    return DayFigures(
        _info(day), cash_in, int(voids[2]), cash_refunds, expected, by_method, int(sales[0]), gross,
        int(voids[0]), int(voids[1]), int(refunds[0]), int(refunds[1]), gross - int(voids[1]) - int(refunds[1]),
        sales[2] or "", sales[3] or "", orders, schemes)


@dataclass(frozen=True)
class DayTotals:
    """The totals under the history list: the Z report's figures for the till days of one business date (or of
    every day when ``business_date`` is None), summed."""

    business_date: date | None
    sales_count: int
    gross_satang: int
    refunds_count: int
    refunds_satang: int
    voids_count: int
    voids_satang: int
    net_satang: int
    by_method: tuple[tuple[str, int], ...]


def day_totals(store: SqliteStore, business_date: date | None = None) -> DayTotals:
    """The day's totals as the Z report counts them (``figures`` of each till day of that date, added up)."""
    with store.read() as s:
        q = select(TillDay).order_by(TillDay.id)
        if business_date is not None:
            q = q.where(TillDay.business_date == business_date)
        figs = [figures(s, day) for day in s.scalars(q)]
    keys = list(dict.fromkeys(m for f in figs for m, _ in f.by_method)) or list(PAYMENT_METHODS)
    by_method = tuple((m, sum(dict(f.by_method).get(m, 0) for f in figs)) for m in keys)
    return DayTotals(business_date, sum(f.sales_count for f in figs), sum(f.gross_satang for f in figs),
                     sum(f.refunds_count for f in figs), sum(f.refunds_satang for f in figs),
                     sum(f.voids_count for f in figs), sum(f.voids_satang for f in figs),
                     sum(f.net_satang for f in figs), by_method)


def totals_json(fig: DayFigures, open_orders: tuple[int, int, int] = (0, 0, 0)) -> str:
    """The Z report totals kept on a closed day (``TillDay.totals_json``), with the orders open at the close
    (count, value, their deposits)."""
    o = fig.orders
    return json.dumps({"by_method": dict(fig.by_method), "gross": fig.gross_satang, "voids": fig.voids_satang,
                       "refunds": fig.refunds_satang, "net": fig.net_satang, "sales": fig.sales_count,
                       "orders": {"taken_count": o.taken_count, "taken": o.taken_satang, "deposits": o.deposits_satang,
                                  "deposits_refunded": o.deposits_refunded_satang,
                                  "deposits_earlier": o.deposits_earlier_satang,
                                  "open_count": open_orders[0], "open": open_orders[1],
                                  "open_deposits": open_orders[2]}})


def day_figures(store: SqliteStore, day_id: int | None = None) -> DayFigures:
    """Figures of ``day_id`` (default: the open day) — shown before the vendor confirms a close."""
    with store.read() as s:
        day = s.get(TillDay, day_id) if day_id else s.scalar(select(TillDay).where(TillDay.closed_at.is_(None)))
        if day is None:
            raise DayError("ไม่มีวันขายที่เปิดอยู่", "No sales day is open.")
        return figures(s, day)


def count_cash(counts: dict[int, int]) -> int:
    """Total satang of a denomination count {denomination satang: pieces}."""
    total = 0
    for denom, pieces in counts.items():
        if denom not in DENOMINATIONS:
            raise InputError(f"ไม่รู้จักชนิดธนบัตร/เหรียญ {denom / 100:g} บาท", f"Unknown denomination {denom / 100:g}.")
        if isinstance(pieces, int) and pieces < 0:
            raise InputError("จำนวนต้องไม่ติดลบ", "A count cannot be negative.")
        check_count(pieces, f"จำนวนธนบัตร/เหรียญ {denom / 100:g} บาท", f"number of {denom / 100:g} baht pieces",
                    limit=MAX_CASH_COUNT_SATANG // denom)
        total += denom * pieces
    return check_amount(total, "ยอดเงินที่นับ", "counted cash", limit=MAX_CASH_COUNT_SATANG)


def close_day(store: SqliteStore, clock: Clock, pin: str | Approval, *, counted_satang: int | None = None,
              counts: dict[int, int] | None = None, by: str = "", print_report: bool = True,
              back_up: bool = True) -> ZReportDoc:
    """Close the open day with the counted cash (a total, or a denomination count); returns the Z report.

    Then the store is backed up to the backup folder from settings (when one is set)."""
    if counts is not None:
        counted = count_cash(counts)
        if counted_satang is not None and counted_satang != counted:
            raise InputError("ยอดนับไม่ตรงกับจำนวนธนบัตร/เหรียญ", "The counted total does not match the count.")
    elif counted_satang is not None:
        if isinstance(counted_satang, int) and counted_satang < 0:
            raise InputError("ยอดเงินที่นับต้องไม่ติดลบ", "The counted cash cannot be negative.")
        counted = check_amount(counted_satang, "ยอดเงินที่นับ", "counted cash", limit=MAX_CASH_COUNT_SATANG)
    else:
        raise InputError("กรุณานับเงินสดก่อนปิดวัน", "Count the cash before closing the day.")
    if current_day(store) is None:
        raise DayError("ไม่มีวันขายที่เปิดอยู่", "No sales day is open.")
    with store.read() as rs:
        refuse_close_with_money(rs)           # at once, before the PIN is asked …
    ensure_approval(store, clock, pin, action="day_close")
    now = clock.now()
    with store.write() as s:
        day = s.scalar(select(TillDay).where(TillDay.closed_at.is_(None)))
        if day is None:
            raise DayError("ไม่มีวันขายที่เปิดอยู่", "No sales day is open.")
        refuse_close_with_money(s)            # … and again in the closing transaction (a part taken meanwhile)
        fig = figures(s, day)
        day.closed_at, day.closed_by = now, by
        day.expected_cash_satang, day.counted_cash_satang = fig.expected_cash_satang, counted
        day.difference_satang = counted - fig.expected_cash_satang
        day.counts_json = json.dumps({str(k): v for k, v in (counts or {}).items()})
        day.totals_json = totals_json(fig, open_orders_total(s))
        s.add(AuditEvent(at=now, action="day_close", actor=by, ref_uuid=day.uuid,
                         detail_json=json.dumps({"counted": counted, "expected": fig.expected_cash_satang})))
        if print_report:
            s.add(PrintJob(created_at=now, kind="zreport", ref_uuid=day.uuid, copy=False, status="pending"))
        s.flush()
        report = zreport_of(s, day)
    if back_up:
        from otop_pos.booth.backup import backup_after_close

        backup_after_close(store, clock)  # after the close is durable; a failure is recorded, not raised
    return report


def zreport_of(s: Session, day: TillDay, lang: str = "th") -> ZReportDoc:
    """The Z report document of a (closed or open) day."""
    fig = figures(s, day)
    ident = identity(s)
    counts = tuple(sorted(((int(k), int(v)) for k, v in json.loads(day.counts_json or "{}").items()),
                          reverse=True))
    kept = json.loads(day.totals_json or "{}").get("orders")   # the orders open at the close, as they were
    open_orders = (kept["open_count"], kept["open"], kept["open_deposits"]) if kept else open_orders_total(s)
    o = fig.orders
    return ZReportDoc(
        shop_name=ident.vendor_name, booth=ident.booth_code, till=str(ident.till_no),
        business_date=day.business_date, opened_at=day.opened_at, closed_at=day.closed_at,
        float_satang=day.float_satang, cash_sales_satang=fig.cash_in_satang - fig.cash_voided_satang,
        cash_refunds_satang=fig.cash_refunds_satang, expected_cash_satang=fig.expected_cash_satang,
        counted_cash_satang=day.counted_cash_satang, difference_satang=day.difference_satang,
        by_method=fig.by_method, sales_count=fig.sales_count, voids_count=fig.voids_count,
        voids_satang=fig.voids_satang, refunds_count=fig.refunds_count, refunds_satang=fig.refunds_satang,
        gross_satang=fig.gross_satang, net_satang=fig.net_satang, first_number=fig.first_number,
        last_number=fig.last_number, fair_name=ident.fair_name, counts=counts,
        lang="en" if lang == "en" else "th", orders_taken_count=o.taken_count, orders_taken_satang=o.taken_satang,
        deposits_satang=o.deposits_satang, deposits_refunded_satang=o.deposits_refunded_satang,
        deposits_earlier_satang=o.deposits_earlier_satang, cash_deposits_satang=o.cash_deposits_satang,
        open_orders_count=open_orders[0], open_orders_satang=open_orders[1],
        open_orders_deposits_satang=open_orders[2],
        method_names=tuple((m.code, m.name_en if lang == "en" else m.name_th) for m in s.scalars(select(BoothMethod))),
        schemes=fig.schemes)


def zreport(store: SqliteStore, day_uuid: str | None = None, business_date: date | None = None,
            lang: str = "th") -> ZReportDoc:
    """The Z report of a day by uuid or business date (the last day of that date)."""
    with store.read() as s:
        q = select(TillDay)
        if day_uuid:
            q = q.where(TillDay.uuid == day_uuid)
        elif business_date:
            q = q.where(TillDay.business_date == business_date)
        day = s.scalar(q.order_by(TillDay.id.desc()).limit(1))
        if day is None:
            raise DayError("ไม่พบวันขายนั้น", "No such sales day.")
        return zreport_of(s, day, lang)

"""The orders figures of a fair (ยอดสั่งจอง), apart from its sales: taken, deposits, delivered, cancelled, open —
for the fair, per vendor, per product type and per day — and what came after the fair's last day.

They are the booths' own figures (``booth report --json`` "orders") summed: an order counts as taken once, as
delivered or cancelled once, and is open while neither. A delivered order's sale is a sale of its delivery day
in the sales figures (it was imported as one); here it counts only as an order delivered. Deliveries, refunds and
cancels dated after the fair's last day are accepted by the import and reported as "after the fair".
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_pos.store.fair_models import CustomerOrder, Fair, OrderEvent, OrderLine, OrderMoney, Refund, Vendor

__all__ = ["ORDER_KEYS", "OrderFigures", "AfterFair", "order_figures", "zero_orders"]

#: The keys of an orders object, as ``booth report --json`` has them.
ORDER_KEYS = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
              "cancelled_count", "deposits_refunded_satang", "open_count", "open_satang")
#: The keys of an orders object per product type (a deposit belongs to a whole order, not to a type).
TYPE_KEYS = ("taken_count", "taken_qty", "taken_satang", "delivered_count", "delivered_satang", "cancelled_count",
             "cancelled_satang", "open_count", "open_satang")

Counts = dict[str, int]


def zero_orders(keys: Sequence[str] = ORDER_KEYS) -> Counts:
    """An orders object of zeros."""
    return {k: 0 for k in keys}


@dataclass(frozen=True)
class AfterFair:
    """What happened after the fair's last day: orders delivered (their sales) and refunds."""

    first_day: date | None = None     # the first day after the fair with any of it (None: nothing after)
    delivered_count: int = 0
    delivered_satang: int = 0
    cancelled_count: int = 0
    deposits_refunded_satang: int = 0
    refunds_count: int = 0
    refunds_satang: int = 0
    days: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrderFigures:
    """The fair's orders object, and the same per vendor code, product type and day (ISO date)."""

    orders: Counts = field(default_factory=zero_orders)
    per_vendor: dict[str, Counts] = field(default_factory=dict)
    per_type: dict[str, Counts] = field(default_factory=dict)
    per_day: dict[str, Counts] = field(default_factory=dict)
    after_fair: AfterFair = field(default_factory=AfterFair)


def _add(target: Counts, **values: int) -> None:
    for k, v in values.items():
        target[k] += v


def order_figures(s: Session, fair_ids: Sequence[int], first: date | None = None,
                  last: date | None = None) -> OrderFigures:
    """The orders figures of the fairs ``fair_ids`` from ``first`` to ``last`` (default: all, the fair's days and
    after): orders taken, deposits, deliveries, cancels and refunds dated in the period count; an order is open
    when it was taken by the period's end and neither delivered nor cancelled by then."""
    lo, hi = first or date.min, last or date.max
    orders: dict[int, tuple[str, int, date]] = {}
    fair_of: dict[int, int] = {}   # order id → its fair (for the fair's last day)
    for i, code, total, taken_on, fid in s.execute(
            select(CustomerOrder.id, Vendor.code, CustomerOrder.total_satang, CustomerOrder.taken_on,
                   CustomerOrder.fair_id)
            .join(Vendor, Vendor.id == CustomerOrder.vendor_id).where(CustomerOrder.fair_id.in_(fair_ids))):
        orders[int(i)], fair_of[int(i)] = (str(code), int(total), taken_on), int(fid)
    closed: dict[int, tuple[str, date]] = {}
    for oid, kind, day in s.execute(select(OrderEvent.order_id, OrderEvent.kind, OrderEvent.business_date)
                                    .where(OrderEvent.fair_id.in_(fair_ids), OrderEvent.kind != "take")):
        closed[int(oid)] = (str(kind), day)
    fair_total: Counts = zero_orders()
    per_vendor: dict[str, Counts] = {}
    per_day: dict[str, Counts] = {}

    def day_of(d: date) -> Counts:
        return per_day.setdefault(d.isoformat(), zero_orders())

    for oid, (vendor, total, taken_on) in orders.items():
        kind, on = closed.get(oid, ("open", hi))
        targets = (fair_total, per_vendor.setdefault(vendor, zero_orders()))
        for t in targets:
            if lo <= taken_on <= hi:
                _add(t, taken_count=1, taken_satang=total)
            if kind != "open" and lo <= on <= hi:
                _add(t, **({"delivered_count": 1, "delivered_satang": total} if kind == "deliver"
                           else {"cancelled_count": 1}))
            if taken_on <= hi and (kind == "open" or on > hi):
                _add(t, open_count=1, open_satang=total)
        if lo <= taken_on <= hi:
            _add(day_of(taken_on), taken_count=1, taken_satang=total)
        if kind != "open" and lo <= on <= hi:
            _add(day_of(on), **({"delivered_count": 1, "delivered_satang": total} if kind == "deliver"
                                else {"cancelled_count": 1}))
    vendor_of = {oid: v for oid, (v, _t, _d) in orders.items()}
    for oid, kind, day, amount in s.execute(
            select(OrderMoney.order_id, OrderMoney.kind, OrderMoney.business_date, func.sum(OrderMoney.amount_satang))
            .where(OrderMoney.fair_id.in_(fair_ids), OrderMoney.business_date.between(lo, hi))
            .group_by(OrderMoney.order_id, OrderMoney.kind, OrderMoney.business_date)):
        key = "deposits_satang" if kind == "deposit" else "deposits_refunded_satang"
        for t in (fair_total, per_vendor[vendor_of[int(oid)]], day_of(day)):
            t[key] += int(amount)
    for d in sorted(per_day):  # open at the end of each day: taken by then, neither delivered nor cancelled by then
        end = date.fromisoformat(d)
        for oid, (_v, total, taken_on) in orders.items():
            shut = closed.get(oid)
            if taken_on <= end and (shut is None or shut[1] > end):
                _add(per_day[d], open_count=1, open_satang=total)
    vendors = {v: o for v, o in sorted(per_vendor.items()) if any(o.values())}
    return OrderFigures(fair_total, vendors, _per_type(s, fair_ids, orders, closed, lo, hi),
                        dict(sorted(per_day.items())), _after_fair(s, fair_ids, orders, fair_of, closed, lo, hi))


def _per_type(s: Session, fair_ids: Sequence[int], orders: dict[int, tuple[str, int, date]],
              closed: dict[int, tuple[str, date]], lo: date, hi: date) -> dict[str, Counts]:
    per_type: dict[str, Counts] = {}
    for oid, ptype, qty, net in s.execute(
            select(OrderLine.order_id, OrderLine.product_type, func.sum(OrderLine.qty), func.sum(OrderLine.net_satang))
            .where(OrderLine.fair_id.in_(fair_ids)).group_by(OrderLine.order_id, OrderLine.product_type)):
        taken_on = orders[int(oid)][2]
        kind, on = closed.get(int(oid), ("open", hi))
        net = int(net)
        t = per_type.setdefault(str(ptype), zero_orders(TYPE_KEYS))
        if lo <= taken_on <= hi:
            _add(t, taken_count=1, taken_qty=int(qty), taken_satang=net)
        if kind == "deliver" and lo <= on <= hi:
            _add(t, delivered_count=1, delivered_satang=net)
        elif kind == "cancel" and lo <= on <= hi:
            _add(t, cancelled_count=1, cancelled_satang=net)
        if taken_on <= hi and (kind == "open" or on > hi):
            _add(t, open_count=1, open_satang=net)
    return {k: v for k, v in sorted(per_type.items()) if any(v.values())}


def _after_fair(s: Session, fair_ids: Sequence[int], orders: dict[int, tuple[str, int, date]],
                fair_of: dict[int, int], closed: dict[int, tuple[str, date]], lo: date, hi: date) -> AfterFair:
    last = {int(i): d for i, d in s.execute(select(Fair.id, Fair.last_day).where(Fair.id.in_(fair_ids)))}
    days: set[date] = set()
    delivered = [0, 0]
    cancelled = 0
    for oid, (kind, on) in closed.items():
        if on > last[fair_of[oid]] and lo <= on <= hi:
            days.add(on)
            if kind == "deliver":
                delivered[0] += 1
                delivered[1] += orders[oid][1]
            else:
                cancelled += 1
    back = 0
    for fid, on, amount in s.execute(select(OrderMoney.fair_id, OrderMoney.business_date,
                                            func.sum(OrderMoney.amount_satang))
                                     .where(OrderMoney.fair_id.in_(fair_ids), OrderMoney.kind == "refund",
                                            OrderMoney.business_date.between(lo, hi))
                                     .group_by(OrderMoney.fair_id, OrderMoney.business_date)):
        if on > last[int(fid)]:
            back += int(amount)
    refunds = [0, 0]
    for fid, on, n, amount in s.execute(select(Refund.fair_id, Refund.business_date, func.count(),
                                               func.sum(Refund.amount_satang))
                                        .where(Refund.fair_id.in_(fair_ids), Refund.business_date.between(lo, hi))
                                        .group_by(Refund.fair_id, Refund.business_date)):
        if on > last[int(fid)]:
            days.add(on)
            refunds[0] += int(n)
            refunds[1] += int(amount)
    ordered = tuple(d.isoformat() for d in sorted(days))
    return AfterFair(min(days) if days else None, delivered[0], delivered[1], cancelled, back, refunds[0], refunds[1],
                     ordered)

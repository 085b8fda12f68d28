"""The state schemes' money at the fair: of each co-payment or state-card method, what the customers paid and
what the state pays (net of voids), for the fair, per vendor and per business date — from the report totals
the import keeps.

A co-payment part counts whole under its method in the per-method figures; these split it. They equal the sums
of the booths' own reports (``booth report --json`` "schemes") to the satang. One query, grouped by vendor,
method and date, feeds all three views, so the fair's figure is the sum of its vendors' and of its days'.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from otop_pos.reports.model import SchemeName
from otop_pos.store.fair_models import FairMethod, PaymentTotal, Vendor

__all__ = ["Shares", "SchemeFigures", "scheme_figures"]

#: {method code: {"customer_satang": …, "state_satang": …}}
Shares = dict[str, dict[str, int]]


@dataclass(frozen=True)
class SchemeFigures:
    """The schemes of the fairs (named, in the fair's order) and their shares: for the fair (every scheme, zero
    when unused), per vendor code and per ISO date (only those with scheme money, each with every scheme)."""

    names: tuple[SchemeName, ...] = ()
    fair: Shares = field(default_factory=dict)
    per_vendor: dict[str, Shares] = field(default_factory=dict)
    per_day: dict[str, Shares] = field(default_factory=dict)


def _zero(codes: Sequence[str]) -> Shares:
    return {c: {"customer_satang": 0, "state_satang": 0} for c in codes}


def _iso(d: object) -> str:
    return d.isoformat() if isinstance(d, date) else str(d)


def _used(groups: dict[str, Shares]) -> dict[str, Shares]:
    return {k: sh for k, sh in sorted(groups.items()) if any(any(x.values()) for x in sh.values())}


def scheme_figures(s: Session, fair_ids: Sequence[int], first: date | None = None,
                   last: date | None = None) -> SchemeFigures:
    """The schemes of the fairs ``fair_ids`` on business dates ``first`` to ``last`` (inclusive; open when None).

    A scheme's money on a vendor's day is its payments of the sales made that day minus those of the sales
    voided that day (and any refund paid back by the method); the state's share is apart. A method that is no
    scheme of the fair counts only where it carries a state share."""
    names: dict[str, SchemeName] = {}
    for code, th, en, kind, percent in s.execute(
            select(FairMethod.code, FairMethod.name_th, FairMethod.name_en, FairMethod.kind, FairMethod.state_percent)
            .where(FairMethod.fair_id.in_(fair_ids), FairMethod.kind != "plain")
            .order_by(FairMethod.fair_id, FairMethod.position, FairMethod.code)):
        names.setdefault(str(code), SchemeName(str(code), str(th), str(en), str(kind), int(percent or 0)))
    codes = list(names)
    q = (select(Vendor.code, PaymentTotal.method, PaymentTotal.business_date,
                func.sum(PaymentTotal.amount_satang - PaymentTotal.void_satang - PaymentTotal.refund_satang),
                func.sum(PaymentTotal.state_satang - PaymentTotal.void_state_satang))
         .join(Vendor, Vendor.id == PaymentTotal.vendor_id)
         .where(PaymentTotal.fair_id.in_(fair_ids),
                or_(PaymentTotal.method.in_(codes), PaymentTotal.state_satang != 0,
                    PaymentTotal.void_state_satang != 0))
         .group_by(Vendor.code, PaymentTotal.method, PaymentTotal.business_date))
    if first is not None:
        q = q.where(PaymentTotal.business_date >= first)
    if last is not None:
        q = q.where(PaymentTotal.business_date <= last)
    fair = _zero(codes)
    per_vendor: dict[str, Shares] = {}
    per_day: dict[str, Shares] = {}
    for vendor, method, day, net, state in s.execute(q):
        net, state = int(net or 0), int(state or 0)
        if method not in fair and not state:
            continue
        for shares in (fair, per_vendor.setdefault(str(vendor), _zero(codes)),
                       per_day.setdefault(_iso(day), _zero(codes))):
            entry = shares.setdefault(str(method), {"customer_satang": 0, "state_satang": 0})
            entry["customer_satang"] += net - state
            entry["state_satang"] += state
    return SchemeFigures(tuple(names.values()), fair, _used(per_vendor), _used(per_day))


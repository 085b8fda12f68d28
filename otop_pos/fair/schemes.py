"""The state schemes' money at the fair: of each co-payment or state-card method, what the customers paid and
what the state pays (net of voids), for the fair and per vendor — from the report totals the import keeps.

A co-payment part counts whole under its method in the per-method figures; these split it. They equal the sums
of the booths' own reports (``booth report --json`` "schemes") to the satang.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_pos.store.fair_models import FairMethod, PaymentTotal, Vendor

__all__ = ["Shares", "scheme_totals"]

#: {method code: {"customer_satang": …, "state_satang": …}}
Shares = dict[str, dict[str, int]]


def _zero(codes: Sequence[str]) -> Shares:
    return {c: {"customer_satang": 0, "state_satang": 0} for c in codes}


def scheme_totals(s: Session, fair_ids: Sequence[int], first: date | None = None,
                  last: date | None = None) -> tuple[Shares, dict[str, Shares]]:
    """(the fair's schemes, the schemes per vendor code): every scheme of the fairs (zero when unused), and
    each vendor that took a scheme payment with every scheme. Business dates from ``first`` to ``last``."""
    codes = list(dict.fromkeys(s.scalars(
        select(FairMethod.code).where(FairMethod.fair_id.in_(fair_ids), FairMethod.kind != "plain")
        .order_by(FairMethod.position, FairMethod.code))))
    q = (select(Vendor.code, PaymentTotal.method,
                func.sum(PaymentTotal.amount_satang - PaymentTotal.void_satang - PaymentTotal.refund_satang),
                func.sum(PaymentTotal.state_satang - PaymentTotal.void_state_satang))
         .join(Vendor, Vendor.id == PaymentTotal.vendor_id).where(PaymentTotal.fair_id.in_(fair_ids))
         .group_by(Vendor.code, PaymentTotal.method).order_by(Vendor.code))
    if first is not None:
        q = q.where(PaymentTotal.business_date >= first)
    if last is not None:
        q = q.where(PaymentTotal.business_date <= last)
    fair = _zero(codes)
    per_vendor: dict[str, Shares] = {}
    for vendor, method, net, state in s.execute(q):
        net, state = int(net or 0), int(state or 0)
        if method not in fair and not state:
            continue
        for shares in (fair, per_vendor.setdefault(str(vendor), _zero(codes))):
            entry = shares.setdefault(str(method), {"customer_satang": 0, "state_satang": 0})
            entry["customer_satang"] += net - state
            entry["state_satang"] += state
    return fair, {v: sh for v, sh in per_vendor.items() if any(any(x.values()) for x in sh.values())}

"""The spending brought by the state schemes (ยอดใช้จ่ายผ่านโครงการรัฐ) as rows the report writers and the
organiser's dashboard show: per scheme (the whole, the state's and the customers' shares, and the share of the
fair's net income it is), per vendor and per day of the period.

Read from ``Figures.schemes``, ``schemes_per_vendor`` and ``schemes_per_day`` (``fair.schemes``); nothing is
counted here, only laid out, so every output shows the same satang.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from otop_pos.core.visible import visible
from otop_pos.reports.model import Figures, SchemeName, scheme_spending

__all__ = ["SchemeRow", "SchemeVendorRow", "SchemeDayRow", "scheme_rows", "scheme_vendor_rows", "scheme_day_rows",
           "share_bp"]


@dataclass(frozen=True)
class SchemeRow:
    """One scheme over the period: the spending it brought, the state's and the customers' shares (satang), and
    that spending as basis points of the fair's net income."""

    scheme: SchemeName
    spending_satang: int
    state_satang: int
    customer_satang: int
    share_bp: int


@dataclass(frozen=True)
class SchemeVendorRow:
    """One vendor's money through one scheme."""

    scheme: SchemeName
    vendor_code: str
    booth: str
    vendor_name: str
    spending_satang: int
    state_satang: int
    customer_satang: int


@dataclass(frozen=True)
class SchemeDayRow:
    """One day's money through one scheme (every day of the period, zero when none)."""

    scheme: SchemeName
    business_date: date
    spending_satang: int
    state_satang: int
    customer_satang: int


def share_bp(part: int, whole: int) -> int:
    """``part`` of ``whole`` in basis points, rounded half up (0 when the whole is not positive)."""
    if whole <= 0:
        return 0
    q, r = divmod(part * 10000, whole)
    return q + (1 if 2 * r >= whole else 0)


def _names(f: Figures) -> list[SchemeName]:
    named = {n.code: n for n in f.scheme_names}
    for code in f.schemes:   # a method that carried a state share without being a scheme of the fair
        if code not in named:
            named[code] = SchemeName(code, visible(code), visible(code), "", 0)
    return list(named.values())


def scheme_rows(f: Figures) -> tuple[SchemeRow, ...]:
    """Every scheme of the fair, in the fair's order (zero when unused)."""
    out = []
    for n in _names(f):
        sh = f.schemes.get(n.code, {})
        whole = scheme_spending(sh)
        out.append(SchemeRow(n, whole, sh.get("state_satang", 0), sh.get("customer_satang", 0),
                             share_bp(whole, f.key.net_satang)))
    return tuple(out)


def scheme_vendor_rows(f: Figures) -> tuple[SchemeVendorRow, ...]:
    """Per scheme (in the fair's order), the vendors with money through it, the most first."""
    vendors = {v.code: v for v in f.by_vendor}
    out: list[SchemeVendorRow] = []
    for n in _names(f):
        rows = []
        for code, shares in f.schemes_per_vendor.items():
            sh = shares.get(n.code, {})
            if not any(sh.values()):
                continue
            v = vendors.get(code)
            rows.append(SchemeVendorRow(n, code, v.booth if v else "", v.name if v else "", scheme_spending(sh),
                                        sh.get("state_satang", 0), sh.get("customer_satang", 0)))
        out += sorted(rows, key=lambda r: (-r.spending_satang, r.booth, r.vendor_code))
    return tuple(out)


def scheme_day_rows(f: Figures) -> tuple[SchemeDayRow, ...]:
    """Per scheme (in the fair's order), every day of the period."""
    out: list[SchemeDayRow] = []
    for n in _names(f):
        for d in f.period.days:
            sh = f.schemes_per_day.get(d.isoformat(), {}).get(n.code, {})
            out.append(SchemeDayRow(n, d, scheme_spending(sh), sh.get("state_satang", 0),
                                    sh.get("customer_satang", 0)))
    return tuple(out)

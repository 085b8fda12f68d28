"""The orders figures (ยอดสั่งจอง) as rows the report writers and the organiser's dashboard show: the fair's
orders, per vendor (with its booth and producer name), per product type (the vocabulary's names) and per day
(days after the fair's last day marked), and what came after the fair.

Read from ``Figures.orders``, ``orders_per_vendor``, ``orders_per_type``, ``orders_per_day`` and ``after_fair``
(``fair.orders.order_figures``); nothing is counted here, only laid out, so every output shows the same satang.
Orders are apart from sales: a delivered order is a sale of its delivery day in the sales figures.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.reports.figure_tables import product_type_label
from otop_pos.reports.model import Figures

__all__ = ["OrderVendorRow", "OrderTypeRow", "OrderDayRow", "AfterFairLine", "order_vendor_rows", "order_type_rows",
           "order_day_rows", "after_fair_line", "has_orders", "ORDER_TOTAL_KEYS", "OrderPeriod",
           "order_period"]

#: The fair's orders object, in the order the outputs list it (as ``booth report --json`` names it).
ORDER_TOTAL_KEYS = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
                    "cancelled_count", "deposits_refunded_satang", "open_count", "open_satang")


@dataclass(frozen=True)
class OrderVendorRow:
    """One vendor's orders (``counts``: the keys of ``ORDER_TOTAL_KEYS``)."""

    vendor_code: str
    booth: str
    vendor_name: str
    counts: dict[str, int]


@dataclass(frozen=True)
class OrderTypeRow:
    """One product type's order lines: an order counts once per type it holds (``fair.orders.TYPE_KEYS``)."""

    key: str
    label_th: str
    label_en: str
    counts: dict[str, int]

    def label(self, lang: str) -> str:
        """The type's name in ``lang`` ("th", else English)."""
        return self.label_th if lang == "th" else self.label_en


@dataclass(frozen=True)
class OrderDayRow:
    """One day's orders: taken, deposits, delivered, cancelled and refunded that day; ``open_*`` at its end.
    ``after_fair``: the day is after the fair's last day."""

    business_date: date
    after_fair: bool
    counts: dict[str, int]


@dataclass(frozen=True)
class AfterFairLine:
    """What came after the fair's last day: orders delivered (their sales) and cancelled, deposits given back,
    refunds of sales; ``days`` the dates with any of it."""

    last_day: date | None
    delivered_count: int
    delivered_satang: int
    cancelled_count: int
    deposits_refunded_satang: int
    refunds_count: int
    refunds_satang: int
    days: tuple[date, ...]

    @property
    def anything(self) -> bool:
        """Whether anything happened after the fair."""
        return bool(self.delivered_count or self.cancelled_count or self.deposits_refunded_satang
                    or self.refunds_count)


def _counts(values: dict[str, int] | None, keys: tuple[str, ...] = ORDER_TOTAL_KEYS) -> dict[str, int]:
    got = values or {}
    return {k: int(got.get(k, 0)) for k in keys}


def has_orders(f: Figures) -> bool:
    """Whether the fair has any order (or anything after the fair)."""
    return bool(f.orders.get("taken_count") or f.orders_per_day or after_fair_line(f).anything)


def order_vendor_rows(f: Figures) -> tuple[OrderVendorRow, ...]:
    """The vendors that took orders, the most taken (value) first."""
    vendors = {v.code: v for v in f.by_vendor}
    rows = []
    for code, values in f.orders_per_vendor.items():
        v = vendors.get(code)
        rows.append(OrderVendorRow(code, v.booth if v else "", v.name if v else "", _counts(values)))
    return tuple(sorted(rows, key=lambda r: (-r.counts["taken_satang"], r.booth, r.vendor_code)))


TYPE_KEYS = ("taken_count", "taken_qty", "taken_satang", "delivered_count", "delivered_satang", "cancelled_count",
             "cancelled_satang", "open_count", "open_satang")


def order_type_rows(f: Figures) -> tuple[OrderTypeRow, ...]:
    """The product types ordered, in the vocabulary's order (the registry's), then any other."""
    order = {k: i for i, k in enumerate(PRODUCT_TYPE.keys())}
    keys = sorted(f.orders_per_type, key=lambda k: (order.get(k, len(order)), k))
    return tuple(OrderTypeRow(k, product_type_label(f, k, "th"), product_type_label(f, k, "en"),
                              _counts(f.orders_per_type[k], TYPE_KEYS)) for k in keys)


def order_day_rows(f: Figures) -> tuple[OrderDayRow, ...]:
    """Every day with orders activity, in date order; days after the fair's last day marked."""
    last = f.fair_last_day
    return tuple(OrderDayRow(d, last is not None and d > last, _counts(values))
                 for d, values in sorted((date.fromisoformat(k), v) for k, v in f.orders_per_day.items()))


def after_fair_line(f: Figures) -> AfterFairLine:
    """What came after the fair's last day (zeros when nothing, or the figures hold no such part)."""
    a = f.after_fair

    def val(name: str) -> int:
        return int(getattr(a, name, 0) or 0)

    days = tuple(date.fromisoformat(d) for d in (getattr(a, "days", ()) or ()))
    return AfterFairLine(f.fair_last_day, val("delivered_count"), val("delivered_satang"), val("cancelled_count"),
                         val("deposits_refunded_satang"), val("refunds_count"), val("refunds_satang"), days)


@dataclass(frozen=True)
class OrderPeriod:
    """The orders of the report's period (the dashboard's chosen days; ``fair.orders`` cuts them to it): the
    days' rows, orders taken and deposits received in it, and the orders open at its end."""

    days: tuple[OrderDayRow, ...]
    taken_count: int
    taken_satang: int
    deposits_satang: int
    open_count: int
    open_satang: int


def order_period(f: Figures) -> OrderPeriod:
    """The orders of ``f``'s period, as ``Figures.orders`` has them, with its days."""
    o = _counts(f.orders)
    return OrderPeriod(order_day_rows(f), o["taken_count"], o["taken_satang"], o["deposits_satang"],
                       o["open_count"], o["open_satang"])

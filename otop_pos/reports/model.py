"""The organiser's report figures as plain frozen values (money in integer satang), and their JSON form.

Built by ``otop_pos.fair.figures`` from the fair store; read by the PDF, XLSX and CSV writers and the
organiser window. Net income everywhere is sales − voids − refunds, each document counted on the business
date of its own till day (a refund made on a later day lowers that later day, as on the booth's own report).
"""
from __future__ import annotations

from dataclasses import dataclass, field, is_dataclass
from datetime import date, datetime
from typing import Any, Literal

from otop_pos.core.channel import ChannelLink

__all__ = [
    "Period", "KeyFigures", "Row", "VendorRow", "ProducerSheet", "ProductRow", "CashRow", "ForkRow", "MissingRow", "Figures",
    "VendorDetail", "BREAKDOWNS", "figures_to_json", "vendor_detail_to_json", "SchemeName", "scheme_spending",
]

MissingKind = Literal["no_export", "no_sales"]


@dataclass(frozen=True)
class Period:
    """The business dates covered, first to last (inclusive)."""

    first: date
    last: date

    @property
    def days(self) -> list[date]:
        """Every date of the period, first to last."""
        return [date.fromordinal(n) for n in range(self.first.toordinal(), self.last.toordinal() + 1)]


@dataclass(frozen=True)
class KeyFigures:
    """The headline numbers of the period.

    ``net_satang`` = ``gross_satang`` − ``voids_satang`` − ``refunds_satang``; ``sales_count`` counts every
    sale rung up (voided ones too) and ``items_sold`` their items, less the items of voided sales and the
    quantities refunded; ``average_sale_satang`` is net income per sale that was not voided (rounded half up).
    ``vendors_count`` is the registered vendors, ``vendors_with_sales`` those with at least one sale.
    """

    net_satang: int
    gross_satang: int
    sales_count: int
    items_sold: int
    average_sale_satang: int
    refunds_count: int
    refunds_satang: int
    voids_count: int
    voids_satang: int
    vendors_count: int
    vendors_with_sales: int


@dataclass(frozen=True)
class Row:
    """One line of a generic breakdown (product type, province, day, hour, method, star…).

    ``key`` is stable and machine-readable (the Thai product type, a DOPA province or district code or the
    name as registered, an ISO date, "09", "cash", "3"/"none", "community", "host"/"other");
    ``label_th``/``label_en`` are what a person reads. ``net_satang`` is sales − voids − refunds.
    ``sales_count`` is the sales that stand (rung up less voided, each on its own date) — for product types
    the sale lines (one sale may hold several types) and for payment methods the payments. ``items`` nets
    voided and refunded items out (0 for payment methods). ``share_bp`` is the row's share of the
    breakdown's net income in basis points (100 bp = 1 %; 0 when the total is not positive).
    """

    key: str
    label_th: str
    label_en: str
    net_satang: int
    sales_count: int
    items: int
    share_bp: int

    def label(self, lang: str) -> str:
        """The label in ``lang`` ("th" or "en")."""
        return self.label_en if lang == "en" else self.label_th


@dataclass(frozen=True)
class VendorRow:
    """A registered vendor (producer) with its income in the period.

    ``product_type`` is the Thai type name as registered; ``producer_type`` is "community",
    "single_owner", "sme" or ""; ``days_with_sales`` counts business dates with a sale;
    ``last_export_at`` is the creation time (UTC) of the newest export imported from any of its tills.
    """

    code: str
    name: str
    product_type: str
    district: str
    province: str
    star: int | None
    booth: str
    producer_type: str
    net_satang: int
    sales_count: int
    items: int
    refunds_satang: int
    voids_count: int
    days_with_sales: int
    last_export_at: datetime | None


@dataclass(frozen=True)
class ProductRow:
    """A product as sold (by vendor and SKU): quantity and net income after voids and refunds."""

    sku: str
    name: str
    vendor_code: str
    vendor_name: str
    product_type: str
    qty: int
    net_satang: int


@dataclass(frozen=True)
class CashRow:
    """A till day close: cash expected against counted (``counted``/``difference`` None when not counted)."""

    vendor_code: str
    booth: str
    till_no: int
    business_date: date
    expected_satang: int | None
    counted_satang: int | None
    difference_satang: int | None
    branch: int = 0  # a copied till's own close (``fair accept-fork``): its branch, shown as "till 1 (copy 1)"


@dataclass(frozen=True)
class ForkRow:
    """A copied till accepted as a branch of its till (``fair accept-fork``): its sales are in the figures
    once, numbered as printed (so receipt numbers after ``fork_number`` repeat between the two laptops)."""

    vendor_code: str
    booth: str
    till_no: int
    branch: int
    fork_number: str


@dataclass(frozen=True)
class MissingRow:
    """A vendor that sent nothing for a day ("no_export") or sent that day without a sale ("no_sales")."""

    business_date: date
    vendor_code: str
    vendor_name: str
    booth: str
    kind: MissingKind


@dataclass(frozen=True)
class SchemeName:
    """A state scheme of the fair (a payment method of kind "copay" or "state"): its code and names."""

    code: str
    name_th: str
    name_en: str
    kind: str
    state_percent: int

    def name(self, lang: str) -> str:
        """The scheme's name in ``lang`` ("th", else English)."""
        return self.name_th if lang == "th" else self.name_en


def scheme_spending(shares: dict[str, int] | None) -> int:
    """The spending a scheme brought (satang): the customers' share plus the state's."""
    return 0 if not shares else int(shares.get("customer_satang", 0)) + int(shares.get("state_satang", 0))


@dataclass(frozen=True)
class Figures:
    """Every figure of the organiser report for one or more fairs of one store over ``period``.

    ``by_vendor`` holds every registered vendor (highest net income first); the generic breakdowns are
    sorted by their natural order (product types in the registry order, days and hours ascending, methods
    cash → promptpay → transfer → other, stars 5 → 1 then none) except ``by_province`` and ``by_district``
    (highest net income first). ``host_vs_other`` has the keys "host" and "other". ``cash`` lists every till
    day close of the period; ``missing`` the vendors missing per day (up to the printing date).
    """

    fair_ids: tuple[int, ...]
    fair_names: tuple[str, ...]
    venue: str
    host_province: str
    period: Period
    printed_at: datetime
    key: KeyFigures
    by_vendor: tuple[VendorRow, ...]
    by_product_type: tuple[Row, ...]
    by_province: tuple[Row, ...]
    host_vs_other: tuple[Row, ...]
    by_district: tuple[Row, ...]
    by_day: tuple[Row, ...]
    by_hour: tuple[Row, ...]
    by_method: tuple[Row, ...]
    by_star: tuple[Row, ...]
    by_producer_type: tuple[Row, ...]
    top_products: tuple[ProductRow, ...]
    top_vendors: tuple[VendorRow, ...]
    missing: tuple[MissingRow, ...]
    cash: tuple[CashRow, ...]
    forks: tuple[ForkRow, ...] = ()
    #: each state scheme of the fair: {code: {"customer_satang", "state_satang"}}, and the same per vendor code
    schemes: dict[str, dict[str, int]] = field(default_factory=dict)
    schemes_per_vendor: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    #: the same per business date (ISO), only days with scheme money; and the schemes' names, in the fair's order
    schemes_per_day: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    scheme_names: tuple[SchemeName, ...] = ()
    #: orders apart from sales (``fair.orders.order_figures``): the fairs', per vendor code, product type and day
    orders: dict[str, int] = field(default_factory=dict)
    orders_per_vendor: dict[str, dict[str, int]] = field(default_factory=dict)
    orders_per_type: dict[str, dict[str, int]] = field(default_factory=dict)
    orders_per_day: dict[str, dict[str, int]] = field(default_factory=dict)
    after_fair: Any = None   # fair.orders.AfterFair: deliveries, cancels and refunds after the fair's last day
    fair_last_day: date | None = None   # the fairs' last day (the latest): later days are "after the fair"

    @property
    def fair_name(self) -> str:
        """The fair's name, or the names joined with " + " for several fairs."""
        return " + ".join(self.fair_names)


@dataclass(frozen=True)
class VendorDetail:
    """One vendor's drill-down: its row, its income per day, per product and per payment method."""

    vendor: VendorRow
    by_day: tuple[Row, ...]
    by_product: tuple[ProductRow, ...]
    by_method: tuple[Row, ...]
    by_hour: tuple[Row, ...] = ()     # only when asked for (``vendor_detail(..., hours=True)``)


@dataclass(frozen=True)
class ProducerSheet:
    """One vendor's sheet: the fair, the vendor's row and breakdowns (``vendor_detail``), the average sale, the
    digital and scheme shares (amounts and basis points of the net income), open orders, and the link."""

    fair_name: str
    venue: str
    first_day: date
    last_day: date
    vendor: VendorRow
    by_product: tuple[ProductRow, ...]
    by_day: tuple[Row, ...]
    by_hour: tuple[Row, ...]
    by_method: tuple[Row, ...]
    average_sale_satang: int
    digital_satang: int
    digital_share_bp: int
    scheme_satang: int
    scheme_share_bp: int
    open_orders_count: int
    open_orders_satang: int
    link: ChannelLink | None


#: The generic breakdowns of ``Figures`` (attribute names), in the order the outputs show them.
BREAKDOWNS: tuple[str, ...] = (
    "by_product_type", "host_vs_other", "by_province", "by_district", "by_day", "by_hour", "by_method",
    "by_star", "by_producer_type",
)


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        out = dict(vars(value))  # frozen dataclasses without slots: the fields, in order
        for k, v in out.items():
            if not isinstance(v, (int, str)) and v is not None:
                out[k] = _plain(v)
        return out
    return value


def figures_to_json(f: Figures) -> dict[str, Any]:
    """Every figure as JSON-ready data: money in satang (ints), dates and times ISO 8601, rows as objects."""
    data: dict[str, Any] = _plain(f)
    data["period"]["days"] = (f.period.last - f.period.first).days + 1
    return data


def vendor_detail_to_json(d: VendorDetail) -> dict[str, Any]:
    """A vendor drill-down as JSON-ready data (as ``figures_to_json``)."""
    result: dict[str, Any] = _plain(d)
    return result

"""The rows of a booth export (plain frozen dataclasses) and the format's name and version."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated

__all__ = [
    "EXPORT_FORMAT", "EXPORT_VERSION", "EXPORT_VERSIONS_READ", "ADDED_IN", "Cell", "ExportSale", "ExportLine", "ExportPayment", "ExportVoid",
    "ExportRefund", "ExportRefundLine", "ExportDay", "ExportManifest", "ExportData", "VerifiedExport",
    "ExportOrder", "ExportOrderLine", "ExportOrderMoney", "ExportOrderEvent", "MEMBER_ADDED_IN", "members_of",
]


@dataclass(frozen=True)
class Cell:
    """How a field is written to and parsed from its CSV cell (``otop_pos.exchange.export_rows``): text, uuid,
    hex, pos (whole ≥ 1), nn (≥ 0), int, method, date, dt (aware time), counts, methods; a trailing ``?``
    allows an empty cell (None). The member's columns are the row class's fields in order, each declared
    once here with its cell kind."""

    kind: str


EXPORT_FORMAT = "otop-pos-booth-export"
#: 2: each payment carries the state's share of a co-payment or state-card part (``state_satang``), and a
#: payment's or refund's method is any code of the fair's methods (the import checks it against the fair's).
#: 3: the till's orders travel in it (orders, their lines, their money and the order chain's events), without
#: the customers' names and phones.
EXPORT_VERSION = 3
#: The versions this app reads: a version-1 file has no ``state_satang`` column (every share is 0); a file
#: older than 3 has no order members (the booth had no orders).
EXPORT_VERSIONS_READ = (1, 2, 3)
#: (member, column) → (the version that added it, what a file of an older version means by it). An added
#: column is always the member's last.
ADDED_IN: dict[tuple[str, str], tuple[int, object]] = {("payments.csv", "state_satang"): (2, 0)}

#: member → the version that added it (a file of an older version has none of its rows).
MEMBER_ADDED_IN: dict[str, int] = {"orders.csv": 3, "order_lines.csv": 3, "order_money.csv": 3,
                                   "order_events.csv": 3}


def members_of(order: tuple[str, ...], version: int) -> tuple[str, ...]:
    """The members of ``order`` a file of ``version`` holds."""
    return tuple(m for m in order if MEMBER_ADDED_IN.get(m, 1) <= version)


@dataclass(frozen=True)
class ExportSale:
    """A sale (receipt) as exported; ``created_at`` is aware."""

    uuid: Annotated[str, Cell("uuid")]
    number: Annotated[str, Cell("text")]
    seq: Annotated[int, Cell("pos")]
    created_at: Annotated[datetime, Cell("dt")]
    business_date: Annotated[date, Cell("date")]
    cashier: Annotated[str, Cell("text")]
    subtotal_satang: Annotated[int, Cell("nn")]
    sale_discount_satang: Annotated[int, Cell("nn")]
    total_satang: Annotated[int, Cell("nn")]
    paid_satang: Annotated[int, Cell("nn")]
    change_satang: Annotated[int, Cell("nn")]
    item_count: Annotated[int, Cell("pos")]
    prev_hash: Annotated[str, Cell("hex")]
    hash: Annotated[str, Cell("hex")]


@dataclass(frozen=True)
class ExportLine:
    """One line of a sale; ``net_satang`` = ``total_satang`` − its share of the sale discount."""

    sale_uuid: Annotated[str, Cell("uuid")]
    line_no: Annotated[int, Cell("pos")]
    sku: Annotated[str, Cell("text")]
    name: Annotated[str, Cell("text")]
    product_type: Annotated[str, Cell("text")]
    qty: Annotated[int, Cell("pos")]
    list_price_satang: Annotated[int, Cell("nn")]
    unit_price_satang: Annotated[int, Cell("nn")]
    discount_satang: Annotated[int, Cell("nn")]
    total_satang: Annotated[int, Cell("nn")]
    sale_discount_share_satang: Annotated[int, Cell("nn")]
    net_satang: Annotated[int, Cell("nn")]


@dataclass(frozen=True)
class ExportPayment:
    """One payment of a sale, in the order the sale recorded them (the order is part of the chain)."""

    sale_uuid: Annotated[str, Cell("uuid")]
    method: Annotated[str, Cell("method")]
    amount_satang: Annotated[int, Cell("nn")]
    tendered_satang: Annotated[int | None, Cell("nn?")]
    change_satang: Annotated[int, Cell("nn")]
    reference: Annotated[str, Cell("text")]
    state_satang: Annotated[int, Cell("nn")] = 0   # the state's share of the amount (version 2)


@dataclass(frozen=True)
class ExportVoid:
    """A void of a whole sale (a new document pointing at ``sale_uuid``)."""

    uuid: Annotated[str, Cell("uuid")]
    number: Annotated[str, Cell("text")]
    seq: Annotated[int, Cell("pos")]
    sale_uuid: Annotated[str, Cell("uuid")]
    created_at: Annotated[datetime, Cell("dt")]
    business_date: Annotated[date, Cell("date")]
    reason: Annotated[str, Cell("text")]
    by: Annotated[str, Cell("text")]
    amount_satang: Annotated[int, Cell("nn")]
    cash_returned_satang: Annotated[int, Cell("nn")]
    prev_hash: Annotated[str, Cell("hex")]
    hash: Annotated[str, Cell("hex")]


@dataclass(frozen=True)
class ExportRefund:
    """A refund of some lines of a sale (a new document pointing at ``sale_uuid``)."""

    uuid: Annotated[str, Cell("uuid")]
    number: Annotated[str, Cell("text")]
    seq: Annotated[int, Cell("pos")]
    sale_uuid: Annotated[str, Cell("uuid")]
    created_at: Annotated[datetime, Cell("dt")]
    business_date: Annotated[date, Cell("date")]
    reason: Annotated[str, Cell("text")]
    by: Annotated[str, Cell("text")]
    method: Annotated[str, Cell("method")]
    amount_satang: Annotated[int, Cell("pos")]
    reference: Annotated[str, Cell("text")]
    prev_hash: Annotated[str, Cell("hex")]
    hash: Annotated[str, Cell("hex")]


@dataclass(frozen=True)
class ExportRefundLine:
    """How much of the sale's line ``line_no`` a refund gave back (in refund order)."""

    refund_uuid: Annotated[str, Cell("uuid")]
    sale_uuid: Annotated[str, Cell("uuid")]
    line_no: Annotated[int, Cell("pos")]
    qty: Annotated[int, Cell("pos")]
    amount_satang: Annotated[int, Cell("nn")]


@dataclass(frozen=True)
class ExportDay:
    """A till day; the close fields are None while it is open. ``counts``: denomination satang → pieces;
    ``by_method``: net satang per payment method as the close computed it ({} while open)."""

    uuid: Annotated[str, Cell("uuid")]
    business_date: Annotated[date, Cell("date")]
    opened_at: Annotated[datetime, Cell("dt")]
    closed_at: Annotated[datetime | None, Cell("dt?")]
    float_satang: Annotated[int, Cell("nn")]
    expected_cash_satang: Annotated[int | None, Cell("int?")]
    counted_cash_satang: Annotated[int | None, Cell("nn?")]
    difference_satang: Annotated[int | None, Cell("int?")]
    counts: Annotated[dict[int, int], Cell("counts")]
    by_method: Annotated[dict[str, int], Cell("methods")]


@dataclass(frozen=True)
class ExportOrder:
    """An order taken at the booth (version 3), without the customer's name, phone and note (they stay at the
    booth); when and on which day it was taken is its ``take`` event's."""

    uuid: Annotated[str, Cell("uuid")]
    number: Annotated[str, Cell("text")]
    deliver_on: Annotated[date, Cell("date")]
    cashier: Annotated[str, Cell("text")]
    subtotal_satang: Annotated[int, Cell("nn")]
    sale_discount_satang: Annotated[int, Cell("nn")]
    total_satang: Annotated[int, Cell("nn")]
    item_count: Annotated[int, Cell("pos")]


@dataclass(frozen=True)
class ExportOrderLine:
    """One line of an order, as a sale's line (it becomes one at delivery)."""

    order_uuid: Annotated[str, Cell("uuid")]
    line_no: Annotated[int, Cell("pos")]
    sku: Annotated[str, Cell("text")]
    name: Annotated[str, Cell("text")]
    product_type: Annotated[str, Cell("text")]
    qty: Annotated[int, Cell("pos")]
    list_price_satang: Annotated[int, Cell("nn")]
    unit_price_satang: Annotated[int, Cell("nn")]
    discount_satang: Annotated[int, Cell("nn")]
    total_satang: Annotated[int, Cell("nn")]
    sale_discount_share_satang: Annotated[int, Cell("nn")]
    net_satang: Annotated[int, Cell("nn")]


@dataclass(frozen=True)
class ExportOrderMoney:
    """Money of an order event: a deposit of its ``take`` or a deposit given back at its ``cancel``."""

    event_uuid: Annotated[str, Cell("uuid")]
    method: Annotated[str, Cell("method")]
    amount_satang: Annotated[int, Cell("pos")]
    state_satang: Annotated[int, Cell("nn")]
    reference: Annotated[str, Cell("text")]


@dataclass(frozen=True)
class ExportOrderEvent:
    """A link of the till's order chain: an order taken, delivered (``sale_uuid``: the sale it became) or
    cancelled, on the fair day ``business_date``."""

    uuid: Annotated[str, Cell("uuid")]
    seq: Annotated[int, Cell("pos")]
    order_uuid: Annotated[str, Cell("uuid")]
    kind: Annotated[str, Cell("text")]
    created_at: Annotated[datetime, Cell("dt")]
    business_date: Annotated[date, Cell("date")]
    sale_uuid: Annotated[str | None, Cell("uuid?")]
    prev_hash: Annotated[str, Cell("hex")]
    hash: Annotated[str, Cell("hex")]


@dataclass(frozen=True)
class ExportManifest:
    """The signed manifest. ``members``: (name, sha256 hex, size) of every member except manifest and
    signature; ``counts`` and ``totals`` as in docs/exchange-format.md."""

    format: str
    version: int
    fair_id: str
    booth_code: str
    till_no: int
    till_uuid: str
    vendor_code: str
    key_id: str
    export_seq: int
    created_at: datetime
    counts: dict[str, int]
    totals: dict[str, int]
    members: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class ExportData:
    """The content of an export (without the manifest); rows of documents in ``seq`` order."""

    booth_code: str
    till_no: int
    till_uuid: str
    vendor_code: str
    fair_id: str
    key_id: str
    sales: tuple[ExportSale, ...]
    lines: tuple[ExportLine, ...]
    payments: tuple[ExportPayment, ...]
    voids: tuple[ExportVoid, ...]
    refunds: tuple[ExportRefund, ...]
    refund_lines: tuple[ExportRefundLine, ...]
    days: tuple[ExportDay, ...]
    orders: tuple[ExportOrder, ...] = ()
    order_lines: tuple[ExportOrderLine, ...] = ()
    order_money: tuple[ExportOrderMoney, ...] = ()
    order_events: tuple[ExportOrderEvent, ...] = ()


@dataclass(frozen=True)
class VerifiedExport:
    """An export whose signature, member hashes, content and chain were all checked."""

    manifest: ExportManifest
    data: ExportData
    sha256: str
    size: int

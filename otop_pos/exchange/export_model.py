"""The rows of a booth export (plain frozen dataclasses) and the format's name and version."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "EXPORT_FORMAT", "EXPORT_VERSION", "ExportSale", "ExportLine", "ExportPayment", "ExportVoid", "ExportRefund",
    "ExportRefundLine", "ExportDay", "ExportManifest", "ExportData", "VerifiedExport",
]

EXPORT_FORMAT = "otop-pos-booth-export"
EXPORT_VERSION = 1


@dataclass(frozen=True)
class ExportSale:
    """A sale (receipt) as exported; ``created_at`` is aware."""

    uuid: str
    number: str
    seq: int
    created_at: datetime
    business_date: date
    cashier: str
    subtotal_satang: int
    sale_discount_satang: int
    total_satang: int
    paid_satang: int
    change_satang: int
    item_count: int
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ExportLine:
    """One line of a sale; ``net_satang`` = ``total_satang`` − its share of the sale discount."""

    sale_uuid: str
    line_no: int
    sku: str
    name: str
    product_type: str
    qty: int
    list_price_satang: int
    unit_price_satang: int
    discount_satang: int
    total_satang: int
    sale_discount_share_satang: int
    net_satang: int


@dataclass(frozen=True)
class ExportPayment:
    """One payment of a sale, in the order the sale recorded them (the order is part of the chain)."""

    sale_uuid: str
    method: str
    amount_satang: int
    tendered_satang: int | None
    change_satang: int
    reference: str


@dataclass(frozen=True)
class ExportVoid:
    """A void of a whole sale (a new document pointing at ``sale_uuid``)."""

    uuid: str
    number: str
    seq: int
    sale_uuid: str
    created_at: datetime
    business_date: date
    reason: str
    by: str
    amount_satang: int
    cash_returned_satang: int
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ExportRefund:
    """A refund of some lines of a sale (a new document pointing at ``sale_uuid``)."""

    uuid: str
    number: str
    seq: int
    sale_uuid: str
    created_at: datetime
    business_date: date
    reason: str
    by: str
    method: str
    amount_satang: int
    reference: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ExportRefundLine:
    """How much of the sale's line ``line_no`` a refund gave back (in refund order)."""

    refund_uuid: str
    sale_uuid: str
    line_no: int
    qty: int
    amount_satang: int


@dataclass(frozen=True)
class ExportDay:
    """A till day; the close fields are None while it is open. ``counts``: denomination satang → pieces;
    ``by_method``: net satang per payment method as the close computed it ({} while open)."""

    uuid: str
    business_date: date
    opened_at: datetime
    closed_at: datetime | None
    float_satang: int
    expected_cash_satang: int | None
    counted_cash_satang: int | None
    difference_satang: int | None
    counts: dict[int, int]
    by_method: dict[str, int]


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


@dataclass(frozen=True)
class VerifiedExport:
    """An export whose signature, member hashes, content and chain were all checked."""

    manifest: ExportManifest
    data: ExportData
    sha256: str
    size: int

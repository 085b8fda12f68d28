"""Plain data for printed documents (receipt, Z report): built by booth use cases, drawn by printing/reports.

Money is int satang; times are aware datetimes (UTC); nothing here knows about Qt, SQL or PDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, cast

from otop_pos.core.vocabulary import PAYMENT_METHOD

DocKind = Literal["sale", "void", "refund", "deposit"]
TitleMode = Literal["receipt", "abbreviated_tax_invoice"]
PaymentMethod = Literal["cash", "promptpay", "transfer", "other"]
#: The methods a booth takes today: the vocabulary's own (built-in) payment methods, with their names and colours.
PAYMENT_METHODS = cast(tuple[PaymentMethod, ...], PAYMENT_METHOD.builtin_keys())


@dataclass(frozen=True)
class ReceiptLine:
    """One printed line: name, quantity, unit price, line discount and line total (all satang)."""

    name: str
    qty: int
    unit_satang: int
    discount_satang: int
    total_satang: int
    sku: str = ""


@dataclass(frozen=True)
class ReceiptPayment:
    """One payment as printed; ``tendered``/``change`` only for cash."""

    method: PaymentMethod
    amount_satang: int
    tendered_satang: int | None = None
    change_satang: int = 0
    reference: str = ""
    state_satang: int = 0   # the state's share of a co-payment or state-card payment
    name: str = ""          # the fair's name of the method in the receipt's language ("": the vocabulary's)
    scheme: bool = False    # a co-payment or state method: the receipt names both shares


@dataclass(frozen=True)
class OrderNote:
    """The order a deposit receipt is for, or a delivery sale delivers (``delivered``): its number, the
    customer (personal data: on the booth's own receipts only), the delivery date, deposit and balance."""

    number: str
    customer: str
    phone: str
    deliver_on: date
    deposit_satang: int
    balance_satang: int
    delivered: bool = False


@dataclass(frozen=True)
class ReceiptDoc:
    """Everything a receipt shows. ``kind`` void/refund point at ``original_number``; ``deposit``: the receipt
    of an order's deposit (the order's lines and value, the deposit paid, the balance)."""

    kind: DocKind
    number: str
    issued_at: datetime
    shop_name: str
    lines: tuple[ReceiptLine, ...]
    subtotal_satang: int
    sale_discount_satang: int
    total_satang: int
    payments: tuple[ReceiptPayment, ...] = ()
    change_satang: int = 0
    item_count: int = 0
    fair_name: str = ""
    booth: str = ""
    till: str = ""
    tax_id: str = ""
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ()
    copy: bool = False
    lang: Literal["th", "en"] = "th"
    title_mode: TitleMode = "receipt"
    original_number: str = ""
    reason: str = ""
    cashier: str = ""
    promptpay_target: str = ""
    show_promptpay_qr: bool = False
    number_code: Literal["qr", "barcode", "none"] = "qr"
    logo_path: str = ""
    buyer_name: str = ""
    buyer_address: str = ""
    buyer_tax_id: str = ""
    #: The producer's link (``core.channel.channel_link``) printed as a QR with its caption; "" for none.
    channel_url: str = ""
    channel_kind: str = ""
    order: OrderNote | None = None   # a deposit receipt's order, or the order a sale delivers


@dataclass(frozen=True)
class ZReportDoc:
    """The day close (Z report) figures of one till day."""

    shop_name: str
    booth: str
    till: str
    business_date: date
    opened_at: datetime
    closed_at: datetime | None
    float_satang: int
    cash_sales_satang: int
    cash_refunds_satang: int
    expected_cash_satang: int
    counted_cash_satang: int | None
    difference_satang: int | None
    by_method: tuple[tuple[str, int], ...]
    sales_count: int
    voids_count: int
    voids_satang: int
    refunds_count: int
    refunds_satang: int
    gross_satang: int
    net_satang: int
    first_number: str = ""
    last_number: str = ""
    fair_name: str = ""
    counts: tuple[tuple[int, int], ...] = field(default_factory=tuple)  # (denomination satang, pieces)
    lang: Literal["th", "en"] = "th"
    orders_taken_count: int = 0          # orders taken this day and their value (not sales)
    orders_taken_satang: int = 0
    deposits_satang: int = 0             # deposits taken this day (money in, not sales)
    deposits_refunded_satang: int = 0    # deposits given back on cancelled orders this day
    deposits_earlier_satang: int = 0     # of this day's sales: paid by deposits taken on earlier days
    cash_deposits_satang: int = 0        # cash deposits in − out: in the drawer
    open_orders_count: int = 0           # orders open at the close, their value and deposits
    open_orders_satang: int = 0
    open_orders_deposits_satang: int = 0
    #: the fair's names of the methods, in ``lang`` (code, name): the vocabulary's for a code not here
    method_names: tuple[tuple[str, str], ...] = ()
    #: each scheme used (code, customer's share, state's share): a co-payment counts whole in ``by_method``
    schemes: tuple[tuple[str, int, int], ...] = ()

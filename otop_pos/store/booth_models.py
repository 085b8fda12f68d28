"""The booth store: one SQLite file per till, written by the booth app only.

Money columns are integer satang. Sales, voids and refunds are append-only documents: a void or
refund is a new row pointing at its sale; nothing is updated or deleted after commit.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from otop_pos.store.types import UTCDateTime, new_metadata


class BoothBase(DeclarativeBase):
    """Declarative base of the booth store."""

    metadata = new_metadata()


class Identity(BoothBase):
    """Who this till is: fair, vendor, booth and till number (one row)."""

    __tablename__ = "identity"
    id: Mapped[int] = mapped_column(primary_key=True)
    booth_code: Mapped[str] = mapped_column(String(16))
    till_no: Mapped[int] = mapped_column(Integer, default=1)
    till_uuid: Mapped[str] = mapped_column(String(36))
    vendor_code: Mapped[str] = mapped_column(String(32))
    vendor_name: Mapped[str] = mapped_column(String(200))
    product_type: Mapped[str] = mapped_column(String(64), default="")
    fair_id: Mapped[str] = mapped_column(String(64), default="")
    fair_name: Mapped[str] = mapped_column(String(200), default="")
    fair_first_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    fair_last_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    key_id: Mapped[str] = mapped_column(String(64), default="")
    signing_key: Mapped[str] = mapped_column(Text, default="")  # booth's private key (PEM), from the package
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("id = 1", name="single_row"), CheckConstraint("till_no >= 1", name="till"))


class Setting(BoothBase):
    """Typed settings stored as JSON documents with a schema version."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    schema_version: Mapped[int] = mapped_column(Integer)
    value_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BoothMethod(BoothBase):
    """A payment method of the fair, from the booth package (the built-ins until a package brings the fair's
    own): ``position`` orders them as the organiser listed them."""

    __tablename__ = "booth_method"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(8))
    state_percent: Mapped[int] = mapped_column(Integer, default=0)
    daily_cap_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("kind IN ('plain','copay','state')", name="kind"),
                      CheckConstraint("state_percent BETWEEN 0 AND 100", name="percent"))

class Product(BoothBase):
    """A catalogue product; ``stock`` None means stock is not tracked."""

    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    price_satang: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str | None] = mapped_column(String(32), unique=True, nullable=True)
    stock: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sold_out: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("price_satang >= 0", name="price"),)


class NumberSeries(BoothBase):
    """The last document number used by this till; bumped inside the document's own transaction."""

    __tablename__ = "number_series"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="0" * 64)  # head of the till's hash chain


class TillDay(BoothBase):
    """A till session: opened with a float, closed with a cash count (the Z report data)."""

    __tablename__ = "till_day"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    business_date: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opened_by: Mapped[str] = mapped_column(String(64), default="")
    float_satang: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    expected_cash_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    counted_cash_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    difference_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    counts_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    totals_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    __table_args__ = (
        CheckConstraint("float_satang >= 0", name="float"),
        # at most one open day per till
        Index("ux_till_day_open", text("(closed_at IS NULL)"), unique=True,
              sqlite_where=text("closed_at IS NULL")),
        Index("ix_till_day_business_date", "business_date"),
    )


class Sale(BoothBase):
    """A committed sale (receipt). Never updated; voids and refunds point at it."""

    __tablename__ = "sale"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    till_day_id: Mapped[int] = mapped_column(ForeignKey("till_day.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cashier: Mapped[str] = mapped_column(String(64), default="")
    subtotal_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_kind: Mapped[str] = mapped_column(String(8), default="")
    sale_discount_value: Mapped[int] = mapped_column(Integer, default=0)
    sale_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    paid_satang: Mapped[int] = mapped_column(Integer)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    item_count: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    lines: Mapped[list[SaleLine]] = relationship(back_populates="sale", order_by="SaleLine.line_no")
    payments: Mapped[list[Payment]] = relationship(back_populates="sale", order_by="Payment.id")
    __table_args__ = (
        CheckConstraint("total_satang >= 0", name="total"),
        CheckConstraint("total_satang = subtotal_satang - sale_discount_satang", name="total_math"),
        Index("ix_sale_till_day_id", "till_day_id"),
        Index("ix_sale_created_at", "created_at"),
    )


class SaleLine(BoothBase):
    """One line of a sale; ``net_satang`` includes its share of the sale discount."""

    __tablename__ = "sale_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), nullable=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
    list_price_satang: Mapped[int] = mapped_column(Integer)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    discount_kind: Mapped[str] = mapped_column(String(8), default="")
    discount_value: Mapped[int] = mapped_column(Integer, default=0)
    discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)  # qty × unit − line discount
    sale_discount_share_satang: Mapped[int] = mapped_column(Integer, default=0)
    net_satang: Mapped[int] = mapped_column(Integer)
    sale: Mapped[Sale] = relationship(back_populates="lines")
    __table_args__ = (
        UniqueConstraint("sale_id", "line_no"),
        CheckConstraint("qty > 0", name="qty"),
        CheckConstraint("total_satang >= 0 AND net_satang >= 0", name="nonneg"),
        Index("ix_sale_line_sku", "sku"),
    )


class Payment(BoothBase):
    """A payment of a sale; ``amount_satang`` is what it settled (cash: tendered − change). ``method`` is a
    code of the booth's ``booth_method`` list (checked by the checkout); ``state_satang`` is the part of the
    amount the state pays (a co-payment or state-card payment; 0 otherwise), the customer paid the rest."""

    __tablename__ = "payment"
    id: Mapped[int] = mapped_column(primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    tendered_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    state_satang: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    sale: Mapped[Sale] = relationship(back_populates="payments")
    __table_args__ = (
        CheckConstraint("amount_satang >= 0", name="amount"),
        CheckConstraint("state_satang BETWEEN 0 AND amount_satang", name="state"),
    )


class Void(BoothBase):
    """A same-day void of a whole sale: a new document pointing at the sale."""

    __tablename__ = "void"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), unique=True)
    till_day_id: Mapped[int] = mapped_column(ForeignKey("till_day.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(300))
    by: Mapped[str] = mapped_column(String(64), default="")
    amount_satang: Mapped[int] = mapped_column(Integer)
    cash_returned_satang: Mapped[int] = mapped_column(Integer, default=0)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Refund(BoothBase):
    """A refund of some or all lines of a sale, on any later day: a new document."""

    __tablename__ = "refund"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    till_day_id: Mapped[int] = mapped_column(ForeignKey("till_day.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(300))
    by: Mapped[str] = mapped_column(String(64), default="")
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(64), default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    lines: Mapped[list[RefundLine]] = relationship(order_by="RefundLine.id")
    __table_args__ = (
        CheckConstraint("amount_satang > 0", name="amount"),
        CheckConstraint("method IN ('cash','promptpay','transfer','other')", name="method"),
    )


class RefundLine(BoothBase):
    """How much of one sale line a refund gives back."""

    __tablename__ = "refund_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("refund.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_line.id"), index=True)
    qty: Mapped[int] = mapped_column(Integer)
    amount_satang: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("qty > 0", name="qty"),)


class PrintJob(BoothBase):
    """A queued print: written in the same transaction as its document; never retried automatically."""

    __tablename__ = "print_job"
    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16))  # sale | void | refund | zreport | test
    ref_uuid: Mapped[str] = mapped_column(String(36), default="")
    copy: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error_code: Mapped[str] = mapped_column(String(32), default="")
    error_th: Mapped[str] = mapped_column(Text, default="")
    error_en: Mapped[str] = mapped_column(Text, default="")
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    __table_args__ = (
        CheckConstraint("status IN ('pending','printing','printed','failed','cancelled')", name="status"),
        Index("ix_print_job_status", "status"),
    )


class ManagerPin(BoothBase):
    """The manager PIN: scrypt hash and the wrong-attempt lock (one row)."""

    __tablename__ = "manager_pin"
    id: Mapped[int] = mapped_column(primary_key=True)
    hash: Mapped[str] = mapped_column(String(256))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AuditEvent(BoothBase):
    """An audit trail entry: overrides, PIN use and failures, day open/close, settings changes."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    action: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(64), default="")
    ref_uuid: Mapped[str] = mapped_column(String(36), default="")
    detail_json: Mapped[str] = mapped_column(Text, default="{}")
    __table_args__ = (Index("ix_audit_event_at", "at"),)


class Backup(BoothBase):
    """A backup copy written by the backup use case (path, when, size, integrity result)."""

    __tablename__ = "backup"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    path: Mapped[str] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer)
    sales_count: Mapped[int] = mapped_column(Integer)
    ok: Mapped[bool] = mapped_column(Boolean)
    message: Mapped[str] = mapped_column(Text, default="")


class HeldBill(BoothBase):
    """A sale not finished yet: the open cart (one row, ``kind='open'``) or a held bill, with the payment
    parts already taken on it. Written like a sale (durably) so a crash or restart loses nothing; not a
    sale: no report or export reads it. ``cart_json``/``parts_json`` are booth/held.py's format."""

    __tablename__ = "held_bill"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cart_json: Mapped[str] = mapped_column(Text)
    parts_json: Mapped[str] = mapped_column(Text, default="[]")
    __table_args__ = (CheckConstraint("kind IN ('open','held')", name="kind"),)


class CustomerOrder(BoothBase):
    """An order taken at the booth for later delivery: the customer (personal data that stays at the booth),
    the delivery date and the lines as a sale's. ``status`` open → delivered (``sale_id``: the sale it became)
    or cancelled (``deposit_refunded``: whether its deposits were given back)."""

    __tablename__ = "customer_order"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    till_day_id: Mapped[int] = mapped_column(ForeignKey("till_day.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cashier: Mapped[str] = mapped_column(String(64), default="")
    customer_name: Mapped[str] = mapped_column(String(120))
    customer_phone: Mapped[str] = mapped_column(String(32), default="")
    deliver_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(300), default="")
    subtotal_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    item_count: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    closed_day_id: Mapped[int | None] = mapped_column(ForeignKey("till_day.id"), nullable=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"), unique=True, nullable=True)
    deposit_refunded: Mapped[bool] = mapped_column(Boolean, default=False)
    lines: Mapped[list[OrderLine]] = relationship(order_by="OrderLine.line_no")
    deposits: Mapped[list[OrderDeposit]] = relationship(order_by="OrderDeposit.id")
    __table_args__ = (
        CheckConstraint("status IN ('open','delivered','cancelled')", name="status"),
        CheckConstraint("total_satang >= 0", name="total"),
        Index("ix_customer_order_status", "status"),
    )


class OrderLine(BoothBase):
    """One line of an order, as a sale line (it becomes one at delivery)."""

    __tablename__ = "order_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"), nullable=True)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
    list_price_satang: Mapped[int] = mapped_column(Integer)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    discount_kind: Mapped[str] = mapped_column(String(8), default="")
    discount_value: Mapped[int] = mapped_column(Integer, default=0)
    discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_share_satang: Mapped[int] = mapped_column(Integer, default=0)
    net_satang: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("order_id", "line_no"),
        CheckConstraint("qty > 0", name="qty"),
        CheckConstraint("total_satang >= 0 AND net_satang >= 0", name="nonneg"),
    )


class OrderDeposit(BoothBase):
    """Money of an order: a deposit taken (``kind='deposit'``) or given back on a cancel (``'refund'``), on
    the till day ``till_day_id``. ``applied_payment_id``: the payment of the delivery sale that carries this
    deposit (received earlier: not counted again in the delivery day's drawer)."""

    __tablename__ = "order_deposit"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"), index=True)
    till_day_id: Mapped[int] = mapped_column(ForeignKey("till_day.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(8))
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    tendered_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    applied_payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id"), unique=True, nullable=True)
    state_satang: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # the state's share (b0005)
    __table_args__ = (
        CheckConstraint("kind IN ('deposit','refund')", name="kind"),
        CheckConstraint("amount_satang > 0", name="amount"),
    )


class OrderEvent(BoothBase):
    """A link of the till's order chain (apart from the documents' chain): an order taken, delivered or
    cancelled, hashed onto the previous event when it happened (``core.chain.order_event_doc``) so that the
    export's orders can be verified like its documents."""

    __tablename__ = "order_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    till_day_id: Mapped[int | None] = mapped_column(ForeignKey("till_day.id"), nullable=True)  # the open day
    business_date: Mapped[date] = mapped_column(Date)   # the fair day it happened on
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (
        CheckConstraint("kind IN ('take','deliver','cancel')", name="kind"),
        UniqueConstraint("order_id", "kind"),
    )

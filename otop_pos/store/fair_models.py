"""The fair store (organiser): fairs, registry, booth keys, tills, imported documents and the import log.

SQLite by default, PostgreSQL by URL; written by the organiser use cases only (``otop_pos.fair``).
Money is integer satang. Imported documents (sale, void, refund) are append-only and keyed by the
booth's UUID; the detail tables (sale_line, payment, refund_line) carry ``fair_id``, ``vendor_id``,
``till_id`` and ``business_date`` so that the reports can aggregate them with plain SQL.
A document's ``hash`` is its link in the till's hash chain (``prev_hash`` is the hash of ``seq - 1``).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from otop_pos.store.types import UTCDateTime, new_metadata

#: The CHECK of the method columns: a code (which codes a fair knows is its ``fair_method`` list, checked by the
#: import; the fair may add its own schemes).
METHOD_CHECK = "method <> ''"


def adds(kind: str, *, count: str = "", sums: str = "") -> dict[str, str]:
    """``info`` of a totals column: what the documents of ``kind`` ("sale", "void", "refund") add to it — the
    number of their ``count`` rows (a table name) or the sum of ``sums`` ("table.column"); the totals
    (``otop_pos.fair.totals``) are computed from these marks."""
    return {"total_kind": kind, "count": count} if count else {"total_kind": kind, "sums": sums}


def kept(column: str) -> dict[str, str]:
    """``info`` of a totals column set once when its row is made: a value of ``column`` ("table.column")."""
    return {"kept": column}


class FairBase(DeclarativeBase):
    """Declarative base of the fair store."""

    metadata = new_metadata()


class Fair(FairBase):
    """A fair: ``uid`` is the id written into packages and exports."""

    __tablename__ = "fair"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(200), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("first_day <= last_day", name="days"),)


#: The CHECK of a fair method's kind, share and cap: plain methods have no state share and no cap, a
#: co-payment's share is strictly between 0 and 100 %, a state method's is 100 %.
FAIR_METHOD_CHECK = ("(kind = 'plain' AND state_percent = 0 AND daily_cap_satang IS NULL) OR "
                     "(kind = 'copay' AND state_percent > 0 AND state_percent < 100) OR "
                     "(kind = 'state' AND state_percent = 100)")


class FairMethod(FairBase):
    """A payment method of one fair (``fair methods``): the booth's built-ins, card, and schemes the organiser
    defines (co-payment with the state's share and an optional per-customer daily cap, or wholly state-funded).
    ``builtin`` methods cannot be removed; ``position`` orders the list."""

    __tablename__ = "fair_method"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    code: Mapped[str] = mapped_column(String(16))
    name_th: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(8))
    state_percent: Mapped[int] = mapped_column(Integer, default=0)
    daily_cap_satang: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("fair_id", "code"),
        CheckConstraint(FAIR_METHOD_CHECK, name="kind"),
        CheckConstraint("daily_cap_satang IS NULL OR daily_cap_satang > 0", name="cap"),
    )

class Vendor(FairBase):
    """A registered producer of one fair; ``district_code``/``province_code`` are DOPA codes when known."""

    __tablename__ = "vendor"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    contact: Mapped[str] = mapped_column(String(200), default="")
    product_type: Mapped[str] = mapped_column(String(64), default="")
    star: Mapped[int | None] = mapped_column(Integer, nullable=True)
    district: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    district_code: Mapped[str | None] = mapped_column(String(4), nullable=True)
    province_code: Mapped[str | None] = mapped_column(String(2), nullable=True)
    phone: Mapped[str] = mapped_column(String(32), default="")
    booth: Mapped[str] = mapped_column(String(16))
    producer_type: Mapped[str] = mapped_column(String(16), default="")
    # the producer's own channel (``core.channel``; "" when not given): migration f0007
    line_account: Mapped[str] = mapped_column(String(300), default="", server_default="")
    facebook_page: Mapped[str] = mapped_column(String(300), default="", server_default="")
    shop_url: Mapped[str] = mapped_column(String(300), default="", server_default="")
    __table_args__ = (
        UniqueConstraint("fair_id", "code"),
        Index("ix_vendor_fair_booth", "fair_id", "booth"),
        CheckConstraint("star IS NULL OR (star BETWEEN 1 AND 5)", name="star"),
    )


class Product(FairBase):
    """A catalogue product of a vendor (as registered; lines keep what was sold)."""

    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    price_satang: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    stock: Mapped[int | None] = mapped_column(Integer, nullable=True)
    __table_args__ = (
        UniqueConstraint("vendor_id", "sku"),
        Index("ix_product_fair_id", "fair_id"),
        CheckConstraint("price_satang >= 0", name="price"),
    )


class BoothKey(FairBase):
    """A booth's public signing key (Ed25519, PEM); the private key went into the package only."""

    __tablename__ = "booth_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)
    public_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Till(FairBase):
    """A booth till seen in an export, with the head of its hash chain as imported so far."""

    __tablename__ = "till"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"), index=True)
    booth_code: Mapped[str] = mapped_column(String(16))
    till_no: Mapped[int] = mapped_column(Integer)
    till_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    head_seq: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))
    export_seq: Mapped[int] = mapped_column(Integer, default=0)  # newest export imported
    export_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TillBranch(FairBase):
    """A copied till accepted as a fork (``fair accept-fork``): two laptops exported one till identity
    (``till_uuid``) whose chains part after document ``fork_seq`` (receipt ``fork_number``). The till row
    ``till_id`` (a till_uuid of its own) holds this branch's documents after ``fork_seq``; those up to it are in
    the chain of ``parent_id``. An export of ``till_uuid`` belongs to this branch when its document
    ``fork_seq + 1`` has the hash ``fork_hash`` (the deepest such branch wins)."""

    __tablename__ = "till_branch"
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"), primary_key=True, autoincrement=False)
    till_uuid: Mapped[str] = mapped_column(String(36))
    branch: Mapped[int] = mapped_column(Integer)  # 1, 2 … (0 is the till row of till_uuid itself)
    parent_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    fork_seq: Mapped[int] = mapped_column(Integer)
    fork_hash: Mapped[str] = mapped_column(String(64))
    fork_number: Mapped[str] = mapped_column(String(32), default="")
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    file_name: Mapped[str] = mapped_column(String(260), default="")
    __table_args__ = (UniqueConstraint("till_uuid", "branch"),)


class ImportLog(FairBase):
    """One file handed to the import: what it was, when, and what became of it."""

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int | None] = mapped_column(ForeignKey("fair.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    file_name: Mapped[str] = mapped_column(String(260))
    path: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[str] = mapped_column(String(16))  # imported | unchanged | refused
    reason: Mapped[str] = mapped_column(String(32), default="")
    message_th: Mapped[str] = mapped_column(Text, default="")
    message_en: Mapped[str] = mapped_column(Text, default="")
    vendor_code: Mapped[str] = mapped_column(String(32), default="")
    booth_code: Mapped[str] = mapped_column(String(16), default="")
    till_no: Mapped[int | None] = mapped_column(Integer, nullable=True)
    till_uuid: Mapped[str] = mapped_column(String(36), default="")
    export_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    export_created_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    sales_added: Mapped[int] = mapped_column(Integer, default=0)
    orders_added: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # orders taken (f0008)
    voids_added: Mapped[int] = mapped_column(Integer, default=0)
    refunds_added: Mapped[int] = mapped_column(Integer, default=0)
    days_added: Mapped[int] = mapped_column(Integer, default=0)
    docs_skipped: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (
        CheckConstraint("result IN ('imported','unchanged','refused')", name="result"),
        Index("ix_import_log_sha256", "sha256"),
        Index("ix_import_log_fair_at", "fair_id", "at"),
    )


class TillDay(FairBase):
    """A booth's till session (Z report): opened with a float, closed with a count."""

    __tablename__ = "till_day"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"), index=True)
    business_date: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # 64-bit (f0005): a day's drawer may hold up to MAX_DAY_CASH_SATANG (฿100 million) either way
    float_satang: Mapped[int] = mapped_column(BigInteger, default=0)
    expected_cash_satang: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counted_cash_satang: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    difference_satang: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    counts_json: Mapped[str] = mapped_column(Text, default="")
    by_method_json: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (Index("ix_till_day_fair_date", "fair_id", "business_date", "vendor_id"),)


class Sale(FairBase):
    """An imported sale (receipt)."""

    __tablename__ = "sale"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    business_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    cashier: Mapped[str] = mapped_column(String(64), default="")
    subtotal_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    paid_satang: Mapped[int] = mapped_column(Integer)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    item_count: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"))
    __table_args__ = (
        UniqueConstraint("till_id", "seq"),
        Index("ix_sale_fair_date_vendor", "fair_id", "business_date", "vendor_id"),
        CheckConstraint("total_satang >= 0", name="total"),
    )


class SaleLine(FairBase):
    """One line of an imported sale, as sold; ``net_satang`` includes its share of the sale discount."""

    __tablename__ = "sale_line"
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    business_date: Mapped[date] = mapped_column(Date)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
    list_price_satang: Mapped[int] = mapped_column(Integer)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_share_satang: Mapped[int] = mapped_column(Integer, default=0)
    net_satang: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_sale_line_fair_date", "fair_id", "business_date"),)


class Payment(FairBase):
    """A payment of an imported sale (``amount_satang`` is what it settled; ``state_satang`` the part of it the
    state pays, of a co-payment or state-card payment)."""

    __tablename__ = "payment"
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), primary_key=True)
    pay_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    business_date: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    tendered_satang: Mapped[int | None] = mapped_column(Integer, nullable=True)
    change_satang: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    state_satang: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    __table_args__ = (
        Index("ix_payment_fair_date", "fair_id", "business_date"),
        CheckConstraint(METHOD_CHECK, name="method"),
        CheckConstraint("state_satang BETWEEN 0 AND amount_satang", name="state"),
    )


class Void(FairBase):
    """An imported void of a whole sale."""

    __tablename__ = "void"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), unique=True)
    business_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(300), default="")
    by: Mapped[str] = mapped_column(String(64), default="")
    amount_satang: Mapped[int] = mapped_column(Integer)
    cash_returned_satang: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"))
    __table_args__ = (
        UniqueConstraint("till_id", "seq"),
        Index("ix_void_fair_date", "fair_id", "business_date"),
    )


class Refund(FairBase):
    """An imported refund of some or all lines of a sale."""

    __tablename__ = "refund"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    business_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(300), default="")
    by: Mapped[str] = mapped_column(String(64), default="")
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"))
    __table_args__ = (
        UniqueConstraint("till_id", "seq"),
        Index("ix_refund_fair_date", "fair_id", "business_date"),
        CheckConstraint(METHOD_CHECK, name="method"),
    )


class RefundLine(FairBase):
    """How much of one sale line (by its ``line_no``) a refund gives back."""

    __tablename__ = "refund_line"
    refund_id: Mapped[int] = mapped_column(ForeignKey("refund.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), index=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    business_date: Mapped[date] = mapped_column(Date)
    qty: Mapped[int] = mapped_column(Integer)
    amount_satang: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("qty > 0", name="qty"),)


class SaleTotal(FairBase):
    """One vendor's documents of one business date and Bangkok hour of day: the sales made then, the voids
    made then (with the items of the voided sales) and the refunds made then (with the items given back).
    Kept by the import in the transaction that inserts the documents (``otop_pos.fair.totals``)."""

    __tablename__ = "sale_total"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"), primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True)
    sales: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", count="sale"))
    total_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", sums="sale.total_satang"))
    items: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", sums="sale.item_count"))
    voids: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", count="void"))
    void_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", sums="void.amount_satang"))
    void_items: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", sums="sale_line.qty"))
    refunds: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", count="refund"))
    refund_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", sums="refund.amount_satang"))
    refund_items: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", sums="refund_line.qty"))
    __table_args__ = {"sqlite_with_rowid": False}


class PaymentTotal(FairBase):
    """One vendor's payments by one method on one business date: of the sales made, of the sales voided and
    of the refunds paid out that day (kept like ``SaleTotal``)."""

    __tablename__ = "payment_total"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"), primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"), primary_key=True)
    method: Mapped[str] = mapped_column(String(16), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    payments: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", count="payment"))
    amount_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", sums="payment.amount_satang"))
    voids: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", count="payment"))
    void_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", sums="payment.amount_satang"))
    refunds: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", count="refund"))
    refund_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", sums="refund.amount_satang"))
    #: the state's share of the payments of the sales made and of the sales voided (schemes only; else 0)
    state_satang: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0",
                                              info=adds("sale", sums="payment.state_satang"))
    void_state_satang: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0",
                                                   info=adds("void", sums="payment.state_satang"))
    __table_args__ = {"sqlite_with_rowid": False}


class ProductTotal(FairBase):
    """One vendor's product (SKU) on one business date: the lines sold, the lines of sales voided and what
    was given back that day, with a name and product type it was sold under (kept like ``SaleTotal``)."""

    __tablename__ = "product_total"
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"), primary_key=True)
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"), primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    lines: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", count="sale_line"))
    qty: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", sums="sale_line.qty"))
    net_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("sale", sums="sale_line.net_satang"))
    void_lines: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", count="sale_line"))
    void_qty: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", sums="sale_line.qty"))
    void_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("void", sums="sale_line.net_satang"))
    refund_qty: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", sums="refund_line.qty"))
    refund_satang: Mapped[int] = mapped_column(BigInteger, default=0, info=adds("refund", sums="refund_line.amount_satang"))
    name: Mapped[str] = mapped_column(String(300), info=kept("sale_line.name"))
    product_type: Mapped[str] = mapped_column(String(64), info=kept("sale_line.product_type"))
    __table_args__ = {"sqlite_with_rowid": False}


class CustomerOrder(FairBase):
    """An order a booth took (f0008), without the customer (that stays at the booth): when and on which fair day
    it was taken (``taken_at``, ``taken_on``), when it is to be delivered, its value. Its deliveries and cancels
    are ``order_event`` rows; a delivery's sale is an imported sale like any other."""

    __tablename__ = "customer_order"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"))
    number: Mapped[str] = mapped_column(String(32))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    taken_on: Mapped[date] = mapped_column(Date)
    deliver_on: Mapped[date] = mapped_column(Date)
    cashier: Mapped[str] = mapped_column(String(64), default="")
    subtotal_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    item_count: Mapped[int] = mapped_column(Integer)
    __table_args__ = (Index("ix_customer_order_fair_vendor", "fair_id", "vendor_id"),
                      CheckConstraint("total_satang >= 0", name="total"))


class OrderLine(FairBase):
    """One line of an imported order, as a sale's line."""

    __tablename__ = "order_line"
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300))
    product_type: Mapped[str] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer)
    list_price_satang: Mapped[int] = mapped_column(Integer)
    unit_price_satang: Mapped[int] = mapped_column(Integer)
    discount_satang: Mapped[int] = mapped_column(Integer, default=0)
    total_satang: Mapped[int] = mapped_column(Integer)
    sale_discount_share_satang: Mapped[int] = mapped_column(Integer, default=0)
    net_satang: Mapped[int] = mapped_column(Integer)


class OrderEvent(FairBase):
    """An order taken, delivered (``sale_uuid``: the sale it became) or cancelled, on the fair day
    ``business_date`` (a day after the fair's last is "after the fair"); a link of its till's order chain."""

    __tablename__ = "order_event"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"), index=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    till_id: Mapped[int] = mapped_column(ForeignKey("till.id"))
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    business_date: Mapped[date] = mapped_column(Date)
    sale_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("order_id", "kind"),
                      Index("ix_order_event_fair_date", "fair_id", "business_date"),
                      CheckConstraint("kind IN ('take','deliver','cancel')", name="kind"))


class OrderMoney(FairBase):
    """A deposit taken with an order (``kind`` deposit, at its take) or given back at its cancel (refund)."""

    __tablename__ = "order_money"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("order_event.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("customer_order.id"))
    fair_id: Mapped[int] = mapped_column(ForeignKey("fair.id"))
    vendor_id: Mapped[int] = mapped_column(ForeignKey("vendor.id"))
    kind: Mapped[str] = mapped_column(String(8))
    business_date: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(16))
    amount_satang: Mapped[int] = mapped_column(Integer)
    state_satang: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (CheckConstraint("kind IN ('deposit','refund')", name="kind"),
                      CheckConstraint("amount_satang > 0", name="amount"))


#: Tables holding imported data, in the order they are written (parents first); then the totals kept with them.
DATA_TABLES = ("till", "till_branch", "till_day", "sale", "sale_line", "payment", "void", "refund", "refund_line",
               "customer_order", "order_line", "order_event", "order_money")
TOTAL_TABLES = ("sale_total", "payment_total", "product_total")

# The report reads the totals tables above; of the covering indexes of migration f0002 only the one on
# refund_line stays (migration f0003 dropped the others with the totals' arrival).
_T = FairBase.metadata.tables
Index("ix_refund_line_fair_date", _T["refund_line"].c.fair_id, _T["refund_line"].c.business_date,
      _T["refund_line"].c.vendor_id)

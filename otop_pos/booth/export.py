"""The booth's end-of-day export: every document of this till, signed with the booth key, written atomically."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import case, insert, select, text, update
from sqlalchemy.orm import Session

from otop_pos.booth.store import identity
from otop_pos.core.chain import GENESIS
from otop_pos.core.clock import Clock
from otop_pos.core.errors import SetupError, StoreError
from otop_pos.core.outfiles import make_folder
from otop_pos.core.thaidate import to_bangkok
from otop_pos.exchange.export_format import (
    EXPORT_SUFFIX, ExportData, ExportDay, ExportLine, ExportPayment, ExportRefund, ExportRefundLine, ExportSale,
    ExportVoid, write_export,
)
from otop_pos.exchange.export_model import ExportOrder, ExportOrderEvent, ExportOrderLine, ExportOrderMoney
from otop_pos.store.booth_models import (
    AuditEvent, CustomerOrder, NumberSeries, OrderDeposit, OrderEvent, OrderLine, Payment, Refund, RefundLine, Sale,
    SaleLine, TillDay, Void,
)
from otop_pos.store.engine import SqliteStore

__all__ = ["build_export", "export_booth", "EXPORT_SERIES", "export_file_name", "chain_head"]

EXPORT_SERIES = "export"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _t(row: Any) -> tuple[Any, ...]:
    return tuple(row)


def _rows(s: Session) -> dict[str, tuple[object, ...]]:
    sales = tuple(ExportSale(*_t(r)) for r in s.execute(
        select(Sale.uuid, Sale.number, Sale.seq, Sale.created_at, TillDay.business_date, Sale.cashier,
               Sale.subtotal_satang, Sale.sale_discount_satang, Sale.total_satang, Sale.paid_satang,
               Sale.change_satang, Sale.item_count, Sale.prev_hash, Sale.hash)
        .join(TillDay, TillDay.id == Sale.till_day_id).order_by(Sale.seq)))
    lines = tuple(ExportLine(*_t(r)) for r in s.execute(
        select(Sale.uuid, SaleLine.line_no, SaleLine.sku, SaleLine.name, SaleLine.product_type, SaleLine.qty,
               SaleLine.list_price_satang, SaleLine.unit_price_satang, SaleLine.discount_satang,
               SaleLine.total_satang, SaleLine.sale_discount_share_satang, SaleLine.net_satang)
        .join(Sale, Sale.id == SaleLine.sale_id).order_by(Sale.seq, SaleLine.line_no)))
    payments = tuple(ExportPayment(*_t(r)) for r in s.execute(
        select(Sale.uuid, Payment.method, Payment.amount_satang, Payment.tendered_satang, Payment.change_satang,
               Payment.reference, Payment.state_satang)
        .join(Sale, Sale.id == Payment.sale_id).order_by(Sale.seq, Payment.id)))
    voids = tuple(ExportVoid(*_t(r)) for r in s.execute(
        select(Void.uuid, Void.number, Void.seq, Sale.uuid, Void.created_at, TillDay.business_date, Void.reason,
               Void.by, Void.amount_satang, Void.cash_returned_satang, Void.prev_hash, Void.hash)
        .join(Sale, Sale.id == Void.sale_id).join(TillDay, TillDay.id == Void.till_day_id).order_by(Void.seq)))
    refunds = tuple(ExportRefund(*_t(r)) for r in s.execute(
        select(Refund.uuid, Refund.number, Refund.seq, Sale.uuid, Refund.created_at, TillDay.business_date,
               Refund.reason, Refund.by, Refund.method, Refund.amount_satang, Refund.reference, Refund.prev_hash,
               Refund.hash)
        .join(Sale, Sale.id == Refund.sale_id).join(TillDay, TillDay.id == Refund.till_day_id)
        .order_by(Refund.seq)))
    refund_lines = tuple(ExportRefundLine(*_t(r)) for r in s.execute(
        select(Refund.uuid, Sale.uuid, SaleLine.line_no, RefundLine.qty, RefundLine.amount_satang)
        .join(Refund, Refund.id == RefundLine.refund_id).join(SaleLine, SaleLine.id == RefundLine.sale_line_id)
        .join(Sale, Sale.id == SaleLine.sale_id).order_by(Refund.seq, RefundLine.id)))
    days = []
    for d in s.scalars(select(TillDay).order_by(TillDay.id)):
        totals = json.loads(d.totals_json) if d.totals_json else {}
        counts = json.loads(d.counts_json) if d.counts_json else {}
        days.append(ExportDay(d.uuid, d.business_date, d.opened_at, d.closed_at, d.float_satang,
                              d.expected_cash_satang, d.counted_cash_satang, d.difference_satang,
                              {int(k): int(v) for k, v in counts.items()},
                              {str(k): int(v) for k, v in totals.get("by_method", {}).items()}))
    return {"sales": sales, "lines": lines, "payments": payments, "voids": voids, "refunds": refunds,
            "refund_lines": refund_lines, "days": tuple(days), **_orders(s)}


def _orders(s: Session) -> dict[str, tuple[object, ...]]:
    """The till's orders without the customers' names, phones and notes (they stay at the booth)."""
    orders = tuple(ExportOrder(*_t(r)) for r in s.execute(
        select(CustomerOrder.uuid, CustomerOrder.number, CustomerOrder.deliver_on, CustomerOrder.cashier,
               CustomerOrder.subtotal_satang, CustomerOrder.sale_discount_satang, CustomerOrder.total_satang,
               CustomerOrder.item_count).order_by(CustomerOrder.seq)))
    lines = tuple(ExportOrderLine(*_t(r)) for r in s.execute(
        select(CustomerOrder.uuid, OrderLine.line_no, OrderLine.sku, OrderLine.name, OrderLine.product_type,
               OrderLine.qty, OrderLine.list_price_satang, OrderLine.unit_price_satang, OrderLine.discount_satang,
               OrderLine.total_satang, OrderLine.sale_discount_share_satang, OrderLine.net_satang)
        .join(CustomerOrder, CustomerOrder.id == OrderLine.order_id).order_by(CustomerOrder.seq, OrderLine.line_no)))
    event_kind = {"deposit": "take", "refund": "cancel"}
    money = tuple(ExportOrderMoney(*_t(r)) for r in s.execute(
        select(OrderEvent.uuid, OrderDeposit.method, OrderDeposit.amount_satang, OrderDeposit.state_satang,
               OrderDeposit.reference)
        .join(OrderEvent, (OrderEvent.order_id == OrderDeposit.order_id)
              & (OrderEvent.kind == case(event_kind, value=OrderDeposit.kind)))
        .order_by(OrderEvent.seq, OrderDeposit.id)))
    events = tuple(ExportOrderEvent(*_t(r)) for r in s.execute(
        select(OrderEvent.uuid, OrderEvent.seq, CustomerOrder.uuid, OrderEvent.kind, OrderEvent.created_at,
               OrderEvent.business_date, case((OrderEvent.kind == "deliver", Sale.uuid)), OrderEvent.prev_hash,
               OrderEvent.hash)
        .join(CustomerOrder, CustomerOrder.id == OrderEvent.order_id)
        .outerjoin(Sale, Sale.id == CustomerOrder.sale_id).order_by(OrderEvent.seq)))
    return {"orders": orders, "order_lines": lines, "order_money": money, "order_events": events}


def build_export(store: SqliteStore) -> ExportData:
    """Everything this till recorded (sales, lines, payments, voids, refunds, days) in ``seq`` order, read in
    one read-only transaction; times are aware (UTC)."""
    with store.read() as s:
        ident = identity(s)
        rows = _rows(s)
        return ExportData(booth_code=ident.booth_code, till_no=ident.till_no, till_uuid=ident.till_uuid,
                          vendor_code=ident.vendor_code, fair_id=ident.fair_id, key_id=ident.key_id,
                          **rows)  # type: ignore[arg-type]


def _bump(s: Session) -> int:
    row = s.execute(update(NumberSeries).where(NumberSeries.name == EXPORT_SERIES)
                    .values(last=NumberSeries.last + 1).returning(NumberSeries.last)).one_or_none()
    if row is not None:
        return int(row[0])
    s.execute(text("INSERT INTO number_series (name, last, last_hash) VALUES (:n, 1, :h)"),
              {"n": EXPORT_SERIES, "h": ""})
    return 1


def export_file_name(fair_id: str, booth_code: str, till_no: int, when_local: str, seq: int, head: str = "") -> str:
    """``<fair>-<booth>-<till>-<YYYYMMDD-HHMMSS>-<head>-<seq>.otopx`` with unsafe characters replaced by ``_``;
    ``head``: the first 8 hex digits of the chain head's hash (left out when empty)."""
    def safe(part: str) -> str:
        return _UNSAFE.sub("_", part).strip("._") or "x"

    mid = f"-{safe(head[:8])}" if head else ""
    return f"{safe(fair_id or 'fair')}-{safe(booth_code)}-{till_no}-{when_local}{mid}-{seq}{EXPORT_SUFFIX}"


def chain_head(data: ExportData) -> str:
    """The hash of the till's newest document (GENESIS before the first): two laptops that share a copied
    till's identity, number series and clock second still write different file names once their sales part."""
    docs = [d for rows in (data.sales, data.voids, data.refunds) for d in rows[-1:]]
    return max(docs, key=lambda d: d.seq).hash if docs else GENESIS


def export_booth(store: SqliteStore, clock: Clock, out_dir: Path) -> Path:
    """Write ``<fair>-<booth>-<till>-<YYYYMMDD-HHMMSS>-<head>-<seq>.otopx`` into ``out_dir`` and return its path.

    The export sequence (NumberSeries "export") is bumped in its own write transaction first (a failed write
    leaves a gap, never a repeat); SetupError when the booth has no signing key (set it up from a booth
    package first); OutputError when the folder cannot be made, StoreError when the file cannot be written.
    The previous exports stay untouched.
    """
    with store.read() as s:
        ident = identity(s)
        if not ident.signing_key:
            raise SetupError("บูธนี้ยังไม่มีกุญแจลงนาม ตั้งค่าจากแพ็กเกจบูธของผู้จัดงานก่อน (booth setup --package)",
                             "This booth has no signing key: set it up from a booth package first "
                             "(booth setup --package).")
        key = ident.signing_key
    with store.write() as s:
        seq = _bump(s)
    data = build_export(store)
    now = clock.now()
    name = export_file_name(data.fair_id, data.booth_code, data.till_no, f"{to_bangkok(now):%Y%m%d-%H%M%S}", seq,
                            chain_head(data))
    out_dir = make_folder(out_dir)   # a folder that cannot be made: an OutputError that names it
    try:
        path = write_export(out_dir / name, data, key, seq, now)
    except OSError as exc:
        raise StoreError(f"เขียนไฟล์ส่งยอดขายลง {out_dir} ไม่ได้: {exc.strerror or exc}",
                         f"Cannot write the export into {out_dir}: {exc.strerror or exc}.") from exc
    with store.write() as s:
        s.execute(insert(AuditEvent).values(at=now, action="export", actor="", ref_uuid="",
                                            detail_json=json.dumps({"seq": seq, "file": name,
                                                                    "sales": len(data.sales)})))
    return path

"""Voids (whole sale, same day) and refunds (some or all lines, any later day): new records, never edits."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.orm import Session

from otop_pos.booth.drawer import check_cash_change
from otop_pos.booth.journal import iso, link, next_document, no_day_error, open_day_or_refuse
from otop_pos.booth.pin import Approval, ensure_approval
from otop_pos.core.chain import refund_doc, void_doc
from otop_pos.core.clock import Clock
from otop_pos.core.documents import PAYMENT_METHODS, PaymentMethod
from otop_pos.core.errors import InputError, OtopError, SaleError
from otop_pos.core.ids import new_uuid
from otop_pos.core.limits import check_amount, check_lines, check_qty
from otop_pos.store.booth_models import (CustomerOrder, Payment, PrintJob, Product, Refund, RefundLine, Sale, SaleLine, TillDay,
                                        Void)
from otop_pos.store.engine import SqliteStore, inserted_id


@dataclass(frozen=True)
class RefundLineIn:
    """Refund ``qty`` of the sale's line number ``line_no`` (1-based)."""

    line_no: int
    qty: int


@dataclass(frozen=True)
class AdjustmentResult:
    """A committed void or refund."""

    kind: str
    uuid: str
    number: str
    sale_number: str
    created_at: datetime
    amount_satang: int
    print_job_id: int | None


def find_sale(s: Session, ref: str) -> Sale:
    """A sale by UUID or receipt number; SaleError if there is none."""
    sale = s.scalar(select(Sale).where(or_(Sale.uuid == ref.strip(), Sale.number == ref.strip())))
    if sale is None:
        raise SaleError(f"ไม่พบใบเสร็จ {ref}", f"No sale {ref!r} was found.")
    return sale


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise InputError("กรุณาระบุเหตุผล", "Please give a reason.")
    return reason[:300]


def refunded_so_far(s: Session, sale_id: int) -> dict[int, tuple[int, int]]:
    """{sale_line_id: (qty refunded, satang refunded)} for one sale."""
    rows = s.execute(select(RefundLine.sale_line_id, func.sum(RefundLine.qty), func.sum(RefundLine.amount_satang))
                     .join(Refund).where(Refund.sale_id == sale_id).group_by(RefundLine.sale_line_id)).all()
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}


def void_refusal(s: Session, sale: Sale) -> OtopError | None:
    """Why ``sale`` cannot be voided now (the error ``void_sale`` raises), or None when it can: the history
    screen shows the same reason beside its greyed button."""
    if s.scalar(select(Void.id).where(Void.sale_id == sale.id)) is not None:
        return SaleError(f"บิล {sale.number} ถูกยกเลิกไปแล้ว", f"Sale {sale.number} is already void.")
    day_id = s.scalar(select(TillDay.id).where(TillDay.closed_at.is_(None)))
    if day_id is None:
        return no_day_error()
    if sale.till_day_id != day_id:
        return SaleError("ยกเลิกได้เฉพาะบิลของวันนี้ บิลวันก่อนให้ใช้การคืนเงิน",
                         "Only today's sales can be voided; use a refund for an earlier day.")
    order = s.scalar(select(CustomerOrder.number).where(CustomerOrder.sale_id == sale.id))
    if order is not None:  # its deposits were money of earlier days: give money back by a refund
        return SaleError(f"บิล {sale.number} เป็นการส่งมอบใบสั่งจอง {order} ยกเลิกไม่ได้ ให้ใช้การคืนเงิน",
                         f"Sale {sale.number} delivered order {order}; it cannot be voided: use a refund.")
    if s.scalar(select(Refund.id).where(Refund.sale_id == sale.id).limit(1)) is not None:
        return SaleError(f"บิล {sale.number} มีการคืนเงินแล้ว ยกเลิกทั้งบิลไม่ได้",
                         f"Sale {sale.number} has refunds; refund the rest instead of voiding.")
    return None


def refund_refusal(s: Session, sale: Sale) -> OtopError | None:
    """Why nothing of ``sale`` can be refunded now (the error ``refund_sale`` raises), or None when it can."""
    if s.scalar(select(Void.id).where(Void.sale_id == sale.id)) is not None:
        return SaleError(f"บิล {sale.number} ถูกยกเลิกแล้ว คืนเงินไม่ได้", f"Sale {sale.number} is void.")
    if s.scalar(select(TillDay.id).where(TillDay.closed_at.is_(None))) is None:
        return no_day_error()
    done = refunded_so_far(s, sale.id)
    if all(done.get(ln.id, (0, 0))[0] >= ln.qty for ln in sale.lines):
        return SaleError(f"บิล {sale.number} คืนเงินครบแล้ว", f"Sale {sale.number} is fully refunded.")
    return None


def refund_document_refusal(number: str, sale_number: str) -> OtopError:
    """A refund document itself is neither voided nor refunded: the sale it refunds is."""
    return SaleError(f"{number} เป็นใบคืนเงิน ยกเลิกหรือคืนเงินซ้ำไม่ได้ คืนเพิ่มได้ที่บิล {sale_number}",
                     f"{number} is a refund; it cannot be voided or refunded. Refund more on sale {sale_number}.")


def restock(s: Session, product_id: int | None, qty: int) -> None:
    """Add ``qty`` (negative: take away) to a product's stock when it is tracked."""
    if product_id is not None:
        s.execute(update(Product).where(Product.id == product_id, Product.stock.is_not(None))
                  .values(stock=Product.stock + qty))


def void_sale(store: SqliteStore, clock: Clock, ref: str, reason: str, pin: str | Approval, *, by: str = "",
              print_receipt: bool = True) -> AdjustmentResult:
    """Void a whole sale of the open day (the manager's PIN or approval); the original stays, a void record
    points at it."""
    reason = _reason(reason)
    with store.read() as s:
        sale = find_sale(s, ref)  # clear "not found" before asking for the PIN
    ensure_approval(store, clock, pin, action="void")
    with store.write() as s:
        day = open_day_or_refuse(s)
        sale = find_sale(s, ref)
        refusal = void_refusal(s, sale)
        if refusal is not None:
            raise refusal
        cash = s.scalar(select(func.coalesce(func.sum(Payment.amount_satang), 0))
                        .where(Payment.sale_id == sale.id, Payment.method == "cash")) or 0
        check_cash_change(s, day.id, -int(cash))
        for pid, qty in s.execute(select(SaleLine.product_id, SaleLine.qty).where(SaleLine.sale_id == sale.id)):
            restock(s, pid, qty)
        now = clock.now()
        seq, number, prev = next_document(s)
        vid = new_uuid()
        digest = link(s, seq, prev, void_doc(uuid=vid, seq=seq, number=number, at=iso(now), sale=sale.uuid,
                                        amount=sale.total_satang, reason=reason))
        s.execute(insert(Void).values(uuid=vid, seq=seq, number=number, sale_id=sale.id, till_day_id=day.id,
                                      created_at=now, reason=reason, by=by, amount_satang=sale.total_satang,
                                      cash_returned_satang=int(cash), prev_hash=prev, hash=digest))
        job = _job(s, now, "void", vid) if print_receipt else None
        return AdjustmentResult("void", vid, number, sale.number, now, sale.total_satang, job)


def _job(s: Session, now: datetime, kind: str, ref_uuid: str) -> int:
    return inserted_id(s.execute(insert(PrintJob).values(created_at=now, kind=kind, ref_uuid=ref_uuid, copy=False,
                                                         status="pending", attempts=0)))


def refund_sale(store: SqliteStore, clock: Clock, ref: str, reason: str, pin: str | Approval, *,
                lines: list[RefundLineIn] | None = None, method: PaymentMethod = "cash", reference: str = "",
                by: str = "", print_receipt: bool = True) -> AdjustmentResult:
    """Refund chosen lines (default: everything not yet refunded) of a sale, restocking tracked products
    (the manager's PIN or approval)."""
    reason = _reason(reason)
    if method not in PAYMENT_METHODS:
        raise InputError("วิธีคืนเงินไม่ถูกต้อง", f"Unknown refund method {method!r}.")
    if lines is not None:
        check_lines(len(lines))
        for req in lines:
            check_qty(req.qty)
    with store.read() as s:
        find_sale(s, ref)
    ensure_approval(store, clock, pin, action="refund")
    with store.write() as s:
        day = open_day_or_refuse(s)
        sale = find_sale(s, ref)
        refusal = refund_refusal(s, sale)
        if refusal is not None:
            raise refusal
        done = refunded_so_far(s, sale.id)
        sale_lines = {ln.line_no: ln for ln in s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id))}
        wanted = lines if lines is not None else [
            RefundLineIn(no, ln.qty - done.get(ln.id, (0, 0))[0]) for no, ln in sale_lines.items()
            if ln.qty - done.get(ln.id, (0, 0))[0] > 0]
        if not wanted:
            raise SaleError(f"บิล {sale.number} คืนเงินครบแล้ว", f"Sale {sale.number} is fully refunded.")
        picked: list[tuple[SaleLine, int, int]] = []
        seen: set[int] = set()
        for req in wanted:
            ln = sale_lines.get(req.line_no)
            if ln is None or req.line_no in seen:
                raise InputError(f"ไม่มีรายการที่ {req.line_no} ในบิลนี้", f"Line {req.line_no} is not on this sale.")
            seen.add(req.line_no)
            qty_done, amt_done = done.get(ln.id, (0, 0))
            left = ln.qty - qty_done
            if req.qty < 1 or req.qty > left:
                raise InputError(f"{ln.name}: คืนได้ไม่เกิน {left} ชิ้น", f"{ln.name}: at most {left} can be refunded.")
            if req.qty == left:
                amount = ln.net_satang - amt_done
            else:
                amount = min(ln.net_satang - amt_done, (ln.net_satang * req.qty * 2 + ln.qty) // (2 * ln.qty))
            picked.append((ln, req.qty, amount))
        total = sum(a for _, _, a in picked)
        if total <= 0:
            raise SaleError("ยอดคืนเงินเป็นศูนย์", "There is nothing to refund on these lines.")
        check_amount(total, "ยอดคืนเงิน", "refund")
        if method == "cash":
            check_cash_change(s, day.id, -total)
        now = clock.now()
        seq, number, prev = next_document(s)
        rid = new_uuid()
        digest = link(s, seq, prev, refund_doc(uuid=rid, seq=seq, number=number, at=iso(now), sale=sale.uuid,
                                          amount=total, method=method, reason=reason,
                                          lines=[(ln.line_no, q, a) for ln, q, a in picked]))
        refund_id = inserted_id(s.execute(insert(Refund).values(
            uuid=rid, seq=seq, number=number, sale_id=sale.id, till_day_id=day.id, created_at=now, reason=reason,
            by=by, method=method, amount_satang=total, reference=reference.strip()[:64], prev_hash=prev,
            hash=digest)))
        s.execute(insert(RefundLine), [dict(refund_id=refund_id, sale_line_id=ln.id, qty=q, amount_satang=a)
                                       for ln, q, a in picked])
        for ln, q, _ in picked:
            restock(s, ln.product_id, q)
        job = _job(s, now, "refund", rid) if print_receipt else None
        return AdjustmentResult("refund", rid, number, sale.number, now, total, job)

"""Checkout: one atomic, durable transaction — sale, lines, payments and its receipt print job, or nothing."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, delete, select, update

from otop_pos.booth.cart import Cart
from otop_pos.booth.drawer import check_cash_change
from otop_pos.booth.journal import day_and_next_document, iso, link
from otop_pos.booth.payments import PaymentIn, change_of, check_part, settle
from otop_pos.booth.pin import Approval
from otop_pos.booth.settings import get_settings
from otop_pos.booth.store import identity
from otop_pos.core.chain import chain_payment, sale_doc
from otop_pos.core.methods import MethodSpec, method_kind
from otop_pos.core.clock import Clock
from otop_pos.core.errors import ApprovalNeeded, SaleError, SoldOutError
from otop_pos.core.limits import check_amount, check_lines, check_qty
from otop_pos.core.ids import new_uuid
from otop_pos.store.booth_models import BoothBase, Product
from otop_pos.store.engine import Prepared, SqliteStore

# Statements compiled once from the tables and run on the driver's cursor (the checkout is the hot path).
_TABLES = BoothBase.metadata.tables
_DECREMENT = Prepared(update(_TABLES["product"]).where(_TABLES["product"].c.id == bindparam("pid"))
                      .values(stock=_TABLES["product"].c.stock - bindparam("qty")))
_SALE = Prepared(_TABLES["sale"])
_LINE = Prepared(_TABLES["sale_line"])
_PAYMENT = Prepared(_TABLES["payment"])
_JOB = Prepared(_TABLES["print_job"])
_AUDIT = Prepared(_TABLES["audit_event"])
_BILL_DONE = Prepared(delete(_TABLES["held_bill"]).where(_TABLES["held_bill"].c.uuid == bindparam("uuid")))
_METHODS = Prepared(select(_TABLES["booth_method"].c.code, _TABLES["booth_method"].c.kind))
_OVERSELL = json.dumps({"prices": [], "oversell": True})


#: The stored columns of a bill's line, the same for a sale line and an order line (an order's become its sale's).
LINE_COLUMNS = ("line_no", "product_id", "sku", "name", "product_type", "qty", "list_price_satang",
                "unit_price_satang", "discount_kind", "discount_value", "discount_satang", "total_satang",
                "sale_discount_share_satang", "net_satang")


def line_values(cart: Cart, shares: Sequence[int]) -> list[dict[str, Any]]:
    """The ``LINE_COLUMNS`` of each cart line, numbered from 1; ``shares``: each line's share of the bill
    discount."""
    return [dict(line_no=i + 1, product_id=ln.product_id, sku=ln.sku, name=ln.name, product_type=ln.product_type,
                 qty=ln.qty, list_price_satang=ln.list_price, unit_price_satang=ln.unit_price_satang,
                 discount_kind=ln.discount.kind if ln.discount else "",
                 discount_value=ln.discount.value if ln.discount else 0, discount_satang=ln.discount_satang,
                 total_satang=ln.total_satang, sale_discount_share_satang=sh, net_satang=ln.total_satang - sh)
            for i, (ln, sh) in enumerate(zip(cart.lines, shares))]


@lru_cache(maxsize=32)
def _stock(n: int) -> Prepared:
    """Stock and flags of ``n`` products (one statement per cart size, compiled once)."""
    return Prepared(select(Product.id, Product.name, Product.stock, Product.sold_out, Product.sku)
                    .where(Product.id.in_([bindparam(f"p{i}") for i in range(n)])))


def check_bounds(cart: Cart, payments: list[PaymentIn] | tuple[PaymentIn, ...]) -> None:
    """InputError unless every amount and count of the sale lies within ``core.limits`` (what the organiser's
    import takes): lines, quantities, prices, discounts, line and sale totals, each payment and the cash."""
    check_lines(len(cart.lines))
    for ln in cart.lines:
        check_qty(ln.qty)
        check_amount(ln.unit_price_satang, f"ราคาของ {ln.name}", f"unit price of {ln.name}")
        if ln.discount is not None:  # the amount typed, or what a percentage takes off (of a large line: much)
            check_amount(ln.discount.value if ln.discount.kind == "amount" else ln.discount_satang,
                         f"ส่วนลดของ {ln.name}", f"discount on {ln.name}")
        check_amount(ln.total_satang, f"ยอดรายการ {ln.name}", f"line total of {ln.name}")
    if cart.discount is not None and cart.discount.kind == "amount":
        check_amount(cart.discount.value, "ส่วนลดท้ายบิล", "sale discount")
    check_amount(cart.total_satang, "ยอดขาย", "sale total")
    check_amount(cart.subtotal_satang, "ยอดรวมก่อนส่วนลด", "subtotal")
    for p in payments:
        if p.method == "cash":
            tendered = p.tendered_satang if p.tendered_satang is not None else p.amount_satang
            check_amount(tendered, "เงินสดที่รับ", "cash received")
        else:
            check_amount(p.amount_satang, "ยอดชำระ", f"{p.method} payment")


_REASONS = {  # what needs the manager's approval: Thai, English ({p}: the limit from the settings)
    "line_discount": ("ส่วนลดรายการเกิน {p}% ของรายการ", "a line discount above {p} % of its line"),
    "bill_discount": ("ส่วนลดท้ายบิลเกิน {p}% ของยอดบิล", "a bill discount above {p} % of the bill"),
    "price": ("การเปลี่ยนราคาสินค้า", "a changed price"),
    "zero_sale": ("การขายยอด 0 บาท", "a sale of 0 baht"),
}


def may_need_approval(cart: Cart) -> bool:
    """False for the everyday cart (no discount, no changed price, something to pay): nothing to check."""
    return (cart.discount is not None or cart.total_satang == 0
            or any(ln.discount is not None or ln.list_price_satang is not None for ln in cart.lines))


def approval_reasons(cart: Cart, limit_percent: int) -> tuple[str, ...]:
    """What in ``cart`` needs the manager's approval: a line discount above ``limit_percent`` of its line,
    a bill discount above it of the bill (after line discounts), a changed price, a ฿0 sale."""
    reasons: list[str] = []
    if any(ln.discount is not None and ln.discount_satang * 100 > limit_percent * ln.gross_satang
           for ln in cart.lines):
        reasons.append("line_discount")
    if cart.discount is not None and cart.sale_discount_satang * 100 > limit_percent * cart.subtotal_satang:
        reasons.append("bill_discount")
    if any(ln.overridden for ln in cart.lines):
        reasons.append("price")
    if cart.lines and cart.total_satang == 0:
        reasons.append("zero_sale")
    return tuple(reasons)


def approval_needed(reasons: tuple[str, ...], limit_percent: int) -> ApprovalNeeded:
    """The error naming what needs the manager's approval."""
    th = [_REASONS[r][0].format(p=limit_percent) for r in reasons]
    en = [_REASONS[r][1].format(p=limit_percent) for r in reasons]
    return ApprovalNeeded("ต้องใช้รหัสเจ้าของร้านสำหรับ" + " และ".join(th),
                          "The manager's PIN is needed for " + " and ".join(en) + ".", reasons)


def check_approval(store: SqliteStore, cart: Cart, approval: Approval | None,
                   limit_percent: int | None = None) -> tuple[str, ...]:
    """What needs approval in ``cart`` (reading the limit from the settings unless given); ApprovalNeeded
    when something does and no ``approval`` is given."""
    if not may_need_approval(cart):
        return ()
    limit = get_settings(store).discount_limit_percent if limit_percent is None else limit_percent
    reasons = approval_reasons(cart, limit)
    if reasons and not isinstance(approval, Approval):
        raise approval_needed(reasons, limit)
    return reasons


@dataclass(frozen=True)
class SaleResult:
    """What the vendor sees after a committed sale."""

    uuid: str
    number: str
    created_at: datetime
    total_satang: int
    paid_satang: int
    change_satang: int
    item_count: int
    print_job_id: int | None


def checkout(
    store: SqliteStore,
    clock: Clock,
    cart: Cart,
    payments: list[PaymentIn] | tuple[PaymentIn, ...],
    *,
    cashier: str = "",
    allow_oversell: bool = False,
    print_receipt: bool = True,
    bill_uuid: str | None = None,
    approval: Approval | None = None,
    discount_limit_percent: int | None = None,
) -> SaleResult:
    """Commit ``cart`` paid by ``payments``. Raises an OtopError and writes nothing when anything is off.

    A product short of stock is refused unless ``allow_oversell`` (then an audit event records it).
    ``bill_uuid`` is the open or held bill being sold: it is removed in the same transaction. A discount
    above the limit (``discount_limit_percent``, default: from the settings), a changed price or a ฿0 sale is
    refused (ApprovalNeeded) without the manager's ``approval`` (default: the cart's).
    """
    if cart.is_empty:
        raise SaleError("ตะกร้าว่าง ยังไม่มีสินค้า", "The cart is empty.")
    check_bounds(cart, payments)
    cart.check_discounts()
    approved = check_approval(store, cart, approval or cart.approval, discount_limit_percent)
    total = cart.total_satang
    settled = settle(total, payments)  # pure: refuses before touching the store
    shares = cart.discount_shares()
    sale_uuid = new_uuid()
    with store.write_cursor() as cur:
        head = day_and_next_document(cur)
        if head is None:
            with store.read() as rs:
                identity(rs)  # raises the clear "not set up" error
        assert head is not None
        day_id, (seq, number, prev) = head
        methods = {code: MethodSpec(code, code, code, method_kind(kind)) for code, kind in _METHODS.run(cur, {})}
        for p in payments:   # a method of the booth's list, its state share fitting its kind (nothing written yet)
            check_part(p, methods)
        check_cash_change(cur, day_id, sum(p.amount_satang for p in settled if p.method == "cash"))
        now = clock.now()
        wanted: dict[int, int] = {}
        for line in cart.lines:
            if line.product_id is not None:
                wanted[line.product_id] = wanted.get(line.product_id, 0) + line.qty
        if wanted:
            rows = _stock(len(wanted)).run(cur, {f"p{i}": pid for i, pid in enumerate(wanted)}).fetchall()
            if len(rows) != len(wanted):
                raise SaleError("มีสินค้าในตะกร้าที่ถูกลบจากรายการสินค้าแล้ว", "A product in the cart no longer exists.")
            for pid, name, stock, sold_out, sku in rows:
                qty = wanted[pid]
                if not allow_oversell and (sold_out or (stock is not None and stock < qty)):
                    available = 0 if sold_out or stock is None else max(stock, 0)
                    raise SoldOutError(
                        f"สินค้าหมด: {name} (เหลือ {available} ชิ้น ต้องการ {qty}) กดยืนยันเพื่อขายเกินสต็อก",
                        f"Sold out: {name} ({available} left, {qty} wanted). Confirm to sell anyway.",
                        sku, available)
                if stock is not None:
                    _DECREMENT.run(cur, {"qty": qty, "pid": pid})
        paid = sum(p.amount_satang for p in settled)
        change = change_of(settled)
        doc = sale_doc(uuid=sale_uuid, seq=seq, number=number, at=iso(now), total=total,
                       discount=cart.sale_discount_satang,
                       lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.total_satang - sh)
                              for ln, sh in zip(cart.lines, shares)],
                       payments=[chain_payment(p.method, p.amount_satang, p.reference, p.state_satang)
                                 for p in settled])
        digest = link(cur, seq, prev, doc)
        sale_id = _SALE.run(cur, dict(
            uuid=sale_uuid, seq=seq, number=number, till_day_id=day_id, created_at=now, cashier=cashier,
            subtotal_satang=cart.subtotal_satang,
            sale_discount_kind=cart.discount.kind if cart.discount else "",
            sale_discount_value=cart.discount.value if cart.discount else 0,
            sale_discount_satang=cart.sale_discount_satang, total_satang=total, paid_satang=paid,
            change_satang=change, item_count=cart.item_count, prev_hash=prev, hash=digest,
        )).lastrowid
        _LINE.run_many(cur, [dict(sale_id=sale_id, **line) for line in line_values(cart, shares)])
        if settled:
            _PAYMENT.run_many(cur, [
                dict(sale_id=sale_id, method=p.method, amount_satang=p.amount_satang,
                     tendered_satang=p.tendered_satang, change_satang=p.change_satang, reference=p.reference,
                     state_satang=p.state_satang)
                for p in settled
            ])
        job_id = None
        if print_receipt:
            job_id = _JOB.run(cur, dict(
                created_at=now, kind="sale", ref_uuid=sale_uuid, copy=False, status="pending", attempts=0,
                error_code="", error_th="", error_en="", finished_at=None)).lastrowid
        if bill_uuid is not None and _BILL_DONE.run(cur, {"uuid": bill_uuid}).rowcount != 1:
            # the bill is not there: sold already (a second window on this booth) — never sell it twice
            raise SaleError("บิลนี้ขายไปแล้ว (อาจขายจากอีกหน้าต่างหนึ่ง) ไม่ได้บันทึกซ้ำ",
                            "This bill has been sold already (perhaps in another window); it was not saved again.")
        if approved:  # the manager approved: the changed prices (SKU, list, unit) and what was approved
            detail = {"prices": [[ln.sku, ln.list_price, ln.unit_price_satang] for ln in cart.lines if ln.overridden],
                      "oversell": allow_oversell, "approved": list(approved)}
            _AUDIT.run(cur, dict(at=now, action="override", actor=cashier, ref_uuid=sale_uuid,
                                 detail_json=json.dumps(detail)))
        elif allow_oversell:
            _AUDIT.run(cur, dict(at=now, action="override", actor=cashier, ref_uuid=sale_uuid,
                                 detail_json=_OVERSELL))
    return SaleResult(sale_uuid, number, now, total, paid, change, cart.item_count, job_id)

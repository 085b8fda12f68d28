"""Orders at the booth (ยอดสั่งจอง): taken from a cart with a deposit, delivered later as a sale, or cancelled.

Money is counted once. A deposit is money in on the till day it is taken (the drawer and the Z report show it
as a deposit, not a sale). At delivery the whole order becomes a sale of that day: its payments are the
deposits, marked as received earlier (``OrderDeposit.applied_payment_id``, not counted in that day's drawer),
plus the balance paid then. A cancel (manager PIN) gives the deposits back on the cancel day, or keeps them.
Customer names and phones are personal data: they stay in the booth store. Each use case is one transaction;
a refused action writes nothing.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from otop_pos.booth.cart import Cart
from otop_pos.booth.checkout import LINE_COLUMNS, check_approval, check_bounds, line_values
from otop_pos.booth.drawer import check_cash_change
from otop_pos.booth.journal import iso, link, next_document, open_day_or_refuse
from otop_pos.booth.methods import booth_method_specs
from otop_pos.booth.payments import PaymentIn, SettledPayment, change_of, check_part, settle
from otop_pos.booth.pin import Approval, ensure_approval
from otop_pos.booth.store import identity
from otop_pos.core.chain import (GENESIS, cancel_details, chain_hash, chain_payment, deliver_details, order_event_doc,
                                  sale_doc, take_details)
from otop_pos.core.clock import Clock
from otop_pos.core.digits import normalize_digits
from otop_pos.core.visible import clean_text
from otop_pos.core.errors import InputError, SaleError
from otop_pos.core.ids import new_uuid
from otop_pos.core.limits import check_amount
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import fair_day
from otop_pos.store.booth_models import (AuditEvent, CustomerOrder, OrderDeposit, OrderEvent, OrderLine, Payment,
                                        PrintJob, Product, Sale, SaleLine, TillDay)
from otop_pos.store.engine import SqliteStore, inserted_id

SERIES = "order"
STATUSES = ("open", "delivered", "cancelled")


def order_number(booth_code: str, till_no: int, seq: int) -> str:
    """An order's number, a series of its own per till: ``OB001-000001`` (till 2: ``OB001-2-000001``)."""
    return f"O{booth_code}-{seq:06d}" if till_no == 1 else f"O{booth_code}-{till_no}-{seq:06d}"


@dataclass(frozen=True)
class OrderResult:
    """A committed order action: the order, and the sale it became (delivery) or the money moved."""

    uuid: str
    number: str
    status: str
    at: datetime
    value_satang: int
    deposit_satang: int       # deposits taken on the order
    balance_satang: int       # what is still due (0 once delivered or cancelled)
    paid_now_satang: int      # money in (take: the deposit; deliver: the balance) or out (cancel: refunded, < 0)
    change_satang: int = 0
    sale_number: str = ""     # deliver: the sale the order became


@dataclass(frozen=True)
class OrderRow:
    """One order as the open-orders list and ``booth orders`` show it (customer data: booth only)."""

    uuid: str
    number: str
    customer: str
    phone: str
    status: str
    value_satang: int
    deposit_satang: int
    balance_satang: int
    deliver: date
    note: str
    created_at: datetime
    item_count: int
    sale_number: str = ""


@dataclass(frozen=True)
class OrderLineView:
    """A line of an order."""

    sku: str
    name: str
    qty: int
    unit_price_satang: int
    discount_satang: int
    total_satang: int


@dataclass(frozen=True)
class OrderDetail:
    """An order with its lines and its money (for the receipts and the detail screen)."""

    row: OrderRow
    lines: tuple[OrderLineView, ...]
    deposits: tuple[SettledPayment, ...]
    refunds: tuple[SettledPayment, ...]
    subtotal_satang: int
    sale_discount_satang: int
    cashier: str


@dataclass(frozen=True)
class OrdersSummary:
    """The orders object of ``booth report --json`` (satang)."""

    taken_count: int
    taken_satang: int
    deposits_satang: int
    delivered_count: int
    delivered_satang: int
    cancelled_count: int
    deposits_refunded_satang: int
    open_count: int
    open_satang: int


#: Letters that draw nothing (Hangul fillers: the "blank" names of chat apps).
_BLANK_LETTERS = frozenset("\u3164\u115f\u1160\uffa0")


def _customer(name: str, phone: str, note: str) -> tuple[str, str, str]:
    name = clean_text(name)   # control, bidi and zero-width characters dropped: a name a person can read
    if not any((unicodedata.category(ch)[0] in "LN") and ch not in _BLANK_LETTERS for ch in name):
        raise InputError("กรุณาใส่ชื่อลูกค้า", "Enter the customer's name.")
    if len(name) > 120:
        raise InputError("ชื่อลูกค้ายาวเกิน 120 ตัวอักษร", "The customer's name is longer than 120 characters.")
    phone = normalize_digits(phone).strip()
    if len(phone) > 32 or any(ch not in "0123456789+-() " for ch in phone):
        raise InputError("เบอร์โทรไม่ถูกต้อง", f"The phone number {phone!r} is not valid.")
    note = clean_text(note)
    if len(note) > 300:
        raise InputError("หมายเหตุยาวเกิน 300 ตัวอักษร", "The note is longer than 300 characters.")
    return name, phone, note


def _find(s: Session, ref: str) -> CustomerOrder:
    ref = normalize_digits(ref).strip()
    order = s.scalar(select(CustomerOrder).where(or_(CustomerOrder.number == ref, CustomerOrder.uuid == ref)))
    if order is None:
        raise SaleError(f"ไม่พบใบสั่งจอง {ref}", f"No order {ref!r} was found.")
    return order


def _deposited(order: CustomerOrder) -> int:
    return sum(d.amount_satang for d in order.deposits if d.kind == "deposit")


def _not_open(order: CustomerOrder) -> SaleError:
    if order.status == "delivered":
        return SaleError(f"ใบสั่งจอง {order.number} ส่งมอบแล้ว", f"Order {order.number} has been delivered already.")
    return SaleError(f"ใบสั่งจอง {order.number} ถูกยกเลิกแล้ว", f"Order {order.number} has been cancelled.")


def _next_number(s: Session) -> tuple[int, str]:
    ident = identity(s)
    last = s.execute(text("SELECT last FROM number_series WHERE name = :n"), {"n": SERIES}).scalar()
    seq = int(last or 0) + 1
    if last is None:
        s.execute(text("INSERT INTO number_series (name, last, last_hash) VALUES (:n, :seq, :h)"),
                  {"n": SERIES, "seq": seq, "h": "0" * 64})
    else:
        s.execute(text("UPDATE number_series SET last = :seq WHERE name = :n"), {"n": SERIES, "seq": seq})
    return seq, order_number(ident.booth_code, ident.till_no, seq)


def _chain(s: Session, order: CustomerOrder, kind: str, day: TillDay | None, now: datetime,
           details: dict[str, object]) -> None:
    """Hash the order event onto the till's order chain (in the caller's write transaction)."""
    head = s.execute(select(OrderEvent.seq, OrderEvent.hash).order_by(OrderEvent.seq.desc()).limit(1)).one_or_none()
    seq, prev = (int(head[0]) + 1, str(head[1])) if head else (1, GENESIS)
    uid = new_uuid()
    business = day.business_date if day else fair_day(now)
    digest = chain_hash(prev, order_event_doc(uuid=uid, seq=seq, kind=kind, order=order.uuid, number=order.number,
                                              at=iso(now), day=business.isoformat(), details=details))
    s.add(OrderEvent(uuid=uid, seq=seq, order_id=order.id, kind=kind, till_day_id=day.id if day else None,
                     business_date=business, created_at=now, prev_hash=prev, hash=digest))


def _check_parts(s: Session, payments: Sequence[PaymentIn]) -> None:
    """SaleError unless every part uses a method of the booth's list with a state share fitting its kind."""
    methods = booth_method_specs(s)
    for p in payments:
        check_part(p, methods or None)


def _money_rows(s: Session, order_id: int, day_id: int, now: datetime, kind: str,
                settled: Sequence[SettledPayment]) -> None:
    if settled:
        s.execute(insert(OrderDeposit), [dict(order_id=order_id, till_day_id=day_id, created_at=now, kind=kind,
                                              method=p.method, amount_satang=p.amount_satang,
                                              tendered_satang=p.tendered_satang, change_satang=p.change_satang,
                                              reference=p.reference, applied_payment_id=None,
                                              state_satang=p.state_satang) for p in settled])


def take_order(store: SqliteStore, clock: Clock, cart: Cart, *, customer: str, deliver_on: date,
               deposit_satang: int, payments: Sequence[PaymentIn] = (), phone: str = "", note: str = "",
               cashier: str = "", approval: Approval | None = None, print_receipt: bool = False) -> OrderResult:
    """Take the cart as an order for ``customer`` to deliver on ``deliver_on`` (not before today), with a
    deposit of 0 … the order's value paid by ``payments`` (any method of the booth; cash may give change).
    Discounts and changed prices need the manager's approval as at the checkout; stock is not taken until
    the order is delivered. ``print_receipt``: the deposit receipt is queued in the same transaction."""
    if cart.is_empty:
        raise SaleError("ตะกร้าว่าง ยังไม่มีสินค้า", "The cart is empty.")
    name, phone, note = _customer(customer, phone, note)
    if not isinstance(deposit_satang, int) or deposit_satang < 0:
        raise InputError("เงินมัดจำต้องไม่ติดลบ", "The deposit cannot be negative.")
    check_bounds(cart, list(payments))
    cart.check_discounts()
    approved = check_approval(store, cart, approval or cart.approval)
    total = cart.total_satang
    if deposit_satang > total:
        raise InputError(f"เงินมัดจำเกินมูลค่าสั่งจอง {format_baht(total)} บาท",
                         f"The deposit is more than the order's value of {format_baht(total)} baht.")
    settled = settle(deposit_satang, list(payments)) if deposit_satang else []
    today = fair_day(clock.now())
    if deliver_on < today:
        raise InputError("วันส่งมอบต้องไม่ก่อนวันนี้", "The delivery date cannot be before today.")
    shares = cart.discount_shares()
    uid = new_uuid()
    with store.write() as s:
        day = open_day_or_refuse(s)
        ident = identity(s)
        if ident.fair_last_day is not None and day.business_date > ident.fair_last_day:
            raise SaleError(f"งานจบแล้ว (วันสุดท้าย {ident.fair_last_day.isoformat()}) รับสั่งจองใหม่ไม่ได้ "
                            "ส่งมอบหรือยกเลิกใบสั่งจองที่มีอยู่ได้ตามปกติ",
                            f"The fair is over (its last day was {ident.fair_last_day.isoformat()}): no new orders. "
                            "Orders already taken can still be delivered or cancelled.")
        _check_parts(s, payments)
        check_cash_change(s, day.id, sum(p.amount_satang for p in settled if p.method == "cash"))
        seq, number = _next_number(s)
        now = clock.now()
        oid = inserted_id(s.execute(insert(CustomerOrder).values(
            uuid=uid, seq=seq, number=number, till_day_id=day.id, created_at=now, cashier=cashier,
            customer_name=name, customer_phone=phone, deliver_on=deliver_on, note=note,
            subtotal_satang=cart.subtotal_satang, sale_discount_satang=cart.sale_discount_satang,
            total_satang=total, item_count=cart.item_count, status="open", deposit_refunded=False)))
        s.execute(insert(OrderLine), [dict(order_id=oid, **line) for line in line_values(cart, shares)])
        _money_rows(s, oid, day.id, now, "deposit", settled)
        order = s.get(CustomerOrder, oid)
        assert order is not None
        _chain(s, order, "take", day, now, take_details(
            total=total, discount=cart.sale_discount_satang, deliver=deliver_on.isoformat(),
            lines=[(ln["sku"], ln["qty"], ln["unit_price_satang"], ln["discount_satang"], ln["net_satang"])
                   for ln in line_values(cart, shares)],
            deposits=[chain_payment(p.method, p.amount_satang, p.reference, p.state_satang) for p in settled]))
        if print_receipt:
            s.add(PrintJob(created_at=now, kind="deposit", ref_uuid=uid, copy=False, status="pending"))
        s.add(AuditEvent(at=now, action="order_take", actor=cashier, ref_uuid=uid,
                         detail_json=json.dumps({"number": number, "value": total, "deposit": deposit_satang,
                                                 "approved": list(approved),
                                                 "prices": [[ln.sku, ln.list_price, ln.unit_price_satang]
                                                            for ln in cart.lines if ln.overridden]})))
    return OrderResult(uid, number, "open", now, total, deposit_satang, total - deposit_satang, deposit_satang,
                       change_of(settled))


def deliver_order(store: SqliteStore, clock: Clock, ref: str, payments: Sequence[PaymentIn] = (), *,
                  cashier: str = "", print_receipt: bool = False) -> OrderResult:
    """Deliver an open order: the balance is paid by ``payments`` and the whole order becomes a sale of the
    open day, paid by the deposits (received earlier) and the balance. Tracked stock is taken now.
    ``print_receipt``: the sale's receipt (the delivery receipt) is queued in the same transaction."""
    with store.read() as s:
        order = _find(s, ref)  # a clear "not found" before anything else
        if order.status != "open":
            raise _not_open(order)
        balance = order.total_satang - _deposited(order)
    settled = settle(balance, list(payments)) if balance else []
    for p in settled:
        check_amount(p.tendered_satang or p.amount_satang, "ยอดชำระ", f"{p.method} payment")
    with store.write() as s:
        day = open_day_or_refuse(s)
        order = _find(s, ref)
        if order.status != "open":
            raise _not_open(order)
        deposits = [d for d in order.deposits if d.kind == "deposit"]
        if order.total_satang - sum(d.amount_satang for d in deposits) != balance:
            raise SaleError("ยอดค้างชำระเปลี่ยนไประหว่างทำรายการ กรุณาลองใหม่", "The balance changed; try again.")
        _check_parts(s, payments)
        check_cash_change(s, day.id, sum(p.amount_satang for p in settled if p.method == "cash"))
        now = clock.now()
        seq, number, prev = next_document(s)
        sale_uuid = new_uuid()
        pays = [chain_payment(d.method, d.amount_satang, order.number, d.state_satang) for d in deposits]
        pays += [chain_payment(p.method, p.amount_satang, p.reference, p.state_satang) for p in settled]
        digest = link(s, seq, prev, sale_doc(
            uuid=sale_uuid, seq=seq, number=number, at=iso(now), total=order.total_satang,
            discount=order.sale_discount_satang,
            lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang) for ln in order.lines],
            payments=pays))
        sale_id = inserted_id(s.execute(insert(Sale).values(
            uuid=sale_uuid, seq=seq, number=number, till_day_id=day.id, created_at=now, cashier=cashier,
            subtotal_satang=order.subtotal_satang, sale_discount_kind="amount" if order.sale_discount_satang else "",
            sale_discount_value=order.sale_discount_satang, sale_discount_satang=order.sale_discount_satang,
            total_satang=order.total_satang, paid_satang=order.total_satang, change_satang=change_of(settled),
            item_count=order.item_count, prev_hash=prev, hash=digest)))
        s.execute(insert(SaleLine), [dict(sale_id=sale_id, **{c: getattr(ln, c) for c in LINE_COLUMNS})
                                     for ln in order.lines])
        for d in deposits:
            d.applied_payment_id = inserted_id(s.execute(insert(Payment).values(
                sale_id=sale_id, method=d.method, amount_satang=d.amount_satang, tendered_satang=None,
                change_satang=0, reference=order.number, state_satang=d.state_satang)))
        if settled:
            s.execute(insert(Payment), [dict(sale_id=sale_id, method=p.method, amount_satang=p.amount_satang,
                                             tendered_satang=p.tendered_satang, change_satang=p.change_satang,
                                             reference=p.reference, state_satang=p.state_satang) for p in settled])
        for ln in order.lines:
            if ln.product_id is not None:
                s.execute(update(Product)
                          .where(Product.id == ln.product_id, Product.stock.is_not(None))
                          .values(stock=Product.stock - ln.qty))
        order.status, order.sale_id, order.closed_at, order.closed_day_id = "delivered", sale_id, now, day.id
        _chain(s, order, "deliver", day, now, deliver_details(sale=sale_uuid))
        if print_receipt:
            s.add(PrintJob(created_at=now, kind="sale", ref_uuid=sale_uuid, copy=False, status="pending"))
        s.add(AuditEvent(at=now, action="order_deliver", actor=cashier, ref_uuid=order.uuid,
                         detail_json=json.dumps({"number": order.number, "sale": number, "balance": balance})))
        result = OrderResult(order.uuid, order.number, "delivered", now, order.total_satang,
                             order.total_satang - balance, 0, balance, change_of(settled), number)
    return result


def cancel_order(store: SqliteStore, clock: Clock, ref: str, pin: str | Approval, *, refund_deposit: bool,
                 by: str = "") -> OrderResult:
    """Cancel an open order (the manager's PIN or approval), giving its deposits back by the methods they were
    paid with on the open day (``refund_deposit``) or keeping them."""
    with store.read() as s:
        order = _find(s, ref)
        if order.status != "open":
            raise _not_open(order)
    approval = ensure_approval(store, clock, pin, action="order_cancel")
    with store.write() as s:
        order = _find(s, ref)
        if order.status != "open":
            raise _not_open(order)
        deposits = [d for d in order.deposits if d.kind == "deposit"]
        back = [SettledPayment(d.method, d.amount_satang, None, 0, d.reference, d.state_satang)  # type: ignore[arg-type]
                for d in deposits] if refund_deposit else []
        day = open_day_or_refuse(s) if back else None
        if day is None:
            day = s.scalar(select(TillDay).where(TillDay.closed_at.is_(None)))
            open_id = day.id if day is not None else None
        else:
            open_id = day.id
            check_cash_change(s, day.id, -sum(p.amount_satang for p in back if p.method == "cash"))
        now = clock.now()
        if day is not None:
            _money_rows(s, order.id, day.id, now, "refund", back)
        _chain(s, order, "cancel", day, now, cancel_details(
            refunds=[chain_payment(p.method, p.amount_satang, p.reference, p.state_satang) for p in back]))
        order.status, order.closed_at, order.closed_day_id = "cancelled", now, open_id
        order.deposit_refunded = bool(back)
        refunded = sum(p.amount_satang for p in back)
        s.add(AuditEvent(at=now, action="order_cancel", actor=by, ref_uuid=order.uuid, detail_json=json.dumps(
            {"number": order.number, "refunded": refunded, "kept": sum(d.amount_satang for d in deposits) - refunded,
             "approved": approval.action})))
        result = OrderResult(order.uuid, order.number, "cancelled", now, order.total_satang,
                             sum(d.amount_satang for d in deposits), 0, -refunded)
    return result


def _row(order: CustomerOrder, deposit: int, sale_number: str) -> OrderRow:
    balance = order.total_satang - deposit if order.status == "open" else 0
    return OrderRow(order.uuid, order.number, order.customer_name, order.customer_phone, order.status,
                    order.total_satang, deposit, balance, order.deliver_on, order.note, order.created_at,
                    order.item_count, sale_number)


def list_orders(store: SqliteStore, *, status: str | None = None) -> tuple[OrderRow, ...]:
    """The booth's orders, oldest first (``status``: only those open, delivered or cancelled)."""
    if status is not None and status not in STATUSES:
        raise InputError("สถานะใบสั่งจองไม่ถูกต้อง", f"Unknown order status {status!r}.")
    dep = (select(OrderDeposit.order_id, func.sum(OrderDeposit.amount_satang).label("amt"))
           .where(OrderDeposit.kind == "deposit").group_by(OrderDeposit.order_id).subquery())
    q = (select(CustomerOrder, func.coalesce(dep.c.amt, 0), func.coalesce(Sale.number, ""))
         .outerjoin(dep, dep.c.order_id == CustomerOrder.id).outerjoin(Sale, Sale.id == CustomerOrder.sale_id)
         .order_by(CustomerOrder.seq))
    if status is not None:
        q = q.where(CustomerOrder.status == status)
    with store.read() as s:
        return tuple(_row(o, int(d), n) for o, d, n in s.execute(q))


def order_detail(store: SqliteStore, ref: str) -> OrderDetail:
    """One order with its lines, deposits and refunded deposits."""
    with store.read() as s:
        order = _find(s, ref)
        sale_number = s.scalar(select(Sale.number).where(Sale.id == order.sale_id)) if order.sale_id else ""
        money = [SettledPayment(d.method, d.amount_satang, d.tendered_satang, d.change_satang,  # type: ignore[arg-type]
                                d.reference, d.state_satang) for d in order.deposits]
        kinds = [d.kind for d in order.deposits]
        return OrderDetail(
            _row(order, _deposited(order), sale_number or ""),
            tuple(OrderLineView(ln.sku, ln.name, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.total_satang)
                  for ln in order.lines),
            tuple(m for m, k in zip(money, kinds) if k == "deposit"),
            tuple(m for m, k in zip(money, kinds) if k == "refund"),
            order.subtotal_satang, order.sale_discount_satang, order.cashier)


def orders_summary(s: Session) -> OrdersSummary:
    """Counts and values of the booth's orders (in the caller's read)."""
    by_status = {st: (int(n), int(v)) for st, n, v in s.execute(
        select(CustomerOrder.status, func.count(CustomerOrder.id), func.coalesce(func.sum(CustomerOrder.total_satang), 0))
        .group_by(CustomerOrder.status))}
    money = {k: int(v) for k, v in s.execute(
        select(OrderDeposit.kind, func.sum(OrderDeposit.amount_satang)).group_by(OrderDeposit.kind))}
    n = {st: by_status.get(st, (0, 0)) for st in STATUSES}
    return OrdersSummary(
        taken_count=sum(c for c, _ in n.values()), taken_satang=sum(v for _, v in n.values()),
        deposits_satang=money.get("deposit", 0), delivered_count=n["delivered"][0],
        delivered_satang=n["delivered"][1], cancelled_count=n["cancelled"][0],
        deposits_refunded_satang=money.get("refund", 0), open_count=n["open"][0], open_satang=n["open"][1])


@dataclass(frozen=True)
class DayOrders:
    """What a till day's orders moved: deposits in and out, deposits carried into its sales, orders taken."""

    taken_count: int
    taken_satang: int
    deposits_satang: int
    deposits_refunded_satang: int
    deposits_earlier_satang: int     # of the day's sales: paid by deposits received on earlier days
    cash_deposits_satang: int        # cash deposits taken − cash deposits given back (in the drawer)
    cash_deposits_earlier_satang: int


def day_orders(s: Session, day_id: int) -> DayOrders:
    """The orders figures of the till day ``day_id`` (in the caller's read)."""
    taken = s.execute(select(func.count(CustomerOrder.id), func.coalesce(func.sum(CustomerOrder.total_satang), 0))
                      .where(CustomerOrder.till_day_id == day_id)).one()
    money = {(k, m == "cash"): 0 for k in ("deposit", "refund") for m in ("cash", "x")}
    for k, m, amt in s.execute(select(OrderDeposit.kind, OrderDeposit.method, func.sum(OrderDeposit.amount_satang))
                               .where(OrderDeposit.till_day_id == day_id)
                               .group_by(OrderDeposit.kind, OrderDeposit.method)):
        money[(k, m == "cash")] += int(amt)
    earlier = {m == "cash": 0 for m in ("cash", "x")}
    for m, amt in s.execute(select(Payment.method, func.sum(Payment.amount_satang))
                            .join(OrderDeposit, OrderDeposit.applied_payment_id == Payment.id)
                            .join(Sale, Sale.id == Payment.sale_id).where(Sale.till_day_id == day_id)
                            .group_by(Payment.method)):
        earlier[m == "cash"] += int(amt)
    return DayOrders(int(taken[0]), int(taken[1]), money[("deposit", True)] + money[("deposit", False)],
                     money[("refund", True)] + money[("refund", False)], earlier[True] + earlier[False],
                     money[("deposit", True)] - money[("refund", True)], earlier[True])


def open_orders_total(s: Session) -> tuple[int, int, int]:
    """(count, value, deposits) of the orders open now."""
    count, value = s.execute(select(func.count(CustomerOrder.id), func.coalesce(func.sum(CustomerOrder.total_satang), 0))
                             .where(CustomerOrder.status == "open")).one()
    deposits = s.scalar(select(func.coalesce(func.sum(OrderDeposit.amount_satang), 0))
                        .join(CustomerOrder, CustomerOrder.id == OrderDeposit.order_id)
                        .where(CustomerOrder.status == "open", OrderDeposit.kind == "deposit"))
    return int(count), int(value), int(deposits or 0)


def is_order_sale(s: Session, sale_id: int) -> str:
    """The number of the order ``sale_id`` delivered ("" when the sale is no delivery)."""
    return s.scalar(select(CustomerOrder.number).where(CustomerOrder.sale_id == sale_id)) or ""

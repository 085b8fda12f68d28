"""Held bills and the open cart, kept in the store like sales so a crash or a restart loses neither.

The cart on screen is the *open* bill (one row, saved on every change); F6 turns it into a *held* bill and
a recall turns a held bill back into the open one. Both carry the payment parts already taken on them —
money the customer has handed over — so the parts survive Esc, a hold, a crash and a restart. A held bill
is not a sale: it enters no report or export; checkout removes the bill it sells in the same transaction.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from otop_pos.booth.cart import Cart, CartLine, Discount, ProductInfo
from otop_pos.booth.payments import PaymentIn
from otop_pos.core.clock import Clock
from otop_pos.core.errors import DayError, InputError, SaleError
from otop_pos.core.ids import new_uuid
from otop_pos.core.money import format_baht
from otop_pos.core.visible import clean_text
from otop_pos.store.booth_models import AuditEvent, HeldBill as HeldRow
from otop_pos.store.engine import SqliteStore

MAX_NAME = 120
FORMAT = 1


@dataclass(frozen=True)
class HeldBill:
    """A bill not finished yet: its cart, the payment parts taken on it, and a name or note."""

    uuid: str
    kind: str                       # "open" (the cart on screen) or "held"
    name: str
    created_at: datetime
    updated_at: datetime
    cart: Cart
    parts: tuple[PaymentIn, ...] = ()

    @property
    def taken_satang(self) -> int:
        """Money already taken on the bill (its payment parts)."""
        return sum(p.amount_satang for p in self.parts)


# --- the stored form ----------------------------------------------------------------------------------------
def _discount_json(d: Discount | None) -> dict[str, Any] | None:
    return None if d is None else {"kind": d.kind, "value": d.value}


def _discount(data: Any) -> Discount | None:
    return None if not data else Discount(str(data["kind"]), int(data["value"]))  # type: ignore[arg-type]


def cart_json(cart: Cart) -> str:
    """The cart as stored (every line field; an approval is never stored: it is asked again)."""
    lines = []
    for line in cart.lines:
        row = {f.name: getattr(line, f.name) for f in fields(CartLine)}
        row["discount"] = _discount_json(line.discount)
        lines.append(row)
    return json.dumps({"format": FORMAT, "lines": lines, "discount": _discount_json(cart.discount)},
                      ensure_ascii=False, sort_keys=True, default=str)


def cart_from_json(text: str) -> Cart:
    """A stored cart back (fields a newer version added are ignored; missing ones take their defaults)."""
    data = json.loads(text)
    known = {f.name for f in fields(CartLine)}
    lines = []
    for row in data.get("lines", []):
        values = {k: v for k, v in row.items() if k in known}
        values["discount"] = _discount(row.get("discount"))
        lines.append(CartLine(**values))
    return Cart(lines=tuple(lines), discount=_discount(data.get("discount")))


def parts_json(parts: tuple[PaymentIn, ...] | list[PaymentIn]) -> str:
    """The payment parts as stored."""
    return json.dumps([{"method": p.method, "amount": p.amount_satang, "reference": p.reference,
                        **({"state": p.state_satang} if p.state_satang else {})} for p in parts],
                      ensure_ascii=False)


def parts_from_json(text: str) -> tuple[PaymentIn, ...]:
    """Stored payment parts back."""
    return tuple(PaymentIn(str(p["method"]), int(p["amount"]), None, str(p.get("reference", "")),
                           int(p.get("state", 0)))
                 for p in json.loads(text or "[]"))


def _bill(row: HeldRow) -> HeldBill:
    return HeldBill(row.uuid, row.kind, row.name, row.created_at, row.updated_at, cart_from_json(row.cart_json),
                    parts_from_json(row.parts_json))


def _clean_name(name: str) -> str:
    name = clean_text(name)
    if len(name) > MAX_NAME:
        raise InputError(f"ชื่อ/หมายเหตุยาวเกิน {MAX_NAME} ตัวอักษร", f"The name or note is longer than {MAX_NAME} characters.")
    return name


def _audit(s: Any, at: datetime, action: str, ref: str, **detail: Any) -> None:
    s.add(AuditEvent(at=at, action=action, ref_uuid=ref, detail_json=json.dumps(detail, ensure_ascii=False)))


# --- use cases ----------------------------------------------------------------------------------------------
def open_bill(store: SqliteStore) -> HeldBill | None:
    """The cart that was on screen when the app last stopped (None when it was empty)."""
    with store.read() as s:
        row = s.scalars(select(HeldRow).where(HeldRow.kind == "open").order_by(HeldRow.updated_at.desc())).first()
        return _bill(row) if row is not None else None


def held_bills(store: SqliteStore) -> list[HeldBill]:
    """The held bills, oldest first."""
    with store.read() as s:
        rows = s.scalars(select(HeldRow).where(HeldRow.kind == "held").order_by(HeldRow.created_at, HeldRow.id))
        return [_bill(r) for r in rows]


def bills_with_money(s: Session) -> list[HeldBill]:
    """The unfinished bills (open or held) with payment parts taken on them, read in session ``s``."""
    rows = s.scalars(select(HeldRow).where(HeldRow.parts_json != "[]").order_by(HeldRow.created_at))
    return [b for b in map(_bill, rows) if b.parts]


def refuse_close_with_money(s: Session) -> None:
    """A held bill is a sale not finished *today*: the day does not close while money taken on one is in no
    sale (the drawer would be over today and short the day it is sold). DayError naming the money. Called
    inside the closing transaction, so a part taken meanwhile cannot slip into a closed day."""
    owed = bills_with_money(s)
    if not owed:
        return
    taken = format_baht(sum(b.taken_satang for b in owed))
    raise DayError(f"ยังมีบิลที่รับเงินไว้แล้วแต่ยังไม่จบการขาย {len(owed)} บิล รวม {taken} บาท: "
                   "ขายให้จบหรือคืนเงินลูกค้าก่อนปิดวัน",
                   f"{len(owed)} unfinished bill(s) hold {taken} baht already paid: finish the sale or hand the "
                   "money back before closing the day.")


def refresh_bill(bill: HeldBill, products: Sequence[ProductInfo]) -> tuple[HeldBill, list[tuple[str, str]]]:
    """A bill brought back as today's catalogue has it: a product taken off sale (or deleted) leaves the bill,
    a line at the old catalogue price takes the new one (a price the manager changed stays); with what
    changed, in Thai and English, for the vendor to see."""
    by_id = {p.id: p for p in products if p.id is not None}
    lines: list[CartLine] = []
    notes: list[tuple[str, str]] = []
    for line in bill.cart.lines:
        product = by_id.get(line.product_id) if line.product_id is not None else None
        if line.product_id is not None and (product is None or not product.active):
            notes.append((f"นำ {line.name} ออกจากบิลแล้ว: สินค้านี้ปิดการขายแล้ว",
                          f"{line.name} was taken off the bill: it is no longer for sale."))
            continue
        if product is not None and not line.overridden and product.price_satang != line.unit_price_satang:
            notes.append((f"ราคา {line.name} เปลี่ยนเป็น {format_baht(product.price_satang)} บาท "
                          f"(เดิม {format_baht(line.unit_price_satang)} บาท)",
                          f"{line.name} now costs {format_baht(product.price_satang)} baht "
                          f"(was {format_baht(line.unit_price_satang)})."))
            line = replace(line, unit_price_satang=product.price_satang, list_price_satang=None)
            if line.discount is not None and line.discount_satang > line.gross_satang:
                line = replace(line, discount=None)
        lines.append(line)
    if not notes:
        return bill, notes
    cart = replace(bill.cart, lines=tuple(lines))
    if cart.discount is not None and cart.discount.of(cart.subtotal_satang) > cart.subtotal_satang:
        cart = replace(cart, discount=None)
    return replace(bill, cart=cart), notes


def _removed(before: tuple[PaymentIn, ...], after: tuple[PaymentIn, ...]) -> list[PaymentIn]:
    """The parts in ``before`` that ``after`` no longer has (counted, so one of two equal parts counts)."""
    left = list(after)
    gone = []
    for p in before:
        if p in left:
            left.remove(p)
        else:
            gone.append(p)
    return gone


def save_open(store: SqliteStore, clock: Clock, uuid: str, cart: Cart, parts: tuple[PaymentIn, ...]) -> None:
    """Write the cart on screen and its parts (an empty cart with no parts removes the row). A payment part
    that goes (handed back, or the cart cleared) leaves an audit record of the money."""
    now = clock.now()
    with store.write() as s:
        row = s.scalars(select(HeldRow).where(HeldRow.uuid == uuid)).first()
        if row is not None and row.kind != "open":
            raise SaleError("บิลนี้ถูกพักไว้แล้ว", "That bill has been held already.")
        if row is not None:
            for p in _removed(parts_from_json(row.parts_json), parts):
                _audit(s, now, "part_removed", uuid, method=p.method, amount=p.amount_satang, reference=p.reference)
        if cart.is_empty and not parts:
            if row is not None:
                s.delete(row)
            return
        if row is None:
            s.add(HeldRow(uuid=uuid, kind="open", name="", created_at=now, updated_at=now,
                          cart_json=cart_json(cart), parts_json=parts_json(parts)))
            return
        row.cart_json, row.parts_json, row.updated_at = cart_json(cart), parts_json(parts), now


def _write_held(s: Session, now: datetime, uuid: str, cart: Cart, parts: tuple[PaymentIn, ...],
                name: str | None = None) -> HeldRow:
    """Write bill ``uuid`` as held (the row made if it is not there yet), with an audit record of the hold;
    ``name`` None keeps the name it has."""
    row = s.scalars(select(HeldRow).where(HeldRow.uuid == uuid)).first()
    if row is None:
        row = HeldRow(uuid=uuid, kind="held", name=name or "", created_at=now)
        s.add(row)
    elif name:
        row.name = name
    row.kind, row.updated_at = "held", now
    row.cart_json, row.parts_json = cart_json(cart), parts_json(parts)
    _audit(s, now, "hold", uuid, total=cart.total_satang, taken=sum(p.amount_satang for p in parts))
    return row


def hold(store: SqliteStore, clock: Clock, uuid: str, cart: Cart, parts: tuple[PaymentIn, ...],
         name: str = "") -> HeldBill:
    """Hold the open bill ``uuid`` (written as it is now); SaleError when there is nothing to hold."""
    if cart.is_empty and not parts:
        raise SaleError("ตะกร้าว่าง ไม่มีอะไรให้พัก", "The cart is empty: there is nothing to hold.")
    name = _clean_name(name)
    with store.write() as s:
        row = _write_held(s, clock.now(), uuid, cart, parts, name)
        s.flush()
        return _bill(row)


def recall(store: SqliteStore, clock: Clock, uuid: str, current_uuid: str | None = None,
           current: Cart | None = None, current_parts: tuple[PaymentIn, ...] = ()) -> HeldBill:
    """Make held bill ``uuid`` the open one; the current cart (if it has anything) is held first, in the same
    transaction. InputError when the bill is gone (recalled elsewhere or sold)."""
    now = clock.now()
    with store.write() as s:
        row = s.scalars(select(HeldRow).where(HeldRow.uuid == uuid, HeldRow.kind == "held")).first()
        if row is None:
            raise InputError("ไม่พบบิลที่พักไว้นี้ (อาจเรียกคืนหรือขายไปแล้ว)",
                             "That held bill is not there any more (recalled or sold already).")
        if current_uuid is not None and current is not None and (not current.is_empty or current_parts):
            _write_held(s, now, current_uuid, current, current_parts)
        elif current_uuid is not None:
            s.execute(delete(HeldRow).where(HeldRow.uuid == current_uuid, HeldRow.kind == "open"))
        s.execute(delete(HeldRow).where(HeldRow.kind == "open", HeldRow.uuid != uuid))  # one open bill at most
        row.kind, row.updated_at = "open", now
        _audit(s, now, "recall", uuid)
        s.flush()
        return _bill(row)


def rename(store: SqliteStore, clock: Clock, uuid: str, name: str) -> HeldBill:
    """Give a held bill a name or note (the customer, "collects at 3 pm")."""
    name = _clean_name(name)
    with store.write() as s:
        row = s.scalars(select(HeldRow).where(HeldRow.uuid == uuid)).first()
        if row is None:
            raise InputError("ไม่พบบิลที่พักไว้นี้", "That held bill is not there any more.")
        row.name, row.updated_at = name, clock.now()
        s.flush()
        return _bill(row)


def discard(store: SqliteStore, clock: Clock, uuid: str) -> None:
    """Remove a held bill that has no payment parts (money taken must be handed back part by part first)."""
    with store.write() as s:
        row = s.scalars(select(HeldRow).where(HeldRow.uuid == uuid)).first()
        if row is None:
            return
        parts = parts_from_json(row.parts_json)
        if parts:
            taken = format_baht(sum(p.amount_satang for p in parts))
            raise SaleError(f"บิลนี้รับเงินไปแล้ว {taken} บาท: คืนเงินและลบรายการรับเงินก่อน",
                            f"{taken} baht has been taken on this bill: hand it back and remove those "
                            "payments first.")
        s.delete(row)
        _audit(s, clock.now(), "discard_held", uuid, total=cart_from_json(row.cart_json).total_satang)


def new_bill_uuid() -> str:
    """A fresh id for the next open bill."""
    return new_uuid()

"""Organiser use cases for the fair's payment methods (``otop-pos fair methods``): list, add, change, remove.

Every fair has the built-ins (``core.vocabulary.FAIR_METHOD_DEFAULTS``, ``fair.fairs.default_methods``: the booth's methods, card, คนละครึ่ง and
the state welfare card) from its creation or from migration f0006m. The organiser adds schemes (a co-payment with
the state's share in percent and an optional per-customer daily cap, or a wholly state-funded card), changes them
between rounds and removes those no imported document uses. Built-ins can be changed but not removed, and their
kind stays. Every refusal is an ``InputError`` and leaves the store as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from otop_pos.core.errors import InputError
from otop_pos.core.methods import MAX_METHODS, MethodSpec, method_code, method_kind, method_name, method_shares
from otop_pos.core.visible import visible
from otop_pos.core.vocabulary import MethodKind
from otop_pos.fair.fairs import find_fair
from otop_pos.fair.store import FairStore
from otop_pos.store.fair_models import FairMethod, OrderMoney, Payment, Refund


@dataclass(frozen=True)
class FairMethodInfo:
    """One payment method of a fair, as ``fair methods --json`` lists it (``builtin`` is not in the JSON)."""

    code: str
    name_th: str
    name_en: str
    kind: MethodKind
    state_percent: int
    daily_cap_satang: int | None
    builtin: bool = False

    def as_json(self) -> dict[str, object]:
        """The CLI contract's object: code, name_th, name_en, kind, state_percent, daily_cap_satang."""
        return self.spec.as_json()

    @property
    def spec(self) -> MethodSpec:
        """The method as the booth package carries it."""
        return MethodSpec(self.code, self.name_th, self.name_en, self.kind, self.state_percent,
                          self.daily_cap_satang)


@dataclass(frozen=True)
class RemovedMethod:
    """What ``remove_method`` removed."""

    code: str
    name_th: str
    name_en: str


def _info(m: FairMethod) -> FairMethodInfo:
    kind: MethodKind = "copay" if m.kind == "copay" else "state" if m.kind == "state" else "plain"
    return FairMethodInfo(m.code, m.name_th, m.name_en, kind, m.state_percent, m.daily_cap_satang, m.builtin)


def _rows(s: Session, fair_id: int) -> list[FairMethod]:
    return list(s.scalars(select(FairMethod).where(FairMethod.fair_id == fair_id)
                          .order_by(FairMethod.position, FairMethod.id)))


def list_methods(store: FairStore, fair_ref: str | None = None) -> tuple[FairMethodInfo, ...]:
    """The fair's payment methods, built-ins first, then the fair's own in the order they were added."""
    with store.read() as s:
        return tuple(_info(m) for m in _rows(s, find_fair(s, fair_ref).id))


def add_method(store: FairStore, fair_ref: str | None, code: str, *, name_th: str, name_en: str, kind: str,
               state_percent: int | None = None, daily_cap_satang: int | None = None) -> FairMethodInfo:
    """Add a payment method to the fair; refused when the code is taken or a value does not fit its kind."""
    code, kind_ = method_code(code), method_kind(kind)
    th, en = method_name(name_th, "ชื่อภาษาไทย", "Thai name"), method_name(name_en, "ชื่อภาษาอังกฤษ", "English name")
    percent, cap = method_shares(kind_, state_percent, daily_cap_satang)
    with store.write() as s:
        fair = find_fair(s, fair_ref)
        rows = _rows(s, fair.id)
        if any(m.code == code for m in rows):
            raise InputError(f"งานนี้มีวิธีชำระเงินรหัส {code} อยู่แล้ว (แก้ด้วย otop-pos fair methods set {code})",
                             f"The fair already has a payment method {code} (change it with "
                             f"otop-pos fair methods set {code}).")
        if len(rows) >= MAX_METHODS:
            raise InputError(f"งานหนึ่งมีวิธีชำระเงินได้ไม่เกิน {MAX_METHODS} วิธี ลบวิธีที่ไม่ใช้ก่อน",
                             f"A fair has at most {MAX_METHODS} payment methods: remove an unused one first.")
        row = FairMethod(fair_id=fair.id, code=code, name_th=th, name_en=en, kind=kind_, state_percent=percent,
                         daily_cap_satang=cap, builtin=False, position=max((m.position for m in rows), default=0) + 1)
        s.add(row)
        s.flush()
        return _info(row)


def _find(s: Session, fair_id: int, code: str) -> FairMethod:
    found = s.scalars(select(FairMethod).where(FairMethod.fair_id == fair_id, FairMethod.code == code)).first()
    if found is None:
        raise InputError(f"งานนี้ไม่มีวิธีชำระเงินรหัส {visible(code)} (ดูรายการด้วย otop-pos fair methods)",
                         f"The fair has no payment method {visible(code)} (see otop-pos fair methods).")
    return found


def set_method(store: FairStore, fair_ref: str | None, code: str, *, name_th: str | None = None,
               name_en: str | None = None, kind: str | None = None, state_percent: int | None = None,
               daily_cap_satang: int | None = None, clear_cap: bool = False) -> FairMethodInfo:
    """Change a method's names, kind, share or cap (what is not given stays; ``clear_cap`` removes the cap).
    A built-in's kind cannot change."""
    code = method_code(code)
    with store.write() as s:
        row = _find(s, find_fair(s, fair_ref).id, code)
        new_kind = method_kind(kind) if kind is not None else _info(row).kind
        if row.builtin and new_kind != row.kind:
            raise InputError(f"{code} มีอยู่ในระบบ เปลี่ยนประเภทไม่ได้ (เปลี่ยนได้เฉพาะชื่อ ส่วนของรัฐ และวงเงิน)",
                             f"{code} is built in: its kind cannot change (its names, share and cap can).")
        if kind is not None and new_kind != row.kind:   # a new kind starts from that kind's own values
            percent = state_percent
            cap = daily_cap_satang
        else:
            percent = state_percent if state_percent is not None else (row.state_percent if new_kind != "plain"
                                                                       else None)
            cap = None if clear_cap else daily_cap_satang if daily_cap_satang is not None else row.daily_cap_satang
        percent_, cap_ = method_shares(new_kind, percent, cap)
        th = method_name(name_th, "ชื่อภาษาไทย", "Thai name") if name_th is not None else row.name_th
        en = method_name(name_en, "ชื่อภาษาอังกฤษ", "English name") if name_en is not None else row.name_en
        row.name_th, row.name_en, row.kind, row.state_percent, row.daily_cap_satang = th, en, new_kind, percent_, cap_
        s.flush()
        return _info(row)


def documents_using(s: Session, fair_id: int, code: str) -> int:
    """How many imported documents of the fair use method ``code``: sales with a part paid by it, refunds
    paid back by it, orders with a deposit paid or given back by it."""
    sales = s.scalar(select(func.count(func.distinct(Payment.sale_id)))
                     .where(Payment.fair_id == fair_id, Payment.method == code)) or 0
    refunds = s.scalar(select(func.count()).select_from(Refund)
                       .where(Refund.fair_id == fair_id, Refund.method == code)) or 0
    orders = s.scalar(select(func.count(func.distinct(OrderMoney.order_id)))
                      .where(OrderMoney.fair_id == fair_id, OrderMoney.method == code)) or 0
    return int(sales) + int(refunds) + int(orders)


def remove_method(store: FairStore, fair_ref: str | None, code: str) -> RemovedMethod:
    """Remove a method the fair defined; refused for a built-in and while any imported document uses it."""
    code = method_code(code)
    with store.write() as s:
        fair = find_fair(s, fair_ref)
        row = _find(s, fair.id, code)
        if row.builtin:
            raise InputError(f"{code} ({row.name_th}) มีอยู่ในระบบ ลบไม่ได้",
                             f"{code} ({row.name_en}) is built in and cannot be removed.")
        used = documents_using(s, fair.id, code)
        if used:
            raise InputError(f"ลบ {code} ({row.name_th}) ไม่ได้: มีเอกสารที่นำเข้าแล้วใช้อยู่ {used:,} รายการ",
                             f"{code} ({row.name_en}) cannot be removed: {used:,} imported "
                             f"document{'s' if used != 1 else ''} use it.")
        removed = RemovedMethod(row.code, row.name_th, row.name_en)
        s.delete(row)
        return removed

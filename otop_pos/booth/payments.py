"""Settling a total with one or several payments: pure integer math, change only from cash.

A sale is paid in parts taken one by one (cash, PromptPay, transfer, or any other method of the fair: card, a
co-payment scheme, a state card) and, at the end, the cash handed over for what is left; the parts belong to the
cart until the sale is saved (booth/held.py keeps them). A co-payment part is its whole amount, of which
``state_satang`` is what the state pays (the ถุงเงิน slip's figure) and the rest what the customer paid.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from otop_pos.core.errors import SaleError
from otop_pos.core.limits import check_amount
from otop_pos.core.methods import METHOD_CODE_RE, MethodSpec
from otop_pos.core.money import format_baht
from otop_pos.core.visible import visible


@dataclass(frozen=True)
class PaymentIn:
    """A payment as the vendor enters it. Cash gives ``tendered_satang``; others give ``amount_satang``.
    ``method`` is a code of the fair's methods; ``state_satang`` the state's share of a co-payment or state-card
    part (0 for others); ``reference`` the transfer's or the slip's reference."""

    method: str
    amount_satang: int = 0
    tendered_satang: int | None = None
    reference: str = ""
    state_satang: int = 0

    @property
    def customer_satang(self) -> int:
        """What the customer paid of this part (the whole but the state's share)."""
        return self.amount_satang - self.state_satang


@dataclass(frozen=True)
class SettledPayment:
    """A payment as stored: what it settled, the state's share of it, and for cash what was handed over and
    given back."""

    method: str
    amount_satang: int
    tendered_satang: int | None
    change_satang: int
    reference: str
    state_satang: int = 0


def check_part(p: PaymentIn, methods: Mapping[str, MethodSpec] | None = None) -> None:
    """SaleError unless ``p`` uses a method of ``methods`` (None: any well-formed code) and its state share
    fits the method's kind: none for a plain method, the whole for a state card, up to the whole for a
    co-payment."""
    spec = methods.get(p.method) if methods is not None else None
    if (methods is not None and spec is None) or not METHOD_CODE_RE.match(p.method or ""):
        raise SaleError(f"ร้านนี้ไม่มีวิธีชำระเงิน “{visible(p.method or '')}” ในรายการของงาน",
                        f"The payment method “{visible(p.method or '')}” is not one of this fair's methods.")
    whole = p.amount_satang if p.tendered_satang is None else p.tendered_satang
    if p.state_satang < 0 or p.state_satang > whole:
        raise SaleError("ส่วนที่รัฐจ่ายต้องไม่ติดลบและไม่เกินยอดของรายการชำระนั้น",
                        "The state's share must be zero or more and at most the part's amount.")
    kind = spec.kind if spec is not None else ("plain" if p.method == "cash" else None)
    if kind == "plain" and p.state_satang:
        raise SaleError("วิธีชำระเงินนี้ไม่มีส่วนที่รัฐจ่าย", "This payment method has no state share.")
    if kind == "state" and p.state_satang != whole:
        raise SaleError("บัตรที่รัฐจ่ายทั้งหมด: ส่วนของรัฐต้องเท่ากับยอดทั้งหมด",
                        "A state card: the state's share must be the whole amount.")


def _over_due(p: PaymentIn, remaining: int) -> SaleError:
    over = format_baht(p.amount_satang - remaining)
    if p.method == "cash":
        return SaleError(f"เงินสดส่วนนี้เกินยอดค้างชำระ {over} บาท (ใส่ยอดที่รับทั้งหมดในช่องรับเงินสดเพื่อทอน)",
                         f"This cash part is {over} baht more than is due (type all the cash received in the "
                         "cash field to give change).")
    what = "ยอดโอน/พร้อมเพย์" if p.method in ("promptpay", "transfer") else "ยอดชำระส่วนนี้"
    return SaleError(
        f"{what}เกินยอดที่ต้องชำระ {over} บาท (ทอนเงินได้จากเงินสดเท่านั้น)",
        f"The {p.method} payment is {over} baht more than is due (change can only be given from cash).",
    )


def settle(total_satang: int, payments: list[PaymentIn] | tuple[PaymentIn, ...],
           methods: Mapping[str, MethodSpec] | None = None) -> list[SettledPayment]:
    """Apply payments to ``total_satang``; SaleError unless they cover it exactly (change only from cash).

    A payment with an ``amount_satang`` is a part taken (cash, PromptPay, transfer): it settles that amount
    and may not exceed what is left. At most one cash payment gives a ``tendered_satang``: it settles the
    rest, and anything above the rest is change. All the cash of a sale is stored as one cash payment (its
    parts and the cash handed over at the end added together). ``methods`` (the booth's, by code) are the
    methods a payment may use (None: any well-formed code; the checkout passes the booth's list).
    """
    if total_satang > 0 and not payments:
        raise SaleError("ยังไม่ได้รับชำระเงิน", "No payment has been entered.")
    tendered = [p for p in payments if p.method == "cash" and p.tendered_satang is not None]
    if len(tendered) > 1:
        raise SaleError("รับเงินสดได้ครั้งเดียวต่อบิล", "Enter cash once per sale (add the amounts together).")
    settled: list[SettledPayment] = []
    remaining = total_satang
    cash_parts = 0
    cash_refs: list[str] = []
    for p in payments:
        check_part(p, methods)
        if p.method == "cash" and p.tendered_satang is not None:
            continue
        if p.amount_satang <= 0:
            raise SaleError("ยอดชำระต้องมากกว่าศูนย์", "A payment amount must be more than zero.")
        if p.amount_satang > remaining:
            raise _over_due(p, remaining)
        remaining -= p.amount_satang
        if p.method == "cash":
            cash_parts += p.amount_satang
            if p.reference.strip():
                cash_refs.append(p.reference.strip())
            continue
        settled.append(SettledPayment(p.method, p.amount_satang, None, 0, p.reference.strip()[:64], p.state_satang))
    cash_tendered = cash_parts
    change = 0
    if tendered:
        c = tendered[0]
        given = c.tendered_satang or 0
        if given <= 0:
            raise SaleError("จำนวนเงินสดที่รับต้องมากกว่าศูนย์", "The cash received must be more than zero.")
        if given < remaining:
            raise SaleError(
                f"เงินสดยังไม่พอ ขาดอีก {format_baht(remaining - given)} บาท",
                f"Not enough cash: {format_baht(remaining - given)} baht short.",
            )
        if remaining == 0:
            raise SaleError("ยอดชำระครบแล้ว ไม่ต้องรับเงินสดเพิ่ม", "The sale is already paid; no cash is needed.")
        cash_tendered += given
        change = given - remaining
        cash_parts += remaining
        if c.reference.strip():
            cash_refs.append(c.reference.strip())
        remaining = 0
    if cash_parts:
        # the cash handed over in all, as stored: never more than the organiser's import takes
        check_amount(cash_tendered, "เงินสดที่รับ", "cash received")
        settled.append(SettledPayment("cash", cash_parts, cash_tendered, change, " ".join(cash_refs)[:64]))
    if remaining > 0:
        raise SaleError(
            f"ชำระยังไม่ครบ ขาดอีก {format_baht(remaining)} บาท",
            f"The payments do not cover the total: {format_baht(remaining)} baht still due.",
        )
    return settled


def change_of(settled: list[SettledPayment]) -> int:
    """The change given back (from cash only)."""
    return sum(p.change_satang for p in settled)


@dataclass(frozen=True)
class Tender:
    """Where a payment stands while the vendor takes it: what the parts taken cover, and cash against the rest."""

    total_satang: int
    taken_satang: int              # parts already taken (any method)
    due_satang: int                # what is still to pay
    tendered_satang: int | None    # cash typed so far
    change_satang: int             # cash above what is due
    short_satang: int              # cash below what is due

    @property
    def covered(self) -> bool:
        """True when the parts taken and the cash cover the total."""
        return self.due_satang == 0 or (self.tendered_satang is not None and self.short_satang == 0)


def tender(total_satang: int, taken: list[PaymentIn] | tuple[PaymentIn, ...],
           cash_tendered: int | None = None) -> Tender:
    """Due, change and short for ``total_satang`` with the parts ``taken`` and the cash typed."""
    paid = sum(p.amount_satang for p in taken)
    due = max(total_satang - paid, 0)
    change = short = 0
    if cash_tendered is not None:
        change, short = max(cash_tendered - due, 0), max(due - cash_tendered, 0)
    return Tender(total_satang, paid, due, cash_tendered, change, short)


def take_part(total_satang: int, taken: list[PaymentIn] | tuple[PaymentIn, ...],
              part: PaymentIn) -> tuple[PaymentIn, ...]:
    """The parts taken plus ``part`` (any method: an amount, no change); SaleError (saying why) when it is zero,
    more than is due, or its state share does not fit."""
    if part.tendered_satang is not None:
        part = PaymentIn(part.method, part.tendered_satang, None, part.reference, part.state_satang)
    due = tender(total_satang, taken).due_satang
    settle(part.amount_satang, [part])   # the method and the amount (more than zero) as a payment of its own
    if part.amount_satang > due:
        raise _over_due(part, due)
    return (*taken, part)


def final_payments(total_satang: int, taken: list[PaymentIn] | tuple[PaymentIn, ...],
                   cash_tendered: int | None) -> tuple[PaymentIn, ...]:
    """The payments of a completed sale: the parts taken, plus the cash when something is still due.
    SaleError (saying what is missing) when they do not settle the total."""
    payments = tuple(taken)
    if sum(p.amount_satang for p in taken) > total_satang:
        # the bill shrank below the parts taken (a line removed): the cash parts become the cash handed
        # over, and the change comes from them; parts by other methods cannot give change
        cash = sum(p.amount_satang for p in taken if p.method == "cash")
        others = tuple(p for p in taken if p.method != "cash")
        if cash and cash_tendered is None:
            payments = (*others, PaymentIn("cash", tendered_satang=cash))
            settle(total_satang, payments)   # SaleError when the other parts alone are more than the bill
            return payments
    if tender(total_satang, payments).due_satang > 0:
        if cash_tendered is None:
            raise SaleError("ยังไม่ได้ใส่จำนวนเงินสดที่รับ", "Enter the cash received.")
        payments = (*payments, PaymentIn("cash", tendered_satang=cash_tendered))
    settle(total_satang, payments)
    return payments

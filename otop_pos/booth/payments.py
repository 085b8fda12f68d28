"""Settling a total with one or several payments: pure integer math, change only from cash."""
from __future__ import annotations

from dataclasses import dataclass

from otop_pos.core.documents import PAYMENT_METHODS, PaymentMethod
from otop_pos.core.errors import SaleError
from otop_pos.core.money import format_baht


@dataclass(frozen=True)
class PaymentIn:
    """A payment as the vendor enters it. Cash gives ``tendered_satang``; others give ``amount_satang``."""

    method: PaymentMethod
    amount_satang: int = 0
    tendered_satang: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class SettledPayment:
    """A payment as stored: what it settled, and for cash what was handed over and given back."""

    method: PaymentMethod
    amount_satang: int
    tendered_satang: int | None
    change_satang: int
    reference: str


def settle(total_satang: int, payments: list[PaymentIn] | tuple[PaymentIn, ...]) -> list[SettledPayment]:
    """Apply payments to ``total_satang``; SaleError unless they cover it exactly (change only from cash).

    Non-cash payments settle their amount and may not exceed what is left; cash settles the rest, and
    anything tendered above it is change. At most one cash payment.
    """
    if total_satang > 0 and not payments:
        raise SaleError("ยังไม่ได้รับชำระเงิน", "No payment has been entered.")
    cash = [p for p in payments if p.method == "cash"]
    if len(cash) > 1:
        raise SaleError("รับเงินสดได้ครั้งเดียวต่อบิล", "Enter cash once per sale (add the amounts together).")
    settled: list[SettledPayment] = []
    remaining = total_satang
    for p in payments:
        if p.method not in PAYMENT_METHODS:
            raise SaleError("วิธีชำระเงินไม่ถูกต้อง", f"Unknown payment method {p.method!r}.")
        if p.method == "cash":
            continue
        if p.amount_satang <= 0:
            raise SaleError("ยอดชำระต้องมากกว่าศูนย์", "A payment amount must be more than zero.")
        if p.amount_satang > remaining:
            raise SaleError(
                f"ยอดโอน/พร้อมเพย์เกินยอดที่ต้องชำระ {format_baht(p.amount_satang - remaining)} บาท "
                "(ทอนเงินได้จากเงินสดเท่านั้น)",
                f"The {p.method} payment is {format_baht(p.amount_satang - remaining)} more than is due "
                "(change can only be given from cash).",
            )
        remaining -= p.amount_satang
        settled.append(SettledPayment(p.method, p.amount_satang, None, 0, p.reference.strip()[:64]))
    if cash:
        c = cash[0]
        tendered = c.tendered_satang if c.tendered_satang is not None else c.amount_satang
        if tendered <= 0:
            raise SaleError("จำนวนเงินสดที่รับต้องมากกว่าศูนย์", "The cash received must be more than zero.")
        if tendered < remaining:
            raise SaleError(
                f"เงินสดยังไม่พอ ขาดอีก {format_baht(remaining - tendered)} บาท",
                f"Not enough cash: {format_baht(remaining - tendered)} baht short.",
            )
        if remaining == 0:
            raise SaleError("ยอดชำระครบแล้ว ไม่ต้องรับเงินสดเพิ่ม", "The sale is already paid; no cash is needed.")
        settled.append(SettledPayment("cash", remaining, tendered, tendered - remaining, c.reference.strip()[:64]))
        remaining = 0
    if remaining > 0:
        raise SaleError(
            f"ชำระยังไม่ครบ ขาดอีก {format_baht(remaining)} บาท",
            f"The payments do not cover the total: {format_baht(remaining)} baht still due.",
        )
    return settled


def change_of(settled: list[SettledPayment]) -> int:
    """The change given back (from cash only)."""
    return sum(p.change_satang for p in settled)

"""Bounds on every amount and count, declared once: the booth refuses what the organiser's import refuses.

A booth must never write a document the organiser cannot take, so the booth's use cases, its input fields
and the organiser's import all read these numbers. They leave room for large orders (฿10 million on one
document) while keeping any day's sums far inside a 64-bit integer.
"""
from __future__ import annotations

from otop_pos.core.errors import InputError

SATANG_PER_BAHT = 100

#: The largest amount on one document: a sale or refund total, one payment, the cash handed over, a
#: discount, a unit price or a line total (฿10,000,000.00).
MAX_DOCUMENT_SATANG = 10_000_000 * SATANG_PER_BAHT
#: The largest quantity on one line.
MAX_QTY = 9999
#: The largest opening float or counted cash of one till day (฿10,000,000.00).
MAX_CASH_COUNT_SATANG = 10_000_000 * SATANG_PER_BAHT
#: Cash handed over at least this much above what is due asks the vendor to confirm (the largest note, ฿1,000).
CONFIRM_CASH_ABOVE_DUE_SATANG = 1000 * SATANG_PER_BAHT
#: The largest number of lines on one document.
MAX_LINES = 500


def _baht(satang: int) -> str:
    return f"{satang / SATANG_PER_BAHT:,.2f}"


def check_amount(satang: int, what_th: str, what_en: str, *, limit: int = MAX_DOCUMENT_SATANG,
                 allow_zero: bool = True) -> int:
    """``satang`` when it lies within 0 (or 1) and ``limit``; InputError naming the amount otherwise."""
    if not isinstance(satang, int) or isinstance(satang, bool):
        raise InputError(f"{what_th}ต้องเป็นจำนวนเงิน", f"The {what_en} must be an amount of money.")
    low = 0 if allow_zero else 1
    if satang < low:
        raise InputError(f"{what_th}ต้องมากกว่าศูนย์" if low else f"{what_th}ต้องไม่ติดลบ",
                         f"The {what_en} must be more than zero." if low else f"The {what_en} cannot be negative.")
    if satang > limit:
        raise InputError(f"{what_th} {_baht(satang)} บาท เกินกว่าที่ระบบรับได้ (สูงสุด {_baht(limit)} บาท)",
                         f"The {what_en} of {_baht(satang)} baht is more than the app accepts "
                         f"(at most {_baht(limit)} baht).")
    return satang

"""Money as integer satang (100 satang = 1 baht): parsing, formatting, percentages, splitting.

Floats are never used: every amount is an ``int`` number of satang.
"""
from __future__ import annotations

import re

from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import InputError
from otop_pos.core.limits import MAX_QTY

SATANG_PER_BAHT = 100
BASIS_POINTS_PER_PERCENT = 100
MAX_BASIS_POINTS = 100 * BASIS_POINTS_PER_PERCENT
MAX_QUANTITY = MAX_QTY
#: The most digits an amount's whole baht may have: far above any bound in ``limits`` yet far inside a
#: 64-bit integer, so a barcode scanned into an amount field is a clear error, never an overflow.
MAX_BAHT_DIGITS = 15

_MINUS_SIGNS = "-\u2212\u2013"  # hyphen-minus, minus sign, en dash (spreadsheets write the latter two)
_PREFIXES = ("฿", "THB")
_SUFFIXES = (".-", "บาท", "บ.", "฿", "THB", "BAHT")
# integer part: plain digits or comma thousands groups; fraction: 1 or 2 digits
_NUMBER_RE = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d+))?")


def _amount_error(text: object, th_reason: str, en_reason: str) -> InputError:
    return InputError(
        f"จำนวนเงิน “{text}” ไม่ถูกต้อง: {th_reason}",
        f"The amount “{text}” is not valid: {en_reason}.",
    )


def _short(text: object) -> str:
    """``text`` cut to 24 characters for a message."""
    shown = str(text)
    return shown if len(shown) <= 24 else shown[:24] + "…"


def _strip_affixes(body: str) -> str:
    """Remove one currency prefix and one currency/price-style suffix (with spaces around them)."""
    changed = True
    seen_prefix = seen_suffix = False
    while changed:
        changed = False
        upper = body.upper()
        if not seen_prefix:
            for p in _PREFIXES:
                if upper.startswith(p):
                    body = body[len(p):].lstrip()
                    seen_prefix = changed = True
                    break
        upper = body.upper()
        if not seen_suffix:
            for s in _SUFFIXES:
                if upper.endswith(s) and len(body) > len(s):
                    body = body[: -len(s)].rstrip()
                    seen_suffix = changed = True
                    break
    return body


def parse_baht(text: str | int, *, allow_negative: bool = False) -> int:
    """Parse a typed baht amount ("1,190.00", "฿120", "120 บาท", "๑๒๐.๕๐", "120.-") into satang.

    An ``int`` is a whole number of baht. Raises ``InputError`` (Thai and English) when the text
    is empty, has more than two decimals, badly placed commas, spaces inside the number, or is
    negative while ``allow_negative`` is false.
    """
    if isinstance(text, bool):
        raise TypeError("parse_baht expects str or int, not bool")
    if isinstance(text, int):
        if text < 0 and not allow_negative:
            raise _amount_error(text, "ต้องไม่ติดลบ", "it must not be negative")
        return text * SATANG_PER_BAHT
    if not isinstance(text, str):
        raise TypeError(f"parse_baht expects str or int, not {type(text).__name__}")

    body = normalize_digits(text).strip()
    if not body:
        raise InputError("กรุณาใส่จำนวนเงิน", "Please enter an amount.")

    negative = False
    # a minus may stand before or after the currency symbol: "-฿120" or "฿-120"
    if body[0] in _MINUS_SIGNS:
        negative, body = True, body[1:].lstrip()
    body = _strip_affixes(body)
    if body and body[0] in _MINUS_SIGNS and not negative:
        negative, body = True, body[1:].lstrip()

    if not body:
        raise _amount_error(text, "ไม่มีตัวเลข", "it has no digits")
    if any(ch.isspace() for ch in body):
        raise _amount_error(text, "มีช่องว่างอยู่ระหว่างตัวเลข", "it has spaces inside the number")
    match = _NUMBER_RE.fullmatch(body)
    if match is None or (match.group("int") is None and match.group("frac") is None):
        if "," in body and re.fullmatch(r"[\d,]+(?:\.\d*)?", body):
            raise _amount_error(
                text,
                "เครื่องหมายจุลภาคต้องคั่นทุกสามหลัก เช่น 1,190.00",
                "commas must separate groups of three digits, e.g. 1,190.00",
            )
        raise _amount_error(
            text, "ใส่ได้เฉพาะตัวเลข เช่น 1,190.00 หรือ ฿120", "use digits only, e.g. 1,190.00 or ฿120"
        )
    frac = match.group("frac") or ""
    if len(frac) > 2:
        raise _amount_error(
            text, "ทศนิยมได้ไม่เกินสองตำแหน่ง (สตางค์)", "at most two decimals (satang) are allowed"
        )
    digits = (match.group("int") or "0").replace(",", "").lstrip("0")
    if len(digits) > MAX_BAHT_DIGITS:
        raise _amount_error(_short(text), "ตัวเลขยาวเกินไป (สแกนบาร์โค้ดลงช่องจำนวนเงินหรือไม่)",
                            "the number is far too large (was a barcode scanned into an amount field?)")
    whole = int(digits or "0")
    satang = whole * SATANG_PER_BAHT + int(frac.ljust(2, "0"))
    if negative and satang:
        if not allow_negative:
            raise _amount_error(text, "ต้องไม่ติดลบ", "it must not be negative")
        satang = -satang
    return satang


def format_baht(satang: int, *, symbol: bool = False, decimals: bool | None = None) -> str:
    """Format satang as "1,190.00" ("฿1,190.00" with ``symbol``; "-฿1,190.00" when negative).

    ``decimals=False`` drops ".00" for whole-baht amounts only; other amounts always show two
    decimals. ``None`` (the default) means two decimals.
    """
    if isinstance(satang, bool) or not isinstance(satang, int):
        raise TypeError(f"format_baht expects int satang, not {type(satang).__name__}")
    sign = "-" if satang < 0 else ""
    whole, frac = divmod(abs(satang), SATANG_PER_BAHT)
    number = f"{whole:,}"
    if decimals is not False or frac:
        number += f".{frac:02d}"
    return f"{sign}{'฿' if symbol else ''}{number}"


def _round_half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half away from zero (``denominator`` > 0)."""
    q, r = divmod(abs(numerator), denominator)
    if 2 * r >= denominator:
        q += 1
    return -q if numerator < 0 else q


def apply_percent(satang: int, basis_points: int) -> int:
    """The ``basis_points`` share of ``satang`` (1 % = 100 bp), rounded half up to the satang.

    Negative amounts round symmetrically (half away from zero), so a refund mirrors its sale.
    """
    return _round_half_up_div(satang * basis_points, MAX_BASIS_POINTS)


def parse_percent(text: str) -> int:
    """Parse "10", "10%", "12.5 %" or Thai digits into basis points (0..10000, i.e. 0–100 %)."""
    body = normalize_digits(str(text)).strip()
    if body.endswith("%"):
        body = body[:-1].rstrip()
    match = re.fullmatch(r"(\d{1,12})?(?:\.(\d+))?", body)
    if not body or match is None or (match.group(1) is None and match.group(2) is None):
        raise InputError(
            f"เปอร์เซ็นต์ “{_short(text)}” ไม่ถูกต้อง ใส่ตัวเลข 0 ถึง 100 เช่น 10 หรือ 12.5%",
            f"The percentage “{_short(text)}” is not valid; enter a number from 0 to 100, e.g. 10 or 12.5%.",
        )
    frac = match.group(2) or ""
    if len(frac) > 2:
        raise InputError(
            f"เปอร์เซ็นต์ “{text}” มีทศนิยมได้ไม่เกินสองตำแหน่ง",
            f"The percentage “{text}” may have at most two decimals.",
        )
    bp = int(match.group(1) or "0") * BASIS_POINTS_PER_PERCENT + int(frac.ljust(2, "0"))
    if bp > MAX_BASIS_POINTS:
        raise InputError(
            f"เปอร์เซ็นต์ “{text}” ต้องอยู่ระหว่าง 0 ถึง 100",
            f"The percentage “{text}” must be between 0 and 100.",
        )
    return bp


def parse_quantity(text: str) -> int:
    """Parse a quantity: a whole number from 1 to 9999 (Thai digits and "1,000" accepted)."""
    body = normalize_digits(str(text)).strip()
    if len(body) > 12 or not re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", body):
        text = _short(text)
        raise InputError(
            f"จำนวน “{text}” ไม่ถูกต้อง ใส่จำนวนเต็ม 1 ถึง {MAX_QUANTITY:,}",
            f"The quantity “{text}” is not valid; enter a whole number from 1 to {MAX_QUANTITY:,}.",
        )
    qty = int(body.replace(",", ""))
    if not 1 <= qty <= MAX_QUANTITY:
        raise InputError(
            f"จำนวน “{text}” ต้องอยู่ระหว่าง 1 ถึง {MAX_QUANTITY:,}",
            f"The quantity “{text}” must be between 1 and {MAX_QUANTITY:,}.",
        )
    return qty


def split_evenly(total: int, parts: int) -> list[int]:
    """Split ``total`` satang into ``parts`` amounts that differ by at most one satang.

    The amounts sum exactly to ``total``; the larger (in magnitude) ones come first.
    """
    if parts < 1:
        raise ValueError(f"parts must be at least 1, not {parts}")
    q, r = divmod(abs(total), parts)
    shares = [q + 1] * r + [q] * (parts - r)
    return [-s for s in shares] if total < 0 else shares

"""Amounts in words for receipts: Thai (…บาทถ้วน / …สตางค์) and English (… baht only).

Thai rules: สิบ (not หนึ่งสิบ), ยี่สิบ for the twenties, เอ็ด for a final 1 after higher digits.
"""
from __future__ import annotations

from otop_pos.core.errors import InputError

_TH_DIGITS = ("ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า")
_TH_PLACES = ("", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน")
_MILLION = 1_000_000

_EN_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = (
    "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion",
    "septillion", "octillion", "nonillion", "decillion",
)


def _check(satang: int, allow_negative: bool) -> None:
    if isinstance(satang, bool) or not isinstance(satang, int):
        raise TypeError(f"expected int satang, not {type(satang).__name__}")
    if satang < 0 and not allow_negative:
        raise InputError(
            "ไม่สามารถเขียนจำนวนเงินติดลบเป็นตัวอักษรได้",
            "A negative amount cannot be written in words.",
        )


def _th_group(n: int, after_higher: bool) -> str:
    """Words for 0 <= n < 1,000,000; ``after_higher``: a higher (million) group is non-zero."""
    words: list[str] = []
    digits = str(n)
    size = len(digits)
    for i, ch in enumerate(digits):
        d = int(ch)
        place = size - 1 - i
        if d == 0:
            continue
        if place == 0:
            words.append("เอ็ด" if d == 1 and (n > 9 or after_higher) else _TH_DIGITS[d])
        elif place == 1:
            words.append({1: "", 2: "ยี่"}.get(d, _TH_DIGITS[d]) + "สิบ")
        else:
            words.append(_TH_DIGITS[d] + _TH_PLACES[place])
    return "".join(words)


def _th_number(n: int, after_higher: bool = False) -> str:
    """Thai words for a non-negative integer (no word for zero: returns "")."""
    if n < _MILLION:
        return _th_group(n, after_higher)
    high, low = divmod(n, _MILLION)
    return _th_number(high, after_higher) + "ล้าน" + _th_group(low, True)


def baht_text(satang: int, *, allow_negative: bool = False) -> str:
    """Thai words for an amount in satang: 123450 → "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์".

    Whole amounts end in "บาทถ้วน"; satang-only amounts have no "บาท" ("ห้าสิบสตางค์").
    A negative amount raises ``InputError`` unless ``allow_negative`` (then prefixed "ลบ").
    """
    _check(satang, allow_negative)
    if satang < 0:
        return "ลบ" + baht_text(-satang)
    baht, sat = divmod(satang, 100)
    if satang == 0:
        return "ศูนย์บาทถ้วน"
    if sat == 0:
        return _th_number(baht) + "บาทถ้วน"
    head = _th_number(baht) + "บาท" if baht else ""
    return head + _th_number(sat) + "สตางค์"


def _en_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts: list[str] = []
    if hundreds:
        parts.append(f"{_EN_ONES[hundreds]} hundred")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        parts.append(_EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else ""))
    elif rest:
        parts.append(_EN_ONES[rest])
    return " ".join(parts)


def _en_number(n: int) -> str:
    """English words (lower case, short scale) for a non-negative integer."""
    if n == 0:
        return "zero"
    groups: list[str] = []
    scale = 0
    while n:
        n, chunk = divmod(n, 1000)
        if chunk:
            if scale >= len(_EN_SCALES):
                raise ValueError("amount too large to write in English words")
            name = _EN_SCALES[scale]
            groups.append(_en_below_thousand(chunk) + (f" {name}" if name else ""))
        scale += 1
    return " ".join(reversed(groups))


def baht_text_en(satang: int, *, allow_negative: bool = False) -> str:
    """English words: 123450 → "One thousand two hundred thirty-four baht and fifty satang".

    Whole amounts end in "baht only" ("Zero baht only"); satang-only amounts read "Fifty satang".
    A negative amount raises ``InputError`` unless ``allow_negative`` (then prefixed "Minus").
    """
    _check(satang, allow_negative)
    if satang < 0:
        positive = baht_text_en(-satang)
        return "Minus " + positive[0].lower() + positive[1:]
    baht, sat = divmod(satang, 100)
    if sat == 0:
        text = f"{_en_number(baht)} baht only"
    elif baht == 0:
        text = f"{_en_number(sat)} satang"
    else:
        text = f"{_en_number(baht)} baht and {_en_number(sat)} satang"
    return text[0].upper() + text[1:]

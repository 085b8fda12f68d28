"""Identifier checks: GS1 barcodes (EAN-13, EAN-8, UPC-A), Thai 13-digit ID check digits, UUIDs.

Thai digits are accepted; no other characters (strip dashes and spaces before calling).
"""
from __future__ import annotations

import uuid

from otop_pos.core.digits import normalize_digits


def _digits(code: str, length: int | None = None) -> str | None:
    """``code`` with Thai digits normalised if it is all ASCII digits (of ``length``), else None."""
    if not isinstance(code, str):
        return None
    text = normalize_digits(code)
    if not (text.isascii() and text.isdigit()):
        return None
    if length is not None and len(text) != length:
        return None
    return text


def _gs1_check_digit(body: str) -> int:
    """GS1 mod-10 check digit for ``body`` (the digits before the check digit)."""
    total = sum(int(ch) * (3 if i % 2 == 0 else 1) for i, ch in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def ean13_check_digit(first12: str) -> int:
    """The EAN-13 check digit for the first 12 digits; ``ValueError`` if they are not 12 digits."""
    body = _digits(first12, 12)
    if body is None:
        raise ValueError(f"an EAN-13 body is 12 digits, not {first12!r}")
    return _gs1_check_digit(body)


def ean13_valid(code: str) -> bool:
    """True if ``code`` is 13 digits with a correct EAN-13 check digit."""
    text = _digits(code, 13)
    return text is not None and _gs1_check_digit(text[:12]) == int(text[12])


def gtin_valid(code: str) -> bool:
    """True for a valid EAN-8 (8 digits), UPC-A (12) or EAN-13 (13) code."""
    text = _digits(code)
    if text is None or len(text) not in (8, 12, 13):
        return False
    return _gs1_check_digit(text[:-1]) == int(text[-1])


def thai_id_check_digit(first12: str) -> int:
    """The check digit of a Thai national/tax ID: (11 − Σ dᵢ·(13−i) mod 11) mod 10."""
    body = _digits(first12, 12)
    if body is None:
        raise ValueError(f"a Thai ID body is 12 digits, not {first12!r}")
    total = sum(int(ch) * (13 - i) for i, ch in enumerate(body))
    return (11 - total % 11) % 10


def thai_id_valid(id13: str) -> bool:
    """True if ``id13`` is 13 digits with a correct Thai national/tax ID check digit."""
    text = _digits(id13, 13)
    return text is not None and thai_id_check_digit(text[:12]) == int(text[12])


def new_uuid() -> str:
    """A new random UUID (version 4) as a lower-case string with dashes."""
    return str(uuid.uuid4())

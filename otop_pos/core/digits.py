"""Thai digits (๐–๙, U+0E50–U+0E59) to and from ASCII digits.

Thai digits must be accepted wherever a number is typed; normalise them before parsing.
"""
from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ASCII_DIGITS = "0123456789"

_TO_ASCII = str.maketrans(THAI_DIGITS, ASCII_DIGITS)
_TO_THAI = str.maketrans(ASCII_DIGITS, THAI_DIGITS)


def normalize_digits(text: str) -> str:
    """Return ``text`` with Thai digits replaced by ASCII 0–9; other characters are unchanged."""
    return text.translate(_TO_ASCII)


def to_thai_digits(text: str) -> str:
    """Return ``text`` with ASCII digits 0–9 replaced by Thai digits ๐–๙."""
    return text.translate(_TO_THAI)

"""Text cells for spreadsheets that cannot turn into formulas (OWASP CSV/formula injection).

A cell starting with ``=``, ``+``, ``-``, ``@``, tab, CR, LF or NUL gets a leading apostrophe, so a
producer named ``=HYPERLINK(…)`` or ``+66…`` stays text in Excel, LibreOffice and Google Sheets.
Numbers are never passed through here: they stay numbers.
"""
from __future__ import annotations

import re

__all__ = ["DANGEROUS_LEADS", "is_dangerous", "safe_text"]

#: First characters that make a spreadsheet read a cell as a formula (or hide the start of one).
DANGEROUS_LEADS: frozenset[str] = frozenset({"=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠"})


#: Control characters XML 1.0 (and so XLSX) cannot hold; removed from every text cell.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_dangerous(text: str) -> bool:
    """True when ``text`` would be read as a formula (or could hide one) by a spreadsheet."""
    return bool(text) and text[0] in DANGEROUS_LEADS


def safe_text(text: str) -> str:
    """``text`` with a leading ``'`` when it starts like a formula, and without the control characters a
    spreadsheet cannot hold (NUL and the like; tab, CR and LF stay inside the text)."""
    text = str(text)
    cleaned = _ILLEGAL.sub("", text)
    if is_dangerous(text) or is_dangerous(cleaned):
        return "'" + cleaned
    return cleaned

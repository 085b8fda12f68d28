"""Text cells for spreadsheets that cannot turn into formulas (OWASP CSV/formula injection).

A cell starting with ``=``, ``+``, ``-``, ``@``, tab, CR, LF or NUL gets a leading apostrophe, so a
producer named ``=HYPERLINK(…)`` or ``+66…`` stays text in Excel, LibreOffice and Google Sheets.
Numbers are never passed through here: they stay numbers.
"""
from __future__ import annotations

import re

from otop_pos.core.visible import visible

__all__ = ["DANGEROUS_LEADS", "is_dangerous", "safe_text"]

#: First characters that make a spreadsheet read a cell as a formula (or hide the start of one).
DANGEROUS_LEADS: frozenset[str] = frozenset({"=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠"})


#: Control characters XML 1.0 (and so XLSX) cannot hold; removed from every text cell.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: DEL, C1 controls and bidi embeddings, overrides, isolates and marks: shown as escapes (``core.visible``),
#: so a cell reads as the text it holds (U+202E cannot turn a name around).
_HIDDEN = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def is_dangerous(text: str) -> bool:
    """True when ``text`` would be read as a formula (or could hide one) by a spreadsheet."""
    return bool(text) and text[0] in DANGEROUS_LEADS


def safe_text(text: str) -> str:
    """``text`` with a leading ``'`` when it starts like a formula, and without the control characters a
    spreadsheet cannot hold (NUL and the like; tab, CR and LF stay inside the text); C1 controls and bidi
    controls shown as escapes (``U+202E``)."""
    text = str(text)
    cleaned = _HIDDEN.sub(lambda m: visible(m.group()), _ILLEGAL.sub("", text))
    if is_dangerous(text) or is_dangerous(cleaned):
        return "'" + cleaned
    return cleaned

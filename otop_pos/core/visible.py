"""Text from files shown safely, and what a code may hold.

A file name or a value read from a file can hold terminal control codes (ESC sequences, a carriage return
that lets a line overwrite itself), bidi overrides (U+202E turns ``B001‮xtpo.exe`` around on screen) or bytes
that are no UTF-8 (kept by Python as lone surrogates, which cannot even be printed). ``visible`` shows every
such character as an escape (``\\x1b``, ``U+202E``) so that what a person reads is what the file holds; every
line the CLI prints about a file, and the organiser window's import table, go through it. ``code_problem``
says what is wrong with a code (vendor, booth, SKU, key id): a code is visible characters only — letters,
marks, digits, punctuation and symbols of any script, no spaces, no control or format characters.
"""
from __future__ import annotations

import unicodedata

__all__ = ["visible", "clean_text", "code_problem"]

_HIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # control, format (bidi, zero-width), surrogates, line separators
_CODE_CATEGORIES = {"L", "M", "N", "P", "S"}


def _escape(ch: str) -> str:
    n = ord(ch)
    if 0xDC80 <= n <= 0xDCFF:  # a byte that was not UTF-8 in a file name (surrogateescape)
        return f"\\x{n - 0xDC00:02x}"
    if n < 0x100:
        return f"\\x{n:02x}"
    return f"U+{n:04X}"


def visible(text: str) -> str:
    """``text`` with every control, format (bidi, zero-width), line-separator and surrogate character shown as
    an escape (``\\x1b``, ``\\x0d``, ``U+202E``, ``\\xff`` for a non-UTF-8 byte of a file name); other text as is."""
    if text.isprintable():  # no control, format, separator (but space) or surrogate character
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


def clean_text(text: str) -> str:
    """A name or note as a person typed or pasted it, made safe to keep: control, format (bidi overrides,
    zero-width spaces left by a wrapped label), surrogate and line-separator characters dropped, runs of
    white space made one space, the ends trimmed."""
    if not text.isprintable():
        text = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace()
                       or unicodedata.category(ch) not in _HIDDEN)
    return " ".join(text.split())


def code_problem(text: str) -> tuple[str, str] | None:
    """(Thai, English) saying which character a code may not hold (a space, a control or format character,
    an unassigned one), or None when every character is visible."""
    for ch in text:
        if unicodedata.category(ch)[0] not in _CODE_CATEGORIES:
            shown = "space" if ch == " " else _escape(ch) if unicodedata.category(ch) in _HIDDEN else f"U+{ord(ch):04X}"
            return (f"มีอักขระที่ใช้ในรหัสไม่ได้ ({shown})", f"holds a character a code cannot hold ({shown})")
    return None

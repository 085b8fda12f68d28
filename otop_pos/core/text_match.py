"""Text as a person reads it, for comparing and searching: what looks the same on screen is the same here.

Thai has spellings that draw alike: sara am (ำ) keyed as nikhahit + sara aa (ํา), sara ae (แ) keyed as two
sara e (เเ) — both common in spreadsheets typed by hand — and Thai digits (๐–๙) for ASCII ones. Zero-width
spaces (left by a wrapped label) and case do not count either.
"""
from __future__ import annotations

import re

from otop_pos.core.digits import normalize_digits

__all__ = ["fold", "match_key", "search_key", "spellings"]

_SAME_LOOK = (("\u0e4d\u0e32", "\u0e33"),   # ํ + า → ำ
              ("\u0e40\u0e40", "\u0e41"))   # เ + เ → แ
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def fold(text: str) -> str:
    """``text`` with look-alike Thai spellings made one, Thai digits made ASCII, zero-width characters
    dropped and case folded (spaces kept)."""
    text = _ZERO_WIDTH.sub("", normalize_digits(text))
    for alike, one in _SAME_LOOK:
        text = text.replace(alike, one)
    return text.casefold()


def match_key(text: str) -> str:
    """A name as a person reads it: ``fold`` with runs of white space made one space, the ends trimmed."""
    return " ".join(fold(text).split())


def search_key(text: str) -> str:
    """``text`` as a search compares it: ``fold`` without any space (``"ผ้า ไหม"`` finds ``ผ้าไหม``,
    ``"kk20"`` finds ``KK20-0018``, ``"๘๘๕"`` finds ``885…``)."""
    return "".join(fold(text).split())


def spellings(text: str) -> tuple[str, ...]:
    """Every way ``text`` may have been keyed that draws the same (ำ or ํา, แ or เเ), for a store search that
    cannot fold what it compares (SQL ``LIKE``): the text with one form throughout, then with the other."""
    one = text
    for alike, single in _SAME_LOOK:
        one = one.replace(alike, single)
    forms = [one]
    for alike, single in _SAME_LOOK:
        forms += [f.replace(single, alike) for f in forms if single in f]
    return tuple(dict.fromkeys(forms))

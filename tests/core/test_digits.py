"""Tests for otop_pos.core.digits."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.digits import normalize_digits, to_thai_digits


def test_all_thai_digits_map_to_ascii() -> None:
    assert normalize_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"


def test_code_points_are_u0e50_to_u0e59() -> None:
    assert normalize_digits("".join(chr(0x0E50 + i) for i in range(10))) == "0123456789"


def test_other_characters_unchanged() -> None:
    assert normalize_digits("฿๑,๒๐๐.๕๐ บาท abc") == "฿1,200.50 บาท abc"
    assert normalize_digits("") == ""
    assert normalize_digits("ครั้งที่ 20") == "ครั้งที่ 20"


def test_to_thai_digits() -> None:
    assert to_thai_digits("26 ต.ค. 2563 17:45") == "๒๖ ต.ค. ๒๕๖๓ ๑๗:๔๕"
    assert to_thai_digits("0123456789") == "๐๑๒๓๔๕๖๗๘๙"


def test_other_unicode_digits_untouched() -> None:
    # Arabic-Indic and full-width digits are not Thai: leave them for the parser to refuse
    assert normalize_digits("٣３") == "٣３"


@given(st.text())
def test_round_trip_from_ascii(text: str) -> None:
    thai = to_thai_digits(text)
    assert not any(ch in "0123456789" for ch in thai)
    assert normalize_digits(thai) == normalize_digits(text)


@given(st.text(alphabet="0123456789,.-฿ abc"))
def test_round_trip_ascii_text(text: str) -> None:
    assert normalize_digits(to_thai_digits(text)) == text

"""Tests for otop_pos.core.ids."""
from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.ids import (
    ean13_check_digit,
    ean13_valid,
    gtin_valid,
    new_uuid,
    thai_id_check_digit,
    thai_id_valid,
)


@pytest.mark.parametrize(
    ("first12", "check"),
    [
        ("885000000001", 0),  # Σ = 1·3 + 5 + 8·3 + 8 = 40
        ("400638133393", 1),  # 4006381333931, the classic example
        ("978020137962", 4),  # ISBN 978-0-201-37962-4
        ("000000000000", 0),
        ("885123456789", 8),  # Σ = 132
    ],
)
def test_ean13_check_digit(first12: str, check: int) -> None:
    assert ean13_check_digit(first12) == check
    assert ean13_valid(first12 + str(check))
    assert not ean13_valid(first12 + str((check + 1) % 10))


@pytest.mark.parametrize("bad", ["", "12345678901", "1234567890123", "88500000000a", "88500000000 "])
def test_ean13_check_digit_rejects_bad_body(bad: str) -> None:
    with pytest.raises(ValueError):
        ean13_check_digit(bad)


def test_ean13_thai_digits() -> None:
    assert ean13_valid("๔๐๐๖๓๘๑๓๓๓๙๓๑")
    assert ean13_check_digit("๔๐๐๖๓๘๑๓๓๓๙๓") == 1


@pytest.mark.parametrize(
    "bad", ["", "400638133393", "40063813339311", "400638133393x", " 4006381333931", "4006-381333931"]
)
def test_ean13_valid_rejects_shapes(bad: str) -> None:
    assert not ean13_valid(bad)


def test_ean13_valid_rejects_unicode_digits() -> None:
    assert not ean13_valid("٤٠٠٦٣٨١٣٣٣٩٣١")  # Arabic-Indic digits are not accepted


def test_ean13_valid_rejects_non_str() -> None:
    assert not ean13_valid(4006381333931)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("96385074", True),  # EAN-8
        ("96385075", False),
        ("036000291452", True),  # UPC-A
        ("036000291453", False),
        ("4006381333931", True),  # EAN-13
        ("4006381333932", False),
        ("1234567", False),
        ("12345678901234", False),  # GTIN-14 is not a retail code here
        ("", False),
        ("abcdefgh", False),
    ],
)
def test_gtin_valid(code: str, ok: bool) -> None:
    assert gtin_valid(code) is ok


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_ean13_every_body_has_exactly_one_check_digit(body: str) -> None:
    valid = [d for d in "0123456789" if ean13_valid(body + d)]
    assert valid == [str(ean13_check_digit(body))]
    assert gtin_valid(body + valid[0])


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 11), st.integers(1, 9))
def test_ean13_detects_single_digit_errors(body: str, pos: int, delta: int) -> None:
    code = body + str(ean13_check_digit(body))
    changed = code[:pos] + str((int(code[pos]) + delta) % 10) + code[pos + 1:]
    assert not ean13_valid(changed)


def test_thai_id_formula_by_hand() -> None:
    # 1-1111-11111-11-?: Σ = 13+12+…+2 = 90; 90 mod 11 = 2; (11 − 2) mod 10 = 9
    assert thai_id_check_digit("111111111111") == 9
    # 123456789012: Σ = 352 = 32·11; (11 − 0) mod 10 = 1
    assert thai_id_check_digit("123456789012") == 1


def test_promptpay_vector_ids_are_not_valid_ids() -> None:
    # PRODUCT.md PromptPay vectors use these; they fail the check digit (see promptpay tests)
    assert not thai_id_valid("1111111111111")
    assert not thai_id_valid("1234567890123")
    assert thai_id_valid("1111111111119")
    assert thai_id_valid("1234567890121")


def test_juristic_tax_id_starting_with_zero() -> None:
    # 0·13+1·12+0·11+5·10+5·9+3·8+6·7+0·6+1·5+2·4+3·3+4·2 = 203; 203 mod 11 = 5; 11 − 5 = 6
    assert thai_id_check_digit("010553601234") == 6
    assert thai_id_valid("0105536012346")
    assert not thai_id_valid("0105536012345")


def test_thai_id_valid_thai_digits() -> None:
    assert thai_id_valid("๑๑๑๑๑๑๑๑๑๑๑๑๙")


@pytest.mark.parametrize("bad", ["", "111111111111", "11111111111119", "1-1111-11111-11-9", "111111111111a"])
def test_thai_id_valid_rejects_shapes(bad: str) -> None:
    assert not thai_id_valid(bad)


def test_thai_id_check_digit_rejects_bad_body() -> None:
    with pytest.raises(ValueError):
        thai_id_check_digit("12345")


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_thai_id_exactly_one_valid_check_digit(body: str) -> None:
    valid = [d for d in "0123456789" if thai_id_valid(body + d)]
    assert valid == [str(thai_id_check_digit(body))]


def test_new_uuid() -> None:
    a, b = new_uuid(), new_uuid()
    assert a != b
    parsed = uuid.UUID(a)
    assert parsed.version == 4
    assert str(parsed) == a and len(a) == 36 and a == a.lower()

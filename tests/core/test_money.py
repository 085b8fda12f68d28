"""Tests for otop_pos.core.money."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.errors import InputError
from otop_pos.core.money import (
    apply_percent,
    format_baht,
    parse_baht,
    parse_percent,
    parse_quantity,
    split_evenly,
)


# --- parse_baht ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "satang"),
    [
        ("1,190.00", 119000),
        ("1190", 119000),
        ("฿120", 12000),
        ("120 บาท", 12000),
        ("120บาท", 12000),
        ("30.75", 3075),
        ("30.5", 3050),
        (" 1190 ", 119000),
        ("\t๑,๒๐๐.๕๐\n", 120050),
        ("๑๒๐", 12000),
        ("THB 120", 12000),
        ("thb120", 12000),
        ("120 THB", 12000),
        ("120.-", 12000),
        ("1,190.-", 119000),
        ("฿ 1,190.00", 119000),
        ("฿1,190", 119000),
        ("120 baht", 12000),
        ("120 บ.", 12000),
        ("0", 0),
        ("0.00", 0),
        ("0.01", 1),
        (".50", 50),
        ("249", 24900),
        ("1,234,567.89", 123456789),
        ("1000000", 100000000),
        ("00120", 12000),
    ],
)
def test_parse_baht_accepts(text: str, satang: int) -> None:
    assert parse_baht(text) == satang


def test_parse_baht_int_is_baht() -> None:
    assert parse_baht(120) == 12000
    assert parse_baht(0) == 0
    assert parse_baht(-5, allow_negative=True) == -500


def test_parse_baht_result_is_int() -> None:
    assert type(parse_baht("30.75")) is int


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        " 1 190 ",
        "1 190",
        "1.005",
        "1,19",
        "1,1900",
        ",190",
        "12,34.00",
        "abc",
        "12a",
        "1.2.3",
        "฿",
        "บาท",
        ".",
        "1e3",
        "NaN",
        "inf",
        "+120",
        "12,,000",
        "120..-",
    ],
)
def test_parse_baht_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_baht(text)
    assert info.value.th and info.value.en
    assert info.value.th != info.value.en


@pytest.mark.parametrize("text", [" 1 190 ", "1.005", "1,19", "abc"])
def test_parse_baht_messages_quote_input(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_baht(text)
    assert text in info.value.th
    assert text in info.value.en


def test_parse_baht_specific_reasons() -> None:
    with pytest.raises(InputError) as info:
        parse_baht("1.005")
    assert "two decimals" in info.value.en and "สองตำแหน่ง" in info.value.th
    with pytest.raises(InputError) as info:
        parse_baht("1,19")
    assert "commas" in info.value.en
    with pytest.raises(InputError) as info:
        parse_baht("1 190")
    assert "spaces" in info.value.en
    with pytest.raises(InputError) as info:
        parse_baht("")
    assert info.value.en == "Please enter an amount."


@pytest.mark.parametrize("text", ["-120", "-฿120", "฿-120", "−120", "-1,190.00"])
def test_parse_baht_negative_refused_by_default(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_baht(text)
    assert "negative" in info.value.en
    assert "ติดลบ" in info.value.th


def test_parse_baht_negative_int_refused_by_default() -> None:
    with pytest.raises(InputError):
        parse_baht(-1)


@pytest.mark.parametrize(
    ("text", "satang"), [("-120", -12000), ("-฿120", -12000), ("฿-1,190.50", -119050), ("-0", 0)]
)
def test_parse_baht_negative_allowed(text: str, satang: int) -> None:
    assert parse_baht(text, allow_negative=True) == satang


def test_parse_baht_minus_zero_is_zero_even_when_not_allowed() -> None:
    assert parse_baht("-0.00") == 0


def test_parse_baht_rejects_non_numbers() -> None:
    with pytest.raises(TypeError):
        parse_baht(True)
    with pytest.raises(TypeError):
        parse_baht(1.5)  # type: ignore[arg-type]


# --- format_baht ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("satang", "kwargs", "text"),
    [
        (119000, {}, "1,190.00"),
        (119000, {"symbol": True}, "฿1,190.00"),
        (119000, {"decimals": False}, "1,190"),
        (119000, {"symbol": True, "decimals": False}, "฿1,190"),
        (119050, {"decimals": False}, "1,190.50"),
        (119000, {"decimals": True}, "1,190.00"),
        (-119000, {}, "-1,190.00"),
        (-119000, {"symbol": True}, "-฿1,190.00"),
        (-119000, {"symbol": True, "decimals": False}, "-฿1,190"),
        (0, {}, "0.00"),
        (0, {"decimals": False}, "0"),
        (1, {}, "0.01"),
        (-1, {}, "-0.01"),
        (3075, {}, "30.75"),
        (123456789, {}, "1,234,567.89"),
        (100000000000000, {"decimals": False}, "1,000,000,000,000"),
    ],
)
def test_format_baht(satang: int, kwargs: dict[str, bool], text: str) -> None:
    assert format_baht(satang, **kwargs) == text


def test_format_baht_rejects_float() -> None:
    with pytest.raises(TypeError):
        format_baht(1.5)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**14))
def test_format_parse_round_trip(satang: int) -> None:
    assert parse_baht(format_baht(satang)) == satang
    assert parse_baht(format_baht(satang, symbol=True)) == satang
    assert parse_baht(format_baht(satang, decimals=False)) == satang


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_format_parse_round_trip_negative(satang: int) -> None:
    assert parse_baht(format_baht(satang, symbol=True), allow_negative=True) == satang


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_thai_digit_format(satang: int) -> None:
    from otop_pos.core.digits import to_thai_digits

    assert parse_baht(to_thai_digits(format_baht(satang)) + " บาท") == satang


# --- percentages ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("satang", "bp", "expected"),
    [
        (999, 1000, 100),  # 99.9 → 100
        (10000, 1000, 1000),
        (12345, 0, 0),
        (12345, 10000, 12345),
        (5, 1000, 1),  # 0.5 → 1 (half up)
        (4, 1000, 0),  # 0.4 → 0
        (15, 1000, 2),  # 1.5 → 2
        (25, 1000, 3),  # 2.5 → 3 (not banker's 2)
        (119000, 700, 8330),
        (100, 1250, 13),  # 12.5 → 13
        (0, 5000, 0),
    ],
)
def test_apply_percent(satang: int, bp: int, expected: int) -> None:
    assert apply_percent(satang, bp) == expected


def test_apply_percent_negative_mirrors_positive() -> None:
    assert apply_percent(-999, 1000) == -100
    assert apply_percent(-25, 1000) == -3


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10000))
def test_apply_percent_within_half_satang(satang: int, bp: int) -> None:
    result = apply_percent(satang, bp)
    assert 0 <= result <= satang
    # |result - exact| <= 1/2, with the exact value satang*bp/10000
    assert abs(result * 10000 - satang * bp) * 2 <= 10000


@pytest.mark.parametrize(
    ("text", "bp"),
    [
        ("10", 1000),
        ("10%", 1000),
        ("12.5 %", 1250),
        ("12.5%", 1250),
        ("๑๐%", 1000),
        ("๑๒.๕", 1250),
        ("0", 0),
        ("100", 10000),
        ("100%", 10000),
        ("0.01", 1),
        (" 7 % ", 700),
        ("33.33", 3333),
    ],
)
def test_parse_percent(text: str, bp: int) -> None:
    assert parse_percent(text) == bp


@pytest.mark.parametrize("text", ["", "%", "abc", "100.01", "101", "-5", "1.234", "10 0", "5%%", "."])
def test_parse_percent_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_percent(text)
    assert info.value.th and info.value.en


# --- quantities ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "qty"), [("1", 1), (" 12 ", 12), ("๓", 3), ("9999", 9999), ("1,000", 1000), ("007", 7)]
)
def test_parse_quantity(text: str, qty: int) -> None:
    assert parse_quantity(text) == qty


@pytest.mark.parametrize("text", ["", "0", "-1", "10000", "1.5", "2.0", "abc", "1 0", "1,00", "๐"])
def test_parse_quantity_rejects(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_quantity(text)
    assert info.value.th and info.value.en
    assert text in info.value.en


# --- split_evenly --------------------------------------------------------------------------

def test_split_evenly_examples() -> None:
    assert split_evenly(1000, 3) == [334, 333, 333]
    assert split_evenly(1001, 3) == [334, 334, 333]
    assert split_evenly(999, 3) == [333, 333, 333]
    assert split_evenly(2, 5) == [1, 1, 0, 0, 0]
    assert split_evenly(0, 2) == [0, 0]
    assert split_evenly(500, 1) == [500]
    assert split_evenly(-1000, 3) == [-334, -333, -333]


def test_split_evenly_rejects_no_parts() -> None:
    with pytest.raises(ValueError):
        split_evenly(100, 0)


@given(st.integers(min_value=-(10**12), max_value=10**12), st.integers(min_value=1, max_value=500))
def test_split_evenly_properties(total: int, parts: int) -> None:
    shares = split_evenly(total, parts)
    assert len(shares) == parts
    assert sum(shares) == total
    assert max(shares) - min(shares) <= 1
    magnitudes = [abs(s) for s in shares]
    assert magnitudes == sorted(magnitudes, reverse=True)


@pytest.mark.parametrize("parse", [parse_baht, parse_quantity, parse_percent])
@pytest.mark.parametrize("typed", ["885633555618588563355", "9" * 5000, "๙" * 5000])
def test_a_long_digit_string_is_a_clear_input_error_never_an_overflow(parse, typed: str) -> None:  # type: ignore[no-untyped-def]
    """A barcode scanned into a number field: an InputError quoting the start of it (Python's int() of 5,000
    digits raises ValueError; SQLite would raise OverflowError on anything above 19)."""
    with pytest.raises(InputError) as info:
        parse(typed)
    assert len(info.value.en) < 200 and len(info.value.th) < 200


def test_parse_baht_takes_fifteen_digits_of_baht_and_refuses_sixteen() -> None:
    assert parse_baht("999,999,999,999,999.99") == 99_999_999_999_999_999
    with pytest.raises(InputError) as info:
        parse_baht("1,000,000,000,000,000")
    assert info.value.en == ("The amount “1,000,000,000,000,000” is not valid: the number is far too large "
                             "(was a barcode scanned into an amount field?).")

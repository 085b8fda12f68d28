"""Tests for otop_pos.core.promptpay (PRODUCT.md vectors, validation, EMV round trips)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.errors import InputError
from otop_pos.core.money import format_baht
from otop_pos.core.promptpay import (
    crc16_ccitt_false,
    describe_target,
    normalize_promptpay_target,
    parse_emv,
    parse_tlv,
    promptpay_payload,
)

PRODUCT_VECTORS = [
    ("0801234567", None,
     "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
    ("000-000-0000", 422,
     "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469"),
    ("1111111111111", None,
     "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"),
    ("1234567890123", 2300,
     "00020101021229370016A000000677010111021312345678901235802TH5303764540523.006304C4F2"),
]


def test_crc_check_value() -> None:
    # the catalogue check value of CRC-16/CCITT-FALSE
    assert crc16_ccitt_false(b"123456789") == 0x29B1
    assert crc16_ccitt_false(b"") == 0xFFFF


@pytest.mark.parametrize(("target", "amount", "payload"), PRODUCT_VECTORS)
def test_product_vectors(target: str, amount: int | None, payload: str) -> None:
    assert promptpay_payload(target, amount) == payload


@pytest.mark.parametrize(("target", "amount", "payload"), PRODUCT_VECTORS)
def test_product_vectors_parse(target: str, amount: int | None, payload: str) -> None:
    fields = parse_emv(payload)
    assert list(fields) == (["00", "01", "29", "58", "53"] + (["54"] if amount else []) + ["63"])
    assert fields["00"] == "01"
    assert fields["01"] == ("11" if amount is None else "12")
    assert fields["58"] == "TH" and fields["53"] == "764"
    assert fields["63"] == payload[-4:]
    merchant = parse_tlv(fields["29"])
    assert merchant["00"] == "A000000677010111"
    if amount is not None:
        assert fields["54"] == format_baht(amount).replace(",", "")


def test_vector_ids_fail_check_digit_but_payload_accepts_them() -> None:
    # 1111111111111 and 1234567890123 are not valid Thai IDs; the payload builder takes any 13 digits
    for target in ("1111111111111", "1234567890123"):
        assert parse_tlv(parse_emv(promptpay_payload(target))["29"])["02"] == target
        with pytest.raises(InputError) as info:
            normalize_promptpay_target(target)
        assert "check digit" in info.value.en and info.value.th


@pytest.mark.parametrize(
    "target",
    ["0801234567", "080-123-4567", "080 123 4567", "๐๘๐๑๒๓๔๕๖๗", "+66801234567", "+66 80 123 4567",
     "66801234567", " 080-1234567 ", "(080) 123-4567"],
)
def test_mobile_spellings_give_same_payload(target: str) -> None:
    assert promptpay_payload(target) == PRODUCT_VECTORS[0][2]
    assert normalize_promptpay_target(target) == "0801234567"


def test_mobile_field_is_0066_and_nine_digits() -> None:
    tag29 = parse_tlv(parse_emv(promptpay_payload("0912345678"))["29"])
    assert tag29 == {"00": "A000000677010111", "01": "0066912345678"}


def test_national_id_with_dashes_and_thai_digits() -> None:
    expected = promptpay_payload("1234567890123", 2300)
    assert promptpay_payload("1-2345-67890-12-3", 2300) == expected
    assert promptpay_payload("๑๒๓๔๕๖๗๘๙๐๑๒๓", 2300) == expected


def test_ewallet_uses_tag_03() -> None:
    payload = promptpay_payload("004999000288505", 10000)
    fields = parse_emv(payload)
    assert parse_tlv(fields["29"]) == {"00": "A000000677010111", "03": "004999000288505"}
    assert fields["54"] == "100.00"
    assert normalize_promptpay_target("004-999-000-288-505") == "004999000288505"


@pytest.mark.parametrize(("amount", "text"), [(1, "0.01"), (100, "1.00"), (119050, "1190.50"),
                                               (999999999999, "9999999999.99")])
def test_amount_field_has_exactly_two_decimals(amount: int, text: str) -> None:
    assert parse_emv(promptpay_payload("0801234567", amount))["54"] == text


@pytest.mark.parametrize("amount", [0, -100])
def test_non_positive_amount_refused(amount: int) -> None:
    with pytest.raises(InputError) as info:
        promptpay_payload("0801234567", amount)
    assert info.value.th and info.value.en


def test_too_large_amount_refused() -> None:
    with pytest.raises(InputError):
        promptpay_payload("0801234567", 10**12)


def test_float_amount_refused() -> None:
    with pytest.raises(TypeError):
        promptpay_payload("0801234567", 4.22)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "target",
    ["", "abc", "080123456", "08012345678", "1801234567", "123456789012", "12345678901234",
     "1234567890123456", "0801234567x", "080_123_4567", "+1 801234567"],
)
def test_invalid_targets_refused(target: str) -> None:
    with pytest.raises(InputError) as info:
        promptpay_payload(target)
    assert info.value.th and info.value.en
    with pytest.raises(InputError):
        normalize_promptpay_target(target)
    with pytest.raises(InputError):
        describe_target(target)


def test_normalize_accepts_valid_national_id() -> None:
    assert normalize_promptpay_target("1-1111-11111-11-9") == "1111111111119"
    assert normalize_promptpay_target("0105536012346") == "0105536012346"


def test_normalize_error_quotes_input() -> None:
    with pytest.raises(InputError) as info:
        normalize_promptpay_target("08-12")
    assert "08-12" in info.value.th and "08-12" in info.value.en


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        ("0804564567", "080-xxx-4567"),
        ("080-123-4567", "080-xxx-4567"),
        ("1234567890123", "1-2345-xxxxx-12-3"),
        ("004999000288505", "004-xxxxxxxx-8505"),
    ],
)
def test_describe_target(target: str, shown: str) -> None:
    assert describe_target(target) == shown


def test_parse_emv_rejects_bad_crc() -> None:
    good = PRODUCT_VECTORS[0][2]
    with pytest.raises(ValueError, match="CRC"):
        parse_emv(good[:-4] + "0000")
    tampered = good.replace("0801234567"[1:], "0801234568"[1:])
    with pytest.raises(ValueError, match="CRC"):
        parse_emv(tampered)


def test_parse_emv_accepts_lower_case_crc() -> None:
    good = PRODUCT_VECTORS[2][2]
    assert parse_emv(good[:-4] + good[-4:].lower())["58"] == "TH"


@pytest.mark.parametrize("bad", ["", "6304", "000201", "00020101021163041234"[:-1]])
def test_parse_emv_rejects_missing_crc(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_emv(bad)


def test_parse_emv_rejects_malformed_tlv_with_good_crc() -> None:
    body = "000201019912" + "6304"  # field 01 claims 99 characters
    payload = body + f"{crc16_ccitt_false(body.encode()):04X}"
    with pytest.raises(ValueError):
        parse_emv(payload)


def test_parse_tlv_errors() -> None:
    assert parse_tlv("") == {}
    assert parse_tlv("0002AB0103xyz") == {"00": "AB", "01": "xyz"}
    with pytest.raises(ValueError):
        parse_tlv("00")
    with pytest.raises(ValueError):
        parse_tlv("0005AB")
    with pytest.raises(ValueError):
        parse_tlv("0002AB0002CD")
    with pytest.raises(ValueError):
        parse_tlv("xx02AB")


@given(
    st.sampled_from(["06", "08", "09"]).flatmap(
        lambda p: st.text(alphabet="0123456789", min_size=8, max_size=8).map(lambda r: p + r)
    ),
    st.one_of(st.none(), st.integers(min_value=1, max_value=999999999999)),
)
def test_round_trip_mobile(mobile: str, amount: int | None) -> None:
    payload = promptpay_payload(mobile, amount)
    assert payload.isascii() and payload == payload.strip()
    fields = parse_emv(payload)
    assert parse_tlv(fields["29"])["01"] == "0066" + mobile[1:]
    assert fields["01"] == ("11" if amount is None else "12")
    if amount is None:
        assert "54" not in fields
    else:
        baht, satang = fields["54"].split(".")
        assert len(satang) == 2 and int(baht) * 100 + int(satang) == amount
    assert len(payload) == sum(4 + len(v) for v in fields.values())


@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_round_trip_any_13_digits(target: str) -> None:
    fields = parse_emv(promptpay_payload(target, 2300))
    assert parse_tlv(fields["29"])["02"] == target
    assert fields["54"] == "23.00"

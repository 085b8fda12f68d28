"""Tests for otop_pos.core.bahttext (PRODUCT.md vectors and Thai number-word rules)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from otop_pos.core.bahttext import baht_text, baht_text_en
from otop_pos.core.errors import InputError

PRODUCT_VECTORS = [
    (123450, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
    (2100, "ยี่สิบเอ็ดบาทถ้วน"),
    (10100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
    (110000, "หนึ่งพันหนึ่งร้อยบาทถ้วน"),
    (100000000, "หนึ่งล้านบาทถ้วน"),
    (100000100, "หนึ่งล้านเอ็ดบาทถ้วน"),
    (2100002100, "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
    (1001, "สิบบาทหนึ่งสตางค์"),
    (0, "ศูนย์บาทถ้วน"),
]


@pytest.mark.parametrize(("satang", "text"), PRODUCT_VECTORS)
def test_product_vectors(satang: int, text: str) -> None:
    assert baht_text(satang) == text


@pytest.mark.parametrize(
    ("satang", "text"),
    [
        (50, "ห้าสิบสตางค์"),
        (1, "หนึ่งสตางค์"),
        (21, "ยี่สิบเอ็ดสตางค์"),
        (11, "สิบเอ็ดสตางค์"),
        (10, "สิบสตางค์"),
        (99, "เก้าสิบเก้าสตางค์"),
        (100, "หนึ่งบาทถ้วน"),
        (101, "หนึ่งบาทหนึ่งสตางค์"),
        (1000, "สิบบาทถ้วน"),
        (1100, "สิบเอ็ดบาทถ้วน"),
        (2000, "ยี่สิบบาทถ้วน"),
        (3100, "สามสิบเอ็ดบาทถ้วน"),
        (20000, "สองร้อยบาทถ้วน"),
        (21100, "สองร้อยสิบเอ็ดบาทถ้วน"),
        (100100, "หนึ่งพันเอ็ดบาทถ้วน"),
        (101000, "หนึ่งพันสิบบาทถ้วน"),
        (119000, "หนึ่งพันหนึ่งร้อยเก้าสิบบาทถ้วน"),
        (3075, "สามสิบบาทเจ็ดสิบห้าสตางค์"),
        (1000000, "หนึ่งหมื่นบาทถ้วน"),
        (10000000, "หนึ่งแสนบาทถ้วน"),
        (99999900, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทถ้วน"),
        (1000000000, "สิบล้านบาทถ้วน"),
        (1100000000, "สิบเอ็ดล้านบาทถ้วน"),
        (10100000000, "หนึ่งร้อยเอ็ดล้านบาทถ้วน"),
        (100000001, "หนึ่งล้านบาทหนึ่งสตางค์"),
        (100001000, "หนึ่งล้านสิบบาทถ้วน"),
        (100000000000, "หนึ่งพันล้านบาทถ้วน"),
        (100000000000000, "หนึ่งล้านล้านบาทถ้วน"),
        (100000000000100, "หนึ่งล้านล้านเอ็ดบาทถ้วน"),
        (200000000000000, "สองล้านล้านบาทถ้วน"),
        (100000100000000, "หนึ่งล้านเอ็ดล้านบาทถ้วน"),
        (2100000000000000, "ยี่สิบเอ็ดล้านล้านบาทถ้วน"),
        (100000000000000000000, "หนึ่งล้านล้านล้านบาทถ้วน"),
        (86800000000, "แปดร้อยหกสิบแปดล้านบาทถ้วน"),
    ],
)
def test_more_amounts(satang: int, text: str) -> None:
    assert baht_text(satang) == text


def test_negative_raises_by_default() -> None:
    with pytest.raises(InputError) as info:
        baht_text(-100)
    assert info.value.th and info.value.en


def test_negative_allowed_prefix() -> None:
    assert baht_text(-2100, allow_negative=True) == "ลบยี่สิบเอ็ดบาทถ้วน"
    assert baht_text(-50, allow_negative=True) == "ลบห้าสิบสตางค์"


def test_rejects_non_int() -> None:
    with pytest.raises(TypeError):
        baht_text(12.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        baht_text(True)


_WORD = re.compile(
    r"(?:ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|เอ็ด|ยี่|สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน|บาท|ถ้วน|สตางค์)+"
)


@given(st.integers(min_value=0, max_value=10**18))
def test_thai_word_rules(satang: int) -> None:
    text = baht_text(satang)
    assert _WORD.fullmatch(text)
    assert "หนึ่งสิบ" not in text
    assert "สองสิบ" not in text
    assert "ศูนย์" not in text or satang == 0
    assert text.endswith("บาทถ้วน") == (satang % 100 == 0)
    assert text.endswith("สตางค์") == (satang % 100 != 0)
    assert ("บาท" in text) == (satang == 0 or satang >= 100)
    assert not text.startswith("เอ็ด")


@given(st.integers(min_value=1, max_value=10**12))
def test_final_one_is_et_after_higher_digits(baht: int) -> None:
    text = baht_text(baht * 100)
    if baht % 10 == 1 and baht > 1:
        assert text.endswith("เอ็ดบาทถ้วน")
    if baht == 1:
        assert text == "หนึ่งบาทถ้วน"


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=1, max_value=99))
def test_baht_and_satang_compose(baht: int, satang: int) -> None:
    whole = baht_text(baht * 100)[: -len("ถ้วน")] if baht else ""
    assert baht_text(baht * 100 + satang) == whole + baht_text(satang)


# --- English -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("satang", "text"),
    [
        (123450, "One thousand two hundred thirty-four baht and fifty satang"),
        (2100, "Twenty-one baht only"),
        (0, "Zero baht only"),
        (50, "Fifty satang"),
        (1, "One satang"),
        (1001, "Ten baht and one satang"),
        (10100, "One hundred one baht only"),
        (1100, "Eleven baht only"),
        (100000000, "One million baht only"),
        (100000100, "One million one baht only"),
        (2100002100, "Twenty-one million twenty-one baht only"),
        (100000000000000, "One trillion baht only"),
        (119000, "One thousand one hundred ninety baht only"),
        (9900, "Ninety-nine baht only"),
        (1200000, "Twelve thousand baht only"),
        (100000000000, "One billion baht only"),
    ],
)
def test_english(satang: int, text: str) -> None:
    assert baht_text_en(satang) == text


def test_english_negative() -> None:
    with pytest.raises(InputError):
        baht_text_en(-1)
    assert baht_text_en(-150, allow_negative=True) == "Minus one baht and fifty satang"


@given(st.integers(min_value=0, max_value=10**20))
def test_english_shape(satang: int) -> None:
    text = baht_text_en(satang)
    assert text[0].isupper()
    assert text[1:] == text[1:].lower()
    assert "  " not in text and not text.endswith(" ")
    assert text.endswith("baht only") == (satang % 100 == 0)

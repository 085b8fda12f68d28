"""wrap_thai: a ZERO WIDTH SPACE between Thai words (so Qt breaks there without libthai), nowhere else."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from otop_pos.core.thai_wordbreak import ZWSP, unwrap_thai, words, wrap_thai

Z = ZWSP


@pytest.mark.parametrize("text, expected", [
    # the segmentation vectors of the PDF word breaker (tests/reports/test_thai_wordbreak.py)
    ("กลุ่มทอผ้าบ้านโนนสวรรค์", f"กลุ่ม{Z}ทอผ้า{Z}บ้าน{Z}โนนสวรรค์"),
    ("วิสาหกิจชุมชนบ้านกุดเค้า", f"วิสาหกิจชุมชน{Z}บ้าน{Z}กุดเค้า"),
    ("กระติบข้าวเหนียว", f"กระติบ{Z}ข้าวเหนียว"),
    ("แจกันดินเผาด่านเกวียน", f"แจกัน{Z}ดินเผา{Z}ด่านเกวียน"),
    ("ผ้าและเครื่องแต่งกาย", f"ผ้า{Z}และ{Z}เครื่องแต่งกาย"),
    # a space, a bracket, digits and Latin already break (or must not): nothing added next to them; a number
    # keeps its Thai unit (the space between them does not break)
    ("ไส้กรอกอีสาน (แพ็ค 500 กรัม)", f"ไส้กรอก{Z}อีสาน (แพ็ค 500\u00a0กรัม)"),
    ("ราคา100บาท", "ราคา100บาท"),
    ("ครั้งที่ 20", "ครั้งที่ 20"),
    ("Hello world 1,190.00", "Hello world 1,190.00"),
    ("กาแฟดริปภูพาน 250g", f"กาแฟ{Z}ดริป{Z}ภูพาน 250g"),
    ("หมูแดดเดียว", "หมูแดดเดียว"),
    ("", ""),
])
def test_zero_width_spaces_fall_between_thai_words_only(text: str, expected: str) -> None:
    assert wrap_thai(text) == expected
    assert unwrap_thai(wrap_thai(text)) == text


def test_a_dictionary_word_is_never_cut() -> None:
    cut = [w for w in words() if Z in wrap_thai(w)]
    assert cut == []


thai_text = st.text(
    alphabet=st.sampled_from(list("กขคงจชญดตทนบปพมยรลวสหอะัาำิีึืุูเแโใไ็่้๊๋์ๆ 01aB(.") + [Z]),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(thai_text)
def test_idempotent_and_removable(text: str) -> None:
    once = wrap_thai(text)
    assert wrap_thai(once) == once
    assert unwrap_thai(once) == unwrap_thai(text)
    for i, ch in enumerate(once):
        if ch == Z:   # only between two Thai letters, never before a mark or after a leading vowel
            assert "\u0e01" <= once[i - 1] <= "\u0e4f" and "\u0e01" <= once[i + 1] <= "\u0e4f"
            assert once[i + 1] not in "ัิีึืุู็่้๊๋์ะาำๆ" and once[i - 1] not in "เแโใไ"


def test_wrapping_a_catalogue_is_fast_and_cached() -> None:
    names = [f"{w}{v}" for w in sorted(words())[:400] for v in ("ผ้าไหม", "ข้าวเหนียว", "บ้าน", "กลุ่ม", "น้ำพริก")]
    wrap_thai.cache_clear()
    start = time.perf_counter()
    for name in names:
        wrap_thai(name)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for name in names:
        wrap_thai(name)
    again = time.perf_counter() - start
    assert first < 2.0, first            # 2,000 names; a paint of a screenful asks for ~30
    assert again < first / 5
    assert wrap_thai.cache_info().hits >= len(names)

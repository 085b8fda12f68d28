"""Text compared as a person reads it: Thai spellings that draw alike, Thai digits, zero-width spaces, case."""
from __future__ import annotations

from otop_pos.core.text_match import fold, match_key, search_key


def test_spellings_that_draw_alike_are_one() -> None:
    assert match_key("น\u0e49\u0e4d\u0e32กระเจี๊ยบ") == match_key("น้ำกระเจี๊ยบ")      # ํา and ำ
    assert match_key("\u0e40\u0e40หนมหมู") == match_key("แหนมหมู")                      # เเ and แ
    assert match_key("เเ") != match_key("เ")


def test_digits_space_zero_width_and_case() -> None:
    assert search_key("๘๘๕ 0123") == "8850123"
    assert match_key("  ผ้า\u200bไหม   KK20 ") == "ผ้าไหม kk20"
    assert search_key("ผ้า ไหม") == search_key("ผ้าไหม")
    assert fold("Coffee ๒ ขวด") == "coffee 2 ขวด"


def test_a_number_keeps_its_thai_unit_on_its_line() -> None:
    from otop_pos.core.thai_wordbreak import NBSP, unwrap_thai, wrap_thai

    for name, kept in (("ข้าวหอมมะลิ 5 กก.", "5" + NBSP + "กก."), ("ไส้กรอกอีสาน (แพ็ค 500 กรัม)", "500" + NBSP + "กรัม")):
        shown = wrap_thai(name)
        assert kept in shown and unwrap_thai(shown) == name and wrap_thai(shown) == shown
    assert wrap_thai("Coffee 2 cups") == "Coffee 2 cups"


def test_every_spelling_that_draws_the_same() -> None:
    from otop_pos.core.text_match import spellings

    assert spellings("abc") == ("abc",)
    assert set(spellings("น\u0e49\u0e4d\u0e32พริก")) == {"น้ำพริก", "น\u0e49\u0e4d\u0e32พริก"}
    assert len(spellings("แหนม น้ำ")) == 4 and all(match_key(s) == match_key("แหนม น้ำ") for s in spellings("แหนม น้ำ"))

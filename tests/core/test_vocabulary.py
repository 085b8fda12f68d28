"""The vocabulary: built-in product types, producer types and payment methods keyed as the stores hold them,
fair-defined terms added as data, and unknown keys shown as themselves."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from otop_pos.core.documents import PAYMENT_METHODS
from otop_pos.core.errors import InputError
from otop_pos.core.vocabulary import (
    OTHER_COLOR, PAPER_WIDTHS, PAYMENT_METHOD, PRODUCER_TYPE, PRODUCT_TYPE, Term, Vocabulary,
)


@pytest.fixture
def scratch() -> Iterator[Vocabulary]:
    v = Vocabulary("test", (Term("a", "ก", "A", "#112233", "ก.", "A."),))
    yield v


def test_the_keys_are_what_the_stores_hold() -> None:
    # product types are stored as the registry's Thai names, the others as codes; nothing to migrate
    assert PRODUCT_TYPE.builtin_keys() == ("อาหาร", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย",
                                           "ของใช้ ของตกแต่งและของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร")
    assert PRODUCER_TYPE.builtin_keys() == ("community", "single_owner", "sme")
    assert PAYMENT_METHOD.builtin_keys() == PAYMENT_METHODS
    assert [w.dots for w in PAPER_WIDTHS] == [384, 512, 576]


def test_one_name_per_thing_in_each_language() -> None:
    for vocab in (PRODUCT_TYPE, PRODUCER_TYPE, PAYMENT_METHOD):
        for lang in ("th", "en"):
            names = [t.name(lang) for t in vocab]
            assert len(set(names)) == len(names), (vocab.kind, lang)
            assert all(n.strip() == n and n for n in names)
        assert all(t.color.startswith("#") and len(t.color) == 7 for t in vocab)
    assert PRODUCT_TYPE.name("สมุนไพรที่ไม่ใช่อาหาร", "en") == "Non-food herbal"
    assert PRODUCER_TYPE.name("community", "en") == "Community producer"
    assert PRODUCER_TYPE.name("community", "th") == "ผู้ผลิตชุมชน"


def test_lookup_ignores_spaces_and_short_names_fall_back_to_full(scratch: Vocabulary) -> None:
    assert PRODUCT_TYPE.get("ของใช้  ของตกแต่งและของที่ระลึก") is PRODUCT_TYPE.get("ของใช้ของตกแต่งและของที่ระลึก")
    assert PRODUCT_TYPE.short("ของใช้ ของตกแต่งและของที่ระลึก", "th") == "ของใช้"
    assert PRODUCT_TYPE.short("อาหาร", "en") == "Food"  # no short name: the full one
    assert scratch.short("a", "en") == "A." and scratch.short("a", "th") == "ก."


def test_an_unknown_key_shows_itself_in_the_neutral_colour() -> None:
    assert PAYMENT_METHOD.get("welfare_card") is None
    assert PAYMENT_METHOD.name("welfare_card", "th") == "welfare_card"
    assert PAYMENT_METHOD.name("welfare_card", "en") == "welfare_card"
    assert PAYMENT_METHOD.color("welfare_card") == OTHER_COLOR
    assert PRODUCT_TYPE.short("ของฝาก", "en") == "ของฝาก"


def test_a_fair_defines_a_term_as_data(scratch: Vocabulary) -> None:
    t = scratch.define({"key": "half", "th": "คนละครึ่ง", "en": "Half-half co-payment", "color": "#ff8800",
                        "short_en": "Half-half"})
    assert not t.builtin and t in list(scratch)
    assert scratch.keys() == ("a", "half") and scratch.builtin_keys() == ("a",)
    assert scratch.name("half", "th") == "คนละครึ่ง" and scratch.short("half", "en") == "Half-half"
    assert scratch.color("half") == "#ff8800"
    # redefining a fair-defined key replaces it; English defaults to the Thai name
    scratch.define({"key": "half", "th": "คนละครึ่ง (รอบ 2)"})
    assert scratch.name("half", "en") == "คนละครึ่ง (รอบ 2)" and scratch.color("half") == OTHER_COLOR
    scratch.forget("half")
    scratch.forget("a")  # built-ins stay
    assert scratch.keys() == ("a",)


@pytest.mark.parametrize("entry", [
    {"key": "a", "th": "ก ใหม่", "en": "new A"},  # a built-in cannot be redefined
    {"key": "", "th": "ไม่มีรหัส"},
    {"key": "x", "th": ""},
    {"key": "x", "th": "เอ็กซ์", "color": "red"},
])
def test_a_bad_definition_is_refused_and_changes_nothing(scratch: Vocabulary, entry: dict[str, str]) -> None:
    with pytest.raises(InputError) as err:
        scratch.define(entry)
    assert err.value.message("th") and err.value.message("en")
    assert scratch.keys() == ("a",) and scratch.name("a", "th") == "ก"

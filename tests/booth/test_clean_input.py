"""What a vendor types or pastes is kept clean: a product name, a held bill's name and the shop's names lose
control and bidi characters (and zero-width spaces a wrapped label leaves when copied); a SKU the organiser's
import would refuse (a space, a control character, too long) or a name over the store's length is refused at
the booth, naming the problem, and nothing is written."""
from __future__ import annotations

import sqlite3

import pytest

from otop_pos.booth.catalogue import list_products, save_product
from otop_pos.booth.held import held_bills, hold
from otop_pos.booth.settings import get_settings, update_settings
from otop_pos.booth.cart import Cart
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.core.limits import MAX_PRODUCT_NAME_CHARS, MAX_SKU_CHARS
from otop_pos.core.visible import clean_text
from otop_pos.store.engine import SqliteStore


def test_clean_text_drops_hidden_characters_and_keeps_thai() -> None:
    assert clean_text("น้ำ\u200bพริก\u200bเผา") == "น้ำพริกเผา"
    assert clean_text("\u202eexe.ข้าว\x1b[2J ") == "exe.ข้าว[2J"
    assert clean_text("ผ้า\tไหม\r\nมัดหมี่") == "ผ้า ไหม มัดหมี่"
    assert clean_text("กาแฟ (ขวด 250 มล.)") == "กาแฟ (ขวด 250 มล.)"


def test_product_name_is_saved_clean(store: SqliteStore, clock: FixedClock) -> None:
    saved = save_product(store, clock, sku="NEW-01", name="\u202eน้ำ\u200bพริก\x07 เผา ", product_type="อาหาร",
                         price_satang=6500)
    assert saved.name == "น้ำพริก เผา"
    con = sqlite3.connect(store.path)
    try:
        assert con.execute("SELECT name FROM product WHERE sku = 'NEW-01'").fetchone() == ("น้ำพริก เผา",)
    finally:
        con.close()


def _count(store: SqliteStore) -> int:
    con = sqlite3.connect(store.path)
    try:
        return int(con.execute("SELECT COUNT(*) FROM product").fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize(("sku", "name", "says"), [
    ("AB 01", "ข้าว", "space"),
    ("AB\u202e01", "ข้าว", "U+202E"),
    ("A" * (MAX_SKU_CHARS + 1), "ข้าว", f"longer than {MAX_SKU_CHARS}"),
    ("AB-01", "ก" * (MAX_PRODUCT_NAME_CHARS + 1), f"longer than {MAX_PRODUCT_NAME_CHARS}"),
    ("AB-01", "\u200b\u202e", "needs a SKU and a name"),
])
def test_what_the_import_would_refuse_is_refused_at_the_booth(store: SqliteStore, clock: FixedClock, sku: str,
                                                               name: str, says: str) -> None:
    before = _count(store)
    with pytest.raises(InputError) as err:
        save_product(store, clock, sku=sku, name=name, product_type="อาหาร", price_satang=100)
    assert says in err.value.en and err.value.th
    assert _count(store) == before


def test_held_bill_and_shop_names_are_clean(store: SqliteStore, clock: FixedClock) -> None:
    cart = Cart().add(list_products(store)[0])
    hold(store, clock, "00000000-0000-4000-8000-000000000001", cart, (), name="โต๊ะ\u202e 3\x1b")
    assert [b.name for b in held_bills(store)] == ["โต๊ะ 3"]
    update_settings(store, clock, shop_name="ร้าน\u200bสุดา\u202e", promptpay_name="สุดา\tใจดี")
    s = get_settings(store)
    assert (s.shop_name, s.promptpay_name) == ("ร้านสุดา", "สุดา ใจดี")

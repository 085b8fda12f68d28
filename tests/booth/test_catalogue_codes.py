"""A code names one product: no SKU is another product's barcode (nor two SKUs or two barcodes the same).

Product save and setup refuse a clash naming both products; a store that already holds one (written before
these checks) says so, and a scan of the clashing code rings up neither product."""
from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from otop_pos.booth.cart import ProductInfo
from otop_pos.booth.catalogue import CatalogueIndex, catalogue_problems, save_product
from otop_pos.booth.service import BoothService
from otop_pos.booth.setup import BoothSetup, setup_booth
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError
from otop_pos.store.engine import SqliteStore
from tests.conftest import PIN

BASKET = "8856335556185"   # the barcode of กระติบข้าวเหนียว (KK20-0001-01) in the demo registry


def _products(store: SqliteStore) -> list[tuple[object, ...]]:
    con = sqlite3.connect(store.path)
    try:
        return con.execute("SELECT sku, name, price_satang, barcode, active FROM product ORDER BY id").fetchall()
    finally:
        con.close()


def _save(store: SqliteStore, clock: FixedClock, sku: str, barcode: str | None = None) -> ProductInfo:
    return save_product(store, clock, sku=sku, name="น้ำพริกเผา", product_type="อาหาร", price_satang=6500,
                        barcode=barcode)


def test_a_sku_that_is_another_products_barcode_is_refused_naming_both(store: SqliteStore,
                                                                         clock: FixedClock) -> None:
    before = _products(store)
    with pytest.raises(InputError) as info:
        _save(store, clock, BASKET)
    assert info.value.en == (f"The code {BASKET} is both the SKU of “น้ำพริกเผา ({BASKET})” and the barcode of "
                             "“กระติบข้าวเหนียว (KK20-0001-01)”.")
    assert "กระติบข้าวเหนียว (KK20-0001-01)" in info.value.th
    assert _products(store) == before
    assert CatalogueIndex.load(store).lookup(BASKET).sku == "KK20-0001-01"  # type: ignore[union-attr]


def test_a_barcode_that_is_another_products_sku_is_refused(store: SqliteStore, clock: FixedClock) -> None:
    _save(store, clock, "4006381333931")              # a SKU that happens to be a valid EAN-13
    before = _products(store)
    with pytest.raises(InputError) as info:
        save_product(store, clock, sku="KK20-0001-02", name="กระเป๋าสานเตยปาหนัน", product_type="อาหาร",
                     price_satang=66000, barcode="4006381333931")
    assert info.value.en == ("The code 4006381333931 is both the SKU of “น้ำพริกเผา (4006381333931)” and the "
                             "barcode of “กระเป๋าสานเตยปาหนัน (KK20-0001-02)”.")
    assert _products(store) == before


def test_skus_that_differ_only_in_letter_case_are_refused(store: SqliteStore, clock: FixedClock) -> None:
    with pytest.raises(InputError) as info:
        _save(store, clock, "kk20-0001-01")
    assert "The SKU kk20-0001-01 is used by both" in info.value.en
    _save(store, clock, "KK20-0001-99")  # a code of its own is taken
    assert [p.sku for p in CatalogueIndex.load(store).products][-1] == "KK20-0001-99"


def test_resaving_a_product_with_its_own_codes_is_not_a_clash(store: SqliteStore, clock: FixedClock) -> None:
    saved = save_product(store, clock, sku="KK20-0001-01", name="กระติบข้าวเหนียว", product_type="อาหาร",
                         price_satang=13000, barcode=BASKET)
    assert (saved.price_satang, saved.barcode) == (13000, BASKET)


def _clash_by_hand(store: SqliteStore) -> None:
    """A clash written straight into the store, as a store from before these checks may hold."""
    con = sqlite3.connect(store.path)
    with con:
        con.execute("INSERT INTO product (sku, name, product_type, price_satang, barcode, stock, sold_out, active, "
                    "sort_order, updated_at) VALUES (?, 'น้ำพริกเผา', 'อาหาร', 6500, NULL, NULL, 0, 1, 99, ?)",
                    (BASKET, datetime(2020, 10, 26).isoformat()))
    con.close()


def test_a_store_holding_a_clash_says_which_products_and_how_to_fix_it(store: SqliteStore,
                                                                         clock: FixedClock) -> None:
    assert catalogue_problems(store) == ()
    _clash_by_hand(store)
    problems = BoothService(store, clock, print_mode="off").catalogue_problems()
    assert [(p.code, p.skus) for p in problems] == [(BASKET, (BASKET, "KK20-0001-01"))]
    assert problems[0].en == (f"The code {BASKET} is both the SKU of “น้ำพริกเผา ({BASKET})” and the barcode of "
                              "“กระติบข้าวเหนียว (KK20-0001-01)”. Edit one of them in Products.")
    assert problems[0].message("th").endswith("แก้ไขสินค้าชิ้นใดชิ้นหนึ่งในหน้าสินค้า")


def test_a_scan_of_a_clashing_code_rings_up_neither_product(store: SqliteStore) -> None:
    _clash_by_hand(store)
    index = CatalogueIndex.load(store)
    with pytest.raises(InputError) as info:
        index.lookup(f" {BASKET} ")
    assert "น้ำพริกเผา" in info.value.en and "กระติบข้าวเหนียว" in info.value.en
    assert "The scan is refused" in info.value.en
    assert index.lookup("KK20-0001-02").name == "กระเป๋าสานเตยปาหนัน"  # type: ignore[union-attr]
    assert index.lookup("8853930311348").sku == "KK20-0001-02"  # type: ignore[union-attr]


def test_a_barcode_is_never_shadowed_by_a_later_sku() -> None:
    """Without a clash check, the product listed later won the shared code; the barcode holder must not lose it
    even to a product the index is handed directly."""
    basket = ProductInfo("KK20-0001-01", "กระติบข้าวเหนียว", "อาหาร", 12000, BASKET, id=1)
    chili = ProductInfo(BASKET, "น้ำพริกเผา", "อาหาร", 6500, id=2)
    index = CatalogueIndex((basket, chili))
    with pytest.raises(InputError):
        index.lookup(BASKET)
    assert set(index.clashes) == {BASKET}


def test_setup_refuses_a_catalogue_whose_barcode_is_another_sku(empty_store: SqliteStore,
                                                                clock: FixedClock) -> None:
    products = (ProductInfo("A-1", "ผ้าไหม", "ผ้า", 119000, "8850000000013"),
                ProductInfo("8850000000013", "ข้าวหอมมะลิ", "อาหาร", 12000))
    with pytest.raises(InputError) as info:
        setup_booth(empty_store, clock, BoothSetup("B001", "KK20-0001", "กลุ่มทอผ้า", "ผ้า", products), pin=PIN)
    assert "“ข้าวหอมมะลิ (8850000000013)”" in info.value.en and "“ผ้าไหม (A-1)”" in info.value.en
    assert _products(empty_store) == []


def test_a_sku_in_thai_digits_clashes_with_the_barcode_it_reads_as() -> None:
    from otop_pos.core.codes import code_clashes

    # "๘๘๕๐๐๐๐๐๐๐๐๑๗" typed or scanned is looked up as 8850000000017: the same code as the other's barcode
    clashes = code_clashes([("๘๘๕๐๐๐๐๐๐๐๐๑๗", None), ("X-01", "8850000000017")])
    assert [(c.kind, c.first, c.second) for c in clashes] == [("sku_barcode", 0, 1)]

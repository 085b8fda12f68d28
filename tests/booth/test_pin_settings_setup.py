"""Manager PIN, typed settings, catalogue edits and booth setup from the registry."""
from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from otop_pos.booth.catalogue import CatalogueIndex, list_products, save_product
from otop_pos.booth.pin import has_pin, set_pin, verify_pin
from otop_pos.booth.settings import get_settings, update_settings
from otop_pos.booth.setup import from_registry, setup_booth
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError, PinError, SetupError
from otop_pos.core.ids import ean13_check_digit
from otop_pos.exchange.registry_csv import Registry
from otop_pos.store.engine import SqliteStore


def test_pin_is_hashed_with_scrypt_never_plain(store: SqliteStore) -> None:
    con = sqlite3.connect(store.path)
    stored = con.execute("SELECT hash FROM manager_pin").fetchone()[0]
    con.close()
    assert stored.startswith("scrypt$") and "1234" not in stored.split("$")[-1][:8]


def test_wrong_pins_lock_for_a_while_then_unlock(store: SqliteStore, clock: FixedClock) -> None:
    for left in (4, 3, 2, 1):
        with pytest.raises(PinError) as err:
            verify_pin(store, clock, "0000", action="void")
        assert f"{left} tries left" in err.value.en
    with pytest.raises(PinError) as err:
        verify_pin(store, clock, "0000", action="void")
    assert "locked" in err.value.en
    with pytest.raises(PinError) as err:
        verify_pin(store, clock, "1234", action="void")  # right PIN, still locked
    assert "locked" in err.value.en and "ล็อก" in err.value.th
    clock.advance(timedelta(minutes=6))
    verify_pin(store, clock, "1234", action="void")
    con = sqlite3.connect(store.path)
    assert con.execute("SELECT count(*) FROM audit_event WHERE action='pin_wrong'").fetchone()[0] == 5
    con.close()


def test_pin_change_needs_current_and_accepts_thai_digits(store: SqliteStore, clock: FixedClock) -> None:
    with pytest.raises(PinError):
        set_pin(store, clock, "5678")
    with pytest.raises(InputError):
        set_pin(store, clock, "12", current_pin="1234")
    set_pin(store, clock, "๕๖๗๘", current_pin="1234")
    verify_pin(store, clock, "5678", action="test")
    with pytest.raises(PinError):
        verify_pin(store, clock, "1234", action="test")


def test_no_pin_set_is_a_clear_refusal(empty_store: SqliteStore, clock: FixedClock) -> None:
    assert not has_pin(empty_store)
    with pytest.raises(PinError) as err:
        verify_pin(empty_store, clock, "1234", action="void")
    assert "No manager PIN" in err.value.en


def test_settings_roundtrip_and_validation(store: SqliteStore, clock: FixedClock) -> None:
    assert get_settings(store).shop_name == "สุดา สุขประเสริฐ"
    new = update_settings(store, clock, promptpay_id="081-234-5678", paper_width=384, lang="en")
    assert new.promptpay_id == "0812345678" and get_settings(store).paper_width == 384
    for bad in ({"promptpay_id": "12345"}, {"lang": "fr"}, {"paper_width": 10}, {"colour": "red"},
                {"tax_id": "123"}):
        with pytest.raises(InputError):
            update_settings(store, clock, **bad)
    assert get_settings(store).lang == "en"


def test_setup_from_registry_loads_vendor_catalogue(store: SqliteStore) -> None:
    products = list_products(store)
    assert [(p.sku, p.price_satang, p.barcode) for p in products] == [
        ("KK20-0001-01", 12000, "8856335556185"), ("KK20-0001-02", 66000, "8853930311348")]
    with store.read() as s:
        from otop_pos.booth.store import identity

        ident = identity(s)
        assert (ident.booth_code, ident.till_no, ident.vendor_code) == ("B001", 1, "KK20-0001")


def test_setup_unknown_vendor_and_other_booth_refused(store: SqliteStore, clock: FixedClock,
                                                      registry: Registry) -> None:
    with pytest.raises(SetupError):
        from_registry(registry, "KK20-9999")
    from otop_pos.booth.cart import Cart
    from otop_pos.booth.checkout import checkout
    from otop_pos.booth.days import open_day
    from otop_pos.booth.payments import PaymentIn

    open_day(store, clock, 0)
    checkout(store, clock, Cart().add(list_products(store)[0]), [PaymentIn("cash", tendered_satang=12000)])
    with pytest.raises(SetupError) as err:
        setup_booth(store, clock, from_registry(registry, "KK20-0002"))
    assert "B001" in err.value.en
    setup_booth(store, clock, from_registry(registry, "KK20-0001"))  # same booth again: refresh is fine


def test_catalogue_edit_and_lookup_with_thai_digits(store: SqliteStore, clock: FixedClock) -> None:
    save_product(store, clock, sku="NEW-1", name="ข้าวหอมมะลิ", product_type="อาหาร", price_satang=15000,
                 barcode="885000000001" + str(ean13_check_digit("885000000001")), stock=5)
    with pytest.raises(InputError):
        save_product(store, clock, sku="NEW-2", name="x", product_type="อาหาร", price_satang=100,
                     barcode="8850000000013")  # bad check digit
    with pytest.raises(InputError):
        save_product(store, clock, sku="NEW-3", name="x", product_type="อาหาร", price_satang=100,
                     barcode="8856335556185")  # belongs to KK20-0001-01
    idx = CatalogueIndex.load(store)
    assert idx.lookup("๘๘๕๖๓๓๕๕๕๖๑๘๕").sku == "KK20-0001-01"  # type: ignore[union-attr]
    assert idx.lookup(" new-1 ").name == "ข้าวหอมมะลิ"  # type: ignore[union-attr]
    assert idx.lookup("0000000000000") is None
    assert [p.sku for p in idx.search("กระเป๋า")] == ["KK20-0001-02"]
    assert idx.lookup("885000000001" + str(ean13_check_digit("885000000001"))).stock == 5  # type: ignore[union-attr]
    assert list_products(store)[-1].sort_order > list_products(store)[0].sort_order

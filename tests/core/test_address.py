"""A vendor's district and province as one address, as a Thai reader writes it (#14)."""
from __future__ import annotations

import pytest

from otop_pos.core.address import thai_address


@pytest.mark.parametrize(("district", "province", "written"), [
    ("น้ำพอง", "ขอนแก่น", "อ.น้ำพอง จ.ขอนแก่น"),
    ("อำเภอน้ำพอง", "จังหวัดขอนแก่น", "อ.น้ำพอง จ.ขอนแก่น"),       # the level word is not written twice
    ("อ.เมืองชัยภูมิ", "จ.ชัยภูมิ", "อ.เมืองชัยภูมิ จ.ชัยภูมิ"),
    ("  แม่ริม ", " เชียงใหม่", "อ.แม่ริม จ.เชียงใหม่"),
    ("บางรัก", "กรุงเทพมหานคร", "เขตบางรัก กรุงเทพมหานคร"),      # Bangkok: เขต, the city in full
    ("เขตบางรัก", "กทม.", "เขตบางรัก กรุงเทพมหานคร"),
    ("", "ขอนแก่น", "จ.ขอนแก่น"), ("น้ำพอง", "", "อ.น้ำพอง"), ("", "", ""),
    ("Nam Phong", "Khon Kaen", "Nam Phong, Khon Kaen"),          # a registry in English stays English
])
def test_thai_address(district: str, province: str, written: str) -> None:
    assert thai_address(district, province, "th") == written


def test_english_joins_with_a_comma() -> None:
    assert thai_address("น้ำพอง", "ขอนแก่น", "en") == "น้ำพอง, ขอนแก่น"
    assert thai_address("", "ขอนแก่น", "en") == "ขอนแก่น"

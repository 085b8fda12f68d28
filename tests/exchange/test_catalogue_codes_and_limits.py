"""The registry and the booth package refuse what a booth could not sell: a barcode that is another product's
SKU (naming the file, the lines and both products) and a price or stock beyond ``core.limits``."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from otop_pos.core.errors import ImportRefused, RegistryError
from otop_pos.core.limits import MAX_DOCUMENT_SATANG, MAX_STOCK
from otop_pos.exchange.package_format import read_package, write_package
from otop_pos.exchange.registry_csv import load_registry
from tests.exchange.helpers import make_package
from tests.exchange.test_registry_csv import C_HEAD, make


def test_the_registry_refuses_a_barcode_that_is_another_products_sku(tmp_path: Path) -> None:
    def cmod(rows: list[list[str]]) -> None:
        rows[2][1] = "8853930311348"           # line 3: ผ้าพันคอ takes ไส้กรอกอีสาน's barcode as its SKU
    with pytest.raises(RegistryError) as info:
        load_registry(*make(tmp_path, cmod=cmod))
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column) == ("catalogue.csv", 4, C_HEAD[4])
    assert problem.en == ("The code 8853930311348 is both the SKU of “ผ้าพันคอ (8853930311348) on line 3” and the "
                          "barcode of “ไส้กรอกอีสาน (KK-02-01) on line 4”.")
    assert "บรรทัด 3" in problem.th and "บรรทัด 4" in problem.th


@pytest.mark.parametrize("price, stock, words", [
    ("10,000,000.01", "", "more than the app accepts (at most 10,000,000.00 baht)"),
    ("885633555618588563355", "", "far too large"),
    ("120", "10000000", f"between 0 and {MAX_STOCK:,}"),
    ("120", "99999999999999999999999", f"between 0 and {MAX_STOCK:,}"),
])
def test_the_registry_refuses_a_price_or_stock_beyond_the_limits(tmp_path: Path, price: str, stock: str,
                                                                 words: str) -> None:
    def cmod(rows: list[list[str]]) -> None:
        rows[0].append("สต็อก")
        for row in rows[1:]:
            row.append("")
        rows[3][3], rows[3][5] = price, stock
    with pytest.raises(RegistryError) as info:
        load_registry(*make(tmp_path, cmod=cmod))
    [problem] = info.value.problems
    assert problem.line == 4 and words in problem.en, problem


def test_the_registry_takes_a_price_at_the_limit(tmp_path: Path) -> None:
    def cmod(rows: list[list[str]]) -> None:
        rows[1][3] = "10,000,000.00"
    registry = load_registry(*make(tmp_path, cmod=cmod))
    assert registry.products[0].price_satang == MAX_DOCUMENT_SATANG


def test_a_package_whose_barcode_is_another_products_sku_is_refused(tmp_path: Path) -> None:
    pkg, _public = make_package(products=3)       # product 3 has barcode 8850000000003
    items = list(pkg.products)
    items[0] = dataclasses.replace(items[0], sku="8850000000003")
    path = write_package(tmp_path / "p.otopbooth", dataclasses.replace(pkg, products=tuple(items)))
    with pytest.raises(ImportRefused) as info:
        read_package(path)
    assert info.value.reason == "code_clash"
    assert info.value.en.endswith(
        f"catalogue.csv: The code 8850000000003 is both the SKU of “{items[0].name} (8850000000003) on line 2” "
        f"and the barcode of “{items[2].name} ({items[2].sku}) on line 4”.")


@pytest.mark.parametrize("field, value, taken", [
    ("price_satang", MAX_DOCUMENT_SATANG + 1, False), ("price_satang", MAX_DOCUMENT_SATANG, True),
    ("stock", MAX_STOCK + 1, False), ("stock", MAX_STOCK, True),
])
def test_a_package_price_or_stock_beyond_the_limits_is_refused(tmp_path: Path, field: str, value: int,
                                                               taken: bool) -> None:
    pkg, _public = make_package(products=2)
    items = (dataclasses.replace(pkg.products[0], **{field: value}), pkg.products[1])
    path = write_package(tmp_path / "p.otopbooth", dataclasses.replace(pkg, products=items))
    if taken:
        assert getattr(read_package(path).products[0], field) == value
        return
    with pytest.raises(ImportRefused) as info:
        read_package(path)
    assert info.value.reason == "limits"
    assert f"catalogue.csv line 2, column {field} is more than the app accepts" in info.value.en

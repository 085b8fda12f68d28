"""Look-alike products: the second line that tells repeated names apart, and the warning for true twins."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from otop_pos.booth.cart import ProductInfo
from otop_pos.booth.demo import demo_registry
from otop_pos.booth.service import open_booth_service
from otop_pos.core.lookalike import distinguishing_labels, indistinguishable, sku_suffixes
from otop_pos.exchange.registry_csv import load_registry

ROOT = Path(__file__).resolve().parents[2]


def _demo_products() -> list[ProductInfo]:
    registry = load_registry(*demo_registry())
    return [ProductInfo(p.sku, p.name, p.product_type or "", p.price_satang, p.barcode, p.stock)
            for p in registry.products]


def test_demo_lookalikes_get_different_second_lines_and_unique_names_none() -> None:
    # the look-alikes: น้ำกระเจี๊ยบ ฿30.75 and ฿30, two กาแฟดริปภูพาน, three กระติบข้าวเหนียว (with the
    # rest of those vendors' products, names of their own among them)
    products = [p for p in _demo_products()
                if p.sku.rsplit("-", 1)[0] in ("KK20-0001", "KK20-0002", "KK20-0026")
                or p.sku in ("KK20-0003-02", "KK20-0005-01")]
    labels = distinguishing_labels(products)
    for name, count in (("น้ำกระเจี๊ยบ", 2), ("กาแฟดริปภูพาน", 2), ("กระติบข้าวเหนียว", 3)):
        group = [p for p in products if p.name == name]
        seconds = [labels[p.sku] for p in group]
        assert len(group) == count and all(seconds), name
        assert len(set(seconds)) == count, f"{name}: {seconds}"
    hibiscus = {p.price_satang: labels[p.sku] for p in products if p.name == "น้ำกระเจี๊ยบ"}
    assert hibiscus == {3075: "0002-02", 3000: "0026-01"}
    unique = [p for p in products if sum(q.name == p.name for q in products) == 1]
    assert unique and all(p.sku not in labels for p in unique)
    assert len(labels) == 7


def test_every_repeated_name_in_the_whole_demo_registry_gets_its_own_line() -> None:
    products = _demo_products()
    labels = distinguishing_labels(products)
    assert len(labels) == len(products)  # every name of the shipped registry is used by two vendors or more
    for name in {p.name for p in products}:
        seconds = [labels[p.sku] for p in products if p.name == name]
        assert len(set(seconds)) == len(seconds), name


def test_suffix_starts_after_the_last_separator_before_the_difference() -> None:
    assert sku_suffixes(["KK20-0018-01", "KK20-0018-03"]) == {"KK20-0018-01": "01", "KK20-0018-03": "03"}
    assert sku_suffixes(["TEA1", "TEA2"]) == {"TEA1": "TEA1", "TEA2": "TEA2"}
    assert sku_suffixes(["A-1", "A-1-B"]) == {"A-1": "1", "A-1-B": "1-B"}


def test_names_repeat_whatever_the_spacing_and_case() -> None:
    products = [ProductInfo("S-1", "Honey ", "อาหาร", 100), ProductInfo("S-2", "honey", "อาหาร", 200),
                ProductInfo("S-3", "น้ำ\u200bผึ้ง", "อาหาร", 100), ProductInfo("S-4", "น้ำผึ้ง", "อาหาร", 300)]
    assert distinguishing_labels(products) == {"S-1": "1", "S-2": "2", "S-3": "3", "S-4": "4"}


def test_twins_same_name_price_and_type_are_reported_in_thai_and_english() -> None:
    products = [ProductInfo("B-01", "กาแฟดริปภูพาน", "อาหาร", 17900),
                ProductInfo("B-02", "กาแฟดริปภูพาน", "อาหาร", 17900),
                ProductInfo("B-03", "กาแฟดริปภูพาน", "อาหาร", 15900),   # another price: told apart
                ProductInfo("B-04", "น้ำกระเจี๊ยบ", "อาหาร", 3075),
                ProductInfo("B-05", "น้ำกระเจี๊ยบ", "เครื่องดื่ม", 3075)]  # another type: told apart
    (twins,) = indistinguishable(products)
    assert twins.skus == ("B-01", "B-02") and twins.price_satang == 17900
    assert "กาแฟดริปภูพาน" in twins.th and "฿179.00" in twins.th and "B-01, B-02" in twins.th
    assert "same price" in twins.en and twins.message("en") == twins.en and twins.message("th") == twins.th


def test_no_twins_in_each_demo_vendor() -> None:
    registry = load_registry(*demo_registry())
    for vendor in registry.vendors:
        assert indistinguishable(registry.products_of(vendor.code)) == ()


def _registry_with_twin(folder: Path) -> Path:
    vendors, catalogue = demo_registry()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(vendors, folder / "vendors.csv")
    text = catalogue.read_text(encoding="utf-8-sig")
    (folder / "catalogue.csv").write_text(
        text.rstrip("\n") + "\nKK20-0002,KK20-0002-09,กาแฟดริปภูพาน,179,\n"   # same name, price, type: a twin
        "KK20-0002,KK20-0002-10,น้ำกระเจี๊ยบ,25,\n", encoding="utf-8-sig")       # another price: told apart
    return folder


def test_registry_load_warns_of_a_vendors_twins_and_still_loads(tmp_path: Path) -> None:
    vendors, catalogue = demo_registry()
    _registry_with_twin(tmp_path)
    before = load_registry(vendors, catalogue)
    registry = load_registry(tmp_path / "vendors.csv", tmp_path / "catalogue.csv")
    new = [w for w in registry.warnings if w not in before.warnings]
    assert len(new) == 1
    (warning,) = new
    assert "KK20-0002-01, KK20-0002-09" in warning.th and "กาแฟดริปภูพาน" in warning.th
    assert "same price ฿179.00" in warning.en and warning.file == "catalogue.csv"
    assert len(registry.products_of("KK20-0002")) == len(before.products_of("KK20-0002")) + 2


def test_booth_setup_with_twins_sets_up_and_warns(tmp_path: Path) -> None:
    registry = _registry_with_twin(tmp_path / "registry")
    env = dict(os.environ, OTOP_POS_HOME=str(tmp_path / "home"), PYTHONWARNINGS="error")
    out = subprocess.run([sys.executable, "-m", "otop_pos", "booth", "setup", "--registry", str(registry),
                          "--vendor", "KK20-0002", "--pin", "4321"], capture_output=True, text=True, env=env,
                         timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "สินค้า 4 รายการ" in out.stdout  # set up all the same: a warning, not a refusal
    assert "คำเตือน: สินค้า 2 รายการชื่อ “กาแฟดริปภูพาน” ราคา ฿179.00 เท่ากัน" in out.stderr
    assert "Warning: 2 products are named “กาแฟดริปภูพาน” at the same price ฿179.00 " \
           "(SKU KK20-0002-01, KK20-0002-09)" in out.stderr
    assert "น้ำกระเจี๊ยบ" not in out.stderr
    service = open_booth_service(tmp_path / "home", print_mode="off")
    try:
        assert [t.skus for t in service.lookalike_twins()] == [("KK20-0002-01", "KK20-0002-09")]
        assert len(service.products()) == 4
    finally:
        service.close()

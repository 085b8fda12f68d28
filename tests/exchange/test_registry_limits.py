"""The registry is checked at load against every limit the fair store, the booth package and the booth have
(one set, ``core.limits``): a value too long or too large is refused with file, line and column on SQLite and
PostgreSQL alike (never exit 70), and a value at the limit goes through the store, a booth package and
``booth setup --package``."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from otop_pos.core import limits
from otop_pos.core.errors import RegistryError
from otop_pos.exchange.package_format import read_package
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.exchange.registry_headers import CATALOGUE_COLUMNS, VENDOR_COLUMNS
from otop_pos.store import booth_models, fair_models
from tests.exchange.test_registry_csv import make, write_csv
from tests.fair.conftest import fair_db  # noqa: F401 - the SQLite / PostgreSQL store fixture


ROOT = Path(__file__).resolve().parents[2]


def cli(_capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``otop-pos ARGS`` as a subprocess, as the organiser runs it: (exit code, stdout, stderr)."""
    env = dict(os.environ, PYTHONWARNINGS="error", PYTHONPATH=str(ROOT))
    env.pop("OTOP_POS_PIN", None)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


def _create_fair(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _out, err = cli(capsys, "fair", "create", "--db", db, "--name", "OTOP CITY", "--start", "2020-10-26",
                          "--end", "2020-11-01")
    assert code == 0, err


def test_the_limits_are_the_stores_column_lengths() -> None:
    """One declaration: the registry's limits are the fair store's (and the booth store's) column lengths."""
    vendor, product = fair_models.Vendor.__table__.c, fair_models.Product.__table__.c
    by_field = {c.field: c.max_len for c in VENDOR_COLUMNS}
    assert by_field == {"code": vendor.code.type.length, "name": vendor.name.type.length,
                        "contact": vendor.contact.type.length, "product_type": None, "star": None,
                        "district": vendor.district.type.length, "province": vendor.province.type.length,
                        "phone": vendor.phone.type.length, "booth": vendor.booth.type.length, "producer_type": None,
                        "line_account": vendor.line_account.type.length, "facebook_page": vendor.facebook_page.type.length,
                        "shop_url": vendor.shop_url.type.length}
    assert vendor.shop_url.type.length == limits.MAX_CHANNEL_CHARS
    assert fair_models.Till.__table__.c.booth_code.type.length == limits.MAX_BOOTH_CODE_CHARS
    assert booth_models.Identity.__table__.c.booth_code.type.length == limits.MAX_BOOTH_CODE_CHARS
    by_field = {c.field: c.max_len for c in CATALOGUE_COLUMNS if c.max_len}
    assert by_field == {"vendor_code": vendor.code.type.length, "sku": product.sku.type.length,
                        "name": product.name.type.length}
    assert booth_models.Product.__table__.c.sku.type.length == limits.MAX_SKU_CHARS
    assert booth_models.Product.__table__.c.name.type.length == limits.MAX_PRODUCT_NAME_CHARS


def _too_long(tmp_path: Path) -> tuple[Path, Path]:
    """The issue's registry: a 17-character booth, a 301-character vendor and product name, four phone numbers
    in one cell, a price above MAX_DOCUMENT_SATANG."""
    def v(rows: list[list[str]]) -> None:
        rows[1][9] = "B" * 17
        rows[2][2] = "ก" * 301
        rows[3][8] = "081-111-1111, 081-111-1112, 081-111-1113, 081-111-1114"

    def c(rows: list[list[str]]) -> None:
        rows[1][2] = "ผ" * 312
        rows[3][3] = "10,000,000.01"
    return make(tmp_path, vmod=v, cmod=c)


EXPECTED = [  # (file, line, column, words in Thai, words in English)
    ("vendors.csv", 2, "บูธ", "บูธยาว 17 ตัวอักษร เกินที่ระบบรับได้ 16", "17 characters long; the app takes at most 16"),
    ("vendors.csv", 3, "ชื่อกลุ่ม/ผู้ประกอบการ", "ยาว 301 ตัวอักษร เกินที่ระบบรับได้ 300", "at most 300"),
    ("vendors.csv", 4, "เบอร์โทร", "เบอร์โทร 4 หมายเลข ยาว 43 ตัวอักษร เกินที่ระบบรับได้ 32", "4 phone numbers"),
    ("catalogue.csv", 2, "ชื่อสินค้า", "ชื่อสินค้ายาว 312 ตัวอักษร เกินที่ระบบรับได้ 300", "312 characters long"),
    ("catalogue.csv", 4, "ราคา (บาท)", "เกินกว่าที่ระบบรับได้", "at most 10,000,000.00 baht"),
]


def test_values_beyond_the_limits_are_refused_at_load_with_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(RegistryError) as info:
        load_registry(*_too_long(tmp_path))
    got = info.value.problems
    assert [(p.file, p.line, p.column) for p in got] == [e[:3] for e in EXPECTED]
    for p, (*_where, th, en) in zip(got, EXPECTED):
        assert th in p.th and en in p.en, p


def test_fair_registry_refuses_them_on_sqlite_and_postgresql_without_exit_70(
        tmp_path: Path, fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    _create_fair(capsys, fair_db)
    vendors, catalogue = _too_long(tmp_path)
    code, out, err = cli(capsys, "fair", "registry", "--db", fair_db, str(vendors), str(catalogue))
    assert code == 2 and out == ""
    for file, line, column, th, en in EXPECTED:
        assert f"{file}:{line} [{column}]" in err and th in err and en in err
    assert err.count("17 characters long") == 1  # every problem printed once
    assert "went wrong" not in err and "Traceback" not in err
    # nothing was loaded: the fair still has no vendors
    code, out, _err = cli(capsys, "fair", "status", "--db", fair_db)
    assert code == 0 and "KK-01" not in out


def test_values_at_the_limits_go_through_the_store_a_package_and_booth_setup(
        tmp_path: Path, fair_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever the registry lets through, ``booth setup --package`` takes (on SQLite and PostgreSQL)."""
    booth, name = "B" * limits.MAX_BOOTH_CODE_CHARS, "ก" * limits.MAX_VENDOR_NAME_CHARS
    code = "K" * limits.MAX_VENDOR_CODE_CHARS
    sku, pname = "S" * limits.MAX_SKU_CHARS, "ผ" * limits.MAX_PRODUCT_NAME_CHARS

    def v(rows: list[list[str]]) -> None:
        rows[1][1:10] = [code, name, "ม" * limits.MAX_CONTACT_CHARS, "อาหาร", "0", "อ" * limits.MAX_PLACE_CHARS,
                         "ขอนแก่น", "081-111-1111, 081-111-1112, 081-111-1113", booth]

    def c(rows: list[list[str]]) -> None:
        rows[1][:4] = [code, sku, pname, "10,000,000.00"]
        rows[2][0] = code
    vendors, catalogue = make(tmp_path, vmod=v, cmod=c)
    _create_fair(capsys, fair_db)
    rc, out, err = cli(capsys, "fair", "registry", "--db", fair_db, str(vendors), str(catalogue))
    assert rc == 0, err
    assert "Vendors: 3 added" in out
    rc, _out, err = cli(capsys, "fair", "packages", "--db", fair_db, str(tmp_path / "packages"), "--vendor", code)
    assert rc == 0, err
    (path,) = (tmp_path / "packages").iterdir()
    pkg = read_package(path)
    assert (pkg.vendor.booth, pkg.vendor.name, pkg.vendor.star, pkg.vendor.phone) == (
        booth, name, None, "0811111111,0811111112,0811111113")
    assert [(p.sku, p.name, p.price_satang) for p in pkg.products] == [
        (sku, pname, limits.MAX_DOCUMENT_SATANG), ("KK-01-02", "ผ้าพันคอ", 35000)]
    rc, out, err = cli(capsys, "--data-dir", str(tmp_path / "booth"), "booth", "setup", "--package", str(path),
                       "--pin", "4321")
    assert rc == 0, err
    assert f"Booth {booth} till 1 set up for {code}" in out and "with 2 products" in out


def test_a_registry_without_booth_numbers_uses_the_vendor_codes(tmp_path: Path) -> None:
    def drop(rows: list[list[str]]) -> None:
        for r in rows:
            del r[9]
    reg = load_registry(*make(tmp_path, vmod=drop))
    assert [(v.code, v.booth) for v in reg.vendors] == [("KK-01", "KK-01"), ("KK-02", "KK-02"), ("KK-03", "KK-03")]
    assert [(w.line, "booth" in w.en) for w in reg.warnings] == [(1, True)]

    def long_code(rows: list[list[str]]) -> None:
        drop(rows)
        rows[2][1] = "KK-0002-ABCDEFGHIJ"  # 18 characters: too long for a booth
    (tmp_path / "b").mkdir()
    vendors, catalogue = make(tmp_path / "b", vmod=long_code,
                              cmod=lambda rows: rows[3].__setitem__(0, "KK-0002-ABCDEFGHIJ"))
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, catalogue)
    [p] = info.value.problems
    assert (p.line, p.column) == (3, "รหัสผู้ประกอบการ") and "add a booth column" in p.en


def test_star_level_0_means_no_stars(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[1][5], rows[2][5] = "0", "๐"
    reg = load_registry(*make(tmp_path, vmod=v))
    assert [x.star for x in reg.vendors] == [None, None, None]


def test_booth_setup_from_the_registry_prints_problems_once(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "reg").mkdir()
    make(tmp_path / "reg", vmod=lambda rows: rows[2].__setitem__(9, "B" * 17))
    rc, _out, err = cli(capsys, "--data-dir", str(tmp_path / "booth"), "booth", "setup", "--registry",
                        str(tmp_path / "reg"), "--vendor", "KK-01", "--pin", "4321")
    assert rc == 2
    assert err.count("vendors.csv:3 [บูธ]") == 1 and err.count("at most 16") == 1
    assert err.startswith("ข้อผิดพลาด: ไฟล์ทะเบียนมีปัญหา 1 รายการ") and "Error: The registry has 1 problem" in err


def test_many_products_for_one_booth_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import otop_pos.exchange.registry_csv as registry_csv

    monkeypatch.setattr(registry_csv, "MAX_PRODUCTS_PER_BOOTH", 2)
    rows = [["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา"]] + [
        ["KK-01", f"KK-01-{i}", f"ผ้า {i}", "100"] for i in range(4)]
    vendors, _c = make(tmp_path)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, write_csv(tmp_path / "catalogue.csv", rows))
    [p] = info.value.problems
    assert p.line == 4 and "more than the 2 products one booth takes" in p.en

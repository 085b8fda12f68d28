"""The producer's channel in the registry (any header form, checked at its cell) and in the booth package."""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import zipfile
from pathlib import Path

import pytest

from otop_pos.booth.demo import demo_registry
from otop_pos.core.errors import ImportRefused, RegistryError
from otop_pos.exchange.package_format import read_package, write_package
from otop_pos.exchange.registry_csv import load_registry
from tests.exchange.helpers import make_package

CHANNEL = {"KK20-0001": ("@BaanSuda", "", "shopee.co.th/baansuda"),
           "KK20-0002": ("", "facebook.com/nongwaeng", ""),
           "KK20-0003": ("https://lin.ee/AbC123", "-", "ไม่มี")}


def vendors_with_channel(tmp_path: Path, headers: tuple[str, str, str], bad: dict[str, tuple[str, str, str]] | None = None,
                         limit: int | None = None) -> Path:
    """The demo vendors file with three channel columns added under ``headers`` (its first ``limit`` vendors)."""
    vendors, _catalogue = demo_registry()
    rows = list(csv.reader(io.StringIO(vendors.read_text(encoding="utf-8-sig"))))
    rows = rows if limit is None else rows[:limit + 1]
    out = [rows[0] + list(headers)]
    for row in rows[1:]:
        out.append(row + list((bad or {}).get(row[1], CHANNEL.get(row[1], ("", "", "")))))
    path = tmp_path / "vendors.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(out)
    return path


@pytest.mark.parametrize("headers", [
    ("LINE", "Facebook", "Online shop"),
    ("ไลน์ไอดี", "เพจเฟซบุ๊ก", "ร้านค้าออนไลน์"),
    ("LINE ID / ไลน์", "Facebook page (เพจ)", "ร้านค้าออนไลน์ (Shopee/Lazada)"),
    ("Line OA", "FB", "Website"),
])
def test_the_channel_columns_are_read_in_any_header_form(tmp_path: Path, headers: tuple[str, str, str]) -> None:
    reg = load_registry(vendors_with_channel(tmp_path, headers), demo_registry()[1])
    got = {v.code: (v.line_account, v.facebook_page, v.shop_url) for v in reg.vendors if v.code in CHANNEL}
    assert got == {"KK20-0001": ("@baansuda", "", "https://shopee.co.th/baansuda"),
                   "KK20-0002": ("", "https://facebook.com/nongwaeng", ""),
                   "KK20-0003": ("https://lin.ee/AbC123", "", "")}
    assert not any("Unknown column" in w.en for w in reg.warnings)
    assert reg.vendor("KK20-0004").line_account == ""


def test_a_registry_without_the_columns_still_loads_with_none() -> None:
    reg = load_registry(*demo_registry())
    assert {(v.line_account, v.facebook_page, v.shop_url) for v in reg.vendors} == {("", "", "")}


def test_bad_links_are_reported_by_file_line_and_column(tmp_path: Path) -> None:
    bad = {"KK20-0001": ("ร้านสุดา", "", ""), "KK20-0002": ("", "หนองแวงเพจ", ""),
           "KK20-0004": ("", "", "not a link")}
    path = vendors_with_channel(tmp_path, ("LINE", "เพจ Facebook", "ร้านออนไลน์"), bad)
    with pytest.raises(RegistryError) as err:
        load_registry(path, demo_registry()[1])
    found = {(p.file, p.line, p.column) for p in err.value.problems}
    assert found == {("vendors.csv", 2, "LINE"), ("vendors.csv", 3, "เพจ Facebook"), ("vendors.csv", 5, "ร้านออนไลน์")}
    by_line = {p.line: p for p in err.value.problems}
    assert "ร้านสุดา" in by_line[2].th and "@abc" in by_line[2].en
    assert "facebook.com" in by_line[3].en and "not a web link" in by_line[5].en


def test_the_package_carries_the_channel_and_an_old_package_has_none(tmp_path: Path) -> None:
    pkg, _pub = make_package()
    with_channel = dataclasses.replace(pkg, vendor=dataclasses.replace(
        pkg.vendor, line_account="@baansuda", facebook_page="https://facebook.com/x", shop_url="https://shopee.co.th/y"))
    back = read_package(write_package(tmp_path / "new.otopbooth", with_channel))
    assert (back.vendor.line_account, back.vendor.facebook_page, back.vendor.shop_url) == (
        "@baansuda", "https://facebook.com/x", "https://shopee.co.th/y")
    # a package written before the channel existed: its vendor has no such keys
    old = _edit_vendor(write_package(tmp_path / "old.otopbooth", with_channel), tmp_path / "old2.otopbooth",
                       lambda v: {k: x for k, x in v.items() if k not in ("line_account", "facebook_page", "shop_url")})
    assert (read_package(old).vendor.line_account, read_package(old).vendor.shop_url) == ("", "")
    bad = _edit_vendor(tmp_path / "new.otopbooth", tmp_path / "bad.otopbooth",
                       lambda v: {**v, "line_account": "javascript:alert(1)"})
    with pytest.raises(ImportRefused) as err:
        read_package(bad)
    assert "line_account" in err.value.en


def _edit_vendor(src: Path, dst: Path, change: object) -> Path:
    """A copy of a package with its vendor section changed (the manifest is not signed, only hashed members)."""
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    doc = json.loads(members["package.json"])
    doc["vendor"] = change(doc["vendor"])  # type: ignore[operator]
    members["package.json"] = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(dst, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    return dst

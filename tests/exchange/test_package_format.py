"""The booth package: round trip, Thai intact, and refusal of anything edited, foreign or unsafe."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from otop_pos.core.errors import ImportRefused
from otop_pos.exchange.keys import generate_keypair
from otop_pos.exchange.package_format import PACKAGE_FORMAT, PACKAGE_VERSION, read_package, write_package
from otop_pos.exchange.safezip import write_zip
from tests.exchange.helpers import make_package, write


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def rezip(path: Path, members: dict[str, bytes]) -> Path:
    from datetime import datetime, timezone

    buf = io.BytesIO()
    write_zip(buf, list(members.items()), datetime(2020, 10, 20, tzinfo=timezone.utc))
    return write(path, buf.getvalue())


def assert_refused(path: Path, reason: str) -> None:
    with pytest.raises(ImportRefused) as info:
        read_package(path)
    assert info.value.reason == reason, info.value.en
    assert info.value.th and info.value.en


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    pkg, _public = make_package()
    path = write_package(tmp_path / "B001.otopbooth", pkg)
    assert read_package(path) == pkg
    members = members_of(path)
    assert set(members) == {"package.json", "catalogue.csv", "README.txt"}
    doc = json.loads(members["package.json"])
    assert doc["format"] == PACKAGE_FORMAT and doc["version"] == PACKAGE_VERSION
    rows = list(csv.DictReader(io.StringIO(members["catalogue.csv"].decode("utf-8-sig"))))
    assert members["catalogue.csv"].startswith(b"\xef\xbb\xbf")
    assert rows[0]["name"] == "ผ้าไหมมัดหมี่ลายที่ 1 ครั้งที่ ๒๐" and rows[0]["price_satang"] == "14975"
    readme = members["README.txt"].decode("utf-8")
    assert "ความลับ" in readme and "PRIVATE" in readme


def test_no_temp_file_left_and_rewrite_replaces(tmp_path: Path) -> None:
    pkg, _ = make_package()
    path = write_package(tmp_path / "p.otopbooth", pkg)
    pkg2 = replace(pkg, products=pkg.products[:2])
    write_package(path, pkg2)
    assert read_package(path) == pkg2
    assert [p.name for p in tmp_path.iterdir()] == ["p.otopbooth"]


def test_edited_catalogue_is_refused(tmp_path: Path) -> None:
    path = write_package(tmp_path / "p.otopbooth", make_package()[0])
    m = members_of(path)
    m["catalogue.csv"] = m["catalogue.csv"].replace(b"14975", b"00100")
    assert_refused(rezip(tmp_path / "e.otopbooth", m), "member_hash")


@pytest.mark.parametrize("edit, reason", [
    (lambda d: d.update(format="something-else"), "format"),
    (lambda d: d.update(version=2), "version"),
    (lambda d: d["key"].update(key_id="0" * 16), "key"),
    (lambda d: d["key"].update(private_key_pem=generate_keypair()[0]), "key"),
    (lambda d: d["key"].update(private_key_pem="garbage"), "key"),
    (lambda d: d["fair"].update(first_day="2020-11-02"), "package"),
    (lambda d: d["fair"].update(last_day="2563-13-01"), "package"),
    (lambda d: d["vendor"].update(star=7), "package"),
    (lambda d: d["vendor"].update(code=""), "package"),
    (lambda d: d.update(created_at="2020-10-20T09:00:00"), "package"),
    (lambda d: d.pop("vendor"), "package"),
])
def test_invalid_package_json_is_refused(tmp_path: Path, edit, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = write_package(tmp_path / "p.otopbooth", make_package()[0])
    m = members_of(path)
    doc = json.loads(m["package.json"])
    edit(doc)
    m["package.json"] = json.dumps(doc, ensure_ascii=False).encode()
    assert_refused(rezip(tmp_path / "e.otopbooth", m), reason)


@pytest.mark.parametrize("csv_text", [
    "sku,name,product_type,price_satang,barcode,stock\r\nA,น้ำพริก,อาหาร,12.50,,\r\n",
    "sku,name,product_type,price_satang,barcode,stock\r\nA,น้ำพริก,อาหาร,-5,,\r\n",
    "sku,name,product_type,price_satang,barcode,stock\r\nA,น้ำพริก,อาหาร,100,,\r\nA,อื่น,อาหาร,100,,\r\n",
    "sku,name,product_type,price_satang,barcode,stock\r\nA,x,อาหาร,100,885,\r\nB,y,อาหาร,100,885,\r\n",
    "sku,name,price_satang\r\nA,น้ำพริก,100\r\n",
    "sku,name,product_type,price_satang,barcode,stock\r\nA,,อาหาร,100,,\r\n",
    "sku,name,product_type,price_satang,barcode,stock\r\nA,x,อาหาร,100,,,\r\n",
])
def test_invalid_catalogue_is_refused(tmp_path: Path, csv_text: str) -> None:
    """A catalogue edited with a recomputed hash is still validated row by row."""
    import hashlib

    path = write_package(tmp_path / "p.otopbooth", make_package()[0])
    m = members_of(path)
    m["catalogue.csv"] = b"\xef\xbb\xbf" + csv_text.encode()
    doc = json.loads(m["package.json"])
    doc["members"]["catalogue.csv"] = {"sha256": hashlib.sha256(m["catalogue.csv"]).hexdigest(),
                                       "size": len(m["catalogue.csv"])}
    m["package.json"] = json.dumps(doc, ensure_ascii=False).encode()
    assert_refused(rezip(tmp_path / "e.otopbooth", m), "package")


def test_unsafe_or_foreign_zips_are_refused(tmp_path: Path) -> None:
    path = write_package(tmp_path / "p.otopbooth", make_package()[0])
    m = members_of(path)
    assert_refused(rezip(tmp_path / "x.otopbooth", {**m, "../evil.sh": b"rm -rf /"}), "path_traversal")
    assert_refused(rezip(tmp_path / "y.otopbooth", {**m, "extra.txt": b"hi"}), "unexpected_member")
    assert_refused(rezip(tmp_path / "z.otopbooth", {"catalogue.csv": m["catalogue.csv"]}), "format")
    assert_refused(write(tmp_path / "t.otopbooth", b"PK\x03\x04" + b"\x00" * 100), "truncated")
    assert_refused(write(tmp_path / "c.otopbooth", "ไม่ใช่แพ็กเกจ".encode()), "not_zip")
    data = path.read_bytes()
    for cut in range(0, len(data), 37):
        with pytest.raises(ImportRefused):
            read_package(write(tmp_path / "cut.otopbooth", data[:cut]))

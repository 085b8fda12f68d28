"""The booth package: fair, vendor, catalogue and the booth's private signing key, in one zip.

Written by the organiser (one per vendor), read by ``otop-pos booth setup --package FILE``. Layout and
rules: docs/exchange-format.md.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from otop_pos.core.channel import parse_facebook, parse_line, parse_shop_url
from otop_pos.core.codes import clash_text, code_clashes
from otop_pos.core.errors import ImportRefused, InputError
from otop_pos.core.limits import (
    MAX_BOOTH_CODE_CHARS,
    MAX_CHANNEL_CHARS,
    MAX_DOCUMENT_SATANG,
    MAX_PRODUCT_NAME_CHARS,
    MAX_PRODUCTS_PER_BOOTH,
    MAX_SKU_CHARS,
    MAX_STOCK,
    MAX_VENDOR_CODE_CHARS,
    MAX_VENDOR_NAME_CHARS,
)
from otop_pos.core.methods import MAX_METHODS, MethodSpec, check_method, default_specs
from otop_pos.exchange.keys import key_id_of, public_pem_of
from otop_pos.exchange.safezip import atomic_write, open_zip_safely, write_zip
from otop_pos.exchange.vendor_record import PACKAGE_FIELDS, VendorRecord

__all__ = ["PACKAGE_FORMAT", "PACKAGE_VERSION", "PackageFair", "PackageVendor", "PackageProduct", "BoothPackage",
           "write_package", "read_package", "PACKAGE_SUFFIX"]

PACKAGE_FORMAT = "otop-pos-booth-package"
PACKAGE_VERSION = 1
PACKAGE_SUFFIX = ".otopbooth"
CATALOGUE_COLUMNS = ("sku", "name", "product_type", "price_satang", "barcode", "stock")
MEMBERS = ("package.json", "catalogue.csv", "README.txt")

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 8
MAX_MEMBER_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 32 * 1024 * 1024
MAX_RATIO = 200
MAX_PRODUCTS = MAX_PRODUCTS_PER_BOOTH

README = """\
แพ็กเกจบูธ otop-pos — เก็บเป็นความลับ
ไฟล์นี้มีกุญแจลับของบูธ ใช้ลงนามไฟล์ส่งยอดขายถึงผู้จัดงาน อย่าส่งต่อหรือเผยแพร่
ใช้ตั้งค่าเครื่องขาย: otop-pos booth setup --package ไฟล์นี้ [--till 2]

otop-pos booth package — KEEP IT PRIVATE
This file holds the booth's secret signing key, which signs the sales exports sent to the organiser.
Do not share or publish it. Set a till up with: otop-pos booth setup --package THIS_FILE [--till 2]
"""


@dataclass(frozen=True)
class PackageFair:
    """The fair the booth sells at."""

    id: str
    name: str
    venue: str
    province: str
    first_day: date
    last_day: date


PackageVendor = VendorRecord  # the vendor of a package: the one vendor record of the exchange files


@dataclass(frozen=True)
class PackageProduct:
    """One catalogue product; ``stock`` None means not tracked."""

    sku: str
    name: str
    product_type: str
    price_satang: int
    barcode: str | None
    stock: int | None


@dataclass(frozen=True)
class BoothPackage:
    """Everything a booth needs to start: fair, vendor, catalogue, private signing key and its id."""

    fair: PackageFair
    vendor: PackageVendor
    products: tuple[PackageProduct, ...]
    private_key_pem: str
    key_id: str
    created_at: datetime
    methods: tuple[MethodSpec, ...] = field(default_factory=default_specs)   # the fair's payment methods


def _bad(th: str, en: str, reason: str = "package") -> ImportRefused:
    return ImportRefused("แพ็กเกจบูธใช้ไม่ได้: " + th, "The booth package is not usable: " + en, reason)


def _csv_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CATALOGUE_COLUMNS)
    w.writerows(rows)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def write_package(path: Path, pkg: BoothPackage) -> Path:
    """Write ``pkg`` to ``path`` atomically (package.json + catalogue.csv + README.txt, canonical zip)."""
    if pkg.created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    catalogue = _csv_bytes([[p.sku, p.name, p.product_type, str(p.price_satang), p.barcode or "",
                             "" if p.stock is None else str(p.stock)] for p in pkg.products])
    readme = README.encode("utf-8")
    doc: dict[str, Any] = {
        "format": PACKAGE_FORMAT, "version": PACKAGE_VERSION, "created_at": pkg.created_at.isoformat(),
        "fair": {"id": pkg.fair.id, "name": pkg.fair.name, "venue": pkg.fair.venue, "province": pkg.fair.province,
                 "first_day": pkg.fair.first_day.isoformat(), "last_day": pkg.fair.last_day.isoformat()},
        "vendor": {k: getattr(pkg.vendor, k) for k in PACKAGE_FIELDS},
        "key": {"key_id": pkg.key_id, "private_key_pem": pkg.private_key_pem},
        "methods": [m.as_json() for m in pkg.methods],
        "members": {"catalogue.csv": {"sha256": hashlib.sha256(catalogue).hexdigest(), "size": len(catalogue)},
                    "README.txt": {"sha256": hashlib.sha256(readme).hexdigest(), "size": len(readme)}},
    }
    manifest = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    members = [("package.json", manifest), ("catalogue.csv", catalogue), ("README.txt", readme)]
    return atomic_write(Path(path), lambda fh: write_zip(fh, members, pkg.created_at))


def _str(d: dict[str, Any], key: str, *, required: bool = True, max_len: int = 300) -> str:
    value = d.get(key, "")
    if not isinstance(value, str) or len(value) > max_len or (required and not value.strip()):
        raise _bad(f"ช่อง {key} ไม่ถูกต้อง", f"the field {key!r} is missing or invalid.")
    return value


def _date(d: dict[str, Any], key: str) -> date:
    try:
        return date.fromisoformat(_str(d, key, max_len=10))
    except ValueError:
        raise _bad(f"วันที่ {key} ไม่ถูกต้อง", f"the date {key!r} is invalid.") from None


def _obj(d: Any, key: str) -> dict[str, Any]:
    value = d.get(key) if isinstance(d, dict) else None
    if not isinstance(value, dict):
        raise _bad(f"ไม่มีส่วน {key}", f"the section {key!r} is missing.")
    return value


def _channel(vendor_d: dict[str, Any]) -> dict[str, str]:
    """The producer's LINE, Facebook and shop links (absent in a package made before they existed: "")."""
    out: dict[str, str] = {}
    for key, parse in (("line_account", parse_line), ("facebook_page", parse_facebook), ("shop_url", parse_shop_url)):
        value = _str(vendor_d, key, required=False, max_len=MAX_CHANNEL_CHARS)
        try:
            out[key] = parse(value)
        except InputError as exc:
            raise _bad(f"ช่อง {key}: {exc.th}", f"the field {key!r}: {exc.en}") from None
    return out


def _int_cell(text: str, line: int, col: str, *, optional: bool, limit: int) -> int | None:
    if text == "" and optional:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 12:
        raise _bad(f"catalogue.csv บรรทัด {line} ช่อง {col} ไม่ใช่จำนวนเต็ม",
                   f"catalogue.csv line {line}, column {col} is not a whole number.")
    if int(text) > limit:
        raise _bad(f"catalogue.csv บรรทัด {line} ช่อง {col} เกินกว่าที่ระบบรับได้ (สูงสุด {limit:,})",
                   f"catalogue.csv line {line}, column {col} is more than the app accepts (at most {limit:,}).",
                   "limits")
    return int(text)


def _refuse_clashes(products: list[PackageProduct]) -> None:
    """Refused when a barcode is another product's SKU (lines: the header is line 1)."""
    for c in code_clashes([(p.sku, p.barcode) for p in products]):
        a, b = products[c.first], products[c.second]
        th, _en = clash_text(c, f"{a.name} ({a.sku}) บรรทัด {c.first + 2}", f"{b.name} ({b.sku}) บรรทัด {c.second + 2}")
        _th, en = clash_text(c, f"{a.name} ({a.sku}) on line {c.first + 2}",
                             f"{b.name} ({b.sku}) on line {c.second + 2}")
        raise _bad(f"catalogue.csv: {th}", f"catalogue.csv: {en}", "code_clash")


def _methods(doc: dict[str, Any]) -> tuple[MethodSpec, ...]:
    """The fair's payment methods of ``package.json``; a package written before they travelled: the built-ins."""
    if "methods" not in doc:
        return default_specs()
    items = doc["methods"]
    if not isinstance(items, list) or not 0 < len(items) <= MAX_METHODS:
        raise _bad("รายการวิธีชำระเงินไม่ถูกต้อง", "the list of payment methods is invalid.", "methods")
    out: list[MethodSpec] = []
    for n, item in enumerate(items, start=1):
        fields = ("code", "name_th", "name_en", "kind", "state_percent", "daily_cap_satang")
        if not isinstance(item, dict) or set(item) != set(fields):
            raise _bad(f"วิธีชำระเงินลำดับที่ {n} ไม่ครบหรือมีช่องที่ไม่รู้จัก",
                       f"payment method {n} has missing or unknown fields.", "methods")
        percent, cap = item["state_percent"], item["daily_cap_satang"]
        texts_ok = all(isinstance(item[k], str) for k in ("code", "name_th", "name_en", "kind"))
        numbers_ok = isinstance(percent, int) and not isinstance(percent, bool) and (
            cap is None or (isinstance(cap, int) and not isinstance(cap, bool)))
        if not (texts_ok and numbers_ok):
            raise _bad(f"วิธีชำระเงินลำดับที่ {n} ไม่ถูกต้อง", f"payment method {n} is invalid.", "methods")
        try:
            spec = check_method(MethodSpec(item["code"], item["name_th"], item["name_en"], item["kind"], percent, cap))
        except InputError as exc:
            raise _bad(f"วิธีชำระเงินลำดับที่ {n}: {exc.th}", f"payment method {n}: {exc.en}", "methods") from None
        if spec.code in {m.code for m in out}:
            raise _bad(f"วิธีชำระเงิน {spec.code} ซ้ำ", f"the payment method {spec.code} is listed twice.", "methods")
        out.append(spec)
    return tuple(out)


def _products(data: bytes) -> tuple[PackageProduct, ...]:
    if not data.startswith(b"\xef\xbb\xbf"):
        raise _bad("catalogue.csv ไม่ใช่ UTF-8 BOM", "catalogue.csv is not UTF-8 with BOM.")
    try:
        text = data[3:].decode("utf-8")
    except UnicodeDecodeError:
        raise _bad("catalogue.csv ไม่ใช่ UTF-8", "catalogue.csv is not UTF-8.") from None
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(rows, None)
        if header is None or tuple(header) != CATALOGUE_COLUMNS:
            raise _bad("หัวตาราง catalogue.csv ไม่ถูกต้อง", "catalogue.csv has the wrong header.")
        out: list[PackageProduct] = []
        skus: set[str] = set()
        barcodes: set[str] = set()
        for line, row in enumerate(rows, start=2):
            if len(row) != len(CATALOGUE_COLUMNS):
                raise _bad(f"catalogue.csv บรรทัด {line} จำนวนช่องไม่ถูกต้อง",
                           f"catalogue.csv line {line} has the wrong number of cells.")
            sku, name, ptype, price, barcode, stock = row
            if not sku.strip() or not name.strip() or not ptype.strip() or len(sku) > MAX_SKU_CHARS \
                    or len(name) > MAX_PRODUCT_NAME_CHARS:
                raise _bad(f"catalogue.csv บรรทัด {line} ข้อมูลไม่ครบ", f"catalogue.csv line {line} is incomplete.")
            if sku in skus or (barcode and barcode in barcodes):
                raise _bad(f"catalogue.csv บรรทัด {line} รหัสสินค้าหรือบาร์โค้ดซ้ำ",
                           f"catalogue.csv line {line} repeats a SKU or barcode.")
            skus.add(sku)
            if barcode:
                barcodes.add(barcode)
            price_satang = _int_cell(price, line, "price_satang", optional=False, limit=MAX_DOCUMENT_SATANG)
            assert price_satang is not None
            out.append(PackageProduct(sku, name, ptype, price_satang, barcode or None,
                                      _int_cell(stock, line, "stock", optional=True, limit=MAX_STOCK)))
            if len(out) > MAX_PRODUCTS:
                raise _bad("สินค้ามากเกินไป", "too many products.")
    except csv.Error as exc:
        raise _bad(f"catalogue.csv อ่านไม่ได้ ({exc})", f"catalogue.csv cannot be read ({exc}).") from None
    _refuse_clashes(out)
    return tuple(out)


def read_package(path: Path) -> BoothPackage:
    """Read and validate a booth package; ImportRefused (Thai/English, reason code) on anything wrong."""
    with open_zip_safely(path, max_file_bytes=MAX_FILE_BYTES, max_members=MAX_MEMBERS,
                         max_member_bytes=MAX_MEMBER_BYTES, max_total_bytes=MAX_TOTAL_BYTES,
                         max_ratio=MAX_RATIO) as z:
        if "package.json" not in z.names():
            raise ImportRefused("ไฟล์นี้ไม่ใช่แพ็กเกจบูธ", "This file is not a booth package.", "format")
        if set(z.names()) != set(MEMBERS):
            raise _bad("มีส่วนที่ไม่รู้จักหรือขาดหายไป", "it has unknown or missing members.", "unexpected_member")
        try:
            doc = json.loads(z.read("package.json", 1024 * 1024).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise _bad("package.json อ่านไม่ได้", "package.json cannot be read.") from None
        if not isinstance(doc, dict) or doc.get("format") != PACKAGE_FORMAT:
            raise ImportRefused("ไฟล์นี้ไม่ใช่แพ็กเกจบูธ", "This file is not a booth package.", "format")
        if doc.get("version") != PACKAGE_VERSION:
            raise ImportRefused(f"แพ็กเกจรุ่น {doc.get('version')!r} ใช้กับโปรแกรมรุ่นนี้ไม่ได้ กรุณาอัปเดตโปรแกรม",
                                f"Package version {doc.get('version')!r} is not supported by this version of the "
                                "app; please update it.", "version")
        blobs: dict[str, bytes] = {}
        members = _obj(doc, "members")
        for name in ("catalogue.csv", "README.txt"):
            meta = _obj(members, name)
            blob = z.read(name)
            if meta.get("size") != len(blob) or meta.get("sha256") != hashlib.sha256(blob).hexdigest():
                raise _bad(f"{name} ถูกแก้ไขหรือเสียหาย", f"{name} was modified or is damaged.", "member_hash")
            blobs[name] = blob
    fair_d, vendor_d, key_d = _obj(doc, "fair"), _obj(doc, "vendor"), _obj(doc, "key")
    fair = PackageFair(_str(fair_d, "id", max_len=64), _str(fair_d, "name"), _str(fair_d, "venue", required=False),
                       _str(fair_d, "province", required=False), _date(fair_d, "first_day"),
                       _date(fair_d, "last_day"))
    if fair.last_day < fair.first_day:
        raise _bad("วันสุดท้ายของงานอยู่ก่อนวันแรก", "the fair's last day is before its first day.")
    star = vendor_d.get("star")
    if star is not None and (not isinstance(star, int) or isinstance(star, bool) or not 1 <= star <= 5):
        raise _bad("ระดับดาวต้องเป็น 1–5", "the star level must be 1–5.")
    channel = _channel(vendor_d)
    vendor = PackageVendor(
        code=_str(vendor_d, "code", max_len=MAX_VENDOR_CODE_CHARS),
        name=_str(vendor_d, "name", max_len=MAX_VENDOR_NAME_CHARS),
        contact=_str(vendor_d, "contact", required=False), product_type=_str(vendor_d, "product_type", max_len=64),
        star=star, district=_str(vendor_d, "district", required=False),
        province=_str(vendor_d, "province", required=False), phone=_str(vendor_d, "phone", required=False),
        booth=_str(vendor_d, "booth", max_len=MAX_BOOTH_CODE_CHARS), producer_type=_str(vendor_d, "producer_type", required=False),
        line_account=channel["line_account"], facebook_page=channel["facebook_page"], shop_url=channel["shop_url"])
    private_pem, key_id = _str(key_d, "private_key_pem", max_len=4096), _str(key_d, "key_id", max_len=64)
    try:
        actual = key_id_of(public_pem_of(private_pem))
    except ValueError:
        raise _bad("กุญแจลับของบูธใช้ไม่ได้", "the booth's signing key is not a valid Ed25519 key.", "key") from None
    if actual != key_id:
        raise _bad("รหัสกุญแจไม่ตรงกับกุญแจ", "the key id does not match the key.", "key")
    try:
        created = datetime.fromisoformat(_str(doc, "created_at", max_len=40))
    except ValueError:
        raise _bad("เวลาสร้างแพ็กเกจไม่ถูกต้อง", "the creation time is invalid.") from None
    if created.tzinfo is None:
        raise _bad("เวลาสร้างแพ็กเกจไม่มีเขตเวลา", "the creation time has no offset.")
    return BoothPackage(fair, vendor, _products(blobs["catalogue.csv"]), private_pem, key_id, created,
                        _methods(doc))

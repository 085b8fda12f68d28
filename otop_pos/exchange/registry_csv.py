"""Read the organisers' registry: the vendors and the catalogue (pure file format, no store).

Each may be a CSV file or a sheet of an Excel workbook (one workbook may hold both), found by content, not
by name (``registry_source``, ``registry_xlsx``). Accepted: UTF-8 with or without BOM, CP874/TIS-620 (Excel
"CSV" on Thai Windows), UTF-16; comma, semicolon, tab or pipe delimiters (sniffed); Thai or English headers
matched by meaning, in any order (``registry_headers``), one or two header rows, up to ten title rows above
them; columns meaning one field merged (``registry_table``); extra columns (ignored, reported as warnings);
blank rows (skipped); Thai digits; prices such as ``1,190.00``, ``฿120`` or ``120 บาท``.

Every value is checked against every limit the fair store, the booth package and the booth have (declared
once in ``core.limits``, attached to each column in ``registry_headers``), so nothing loaded here is refused
later. Every problem is collected (file, physical line, column as written in the file, Thai and English
text) and ``load_registry`` raises ``RegistryError`` with all of them: an invalid registry imports
nothing. Line 1 is the first line of the file (a workbook: its row 1); rows with quoted multi-line cells
keep the line their first cell starts on.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from otop_pos.core.channel import parse_facebook, parse_line, parse_shop_url
from otop_pos.core.codes import clash_text, code_clashes
from otop_pos.core.errors import InputError, Problem, RegistryError
from otop_pos.core.limits import MAX_PRODUCTS_PER_BOOTH, check_text
from otop_pos.core.lookalike import indistinguishable
from otop_pos.core.visible import code_problem
from otop_pos.exchange.registry_columns import (
    PRODUCT_TYPE_EN,
    PRODUCT_TYPES,
    clean_code,
    is_none,
    normalize_product_type,
    parse_barcode,
    parse_phone,
    parse_price,
    parse_producer_type,
    parse_product_type,
    parse_star,
    parse_stock,
    producer_type_from_name,
    strip_district,
    strip_province,
)
from otop_pos.exchange.registry_folder import KIND_HINTS, find_registry_files, in_order
from otop_pos.exchange.registry_headers import CATALOGUE_COLUMNS, VENDOR_COLUMNS, Column
from otop_pos.exchange.registry_source import read_text
from otop_pos.exchange.registry_table import Table, read_table, row_fits
from otop_pos.exchange.vendor_record import VendorRecord

__all__ = [
    "PRODUCT_TYPES", "PRODUCT_TYPE_EN", "normalize_product_type", "RegistryVendor", "RegistryProduct",
    "Registry", "read_text", "read_vendors", "read_catalogue", "load_registry", "find_registry_files",
]

T = TypeVar("T")


RegistryVendor = VendorRecord  # a vendor read from the registry (``line``: its CSV line)


@dataclass(frozen=True)
class RegistryProduct:
    vendor_code: str
    sku: str
    name: str
    price_satang: int
    barcode: str | None
    product_type: str | None  # None: the vendor's type applies
    stock: int | None
    line: int


@dataclass(frozen=True)
class Registry:
    vendors: tuple[RegistryVendor, ...]
    products: tuple[RegistryProduct, ...]
    encoding_vendors: str
    encoding_catalogue: str
    warnings: tuple[Problem, ...]

    @cached_property
    def _by_code(self) -> dict[str, RegistryVendor]:
        return {v.code: v for v in self.vendors}

    @cached_property
    def _products_by_code(self) -> dict[str, tuple[RegistryProduct, ...]]:
        out: dict[str, list[RegistryProduct]] = {}
        for p in self.products:
            out.setdefault(p.vendor_code, []).append(p)
        return {code: tuple(ps) for code, ps in out.items()}

    def vendor(self, code: str) -> RegistryVendor:
        """The vendor with ``code`` (case and Thai digits tolerated); ``KeyError`` if absent."""
        return self._by_code[clean_code(code)]

    def products_of(self, code: str) -> tuple[RegistryProduct, ...]:
        """The vendor's products in file order (empty if none)."""
        return self._products_by_code.get(clean_code(code), ())


# --- checking one row ------------------------------------------------------------------------------

_VCOL = {c.field: c for c in VENDOR_COLUMNS}
_CHANNEL_PARSERS = (("line_account", parse_line), ("facebook_page", parse_facebook), ("shop_url", parse_shop_url))
_PCOL = {c.field: c for c in CATALOGUE_COLUMNS}


def _required(table: Table, line: int, col: Column, value: str) -> bool:
    if value:
        return True
    if (line, col.field) in table.spoiled:  # too long or an unsaved formula: reported at its cell already
        return False
    if col.field in table.columns:  # a missing column is reported once, on the header line
        table.error(line, col, f"ไม่ได้กรอก{col.th}", f"The {col.en} is missing.")
    return False


def _parsed(table: Table, line: int, col: Column, parse: Callable[[str], T], text: str) -> T | None:
    """``parse(text)``, or None with an error at (line, col) when it raises ``InputError``."""
    try:
        return parse(text)
    except InputError as exc:
        table.error(line, col, exc.th, exc.en)
        return None


def _fits(table: Table, line: int, col: Column, value: str) -> str:
    """``value``, with an error at (line, col) when it is longer than the column's limit."""
    if col.max_len is not None:
        _parsed(table, line, col, lambda v: check_text(v, col.th, col.en, limit=col.max_len or 0), value)
    return value


def _code_fits(table: Table, line: int, col: Column, value: str) -> str:
    """``_fits``, and an error when the code holds a control or format character (a booth's export repeats
    its vendor and booth codes, and the organiser's import refuses such a code: ``core.visible``)."""
    odd = code_problem(value)
    if odd is not None:
        table.error(line, col, f"{col.th}{odd[0]}", f"The {col.en} {odd[1]}.")
    return _fits(table, line, col, value)


def _unique(table: Table, line: int, col: Column, seen: dict[str, tuple[int, str]], key: str,
            owner: str) -> None:
    """An error if ``key`` is already in ``seen`` (naming the earlier line and owner); else add it."""
    if key in seen:
        first, who = seen[key]
        who = f" (“{who}”)" if who else ""
        table.error(line, col, f"{col.th} {key} ซ้ำกับบรรทัด {first}{who}",
                    f"The {col.en} {key} is already used on line {first}{who}.")
    else:
        seen[key] = (line, owner)


def _phone(t: Table, line: int, text: str) -> str:
    """The phones of a row as digits joined with ","; odd numbers are warnings, too many an error."""
    col = _VCOL["phone"]
    phone, odd = parse_phone(text)
    for part in odd:
        t.warn(line, col, f"เบอร์โทร “{part}” ไม่เหมือนเบอร์โทรในประเทศไทย",
               f"The phone number “{part}” does not look like a Thai number.")
    limit = col.max_len or 0
    if len(phone) > limit:
        n = phone.count(",") + 1
        t.error(line, col, f"เบอร์โทร {n} หมายเลข ยาว {len(phone)} ตัวอักษร เกินที่ระบบรับได้ {limit} "
                           f"(ใส่ได้ไม่เกิน {(limit + 1) // 11} หมายเลขมือถือ)",
                f"{n} phone numbers take {len(phone)} characters; the app takes at most {limit} "
                f"(up to {(limit + 1) // 11} mobile numbers).")
    return phone


# --- vendors ---------------------------------------------------------------------------------------


def _vendors_table(path: Path) -> tuple[Table, list[RegistryVendor], dict[str, tuple[int, str]]]:
    """The table, the valid vendors, and every vendor code seen (→ first line), valid row or not."""
    t = read_table(path, VENDOR_COLUMNS, "ผู้ประกอบการ", "vendors", KIND_HINTS["vendors"])
    vendors: list[RegistryVendor] = []
    codes: dict[str, tuple[int, str]] = {}
    booths: dict[str, tuple[int, str]] = {}
    no_booths = "booth" not in t.columns and t.header is not None and not t.missing
    if no_booths and t.rows:
        t.warn(t.header_line, None, "ไม่มีคอลัมน์บูธ: ใช้รหัสผู้ประกอบการเป็นเลขบูธ",
               "There is no booth column: each vendor's code is its booth.")
    for line, cells in t.rows:
        if not row_fits(t, line, cells):
            code = clean_code(t.cell(line, cells, _VCOL["code"]))
            codes.setdefault(code, (line, ""))  # no "unknown vendor" errors in the catalogue for it
            continue
        before = len(t.errors)
        get = {c.field: t.cell(line, cells, c) for c in VENDOR_COLUMNS}
        code, name = clean_code(get["code"]), get["name"]
        if _required(t, line, _VCOL["code"], code):
            _code_fits(t, line, _VCOL["code"], code)
            _unique(t, line, _VCOL["code"], codes, code, name)
        if _required(t, line, _VCOL["name"], name):
            _fits(t, line, _VCOL["name"], name)
        _fits(t, line, _VCOL["contact"], get["contact"])
        ptype = None
        if _required(t, line, _VCOL["product_type"], get["product_type"]):
            ptype = _parsed(t, line, _VCOL["product_type"], parse_product_type, get["product_type"])
        star = _parsed(t, line, _VCOL["star"], parse_star, get["star"])
        district, province = strip_district(get["district"]), strip_province(get["province"])
        if _required(t, line, _VCOL["district"], district):
            _fits(t, line, _VCOL["district"], district)
        if _required(t, line, _VCOL["province"], province):
            _fits(t, line, _VCOL["province"], province)
        phone = _phone(t, line, get["phone"])
        booth = code if no_booths else clean_code(get["booth"])
        if (no_booths and code) or _required(t, line, _VCOL["booth"], booth):  # two vendors in one booth: an error
            if no_booths and len(booth) > (_VCOL["booth"].max_len or 0):
                t.error(line, _VCOL["code"],
                        f"ไม่มีคอลัมน์บูธ และรหัสผู้ประกอบการ {booth} ยาวเกินกว่าจะใช้เป็นเลขบูธ "
                        f"(ไม่เกิน {_VCOL['booth'].max_len} ตัวอักษร): เพิ่มคอลัมน์บูธ",
                        f"There is no booth column and the vendor code {booth} is too long to be the booth "
                        f"(at most {_VCOL['booth'].max_len} characters): add a booth column.")
            elif not no_booths:
                _code_fits(t, line, _VCOL["booth"], booth)
            _unique(t, line, _VCOL["booth"], booths, booth, code)
        producer = None
        if get["producer_type"]:
            producer = _parsed(t, line, _VCOL["producer_type"], parse_producer_type, get["producer_type"])
        channel = {f: _parsed(t, line, _VCOL[f], parse, "" if is_none(get[f]) else get[f]) or ""
                   for f, parse in _CHANNEL_PARSERS}
        if len(t.errors) > before or ptype is None or t.missing:
            continue
        vendors.append(RegistryVendor(
            code=code, name=name, contact=get["contact"], product_type=ptype, star=star,
            district=district, province=province, phone=phone, booth=booth,
            producer_type=producer or producer_type_from_name(name), line=line, **channel,
        ))
    return t, vendors, codes


def read_vendors(path: Path) -> tuple[list[RegistryVendor], list[Problem], str]:
    """The valid vendors, the errors (an unreadable file is an error too) and the encoding used.

    Rows with an error are left out of the list; warnings are only reported by ``load_registry``."""
    table, vendors, _codes = _vendors_table(path)
    return vendors, _sorted(table.errors), table.encoding


# --- catalogue -------------------------------------------------------------------------------------


def _catalogue_table(path: Path, vendors: Table | None = None,
                     codes: dict[str, tuple[int, str]] | None = None) -> tuple[Table, list[RegistryProduct]]:
    """The table and its valid products; vendor codes are checked against ``codes`` if given."""
    t = read_table(path, CATALOGUE_COLUMNS, "สินค้า", "products", KIND_HINTS["catalogue"])
    products: list[RegistryProduct] = []
    skus: dict[str, tuple[int, str]] = {}
    barcodes: dict[str, tuple[int, str]] = {}
    per_vendor: dict[str, int] = {}
    rows: list[tuple[int, str, str, str | None]] = []  # (line, sku, name, barcode) of every row read
    for line, cells in t.rows:
        if not row_fits(t, line, cells):
            continue
        before = len(t.errors)
        get = {c.field: t.cell(line, cells, c) for c in CATALOGUE_COLUMNS}
        vendor_code = clean_code(get["vendor_code"])
        if _required(t, line, _PCOL["vendor_code"], vendor_code) and vendors and codes is not None:
            if vendor_code not in codes:
                t.error(line, _PCOL["vendor_code"],
                        f"ไม่พบรหัสผู้ประกอบการ {vendor_code} ในไฟล์ผู้ประกอบการ ({vendors.file})",
                        f"The vendor code {vendor_code} is not in the vendors file ({vendors.file}).")
        if vendor_code:
            per_vendor[vendor_code] = n = per_vendor.get(vendor_code, 0) + 1
            if n == MAX_PRODUCTS_PER_BOOTH + 1:
                t.error(line, _PCOL["vendor_code"],
                        f"ผู้ประกอบการ {vendor_code} มีสินค้าเกิน {MAX_PRODUCTS_PER_BOOTH:,} รายการที่หนึ่งบูธรับได้",
                        f"The vendor {vendor_code} has more than the {MAX_PRODUCTS_PER_BOOTH:,} products one booth "
                        "takes.")
        sku, name = clean_code(get["sku"]), get["name"]
        if _required(t, line, _PCOL["sku"], sku):  # unique in the whole catalogue, not per vendor
            _code_fits(t, line, _PCOL["sku"], sku)
            _unique(t, line, _PCOL["sku"], skus, sku, name)
        if _required(t, line, _PCOL["name"], name):
            _fits(t, line, _PCOL["name"], name)
        price = None
        if _required(t, line, _PCOL["price"], get["price"]):
            price = _parsed(t, line, _PCOL["price"], parse_price, get["price"])
        barcode = _parsed(t, line, _PCOL["barcode"], parse_barcode, get["barcode"])
        if barcode is not None:
            _unique(t, line, _PCOL["barcode"], barcodes, barcode, sku)
        ptype = None
        if get["product_type"]:
            ptype = _parsed(t, line, _PCOL["product_type"], parse_product_type, get["product_type"])
        stock = _parsed(t, line, _PCOL["stock"], parse_stock, get["stock"])
        if sku:
            rows.append((line, sku, name, barcode))
        if len(t.errors) > before or price is None or t.missing:
            continue
        products.append(RegistryProduct(
            vendor_code=vendor_code, sku=sku, name=name, price_satang=price, barcode=barcode,
            product_type=ptype, stock=stock, line=line,
        ))
    _sku_barcode_clashes(t, rows)
    return t, products


def _sku_barcode_clashes(t: Table, codes: list[tuple[int, str, str, str | None]]) -> None:
    """An error on the barcode's line when a barcode is another product's SKU (a scan would ring up either)."""
    for c in code_clashes([(sku, barcode) for _line, sku, _name, barcode in codes]):
        if c.kind != "sku_barcode":
            continue  # repeated SKUs and barcodes are reported by _unique
        (l1, s1, n1, _b1), (l2, s2, n2, _b2) = codes[c.first], codes[c.second]
        th, _en = clash_text(c, f"{n1} ({s1}) บรรทัด {l1}", f"{n2} ({s2}) บรรทัด {l2}")
        _th, en = clash_text(c, f"{n1} ({s1}) on line {l1}", f"{n2} ({s2}) on line {l2}")
        t.error(l2, _PCOL["barcode"], th, en)


def read_catalogue(path: Path) -> tuple[list[RegistryProduct], list[Problem], str]:
    """The valid products, the errors and the encoding used (vendor codes are not checked here:
    ``load_registry`` checks them against the vendors file)."""
    table, products = _catalogue_table(path)
    return products, _sorted(table.errors), table.encoding


# --- the registry ----------------------------------------------------------------------------------


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.line)


def _warn_twins(t: Table, vendors: list[RegistryVendor], products: list[RegistryProduct]) -> None:
    """A warning for each vendor's products with the same name, price and type (nothing on a tile tells
    them apart but the SKU); a warning, not an error: the registry still loads."""
    types = {v.code: v.product_type for v in vendors}
    by_vendor: dict[str, list[RegistryProduct]] = {}
    for p in products:
        by_vendor.setdefault(p.vendor_code, []).append(
            replace(p, product_type=p.product_type or types.get(p.vendor_code)))
    lines = {(p.vendor_code, p.sku): p.line for p in products}
    for code, own in by_vendor.items():
        for twins in indistinguishable(own):
            t.warn(lines[(code, twins.skus[-1])], _PCOL["name"], f"{code}: {twins.th}", f"{code}: {twins.en}")


def load_registry(vendors_file: Path, catalogue_file: Path | None = None) -> Registry:
    """Read and check both tables; ``RegistryError`` with every problem unless all is valid. Each is a CSV
    file or a workbook; one workbook holding both sheets may be given alone. Two files given the other way
    round (the catalogue first) are read the right way round."""
    if catalogue_file is not None:
        vendors_file, catalogue_file = in_order(Path(vendors_file), Path(catalogue_file))
    vt, vendors, codes = _vendors_table(Path(vendors_file))
    # no "unknown vendor" errors when the vendors file itself could not be read
    ct, products = _catalogue_table(Path(catalogue_file or vendors_file), vt,
                                    codes if vt.columns and not vt.missing else None)
    errors = _sorted(vt.errors) + _sorted(ct.errors)
    if errors:
        raise RegistryError(errors)
    with_products = {p.vendor_code for p in products}
    for v in vendors:
        if v.code not in with_products:
            vt.warn(v.line, _VCOL["code"], f"ผู้ประกอบการ {v.code} ไม่มีสินค้าในไฟล์สินค้า",
                    f"The vendor {v.code} has no products in the catalogue.")
    _warn_twins(ct, vendors, products)
    return Registry(
        vendors=tuple(vendors), products=tuple(products), encoding_vendors=vt.encoding,
        encoding_catalogue=ct.encoding, warnings=tuple(_sorted(vt.warnings) + _sorted(ct.warnings)),
    )

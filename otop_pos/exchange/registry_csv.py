"""Read the organisers' registry: ``vendors.csv`` and ``catalogue.csv`` (pure file format, no store).

Accepted: UTF-8 with or without BOM, CP874/TIS-620 (Excel "CSV" on Thai Windows), UTF-16 with a BOM;
comma, semicolon, tab or pipe delimiters (sniffed); Thai or English headers in any order and any
case, with stray spaces; extra columns (ignored, reported as warnings); blank rows (skipped); up to
ten title rows above the header; Thai digits; prices such as ``1,190.00``, ``฿120`` or ``120 บาท``.

Every problem is collected (file, physical line, column as written in the file, Thai and English
text) and ``load_registry`` raises ``RegistryError`` with all of them: an invalid registry imports
nothing. Line 1 is the first line of the file; rows with quoted multi-line cells keep the line
their first cell starts on.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from otop_pos.core.codes import clash_text, code_clashes
from otop_pos.core.errors import InputError, Problem, RegistryError
from otop_pos.exchange.registry_columns import (
    CATALOGUE_COLUMNS,
    PRODUCT_TYPE_EN,
    PRODUCT_TYPES,
    VENDOR_COLUMNS,
    BrokenQuotes,
    Column,
    clean_cell,
    clean_code,
    csv_rows,
    is_ignored_header,
    match_header,
    normalize_product_type,
    parse_barcode,
    parse_phone,
    parse_price,
    parse_producer_type,
    parse_product_type,
    parse_star,
    parse_stock,
    producer_type_from_name,
    sniff_header,
    strip_district,
    strip_province,
)
from otop_pos.exchange.vendor_record import VendorRecord

__all__ = [
    "PRODUCT_TYPES", "PRODUCT_TYPE_EN", "normalize_product_type", "RegistryVendor", "RegistryProduct",
    "Registry", "read_text", "read_vendors", "read_catalogue", "load_registry", "find_registry_files",
]

MAX_SNIFF_BYTES = 20 * 1024 * 1024  # find_registry_files ignores bigger files
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


# --- decoding ------------------------------------------------------------------------------------

_BINARY_MAGIC = {
    b"PK\x03\x04": ("ไฟล์ Excel (.xlsx) หรือ zip", "an Excel (.xlsx) or zip file"),
    b"\xd0\xcf\x11\xe0": ("ไฟล์ Excel แบบเก่า (.xls)", "an old Excel (.xls) file"),
    b"%PDF": ("ไฟล์ PDF", "a PDF file"),
}


def _not_text(path: Path, th: str, en: str) -> RegistryError:
    return RegistryError([Problem(path.name, 1, "", th, en)])


def read_text(path: Path) -> tuple[str, str]:
    """The text of ``path`` and the encoding it was read with: "utf-8-sig", "utf-8", "utf-16" (BOM
    only) or "cp874" (TIS-620 is a subset). ``RegistryError`` with one problem if not readable text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _not_text(path, f"ไม่พบไฟล์ {path}", f"The file {path} does not exist.") from None
    except OSError as exc:
        raise _not_text(path, f"เปิดไฟล์ {path} ไม่ได้ ({exc.strerror or exc})",
                        f"Cannot open {path} ({exc.strerror or exc}).") from None
    for magic, (th, en) in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise _not_text(path, f"ไฟล์นี้เป็น{th} ไม่ใช่ CSV: เปิดใน Excel แล้วบันทึกเป็น CSV",
                            f"This is {en}, not CSV: open it in Excel and save it as CSV.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates = ("utf-8-sig",)
    elif b"\x00" in data:
        candidates = ()
    else:
        candidates = ("utf-8", "cp874")
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        if controls > max(2, len(text) // 1000):
            break
        return text, encoding
    raise _not_text(path, "ไฟล์นี้ไม่ใช่ข้อความ CSV หรือใช้รหัสอักขระที่ไม่รู้จัก: บันทึกเป็น CSV UTF-8",
                    "This file is not CSV text or its encoding is unknown: save it as CSV UTF-8.")


# --- generic table reading -----------------------------------------------------------------------


@dataclass
class _Table:
    file: str
    encoding: str = ""
    columns: dict[str, tuple[int, str]] = field(default_factory=dict)  # field -> (index, header)
    header_line: int = 1
    width: int = 0
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    missing: list[Column] = field(default_factory=list)  # required columns not in the header

    def column(self, col: Column) -> str:
        return self.columns[col.field][1] if col.field in self.columns else col.label

    def error(self, line: int, col: Column | None, th: str, en: str) -> None:
        self.errors.append(Problem(self.file, line, self.column(col) if col else "", th, en))

    def warn(self, line: int, col: Column | None, th: str, en: str) -> None:
        self.warnings.append(Problem(self.file, line, self.column(col) if col else "", th, en))

    def cell(self, cells: list[str], col: Column) -> str:
        if col.field not in self.columns:
            return ""
        index = self.columns[col.field][0]
        return clean_cell(cells[index]) if index < len(cells) else ""


def _read_table(path: Path, columns: tuple[Column, ...], what_th: str, what_en: str) -> _Table:
    path = Path(path)
    table = _Table(path.name)
    try:
        text, table.encoding = read_text(path)
    except RegistryError as exc:
        table.errors.extend(exc.problems)
        return table
    if not text.strip("\ufeff \t\r\n"):
        table.error(1, None, f"ไฟล์ว่างเปล่า ไม่มีข้อมูล{what_th}", f"The file is empty: no {what_en}.")
        return table
    delimiter, header_index, _score = sniff_header(text, columns)
    rows, broken = iter(csv_rows(text, delimiter)), False
    try:
        seen = 0
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            if seen == header_index:
                _set_header(table, line, cells, columns)
                break
            seen += 1
        if header_index:
            table.warn(table.header_line, None,
                       f"ข้ามบรรทัดหัวเรื่อง {header_index} บรรทัดก่อนแถวหัวคอลัมน์",
                       f"Skipped {header_index} title row(s) above the column headers.")
        used = sorted({i for i, _h in table.columns.values()})
        # rows are skipped if the header lacks a required column (the header problem says it all)
        # or if they are blank: no value in a column that is read (a lone ลำดับ number too)
        for line, cells in rows if not table.missing else ():
            if any(cells[i].strip() for i in used if i < len(cells)) or any(cells[table.width:]):
                table.rows.append((line, cells))
    except BrokenQuotes as exc:
        broken = True
        table.error(exc.line, None,
                    f"เครื่องหมายคำพูด (\") ที่เริ่มในแถวนี้ไม่ครบคู่หรือวางผิดที่ อ่านต่อไม่ได้ ({exc})",
                    f"A quote mark (\") in the row starting here is unbalanced or misplaced; "
                    f"the file cannot be read further ({exc}).")
    if not table.rows and not table.missing and not broken:
        table.error(table.header_line, None, f"ไม่มีข้อมูล{what_th}ในไฟล์ (มีแต่หัวคอลัมน์)",
                    f"There are no {what_en} in the file (only the header).")
    return table


def _set_header(table: _Table, line: int, cells: list[str], columns: tuple[Column, ...]) -> None:
    table.header_line = line
    table.width = len(cells)
    found = match_header(cells, columns)
    for fld, places in found.items():
        table.columns[fld] = places[0]
        if len(places) > 1:
            names = ", ".join(f"“{h}”" for _i, h in places)
            table.errors.append(Problem(table.file, line, places[1][1],
                                        f"มีคอลัมน์เดียวกันซ้ำ: {names}",
                                        f"The same column appears more than once: {names}."))
    used = {i for places in found.values() for i, _h in places}
    for i, raw in enumerate(cells):
        if i not in used and raw.strip() and not is_ignored_header(raw):
            table.warnings.append(Problem(table.file, line, clean_cell(raw),
                                          "ไม่รู้จักคอลัมน์นี้ ข้ามไป", "Unknown column, ignored."))
    table.missing = missing = [c for c in columns if c.required and c.field not in table.columns]
    if missing:  # column: "ไทย / English" of each missing column
        table.errors.append(Problem(table.file, line, " | ".join(c.label for c in missing),
                                    "ไม่มีคอลัมน์ที่ต้องมี: " + ", ".join(c.th for c in missing),
                                    "Required column(s) missing: " + ", ".join(c.en for c in missing) + "."))


def _row_fits(table: _Table, line: int, cells: list[str]) -> bool:
    """False (and an error) when a row has values beyond the header: usually an unquoted comma."""
    extra = [c for c in cells[table.width:] if c.strip()]
    if not extra:
        return True
    table.error(line, None,
                f"แถวนี้มีช่องข้อมูลมากกว่าหัวคอลัมน์ ({len(cells)} ช่อง แต่หัวคอลัมน์มี {table.width}): "
                "ค่าที่มีเครื่องหมายคั่น เช่น ราคา 1,190.00 ต้องอยู่ในเครื่องหมายคำพูด",
                f"This row has more cells ({len(cells)}) than the header ({table.width}): a value that "
                "contains the delimiter, such as the price 1,190.00, must be quoted.")
    return False


def _required(table: _Table, line: int, col: Column, value: str) -> bool:
    if value:
        return True
    if col.field in table.columns:  # a missing column is reported once, on the header line
        table.error(line, col, f"ไม่ได้กรอก{col.th}", f"The {col.en} is missing.")
    return False


# --- vendors ---------------------------------------------------------------------------------------

_VCOL = {c.field: c for c in VENDOR_COLUMNS}
_PCOL = {c.field: c for c in CATALOGUE_COLUMNS}


def _parsed(table: _Table, line: int, col: Column, parse: Callable[[str], T], text: str) -> T | None:
    """``parse(text)``, or None with an error at (line, col) when it raises ``InputError``."""
    try:
        return parse(text)
    except InputError as exc:
        table.error(line, col, exc.th, exc.en)
        return None


def _unique(table: _Table, line: int, col: Column, seen: dict[str, tuple[int, str]], key: str,
            owner: str) -> None:
    """An error if ``key`` is already in ``seen`` (naming the earlier line and owner); else add it."""
    if key in seen:
        first, who = seen[key]
        who = f" (“{who}”)" if who else ""
        table.error(line, col, f"{col.th} {key} ซ้ำกับบรรทัด {first}{who}",
                    f"The {col.en} {key} is already used on line {first}{who}.")
    else:
        seen[key] = (line, owner)


def _vendors_table(path: Path) -> tuple[_Table, list[RegistryVendor], dict[str, tuple[int, str]]]:
    """The table, the valid vendors, and every vendor code seen (→ first line), valid row or not."""
    t = _read_table(path, VENDOR_COLUMNS, "ผู้ประกอบการ", "vendors")
    vendors: list[RegistryVendor] = []
    codes: dict[str, tuple[int, str]] = {}
    booths: dict[str, tuple[int, str]] = {}
    for line, cells in t.rows:
        if not _row_fits(t, line, cells):
            code = clean_code(t.cell(cells, _VCOL["code"]))
            codes.setdefault(code, (line, ""))  # no "unknown vendor" errors in the catalogue for it
            continue
        before = len(t.errors)
        get = {c.field: t.cell(cells, c) for c in VENDOR_COLUMNS}
        code, name = clean_code(get["code"]), get["name"]
        if _required(t, line, _VCOL["code"], code):
            _unique(t, line, _VCOL["code"], codes, code, name)
        _required(t, line, _VCOL["name"], name)
        ptype = None
        if _required(t, line, _VCOL["product_type"], get["product_type"]):
            ptype = _parsed(t, line, _VCOL["product_type"], parse_product_type, get["product_type"])
        star = _parsed(t, line, _VCOL["star"], parse_star, get["star"])
        district, province = strip_district(get["district"]), strip_province(get["province"])
        _required(t, line, _VCOL["district"], district)
        _required(t, line, _VCOL["province"], province)
        phone, odd_phones = parse_phone(get["phone"])
        for part in odd_phones:
            t.warn(line, _VCOL["phone"], f"เบอร์โทร “{part}” ไม่เหมือนเบอร์โทรในประเทศไทย",
                   f"The phone number “{part}” does not look like a Thai number.")
        booth = clean_code(get["booth"])
        if _required(t, line, _VCOL["booth"], booth):  # two vendors in one booth: an error
            _unique(t, line, _VCOL["booth"], booths, booth, code)
        producer = None
        if get["producer_type"]:
            producer = _parsed(t, line, _VCOL["producer_type"], parse_producer_type, get["producer_type"])
        if len(t.errors) > before or ptype is None or t.missing:
            continue
        vendors.append(RegistryVendor(
            code=code, name=name, contact=get["contact"], product_type=ptype, star=star,
            district=district, province=province, phone=phone, booth=booth,
            producer_type=producer or producer_type_from_name(name), line=line,
        ))
    return t, vendors, codes


def read_vendors(path: Path) -> tuple[list[RegistryVendor], list[Problem], str]:
    """The valid vendors, the errors (an unreadable file is an error too) and the encoding used.

    Rows with an error are left out of the list; warnings are only reported by ``load_registry``."""
    table, vendors, _codes = _vendors_table(path)
    return vendors, _sorted(table.errors), table.encoding


# --- catalogue -------------------------------------------------------------------------------------


def _catalogue_table(path: Path, vendors: _Table | None = None,
                     codes: dict[str, tuple[int, str]] | None = None) -> tuple[_Table, list[RegistryProduct]]:
    """The table and its valid products; vendor codes are checked against ``codes`` if given."""
    t = _read_table(path, CATALOGUE_COLUMNS, "สินค้า", "products")
    products: list[RegistryProduct] = []
    skus: dict[str, tuple[int, str]] = {}
    barcodes: dict[str, tuple[int, str]] = {}
    rows: list[tuple[int, str, str, str | None]] = []  # (line, sku, name, barcode) of every row read
    for line, cells in t.rows:
        if not _row_fits(t, line, cells):
            continue
        before = len(t.errors)
        get = {c.field: t.cell(cells, c) for c in CATALOGUE_COLUMNS}
        vendor_code = clean_code(get["vendor_code"])
        if _required(t, line, _PCOL["vendor_code"], vendor_code) and vendors and codes is not None:
            if vendor_code not in codes:
                t.error(line, _PCOL["vendor_code"],
                        f"ไม่พบรหัสผู้ประกอบการ {vendor_code} ในไฟล์ผู้ประกอบการ ({vendors.file})",
                        f"The vendor code {vendor_code} is not in the vendors file ({vendors.file}).")
        sku, name = clean_code(get["sku"]), get["name"]
        if _required(t, line, _PCOL["sku"], sku):  # unique in the whole catalogue, not per vendor
            _unique(t, line, _PCOL["sku"], skus, sku, name)
        _required(t, line, _PCOL["name"], name)
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


def _sku_barcode_clashes(t: _Table, codes: list[tuple[int, str, str, str | None]]) -> None:
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


def load_registry(vendors_csv: Path, catalogue_csv: Path) -> Registry:
    """Read and check both files; ``RegistryError`` with every problem unless all is valid."""
    vt, vendors, codes = _vendors_table(Path(vendors_csv))
    # no "unknown vendor" errors when the vendors file itself could not be read
    ct, products = _catalogue_table(Path(catalogue_csv), vt, codes if vt.columns and not vt.missing else None)
    errors = _sorted(vt.errors) + _sorted(ct.errors)
    if errors:
        raise RegistryError(errors)
    with_products = {p.vendor_code for p in products}
    for v in vendors:
        if v.code not in with_products:
            vt.warn(v.line, _VCOL["code"], f"ผู้ประกอบการ {v.code} ไม่มีสินค้าในไฟล์สินค้า",
                    f"The vendor {v.code} has no products in the catalogue.")
    return Registry(
        vendors=tuple(vendors), products=tuple(products), encoding_vendors=vt.encoding,
        encoding_catalogue=ct.encoding, warnings=tuple(_sorted(vt.warnings) + _sorted(ct.warnings)),
    )


def _kind_of(path: Path) -> str | None:
    """"vendors" or "catalogue" when the header row has every required column of that kind."""
    try:
        if path.stat().st_size > MAX_SNIFF_BYTES:
            return None
        text, _enc = read_text(path)
    except (RegistryError, OSError):
        return None
    if sniff_header(text, CATALOGUE_COLUMNS)[2] == 1.0:
        return "catalogue"
    return "vendors" if sniff_header(text, VENDOR_COLUMNS)[2] == 1.0 else None


_NAME_HINTS = {
    "vendors": ("vendor", "ผู้ประกอบการ", "ผู้ผลิต", "producer", "booth", "บูธ"),
    "catalogue": ("catalog", "product", "สินค้า", "ผลิตภัณฑ์", "item"),
}


def find_registry_files(folder: Path) -> tuple[Path, Path]:
    """(vendors CSV, catalogue CSV) in ``folder``, recognised by their header row (any file name).

    If several files fit one kind, a file whose name says so (vendors/ผู้ประกอบการ,
    catalogue/สินค้า) wins; otherwise ``RegistryError`` names them."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RegistryError([Problem(folder.name, 0, "", f"ไม่พบโฟลเดอร์ {folder}",
                                     f"The folder {folder} does not exist.")])
    found: dict[str, list[Path]] = {"vendors": [], "catalogue": []}
    spreadsheets: list[str] = []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if path.suffix.lower() in (".xlsx", ".xls", ".ods"):
            spreadsheets.append(path.name)
            continue
        kind = _kind_of(path)
        if kind is not None:
            found[kind].append(path)
    problems: list[Problem] = []
    chosen: dict[str, Path] = {}
    labels = {"vendors": ("ผู้ประกอบการ", "vendors"), "catalogue": ("สินค้า", "catalogue")}
    for kind, paths in found.items():
        th, en = labels[kind]
        hinted = [p for p in paths if any(h in p.name.casefold() for h in _NAME_HINTS[kind])]
        if len(paths) == 1 or len(hinted) == 1:
            chosen[kind] = paths[0] if len(paths) == 1 else hinted[0]
        elif not paths:
            sheets = ", ".join(spreadsheets)
            hint_th = f" (พบไฟล์ Excel: {sheets} ให้บันทึกเป็น CSV)" if sheets else ""
            hint_en = f" (found spreadsheets {sheets}: save them as CSV)" if sheets else ""
            problems.append(Problem(folder.name, 0, "", f"ไม่พบไฟล์ CSV ทะเบียน{th}ในโฟลเดอร์{hint_th}",
                                    f"No {en} registry CSV found in the folder{hint_en}."))
        else:
            names = ", ".join(p.name for p in paths)
            problems.append(Problem(folder.name, 0, "",
                                    f"มีไฟล์ทะเบียน{th}หลายไฟล์: {names} ให้เหลือไฟล์เดียว",
                                    f"Several {en} registry files: {names}; keep only one."))
    if problems:
        raise RegistryError(problems)
    return chosen["vendors"], chosen["catalogue"]

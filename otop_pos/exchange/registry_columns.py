"""Columns of the organisers' registry spreadsheets (vendors, catalogue): headers and cell values.

Here: the product and producer types; the column names in Thai and English and how a header row
(and its delimiter) is recognised; the parsers of single cells (star, phone, price, barcode, stock),
which return a value or raise ``InputError`` with a Thai and an English message.

Headers are matched by a tolerant key (``header_key``): Unicode NFKC, case-folded, with spaces,
underscores, dashes, dots, slashes, brackets, colons and quotes removed. So "Vendor Code",
"vendor_code", " VENDOR-CODE " and "vendor code" are the same header, and "ราคา (บาท)" matches
"ราคา(บาท)". The ways organisers write the product and producer types are here too (the types themselves
are in ``core.vocabulary``).
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import InputError
from otop_pos.core.ids import gtin_valid
from otop_pos.core.limits import MAX_STOCK, check_amount, check_count
from otop_pos.core.money import parse_baht
from otop_pos.core.vocabulary import PRODUCER_TYPE, PRODUCT_TYPE

# --- product types -----------------------------------------------------------------------------

#: The registry values of the five product types (names and colours: ``core.vocabulary.PRODUCT_TYPE``).
PRODUCT_TYPES: tuple[str, ...] = PRODUCT_TYPE.builtin_keys()
PRODUCT_TYPE_EN: dict[str, str] = {t.key: t.en for t in PRODUCT_TYPE if t.builtin}

# Other ways organisers write the types (besides the vocabulary's names), by the type's short English name.
_PRODUCT_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "Food": ("food", "foods"),
    "Drinks": ("drink", "drinks", "beverage", "beverages"),
    "Cloth": (
        "ผ้า", "เครื่องแต่งกาย", "ผ้า เครื่องแต่งกาย", "cloth", "clothing", "apparel", "textile",
        "textiles", "cloth & apparel", "clothes and apparel", "fabric and apparel",
    ),
    "Household": (
        "ของใช้", "ของตกแต่ง", "ของที่ระลึก", "ของใช้ ของตกแต่ง ของที่ระลึก", "household", "decor",
        "souvenir", "souvenirs", "household decor and souvenirs", "household, decor, souvenirs",
        "household/decor/souvenirs", "household, decoration and souvenirs",
    ),
    "Herbal": (
        "สมุนไพร", "สมุนไพรไม่ใช่อาหาร", "non food herbal", "nonfood herbal",
        "herbal", "herbs", "herbal non-food", "herbal (non-food)", "non-food herbs", "herbal products (non-food)",
    ),
}

_TYPE_DROP_RE = re.compile(r"[\s,/&().\-_+|]+")


def _type_key(text: str) -> str:
    key = unicodedata.normalize("NFKC", text).casefold().replace("\u200b", "")
    key = _TYPE_DROP_RE.sub("", key)
    return key.replace("และ", "").replace("and", "")


_PRODUCT_TYPE_BY_KEY: dict[str, str] = {}
for _t in PRODUCT_TYPE:
    for _alias in (_t.key, _t.th, _t.en, _t.short_th, *_PRODUCT_TYPE_ALIASES.get(_t.short_en or _t.en, ())):
        _PRODUCT_TYPE_BY_KEY[_type_key(_alias)] = _t.key


def normalize_product_type(text: str) -> str | None:
    """The product type (one of ``PRODUCT_TYPES``) that ``text`` names, or None if unknown.

    Tolerant of stray or doubled spaces, case, English names and common short forms.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    return _PRODUCT_TYPE_BY_KEY.get(_type_key(text))


# --- producer types ----------------------------------------------------------------------------

#: The stored keys of the producer types (names: ``core.vocabulary.PRODUCER_TYPE``).
PRODUCER_TYPES: tuple[str, ...] = PRODUCER_TYPE.builtin_keys()
PRODUCER_TYPE_TH: dict[str, str] = {t.key: t.th for t in PRODUCER_TYPE if t.builtin}
# Other ways organisers write them (besides the key and the vocabulary's names).
_PRODUCER_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "community": (
        "community", "community group", "community enterprise", "ชุมชน", "กลุ่ม",
        "กลุ่มชุมชน", "กลุ่มผู้ผลิต", "วิสาหกิจชุมชน", "สหกรณ์",
    ),
    "single_owner": (
        "single owner", "single", "owner", "individual", "sole owner", "รายเดียว",
        "เจ้าของคนเดียว", "ผู้ผลิตรายเดียวที่เป็นเจ้าของคนเดียว", "บุคคล",
        "บุคคลธรรมดา",
    ),
    "sme": (
        "sme", "smes", "ผู้ผลิต sme", "ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม",
        "วิสาหกิจขนาดกลางและขนาดย่อม", "เอสเอ็มอี", "บริษัท", "หจก", "ห้างหุ้นส่วน", "company",
    ),
}
_PRODUCER_TYPE_BY_KEY: dict[str, str] = {
    _type_key(alias): t.key for t in PRODUCER_TYPE
    for alias in (t.key, t.th, t.en, *_PRODUCER_TYPE_ALIASES.get(t.key, ()))
}
_COMMUNITY_PREFIXES = ("กลุ่ม", "วิสาหกิจชุมชน", "สหกรณ์")
_SME_PREFIXES = ("บริษัท", "บจก", "หจก", "ห้างหุ้นส่วน")


def normalize_producer_type(text: str) -> str | None:
    """"community", "single_owner" or "sme" for a written producer type; None if unknown."""
    if not text.strip():
        return None
    return _PRODUCER_TYPE_BY_KEY.get(_type_key(text))


def producer_type_from_name(name: str) -> str:
    """Guess the producer type from the vendor's name: กลุ่ม…/วิสาหกิจชุมชน… are community groups,
    บริษัท/หจก/ห้างหุ้นส่วน are SMEs, anyone else is a single owner."""
    text = unicodedata.normalize("NFKC", name).strip()
    if text.startswith(tuple(unicodedata.normalize("NFKC", p) for p in _COMMUNITY_PREFIXES)):
        return "community"
    if text.startswith(tuple(unicodedata.normalize("NFKC", p) for p in _SME_PREFIXES)):
        return "sme"
    return "single_owner"


# --- header matching ---------------------------------------------------------------------------

_HEADER_DROP_RE = re.compile(r"[\s_\-./\\()\[\]{}:*'\"“”‘’]+")


def header_key(text: str) -> str:
    """The key a header is matched by (see the module docstring)."""
    key = unicodedata.normalize("NFKC", text).casefold()
    key = key.replace("\ufeff", "").replace("\u200b", "")
    stripped = _HEADER_DROP_RE.sub("", key)
    return stripped or key.strip()


@dataclass(frozen=True)
class Column:
    """One logical column: its field name, labels for messages, header aliases, required or not."""

    field: str
    th: str
    en: str
    aliases: tuple[str, ...]
    required: bool = False

    @property
    def label(self) -> str:
        """"ไทย / English", used as the column of a problem when the column is not in the file."""
        return f"{self.th} / {self.en}"


_PRODUCT_TYPE_HEADERS = (
    "ประเภทผลิตภัณฑ์", "ประเภทสินค้า", "ประเภท", "หมวด", "หมวดหมู่", "หมวดสินค้า", "หมวดผลิตภัณฑ์",
    "product type", "type", "category", "product category", "otop type", "otop category",
)

VENDOR_COLUMNS: tuple[Column, ...] = (
    Column("code", "รหัสผู้ประกอบการ", "vendor code", (
        "รหัสผู้ประกอบการ", "รหัสผู้ผลิต", "รหัสกลุ่ม", "รหัสร้าน", "รหัสร้านค้า", "รหัส",
        "vendor code", "vendor id", "vendor no", "code", "id", "producer code", "producer id",
        "supplier code", "seller code",
    ), required=True),
    Column("name", "ชื่อกลุ่ม/ผู้ประกอบการ", "vendor name", (
        "ชื่อกลุ่ม/ผู้ประกอบการ", "ชื่อกลุ่ม/ผู้ผลิต", "ชื่อผู้ประกอบการ", "ชื่อกลุ่ม", "ชื่อผู้ผลิต",
        "ชื่อร้าน", "ชื่อร้านค้า", "ชื่อกลุ่มผู้ผลิต", "ชื่อ", "ผู้ประกอบการ", "ผู้ผลิต",
        "กลุ่ม/ผู้ประกอบการ",
        "name", "vendor", "vendor name", "producer", "producer name", "group name", "shop name",
        "business name", "seller", "seller name",
    ), required=True),
    Column("contact", "ชื่อผู้ติดต่อ", "contact", (
        "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "ผู้ประสานงาน", "ชื่อผู้ประสานงาน", "contact", "contact name",
        "contact person",
    )),
    Column("product_type", "ประเภทผลิตภัณฑ์", "product type", _PRODUCT_TYPE_HEADERS, required=True),
    Column("star", "ระดับดาว", "star level", (
        "ระดับดาว", "ดาว", "จำนวนดาว", "ระดับ", "ระดับดาว otop", "star", "stars", "star level",
        "star rating", "otop star", "otop stars", "rating",
    )),
    Column("district", "อำเภอ", "district", (
        "อำเภอ", "อ", "อำเภอ/เขต", "เขต", "district", "amphoe", "amphur", "amphoe district",
    ), required=True),
    Column("province", "จังหวัด", "province", ("จังหวัด", "จ", "province", "changwat"), required=True),
    Column("phone", "เบอร์โทร", "phone", (
        "เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์", "โทร", "เบอร์", "มือถือ", "เบอร์มือถือ", "เบอร์ติดต่อ",
        "phone", "tel", "telephone", "mobile", "phone number", "tel no", "mobile phone",
    )),
    Column("booth", "บูธ", "booth", (
        "บูธ", "บู๊ธ", "บูท", "เลขบูธ", "หมายเลขบูธ", "บูธที่", "ล็อค", "ล็อก", "booth", "booth no",
        "booth number", "booth id", "stall", "stall no",
    ), required=True),
    Column("producer_type", "ประเภทผู้ผลิต", "producer type", (
        "ประเภทผู้ผลิต", "ประเภทผู้ประกอบการ", "producer type", "vendor type", "producer category",
    )),
)

CATALOGUE_COLUMNS: tuple[Column, ...] = (
    Column("vendor_code", "รหัสผู้ประกอบการ", "vendor code", (
        "รหัสผู้ประกอบการ", "รหัสผู้ผลิต", "รหัสกลุ่ม", "รหัสร้าน", "รหัสร้านค้า", "vendor code",
        "vendor id", "vendor no", "vendor", "producer code", "producer id", "supplier code", "seller code",
    ), required=True),
    Column("sku", "รหัสสินค้า", "SKU", (
        "รหัสสินค้า", "รหัสผลิตภัณฑ์", "รหัส", "sku", "product code", "item code", "product id",
        "item id", "code",
    ), required=True),
    Column("name", "ชื่อสินค้า", "product name", (
        "ชื่อสินค้า", "ชื่อผลิตภัณฑ์", "สินค้า", "ผลิตภัณฑ์", "รายการ", "รายการสินค้า", "ชื่อ",
        "product name", "product", "name", "item", "item name", "description",
    ), required=True),
    Column("price", "ราคา (บาท)", "price", (
        "ราคา (บาท)", "ราคา", "ราคาขาย", "ราคาต่อหน่วย", "ราคาขายปลีก", "ราคาขาย (บาท)", "price",
        "price (thb)", "price (baht)", "unit price", "selling price", "retail price", "price thb",
    ), required=True),
    Column("barcode", "บาร์โค้ด", "barcode", (
        "บาร์โค้ด", "บาร์โค๊ด", "บาร์โคด", "รหัสบาร์โค้ด", "barcode", "bar code", "ean", "ean13",
        "ean-13", "gtin", "upc",
    )),
    Column("product_type", "ประเภทผลิตภัณฑ์", "product type", _PRODUCT_TYPE_HEADERS),
    Column("stock", "จำนวน/สต็อก", "stock", (
        "จำนวน/สต็อก", "จำนวน", "สต็อก", "สต๊อก", "สต็อค", "สต๊อค", "คงเหลือ", "จำนวนคงเหลือ",
        "stock", "qty", "quantity", "on hand",
    )),
)

# Row numbers and similar: recognised, never read, and not reported as unknown columns.
IGNORED_HEADERS: tuple[str, ...] = ("ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#", "seq", "number", "row")

_IGNORED_KEYS = frozenset(header_key(h) for h in IGNORED_HEADERS)


@lru_cache(maxsize=8)
def alias_map(columns: tuple[Column, ...]) -> dict[str, Column]:
    """Header key → column, for one file kind."""
    out: dict[str, Column] = {}
    for col in columns:
        for alias in (col.th, col.en, col.field, *col.aliases):
            out.setdefault(header_key(alias), col)
    return out


def is_ignored_header(text: str) -> bool:
    """True for row-number headers (ลำดับ, No.) that are recognised but not read."""
    return header_key(text) in _IGNORED_KEYS


def match_header(cells: list[str], columns: tuple[Column, ...]) -> dict[str, list[tuple[int, str]]]:
    """Field → [(cell index, header as written)] for the recognised cells of a header row."""
    aliases = alias_map(columns)
    found: dict[str, list[tuple[int, str]]] = {}
    for i, raw in enumerate(cells):
        col = aliases.get(header_key(raw)) if raw.strip() else None
        if col is not None:
            found.setdefault(col.field, []).append((i, clean_cell(raw)))
    return found


def header_score(cells: list[str], columns: tuple[Column, ...]) -> tuple[int, int]:
    """(required columns found, columns found) for a candidate header row."""
    found = match_header(cells, columns)
    return sum(1 for c in columns if c.required and c.field in found), len(found)


DELIMITERS = (",", ";", "\t", "|")
HEADER_SEARCH_ROWS = 10  # title rows above the header that are tolerated


class BrokenQuotes(Exception):
    """Unbalanced or misplaced quote marks in the record that starts on ``line``."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def csv_rows(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """(first physical line, cells) per CSV record; ``BrokenQuotes`` on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BrokenQuotes(line + 1, str(exc)) from None
        yield line + 1, cells
        line = reader.line_num


def _head_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    try:
        for line, cells in csv_rows(text, delimiter):
            if any(c.strip() for c in cells):
                out.append((line, cells))
                if len(out) >= HEADER_SEARCH_ROWS:
                    break
    except BrokenQuotes:
        pass
    return out


def sniff_header(text: str, columns: tuple[Column, ...]) -> tuple[str, int, float]:
    """(delimiter, index of the header row among the first non-blank rows, share of the required
    columns found) for one file kind: every delimiter is tried on the first rows."""
    best: tuple[tuple[int, int, int], str, int] = ((-1, -1, -1), ",", 0)
    for delimiter in DELIMITERS:
        for index, (_line, cells) in enumerate(_head_rows(text, delimiter)):
            required, recognised = header_score(cells, columns)
            key = (required, recognised, -index)
            if key > best[0]:
                best = (key, delimiter, index)
    (required, _recognised, _), delimiter, index = best
    total = sum(1 for c in columns if c.required)
    return delimiter, index, required / total


# --- cell values: each parser returns the value or raises InputError (Thai and English) ------------

_SPACE_RE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_NONE_WORDS = frozenset({"-", "--", "ไม่มี", "-ไม่มี-", "n/a", "na", "none"})
_STAR_WORDS_RE = re.compile(r"(?i)\s*(ดาว|stars?)\s*$")
_PHONE_SPLIT_RE = re.compile(r"\s*(?:[,;/]|หรือ|\bor\b)\s*")
_DISTRICT_PREFIX_RE = re.compile(r"^(?:อำเภอ|อ\.)\s*")
_PROVINCE_PREFIX_RE = re.compile(r"^(?:จังหวัด|จ\.)\s*")
_SCIENTIFIC_RE = re.compile(r"^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\s*\d+$")
_WHOLE_FLOAT_RE = re.compile(r"^(\d+)\.0+$")  # "4.0", "8856335556185.0": a float, digits intact


def clean_cell(cell: str) -> str:
    """Trim, collapse whitespace (also line breaks inside a cell), drop zero-width characters."""
    return _SPACE_RE.sub(" ", cell.translate(_INVISIBLE)).strip()


def clean_code(text: str) -> str:
    """Codes (vendor code, SKU, booth): ASCII digits, upper case, no spaces."""
    return _SPACE_RE.sub("", normalize_digits(clean_cell(text))).upper()


def is_none(text: str) -> bool:
    """Empty, or a word meaning "none" ("-", "ไม่มี", "n/a")."""
    return not text or text.casefold() in _NONE_WORDS


def strip_district(text: str) -> str:
    """"อ.บ้านไผ่" / "อำเภอบ้านไผ่" → "บ้านไผ่"."""
    return _DISTRICT_PREFIX_RE.sub("", text)


def strip_province(text: str) -> str:
    """"จ.ขอนแก่น" / "จังหวัดขอนแก่น" → "ขอนแก่น"."""
    return _PROVINCE_PREFIX_RE.sub("", text)


def parse_product_type(text: str) -> str:
    """One of ``PRODUCT_TYPES``; ``InputError`` listing the five if unknown."""
    ptype = normalize_product_type(text)
    if ptype is None:
        raise InputError(
            f"ไม่รู้จักประเภทผลิตภัณฑ์ “{text}” ต้องเป็นหนึ่งใน: " + ", ".join(PRODUCT_TYPES),
            f"Unknown product type “{text}”; it must be one of: "
            + ", ".join(PRODUCT_TYPE_EN[t] for t in PRODUCT_TYPES) + ".",
        )
    return ptype


def parse_producer_type(text: str) -> str:
    """"community", "single_owner" or "sme"; ``InputError`` if unknown."""
    ptype = normalize_producer_type(text)
    if ptype is None:
        raise InputError(
            f"ไม่รู้จักประเภทผู้ผลิต “{text}” (ผู้ผลิตชุมชน, ผู้ผลิตรายเดียว หรือ SME)",
            f"Unknown producer type “{text}” (community, single owner or SME).",
        )
    return ptype


def parse_star(text: str) -> int | None:
    """1–5 ("4", "๔", "4 ดาว", "4.0", "★★★★"); None when empty."""
    if is_none(text):
        return None
    body = normalize_digits(text).strip()
    if set(body) <= {"★", "⭐", "*"}:
        body = str(len(body))
    body = _WHOLE_FLOAT_RE.sub(r"\1", _STAR_WORDS_RE.sub("", body).strip())
    if body.isascii() and body.isdigit() and 1 <= int(body) <= 5:
        return int(body)
    raise InputError(
        f"ระดับดาว “{text}” ไม่ถูกต้อง ต้องเป็นตัวเลข 1 ถึง 5 หรือเว้นว่าง",
        f"The star level “{text}” is not valid: it must be a number from 1 to 5, or empty.",
    )


def parse_phone(text: str) -> tuple[str, list[str]]:
    """(digits, parts that do not look like Thai numbers). Thai digits accepted; +66 → 0; a
    leading 0 lost in a spreadsheet is restored; several numbers are joined with ","."""
    if is_none(text):
        return "", []
    numbers: list[str] = []
    odd: list[str] = []
    for part in _PHONE_SPLIT_RE.split(normalize_digits(text)):
        digits = re.sub(r"\D", "", part)
        if not digits:
            continue
        if part.lstrip().startswith("+66") or (digits.startswith("66") and len(digits) == 11):
            digits = "0" + digits[2:]
        elif len(digits) == 9 and not digits.startswith("0"):
            digits = "0" + digits
        if not (digits.startswith("0") and len(digits) in (9, 10)):
            odd.append(part)
        numbers.append(digits)
    return ",".join(numbers), odd


def parse_price(text: str) -> int:
    """Satang > 0 from "1,190.00", "฿120", "120 บาท", Thai digits (``parse_baht``)."""
    try:
        satang = parse_baht(text)
    except InputError as exc:
        raise InputError(f"ราคาไม่ถูกต้อง: {exc.th}", f"The price is not valid: {exc.en}") from None
    if satang <= 0:
        raise InputError(f"ราคา “{text}” ต้องมากกว่า 0 บาท", f"The price “{text}” must be more than 0 baht.")
    return check_amount(satang, "ราคา", "price")


def parse_barcode(text: str) -> str | None:
    """EAN-13, UPC-A or EAN-8 digits with a valid check digit; None when empty.

    Spaces, dashes and Excel's leading apostrophe are removed. A number in scientific notation
    ("8.85634E+12") means the spreadsheet destroyed the barcode: a specific error says so."""
    if is_none(text):
        return None
    body = normalize_digits(text).lstrip("'").strip()
    if _SCIENTIFIC_RE.match(body):
        raise InputError(
            f"โปรแกรมตารางคำนวณ (Excel) เปลี่ยนบาร์โค้ดเป็นตัวเลขแบบย่อ “{text}” ทำให้ตัวเลขหายไป: "
            "ตั้งคอลัมน์บาร์โค้ดเป็นข้อความ (Text) พิมพ์บาร์โค้ดใหม่ แล้วบันทึกเป็น CSV อีกครั้ง",
            f"The spreadsheet turned the barcode into a number (“{text}”) and its digits are lost: "
            "format the barcode column as Text, type the barcodes again and save as CSV again.",
        )
    body = _WHOLE_FLOAT_RE.sub(r"\1", re.sub(r"[\s-]", "", body))
    if not (body.isascii() and body.isdigit()):
        raise InputError(f"บาร์โค้ด “{text}” ต้องเป็นตัวเลขเท่านั้น",
                         f"The barcode “{text}” must contain digits only.")
    if len(body) not in (8, 12, 13):
        raise InputError(
            f"บาร์โค้ด “{text}” มี {len(body)} หลัก ต้องเป็น EAN-13 (13 หลัก), UPC (12) หรือ EAN-8 (8) "
            "(ถ้าเลข 0 ข้างหน้าหายไป ให้ตั้งคอลัมน์เป็นข้อความ)",
            f"The barcode “{text}” has {len(body)} digits; it must be EAN-13 (13 digits), UPC (12) "
            "or EAN-8 (8) (if a leading 0 was lost, format the column as Text).",
        )
    if not gtin_valid(body):
        raise InputError(f"บาร์โค้ด “{text}” หลักตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง: พิมพ์ผิดหรือไม่ครบ",
                         f"The barcode “{text}” has a wrong check digit (the last digit): a typing error?")
    return body


def parse_stock(text: str) -> int | None:
    """A whole number ≥ 0 ("1,000", Thai digits, "12.0"); None when empty."""
    if is_none(text):
        return None
    body = _WHOLE_FLOAT_RE.sub(r"\1", normalize_digits(text).replace(",", "").strip())
    if body.isascii() and body.isdigit():
        return check_count(int(body) if len(body) <= 12 else MAX_STOCK + 1, "จำนวนสต็อก", "stock", limit=MAX_STOCK)
    raise InputError(f"จำนวนสต็อก “{text}” ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป หรือเว้นว่าง",
                     f"The stock “{text}” must be a whole number of 0 or more, or empty.")

"""Cell values of the organisers' registry (vendors, catalogue): product and producer types and the parsers
of single cells (star, phone, price, barcode, stock), which return a value or raise ``InputError`` with a Thai
and an English message. The ways organisers write the product and producer types are here too (the types
themselves are in ``core.vocabulary``); the column headers are in ``registry_headers``.
"""
from __future__ import annotations

import re
import unicodedata

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
    """1–5 ("4", "๔", "4 ดาว", "4.0", "★★★★"); None when empty or 0 (not graded)."""
    if is_none(text):
        return None
    body = normalize_digits(text).strip()
    if set(body) <= {"★", "⭐", "*"}:
        body = str(len(body))
    body = _WHOLE_FLOAT_RE.sub(r"\1", _STAR_WORDS_RE.sub("", body).strip())
    if body.isascii() and body.isdigit() and int(body) == 0:
        return None  # 0 stars: not graded
    if body.isascii() and body.isdigit() and 1 <= int(body) <= 5:
        return int(body)
    raise InputError(
        f"ระดับดาว “{text}” ไม่ถูกต้อง ต้องเป็นตัวเลข 1 ถึง 5 หรือ 0 / เว้นว่าง (ไม่มีดาว)",
        f"The star level “{text}” is not valid: it must be a number from 1 to 5, or 0 or empty (no stars).",
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
    return ",".join(dict.fromkeys(numbers)), odd  # one number written twice (a landline and a mobile column) once


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
            "ตั้งคอลัมน์บาร์โค้ดเป็นข้อความ (Text) พิมพ์บาร์โค้ดใหม่ แล้วบันทึกไฟล์อีกครั้ง",
            f"The spreadsheet turned the barcode into a number (“{text}”) and its digits are lost: "
            "format the barcode column as Text, type the barcodes again and save the file again.",
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

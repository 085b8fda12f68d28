"""The columns of the organisers' registry (vendors, catalogue) and how a header row is recognised.

Each column is declared once here: its field, its Thai and English names, the headers organisers write for it,
whether it is required, how two columns meaning it are merged, and the longest value the store and the booth
package take (from ``core.limits``).

Headers are matched by meaning, not by exact text. A header's key (``header_key``) is Unicode NFKC,
case-folded, with spaces, underscores, dashes, dots, slashes, brackets, colons and quotes removed, so
"Vendor Code", "vendor_code" and " VENDOR-CODE " are one header. When the whole key is not known, the
header is read again without the words that only qualify it (OTOP, บาท/baht/THB, หน่วย/unit:
"ประเภทผลิตภัณฑ์ OTOP", "ราคาขาย/หน่วย (บาท)"), then part by part: the text in and out of brackets, the
pieces between slashes, the Thai and the Latin runs ("รหัสผู้ประกอบการ (Vendor code)", "Group / producer
name", "บูธที่/ล็อค"). Parts that name one field give that field; parts that name two fields make the
header ambiguous, and it is reported, not guessed. "ประเภท" / "type" alone means the product type, unless
the file has both a product-type and a producer-type column: then it is reported as unclear.

A header may span two rows (merged cells above sub-headers, e.g. "เบอร์โทร" over "บ้าน" and "มือถือ"):
``find_header`` tries every row and every pair of rows among the first ``HEADER_SEARCH_ROWS``.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from otop_pos.core.limits import (
    MAX_BOOTH_CODE_CHARS,
    MAX_CHANNEL_CHARS,
    MAX_CONTACT_CHARS,
    MAX_PHONE_CHARS,
    MAX_PLACE_CHARS,
    MAX_PRODUCT_NAME_CHARS,
    MAX_SKU_CHARS,
    MAX_VENDOR_CODE_CHARS,
    MAX_VENDOR_NAME_CHARS,
)

_HEADER_DROP_RE = re.compile(r"[\s_\-./\\()\[\]{}:*'\"“”‘’]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def header_key(text: str) -> str:
    """The key a header is matched by (see the module docstring)."""
    key = unicodedata.normalize("NFKC", text).casefold().translate(_INVISIBLE)
    stripped = _HEADER_DROP_RE.sub("", key)
    return stripped or key.strip()


@dataclass(frozen=True)
class Column:
    """One logical column: its field name, labels for messages, header aliases, required or not, how two
    columns of it are merged ("agree": one value, "join": every value kept, e.g. phones) and its longest value."""

    field: str
    th: str
    en: str
    aliases: tuple[str, ...]
    required: bool = False
    merge: str = "agree"
    max_len: int | None = None

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
        "supplier code", "seller code", "otop code", "otop id",
    ), required=True, max_len=MAX_VENDOR_CODE_CHARS),
    Column("name", "ชื่อกลุ่ม/ผู้ประกอบการ", "vendor name", (
        "ชื่อกลุ่ม/ผู้ประกอบการ", "ชื่อกลุ่ม/ผู้ผลิต", "ชื่อผู้ประกอบการ", "ชื่อกลุ่ม", "ชื่อผู้ผลิต",
        "ชื่อร้าน", "ชื่อร้านค้า", "ชื่อกลุ่มผู้ผลิต", "ชื่อ", "ผู้ประกอบการ", "ผู้ผลิต",
        "กลุ่ม/ผู้ประกอบการ", "ชื่อวิสาหกิจชุมชน",
        "name", "vendor", "vendor name", "producer", "producer name", "group name", "shop name",
        "business name", "seller", "seller name", "group/producer name", "enterprise name",
    ), required=True, max_len=MAX_VENDOR_NAME_CHARS),
    Column("contact", "ชื่อผู้ติดต่อ", "contact", (
        "ชื่อผู้ติดต่อ", "ผู้ติดต่อ", "ผู้ประสานงาน", "ชื่อผู้ประสานงาน", "contact", "contact name",
        "contact person",
    ), max_len=MAX_CONTACT_CHARS),
    Column("product_type", "ประเภทผลิตภัณฑ์", "product type", _PRODUCT_TYPE_HEADERS, required=True),
    Column("star", "ระดับดาว", "star level", (
        "ระดับดาว", "ดาว", "จำนวนดาว", "ระดับ", "ระดับดาว otop", "star", "stars", "star level",
        "star rating", "otop star", "otop stars", "rating",
    )),
    Column("district", "อำเภอ", "district", (
        "อำเภอ", "อ", "อำเภอ/เขต", "เขต", "district", "amphoe", "amphur", "amphoe district",
    ), required=True, max_len=MAX_PLACE_CHARS),
    Column("province", "จังหวัด", "province", ("จังหวัด", "จ", "province", "changwat"), required=True,
           max_len=MAX_PLACE_CHARS),
    Column("phone", "เบอร์โทร", "phone", (
        "เบอร์โทร", "เบอร์โทรศัพท์", "โทรศัพท์", "โทร", "เบอร์", "มือถือ", "เบอร์มือถือ", "เบอร์ติดต่อ",
        "โทรศัพท์มือถือ", "โทรศัพท์บ้าน", "เบอร์บ้าน", "เบอร์โทรบ้าน", "เบอร์โทรมือถือ", "โทรศัพท์พื้นฐาน",
        "phone", "tel", "telephone", "mobile", "phone number", "tel no", "mobile phone", "landline",
        "mobile number", "home phone", "office phone", "cell", "cell phone",
    ), merge="join", max_len=MAX_PHONE_CHARS),
    Column("booth", "บูธ", "booth", (
        "บูธ", "บู๊ธ", "บูท", "เลขบูธ", "หมายเลขบูธ", "บูธที่", "ล็อค", "ล็อก", "ล็อคที่", "ล็อกที่", "เลขล็อค",
        "booth", "booth no", "booth number", "booth id", "stall", "stall no", "lock", "lot",
    ), max_len=MAX_BOOTH_CODE_CHARS),
    Column("producer_type", "ประเภทผู้ผลิต", "producer type", (
        "ประเภทผู้ผลิต", "ประเภทผู้ประกอบการ", "producer type", "vendor type", "producer category",
    )),
    # the producer's own channel (optional; checked by ``core.channel``)
    Column("line_account", "LINE", "LINE account", (
        "ไลน์", "ไลน์ไอดี", "ไอดีไลน์", "ไลน์ร้าน", "บัญชีไลน์", "ไลน์ร้านค้า", "ไลน์โอเอ", "line", "line id",
        "line oa", "line@", "line official", "line official account", "line account", "line shop",
    ), max_len=MAX_CHANNEL_CHARS),
    Column("facebook_page", "เพจ Facebook", "Facebook page", (
        "เฟซบุ๊ก", "เฟซบุ๊ค", "เฟสบุ๊ค", "เฟสบุ๊ก", "เพจ", "เพจเฟซบุ๊ก", "เพจเฟสบุ๊ค", "เพจร้าน", "facebook",
        "fb", "facebook page", "fb page", "page", "facebook link",
    ), max_len=MAX_CHANNEL_CHARS),
    Column("shop_url", "ร้านออนไลน์", "online shop", (
        "ร้านออนไลน์", "ร้านค้าออนไลน์", "ลิงก์ร้าน", "ลิงก์ร้านค้า", "ลิงค์ร้าน", "ลิงค์ร้านค้า", "เว็บไซต์",
        "เว็บไซต์ร้าน", "เว็บ", "ช่องทางขายออนไลน์", "online shop", "shop url", "shop link", "online store",
        "website", "web", "url", "e-commerce", "ecommerce", "web shop",
    ), max_len=MAX_CHANNEL_CHARS),
)

CATALOGUE_COLUMNS: tuple[Column, ...] = (
    Column("vendor_code", "รหัสผู้ประกอบการ", "vendor code", (
        "รหัสผู้ประกอบการ", "รหัสผู้ผลิต", "รหัสกลุ่ม", "รหัสร้าน", "รหัสร้านค้า", "vendor code",
        "vendor id", "vendor no", "vendor", "producer code", "producer id", "supplier code", "seller code",
    ), required=True, max_len=MAX_VENDOR_CODE_CHARS),
    Column("sku", "รหัสสินค้า", "SKU", (
        "รหัสสินค้า", "รหัสผลิตภัณฑ์", "รหัส", "sku", "product code", "item code", "product id",
        "item id", "code",
    ), required=True, max_len=MAX_SKU_CHARS),
    Column("name", "ชื่อสินค้า", "product name", (
        "ชื่อสินค้า", "ชื่อผลิตภัณฑ์", "สินค้า", "ผลิตภัณฑ์", "รายการ", "รายการสินค้า", "ชื่อ",
        "product name", "product", "name", "item", "item name", "description",
    ), required=True, max_len=MAX_PRODUCT_NAME_CHARS),
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

#: Headers that name the product type alone, but could mean the producer type in a file that has both.
_GENERIC_TYPE_KEYS = frozenset(header_key(h) for h in ("ประเภท", "type", "ชนิด", "kind"))
#: Words that only qualify a header: "ประเภทผลิตภัณฑ์ OTOP", "ราคาขาย/หน่วย (บาท)", "Price per unit (THB)".
_QUALIFIER_RE = re.compile(r"otop|ต่อหน่วย|หน่วย|perunit|perpiece|unit|each|บาท|baht|thb|฿")
#: Where a header splits into parts: brackets, slashes, pipes, line breaks.
_PART_SPLIT_RE = re.compile(r"[()\[\]{}/|\\\n]+")
_SCRIPT_RUN_RE = re.compile(r"[\u0e00-\u0e7f][\u0e00-\u0e7f\s.]*|[A-Za-z][A-Za-z\s.&'-]*")

HEADER_SEARCH_ROWS = 10  # title rows above the header that are tolerated


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


def _lookup(text: str, aliases: dict[str, Column]) -> Column | None:
    key = header_key(text)
    col = aliases.get(key)
    if col is None and key:
        col = aliases.get(_QUALIFIER_RE.sub("", key))
    return col


@lru_cache(maxsize=4096)
def _fields_cached(text: str, columns: tuple[Column, ...]) -> tuple[str, ...]:
    aliases = alias_map(columns)
    col = _lookup(text, aliases)
    if col is not None:
        return (col.field,)
    parts = [p for p in _PART_SPLIT_RE.split(unicodedata.normalize("NFKC", text)) if p.strip()]
    found: list[str] = []
    for part in parts:  # a part that is not a header itself is read by its Thai and Latin runs
        runs = [r for r in _SCRIPT_RUN_RE.findall(part) if r.strip()]
        whole = len(parts) > 1 and _lookup(part, aliases) is not None
        pieces = [part] if whole else (runs if len(runs) > 1 else [])
        for piece in pieces:
            c = _lookup(piece, aliases)
            if c is not None and c.field not in found:
                found.append(c.field)
    return tuple(found)


def header_fields(text: str, columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The fields a header cell names: one, none, or several (ambiguous)."""
    return _fields_cached(text, columns) if text.strip() else ()


@dataclass
class HeaderMatch:
    """The recognised cells of a header row: field → [(cell index, header as written)], and the cells that
    could mean more than one field (cell index, header, the fields)."""

    found: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    ambiguous: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def used(self) -> set[int]:
        """Indexes of every recognised or ambiguous cell."""
        return {i for places in self.found.values() for i, _h in places} | {i for i, _h, _f in self.ambiguous}


def _clean(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


def match_header(cells: Sequence[str], columns: tuple[Column, ...]) -> HeaderMatch:
    """The recognised, and the ambiguous, cells of a header row."""
    match = HeaderMatch()
    fields = {c.field for c in columns}
    generic: list[tuple[int, str]] = []
    for i, raw in enumerate(cells):
        names = header_fields(raw, columns)
        if len(names) > 1:
            match.ambiguous.append((i, _clean(raw), names))
        elif names and names[0] == "product_type" and "producer_type" in fields \
                and header_key(raw) in _GENERIC_TYPE_KEYS:
            generic.append((i, _clean(raw)))
        elif names:
            match.found.setdefault(names[0], []).append((i, _clean(raw)))
    for i, header in generic:
        if "product_type" in match.found and "producer_type" in match.found:
            match.ambiguous.append((i, header, ("product_type", "producer_type")))
        else:
            match.found.setdefault("product_type", []).append((i, header))
    for places in match.found.values():
        places.sort()
    return match


@dataclass(frozen=True)
class Header:
    """The header chosen in a table's first rows: where it is (``index`` among the non-blank rows, ``span``
    1 or 2 rows, ``line`` of its first row), its labels, and how well it fits (required columns found, of
    ``total``; columns recognised)."""

    index: int
    span: int
    line: int
    labels: tuple[str, ...]
    required: int
    recognised: int
    total: int

    @property
    def share(self) -> float:
        """The share of the required columns found (1.0: every one)."""
        return self.required / self.total if self.total else 0.0


def _score(labels: Sequence[str], columns: tuple[Column, ...]) -> tuple[int, int]:
    """(required columns found, cells recognised)."""
    found = match_header(labels, columns).found
    return (sum(1 for c in columns if c.required and c.field in found),
            sum(len(places) for places in found.values()))


def two_row_labels(top: Sequence[str], sub: Sequence[str], columns: tuple[Column, ...]) -> tuple[str, ...]:
    """The labels of a header written over two rows: a sub-header names its column when it is a header
    itself ("มือถือ"), else with the group label above it ("เบอร์โทร (บ้าน)"); a cell merged down the two
    rows keeps its top label; a group label spans the columns to its right while they have sub-headers."""
    out: list[str] = []
    group = ""
    for j in range(max(len(top), len(sub))):
        t = _clean(top[j]) if j < len(top) else ""
        s = _clean(sub[j]) if j < len(sub) else ""
        if t:
            group = t if s else ""
        elif not s:
            group = ""
        t = t or group
        if s and header_fields(s, columns):
            out.append(s)
        elif s and t and header_fields(f"{t} {s}", columns):
            out.append(f"{t} {s}")
        elif s and t:
            out.append(f"{t} ({s})")
        else:
            out.append(t or s)
    return tuple(out)


def find_header(rows: Sequence[tuple[int, Sequence[str]]], columns: tuple[Column, ...]) -> Header:
    """The best header among the first non-blank ``rows``: one row, or two when a second row of
    sub-headers (at least one a header itself) makes more columns known."""
    total = sum(1 for c in columns if c.required)
    best: Header | None = None
    head = list(rows[:HEADER_SEARCH_ROWS])
    for index, (line, cells) in enumerate(head):
        candidates = [(1, tuple(_clean(c) for c in cells))]
        if index + 1 < len(head):
            sub = head[index + 1][1]
            if any(header_fields(c, columns) for c in sub):
                candidates.append((2, two_row_labels(cells, sub, columns)))
        for span, labels in candidates:
            required, recognised = _score(labels, columns)
            h = Header(index, span, line, labels, required, recognised, total)
            if best is None or (required, recognised, -span) > (best.required, best.recognised, -best.span):
                best = h  # on a tie: one row before two, the first row before a later one
    return best or Header(0, 1, 1, (), 0, 0, total)

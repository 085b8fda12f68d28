"""The registry reader (vendors.csv + catalogue.csv): encodings, headers, tolerance, every problem."""
from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from otop_pos.core.digits import to_thai_digits
from otop_pos.core.errors import Problem, RegistryError
from otop_pos.core.ids import ean13_valid
from otop_pos.core.money import format_baht
from otop_pos.exchange.registry_csv import (
    PRODUCT_TYPE_EN,
    PRODUCT_TYPES,
    Registry,
    find_registry_files,
    load_registry,
    normalize_product_type,
    read_catalogue,
    read_text,
    read_vendors,
)

SHARED = Path(__file__).resolve().parents[2] / "resources" / "demo"  # the shipped copy of the shared registry
THAI_RE = re.compile("[\u0e01-\u0e3a\u0e40-\u0e5b]")  # Thai letters and digits, not ฿

V_HEAD = ["ลำดับ", "รหัสผู้ประกอบการ", "ชื่อกลุ่ม/ผู้ประกอบการ", "ชื่อผู้ติดต่อ", "ประเภทผลิตภัณฑ์",
          "ระดับดาว",
          "อำเภอ", "จังหวัด", "เบอร์โทร", "บูธ"]
V_ROWS = [
    ["1", "KK-01", "กลุ่มทอผ้าบ้านโนนสวรรค์", "มาลัย พรมมา", "ผ้าและเครื่องแต่งกาย", "5", "ชนบท", "ขอนแก่น",
     "081-234-5678", "A001"],
    ["2", "KK-02", "สุดา สุขประเสริฐ", "สุดา สุขประเสริฐ", "อาหาร", "3", "บ้านไผ่", "ขอนแก่น", "089-111-2222",
     "A002"],
    ["3", "KK-03", "บริษัท สมุนไพรไทย จำกัด", "สมชาย ใจดี", "สมุนไพรที่ไม่ใช่อาหาร", "", "พล", "ขอนแก่น", "",
     "B001"],
]
C_HEAD = ["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา (บาท)", "บาร์โค้ด"]
C_ROWS = [
    ["KK-01", "KK-01-01", "ผ้าไหมมัดหมี่", "1190", "8856335556185"],
    ["KK-01", "KK-01-02", "ผ้าพันคอ", "350", ""],
    ["KK-02", "KK-02-01", "ไส้กรอกอีสาน", "120", "8853930311348"],
    ["KK-03", "KK-03-01", "ยาหม่องสมุนไพร", "45.50", "96385074"],
]


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8-sig", delimiter: str = ",",
              newline: str = "\r\n") -> Path:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator=newline).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def make(tmp_path: Path, vmod: Callable[[list[list[str]]], None] | None = None,
         cmod: Callable[[list[list[str]]], None] | None = None) -> tuple[Path, Path]:
    """The small valid registry, after ``vmod``/``cmod`` changed its rows (header is row 0)."""
    vrows = [list(V_HEAD)] + [list(r) for r in V_ROWS]
    crows = [list(C_HEAD)] + [list(r) for r in C_ROWS]
    if vmod:
        vmod(vrows)
    if cmod:
        cmod(crows)
    return write_csv(tmp_path / "vendors.csv", vrows), write_csv(tmp_path / "catalogue.csv", crows)


def problems_of(tmp_path: Path, **mods: Callable[[list[list[str]]], None]) -> list[Problem]:
    with pytest.raises(RegistryError) as info:
        load_registry(*make(tmp_path, **mods))
    return info.value.problems


def assert_bilingual(p: Problem) -> None:
    assert THAI_RE.search(p.th), p
    assert re.search("[A-Za-z]{3}", p.en) and not THAI_RE.search(re.sub("“[^”]*”", "", p.en)), p


def without_lines(reg: Registry) -> tuple[tuple[object, ...], tuple[object, ...]]:
    return (tuple(dataclasses.replace(v, line=0) for v in reg.vendors),
            tuple(dataclasses.replace(p, line=0) for p in reg.products))


@pytest.fixture(scope="module")
def shared() -> tuple[Path, Path]:
    if not (SHARED / "vendors.csv").exists():
        pytest.skip(f"shared test data not found at {SHARED}")
    return SHARED / "vendors.csv", SHARED / "catalogue.csv"


# --- the real registry -----------------------------------------------------------------------------

def test_shared_registry_loads_with_known_values(shared: tuple[Path, Path]) -> None:
    reg = load_registry(*shared)
    assert (len(reg.vendors), len(reg.products)) == (124, 530)
    assert (reg.encoding_vendors, reg.encoding_catalogue) == ("utf-8-sig", "utf-8-sig")
    assert reg.warnings == ()
    assert {v.product_type for v in reg.vendors} == set(PRODUCT_TYPES)
    assert all(p.product_type is None and p.price_satang > 0 for p in reg.products)
    juice = next(p for p in reg.products if p.sku == "KK20-0002-02")
    assert (juice.vendor_code, juice.name, juice.price_satang, juice.barcode, juice.line) == (
        "KK20-0002", "น้ำกระเจี๊ยบ", 3075, None, 5)
    v = reg.vendor("KK20-0002")
    assert (v.name, v.contact, v.product_type, v.star, v.district, v.province, v.phone, v.booth,
            v.producer_type, v.line) == ("กลุ่มสตรีบ้านหนองแวง", "มาลัย พรมมา", "เครื่องดื่ม", 4, "บ้านไผ่",
                                         "ขอนแก่น", "0845910402", "C002", "community", 3)
    assert reg.vendor("KK20-0001").producer_type == "single_owner"
    assert [p.sku for p in reg.products_of("KK20-0001")] == ["KK20-0001-01", "KK20-0001-02"]
    assert reg.products_of("KK20-0001")[0].barcode == "8856335556185"
    barcodes = [p.barcode for p in reg.products if p.barcode]
    assert len(barcodes) == 326 and all(ean13_valid(b) and b.startswith("885") for b in barcodes)
    assert {p.vendor_code for p in reg.products} == {v.code for v in reg.vendors}
    with pytest.raises(KeyError):
        reg.vendor("KK99-9999")
    assert reg.products_of("KK99-9999") == ()


def _messy_copy(shared: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """The shared registry as Excel on Thai Windows might save it: CP874, English headers in
    another order, 1,190.00 / ฿120 / Thai-digit prices, stray spaces, blank rows, extra columns."""
    vsrc = list(csv.DictReader(io.StringIO(shared[0].read_text(encoding="utf-8-sig"))))
    csrc = list(csv.DictReader(io.StringIO(shared[1].read_text(encoding="utf-8-sig"))))
    vrows = [[" Booth", "vendor_code", "Name ", "Product  Type", "STARS", "Amphoe", "Province", "Tel",
              "Contact", "No.", "Remarks"]]
    for i, r in enumerate(vsrc):
        ptype = r["ประเภทผลิตภัณฑ์"]
        if i % 3 == 0:
            ptype = PRODUCT_TYPE_EN[ptype].upper()
        elif i % 3 == 1:
            ptype = "  " + ptype.replace(" ", "   ") + " "
        star = to_thai_digits(r["ระดับดาว"]) if i % 2 else r["ระดับดาว"] + " "
        phone = to_thai_digits(r["เบอร์โทร"]) if i % 2 else " " + r["เบอร์โทร"].replace("-", " ")
        vrows.append([r["บูธ"] + " ", " " + r["รหัสผู้ประกอบการ"], r["ชื่อกลุ่ม/ผู้ประกอบการ"] + "  ", ptype,
                      star,
                      r["อำเภอ"], " " + r["จังหวัด"], phone, r["ชื่อผู้ติดต่อ"], str(i + 1), "หมายเหตุ"])
        if i % 40 == 39:
            vrows += [[], [""] * 11]
    crows = [["Price (THB)", " SKU", "Vendor Code", "EAN", "product name", "no.", "note"]]
    for i, r in enumerate(csrc):
        satang = round(float(r["ราคา (บาท)"]) * 100)  # the source is clean; only for formatting here
        price = [format_baht(satang), "฿" + format_baht(satang, decimals=False),
                 " " + to_thai_digits(r["ราคา (บาท)"]) + " "][i % 3]
        barcode = to_thai_digits(r["บาร์โค้ด"]) if i % 2 else r["บาร์โค้ด"]
        crows.append([price, r["รหัสสินค้า"] + " ", r["รหัสผู้ประกอบการ"].lower(), barcode, r["ชื่อสินค้า"],
                      str(i + 1), ""])
        if i % 100 == 50:
            crows += [[], [""] * 7, ["", "", "", "", "", str(i + 1), ""]]
    return (write_csv(tmp_path / "vendors-win.csv", vrows, encoding="cp874"),
            write_csv(tmp_path / "catalogue-win.csv", crows, encoding="cp874"))


def test_cp874_english_headers_messy_values_give_the_identical_registry(
        shared: tuple[Path, Path], tmp_path: Path) -> None:
    messy = _messy_copy(shared, tmp_path)
    with pytest.raises(UnicodeDecodeError):
        messy[0].read_bytes().decode("utf-8")  # really a Windows-Thai file
    text = messy[1].read_bytes().decode("cp874")
    assert re.search(r'\n"\d{1,2},\d{3}\.\d{2}",', text) and re.search(r"\n฿\d+,", text)  # 1,190.00 / ฿120
    assert re.search(r"\n ๑[๐-๙]+ ,", text) and "\r\n\r\n" in text
    clean, dirty = load_registry(*shared), load_registry(*messy)
    assert (dirty.encoding_vendors, dirty.encoding_catalogue) == ("cp874", "cp874")
    assert without_lines(dirty) == without_lines(clean)
    # extra columns are ignored, with a warning naming them on the header line
    assert {(w.file, w.line, w.column) for w in dirty.warnings} == {
        ("vendors-win.csv", 1, "Remarks"), ("catalogue-win.csv", 1, "note")}
    # line numbers stay physical: blank rows count
    assert dirty.products[-1].line == len(clean.products) + 1 + 3 * 5  # 5 groups of 3 blank rows


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters(tmp_path: Path, delimiter: str) -> None:
    vrows = [V_HEAD] + V_ROWS
    crows = [C_HEAD] + [r[:3] + ["1,190.00" if i == 0 else r[3]] + r[4:] for i, r in enumerate(C_ROWS)]
    reg = load_registry(write_csv(tmp_path / "v.csv", vrows, delimiter=delimiter),
                        write_csv(tmp_path / "c.csv", crows, delimiter=delimiter, encoding="utf-8"))
    assert len(reg.vendors) == 3 and reg.products[0].price_satang == 119000
    assert reg.encoding_catalogue == "utf-8"


def test_small_registry_values_and_derived_producer_type(tmp_path: Path) -> None:
    reg = load_registry(*make(tmp_path))
    assert [(v.code, v.producer_type, v.star, v.phone) for v in reg.vendors] == [
        ("KK-01", "community", 5, "0812345678"), ("KK-02", "single_owner", 3, "0891112222"),
        ("KK-03", "sme", None, "")]
    assert [(p.sku, p.price_satang, p.barcode) for p in reg.products] == [
        ("KK-01-01", 119000, "8856335556185"), ("KK-01-02", 35000, None),
        ("KK-02-01", 12000, "8853930311348"), ("KK-03-01", 4550, "96385074")]
    assert [p.line for p in reg.products] == [2, 3, 4, 5]


def test_optional_columns_producer_type_stock_and_product_type(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[0].append("ประเภทผู้ผลิต")
        for r, t in zip(rows[1:], ["SME", "", "ผู้ผลิตรายเดียว"]):
            r.append(t)

    def c(rows: list[list[str]]) -> None:
        rows[0] += ["จำนวน/สต็อก", "Category"]
        for r, s, t in zip(rows[1:], ["10", "", "๑,๒๐๐", "0"], ["", "souvenirs", "", "herbal"]):
            r += [s, t]

    reg = load_registry(*make(tmp_path, vmod=v, cmod=c))
    assert [x.producer_type for x in reg.vendors] == ["sme", "single_owner", "single_owner"]
    assert [p.stock for p in reg.products] == [10, None, 1200, 0]
    assert [p.product_type for p in reg.products] == [None, "ของใช้ ของตกแต่งและของที่ระลึก", None,
                                                      "สมุนไพรที่ไม่ใช่อาหาร"]


def test_phone_numbers_become_digits(tmp_path: Path) -> None:
    phones = ["๐๘๔-๕๙๑-๐๔๐๒", "+66 84 591 0402", "845910402"]  # Thai digits, international, Excel-eaten 0

    def v(rows: list[list[str]]) -> None:
        for r, ph in zip(rows[1:], phones):
            r[8] = ph

    reg = load_registry(*make(tmp_path, vmod=v))
    assert [x.phone for x in reg.vendors] == ["0845910402"] * 3


def test_title_rows_above_header_are_skipped_with_a_warning(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    text = vendors.read_text(encoding="utf-8-sig")
    title = "ทะเบียนผู้ประกอบการ OTOP CITY ขอนแก่น ครั้งที่ 20,,,\r\n\r\n"
    vendors.write_text(title + text, encoding="utf-8")
    reg = load_registry(vendors, catalogue)
    assert [v.line for v in reg.vendors] == [4, 5, 6]
    assert [(w.line, "title" in w.en) for w in reg.warnings] == [(3, True)]


def test_multiline_quoted_cell_keeps_physical_line_numbers(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[1][2] = "กลุ่มทอผ้า\nบ้านโนนสวรรค์"  # a line break inside a quoted cell (Alt+Enter in Excel)
        rows[2][5] = "9"

    vendors, catalogue = make(tmp_path, vmod=v)
    vlist, problems, _enc = read_vendors(vendors)
    assert vlist[0].name == "กลุ่มทอผ้า บ้านโนนสวรรค์" and vlist[0].line == 2
    assert [(p.line, p.column) for p in problems] == [(4, "ระดับดาว")]


# --- each problem, located ---------------------------------------------------------------------------

def _set(row: int, col: int, value: str) -> Callable[[list[list[str]]], None]:
    def mod(rows: list[list[str]]) -> None:
        rows[row][col] = value
    return mod


def _append(row: list[str]) -> Callable[[list[list[str]]], None]:
    return lambda rows: rows.append(row)


CASES = [  # (id, vendors change, catalogue change, file, line, column, words in the English text)
    ("name missing", _set(2, 2, "  "), None, "vendors.csv", 3, "ชื่อกลุ่ม/ผู้ประกอบการ", "missing"),
    ("unknown type", _set(1, 4, "เครื่องจักสาน"), None, "vendors.csv", 2, "ประเภทผลิตภัณฑ์",
     "Unknown product type"),
    ("star 6", _set(3, 5, "6"), None, "vendors.csv", 4, "ระดับดาว", "1 to 5"),
    ("dup vendor", _append(["4", "kk-01", "x", "", "อาหาร", "", "พล", "ขอนแก่น", "", "C1"]), None,
     "vendors.csv", 5,
     "รหัสผู้ประกอบการ", "already used on line 2"),
    ("dup booth", _set(3, 9, "a002"), None, "vendors.csv", 4, "บูธ", "booth A002 is already used on line 3"),
    ("booth missing", _set(1, 9, ""), None, "vendors.csv", 2, "บูธ", "missing"),
    ("unknown vendor", None, _set(4, 0, "KK-09"), "catalogue.csv", 5, "รหัสผู้ประกอบการ",
     "not in the vendors"),
    ("dup sku", None, _set(2, 1, "KK-01-01"), "catalogue.csv", 3, "รหัสสินค้า", "already used on line 2"),
    ("dup barcode", None, _set(4, 4, "8856335556185"), "catalogue.csv", 5, "บาร์โค้ด",
     "already used on line 2"),
    ("price zero", None, _set(1, 3, "0.00"), "catalogue.csv", 2, "ราคา (บาท)", "more than 0"),
    ("price negative", None, _set(1, 3, "-5"), "catalogue.csv", 2, "ราคา (บาท)", "negative"),
    ("price text", None, _set(3, 3, "ห้าสิบ"), "catalogue.csv", 4, "ราคา (บาท)", "price is not valid"),
    ("price satang", None, _set(3, 3, "12.345"), "catalogue.csv", 4, "ราคา (บาท)", "two decimals"),
    ("price missing", None, _set(3, 3, ""), "catalogue.csv", 4, "ราคา (บาท)", "missing"),
    ("barcode letters", None, _set(2, 4, "885A335556185"), "catalogue.csv", 3, "บาร์โค้ด", "digits only"),
    ("ean13 check", None, _set(1, 4, "8856335556186"), "catalogue.csv", 2, "บาร์โค้ด", "check digit"),
    ("ean8 check", None, _set(4, 4, "96385075"), "catalogue.csv", 5, "บาร์โค้ด", "check digit"),
    ("upc check", None, _set(2, 4, "036000291453"), "catalogue.csv", 3, "บาร์โค้ด", "check digit"),
    ("barcode length", None, _set(2, 4, "12345"), "catalogue.csv", 3, "บาร์โค้ด", "5 digits"),
    ("excel barcode", None, _set(1, 4, "8.85634E+12"), "catalogue.csv", 2, "บาร์โค้ด",
     "spreadsheet turned the barcode into a number"),
    ("sku missing", None, _set(2, 1, ""), "catalogue.csv", 3, "รหัสสินค้า", "SKU is missing"),
    ("unquoted comma", None, _append(["KK-02", "KK-02-09", "ข้าวเหนียว", "1", "190.00", "96385074"]),
     "catalogue.csv", 6, "", "must be quoted"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_located_and_bilingual(tmp_path: Path, case: tuple) -> None:
    _id, vmod, cmod, file, line, column, words = case
    problems = problems_of(tmp_path, vmod=vmod, cmod=cmod)
    assert [(p.file, p.line, p.column) for p in problems] == [(file, line, column)]
    assert words in problems[0].en
    assert_bilingual(problems[0])


def test_missing_required_columns_are_named_on_line_1(tmp_path: Path) -> None:
    def drop(rows: list[list[str]]) -> None:
        for r in rows:
            del r[6], r[4]  # อำเภอ and ประเภทผลิตภัณฑ์

    vendors, problems, enc = read_vendors(make(tmp_path, vmod=drop)[0])
    assert vendors == [] and enc == "utf-8-sig"
    assert problems_of(tmp_path, vmod=drop) == problems  # and no "unknown vendor" for every product
    (p,) = problems
    assert (p.file, p.line) == ("vendors.csv", 1)
    assert "ประเภทผลิตภัณฑ์" in p.column and "district" in p.column
    assert "product type" in p.en and "district" in p.en and "อำเภอ" in p.th
    assert_bilingual(p)


def test_many_problems_are_reported_together_and_nothing_is_imported(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[2][5] = "7"          # line 3: star
        rows[3][1] = "KK-01"      # line 4: duplicate code
        rows[3][9] = ""           # line 4: booth missing

    def c(rows: list[list[str]]) -> None:
        rows[1][3] = "abc"                # line 2: price
        rows[3][0] = "KK-77"              # line 4: unknown vendor
        rows[4][4] = "8853930311348"      # line 5: duplicate barcode
        rows.append([""] * 5)             # line 6: blank, skipped
        rows.append(["KK-02", "", "ข้าว", "0", "x"])  # line 7: SKU, price, barcode

    problems = problems_of(tmp_path, vmod=v, cmod=c)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("vendors.csv", 3, "ระดับดาว"), ("vendors.csv", 4, "รหัสผู้ประกอบการ"), ("vendors.csv", 4, "บูธ"),
        ("catalogue.csv", 2, "ราคา (บาท)"), ("catalogue.csv", 4, "รหัสผู้ประกอบการ"),
        ("catalogue.csv", 5, "รหัสผู้ประกอบการ"), ("catalogue.csv", 5, "บาร์โค้ด"),
        ("catalogue.csv", 7, "รหัสสินค้า"), ("catalogue.csv", 7, "ราคา (บาท)"),
        ("catalogue.csv", 7, "บาร์โค้ด")]
    for p in problems:
        assert_bilingual(p)
    message = str(RegistryError(problems))
    assert "nothing was imported" in message and "catalogue.csv:7 [บาร์โค้ด]" in message


def test_swapped_files_are_read_the_right_way_round(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    assert load_registry(catalogue, vendors) == load_registry(vendors, catalogue)


def test_the_vendors_file_given_twice_gives_the_header_problems_of_the_catalogue(tmp_path: Path) -> None:
    vendors, _catalogue = make(tmp_path)
    copy = tmp_path / "copy.csv"
    copy.write_bytes(vendors.read_bytes())
    problems = problems_of_files(vendors, copy)
    assert [(p.file, p.line) for p in problems] == [("copy.csv", 1)] and "price" in problems[0].en


def test_read_catalogue_reports_without_vendor_check(tmp_path: Path) -> None:
    products, problems, enc = read_catalogue(make(tmp_path, cmod=_set(4, 0, "KK-09"))[1])
    assert (len(products), problems, enc) == (4, [], "utf-8-sig")


def test_broken_quotes_are_reported_at_their_line(tmp_path: Path) -> None:
    _v, catalogue = make(tmp_path)
    catalogue.write_text(catalogue.read_text(encoding="utf-8-sig") + 'KK-02,KK-02-05,"ข้าว,50,\r\n'
                         "KK-02,KK-02-06,ข้าว,50,\r\n", encoding="utf-8")
    _products, problems, _enc = read_catalogue(catalogue)
    assert [(p.line, "quote" in p.en) for p in problems] == [(6, True)]


# --- files that are not registries ---------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b" \r\n\r\n"], ids=["empty", "bom", "blank"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    vendors, catalogue = make(tmp_path)
    vendors.write_bytes(content)
    problems = problems_of_files(vendors, catalogue)
    assert [(p.file, p.line, "empty" in p.en) for p in problems] == [("vendors.csv", 1, True)]


def test_header_only_file_has_no_vendors(tmp_path: Path) -> None:
    vendors, _c = make(tmp_path, vmod=lambda rows: rows.__delitem__(slice(1, None)))
    _v, problems, _e = read_vendors(vendors)
    assert [(p.line, "no vendors" in p.en) for p in problems] == [(1, True)]


def problems_of_files(vendors: Path, catalogue: Path) -> list[Problem]:
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, catalogue)
    return info.value.problems


@pytest.mark.parametrize("content, words", [
    (os.urandom(256) + b"\x00\x01\x02" * 50, "not CSV text"),
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "save it as .xlsx or CSV"),
], ids=["random", "xls"])
def test_binary_file_is_refused(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "catalogue.csv"
    path.write_bytes(content)
    with pytest.raises(RegistryError) as info:
        read_text(path)
    (p,) = info.value.problems
    assert (p.file, p.line) == ("catalogue.csv", 1) and words in p.en
    assert_bilingual(p)
    (tmp_path / "good").mkdir()
    problems = problems_of_files(make(tmp_path / "good")[0], path)  # load_registry: the same problem
    assert problems == [p]


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("utf-16", "utf-16"),
])
def test_read_text_detects_the_encoding(tmp_path: Path, encoding: str, expected: str) -> None:
    text = "รหัสผู้ประกอบการ,ราคา (บาท)\r\nKK-01,๑๒๐\r\n"
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode(encoding))
    assert read_text(path) == (text, expected)


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    vendors, _c = make(tmp_path)
    problems = problems_of_files(vendors, tmp_path / "nope.csv")
    assert [(p.file, "does not exist" in p.en) for p in problems] == [("nope.csv", True)]


# --- product types and finding the files ---------------------------------------------------------

def test_product_types_are_the_five_in_order() -> None:
    assert PRODUCT_TYPES == ("อาหาร", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย", "ของใช้ ของตกแต่งและของที่ระลึก",
                             "สมุนไพรที่ไม่ใช่อาหาร")
    assert [PRODUCT_TYPE_EN[t] for t in PRODUCT_TYPES] == [
        "Food", "Drinks", "Cloth and apparel", "Household, decor and souvenirs", "Non-food herbal"]


@pytest.mark.parametrize("text, expected", [
    ("อาหาร", "อาหาร"), (" ของใช้  ของตกแต่งและของที่ระลึก ", "ของใช้ ของตกแต่งและของที่ระลึก"),
    ("ของใช้ของตกแต่งและของที่ระลึก", "ของใช้ ของตกแต่งและของที่ระลึก"), ("DRINKS", "เครื่องดื่ม"),
    ("cloth and apparel", "ผ้าและเครื่องแต่งกาย"), ("Non-food  herbal", "สมุนไพรที่ไม่ใช่อาหาร"),
    ("Household, decor and souvenirs", "ของใช้ ของตกแต่งและของที่ระลึก"), ("food", "อาหาร"),
    ("เครื่องจักร", None), ("", None), ("   ", None), ("อาหารเสริม", None),
])
def test_normalize_product_type(text: str, expected: str | None) -> None:
    assert normalize_product_type(text) == expected


def test_find_registry_files_by_header_not_name(tmp_path: Path) -> None:
    make(tmp_path)
    (tmp_path / "vendors.csv").rename(tmp_path / "ทะเบียน ก.csv")
    (tmp_path / "catalogue.csv").rename(tmp_path / "list2.txt")
    (tmp_path / "README.txt").write_text("ทะเบียนงาน OTOP CITY\nอ่านก่อน\n", encoding="utf-8")
    write_csv(tmp_path / "sales-day1.csv", [["receipt", "time", "total"], ["R1", "10:00", "120.00"]])
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(64) + b"\x00")
    (tmp_path / "old.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 20)
    (tmp_path / "sub").mkdir()
    assert find_registry_files(tmp_path) == (tmp_path / "ทะเบียน ก.csv", tmp_path / "list2.txt")
    reg = load_registry(*find_registry_files(tmp_path))
    assert len(reg.products) == 4


def test_find_registry_files_not_found_or_ambiguous(tmp_path: Path) -> None:
    (tmp_path / "registry.xlsx").write_bytes(b"PK\x03\x04")
    with pytest.raises(RegistryError) as info:
        find_registry_files(tmp_path)
    # for each kind: the closest file (the only one), and why it cannot be read
    assert [(p.file, "registry.xlsx" in p.en, "damaged" in p.en) for p in info.value.problems] == [
        (tmp_path.name, True, False), ("registry.xlsx", False, True)] * 2
    make(tmp_path)
    write_csv(tmp_path / "copy-a.csv", [V_HEAD] + V_ROWS)
    assert find_registry_files(tmp_path)[0] == tmp_path / "vendors.csv"  # the name breaks the tie
    write_csv(tmp_path / "vendors-old.csv", [V_HEAD] + V_ROWS)
    with pytest.raises(RegistryError) as info:
        find_registry_files(tmp_path)
    (p,) = info.value.problems
    assert "vendors-old.csv" in p.en and "vendors.csv" in p.en and "copy-a.csv" in p.en

"""Registries as organisers keep them: Excel workbooks (title rows, merged two-row headers, numbers stored as
floats), headers written by people (bilingual, OTOP and unit words, slashes), two columns meaning one field,
CP874 with English headers, UTF-16 without BOM, a stray Windows-Thai byte — each loads the same vendors and
products as the shared CSV, or is refused naming file (and sheet), line and column."""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from otop_pos.core.errors import Problem, RegistryError
from otop_pos.exchange.registry_csv import find_registry_files, load_registry, read_text
from tests.exchange.test_registry_csv import assert_bilingual, make, shared, without_lines, write_csv

__all__ = ["shared"]  # the fixture


def _dicts(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _number(text: str) -> Any:
    """A cell as Excel stores a typed number: an int when whole, else a float."""
    value = float(text)
    return int(value) if value.is_integer() else value


def _sheet(ws: Any, title: str | None, header: list[list[str]], rows: list[list[Any]],
           merges: tuple[str, ...] = ()) -> None:
    if title:
        ws.append([title])
        ws.append([])
    for h in header:
        ws.append(h)
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)


def _workbook_of(shared: tuple[Path, Path], path: Path) -> Path:
    """The shared registry as an organiser's workbook: a notes sheet first, then the vendors under a title
    row with a two-row header (merged group cells "เบอร์โทร" over a landline and a mobile column, cells merged
    down), bilingual headers; then the catalogue with prices typed as numbers (35.0 stored as a float)."""
    vendors, products = _dicts(shared[0]), _dicts(shared[1])
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "คำอธิบาย"
    notes.append(["ทะเบียนงาน OTOP CITY ขอนแก่น ครั้งที่ 20"])
    notes.append(["แผ่นงานถัดไป: ผู้ประกอบการ และ สินค้า"])
    top = ["ลำดับ", "รหัสผู้ประกอบการ (Vendor code)", "Group / producer name", "ชื่อผู้ติดต่อ (Contact)",
           "ประเภทผลิตภัณฑ์ OTOP", "ระดับดาว", "อำเภอ", "จังหวัด", "เบอร์โทร", None, "บูธที่/ล็อค"]
    sub = [None] * 8 + ["โทรศัพท์บ้าน", "มือถือ", None]
    rows: list[list[Any]] = []
    for i, v in enumerate(vendors):
        phone = v["เบอร์โทร"]
        landline, mobile = [(phone, None), (None, phone), (phone, phone)][i % 3]
        if mobile and i % 2:
            mobile = int(mobile.replace("-", ""))  # typed as a number: Excel drops the leading 0
        rows.append([i + 1, v["รหัสผู้ประกอบการ"], v["ชื่อกลุ่ม/ผู้ประกอบการ"], v["ชื่อผู้ติดต่อ"],
                     v["ประเภทผลิตภัณฑ์"], _number(v["ระดับดาว"]), v["อำเภอ"], v["จังหวัด"], landline, mobile,
                     v["บูธ"]])
    merges = ["A1:K1", "I3:J3"] + [f"{c}3:{c}4" for c in "ABCDEFGHK"]
    _sheet(wb.create_sheet("ผู้ประกอบการ"), "ทะเบียนผู้ประกอบการ OTOP CITY ขอนแก่น", [top, sub], rows, tuple(merges))
    crows = [[p["รหัสผู้ประกอบการ"], p["รหัสสินค้า"], p["ชื่อสินค้า"], float(p["ราคา (บาท)"]),
              int(p["บาร์โค้ด"]) if p["บาร์โค้ด"] else None] for p in products]
    _sheet(wb.create_sheet("สินค้า (Products)"), None,
           [["รหัส OTOP ผู้ประกอบการ (Vendor code)", "รหัสสินค้า / SKU", "ชื่อสินค้า (Product name)",
             "ราคาขาย/หน่วย (บาท)", "บาร์โค้ด (EAN-13)"]], crows)
    wb.save(path)
    return path


def test_a_workbook_with_both_sheets_loads_the_same_registry_as_the_csv(shared: tuple[Path, Path],
                                                                        tmp_path: Path) -> None:
    book = _workbook_of(shared, tmp_path / "ทะเบียน OTOP.xlsx")
    clean, reg = load_registry(*shared), load_registry(book)
    assert (reg.encoding_vendors, reg.encoding_catalogue) == ("xlsx", "xlsx")
    assert without_lines(reg) == without_lines(clean)
    assert [v.line for v in reg.vendors[:2]] == [5, 6]  # rows of the sheet: title, blank, two header rows
    assert [(w.file, w.line, "title" in w.en) for w in reg.warnings] == [
        ("ทะเบียน OTOP.xlsx › ผู้ประกอบการ", 3, True)]
    # the same workbook renamed .csv (a mail client or a person did it) is still a workbook
    renamed = book.rename(tmp_path / "vendors.csv")
    assert without_lines(load_registry(renamed)) == without_lines(clean)
    # and a folder holding it alone is the whole registry
    assert find_registry_files(tmp_path) == (renamed, renamed)


def test_two_files_given_the_other_way_round_are_told_apart_by_their_headers(shared: tuple[Path, Path],
                                                                          tmp_path: Path) -> None:
    vendors, catalogue = shared
    a, b = tmp_path / "file1.csv", tmp_path / "file2.csv"  # names that say nothing
    a.write_bytes(catalogue.read_bytes())
    b.write_bytes(vendors.read_bytes())
    assert without_lines(load_registry(a, b)) == without_lines(load_registry(vendors, catalogue))


def test_landline_and_mobile_columns_keep_both_phones(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[0][8] = "โทรศัพท์บ้าน"
        rows[0].append("มือถือ (Mobile)")
        for r, mobile in zip(rows[1:], ["081-234-5678", "", "0891112222"]):
            r.append(mobile)
        rows[1][8], rows[3][8] = "043-123-456", "089-111-2222"  # row 3: the same number in both
    reg = load_registry(*make(tmp_path, vmod=v))
    assert [x.phone for x in reg.vendors] == ["043123456,0812345678", "0891112222", "0891112222"]
    assert reg.warnings == ()


def test_the_cp874_csv_with_english_headers_loads_the_same_registry(shared: tuple[Path, Path],
                                                                   tmp_path: Path) -> None:
    head = ["No.", "Vendor code", "Group / producer name", "Contact person", "Product type (OTOP)", "Star level",
            "District", "Province", "Tel.", "Booth / lock"]
    keys = ["รหัสผู้ประกอบการ", "ชื่อกลุ่ม/ผู้ประกอบการ", "ชื่อผู้ติดต่อ", "ประเภทผลิตภัณฑ์", "ระดับดาว", "อำเภอ",
            "จังหวัด", "เบอร์โทร", "บูธ"]
    vrows = [head] + [[str(i + 1)] + [v[k] for k in keys] for i, v in enumerate(_dicts(shared[0]))]
    chead = ["Vendor code", "SKU", "Product name", "Price per unit (THB)", "Barcode"]
    ckeys = ["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา (บาท)", "บาร์โค้ด"]
    crows = [chead] + [[p[k] for k in ckeys] for p in _dicts(shared[1])]
    vendors = write_csv(tmp_path / "vendors.csv", vrows, encoding="cp874")
    catalogue = write_csv(tmp_path / "catalogue.csv", crows, encoding="cp874")
    reg = load_registry(vendors, catalogue)
    assert (reg.encoding_vendors, reg.encoding_catalogue) == ("cp874", "cp874")
    assert without_lines(reg) == without_lines(load_registry(*shared)) and reg.warnings == ()


@pytest.mark.parametrize("vendor_head, catalogue_head", [
    ({1: "รหัส OTOP", 4: "ประเภทผลิตภัณฑ์ OTOP", 9: "บูธที่/ล็อค"}, {3: "ราคาขาย/หน่วย (บาท)"}),
    ({1: "รหัสผู้ประกอบการ (Vendor code)", 2: "Group / producer name", 9: "Booth no."},
     {0: "รหัสผู้ประกอบการ\nVendor code", 3: "Unit price (baht)"}),
    ({1: "Vendor ID", 2: "ชื่อกลุ่ม / ผู้ผลิต", 4: "ประเภท"}, {1: "รหัสสินค้า (SKU)", 3: "ราคา / หน่วย"}),
], ids=["thai-otop-units", "bilingual", "slashes"])
def test_headers_people_write_are_recognised(tmp_path: Path, vendor_head: dict[int, str],
                                            catalogue_head: dict[int, str]) -> None:
    def v(rows: list[list[str]]) -> None:
        for i, h in vendor_head.items():
            rows[0][i] = h

    def c(rows: list[list[str]]) -> None:
        for i, h in catalogue_head.items():
            rows[0][i] = h
    reg = load_registry(*make(tmp_path, vmod=v, cmod=c))
    (tmp_path / "plain").mkdir()
    assert without_lines(reg) == without_lines(load_registry(*make(tmp_path / "plain")))
    assert reg.warnings == ()


def test_a_header_that_could_mean_two_fields_is_reported_not_guessed(tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[0].append("ประเภทผู้ผลิต")
        rows[0].append("ประเภท")
        for r in rows[1:]:
            r += ["ชุมชน", "ชุมชน"]
    with pytest.raises(RegistryError) as info:
        load_registry(*make(tmp_path, vmod=v))
    [p] = info.value.problems
    assert (p.file, p.line, p.column) == ("vendors.csv", 1, "ประเภท")
    assert "could mean the product type or producer type" in p.en
    assert_bilingual(p)


def test_two_columns_of_one_field_merge_when_they_agree_and_are_reported_when_they_differ(
        tmp_path: Path) -> None:
    def v(rows: list[list[str]]) -> None:
        rows[0].append("ประเภท")
        for r, t in zip(rows[1:], ["Cloth and apparel", "", "non-food herbal"]):
            r.append(t)
    reg = load_registry(*make(tmp_path, vmod=v))
    assert [x.product_type for x in reg.vendors] == ["ผ้าและเครื่องแต่งกาย", "อาหาร", "สมุนไพรที่ไม่ใช่อาหาร"]

    def conflict(rows: list[list[str]]) -> None:
        v(rows)
        rows[2][-1] = "เครื่องดื่ม"
    (tmp_path / "b").mkdir()
    with pytest.raises(RegistryError) as info:
        load_registry(*make(tmp_path / "b", vmod=conflict))
    [p] = info.value.problems
    assert (p.file, p.line, p.column) == ("vendors.csv", 3, "ประเภท")
    assert p.en == ("The columns “ประเภทผลิตภัณฑ์” and “ประเภท” both mean the product type but differ: “อาหาร” "
                    "and “เครื่องดื่ม”.")


def _patch_member(path: Path, member: str, old: bytes, new: bytes) -> None:
    """Rewrite one member of a zip (openpyxl writes whole floats as integers; Excel files may hold 8.85E12)."""
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i.filename) for i in z.infolist()}
    assert old in members[member]
    members[member] = members[member].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)


def test_workbook_problems_name_the_sheet_row_and_column_letter(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "catalogue"
    ws.append(["Catalogue 2563"])
    ws.append(["vendor code", "sku", "product name", "price", "barcode"])
    ws.append(["KK-01", "KK-01-01", "ผ้าไหมมัดหมี่", 1190, 8856335556185])
    ws.append(["KK-01", 1001.0, "ผ้าพันคอ", 350.0, 8853930311348])
    ws.append(["KK-02", "KK-02-01", "ไส้กรอกอีสาน", "ห้าสิบ", None])
    path = tmp_path / "products.xlsx"
    wb.save(path)
    _patch_member(path, "xl/worksheets/sheet1.xml", b"<v>8853930311348</v>", b"<v>8.85393031E12</v>")
    vendors, _c = make(tmp_path)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, path)
    assert [(p.file, p.line, p.column) for p in info.value.problems] == [
        ("products.xlsx › catalogue", 4, "E (barcode)"), ("products.xlsx › catalogue", 5, "D (price)")]
    assert "spreadsheet turned the barcode into a number (“8.85393031E+12”)" in info.value.problems[0].en
    assert "Problem" not in str(info.value)  # printed as "file:line [column]: th / en"
    assert "products.xlsx › catalogue:4 [E (barcode)]" in str(info.value)


def test_a_float_code_and_price_from_excel_read_as_typed(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา (บาท)", "บาร์โค้ด", "จำนวน"])
    for row in (["KK-01", 1001, "ผ้าไหม", 35, 8856335556185, 12], ["KK-02", 1002, "ข้าว", 30.75, None, 4]):
        ws.append(row)
    path = tmp_path / "c.xlsx"
    wb.save(path)
    # Excel's own floats: a code 1001.0, a price 35.0 and a stock 12.0
    _patch_member(path, "xl/worksheets/sheet1.xml", b"<v>1001</v>", b"<v>1001.0</v>")
    _patch_member(path, "xl/worksheets/sheet1.xml", b"<v>35</v>", b"<v>35.0</v>")
    _patch_member(path, "xl/worksheets/sheet1.xml", b"<v>12</v>", b"<v>12.0</v>")
    vendors, _c = make(tmp_path)
    reg = load_registry(vendors, path)
    assert [(p.sku, p.price_satang, p.barcode, p.stock) for p in reg.products] == [
        ("1001", 3500, "8856335556185", 12), ("1002", 3075, None, 4)]


def test_a_stray_windows_thai_byte_in_a_utf8_file_is_reported_at_its_line(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    data = catalogue.read_bytes().split(b"\r\n")
    data[3] = data[3].replace("ไส้กรอก".encode(), "ไส้กรอก".encode() + "ก".encode("cp874"))
    catalogue.write_bytes(b"\r\n".join(data))
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, catalogue)
    [p] = info.value.problems
    assert (p.file, p.line) == ("catalogue.csv", 4) and "0xA1" in p.en and "“ก”" in p.en
    assert_bilingual(p)
    # a file that is really CP874 is read as CP874
    (tmp_path / "cp874").mkdir()
    _v, catalogue = make(tmp_path / "cp874")
    catalogue.write_bytes(catalogue.read_text(encoding="utf-8-sig").encode("cp874"))
    assert read_text(catalogue)[1] == "cp874"


def test_utf16_without_bom_is_read(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    text = vendors.read_text(encoding="utf-8-sig")
    vendors.write_bytes(text.encode("utf-16-le"))
    assert read_text(vendors) == (text, "utf-16-le")
    reg = load_registry(vendors, catalogue)
    assert len(reg.vendors) == 3


@pytest.mark.parametrize("content, words", [
    (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "old Excel (.xls) file, which cannot be read: open it in Excel and save "
                                          "it as .xlsx or CSV"),
    (b"PK\x03\x04" + b"\x00" * 100, "damaged"),
], ids=["xls", "broken-zip"])
def test_files_that_cannot_be_read_say_what_to_do(tmp_path: Path, content: bytes, words: str) -> None:
    vendors, catalogue = make(tmp_path)
    catalogue.write_bytes(content)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, catalogue)
    [p] = info.value.problems
    assert p.file == "catalogue.csv" and words in p.en
    assert_bilingual(p)


# --- folder mode names the closest file --------------------------------------------------------------

def _folder_problems(folder: Path) -> list[Problem]:
    with pytest.raises(RegistryError) as info:
        find_registry_files(folder)
    return info.value.problems


def _file_problems(vendors: Path, catalogue: Path) -> list[Problem]:
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, catalogue)
    return info.value.problems


def test_folder_mode_names_the_closest_file_and_the_columns_it_lacks(tmp_path: Path) -> None:
    def c(rows: list[list[str]]) -> None:
        rows[0][3] = "มูลค่า"  # not a price header
    vendors, catalogue = make(tmp_path, cmod=c)
    file_mode = _file_problems(vendors, catalogue)
    head, *rest = _folder_problems(tmp_path)
    assert "the closest is catalogue.csv" in head.en and "catalogue.csv" in head.th
    assert rest == file_mode  # exactly what the file mode says
    assert [(p.file, p.line, "price" in p.en) for p in rest] == [("catalogue.csv", 1, True)]


def test_folder_mode_reads_utf16_without_bom_and_a_renamed_workbook(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    vendors.write_bytes(vendors.read_text(encoding="utf-8-sig").encode("utf-16-be"))
    wb = openpyxl.Workbook()
    for row in csv.reader(io.StringIO(catalogue.read_text(encoding="utf-8-sig"))):
        wb.active.append(row)
    catalogue.unlink()
    wb.save(tmp_path / "สินค้า.csv")  # an .xlsx named .csv
    found = find_registry_files(tmp_path)
    assert found == (vendors, tmp_path / "สินค้า.csv")
    assert len(load_registry(*found).products) == 4


def test_folder_mode_names_an_unreadable_closest_file(tmp_path: Path) -> None:
    vendors, catalogue = make(tmp_path)
    catalogue.unlink()
    (tmp_path / "catalogue.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    head, why = _folder_problems(tmp_path)
    assert "the closest is catalogue.xls" in head.en
    assert why.file == "catalogue.xls" and "save it as .xlsx or CSV" in why.en


def test_no_file_at_all_says_so(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x01" * 64)
    problems = _folder_problems(tmp_path)
    assert [re.sub(r"\s+", " ", p.en) for p in problems] == [
        "No vendors registry file (CSV or Excel .xlsx) found in the folder.",
        "No catalogue registry file (CSV or Excel .xlsx) found in the folder."]


"""Registry cells as careless tools and pastes leave them: a formula a program wrote without its value, a cell
far longer than any value (each named at its cell, with no follow-on problems and the text never repeated),
and codes holding control or bidi characters, which a booth's export would repeat and the import refuses."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from otop_pos.core.errors import RegistryError
from otop_pos.exchange.registry_csv import load_registry
from tests.exchange.test_registry_csv import make

SHARED = Path(__file__).resolve().parents[2] / "resources" / "demo"


def test_a_formula_without_a_saved_value_is_named_at_its_cell_not_as_missing(tmp_path: Path) -> None:
    """openpyxl (like other programs that are not Excel) writes a formula without the value Excel would have
    saved: read as empty, the cell would be reported as "missing". It is named as a formula to open and save
    in Excel; a formula with a saved value reads as its value."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา (บาท)", "บาร์โค้ด"])
    ws.append(["KK-01", "KK-01-01", "ผ้าไหมมัดหมี่", 1190, None])
    ws.append(["KK-01", "KK-01-02", "=C2&\" ผืนเล็ก\"", "=D2/2", None])
    ws.append(["KK-02", "KK-02-01", "ข้าวฮาง", 60, None])
    path = tmp_path / "products.xlsx"
    wb.save(path)
    vendors, _c = make(tmp_path)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, path)
    problems = info.value.problems
    assert [(p.line, p.column) for p in problems] == [(3, "C (ชื่อสินค้า)"), (3, "D (ราคา (บาท))")], problems
    assert all("a formula without a saved value: open the file in Excel and save it" in p.en for p in problems)
    assert not any("missing" in p.en for p in problems)


def test_a_formula_with_its_saved_value_reads_as_the_value(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["รหัสผู้ประกอบการ", "รหัสสินค้า", "ชื่อสินค้า", "ราคา (บาท)", "บาร์โค้ด"])
    ws.append(["KK-01", "KK-01-01", "ผ้าไหมมัดหมี่", "=1000+190", None])
    ws.append(["KK-02", "KK-02-01", "ข้าวฮาง", 60, None])
    path = tmp_path / "products.xlsx"
    wb.save(path)
    # what Excel saves: the formula and the value it computed
    import zipfile
    with zipfile.ZipFile(path) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    assert b"<f>1000+190</f><v></v>" in sheet or b"<f>1000+190</f><v />" in sheet, sheet
    members["xl/worksheets/sheet1.xml"] = sheet.replace(b"<f>1000+190</f><v></v>", b"<f>1000+190</f><v>1190</v>") \
        .replace(b"<f>1000+190</f><v />", b"<f>1000+190</f><v>1190</v>")
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    vendors, _c = make(tmp_path)
    reg = load_registry(vendors, path)
    assert [(p.sku, p.price_satang) for p in reg.products] == [("KK-01-01", 119000), ("KK-02-01", 6000)]


@pytest.mark.parametrize("column, header_word, limit", [(4, "product type", "1,000"), (8, "phone", "32"),
                                                        (9, "booth", "16")])
def test_a_huge_cell_in_any_column_is_too_long_at_its_cell_and_never_repeated(
        tmp_path: Path, column: int, header_word: str, limit: str) -> None:
    with open(SHARED / "vendors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[3][column] = "ก" * 200_000
    vendors = tmp_path / "vendors.csv"
    with open(vendors, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, SHARED / "catalogue.csv")
    (p,) = info.value.problems
    assert (p.file, p.line, p.column) == ("vendors.csv", 4, rows[0][column])
    assert p.en == f"The {header_word} is 200,000 characters long; the app takes at most {limit}."
    assert len(str(info.value)) < 1000


@pytest.mark.parametrize("column, value, shown", [(1, "KK20-0003\u202e", "U+202E"), (9, "B0\x1b[8m03", "\\x1b"),
                                                  (1, "KK20-0003\x07", "\\x07")])
def test_a_code_with_control_or_bidi_characters_is_refused_at_its_cell(
        tmp_path: Path, column: int, value: str, shown: str) -> None:
    """A booth set up with such a code would write it into every export, and the import refuses it."""
    with open(SHARED / "vendors.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[3][column] = value
    vendors = tmp_path / "vendors.csv"
    with open(vendors, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(RegistryError) as info:
        load_registry(vendors, SHARED / "catalogue.csv")
    mine = [p for p in info.value.problems if p.file == "vendors.csv" and p.line == 4]
    assert mine and mine[0].column == rows[0][column], info.value.problems
    assert f"holds a character a code cannot hold ({shown})" in mine[0].en

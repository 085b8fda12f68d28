"""XLSX and CSV of the report read back: one sheet/file per breakdown, real numbers (baht format), frozen
headers, sums that match the JSON, Thai intact (UTF-8 with BOM), and no formula anywhere — vendor names
built to inject one stay text, numbers stay numbers."""
from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest

from otop_pos.reports.csv_out import write_figures_csv
from otop_pos.reports.figure_tables import figure_tables
from otop_pos.reports.model import figures_to_json
from otop_pos.reports.xlsx_out import BAHT_FORMAT, write_figures_xlsx
from tests.reports.figures_sample import INJECTIONS, sample_figures


@pytest.fixture(scope="module")
def fig():  # type: ignore[no-untyped-def]
    return sample_figures(40)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_xlsx_reads_back_as_the_json(fig, tmp_path: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "report.xlsx"
    write_figures_xlsx(fig, path, lang=lang)
    data = figures_to_json(fig)
    wb = openpyxl.load_workbook(path)
    tables = figure_tables(fig, lang)
    assert wb.sheetnames == [("รายงาน" if lang == "th" else "Report")] + [t.sheet for t in tables]
    for t in tables:
        ws = wb[t.sheet]
        assert ws.freeze_panes == "A2"
        assert [c.value for c in ws[1]] == [c.header for c in t.columns]
        assert ws.max_row == 1 + len(t.rows) + (1 if t.total is not None and t.rows else 0)
    vendors = wb[tables[1].sheet]
    body = list(vendors.iter_rows(min_row=2, max_row=1 + len(fig.by_vendor)))
    net_col = [c.header for c in tables[1].columns].index(tables[1].columns[8].header)
    nets = [row[net_col] for row in body]
    assert all(c.data_type == "n" and c.number_format == BAHT_FORMAT for c in nets)
    assert round(sum(c.value for c in nets) * 100) == data["key"]["net_satang"] == sum(
        v["net_satang"] for v in data["by_vendor"])
    total = vendors.cell(row=vendors.max_row, column=net_col + 1)
    assert round(total.value * 100) == data["key"]["net_satang"] and total.font.b
    types = wb[tables[2].sheet]
    assert [round(r[1].value * 100) for r in types.iter_rows(min_row=2, max_row=6)] == \
        [r["net_satang"] for r in data["by_product_type"]]
    assert types["C2"].number_format == "0.00%" and abs(types["C2"].value - data["by_product_type"][0]["share_bp"]
                                                       / 10000) < 1e-12
    if lang == "th":
        assert types["A3"].value == "เครื่องดื่ม" and types["A4"].value == "ผ้าและเครื่องแต่งกาย"
    else:
        assert types["A3"].value == "Drinks"
    # the injection names are text, as typed, with the quote-prefix style; nothing is a formula
    names = {row[2].value: row[2] for row in body}
    for bad in INJECTIONS:
        clean = bad.replace("\0", "").replace("\r", "\n")  # XML reads a bare CR back as LF
        assert clean in names, bad
        cell = names[clean]
        assert cell.data_type == "s" and cell.quotePrefix
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_csv_files_open_with_thai_and_stay_text(fig, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = write_figures_csv(fig, tmp_path / "csv")
    assert [p.name for p in paths] == [f"{t.slug}.csv" for t in figure_tables(fig, "th")]
    raw = (tmp_path / "csv" / "product_types.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "csv" / "product_types.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["ประเภทผลิตภัณฑ์", "รายได้สุทธิ (บาท)", "สัดส่วน (%)"]
    assert [r[0] for r in rows[1:]] == [r.key for r in fig.by_product_type]
    assert sum(round(float(r[1]) * 100) for r in rows[1:]) == fig.key.net_satang
    assert rows[1][1] == f"{fig.by_product_type[0].net_satang // 100}.{fig.by_product_type[0].net_satang % 100:02d}"
    with open(tmp_path / "csv" / "vendors.csv", encoding="utf-8-sig", newline="") as fh:
        vendors = list(csv.reader(fh))
    assert len(vendors) == 1 + len(fig.by_vendor)
    names = [r[2] for r in vendors[1:]]
    for bad in INJECTIONS:
        clean = bad.replace("\0", "")
        assert "'" + clean in names, bad
    assert all(not n or n[0] not in "=+-@\t\r\n" for n in names)
    assert all(r[8].replace(".", "").isdigit() for r in vendors[1:])  # numbers stay plain numbers
    with open(tmp_path / "csv" / "missing.csv", encoding="utf-8-sig", newline="") as fh:
        missing = list(csv.reader(fh))
    assert missing[1][:3] == ["2020-10-28", "B099", "KK20-0099"] and missing[1][3] == "'+66 ร้านไม่ส่ง"
    en = write_figures_csv(fig, tmp_path / "en", lang="en")
    assert en[2].read_text(encoding="utf-8-sig").splitlines()[0].startswith("Product type,Net income (baht)")

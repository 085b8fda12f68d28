"""The orders (ยอดสั่งจอง) in the organiser's files, from a fair whose two booths took, delivered (one after the
fair) and cancelled orders: the XLSX sheets come after the state schemes' and hold the fair's orders, per vendor
(code, booth, producer name), per product type and per day in baht as numbers (openpyxl); the CSV files hold the
same satang as plain decimals; the English PDF's section reads as the Thai one (pdftotext). A fair without orders
has none of it."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from otop_pos.core.clock import FixedClock
from otop_pos.core.money import format_baht
from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.store import open_fair_store
from otop_pos.reports.csv_out import write_figures_csv
from otop_pos.reports.figures_pdf import write_figures_pdf
from otop_pos.reports.model import Figures
from otop_pos.reports.xlsx_out import BAHT_FORMAT, write_figures_xlsx
from tests.fair.booths import LAST_DAY
from tests.fair.order_fair import AFTER, DAY2, VENDORS, OrderFair, build_order_fair
from tests.reports.figures_sample import sample_figures
from tests.reports.pdf_helpers import pdftotext

BOOTHS = {"KK20-0001": ("B001", "สุดา สุขประเสริฐ"), "KK20-0002": ("C002", "กลุ่มสตรีบ้านหนองแวง")}


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Figures, OrderFair, Figures]:
    root = tmp_path_factory.mktemp("order-outputs")
    store = open_fair_store(str(root / "fair.sqlite"))
    clock = FixedClock(datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc), step=timedelta(seconds=1))
    try:
        booths = build_order_fair(store, clock, root)
        f = compute_figures(store, clock=clock)
        cut = compute_figures(store, clock=clock, first=DAY2, last=DAY2)
    finally:
        store.dispose()

    def sold(x: Figures) -> Figures:
        return replace(x, by_vendor=tuple(v for v in x.by_vendor if v.code in VENDORS), missing=())

    return sold(f), booths, sold(cut)


def test_the_workbook_has_the_orders_sheets_after_the_schemes_with_baht_as_numbers(
        fair: tuple[Figures, OrderFair, Figures], tmp_path: Path) -> None:
    f, booths, _cut = fair
    total = booths.total()
    write_figures_xlsx(f, tmp_path / "report.xlsx", lang="th")
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    names = wb.sheetnames
    at = names.index("โครงการรัฐ รายวัน") + 1
    assert names[at:at + 4] == ["ยอดสั่งจอง", "ยอดสั่งจอง รายผู้ประกอบการ", "ยอดสั่งจอง ตามประเภท", "ยอดสั่งจอง รายวัน"]
    summary = list(wb["ยอดสั่งจอง"].iter_rows(values_only=True))
    assert summary[:7] == [
        ("รายการ", "จำนวน (ใบ)", "จำนวนเงิน (บาท)"),
        ("รับสั่งจอง", total["taken_count"], total["taken_satang"] / 100),
        ("เงินมัดจำที่รับ", None, total["deposits_satang"] / 100),
        ("ส่งมอบแล้ว", total["delivered_count"], total["delivered_satang"] / 100),
        ("ยกเลิก", total["cancelled_count"], None),
        ("คืนเงินมัดจำ", None, total["deposits_refunded_satang"] / 100),
        ("ยังไม่ส่งมอบ", total["open_count"], total["open_satang"] / 100)]
    assert summary[7] == ("ส่งมอบหลังวันงาน", 1, f.after_fair.delivered_satang / 100)
    assert wb["ยอดสั่งจอง"]["C2"].number_format == BAHT_FORMAT
    vendors = list(wb["ยอดสั่งจอง รายผู้ประกอบการ"].iter_rows(values_only=True))
    assert vendors[0][:5] == ("รหัส", "บูธ", "ชื่อผู้ประกอบการ", "รับสั่งจอง (ใบ)", "มูลค่าที่สั่ง (บาท)")
    keys = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
            "cancelled_count", "deposits_refunded_satang", "open_count", "open_satang")

    def cells(o: dict[str, int]) -> tuple[object, ...]:
        return tuple(o[k] / 100 if k.endswith("satang") else o[k] for k in keys)

    assert {r[0]: r for r in vendors[1:-1]} == {
        code: (code, *BOOTHS[code], *cells(o)) for code, o in booths.orders.items()}
    assert vendors[-1] == ("รวม", None, None, *cells(total))
    types = list(wb["ยอดสั่งจอง ตามประเภท"].iter_rows(values_only=True))
    assert types[0][0] == "ประเภทผลิตภัณฑ์" and {r[0] for r in types[1:-1]} == {
        PRODUCT_TYPE.name(k, "th") for k in f.orders_per_type}
    assert types[-1][3] == total["taken_satang"] / 100 and types[-1][1] is None   # values add up, counts do not
    days = list(wb["ยอดสั่งจอง รายวัน"].iter_rows(values_only=True))
    assert [(r[0].date(), r[1]) for r in days[1:-1]] == [
        (datetime.fromisoformat(d).date(), "หลังวันงาน" if d > LAST_DAY.isoformat() else None)
        for d in f.orders_per_day]
    assert days[-1][:4] == ("รวม", None, total["taken_count"], total["taken_satang"] / 100)
    assert days[-1][-2:] == (None, None)   # the open orders are each day's end: they do not add up


def test_the_csv_files_hold_the_same_satang(fair: tuple[Figures, OrderFair, Figures], tmp_path: Path) -> None:
    f, booths, _cut = fair
    paths = {p.name: p for p in write_figures_csv(f, tmp_path / "csv", lang="en")}

    def read(name: str) -> list[list[str]]:
        with open(paths[name], encoding="utf-8-sig", newline="") as fh:
            return list(csv.reader(fh))

    def baht(satang: int) -> str:
        return f"{satang // 100}.{satang % 100:02d}"

    total = booths.total()
    rows = read("orders.csv")
    assert rows[0] == ["Item", "Orders", "Amount (baht)"]
    assert rows[1] == ["Taken", str(total["taken_count"]), baht(total["taken_satang"])]
    assert rows[6] == ["Open (not delivered)", str(total["open_count"]), baht(total["open_satang"])]
    vendors = read("orders_vendors.csv")
    assert vendors[0] == ["Code", "Booth", "Vendor", "Taken (orders)", "Taken (baht)", "Deposits (baht)",
                          "Delivered (orders)", "Delivered (baht)", "Cancelled (orders)", "Deposits refunded (baht)",
                          "Open (orders)", "Open (baht)"]
    assert len(vendors) == 3   # no total row in a CSV file
    for row in vendors[1:]:
        o = booths.orders[row[0]]
        assert row[3:] == [str(o["taken_count"]), baht(o["taken_satang"]), baht(o["deposits_satang"]),
                           str(o["delivered_count"]), baht(o["delivered_satang"]), str(o["cancelled_count"]),
                           baht(o["deposits_refunded_satang"]), str(o["open_count"]), baht(o["open_satang"])]
    types = read("orders_types.csv")
    assert {r[0] for r in types[1:]} == {PRODUCT_TYPE.name(k, "en") for k in f.orders_per_type}
    days = {r[0]: r for r in read("orders_days.csv")[1:]}
    assert days[AFTER.isoformat()][1] == "after the fair"
    assert days[AFTER.isoformat()][6] == baht(f.after_fair.delivered_satang)


def test_the_english_pdf_has_the_orders_section(fair: tuple[Figures, OrderFair, Figures], tmp_path: Path) -> None:
    f, booths, _cut = fair
    write_figures_pdf(f, tmp_path / "report.pdf", lang="en")
    lines = [" ".join(line.split()) for line in pdftotext(tmp_path / "report.pdf").splitlines()]
    at = next(i for i, line in enumerate(lines) if line.endswith(". Orders"))
    part = [line for line in lines[at:at + 90] if line]
    total = booths.total()
    assert f"Taken {total['taken_count']} {format_baht(total['taken_satang'])}" in part
    assert f"Open (not delivered) {total['open_count']} {format_baht(total['open_satang'])}" in part
    assert any(line.startswith("After the fair (after 1 Nov 2020): 1 delivered, ") for line in part)
    assert any(line.startswith("3 Nov 2020 (after the fair) 0 0.00 0.00 1 ") for line in part)


def test_a_fair_without_orders_has_no_orders_section_sheet_or_file(tmp_path: Path) -> None:
    f = sample_figures(3)
    write_figures_xlsx(f, tmp_path / "report.xlsx", lang="en")
    assert not [n for n in openpyxl.load_workbook(tmp_path / "report.xlsx").sheetnames if "Orders" in n]
    assert not [p for p in write_figures_csv(f, tmp_path / "csv") if p.name.startswith("orders")]


def test_a_report_of_one_day_has_that_days_orders_and_no_after_the_fair_line(
        fair: tuple[Figures, OrderFair, Figures], tmp_path: Path) -> None:
    _f, _booths, cut = fair
    write_figures_pdf(cut, tmp_path / "day2.pdf", lang="th")
    lines = [" ".join(line.split()) for line in pdftotext(tmp_path / "day2.pdf").splitlines()]
    at = next(i for i, line in enumerate(lines) if line.endswith(". ยอดสั่งจอง"))
    part = [line for line in lines[at:at + 60] if line]
    o = cut.orders
    assert list(cut.orders_per_day) == [DAY2.isoformat()] and o["taken_count"] == 2
    assert f"รับสั่งจอง 2 {format_baht(o['taken_satang'])}" in part
    assert f"ยังไม่ส่งมอบ {o['open_count']} {format_baht(o['open_satang'])}" in part
    assert not [line for line in part if line.startswith("หลังวันงาน")]
    assert not [line for line in part if "(หลังวันงาน)" in line]

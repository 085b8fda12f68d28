"""The spending brought by the state schemes in the organiser's files, from a fair whose two booths sold
through คนละครึ่ง and the welfare card: the Thai PDF has the section with each scheme's Thai and English names,
its spending, the state's and the customers' shares, its share of the net income, its vendors and its days,
exactly as the booths counted them (read back with pdftotext); the XLSX sheets (openpyxl) and the CSV files hold
the same satang."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import openpyxl
import pytest

from otop_pos.core.clock import FixedClock
from otop_pos.core.money import format_baht
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.store import open_fair_store
from otop_pos.reports.csv_out import write_figures_csv
from otop_pos.reports.figures_pdf import write_figures_pdf
from otop_pos.reports.model import Figures
from otop_pos.reports.xlsx_out import write_figures_xlsx
from tests.fair.booths import FIRST_DAY
from tests.fair.scheme_fair import DAY2, SchemeFair, build_scheme_fair, minus, summed
from tests.reports.pdf_helpers import pdftotext

NAMES = {"copay": ("คนละครึ่ง", "Half-half co-payment"), "welfare": ("บัตรสวัสดิการแห่งรัฐ", "State welfare card")}
BOOTHS = {"KK20-0001": ("B001", "สุดา สุขประเสริฐ"), "KK20-0002": ("C002", "กลุ่มสตรีบ้านหนองแวง")}


@pytest.fixture(scope="module")
def fair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Figures, SchemeFair]:
    root = tmp_path_factory.mktemp("scheme-outputs")
    store = open_fair_store(str(root / "fair.sqlite"))
    clock = FixedClock(datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc), step=timedelta(seconds=1))
    try:
        booths = build_scheme_fair(store, clock, root)
        f = compute_figures(store, clock=clock)
    finally:
        store.dispose()
    # the two vendors that sold, without the 122 registered ones that did not (their annex and missing days
    # take the PDF 20 s to lay out; the schemes' part is the same)
    return replace(f, by_vendor=tuple(v for v in f.by_vendor if v.net_satang), missing=()), booths


def whole(sh: dict[str, int]) -> int:
    return sh["customer_satang"] + sh["state_satang"]


def pct(part: int, net: int) -> str:
    return f"{round(10000 * part / net) / 100:.2f}%"


def squeezed(text: str) -> list[str]:
    """The extracted lines with runs of spaces made one."""
    return [" ".join(line.split()) for line in text.splitlines()]


def test_the_thai_pdf_shows_each_schemes_spending_shares_vendors_and_days(
        fair: tuple[Figures, SchemeFair], tmp_path: Path) -> None:
    f, booths = fair
    write_figures_pdf(f, tmp_path / "report.pdf", lang="th")
    lines = squeezed(pdftotext(tmp_path / "report.pdf"))
    net = sum(booths.net.values())
    assert net == f.key.net_satang
    total = summed(booths.final)
    assert any(line.endswith(". ยอดใช้จ่ายผ่านโครงการรัฐ") for line in lines)
    every = sum(whole(sh) for sh in total.values())
    state = sum(sh["state_satang"] for sh in total.values())
    assert f"ยอดใช้จ่ายผ่านโครงการรัฐ (บาท) ส่วนที่รัฐจ่าย (บาท) สัดส่วนโครงการรัฐต่อรายได้สุทธิ" in lines   # the cards
    assert f"{format_baht(every)} {format_baht(state)} {pct(every, net)}" in lines
    assert f"รวม {format_baht(every)} {format_baht(state)} {format_baht(every - state)} {pct(every, net)}" in lines
    day1, day2 = summed(booths.day1), minus(total, summed(booths.day1))
    for i, (code, (th, en)) in enumerate(NAMES.items(), 1):
        sh = total[code]
        assert f"{th} {format_baht(whole(sh))} {format_baht(sh['state_satang'])} " \
               f"{format_baht(sh['customer_satang'])} {pct(whole(sh), net)}" in lines
        at = lines.index(f"{i}) {th} / {en}")
        assert lines[at + 1] == (f"ยอดใช้จ่าย {format_baht(whole(sh))} บาท คิดเป็น {pct(whole(sh), net)} ของรายได้สุทธิ: "
                                 f"รัฐจ่าย {format_baht(sh['state_satang'])} บาท "
                                 f"ลูกค้าจ่าย {format_baht(sh['customer_satang'])} บาท")
        part = lines[at:at + 30]
        for vendor, shares in booths.final.items():
            v = shares[code]
            row = f"{BOOTHS[vendor][0]} {BOOTHS[vendor][1]} ({vendor}) {format_baht(whole(v))} " \
                  f"{format_baht(v['state_satang'])} {format_baht(v['customer_satang'])}"
            assert (row in part) == bool(whole(v)), row
        for label, d in (("26 ต.ค. 2563", day1[code]), ("27 ต.ค. 2563", day2[code]), ("28 ต.ค. 2563", None)):
            d = d or {"customer_satang": 0, "state_satang": 0}
            assert f"{label} {format_baht(whole(d))} {format_baht(d['state_satang'])} " \
                   f"{format_baht(d['customer_satang'])}" in part


def test_the_workbook_and_the_csv_files_hold_the_same_figures(fair: tuple[Figures, SchemeFair],
                                                              tmp_path: Path) -> None:
    f, booths = fair
    total, net = summed(booths.final), f.key.net_satang
    write_figures_xlsx(f, tmp_path / "report.xlsx", lang="th")
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    names = wb.sheetnames
    assert names[names.index("ช่องทางชำระเงิน") + 1:names.index("ช่องทางชำระเงิน") + 4] == [
        "โครงการรัฐ", "โครงการรัฐ รายผู้ประกอบการ", "โครงการรัฐ รายวัน"]
    rows = list(wb["โครงการรัฐ"].iter_rows(values_only=True))
    assert rows[0] == ("โครงการ", "รหัส", "ยอดใช้จ่าย (บาท)", "ส่วนที่รัฐจ่าย (บาท)", "ส่วนที่ลูกค้าจ่าย (บาท)",
                       "สัดส่วนของรายได้สุทธิ (%)")
    for row, code in zip(rows[1:3], NAMES):
        sh = total[code]
        assert row[:5] == (NAMES[code][0], code, whole(sh) / 100, sh["state_satang"] / 100,
                           sh["customer_satang"] / 100)
        assert row[5] == pytest.approx(round(10000 * whole(sh) / net) / 10000)
    vendors = list(wb["โครงการรัฐ รายผู้ประกอบการ"].iter_rows(values_only=True))[1:]
    assert {(r[0], r[1]): r[4:] for r in vendors[:-1]} == {
        (NAMES[code][0], v): (whole(sh[code]) / 100, sh[code]["state_satang"] / 100, sh[code]["customer_satang"] / 100)
        for v, sh in booths.final.items() for code in NAMES if whole(sh[code])}
    days = list(wb["โครงการรัฐ รายวัน"].iter_rows(values_only=True))[1:-1]
    assert len(days) == 2 * 7 and days[0][1].date() == FIRST_DAY
    day2 = minus(total, summed(booths.day1))
    assert days[1][:2] == (NAMES["copay"][0], datetime.combine(DAY2, datetime.min.time()))
    assert days[1][2:] == (whole(day2["copay"]) / 100, day2["copay"]["state_satang"] / 100,
                           day2["copay"]["customer_satang"] / 100)

    paths = {p.name: p for p in write_figures_csv(f, tmp_path / "csv", lang="en")}
    with open(paths["schemes.csv"], encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[0] == ["Scheme", "Code", "Spending (baht)", "State's share (baht)", "Customers' share (baht)",
                      "Share of net income (%)"]
    assert got[1][:5] == ["Half-half co-payment", "copay", f"{whole(total['copay']) / 100:.2f}",
                          f"{total['copay']['state_satang'] / 100:.2f}", f"{total['copay']['customer_satang'] / 100:.2f}"]
    with open(paths["schemes_days.csv"], encoding="utf-8-sig", newline="") as fh:
        per_day = {(r[0], r[1]): r[2:] for r in list(csv.reader(fh))[1:]}
    assert per_day["State welfare card", FIRST_DAY.isoformat()] == [
        f"{whole(booths.day1['KK20-0002']['welfare']) / 100:.2f}",
        f"{booths.day1['KK20-0002']['welfare']['state_satang'] / 100:.2f}", "0.00"]
    assert "schemes_vendors.csv" in paths

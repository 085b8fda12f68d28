"""The organiser report as an XLSX workbook: one sheet per breakdown, baht as numbers, frozen headers.

The first sheet says what the report is (fair, venue, period, printed); every other sheet has its column
headers in row 1 (frozen, with a filter), one row per line of the breakdown and, where it adds up, a bold
total row (a number, never a formula). Baht are numbers (satang / 100) formatted ``#,##0.00``, shares are
fractions formatted ``0.00%``, counts ``#,##0``; dates and times (Bangkok) are real dates.

Nothing in the workbook is a formula: every text cell is written as a string cell, with the "quote prefix"
style when it starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR, LF), so a producer named
``=HYPERLINK(…)`` shows as typed and stays text even when the cell is edited (OWASP formula injection).
"""
from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from otop_pos.core.thaidate import format_en_date, format_thai_date, to_bangkok
from otop_pos.reports.figure_tables import Column, FigureTable, Value, text
from otop_pos.reports.model import Figures
from otop_pos.reports.order_tables import report_tables
from otop_pos.reports.safe_cells import is_dangerous, safe_text
from otop_pos.reports.thai_pdf import atomic_output

__all__ = ["write_figures_xlsx", "BAHT_FORMAT"]

BAHT_FORMAT = "#,##0.00"
COUNT_FORMAT = "#,##0"
PCT_FORMAT = "0.00%"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")
_WIDTH = {"text": 16, "int": 11, "baht": 17, "pct": 11, "date": 12, "datetime": 17}


def _text_cell(ws: Any, value: str, font: Font | None = None) -> WriteOnlyCell:
    """A string cell that can never be a formula."""
    clean = safe_text(value)
    if clean.startswith("'") and not value.startswith("'"):
        clean = clean[1:]  # the quote-prefix style does the apostrophe's job, the text stays as typed
    cell = WriteOnlyCell(ws, value=clean)
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    if is_dangerous(value):
        cell.alignment = Alignment(horizontal="left")
        cell.quotePrefix = True
    return cell


def _cell(ws: Any, col: Column, value: Value, font: Font | None = None) -> WriteOnlyCell:
    if value is None:
        cell = WriteOnlyCell(ws, value=None)
    elif isinstance(value, str):
        return _text_cell(ws, value, font)
    elif col.kind == "baht" and isinstance(value, int):
        cell = WriteOnlyCell(ws, value=value / 100)
        cell.number_format = BAHT_FORMAT
    elif col.kind == "pct" and isinstance(value, int):
        cell = WriteOnlyCell(ws, value=value / 10000)
        cell.number_format = PCT_FORMAT
    elif isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=to_bangkok(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
    else:
        cell = WriteOnlyCell(ws, value=int(value))
        cell.number_format = COUNT_FORMAT
    if font is not None:
        cell.font = font
    return cell


def _sheet(wb: Workbook, table: FigureTable) -> None:
    ws = wb.create_sheet(table.sheet)
    ws.freeze_panes = "A2"
    for i, col in enumerate(table.columns, 1):
        longest = max([len(col.header)] + [len(str(r[i - 1])) for r in table.rows[:200] if isinstance(r[i - 1], str)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(_WIDTH[col.kind], longest * 1.1 + 2))
    head = []
    for col in table.columns:
        cell = _text_cell(ws, col.header, _BOLD)
        cell.fill = _HEAD_FILL
        head.append(cell)
    ws.append(head)
    for row in table.rows:
        ws.append([_cell(ws, c, v) for c, v in zip(table.columns, row)])
    if table.total is not None and table.rows:
        ws.append([_cell(ws, c, v, _BOLD) for c, v in zip(table.columns, table.total)])
    last = len(table.rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{last}"


def _about(wb: Workbook, f: Figures, lang: str) -> None:
    th = lang == "th"
    ws = wb.create_sheet("รายงาน" if th else "Report")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 70
    when = (lambda d: format_thai_date(d, short=False)) if th else format_en_date
    period = f"{when(f.period.first)} – {when(f.period.last)}"
    printed = format_thai_date(f.printed_at) if th else format_en_date(f.printed_at)
    title = "สรุปผลการจำหน่ายสินค้า" if th else "Sales summary"
    rows = [(title, ""), ("งาน" if th else "Fair", f.fair_name), ("สถานที่" if th else "Venue", f.venue),
            ("จังหวัดเจ้าภาพ" if th else "Host province", f.host_province),
            ("ระหว่างวันที่" if th else "Period", period), ("พิมพ์เมื่อ" if th else "Printed", printed),
            ("หน่วย" if th else "Units", "บาท; จำนวนเงินเป็นรายได้สุทธิ = ยอดขาย − ยกเลิก − คืนเงิน" if th
             else "baht; income is net = sales − voids − refunds")]
    for k, (label, value) in enumerate(rows):
        ws.append([_text_cell(ws, label, _BOLD), _text_cell(ws, value, _BOLD if k == 0 else None)])


def write_figures_xlsx(f: Figures, path: str | os.PathLike[str], lang: str = "th") -> None:
    """Write ``f`` as an XLSX workbook at ``path`` (atomically); text cells are safe from formula injection."""
    wb = Workbook(write_only=True)
    wb.properties.title = f"{text(lang)['summary']} – {f.fair_name}"
    wb.properties.creator = "otop-pos"
    _about(wb, f, lang)
    for table in report_tables(f, lang):
        _sheet(wb, table)
    with atomic_output(path) as tmp:
        wb.save(tmp)

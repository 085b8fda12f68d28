"""Reading an Excel workbook (.xlsx, also when renamed .csv) into rows of text cells, sheet by sheet.

openpyxl in read-only mode with the values Excel last computed. Cells become the text a person sees:
whole numbers that Excel stores as floats lose their ".0" (prices 35.0 → "35", codes 1001.0 → "1001"),
other numbers keep 15 significant digits (30.75), dates are ISO ("2020-10-26"). A whole-number float of 11
digits or more is written in scientific form ("8.8501234E+12"): such a number (a barcode the spreadsheet
turned into a number) has lost its digits, and the barcode check says so; a barcode stored as an integer is
recovered exactly. The zip is checked for size before openpyxl opens it. A formula with no saved value (a
workbook written by a program, not Excel) is named at its cell: open the file in Excel and save it.
"""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from otop_pos.core.errors import Problem, RegistryError

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
_BIG_FLOAT = 1e11  # whole floats from here on print in scientific form (no digits are invented)


def cell_text(value: Any) -> str:
    """The text of one cell value as a person reads it in Excel."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < _BIG_FLOAT:
            return str(int(value))
        if value.is_integer():
            mantissa, exponent = f"{value:.14E}".split("E")
            return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"
        return format(value, ".15G")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _refuse(path: Path, th: str, en: str) -> RegistryError:
    return RegistryError([Problem(path.name, 1, "", th, en)])


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _has_formulas(z: zipfile.ZipFile) -> bool:
    """Whether any worksheet of the workbook holds a formula (its XML has an ``<f>`` element)."""
    for info in z.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        with z.open(info) as fh:
            tail = b""
            while chunk := fh.read(1 << 20):
                if _FORMULA_TAG.search(tail + chunk):
                    return True
                tail = chunk[-32:]
    return False


def _unsaved_formulas(data: bytes) -> list[set[tuple[int, int]]]:
    """Per worksheet, the (row number, 0-based column) of every formula cell, read without the values Excel
    saved (``read_workbook`` keeps those that have none)."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        out: list[set[tuple[int, int]]] = []
        for ws in wb.worksheets:
            if not hasattr(ws, "iter_rows"):
                continue
            ws.reset_dimensions()
            out.append({(number, i) for number, values in enumerate(ws.iter_rows(values_only=True), start=1)
                        if number <= MAX_ROWS for i, v in enumerate(values[:MAX_COLUMNS]) if v is not None})
        return out
    finally:
        wb.close()


Sheets = list[tuple[str, list[tuple[int, list[str]]], set[tuple[int, int]]]]


def read_workbook(path: Path, data: bytes) -> Sheets:
    """(sheet title, [(row number, cells as text)], formula cells without a saved value) of every worksheet,
    in workbook order. A formula cell has no saved value when the workbook was written by a program, not
    Excel: it reads as empty, and its (row number, 0-based column) says why.
    ``RegistryError`` when the zip is not a workbook, is damaged or unpacks too big."""
    import openpyxl  # a large import: only when a workbook is read

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            unzipped = sum(i.file_size for i in z.infolist())
            formulas = unzipped <= MAX_UNZIPPED_BYTES and "xl/workbook.xml" in names and _has_formulas(z)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse(path, "ไฟล์ zip/Excel นี้เสียหาย อ่านไม่ได้", "This zip/Excel file is damaged and cannot be read.") \
            from None
    if "xl/workbook.xml" not in names:
        raise _refuse(path, "ไฟล์นี้เป็นไฟล์ zip ที่ไม่ใช่ Excel (.xlsx) ไม่ใช่ไฟล์ทะเบียน",
                      "This is a zip file that is not an Excel workbook (.xlsx), not a registry.")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise _refuse(path, "ไฟล์ Excel นี้ใหญ่เกินกว่าจะเป็นไฟล์ทะเบียน", "This workbook is too big to be a registry.")
    sheets: Sheets = []
    try:
        with_formulas = _unsaved_formulas(data) if formulas else []
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for ws in wb.worksheets:
                if not hasattr(ws, "iter_rows"):
                    continue  # a chart sheet
                ws.reset_dimensions()  # some writers store a wrong sheet size
                rows: list[tuple[int, list[str]]] = []
                by_row: dict[int, list[int]] = {}
                for number, i in with_formulas[len(sheets)] if len(sheets) < len(with_formulas) else ():
                    by_row.setdefault(number, []).append(i)
                unsaved: set[tuple[int, int]] = set()
                for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
                    if number > MAX_ROWS:
                        raise _refuse(path, f"แผ่นงาน {ws.title} มีเกิน {MAX_ROWS:,} แถว",
                                      f"The sheet {ws.title} has more than {MAX_ROWS:,} rows.")
                    cells = values[:MAX_COLUMNS]
                    rows.append((number, [cell_text(v) for v in cells]))
                    # a formula cell read as None has no saved value
                    unsaved.update((number, i) for i in by_row.get(number, ()) if i >= len(cells) or cells[i] is None)
                sheets.append((str(ws.title), rows, unsaved))
        finally:
            wb.close()
    except RegistryError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _refuse(path, f"อ่านไฟล์ Excel นี้ไม่ได้ ({type(exc).__name__}) เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
                      f"This workbook cannot be read ({type(exc).__name__}): open it in Excel and save it again "
                      "as .xlsx.") from None
    return sheets

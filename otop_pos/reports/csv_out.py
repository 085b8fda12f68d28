"""The organiser report as CSV files (UTF-8 with BOM, so Excel opens Thai correctly), one per breakdown.

Baht are written as plain decimal numbers ("1234.50", from integer satang, no thousands separator),
percentages as "12.34", dates as ISO 8601 (YYYY-MM-DD; times in Bangkok, "YYYY-MM-DD HH:MM"). Every text
cell goes through ``safe_cells.safe_text``: nothing a vendor typed can become a formula. No total rows: the
files are for further calculation.
"""
from __future__ import annotations

import csv
import os
from datetime import date, datetime
from pathlib import Path

from otop_pos.core.outfiles import make_folder
from otop_pos.core.thaidate import to_bangkok
from otop_pos.reports.figure_tables import Column, Value
from otop_pos.reports.model import Figures
from otop_pos.reports.order_tables import report_tables
from otop_pos.reports.safe_cells import safe_text
from otop_pos.reports.thai_pdf import atomic_output

__all__ = ["write_figures_csv", "csv_cell"]


def _decimal(value: int) -> str:
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 100)
    return f"{sign}{whole}.{frac:02d}"


def csv_cell(col: Column, value: Value) -> str:
    """One cell as CSV text: numbers plain, dates ISO, text neutralised against formula injection."""
    if value is None:
        return ""
    if col.kind in ("baht", "pct") and isinstance(value, int):
        return _decimal(value)
    if isinstance(value, datetime):
        return to_bangkok(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return safe_text(str(value))


def write_figures_csv(f: Figures, out_dir: str | os.PathLike[str], lang: str = "th") -> list[Path]:
    """Write one CSV per breakdown (``vendors.csv``, ``product_types.csv``, …) into ``out_dir`` (created when
    missing), each file atomically; returns the paths written."""
    folder = make_folder(out_dir)
    written: list[Path] = []
    for table in report_tables(f, lang):
        path = folder / f"{table.slug}.csv"
        with atomic_output(path) as tmp:
            with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
                out = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
                out.writerow([safe_text(c.header) for c in table.columns])
                for row in table.rows:
                    out.writerow([csv_cell(c, v) for c, v in zip(table.columns, row)])
        written.append(path)
    return written

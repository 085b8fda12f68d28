"""Checks of a verified export against what the fair store keeps, made before anything of it is written.

Text cells of an export may be up to ``export_rows.MAX_TEXT`` characters, but each lands in a column of the
fair store with its own length (the booth's store has the same lengths, and the booth cuts what it writes to
them). A longer text — so not written by the booth app — is refused here with the file, the document and
the field, on SQLite as on PostgreSQL (which would otherwise stop the write with "value too long"). The
lengths are read from the fair store's tables (``fair.rows.SPECS``): declared once, in the store.
"""
from __future__ import annotations

from functools import cache

from sqlalchemy import String

from otop_pos.core.errors import ImportRefused
from otop_pos.exchange.export_model import ExportData
from otop_pos.exchange.export_rows import TABLES
from otop_pos.fair.rows import SPECS

__all__ = ["text_limits", "check_text"]


@cache
def text_limits() -> tuple[tuple[str, str, int], ...]:
    """(data attribute, field, length) of every export text field that fills a fair-store column with a length."""
    out = []
    for spec in SPECS.values():
        _cls, attr, cells = TABLES[spec.member]
        names = {name for name, kind in cells if kind == "text"}
        for col in spec.sa_table.columns:
            if col.name in names and isinstance(col.type, String) and col.type.length:
                out.append((attr, col.name, int(col.type.length)))
    return tuple(out)


def _document(data: ExportData, attr: str, row: object) -> str:
    number = getattr(row, "number", None)
    if number is None:
        sale = getattr(row, "sale_uuid", "")
        number = next((s.number for s in data.sales if s.uuid == sale), sale)
    return str(number)[:40]


def check_text(data: ExportData, file_name: str) -> None:
    """ImportRefused("limits") naming file, document and field when a text is longer than its column."""
    for attr, name, length in text_limits():
        rows = getattr(data, attr)
        if not rows or max(len(getattr(r, name) or "") for r in rows) <= length:
            continue
        row = next(r for r in rows if len(getattr(r, name) or "") > length)
        doc, n = _document(data, attr, row), len(getattr(row, name))
        raise ImportRefused(
            f"{file_name}: เอกสาร {doc} มี {name} ยาว {n:,} ตัวอักษร เกินกว่าที่ระบบเก็บได้ (สูงสุด {length} ตัวอักษร)",
            f"{file_name}: document {doc} has a {name} of {n:,} characters, more than the store keeps "
            f"(at most {length}).", "limits")

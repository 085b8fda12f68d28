"""Reading one registry file into rows of text cells: a CSV file (any encoding and delimiter organisers use) or
an Excel workbook (``registry_xlsx``), whatever the file is named.

CSV text: UTF-8 with or without BOM, CP874/TIS-620 (Excel "CSV" on Thai Windows), UTF-16 with a BOM or
without one (recognised by its zero bytes); a UTF-8 file with a few stray Windows-Thai bytes is refused
naming the line of each. Comma, semicolon, tab or pipe delimiters are sniffed from the header. A zip
(an .xlsx, also renamed .csv) is read as a workbook; an old .xls, an .ods or a PDF is refused with what to do.
"""
from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from otop_pos.core.errors import Problem, RegistryError
from otop_pos.exchange.registry_headers import HEADER_SEARCH_ROWS, Column, Header, find_header

MAX_FILE_BYTES = 20 * 1024 * 1024  # a registry file is never bigger (the largest fair's is under 1 MB)
DELIMITERS = (",", ";", "\t", "|")
ZIP_MAGIC = b"PK\x03\x04"

_BINARY_MAGIC = {
    b"\xd0\xcf\x11\xe0": ("ไฟล์ Excel แบบเก่า (.xls)", "an old Excel (.xls) file"),
    b"%PDF": ("ไฟล์ PDF", "a PDF file"),
}


class BrokenQuotes(Exception):
    """Unbalanced or misplaced quote marks in the record that starts on ``line``."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Sheet:
    """The rows of one table: ``file`` as problems name it ("vendors.csv", "ทะเบียน.xlsx › สินค้า"),
    the encoding ("utf-8", "cp874", … or "xlsx"), (line, cells) of every row read, broken quoting that
    stopped the reading, whether columns are named by letter (a workbook), and a workbook's formula cells
    that have no saved value."""

    file: str
    encoding: str
    rows: list[tuple[int, list[str]]]
    broken: BrokenQuotes | None = None
    letters: bool = False
    unsaved: set[tuple[int, int]] = field(default_factory=set)  # (line, column) of formulas with no saved value

    def head(self) -> list[tuple[int, list[str]]]:
        """The first non-blank rows, where the header is looked for."""
        out = []
        for line, cells in self.rows:
            if any(c.strip() for c in cells):
                out.append((line, cells))
                if len(out) >= HEADER_SEARCH_ROWS + 1:
                    break
        return out


def _problem(path: Path, th: str, en: str, line: int = 1) -> RegistryError:
    return RegistryError([Problem(path.name, line, "", th, en)])


def read_bytes(path: Path) -> bytes:
    """The bytes of a registry file; ``RegistryError`` when it is missing, unreadable or too big."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _problem(path, f"ไฟล์ใหญ่เกินไป (เกิน {MAX_FILE_BYTES // 1024 // 1024} MB) ไม่ใช่ไฟล์ทะเบียน",
                           f"The file is too big (over {MAX_FILE_BYTES // 1024 // 1024} MB) to be a registry.")
        return path.read_bytes()
    except FileNotFoundError:
        raise _problem(path, f"ไม่พบไฟล์ {path}", f"The file {path} does not exist.") from None
    except OSError as exc:
        raise _problem(path, f"เปิดไฟล์ {path} ไม่ได้ ({exc.strerror or exc})",
                       f"Cannot open {path} ({exc.strerror or exc}).") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when ``data`` looks like UTF-16 text without a BOM (Thai or ASCII)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    high = set(b"\x00\x0e")  # the high byte of ASCII and of Thai characters
    if sum(b in high for b in odd) > 0.9 * len(odd):
        return "utf-16-le"
    if sum(b in high for b in even) > 0.9 * len(even):
        return "utf-16-be"
    return None


def _stray_bytes(path: Path, data: bytes, *, always: bool = False) -> RegistryError | None:
    """An error naming the line of each byte that is not UTF-8, when the file is UTF-8 apart from a few
    (a Windows-Thai character typed into a UTF-8 file) or says it is UTF-8 (``always``: a BOM); None when
    the file is not mostly UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if not bad or (good < 4 * bad and not always):
        return None
    problems = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.decode("utf-8", errors="replace")
        if "\ufffd" in line:
            pos = line.index("\ufffd")
            raw_bytes = raw.decode("utf-8", errors="surrogateescape")
            byte = next((ord(ch) - 0xDC00 for ch in raw_bytes if 0xDC80 <= ord(ch) <= 0xDCFF), 0)
            as_thai = bytes([byte]).decode("cp874", errors="replace")
            problems.append(Problem(
                path.name, number, "",
                f"บรรทัดนี้มีอักขระที่ไม่ใช่ UTF-8 (ไบต์ 0x{byte:02X} ตำแหน่งที่ {pos + 1} ถ้าเป็นภาษาไทยแบบ Windows คือ “{as_thai}”) "
                "ทั้งไฟล์เป็น UTF-8: แก้อักขระนั้นแล้วบันทึกเป็น CSV UTF-8",
                f"This line holds a character that is not UTF-8 (byte 0x{byte:02X} at position {pos + 1}, "
                f"“{as_thai}” in Windows-Thai) in a UTF-8 file: fix that character and save as CSV UTF-8."))
            if len(problems) >= 50:
                break
    return RegistryError(problems)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with; ``RegistryError`` if it is not text."""
    for magic, (th, en) in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise _problem(path, f"ไฟล์นี้เป็น{th} อ่านไม่ได้: เปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV",
                           f"This is {en}, which cannot be read: open it in Excel and save it as .xlsx or CSV.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        candidates = (utf16,) if utf16 else ()
    else:
        bom = data.startswith(b"\xef\xbb\xbf")
        candidates = ("utf-8-sig",) if bom else ("utf-8",)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            stray = _stray_bytes(path, data, always=bom)
            if stray is not None:
                raise stray from None
            candidates = ("cp874",)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
        if controls > max(2, len(text) // 1000):
            break
        return text, encoding
    raise _problem(path, "ไฟล์นี้ไม่ใช่ข้อความ CSV หรือใช้รหัสอักขระที่ไม่รู้จัก: บันทึกเป็น CSV UTF-8 หรือ .xlsx",
                   "This file is not CSV text or its encoding is unknown: save it as CSV UTF-8 or .xlsx.")


def read_text(path: Path) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with: "utf-8-sig", "utf-8", "utf-16" (BOM),
    "utf-16-le"/"utf-16-be" (no BOM) or "cp874" (TIS-620 is a subset). ``RegistryError`` if not text."""
    path = Path(path)
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC):
        raise _problem(path, "ไฟล์นี้เป็นไฟล์ Excel (.xlsx) หรือ zip ไม่ใช่ CSV", "This is an Excel (.xlsx) or zip file, not CSV.")
    return decode_text(path, data)


_FIELD_LIMIT_LOCK = threading.Lock()


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """csv's field size limit (global to the process) raised to ``limit`` while one record is read, then put
    back. A registry cell may be as long as the file (at most ``MAX_FILE_BYTES``): the column limits then say
    it is too long, at its cell, instead of csv's 131,072-character limit stopping the reading as if a quote
    mark were unbalanced. Everything else (the booth export's reader) keeps csv's limit."""
    with _FIELD_LIMIT_LOCK:
        before = csv.field_size_limit()
        csv.field_size_limit(max(before, limit))
        try:
            yield
        finally:
            csv.field_size_limit(before)


def csv_rows(text: str, delimiter: str) -> Iterable[tuple[int, list[str]]]:
    """(first physical line, cells) per CSV record; ``BrokenQuotes`` on broken quoting."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line, limit = 0, len(text) + 1
    while True:
        try:
            with _field_limit(limit):
                cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise BrokenQuotes(line + 1, str(exc)) from None
        yield line + 1, cells
        line = reader.line_num


def _csv_sheet(name: str, text: str, encoding: str, delimiter: str) -> Sheet:
    sheet = Sheet(name, encoding, [])
    try:
        for line, cells in csv_rows(text, delimiter):
            sheet.rows.append((line, cells))
    except BrokenQuotes as exc:
        sheet.broken = exc
    return sheet


def _head_only(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    try:
        for line, cells in csv_rows(text, delimiter):
            if any(c.strip() for c in cells):
                out.append((line, cells))
                if len(out) > HEADER_SEARCH_ROWS:
                    break
    except BrokenQuotes:
        pass
    return out


def sniff_header(text: str, columns: tuple[Column, ...]) -> tuple[str, Header]:
    """(delimiter, header) for one file kind: every delimiter is tried on the first rows."""
    best: tuple[str, Header] | None = None
    for delimiter in DELIMITERS:
        header = find_header(_head_only(text, delimiter), columns)
        if best is None or (header.required, header.recognised) > (best[1].required, best[1].recognised):
            best = (delimiter, header)
    assert best is not None
    return best


def open_table(path: Path, columns: tuple[Column, ...], hints: tuple[str, ...] = ()) -> tuple[Sheet, Header]:
    """The rows of ``path`` for one file kind and the header found in them: a CSV file with its sniffed
    delimiter, or the workbook sheet that fits best (its name like ``hints``, else by its header).
    ``RegistryError`` when the file cannot be read at all."""
    path = Path(path)
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC):
        from otop_pos.exchange.registry_xlsx import read_workbook

        best: tuple[tuple[int, int, int, int], Sheet, Header] | None = None
        for order, (title, rows, unsaved) in enumerate(read_workbook(path, data)):
            sheet = Sheet(f"{path.name} › {title}", "xlsx", rows, letters=True, unsaved=unsaved)
            header = find_header(sheet.head(), columns)
            named = any(h in title.casefold() for h in hints)
            key = (header.required, int(named), header.recognised, -order)
            if best is None or key > best[0]:
                best = (key, sheet, header)
        if best is None:
            raise _problem(path, "ไฟล์ Excel นี้ไม่มีแผ่นงาน", "This workbook has no sheets.")
        return best[1], best[2]
    text, encoding = decode_text(path, data)
    delimiter, header = sniff_header(text, columns)
    return _csv_sheet(path.name, text, encoding, delimiter), header

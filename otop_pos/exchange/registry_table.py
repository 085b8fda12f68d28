"""One registry table (the vendors or the catalogue) read from its file: the header found, the columns each
field is read from, the data rows, and every problem located by file, line and column.

Two columns that mean one field (a landline and a mobile column, "ประเภทผลิตภัณฑ์" and "ประเภท") are merged
row by row: phones are all kept; for other fields the values must agree (read the same way: "อาหาร" and
"Food" agree), and a row where they differ is reported naming both columns.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from otop_pos.core.errors import Problem, RegistryError
from otop_pos.exchange.registry_columns import (
    clean_cell,
    clean_code,
    is_none,
    normalize_producer_type,
    normalize_product_type,
)
from otop_pos.exchange.registry_headers import Column, Header, is_ignored_header, match_header
from otop_pos.exchange.registry_source import open_table


#: No value of any registry column is longer (the longest takes 300 characters): a longer cell is reported as
#: too long at once, without being read further or repeated in a message.
MAX_CELL_CHARS = 1000


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → "A", 27 → "AB"."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class Table:
    """The rows of one table and what was found reading it."""

    file: str
    encoding: str = ""
    columns: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # field -> [(index, header)]
    header: Header | None = None
    header_line: int = 1
    width: int = 0
    letters: bool = False
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    missing: list[Column] = field(default_factory=list)  # required columns not in the header
    unsaved: set[tuple[int, int]] = field(default_factory=set)  # (line, column) of formulas with no saved value
    spoiled: set[tuple[int, str]] = field(default_factory=set)  # (line, field) of cells already reported

    def name_of(self, index: int, header: str) -> str:
        """A column as problems name it: its header, with its letter in a workbook ("C (ชื่อสินค้า)")."""
        return f"{column_letter(index)} ({header})" if self.letters else header

    def column(self, col: Column) -> str:
        places = self.columns.get(col.field)
        return self.name_of(*places[0]) if places else col.label

    def error(self, line: int, col: Column | None, th: str, en: str) -> None:
        self.errors.append(Problem(self.file, line, self.column(col) if col else "", th, en))

    def warn(self, line: int, col: Column | None, th: str, en: str) -> None:
        self.warnings.append(Problem(self.file, line, self.column(col) if col else "", th, en))

    def cell(self, line: int, cells: list[str], col: Column) -> str:
        """The field's value in a row, merged from every column that means it (see the module docstring)."""
        places = self.columns.get(col.field, [])
        if any(self._unreadable(line, cells, col, i, h) for i, h in places):
            self.spoiled.add((line, col.field))
            return ""
        values = [(i, h, clean_cell(cells[i]) if i < len(cells) else "") for i, h in places]
        given = [(i, h, v) for i, h, v in values if v and not is_none(v)]
        if len(places) < 2:
            return values[0][2] if values else ""
        if col.merge == "join":
            return ", ".join(dict.fromkeys(v for _i, _h, v in given))
        distinct: dict[str, tuple[int, str, str]] = {}
        for i, h, v in given:
            distinct.setdefault(_agree_key(col.field, v), (i, h, v))
        if len(distinct) > 1:
            (i1, h1, v1), (i2, h2, v2) = list(distinct.values())[:2]
            self.errors.append(Problem(
                self.file, line, self.name_of(i2, h2),
                f"คอลัมน์ “{h1}” และ “{h2}” หมายถึง{col.th}เหมือนกัน แต่ค่าไม่ตรงกัน: “{v1}” กับ “{v2}”",
                f"The columns “{h1}” and “{h2}” both mean the {col.en} but differ: “{v1}” and “{v2}”."))
        return given[0][2] if given else ""


    def _unreadable(self, line: int, cells: list[str], col: Column, i: int, header: str) -> bool:
        """True (and an error at the cell) for a formula with no saved value, or a cell longer than any value
        of its column can be (a paste gone wrong; its text is never repeated in a message)."""
        if (line, i) in self.unsaved:
            self.errors.append(Problem(
                self.file, line, self.name_of(i, header),
                f"{col.th}เป็นสูตรที่ไม่มีค่าที่คำนวณไว้: เปิดไฟล์ใน Excel แล้วบันทึก",
                f"The {col.en} is a formula without a saved value: open the file in Excel and save it."))
            return True
        text = cells[i] if i < len(cells) else ""
        limit = col.max_len or MAX_CELL_CHARS
        if len(text) <= max(limit, MAX_CELL_CHARS) or len(clean_cell(text)) <= max(limit, MAX_CELL_CHARS):
            return False
        self.errors.append(Problem(
            self.file, line, self.name_of(i, header),
            f"{col.th}ยาว {len(text):,} ตัวอักษร เกินที่ระบบรับได้ {limit:,}",
            f"The {col.en} is {len(text):,} characters long; the app takes at most {limit:,}."))
        return True


def _agree_key(fld: str, value: str) -> str:
    """What two values of one field are compared by."""
    if fld == "product_type":
        return normalize_product_type(value) or value.casefold()
    if fld == "producer_type":
        return normalize_producer_type(value) or value.casefold()
    return clean_code(value).casefold()


def read_table(path: Path, columns: tuple[Column, ...], what_th: str, what_en: str,
               hints: tuple[str, ...] = ()) -> Table:
    """The table of one kind in ``path`` (a CSV file or a workbook's best sheet), with every problem."""
    path = Path(path)
    table = Table(path.name)
    try:
        sheet, header = open_table(path, columns, hints)
    except RegistryError as exc:
        table.errors.extend(exc.problems)
        return table
    table.file, table.encoding, table.letters, table.header = sheet.file, sheet.encoding, sheet.letters, header
    table.unsaved = sheet.unsaved
    head = sheet.head()
    if not head:
        table.error(1, None, f"ไฟล์ว่างเปล่า ไม่มีข้อมูล{what_th}", f"The file is empty: no {what_en}.")
        return table
    _set_header(table, header, columns)
    if header.index:
        table.warn(table.header_line, None, f"ข้ามบรรทัดหัวเรื่อง {header.index} บรรทัดก่อนแถวหัวคอลัมน์",
                   f"Skipped {header.index} title row(s) above the column headers.")
    last_header_line = head[header.index + header.span - 1][0]
    used = sorted({i for places in table.columns.values() for i, _h in places})
    # rows are skipped if the header lacks a required column (the header problem says it all)
    # or if they are blank: no value in a column that is read (a lone ลำดับ number too)
    for line, cells in sheet.rows if not table.missing else ():
        if line <= last_header_line:
            continue
        beyond = not table.letters and any(c.strip() for c in cells[table.width:])
        if any(cells[i].strip() for i in used if i < len(cells)) or beyond:
            table.rows.append((line, cells))
    if sheet.broken is not None:
        broken = sheet.broken
        table.error(broken.line, None,
                    f"เครื่องหมายคำพูด (\") ที่เริ่มในแถวนี้ไม่ครบคู่หรือวางผิดที่ อ่านต่อไม่ได้ ({broken})",
                    f"A quote mark (\") in the row starting here is unbalanced or misplaced; "
                    f"the file cannot be read further ({broken}).")
    elif not table.rows and not table.missing:
        table.error(table.header_line, None, f"ไม่มีข้อมูล{what_th}ในไฟล์ (มีแต่หัวคอลัมน์)",
                    f"There are no {what_en} in the file (only the header).")
    return table


def _set_header(table: Table, header: Header, columns: tuple[Column, ...]) -> None:
    table.header_line = line = header.line
    table.width = len(header.labels)
    match = match_header(header.labels, columns)
    table.columns = match.found
    names = {c.field: c for c in columns}
    for i, raw, fields in match.ambiguous:
        meanings_th = " หรือ ".join(names[f].th for f in fields)
        meanings_en = " or ".join(names[f].en for f in fields)
        table.errors.append(Problem(table.file, line, table.name_of(i, raw),
                                    f"หัวคอลัมน์ “{raw}” อาจหมายถึง{meanings_th}: เปลี่ยนชื่อหัวคอลัมน์ให้ชัดเจน",
                                    f"The header “{raw}” could mean the {meanings_en}: rename it to say which."))
    used = match.used
    for i, raw in enumerate(header.labels):
        if i not in used and raw.strip() and not is_ignored_header(raw):
            table.warnings.append(Problem(table.file, line, table.name_of(i, clean_cell(raw)),
                                          "ไม่รู้จักคอลัมน์นี้ ข้ามไป", "Unknown column, ignored."))
    table.missing = missing = [c for c in columns if c.required and c.field not in table.columns]
    if missing:  # column: "ไทย / English" of each missing column
        table.errors.append(Problem(table.file, line, " | ".join(c.label for c in missing),
                                    "ไม่มีคอลัมน์ที่ต้องมี: " + ", ".join(c.th for c in missing),
                                    "Required column(s) missing: " + ", ".join(c.en for c in missing) + "."))


def row_fits(table: Table, line: int, cells: list[str]) -> bool:
    """False (and an error) when a row has values beyond the header: usually an unquoted comma."""
    extra = [c for c in cells[table.width:] if c.strip()]
    if not extra or table.letters:  # a workbook has no delimiter to misplace: cells beyond the header are notes
        return True
    table.error(line, None,
                f"แถวนี้มีช่องข้อมูลมากกว่าหัวคอลัมน์ ({len(cells)} ช่อง แต่หัวคอลัมน์มี {table.width}): "
                "ค่าที่มีเครื่องหมายคั่น เช่น ราคา 1,190.00 ต้องอยู่ในเครื่องหมายคำพูด",
                f"This row has more cells ({len(cells)}) than the header ({table.width}): a value that "
                "contains the delimiter, such as the price 1,190.00, must be quoted.")
    return False

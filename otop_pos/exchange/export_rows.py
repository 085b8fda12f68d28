"""CSV members of the booth export: column specs, writing, strict parsing, consistency checks, hash chain.

Every member is UTF-8 with a BOM, CRLF rows, one header row naming the columns in this exact order.
"""
from __future__ import annotations

import csv
import logging
import io
import json
import re
import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple, fields
from operator import attrgetter
from datetime import date, datetime, timezone
from typing import Any, get_type_hints

from otop_pos.core.chain import GENESIS, chain_hash, chain_payment, refund_doc, sale_doc, void_doc
from otop_pos.core.methods import METHOD_CODE_RE
from otop_pos.core.errors import ImportRefused
from otop_pos.core.limits import (
    MAX_CASH_COUNT_SATANG, MAX_DAY_CASH_DIFFERENCE_SATANG, MAX_DAY_CASH_SATANG, MAX_DOCUMENT_SATANG, MAX_FLOAT_SATANG,
    MAX_LINES, MAX_QTY, baht_text,
)
from otop_pos.core.thaidate import BANGKOK
from otop_pos.exchange.safezip import part_words
from otop_pos.exchange.export_model import (
    ADDED_IN, EXPORT_VERSION, Cell, ExportData, ExportDay, ExportLine, ExportOrder, ExportOrderEvent, ExportOrderLine,
    ExportOrderMoney, ExportPayment, ExportRefund, ExportRefundLine, ExportSale, ExportVoid, members_of,
)

__all__ = ["TABLES", "MEMBERS", "member_columns", "MEMBER_ORDER", "to_csv", "parse_members", "member_values",
           "not_utf8", "not_bom", "check_consistency", "check_bounds", "verify_chain", "counts_of", "totals_of",
           "METHODS", "BOUNDS", "inconsistent", "utc_text", "chain_gap", "chain_break", "line_adds_up", "bill_adds_up"]

#: The methods an export may carry: any well-formed method code (the import checks it against the fair's).
METHODS = METHOD_CODE_RE
BOM = b"\xef\xbb\xbf"
_INT = re.compile(r"-?[0-9]{1,15}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
MAX_TEXT = 1000

#: The members in file order: name → (row class, ExportData attribute).
MEMBERS: dict[str, tuple[type, str]] = {
    "sales.csv": (ExportSale, "sales"), "lines.csv": (ExportLine, "lines"), "payments.csv": (ExportPayment, "payments"),
    "voids.csv": (ExportVoid, "voids"), "refunds.csv": (ExportRefund, "refunds"),
    "refund_lines.csv": (ExportRefundLine, "refund_lines"), "days.csv": (ExportDay, "days"),
    "orders.csv": (ExportOrder, "orders"), "order_lines.csv": (ExportOrderLine, "order_lines"),
    "order_money.csv": (ExportOrderMoney, "order_money"), "order_events.csv": (ExportOrderEvent, "order_events"),
}


def member_columns(cls: type) -> tuple[tuple[str, str], ...]:
    """((column, cell kind), ...) of a row class: its fields in order, each with the ``Cell`` it declares."""
    hints = get_type_hints(cls, include_extras=True)
    out = []
    for f in fields(cls):
        kinds = [m.kind for m in getattr(hints[f.name], "__metadata__", ()) if isinstance(m, Cell)]
        if len(kinds) != 1:
            raise TypeError(f"{cls.__name__}.{f.name} declares no CSV cell kind (Annotated[..., Cell(kind)])")
        out.append((f.name, kinds[0]))
    return tuple(out)


#: member name → (row class, data attribute, ((column, kind), ...)), derived from the row classes.
TABLES: dict[str, tuple[type, str, tuple[tuple[str, str], ...]]] = {
    name: (cls, attr, member_columns(cls)) for name, (cls, attr) in MEMBERS.items()}
MEMBER_ORDER = tuple(TABLES)


def _refuse(reason: str, th: str, en: str) -> ImportRefused:
    return ImportRefused(th, en, reason)


log = logging.getLogger(__name__)


def _where(member: str, line: int) -> tuple[str, str]:
    """Where in an export a bad row is, in plain words: ("รายการขาย แถวที่ 3", "the sale lines, row 3")."""
    th, en = part_words(member)
    return f"{th} แถวที่ {line - 1}", f"{en}, row {line - 1}"


# --- writing ------------------------------------------------------------------------------------------

def _fmt(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind in ("dt", "dt?"):
        return value.astimezone(BANGKOK).isoformat(timespec="microseconds")
    if kind == "date":
        return value.isoformat()
    if kind == "counts":
        return json.dumps({str(k): v for k, v in sorted(value.items(), reverse=True)}, separators=(",", ":"))
    if kind == "methods":
        return json.dumps(dict(sorted(value.items())), separators=(",", ":"))
    return str(value)


def to_csv(member: str, rows: Iterable[Any]) -> bytes:
    """The bytes of one CSV member (UTF-8 with BOM, CRLF)."""
    _cls, _attr, cols = TABLES[member]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c for c, _ in cols])
    for row in rows:
        w.writerow([_fmt(kind, v) for (_, kind), v in zip(cols, astuple(row))])
    return BOM + buf.getvalue().encode("utf-8")


def counts_of(data: ExportData, version: int = EXPORT_VERSION) -> dict[str, int]:
    """Rows per member a file of ``version`` holds, keyed by the member's stem (sales, lines, …)."""
    return {TABLES[m][1]: len(getattr(data, TABLES[m][1])) for m in members_of(MEMBER_ORDER, version)}


def totals_of(data: ExportData) -> dict[str, int]:
    """Satang totals: sales, voids, refunds, net (= sales − voids − refunds), payments."""
    sales = sum(s.total_satang for s in data.sales)
    voids = sum(v.amount_satang for v in data.voids)
    refunds = sum(r.amount_satang for r in data.refunds)
    return {"sales_satang": sales, "voids_satang": voids, "refunds_satang": refunds,
            "net_satang": sales - voids - refunds, "payments_satang": sum(p.amount_satang for p in data.payments)}


# --- parsing ------------------------------------------------------------------------------------------

def _parse(kind: str, text: str, where: tuple[str, int, str] = ("", 0, "")) -> Any:
    def bad(what: str) -> ImportRefused:
        member, line, column = where
        log.info("export cell %s:%s[%s] refused: %s", member, line, column, what)  # for support, in the log
        th, en = _where(member, line)
        return _refuse("csv", f"ไฟล์ส่งยอดขายมีค่าที่ไม่ถูกต้อง ({th})", f"The export file holds a value that is not valid ({en}).")

    if kind == "text":
        if len(text) > MAX_TEXT or "\x00" in text:
            raise bad("text too long / ข้อความยาวเกิน")
        return text
    if kind.endswith("?"):
        if text == "":
            return None
        kind = kind[:-1]
    if kind in ("pos", "nn", "int"):
        if not _INT.fullmatch(text):
            raise bad(f"not a whole number / ไม่ใช่จำนวนเต็ม: {text[:20]!r}")
        n = int(text)
        if (kind == "pos" and n < 1) or (kind == "nn" and n < 0):
            raise bad(f"out of range / ค่าไม่อยู่ในช่วง: {n}")
        return n
    if kind == "uuid":
        try:
            if str(uuidlib.UUID(text)) != text:
                raise ValueError
        except ValueError:
            raise bad(f"not a UUID / ไม่ใช่ UUID: {text[:40]!r}") from None
        return text
    if kind == "hex":
        if not _HEX64.fullmatch(text):
            raise bad("not a SHA-256 hash / ไม่ใช่ค่าแฮช")
        return text
    if kind == "method":
        if not METHODS.fullmatch(text):
            raise bad(f"not a payment method code / ไม่ใช่รหัสวิธีชำระ: {text[:20]!r}")
        return text
    if kind == "date":
        try:
            if len(text) != 10:
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise bad(f"not a date / ไม่ใช่วันที่: {text[:20]!r}") from None
    if kind == "dt":
        try:
            dt = datetime.fromisoformat(text) if len(text) <= 40 else None
        except ValueError:
            dt = None
        if dt is None or dt.tzinfo is None or dt.utcoffset() is None:
            raise bad(f"not a time with offset / ไม่ใช่เวลาพร้อมเขตเวลา: {text[:40]!r}")
        return dt
    try:
        obj = json.loads(text) if len(text) <= 2000 else None
    except ValueError:
        obj = None
    if not isinstance(obj, dict) or not all(isinstance(v, int) and not isinstance(v, bool) for v in obj.values()):
        raise bad("not a JSON object of whole numbers / ไม่ใช่ JSON ที่ถูกต้อง")
    if kind == "counts":
        if not all(_INT.fullmatch(k) and int(k) > 0 and v >= 0 for k, v in obj.items()):
            raise bad("bad cash count / การนับเงินไม่ถูกต้อง")
        return {int(k): v for k, v in obj.items()}
    if not all(METHODS.fullmatch(k) for k in obj):
        raise bad("not a payment method code / ไม่ใช่รหัสวิธีชำระ")
    return dict(obj)


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _fast(kind: str) -> Callable[[str], Any]:
    """A converter for one column that accepts exactly what ``_parse`` accepts and raises ValueError
    otherwise (then ``_parse`` runs again on the row to name the bad cell). Built once per member."""
    optional = kind.endswith("?")
    base = kind[:-1] if optional else kind
    conv: Callable[[str], Any]
    if base == "text":
        def conv(t: str) -> Any:
            if len(t) > MAX_TEXT or "\x00" in t:
                raise ValueError
            return t
        return conv
    if base in ("pos", "nn", "int"):
        low = {"pos": 1, "nn": 0, "int": None}[base]
        match = _INT.fullmatch

        def conv(t: str) -> Any:
            if not match(t):
                raise ValueError
            n = int(t)
            if low is not None and n < low:
                raise ValueError
            return n
    elif base in ("uuid", "hex"):
        match = (_UUID if base == "uuid" else _HEX64).fullmatch

        def conv(t: str) -> Any:
            if not match(t):
                raise ValueError
            return t
    elif base == "method":
        method = METHODS.fullmatch

        def conv(t: str) -> Any:
            if not method(t):
                raise ValueError
            return t
    elif base == "date":
        def conv(t: str) -> Any:
            if len(t) != 10:
                raise ValueError
            return date.fromisoformat(t)
    elif base == "dt":
        def conv(t: str) -> Any:
            if len(t) > 40:
                raise ValueError
            dt = datetime.fromisoformat(t)
            if dt.tzinfo is None or dt.utcoffset() is None:
                raise ValueError
            return dt
    else:
        def conv(t: str) -> Any:
            try:
                return _parse(kind, t)
            except ImportRefused:
                raise ValueError from None
        return conv
    if not optional:
        return conv
    inner = conv
    return lambda t: None if t == "" else inner(t)


def older_columns(member: str, version: int) -> list[Any]:
    """What a file of ``version`` means by the columns of ``member`` added after it (``ADDED_IN``), in order."""
    return [value for (m, _c), (added, value) in ADDED_IN.items() if m == member and version < added]


def member_values(member: str, lines: Iterable[str], version: int = EXPORT_VERSION) -> Iterator[list[Any]]:
    """The strictly parsed cells of each data row of ``member`` (its header as ``version`` writes it checked),
    from the lines of its text after the BOM, with what an older version means by the columns it lacks;
    ImportRefused("csv") naming the line and cell on the first bad one."""
    _cls, _attr, cols = TABLES[member]
    pad = older_columns(member, version)
    cols = cols[:len(cols) - len(pad)]
    reader = csv.reader(lines, strict=True)
    convs = [_fast(kind) for _, kind in cols]
    width = len(cols)
    try:
        header = next(reader, None)
        if header != [c for c, _ in cols]:
            th, en = part_words(member)
            raise _refuse("csv", f"ไฟล์ส่งยอดขายเสียหาย: หัวตารางของ{th}ไม่ถูกต้อง",
                          f"The export file is damaged: the heading of {en} is not the expected one.")
        for line, row in enumerate(reader, start=2):
            if len(row) != width:
                th, en = _where(member, line)
                raise _refuse("csv", f"ไฟล์ส่งยอดขายเสียหาย: จำนวนช่องไม่ถูกต้อง ({th})",
                              f"The export file is damaged: wrong number of cells ({en}).")
            try:
                yield [conv(cell) for conv, cell in zip(convs, row)] + pad
            except ValueError:  # name the bad cell with the full message
                for (name, kind), cell in zip(cols, row):
                    _parse(kind, cell, (member, line, name))
                th, en = _where(member, line)
                raise _refuse("csv", f"ไฟล์ส่งยอดขายมีค่าที่ไม่ถูกต้อง ({th})",
                              f"The export file holds a value that is not valid ({en}).") from None
    except csv.Error as exc:
        log.info("export member %s cannot be read: %s", member, exc)
        th, en = part_words(member)
        raise _refuse("csv", f"ไฟล์ส่งยอดขายเสียหาย: อ่าน{th}ไม่ได้", f"The export file is damaged: {en} cannot be read.") from None


def not_utf8(member: str) -> ImportRefused:
    """The refusal of a member that is not UTF-8 text."""
    th, en = part_words(member)
    return _refuse("csv", f"ไฟล์ส่งยอดขายเสียหาย: {th}ไม่ใช่ข้อความที่อ่านได้", f"The export file is damaged: {en} is not readable text.")


def not_bom(member: str) -> ImportRefused:
    """The refusal of a member that does not start with the UTF-8 BOM."""
    th, en = part_words(member)
    return _refuse("csv", f"ไฟล์ส่งยอดขายเสียหาย: {th}ไม่ได้เขียนในรูปแบบที่โปรแกรมเขียน",
                   f"The export file is damaged: {en} is not written the way the app writes it.")


def _rows(member: str, blob: bytes, version: int) -> list[Any]:
    cls = TABLES[member][0]
    if not blob.startswith(BOM):
        raise not_bom(member)
    try:
        text = blob[len(BOM):].decode("utf-8")
    except UnicodeDecodeError:
        raise not_utf8(member) from None
    return [cls(*values) for values in member_values(member, io.StringIO(text, newline=""), version)]


def parse_members(blobs: dict[str, bytes], ident: dict[str, Any]) -> ExportData:
    """Parse every CSV member strictly into an ExportData (identity fields from the verified manifest)."""
    version = ident.get("version", EXPORT_VERSION)
    parsed = {TABLES[m][1]: tuple(_rows(m, blobs[m], version)) for m in members_of(MEMBER_ORDER, version)}
    return ExportData(booth_code=ident["booth_code"], till_no=ident["till_no"], till_uuid=ident["till_uuid"],
                      vendor_code=ident["vendor_code"], fair_id=ident["fair_id"], key_id=ident["key_id"], **parsed)


# --- bounds ------------------------------------------------------------------------------------------

_MONEY, _COUNT = "money", "count"
#: (member attribute, field, limit, kind, Thai, English): the bounds of ``core.limits`` the booth keeps.
BOUNDS: tuple[tuple[str, str, int, str, str, str], ...] = (
    *(("sales", f, MAX_DOCUMENT_SATANG, _MONEY, th, en) for f, th, en in (
        ("total_satang", "ยอดขาย", "total"), ("subtotal_satang", "ยอดรวมก่อนส่วนลด", "subtotal"),
        ("sale_discount_satang", "ส่วนลด", "discount"), ("paid_satang", "ยอดชำระ", "amount paid"),
        ("change_satang", "เงินทอน", "change"))),
    ("lines", "line_no", MAX_LINES, _COUNT, "จำนวนรายการ", "number of lines"),
    ("lines", "qty", MAX_QTY, _COUNT, "จำนวนสินค้า", "quantity"),
    *(("lines", f, MAX_DOCUMENT_SATANG, _MONEY, th, en) for f, th, en in (
        ("list_price_satang", "ราคาตั้ง", "list price"), ("unit_price_satang", "ราคาต่อหน่วย", "unit price"),
        ("discount_satang", "ส่วนลดรายการ", "line discount"), ("total_satang", "ยอดรายการ", "line total"),
        ("sale_discount_share_satang", "ส่วนลดท้ายบิลของรายการ", "line's share of the discount"),
        ("net_satang", "ยอดสุทธิของรายการ", "line net"))),
    *(("payments", f, MAX_DOCUMENT_SATANG, _MONEY, th, en) for f, th, en in (
        ("amount_satang", "ยอดชำระ", "payment"), ("tendered_satang", "เงินสดที่รับ", "cash received"),
        ("change_satang", "เงินทอน", "change"))),
    ("voids", "amount_satang", MAX_DOCUMENT_SATANG, _MONEY, "ยอดยกเลิก", "void amount"),
    ("voids", "cash_returned_satang", MAX_DOCUMENT_SATANG, _MONEY, "เงินสดที่คืน", "cash returned"),
    ("refunds", "amount_satang", MAX_DOCUMENT_SATANG, _MONEY, "ยอดคืนเงิน", "refund amount"),
    ("refund_lines", "qty", MAX_QTY, _COUNT, "จำนวนที่คืน", "quantity refunded"),
    ("refund_lines", "amount_satang", MAX_DOCUMENT_SATANG, _MONEY, "ยอดคืนของรายการ", "refunded line amount"),
    *(("orders", f, MAX_DOCUMENT_SATANG, _MONEY, th, en) for f, th, en in (
        ("total_satang", "มูลค่าสั่งจอง", "order value"), ("subtotal_satang", "มูลค่าก่อนส่วนลด", "order subtotal"),
        ("sale_discount_satang", "ส่วนลด", "order discount"))),
    ("order_lines", "line_no", MAX_LINES, _COUNT, "จำนวนรายการสั่งจอง", "number of order lines"),
    ("order_lines", "qty", MAX_QTY, _COUNT, "จำนวนสินค้าสั่งจอง", "ordered quantity"),
    *(("order_lines", f, MAX_DOCUMENT_SATANG, _MONEY, th, en) for f, th, en in (
        ("unit_price_satang", "ราคาต่อหน่วย", "unit price"), ("list_price_satang", "ราคาตั้ง", "list price"),
        ("total_satang", "ยอดรายการ", "line total"), ("net_satang", "ยอดสุทธิของรายการ", "line net"))),
    ("order_money", "amount_satang", MAX_DOCUMENT_SATANG, _MONEY, "เงินมัดจำ", "deposit"),
    ("days", "float_satang", MAX_FLOAT_SATANG, _MONEY, "เงินทอนตั้งต้น", "cash float"),
    ("days", "counted_cash_satang", MAX_CASH_COUNT_SATANG, _MONEY, "ยอดเงินที่นับ", "counted cash"),
)


def _document_of(data: ExportData, attr: str, row: Any) -> tuple[str, str]:
    """How a person finds ``row`` (Thai, English): its document's number, or a till day by its date."""
    if attr == "days":
        return f"วันขาย {row.business_date.isoformat()}", f"the till day {row.business_date.isoformat()}"
    if attr in ("sales", "voids", "refunds", "orders"):
        number = str(row.number)
    elif attr in ("order_lines", "order_money"):
        return _order_of(data, attr, row)
    elif attr == "refund_lines":
        number = next((r.number for r in data.refunds if r.uuid == row.refund_uuid), row.refund_uuid)
    else:
        number = next((s.number for s in data.sales if s.uuid == row.sale_uuid), row.sale_uuid)
    return f"เอกสาร {number}", f"document {number}"


def _order_of(data: ExportData, attr: str, row: Any) -> tuple[str, str]:
    """(Thai, English) naming the order an order line or order money row belongs to."""
    order_uuid = row.order_uuid if attr == "order_lines" else next(
        (e.order_uuid for e in data.order_events if e.uuid == row.event_uuid), row.event_uuid)
    number = next((o.number for o in data.orders if o.uuid == order_uuid), order_uuid)
    return f"ใบสั่งจอง {number}", f"order {number}"


def check_bounds(data: ExportData, file_name: str) -> None:
    """ImportRefused (reason "limits"), naming the file and the document, when an amount or count is beyond
    what a booth may write (``core.limits``): such a file was not made by the booth app."""
    for attr, name, limit, kind, th, en in BOUNDS:
        rows = getattr(data, attr)
        get = attrgetter(name)
        if max(filter(None, map(get, rows)), default=0) <= limit:
            continue
        row = next(r for r in rows if (get(r) or 0) > limit)
        value, (doc_th, doc_en) = get(row), _document_of(data, attr, row)
        shown, most = (baht_text(value), baht_text(limit)) if kind == _MONEY else (f"{value:,}", f"{limit:,}")
        unit_th, unit_en = (" บาท", " baht") if kind == _MONEY else ("", "")
        raise _refuse("limits", f"{file_name}: {doc_th} มี{th} {shown}{unit_th} เกินกว่าที่ระบบรับได้ "
                      f"(สูงสุด {most}{unit_th})",
                      f"{file_name}: {doc_en} has a {en} of {shown}{unit_en}, more than the app accepts "
                      f"(at most {most}{unit_en}).")
    for day in data.days:
        for name, th, en, limit in (
                ("expected_cash_satang", "ยอดเงินสดที่ควรมี", "expected cash", MAX_DAY_CASH_SATANG),
                ("difference_satang", "ยอดเงินขาดเกิน", "cash difference", MAX_DAY_CASH_DIFFERENCE_SATANG)):
            value = getattr(day, name)
            if value is not None and abs(value) > limit:
                most = baht_text(limit)
                raise _refuse("limits", f"{file_name}: วันขาย {day.business_date} มี{th} {baht_text(value)} บาท "
                              f"เกินกว่าที่ระบบรับได้ (สูงสุด {most} บาท)",
                              f"{file_name}: the {en} of the till day {day.business_date} is {baht_text(value)} "
                              f"baht, more than the app accepts (at most {most} baht either way).")
        for denom, pieces in day.counts.items():
            if denom * pieces > MAX_CASH_COUNT_SATANG:
                raise _refuse("limits", f"{file_name}: วันขาย {day.business_date} นับเงิน {denom / 100:g} บาท "
                              f"{pieces:,} ใบ/เหรียญ เกินกว่าที่ระบบรับได้",
                              f"{file_name}: the cash count of {day.business_date} has {pieces:,} pieces of "
                              f"{denom / 100:g} baht, more than the app accepts.")


# --- consistency ---------------------------------------------------------------------------------------

def inconsistent(th: str, en: str) -> ImportRefused:
    """The refusal ("integrity") of a file whose content does not hold together."""
    return _refuse("integrity", "ข้อมูลในไฟล์ไม่สอดคล้องกัน: " + th, "The file's content is inconsistent: " + en)


def line_adds_up(ln: Any) -> bool:
    """Whether a sale's or order's line adds up: total = qty × unit − discount, net = total − its share."""
    return ln.total_satang == ln.qty * ln.unit_price_satang - ln.discount_satang \
        and ln.net_satang == ln.total_satang - ln.sale_discount_share_satang


def bill_adds_up(lines: Sequence[Any], bill: Any) -> bool:
    """Whether a sale's or order's lines are numbered 1..n and add up to its total, subtotal, discount and items."""
    return (bool(lines) and [ln.line_no for ln in lines] == list(range(1, len(lines) + 1))
            and sum(ln.net_satang for ln in lines) == bill.total_satang
            and sum(ln.total_satang for ln in lines) == bill.subtotal_satang
            and bill.total_satang == bill.subtotal_satang - bill.sale_discount_satang
            and sum(ln.qty for ln in lines) == bill.item_count)


def _unique(values: Sequence[str], what: str) -> None:
    if len(set(values)) != len(values):
        raise inconsistent(f"{what} ซ้ำ", f"a {what} repeats.")


def check_consistency(data: ExportData) -> None:
    """Referential integrity and sums inside one export; ImportRefused(reason "integrity")."""
    sales = {s.uuid: s for s in data.sales}
    docs: list[Any] = [*data.sales, *data.voids, *data.refunds]
    _unique([d.uuid for d in docs] + [d.uuid for d in data.days], "uuid")
    _unique([d.number for d in docs], "document number")
    day_dates = {d.business_date for d in data.days}
    for d in docs:
        if d.business_date not in day_dates:
            raise inconsistent(f"เอกสาร {d.number} ไม่มีวันขาย", f"document {d.number} has no till day.")
    lines: dict[str, list[ExportLine]] = {}
    for ln in data.lines:
        if ln.sale_uuid not in sales:
            raise inconsistent("รายการสินค้าไม่มีบิล", f"a line points at a sale not in the file ({ln.sale_uuid}).")
        lines.setdefault(ln.sale_uuid, []).append(ln)
        if not line_adds_up(ln):
            raise inconsistent("ยอดรายการไม่ถูกต้อง", f"line {ln.line_no} of sale {ln.sale_uuid} does not add up.")
    pays: dict[str, list[ExportPayment]] = {}
    for p in data.payments:
        if p.sale_uuid not in sales:
            raise inconsistent("การชำระไม่มีบิล", f"a payment points at a sale not in the file ({p.sale_uuid}).")
        pays.setdefault(p.sale_uuid, []).append(p)
        if p.state_satang > p.amount_satang:
            raise inconsistent("ส่วนที่รัฐจ่ายมากกว่ายอดชำระ", f"a payment of sale {p.sale_uuid} has a state share "
                               "above its amount.")
    for s in data.sales:
        ls, ps = lines.get(s.uuid, []), pays.get(s.uuid, [])
        if [ln.line_no for ln in ls] != list(range(1, len(ls) + 1)) or not ls:
            raise inconsistent(f"บิล {s.number} รายการไม่ครบ", f"sale {s.number} has missing or repeated lines.")
        if (not bill_adds_up(ls, s) or sum(p.amount_satang for p in ps) != s.total_satang or s.paid_satang != s.total_satang
                or sum(p.change_satang for p in ps) != s.change_satang):
            raise inconsistent(f"ยอดบิล {s.number} ไม่ตรงกับรายการหรือการชำระ",
                                f"sale {s.number}: lines or payments do not add up to its total.")
    voided: set[str] = set()
    for v in data.voids:
        target = sales.get(v.sale_uuid)
        if target is None or v.sale_uuid in voided or v.amount_satang != target.total_satang:
            raise inconsistent(f"การยกเลิก {v.number} ไม่ถูกต้อง", f"void {v.number} does not match its sale.")
        voided.add(v.sale_uuid)
    refunds = {r.uuid: r for r in data.refunds}
    per_refund: dict[str, int] = {}
    refunded_qty: dict[tuple[str, int], int] = {}
    for rl in data.refund_lines:
        r = refunds.get(rl.refund_uuid)
        if r is None or r.sale_uuid != rl.sale_uuid:
            raise inconsistent("รายการคืนเงินไม่มีเอกสารคืนเงิน", "a refund line points at no refund of its sale.")
        ls = lines.get(rl.sale_uuid, [])
        if rl.line_no > len(ls):
            raise inconsistent("รายการคืนเงินไม่มีในบิล", f"refund {r.number} names a line the sale does not have.")
        key = (rl.sale_uuid, rl.line_no)
        refunded_qty[key] = refunded_qty.get(key, 0) + rl.qty
        if refunded_qty[key] > ls[rl.line_no - 1].qty:
            raise inconsistent("คืนสินค้าเกินจำนวนที่ขาย", f"refund {r.number} gives back more than was sold.")
        per_refund[rl.refund_uuid] = per_refund.get(rl.refund_uuid, 0) + rl.amount_satang
    for r in data.refunds:
        if r.sale_uuid not in sales or r.sale_uuid in voided or per_refund.get(r.uuid) != r.amount_satang:
            raise inconsistent(f"การคืนเงิน {r.number} ไม่ถูกต้อง", f"refund {r.number} does not match its sale.")


def utc_text(dt: datetime) -> str:
    """A time as the chain holds it: UTC ISO text with microseconds."""
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def verify_chain(data: ExportData) -> None:
    """Recompute the till's hash chain over sales, voids and refunds in ``seq`` order (1..n from GENESIS);
    ImportRefused(reason "chain") on any gap, reordering or mismatch."""
    lines: dict[str, list[ExportLine]] = {}
    for ln in data.lines:
        lines.setdefault(ln.sale_uuid, []).append(ln)
    pays: dict[str, list[ExportPayment]] = {}
    for p in data.payments:
        pays.setdefault(p.sale_uuid, []).append(p)
    rlines: dict[str, list[ExportRefundLine]] = {}
    for rl in data.refund_lines:
        rlines.setdefault(rl.refund_uuid, []).append(rl)
    docs: list[tuple[int, str, str, str, dict[str, Any]]] = []
    for s in data.sales:
        docs.append((s.seq, s.number, s.prev_hash, s.hash, sale_doc(
            uuid=s.uuid, seq=s.seq, number=s.number, at=utc_text(s.created_at), total=s.total_satang,
            discount=s.sale_discount_satang,
            lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang)
                   for ln in sorted(lines.get(s.uuid, []), key=lambda x: x.line_no)],
            payments=[chain_payment(p.method, p.amount_satang, p.reference, p.state_satang)
                      for p in pays.get(s.uuid, [])])))
    for v in data.voids:
        docs.append((v.seq, v.number, v.prev_hash, v.hash, void_doc(
            uuid=v.uuid, seq=v.seq, number=v.number, at=utc_text(v.created_at), sale=v.sale_uuid, amount=v.amount_satang,
            reason=v.reason)))
    for r in data.refunds:
        docs.append((r.seq, r.number, r.prev_hash, r.hash, refund_doc(
            uuid=r.uuid, seq=r.seq, number=r.number, at=utc_text(r.created_at), sale=r.sale_uuid, amount=r.amount_satang,
            method=r.method, reason=r.reason,
            lines=[(x.line_no, x.qty, x.amount_satang) for x in rlines.get(r.uuid, [])])))
    docs.sort(key=lambda d: d[0])
    prev = GENESIS
    for expected, (seq, number, prev_hash, digest, doc) in enumerate(docs, start=1):
        if seq != expected:
            raise chain_gap(expected, number)
        if prev_hash != prev or chain_hash(prev, doc) != digest:
            raise chain_break(number)
        prev = digest


def chain_gap(expected: int, number: str) -> ImportRefused:
    """The refusal of a document sequence with a gap or a repeat at position ``expected``."""
    return _refuse("chain", f"เลขลำดับเอกสารขาดหายหรือซ้ำที่ {expected} ({number})",
                   f"The document sequence has a gap or repeat at {expected} ({number}).")


def chain_break(number: str) -> ImportRefused:
    """The refusal of a document whose link in the hash chain does not verify."""
    return _refuse("chain", f"ห่วงโซ่แฮชไม่ถูกต้องที่เอกสาร {number} (ข้อมูลถูกแก้ไข)",
                   f"The hash chain breaks at document {number} (the data was altered).")

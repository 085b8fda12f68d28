"""Turning one verified export into row tuples for the bulk insert (no store access; columns: ``rows``).

Runs in the importing process or in a worker process (``prepare_export`` takes and returns only
picklable values). Every check that needs no store is done here: the signature, member hashes, CSV
and chain (by ``read_export``), the identity in the data against the manifest, and the fair's days.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any

from otop_pos.core.chain import GENESIS
from otop_pos.core.errors import ImportRefused
from otop_pos.exchange.export_format import ExportData, read_export
from otop_pos.fair.import_checks import check_text
from otop_pos.fair.rows import SPECS, row_maker

@dataclass
class Prepared:
    """A verified export as rows of the columns ``rows.columns(spec)`` of each table (encoded for the
    database). ``sales``: by seq, with ``sale_seqs``; ``lines``/``payments``: ``(sale_index, *row)``;
    ``voids``/``refunds``: ``(sale_uuid, seq, *row)``; ``refund_lines``: ``(refund_index, sale_uuid, line_no,
    *row)``; ``days``: rows; ``hashes[s-1]``/``uuids[s-1]``: chain link of seq s."""

    path: str
    sha256: str
    size: int
    fair_uid: str
    vendor_code: str
    booth_code: str
    till_no: int
    till_uuid: str
    key_id: str
    export_seq: int
    created_at: datetime
    hashes: list[str] = field(default_factory=list)
    uuids: list[str] = field(default_factory=list)
    sales: list[tuple[Any, ...]] = field(default_factory=list)
    sale_seqs: list[int] = field(default_factory=list)
    lines: list[tuple[Any, ...]] = field(default_factory=list)
    payments: list[tuple[Any, ...]] = field(default_factory=list)
    voids: list[tuple[Any, ...]] = field(default_factory=list)
    refunds: list[tuple[Any, ...]] = field(default_factory=list)
    refund_lines: list[tuple[Any, ...]] = field(default_factory=list)
    days: list[tuple[Any, ...]] = field(default_factory=list)
    day_values: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # uuid -> comparable close values

    @property
    def head_seq(self) -> int:
        """The newest seq in the file (0 when it holds no document)."""
        return len(self.hashes)

    @property
    def head_hash(self) -> str:
        """The chain head of the file (GENESIS when empty)."""
        return self.hashes[-1] if self.hashes else GENESIS


def _outside(first: date, last: date, what_th: str, what_en: str, number: str, d: date) -> ImportRefused:
    return ImportRefused(
        f"{what_th} {number} ลงวันที่ {d.isoformat()} ซึ่งอยู่นอกวันงาน ({first.isoformat()} ถึง {last.isoformat()})",
        f"The {what_en} {number} is dated {d.isoformat()}, outside the fair's days "
        f"({first.isoformat()} to {last.isoformat()}).", "outside_days")


def check_days(data: ExportData, first: date, last: date) -> None:
    """ImportRefused("outside_days") when a document or till day lies outside the fair's days."""
    for s in data.sales:
        if not first <= s.business_date <= last:
            raise _outside(first, last, "ใบขาย", "sale", s.number, s.business_date)
    for v in data.voids:
        if not first <= v.business_date <= last:
            raise _outside(first, last, "การยกเลิก", "void", v.number, v.business_date)
    for r in data.refunds:
        if not first <= r.business_date <= last:
            raise _outside(first, last, "การคืนเงิน", "refund", r.number, r.business_date)
    for d in data.days:
        if not first <= d.business_date <= last:
            raise _outside(first, last, "วันขาย", "till day", d.uuid[:8], d.business_date)


def _mismatch(what: str, got: object, want: object) -> ImportRefused:
    return ImportRefused(f"ข้อมูลในไฟล์ไม่ตรงกับใบกำกับไฟล์ ({what}: {got} ≠ {want})",
                         f"The export's data does not match its manifest ({what}: {got!r} ≠ {want!r}).", "corrupt")


def prepare_export(path: str, public_pem: str, first_day: date, last_day: date, sqlite: bool,
                   sha256: str = "") -> Prepared:
    """Verify ``path`` with the booth's public key and turn it into rows; ImportRefused on any problem."""
    verified = read_export(Path(path), public_pem)
    m, data = verified.manifest, verified.data
    if sha256 and verified.sha256 != sha256:
        raise ImportRefused("ไฟล์ถูกเปลี่ยนระหว่างนำเข้า", "The file changed while it was being imported.", "changed")
    for what, got, want in (("fair", data.fair_id, m.fair_id), ("vendor", data.vendor_code, m.vendor_code),
                            ("booth", data.booth_code, m.booth_code), ("till", data.till_uuid, m.till_uuid),
                            ("till_no", data.till_no, m.till_no), ("key", data.key_id, m.key_id)):
        if got != want:
            raise _mismatch(what, got, want)
    check_days(data, first_day, last_day)
    check_text(data, Path(path).name)
    dialect = "sqlite" if sqlite else "postgresql"
    sale_row, line_row, pay_row, void_row, refund_row, refund_line_row, day_row = (
        row_maker(SPECS[t], dialect, lead) for t, lead in (("sale", 0), ("sale_line", 1), ("payment", 1), ("void", 2),
                                                           ("refund", 2), ("refund_line", 3), ("till_day", 0)))
    p = Prepared(path, verified.sha256, verified.size, m.fair_id, m.vendor_code, m.booth_code, m.till_no,
                 m.till_uuid, m.key_id, m.export_seq, m.created_at)
    n = len(data.sales) + len(data.voids) + len(data.refunds)
    hashes: list[str] = [""] * n
    uuids: list[str] = [""] * n
    sale_index: dict[str, int] = {}
    sale_date: list[date] = []
    by_seq = attrgetter("seq")
    for i, s in enumerate(sorted(data.sales, key=by_seq)):
        hashes[s.seq - 1] = s.hash
        uuids[s.seq - 1] = s.uuid
        sale_index[s.uuid] = i
        sale_date.append(s.business_date)
        p.sales.append(sale_row(s))
        p.sale_seqs.append(s.seq)
    try:
        lines = [(sale_index[ln.sale_uuid], ln) for ln in data.lines]
        lines.sort(key=itemgetter(0))  # stable: within a sale the file lists lines 1..n (checked by the reader)
        p.lines = [line_row(i, ln, sale_date[i]) for i, ln in lines]
        pay_no: dict[int, int] = {}
        for pay in data.payments:
            i = sale_index[pay.sale_uuid]
            pay_no[i] = k = pay_no.get(i, 0) + 1
            p.payments.append(pay_row(i, pay, k, sale_date[i]))
        p.payments.sort(key=itemgetter(0))  # stable: pay_no follows the file order
        for v in sorted(data.voids, key=by_seq):
            hashes[v.seq - 1] = v.hash
            uuids[v.seq - 1] = v.uuid
            sale_index[v.sale_uuid]  # noqa: B018 - the voided sale must be in the file
            p.voids.append(void_row(v.sale_uuid, v.seq, v))
        refund_index: dict[str, int] = {}
        refund_date: list[date] = []
        for j, r in enumerate(sorted(data.refunds, key=by_seq)):
            hashes[r.seq - 1] = r.hash
            uuids[r.seq - 1] = r.uuid
            refund_index[r.uuid] = j
            refund_date.append(r.business_date)
            sale_index[r.sale_uuid]  # noqa: B018
            p.refunds.append(refund_row(r.sale_uuid, r.seq, r))
        for rl in data.refund_lines:
            j = refund_index[rl.refund_uuid]
            p.refund_lines.append(refund_line_row(j, rl.sale_uuid, rl.line_no, rl, refund_date[j]))
        p.refund_lines.sort(key=itemgetter(0, 2))
    except (KeyError, IndexError) as exc:
        raise ImportRefused("ข้อมูลในไฟล์อ้างถึงเอกสารที่ไม่มีในไฟล์", f"The export refers to a missing document "
                            f"({exc}).", "corrupt") from None
    if "" in hashes:
        raise ImportRefused("ลำดับเอกสารในไฟล์ขาดหาย", "The export's document numbers have gaps.", "chain")
    p.hashes, p.uuids = hashes, uuids
    for d in data.days:
        counts = json.dumps({str(k): v for k, v in sorted(d.counts.items())}, separators=(",", ":"))
        by_method = json.dumps(dict(sorted(d.by_method.items())), separators=(",", ":"))
        p.days.append(day_row(d, counts, by_method))
        p.day_values[d.uuid] = (d.closed_at is not None, d.expected_cash_satang, d.counted_cash_satang,
                                d.difference_satang, counts)
    return p

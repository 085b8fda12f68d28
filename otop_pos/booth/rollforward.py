"""Bringing a restored booth store forward from this till's own newest export.

A backup is older than the store it replaces: the documents made after it are gone from the booth, and if an
export had already carried some of them to the organiser, the till would number its next sales again from
the backup's head — the organiser then refuses every later export as a deletion, with reason. Exports are
cumulative, signed and hash-chained, so the newest export of this till holds every document up to its own
head: ``roll_forward`` checks it (this till's key and identity, the whole chain, and that its chain contains
the store's head), then inserts the documents after the store's head — sales with their lines and payments,
voids, refunds, till days opened or closed — in one transaction, restocks tracked products as selling did,
and moves the number series on. The till then continues the chain the organiser holds. Documents made after
that export and after the backup were never sent anywhere and cannot come back.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from otop_pos.booth.adjustments import restock
from otop_pos.booth.days import figures, totals_json
from otop_pos.booth.export import EXPORT_SERIES
from otop_pos.booth.journal import SERIES
from otop_pos.booth.store import identity
from otop_pos.core.chain import GENESIS
from otop_pos.core.clock import Clock
from otop_pos.core.errors import ImportRefused, InputError, SetupError
from otop_pos.exchange.export_format import EXPORT_SUFFIX, ExportData, read_export, read_export_manifest
from otop_pos.exchange.keys import public_pem_of
from otop_pos.store.booth_models import (
    AuditEvent, NumberSeries, Payment, Product, Refund, RefundLine, Sale, SaleLine, TillDay, Void,
)
from otop_pos.store.engine import SqliteStore, inserted_id

__all__ = ["RollForward", "roll_forward", "newest_export"]

@dataclass(frozen=True)
class RollForward:
    """What a roll-forward brought back: documents and days, and the till's newest document number after."""

    export: str
    sales: int
    voids: int
    refunds: int
    days: int  # sales days added
    days_closed: int  # days the export shows closed, closed here with its cash count
    last_number: str


def newest_export(path: Path, till_uuid: str) -> Path | None:
    """``path`` when it is a file; in a folder (and its subfolders), this till's export with the highest
    export number (the manifest is read, not trusted yet: ``roll_forward`` verifies the file)."""
    path = Path(path)
    if path.is_file():
        return path
    best: tuple[int, str] | None = None
    found: Path | None = None
    for candidate in sorted(path.rglob(f"*{EXPORT_SUFFIX}")):
        try:
            manifest, _raw, _sig = read_export_manifest(candidate)
        except (ImportRefused, OSError):
            continue
        if manifest.till_uuid == till_uuid and (best is None or (manifest.export_seq, candidate.name) > best):
            best, found = (manifest.export_seq, candidate.name), candidate
    return found


def _head(s: Session) -> tuple[int, str]:
    row = s.execute(select(NumberSeries.last, NumberSeries.last_hash).where(NumberSeries.name == SERIES)).one_or_none()
    return (int(row[0]), str(row[1])) if row is not None else (0, GENESIS)


def _stored(s: Session, seq: int) -> tuple[str, str]:
    """(hash, number) of the store's document ``seq`` (a sale, void or refund), ("", "") when there is none."""
    for model in (Sale, Void, Refund):
        query = select(model.hash, model.number).where(model.seq == seq)  # type: ignore[attr-defined]
        found = s.execute(query).one_or_none()
        if found is not None:
            return str(found[0]), str(found[1])
    return "", ""


def _set_series(s: Session, name: str, last: int, last_hash: str) -> None:
    if s.execute(update(NumberSeries).where(NumberSeries.name == name)
                 .values(last=last, last_hash=last_hash)).rowcount == 0:  # type: ignore[attr-defined]
        s.add(NumberSeries(name=name, last=last, last_hash=last_hash))


def _not_continuing() -> ImportRefused:
    return ImportRefused(
        "ไฟล์ส่งยอดขายนี้ไม่ต่อจากข้อมูลในเครื่อง (มีการขายหลังกู้คืนแล้ว หรือเป็นไฟล์ของประวัติอื่น) จึงไม่นำกลับมา",
        "This export does not continue the documents in this store (sales were made after the restore, or it "
        "holds another history): nothing was brought back.", "conflict")


def _doc_hashes(data: ExportData) -> dict[int, str]:
    hashes = {d.seq: d.hash for d in data.sales}
    hashes.update({d.seq: d.hash for d in data.voids})
    hashes.update({d.seq: d.hash for d in data.refunds})
    return hashes


def _day_of(days: list[TillDay], business_date: Any, at: datetime, before: set[int]) -> TillDay:
    """The till day a document of ``business_date`` made at ``at`` belongs to (the day open at that time);
    refused when it is a day this till closed before the roll-forward (closed after the restore)."""
    same = [d for d in days if d.business_date == business_date]
    found = next((d for d in reversed(same)
                  if d.opened_at <= at and (d.closed_at is None or at <= d.closed_at)), None)
    if found is None and len(same) == 1:
        found = same[0]  # a clock stepped back a little: the only day of that date
    if found is None:
        raise ImportRefused(f"ไม่พบวันขายของเอกสารวันที่ {business_date} ในไฟล์ส่งยอดขาย",
                            f"The export has a document of {business_date} that fits none of its sales days.",
                            "corrupt")
    if found.id in before:
        raise _closed_after_restore(business_date)
    return found


def _closed_after_restore(business_date: Any) -> ImportRefused:
    return ImportRefused(
        f"วันขาย {business_date} ถูกปิดหรือเปิดในเครื่องนี้หลังกู้คืน จึงนำข้อมูลกลับมาไม่ได้ "
        "ให้กู้คืนไฟล์สำรองอีกครั้ง แล้วนำข้อมูลกลับมาก่อนเปิดหรือปิดวันขาย",
        f"The sales day {business_date} was closed or opened on this till after the restore, so the export "
        "cannot be brought back: restore the backup again and bring it forward before opening or closing a day.",
        "conflict")


def _days(s: Session, data: ExportData) -> tuple[list[TillDay], int, list[TillDay], set[int]]:
    """The store's days with the export's new ones added and the ones the export shows closed closed.
    Returns all days, how many were added, the days closed here (their totals are written last) and the
    ids of the days the store had closed already. Refused when the till opened or closed a day after the
    restore that the export does not agree with."""
    stored = list(s.scalars(select(TillDay).order_by(TillDay.id)))
    by_uuid = {d.uuid: d for d in stored}
    in_export = {d.uuid for d in data.days}
    closed_before = {d.id for d in stored if d.closed_at is not None}
    added, closed = 0, []
    for d in sorted(data.days, key=lambda d: d.opened_at):
        day = by_uuid.get(d.uuid)
        if day is None:
            opened_here = [x for x in stored if x.closed_at is None and x.uuid not in in_export]
            if opened_here:  # a day opened after the restore: the export's days cannot follow it
                raise _closed_after_restore(opened_here[0].business_date)
            day = TillDay(uuid=d.uuid, business_date=d.business_date, opened_at=d.opened_at, opened_by="",
                          float_satang=d.float_satang)
            s.add(day)
            by_uuid[d.uuid] = day
            added += 1
        counts = json.dumps({str(k): v for k, v in d.counts.items()})
        if d.closed_at is not None and day.closed_at is None:
            day.closed_at, day.closed_by = d.closed_at, ""
            day.expected_cash_satang, day.counted_cash_satang = d.expected_cash_satang, d.counted_cash_satang
            day.difference_satang = d.difference_satang
            day.counts_json = counts
            closed.append(day)
        elif day.closed_at is not None and (
                d.closed_at is None or (day.expected_cash_satang, day.counted_cash_satang, day.difference_satang)
                != (d.expected_cash_satang, d.counted_cash_satang, d.difference_satang)):
            raise _closed_after_restore(d.business_date)  # closed here after the restore, not as exported
        s.flush()  # one open day at a time: a day is closed before the next one is opened
    return sorted(by_uuid.values(), key=lambda d: d.id), added, closed, closed_before


def _by(rows: Any, key: str) -> dict[str, list[Any]]:
    """Rows grouped by the document they belong to (attribute ``key``), in file order."""
    out: dict[str, list[Any]] = {}
    for row in rows:
        out.setdefault(getattr(row, key), []).append(row)
    return out


def _insert_documents(s: Session, data: ExportData, head: int, days: list[TillDay],
                      closed_before: set[int]) -> tuple[int, int, int]:
    conn = s.connection()
    products = {sku: pid for pid, sku in s.execute(select(Product.id, Product.sku))}
    sale_ids = {uuid: sid for uuid, sid in s.execute(select(Sale.uuid, Sale.id))}
    new_sales = [x for x in data.sales if x.seq > head]
    lines, pays = _by(data.lines, "sale_uuid"), _by(data.payments, "sale_uuid")
    for x in new_sales:
        day = _day_of(days, x.business_date, x.created_at, closed_before)
        sid = inserted_id(conn.execute(insert(Sale).values(
            uuid=x.uuid, seq=x.seq, number=x.number, till_day_id=day.id, created_at=x.created_at,
            cashier=x.cashier, subtotal_satang=x.subtotal_satang, sale_discount_kind="",
            sale_discount_value=0, sale_discount_satang=x.sale_discount_satang, total_satang=x.total_satang,
            paid_satang=x.paid_satang, change_satang=x.change_satang, item_count=x.item_count,
            prev_hash=x.prev_hash, hash=x.hash)))
        sale_ids[x.uuid] = sid
        for ln in lines.get(x.uuid, ()):
            pid = products.get(ln.sku)
            conn.execute(insert(SaleLine).values(
                sale_id=sid, line_no=ln.line_no, product_id=pid, sku=ln.sku, name=ln.name,
                product_type=ln.product_type, qty=ln.qty, list_price_satang=ln.list_price_satang,
                unit_price_satang=ln.unit_price_satang, discount_satang=ln.discount_satang,
                total_satang=ln.total_satang, sale_discount_share_satang=ln.sale_discount_share_satang,
                net_satang=ln.net_satang))
            restock(s, pid, -ln.qty)
        for p in pays.get(x.uuid, ()):
            conn.execute(insert(Payment).values(sale_id=sid, method=p.method, amount_satang=p.amount_satang,
                                                tendered_satang=p.tendered_satang, change_satang=p.change_satang,
                                                reference=p.reference))
    new_voids = [v for v in data.voids if v.seq > head]
    for v in new_voids:
        day = _day_of(days, v.business_date, v.created_at, closed_before)
        conn.execute(insert(Void).values(
            uuid=v.uuid, seq=v.seq, number=v.number, sale_id=sale_ids[v.sale_uuid], till_day_id=day.id,
            created_at=v.created_at, reason=v.reason, by=v.by, amount_satang=v.amount_satang,
            cash_returned_satang=v.cash_returned_satang, prev_hash=v.prev_hash, hash=v.hash))
        for pid, qty in s.execute(select(SaleLine.product_id, SaleLine.qty)
                                  .where(SaleLine.sale_id == sale_ids[v.sale_uuid])).all():
            restock(s, pid, qty)
    new_refunds = [r for r in data.refunds if r.seq > head]
    refund_lines = _by(data.refund_lines, "refund_uuid")
    for r in new_refunds:
        day = _day_of(days, r.business_date, r.created_at, closed_before)
        rid = inserted_id(conn.execute(insert(Refund).values(
            uuid=r.uuid, seq=r.seq, number=r.number, sale_id=sale_ids[r.sale_uuid], till_day_id=day.id,
            created_at=r.created_at, reason=r.reason, by=r.by, method=r.method, amount_satang=r.amount_satang,
            reference=r.reference, prev_hash=r.prev_hash, hash=r.hash)))
        for rl in refund_lines.get(r.uuid, ()):
            line_id, pid = s.execute(select(SaleLine.id, SaleLine.product_id).where(
                SaleLine.sale_id == sale_ids[rl.sale_uuid], SaleLine.line_no == rl.line_no)).one()
            conn.execute(insert(RefundLine).values(refund_id=rid, sale_line_id=line_id, qty=rl.qty,
                                                   amount_satang=rl.amount_satang))
            restock(s, pid, rl.qty)
    return len(new_sales), len(new_voids), len(new_refunds)


def roll_forward(store: SqliteStore, clock: Clock, export: Path) -> RollForward:
    """Insert the documents of this till's ``export`` (a file, or the newest one in a folder) that come after
    the store's head, in one transaction; the store is unchanged when anything is refused."""
    with store.read() as s:
        ident = identity(s)
        if not ident.signing_key:
            raise SetupError("บูธนี้ไม่มีกุญแจลงนาม จึงตรวจไฟล์ส่งยอดขายไม่ได้",
                             "This booth has no signing key, so it cannot check an export.")
        public_pem, till_uuid = public_pem_of(ident.signing_key), ident.till_uuid
    path = newest_export(export, till_uuid)
    if path is None:
        raise InputError(f"ไม่พบไฟล์ส่งยอดขายของเครื่องนี้ใน {export}",
                         f"No export of this till was found in {export}.")
    try:
        verified = read_export(path, public_pem)  # altered, another booth's, broken chain…
    except ImportRefused as exc:
        raise ImportRefused(f"{path.name}: {exc.th} (ระบุไฟล์ส่งยอดขายไฟล์อื่นได้)",
                            f"{path.name}: {exc.en} (another export file may be given instead)", exc.reason) from exc
    data = verified.data
    if data.till_uuid != till_uuid:
        raise ImportRefused("ไฟล์นี้มาจากเครื่องขายอื่นของบูธ ใช้กู้ข้อมูลเครื่องนี้ไม่ได้",
                            "This export comes from another till of the booth; it cannot bring this till "
                            "forward.", "other_till")
    hashes = _doc_hashes(data)
    newest = max(hashes, default=0)
    with store.write() as s:
        head, head_hash = _head(s)
        if newest <= head:  # the store holds the export's documents: they must be the same ones
            if newest and _stored(s, newest)[0] != hashes[newest]:
                raise _not_continuing()
        elif head and hashes.get(head) != head_hash:
            raise _not_continuing()
        days, days_added, closed, closed_before = _days(s, data)
        counts = _insert_documents(s, data, head, days, closed_before) if newest > head else (0, 0, 0)
        for day in closed:  # the Z report totals, from the documents now in the store
            day.totals_json = totals_json(figures(s, day))
        if newest > head:
            _set_series(s, SERIES, newest, hashes[newest])
        exported = s.scalar(select(NumberSeries.last).where(NumberSeries.name == EXPORT_SERIES))
        if exported is None or exported < verified.manifest.export_seq:  # the next export must be newer
            _set_series(s, EXPORT_SERIES, verified.manifest.export_seq, "")
        if counts != (0, 0, 0) or days_added or closed:
            s.add(AuditEvent(at=clock.now(), action="roll_forward", actor="", ref_uuid="",
                             detail_json=json.dumps({"file": path.name, "export_seq": verified.manifest.export_seq,
                                                     "from_seq": head, "to_seq": max(head, newest),
                                                     "sales": counts[0], "voids": counts[1], "refunds": counts[2],
                                                     "days_added": days_added, "days_closed": len(closed)})))
        last_number = _stored(s, max(head, newest))[1]
    return RollForward(path.name, *counts, days_added, len(closed), last_number)

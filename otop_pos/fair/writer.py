"""Writing one prepared export inside one transaction: lock the till, compare hash chains, insert what is new.

Exactly once comes from the till's hash chain: the store keeps each till's head (seq, hash). A file whose
chain contains that head at the same seq holds every stored document unchanged, so only documents with a
higher seq are new. A chain that does not contain the head means documents were removed or changed:
refused as a copied till (two laptops selling under one till identity, ``branches``), a deletion or a conflict.
A copied till accepted as a branch (``fair accept-fork``) is a till row of its own, found by chain. Rows are
bulk-inserted in key order with the driver's executemany of statements compiled from the tables (``rows``),
and the new sales are added to the report totals (``totals``) in the same transaction.
"""
from __future__ import annotations

import shlex
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from otop_pos.core.chain import GENESIS
from otop_pos.core.errors import ImportRefused
from otop_pos.fair import branches as BR
from otop_pos.fair import prepare as P
from otop_pos.fair.order_writer import new_order_events, write_orders
from otop_pos.fair.rows import SPECS, insert_rows, update_rows
from otop_pos.fair.totals import REFUND, SALE, VOID, add_imported
from otop_pos.store.fair_models import ImportLog, Till

@dataclass(frozen=True)
class FileContext:
    """What the store says about the export's fair, vendor and key (looked up from the manifest)."""

    fair_id: int
    fair_uid: str
    fair_name: str
    first_day: date
    last_day: date
    vendor_id: int
    vendor_code: str
    booth: str
    public_pem: str
    methods: frozenset[str] | None = None   # the codes of the fair's payment methods (None: not checked)


@dataclass(frozen=True)
class WriteOutcome:
    """What one file added."""

    result: str  # imported | unchanged
    sales: int
    voids: int
    refunds: int
    days: int
    skipped: int
    import_id: int
    orders: int = 0       # orders taken that the file brought
    order_events: int = 0  # of which, and of earlier orders, the takes, deliveries and cancels it brought


def allocate_ids(conn: Connection, table: str, n: int) -> list[int]:
    """``n`` new primary keys for ``table``, ascending: after max(id) on SQLite (the write lock is held),
    from the table's sequence on PostgreSQL (safe with other desks writing)."""
    if n == 0:
        return []
    if conn.dialect.name == "sqlite":
        start = int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar_one()) + 1
        return list(range(start, start + n))
    ids = conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                       {"t": table, "n": n}).scalars().all()
    return sorted(int(i) for i in ids)


def _lock_till(conn: Connection, ctx: FileContext, p: P.Prepared, at: datetime
               ) -> tuple[Any, list[tuple[int, str]]]:
    """The till row the file follows, locked (its till_uuid's row, made on first sight, or an accepted branch
    of it found by chain), and the till rows of its family when it has branches (``branches.family_of``). The
    booth code and till number of the file are labels (a vendor moved to another booth, a copy set up as
    another till): the till is its uuid and key."""
    query = select(Till).where(Till.till_uuid == p.till_uuid).with_for_update()
    row = conn.execute(query).one_or_none()
    if row is None:
        dialect_insert = sqlite.insert if conn.dialect.name == "sqlite" else postgresql.insert
        conn.execute(dialect_insert(Till).values(
            fair_id=ctx.fair_id, vendor_id=ctx.vendor_id, booth_code=p.booth_code, till_no=p.till_no,
            till_uuid=p.till_uuid, head_seq=0, head_hash=GENESIS, export_seq=0, updated_at=at,
        ).on_conflict_do_nothing(index_elements=["till_uuid"]))
        row = conn.execute(query).one()
    if (row.fair_id, row.vendor_id) != (ctx.fair_id, ctx.vendor_id):
        raise ImportRefused(
            "เครื่องขายในไฟล์นี้ถูกใช้กับผู้ประกอบการอื่นมาก่อน (อาจคัดลอกฐานข้อมูลบูธไปอีกเครื่อง)",
            "This export's till was seen before for another vendor (a copied booth store?).", "conflict")
    branches = BR.branch_rows(conn, p.till_uuid)
    return BR.follow(conn, row, p.hashes, branches), BR.family_of(row, branches)


_stored_docs = BR.stored_docs


def _examples(numbers: list[str]) -> str:
    return ", ".join(numbers[:5]) + (f" … (+{len(numbers) - 5})" if len(numbers) > 5 else "")


def _fork(conn: Connection, till: Any, p: P.Prepared, path: str) -> ImportRefused:
    """Why a file's chain does not continue the stored one: a copied till, deleted or changed documents. The
    way out names the file by ``path`` as the organiser gave it, quoted for a shell when it needs to be."""
    file_name = shlex.quote(path)
    in_file = dict(zip(p.uuids, p.hashes))
    stored = _stored_docs(conn, till.id)
    split = BR.split_of(conn, till, stored, p)
    if split is not None and split.copied:
        return BR.copied_till(split, int(till.till_no), BR.next_till_no(conn, int(till.vendor_id)), file_name)
    missing = [num for _seq, uuid, _h, num in stored if uuid not in in_file]
    changed = [num for _seq, uuid, h, num in stored if uuid in in_file and in_file[uuid] != h]
    hint_th = hint_en = ""
    if split is not None:
        hint_th = (f" หากการขายหลังใบเสร็จ {split.number or 'แรก'} ในไฟล์นี้เป็นของจริง (เครื่องกู้คืนจากสำรองเก่าแล้วขายเพิ่ม) "
                   f"รับเข้าเป็นสาขาของเครื่องได้ด้วย otop-pos fair accept-fork {file_name}")
        hint_en = (f" If the sales after {split.number or 'the start'} in this file are real (a till restored from an "
                   f"older backup that went on selling), otop-pos fair accept-fork {file_name} takes them in as a "
                   "branch of the till.")
    if missing:
        return ImportRefused(
            f"ไฟล์นี้ไม่มีเอกสาร {len(missing)} รายการที่เคยนำเข้าจากเครื่องนี้แล้ว ({_examples(missing)}) "
            "ถือว่ามีการลบข้อมูล จึงไม่นำเข้า" + hint_th,
            f"This export lacks {len(missing)} document(s) that earlier imports of this till held "
            f"({_examples(missing)}): reported as a deletion and refused." + hint_en, "deletion")
    if changed:
        return ImportRefused(
            f"เอกสาร {_examples(changed)} ในไฟล์นี้มีเนื้อหาต่างจากที่นำเข้าไว้แล้ว จึงไม่นำเข้า",
            f"The document(s) {_examples(changed)} differ from what was imported before (same UUID, "
            "different content): conflict, refused.", "conflict")
    return ImportRefused(
        "ลำดับเอกสารของเครื่องนี้ไม่ต่อจากที่นำเข้าไว้ (เครื่องอาจถูกกู้คืนจากสำรองเก่า) จึงไม่นำเข้า",
        "This till's document chain does not continue the one imported before (restored from an older "
        "backup?): reported as a deletion and refused.", "deletion")


def _lost_tail(conn: Connection, till_id: int, p: P.Prepared) -> ImportRefused:
    lost = [num for _s, _u, _h, num in _stored_docs(conn, till_id, p.head_seq)]
    return ImportRefused(
        f"ไฟล์นี้สร้างหลังไฟล์ที่นำเข้าไว้ แต่ขาดเอกสาร {len(lost)} รายการ ({_examples(lost)}) "
        "ถือว่ามีการลบข้อมูล (เครื่องอาจถูกกู้คืนจากสำรองเก่า) จึงไม่นำเข้า",
        f"This export is newer than one already imported but lacks {len(lost)} document(s) "
        f"({_examples(lost)}): reported as a deletion (restored from an older backup?) and refused.", "deletion")


def _days(conn: Connection, till: Any, p: P.Prepared, family: list[tuple[int, str]]
          ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(new days, open days now closed) after comparing with the stored days of the till. In a till with
    branches a day is held once: a day another till of the family holds with the same close (closed before
    the laptops parted), or still open here, is not stored again; a day this branch closed otherwise is its own second close, kept under a uuid of its own (``branches.day_uuid``)."""
    stored = {r[0]: (r[1] is not None, r[2], r[3], r[4], r[5]) for r in conn.execute(text(
        "SELECT uuid, closed_at, expected_cash_satang, counted_cash_satang, difference_satang, counts_json "
        "FROM till_day WHERE till_id = :t"), {"t": till.id})}
    new: list[tuple[Any, ...]] = []
    closing: list[tuple[Any, ...]] = []
    spec = SPECS["till_day"]
    uuid_at, date_at, closed_at = spec.at("uuid"), spec.at("business_date"), spec.at("closed_at")
    held = BR.family_days(conn, int(till.id), family, [d[uuid_at] for d in p.days]) if family else {}
    for row in p.days:
        key = row[uuid_at]
        mine = p.day_values[key]
        close = BR.close_of(row[closed_at], *mine[1:])
        others = held.get(key, [])
        own = BR.day_uuid(str(till.till_uuid), key)
        if key not in stored and (others or own in stored):
            if own not in stored and (not mine[0] or any(c == close for _u, c in others)):
                continue  # the day the laptops shared, held by the till it was copied from
            key = own
            row = row[:uuid_at] + (key,) + row[uuid_at + 1:]
        have = stored.get(key)
        if have is None:
            new.append(row)
        elif not have[0] and mine[0]:
            closing.append(row)
        elif have[0] and mine[0] and have != mine:
            raise ImportRefused(f"วันขาย {row[date_at]} ที่ปิดแล้วมีตัวเลขต่างจากที่นำเข้าไว้",
                                f"The closed till day {row[date_at]} differs from the one imported before: conflict.",
                                "conflict")
    return new, closing


def write_prepared(session: Session, ctx: FileContext, p: P.Prepared, *, at: datetime, file_name: str,
                   path: str) -> WriteOutcome:
    """Import ``p`` in the session's transaction (the caller commits, or retries the whole of it)."""
    conn = session.connection()
    till, family = _lock_till(conn, ctx, p, at)
    H, B = int(till.head_seq), p.head_seq
    if B >= H:
        if H and p.hashes[H - 1] != till.head_hash:
            raise _fork(conn, till, p, path or file_name)
    else:
        if (BR.stored_at(conn, till.id, B) or ("",))[0] != p.head_hash:
            raise _fork(conn, till, p, path or file_name)
        older = till.export_created_at is not None and (p.created_at, p.export_seq) <= (
            till.export_created_at, till.export_seq)
        if not older:
            raise _lost_tail(conn, till.id, p)
    new_days, closing = _days(conn, till, p, family)
    k = bisect_right(p.sale_seqs, H)
    new_sales = p.sales - k
    new_voids = [v for v in p.voids if v[1] > H]
    new_refunds = [r for r in p.refunds if r[1] > H]
    order_events = new_order_events(conn, p.orders, till.id)
    added = bool(new_sales or new_voids or new_refunds or new_days or closing or order_events)
    skipped = min(H, B)
    import_id = conn.execute(insert(ImportLog).values(
        fair_id=ctx.fair_id, at=at, file_name=file_name[:260], path=path, sha256=p.sha256, size_bytes=p.size,
        result="imported" if added else "unchanged", reason="" if added else "nothing_new",
        vendor_code=p.vendor_code, booth_code=p.booth_code, till_no=p.till_no, till_uuid=p.till_uuid,
        export_seq=p.export_seq, export_created_at=p.created_at, sales_added=new_sales,
        voids_added=len(new_voids), refunds_added=len(new_refunds), days_added=len(new_days), docs_skipped=skipped,
        orders_added=sum(e.kind == "take" for e in order_events),
    ).returning(ImportLog.id)).scalar_one()
    head = (max(H, B), till.head_hash if H >= B else p.head_hash)
    newest = till.export_created_at is None or (p.created_at, p.export_seq) > (till.export_created_at,
                                                                              till.export_seq)
    values: dict[str, Any] = {"head_seq": head[0], "head_hash": head[1], "updated_at": at}
    if newest:
        values.update(export_seq=p.export_seq, export_created_at=p.created_at)
    conn.execute(update(Till).where(Till.id == till.id).values(**values))
    if added:
        _insert_docs(conn, ctx, till.id, import_id, p, k, new_voids, new_refunds)
        _write_days(conn, ctx, till.id, new_days, closing)
        write_orders(conn, p.orders, order_events, fair_id=ctx.fair_id, vendor_id=ctx.vendor_id, till_id=till.id,
                     import_id=import_id)
    return WriteOutcome("imported" if added else "unchanged", new_sales, len(new_voids), len(new_refunds),
                        len(new_days), skipped, import_id, sum(e.kind == "take" for e in order_events),
                        len(order_events))


def _insert_sales(conn: Connection, ctx: FileContext, till_id: int, import_id: int, p: P.Prepared, k: int,
                  wanted: set[str]) -> tuple[list[int], dict[str, int]]:
    """Insert the sales after the first ``k`` of the file with their lines and payments, a batch at a time;
    returns the first and last sale id inserted, and the ids of the ``wanted`` sales among them."""
    f, v, t = ctx.fair_id, ctx.vendor_id, till_id
    span: list[int] = []
    by_uuid: dict[str, int] = {}
    want = {p.sale_index[u]: u for u in wanted if u in p.sale_index and p.sale_index[u] >= k}
    for g0, sales, lines, pays in p.chunks():
        start = max(k - g0, 0)  # the first new sale of the batch
        if start >= len(sales):
            continue
        ids = allocate_ids(conn, "sale", len(sales) - start)
        insert_rows(conn, SPECS["sale"], ("id", "fair_id", "vendor_id", "till_id", "import_id"),
                    [(i, f, v, t, import_id) + s for i, s in zip(ids, sales[start:])])
        insert_rows(conn, SPECS["sale_line"], ("sale_id", "fair_id", "vendor_id", "till_id"),
                    [(ids[ln[0] - start], f, v, t) + ln[1:] for ln in lines if ln[0] >= start])
        insert_rows(conn, SPECS["payment"], ("sale_id", "fair_id", "vendor_id", "till_id"),
                    [(ids[pay[0] - start], f, v, t) + pay[1:] for pay in pays if pay[0] >= start])
        for index in [x for x in want if g0 + start <= x < g0 + len(sales)]:
            by_uuid[want.pop(index)] = ids[index - g0 - start]
        span = [span[0] if span else ids[0], ids[-1]]
    return span, by_uuid


def _insert_docs(conn: Connection, ctx: FileContext, till_id: int, import_id: int, p: P.Prepared, k: int,
                 new_voids: list[tuple[Any, ...]], new_refunds: list[tuple[Any, ...]]) -> None:
    f, v, t = ctx.fair_id, ctx.vendor_id, till_id
    wanted = {d[0] for d in new_voids} | {d[0] for d in new_refunds}
    span, by_uuid = _insert_sales(conn, ctx, till_id, import_id, p, k, wanted)
    if not new_voids and not new_refunds:
        if span:
            add_imported(conn, t, {SALE: (span[0], span[1])})
        return
    older = sorted(wanted - by_uuid.keys())
    tills = BR.lineage(conn, till_id) if older else []  # a branch voids or refunds sales made before the fork
    for n in range(0, len(older), 500):
        chunk = older[n:n + 500]
        rows = conn.execute(text("SELECT uuid, id FROM sale WHERE till_id IN :t AND uuid IN :u")
                            .bindparams(bindparam("u", expanding=True), bindparam("t", expanding=True)),
                            {"t": tills, "u": chunk})
        by_uuid.update({r[0]: int(r[1]) for r in rows})
    if not wanted <= by_uuid.keys():
        raise ImportRefused("การยกเลิกหรือคืนเงินอ้างถึงใบขายที่ไม่มีในฐานข้อมูล",
                            "A void or refund refers to a sale that is not in the store.", "corrupt")
    keys = ("id", "fair_id", "vendor_id", "till_id", "import_id", "sale_id")
    void_ids = allocate_ids(conn, "void", len(new_voids))
    insert_rows(conn, SPECS["void"], keys,
                [(i, f, v, t, import_id, by_uuid[d[0]]) + d[2:] for i, d in zip(void_ids, new_voids)])
    refund_ids = allocate_ids(conn, "refund", len(new_refunds))
    insert_rows(conn, SPECS["refund"], keys,
                [(i, f, v, t, import_id, by_uuid[d[0]]) + d[2:] for i, d in zip(refund_ids, new_refunds)])
    kr = len(p.refunds) - len(new_refunds)
    refund_id_of: list[int | None] = [None] * kr + refund_ids
    first_rl = bisect_left([rl[0] for rl in p.refund_lines], kr)
    insert_rows(conn, SPECS["refund_line"], ("refund_id", "sale_id", "fair_id", "vendor_id", "till_id"),
                [(refund_id_of[rl[0]], by_uuid[rl[1]], f, v, t) + rl[3:] for rl in p.refund_lines[first_rl:]])
    added = {kind: (new[0], new[-1]) for kind, new in ((SALE, span), (VOID, void_ids), (REFUND, refund_ids)) if new}
    add_imported(conn, t, added)


def _write_days(conn: Connection, ctx: FileContext, till_id: int, new: list[tuple[Any, ...]],
                closing: list[tuple[Any, ...]]) -> None:
    spec = SPECS["till_day"]
    by_uuid = itemgetter(spec.at("uuid"))
    insert_rows(conn, spec, ("fair_id", "vendor_id", "till_id"),
                [(ctx.fair_id, ctx.vendor_id, till_id) + d for d in sorted(new, key=by_uuid)])
    update_rows(conn, spec, sorted(closing, key=by_uuid))

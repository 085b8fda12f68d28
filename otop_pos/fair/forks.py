"""Accepting a copied till as a branch of its till (``otop-pos fair accept-fork FILE``).

Two laptops exporting one till identity whose chains part are refused as ``copied_till`` (or, when the
timing reads like a till restored from an older backup that went on selling, as ``deletion``). The organiser
who knows both laptops really sold accepts the file: a till row is made for the copy's branch (linked to the
till it parted from by ``TillBranch``) and the file is imported into it in the same transaction, so its
documents after the fork come in exactly once by UUID, numbered as printed. Later exports of either laptop
find their own branch by chain.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from otop_pos.core.chain import GENESIS
from otop_pos.core.clock import Clock
from otop_pos.core.errors import ImportRefused, InputError
from otop_pos.exchange.export_format import file_sha256, read_export_manifest
from otop_pos.fair import branches as BR
from otop_pos.fair.importer import _Contexts
from otop_pos.fair.prepare import Prepared, prepare_export
from otop_pos.fair.store import FairStore
from otop_pos.fair.writer import FileContext, write_prepared
from otop_pos.store.fair_models import Till, TillBranch

__all__ = ["ForkAccepted", "accept_fork"]


@dataclass(frozen=True)
class ForkAccepted:
    """What accepting one file did: the branch it went to and the documents it added (``new_branch`` False:
    the file's branch was accepted before and only documents not held yet were added)."""

    file: str
    vendor_code: str
    booth_code: str
    till_no: int
    branch: int
    fork_seq: int
    fork_number: str
    new_branch: bool
    sales: int
    voids: int
    refunds: int
    days: int


def accept_fork(store: FairStore, clock: Clock, path: Path | str, *, fair_ref: str | None = None) -> ForkAccepted:
    """Accept the export ``path`` of a copied till as a branch of that till and import it.

    The file is verified like any import (signature, chain, the fair's days). ``InputError`` when the till
    was never imported or the file does not part from the stored chain (import it with ``fair import``);
    ``ImportRefused`` for a file the import would refuse anyway (a bad signature, a document changed, …)."""
    path = Path(path)
    try:
        sha, _size = file_sha256(path)
    except OSError as exc:
        raise InputError(f"อ่านไฟล์ {path} ไม่ได้ ({exc.strerror})", f"Cannot read {path} ({exc.strerror}).") from exc
    manifest = read_export_manifest(path)[0]
    ctx = _Contexts(store, fair_ref).get(manifest)
    prepared = prepare_export(str(path), ctx.public_pem, ctx.first_day, ctx.last_day, store.is_sqlite, sha,
                              methods=ctx.methods)
    at = clock.now()
    try:
        return store.transaction(lambda s: _accept(s, ctx, prepared, at, path))
    except IntegrityError as exc:
        raise ImportRefused(
            "เอกสารบางรายการของสาขานี้ขัดกับที่นำเข้าไว้แล้ว (เช่น ใบขายเดียวกันถูกยกเลิกทั้งสองเครื่อง) จึงไม่นำเข้า",
            f"Some documents of this branch clash with ones already imported (the same sale voided on both "
            f"laptops?): conflict, nothing was imported ({type(exc.orig).__name__}).", "conflict") from None
    finally:
        prepared.discard()  # its spool's temporary file


def _accept(s: Session, ctx: FileContext, p: Prepared, at: datetime, path: Path) -> ForkAccepted:
    conn = s.connection()
    root = conn.execute(select(Till).where(Till.till_uuid == p.till_uuid).with_for_update()).one_or_none()
    if root is None or (root.fair_id, root.vendor_id) != (ctx.fair_id, ctx.vendor_id):
        raise InputError(
            f"ยังไม่เคยนำเข้าเครื่อง {p.till_no} ของบูธ {p.booth_code} จึงไม่มีอะไรให้แยกสาขา นำเข้าด้วย otop-pos fair import",
            f"Till {p.till_no} of booth {p.booth_code} has never been imported: nothing to part from. Import the "
            "file with otop-pos fair import.")
    till = BR.follow(conn, root, p.hashes, BR.branch_rows(conn, p.till_uuid))
    split = BR.split_of(conn, till, BR.stored_docs(conn, till.id), p)
    if split is None:
        known = BR.branch_of(conn, till.id)
        if known is None:
            raise InputError(
                "ไฟล์นี้ต่อจากข้อมูลที่นำเข้าไว้ของเครื่องนี้ ไม่ใช่เครื่องที่ถูกคัดลอก นำเข้าด้วย otop-pos fair import",
                "This export continues the till's imported chain: it is not a copy. Import it with "
                "otop-pos fair import.")
        out = write_prepared(s, ctx, p, at=at, file_name=path.name[:260], path=str(path))
        return ForkAccepted(str(path), ctx.vendor_code, p.booth_code, int(till.till_no), int(known.branch),
                            int(known.fork_seq), str(known.fork_number), False, out.sales, out.voids, out.refunds,
                            out.days)
    branch = int(conn.execute(select(func.coalesce(func.max(TillBranch.branch), 0))
                              .where(TillBranch.till_uuid == p.till_uuid)).scalar_one()) + 1
    till_id = conn.execute(insert(Till).values(
        fair_id=ctx.fair_id, vendor_id=ctx.vendor_id, booth_code=p.booth_code, till_no=p.till_no,
        till_uuid=BR.branch_uuid(p.till_uuid, branch), head_seq=split.seq,
        head_hash=p.hashes[split.seq - 1] if split.seq else GENESIS, export_seq=0, updated_at=at,
    ).returning(Till.id)).scalar_one()
    conn.execute(insert(TillBranch).values(
        till_id=till_id, till_uuid=p.till_uuid, branch=branch, parent_id=till.id, fork_seq=split.seq,
        fork_hash=p.hashes[split.seq], fork_number=split.number, accepted_at=at, file_name=path.name[:260]))
    out = write_prepared(s, ctx, p, at=at, file_name=path.name[:260], path=str(path))
    return ForkAccepted(str(path), ctx.vendor_code, p.booth_code, int(till.till_no), branch, split.seq, split.number,
                        True, out.sales, out.voids, out.refunds, out.days)

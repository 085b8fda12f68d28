"""Tills whose hash chains part: which branch of a till an export follows, where a file leaves the stored chain,
and whether that looks like a copied till (two laptops selling at once) or a till restored from an older
backup (one laptop going on after losing documents it had exported).

A till is known by its ``till_uuid``; a copy accepted with ``fair accept-fork`` is another till row linked by
``TillBranch`` and followed by chain: an export belongs to the deepest branch whose first own document has the
hash the file holds at that seq, else to the till row of its ``till_uuid``.
"""
from __future__ import annotations

import uuid as uuidlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from otop_pos.core.chain import GENESIS
from otop_pos.core.errors import ImportRefused
from otop_pos.fair import prepare as P
from otop_pos.fair.rows import SPECS
from otop_pos.store.fair_models import Till, TillBranch

_DOC_TABLES = ("sale", "void", "refund")
_BRANCH_NS = uuidlib.UUID("6f0c9a52-3a57-4d55-9a43-0b7a6c1f2e11")


def branch_uuid(till_uuid: str, branch: int) -> str:
    """The ``till_uuid`` of the till row of a branch (its own, so that documents keep one till each)."""
    return str(uuidlib.uuid5(_BRANCH_NS, f"{till_uuid}/{branch}"))


def day_uuid(till_row_uuid: str, day: str) -> str:
    """The uuid under which the till row ``till_row_uuid`` keeps its own copy of a till day that another
    branch of the till holds (a day the laptops shared before they parted)."""
    return str(uuidlib.uuid5(_BRANCH_NS, f"{till_row_uuid}/day/{day}"))


def family_of(root: Any, branches: list[Any]) -> list[tuple[int, str]]:
    """(till id, till_uuid) of every till row of one till identity: its own row and its accepted branches
    (empty when it has none)."""
    if not branches:
        return []
    return [(int(root.id), str(root.till_uuid))] + [(int(b.till_id), branch_uuid(str(b.till_uuid), int(b.branch)))
                                                    for b in branches]


def close_of(closed_at: Any, expected: Any, counted: Any, difference: Any, counts: Any) -> tuple[Any, ...]:
    """A till day's close as comparable values (None for an open day): when, expected, counted, difference,
    the count of notes. Two rows with one close are the one count a person made."""
    if closed_at is None:
        return (None,)
    return (as_utc(closed_at), expected, counted, difference, counts)


def family_days(conn: Connection, till_id: int, family: list[tuple[int, str]], keys: Sequence[str]
                ) -> dict[str, list[tuple[str, tuple[Any, ...]]]]:
    """For each till-day uuid of ``keys``: (stored uuid, close) of the rows the other tills of the family
    hold for that day, under its uuid or a branch's own (``day_uuid``)."""
    others = [(i, u) for i, u in family if i != till_id]
    wanted: dict[str, str] = {}
    for key in keys:
        wanted[key] = key
        wanted.update({day_uuid(u, key): key for _i, u in others})
    held: dict[str, list[tuple[str, tuple[Any, ...]]]] = {}
    names = list(wanted)
    query = text("SELECT uuid, closed_at, expected_cash_satang, counted_cash_satang, difference_satang, counts_json "
                 "FROM till_day WHERE till_id IN :t AND uuid IN :u").bindparams(
        bindparam("t", expanding=True), bindparam("u", expanding=True))
    for n in range(0, len(names) if others else 0, 500):
        for r in conn.execute(query, {"t": [i for i, _u in others], "u": names[n:n + 500]}):
            held.setdefault(wanted[r[0]], []).append((str(r[0]), close_of(*r[1:])))
    return held


def branch_rows(conn: Connection, till_uuid: str) -> list[Any]:
    """The accepted branches of ``till_uuid``, deepest fork first."""
    return list(conn.execute(select(TillBranch).where(TillBranch.till_uuid == till_uuid)
                             .order_by(TillBranch.fork_seq.desc(), TillBranch.branch)))


def follow(conn: Connection, root: Any, hashes: Sequence[str], branches: list[Any]) -> Any:
    """The till row (locked) of the branch a file with chain ``hashes`` follows: the deepest accepted branch
    whose first document is in the file, else ``root``."""
    for b in branches:
        if b.fork_seq < len(hashes) and hashes[b.fork_seq] == b.fork_hash:
            return conn.execute(select(Till).where(Till.id == b.till_id).with_for_update()).one()
    return root


def branch_of(conn: Connection, till_id: int) -> Any | None:
    """The TillBranch row of ``till_id`` (None for the till row of an export's own till_uuid)."""
    return conn.execute(select(TillBranch).where(TillBranch.till_id == till_id)).first()


def lineage(conn: Connection, till_id: int) -> list[int]:
    """``till_id`` and the tills it was copied from, nearest first."""
    out = [till_id]
    while (b := branch_of(conn, out[-1])) is not None:
        out.append(int(b.parent_id))
    return out


def stored_at(conn: Connection, till_id: int, seq: int) -> tuple[str, str] | None:
    """(hash, number) of document ``seq`` of the till's chain, looked up in the tills it was copied from for
    a seq up to its fork; (GENESIS, "") for seq 0."""
    while seq > 0:
        sql = " UNION ALL ".join(f"SELECT hash, number FROM {t} WHERE till_id = :t AND seq = :s" for t in _DOC_TABLES)
        row = conn.execute(text(sql), {"t": till_id, "s": seq}).first()
        if row is not None:
            return str(row[0]), str(row[1])
        b = branch_of(conn, till_id)
        if b is None or seq > b.fork_seq:
            return None
        till_id = int(b.parent_id)
    return GENESIS, ""


def stored_docs(conn: Connection, till_id: int, min_seq: int = 0) -> list[tuple[int, str, str, str]]:
    """(seq, uuid, hash, number) of every stored document of the till row with seq > ``min_seq``."""
    sql = " UNION ALL ".join(f"SELECT seq, uuid, hash, number FROM {t} WHERE till_id = :t AND seq > :m"
                             for t in _DOC_TABLES) + " ORDER BY 1"
    return [(int(r[0]), r[1], r[2], r[3]) for r in conn.execute(text(sql), {"t": till_id, "m": min_seq})]


def as_utc(value: Any) -> datetime | None:
    """A stored or encoded time as an aware UTC datetime (ISO text on SQLite)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def file_doc_time(p: P.Prepared, seq: int) -> datetime | None:
    """When the file's document ``seq`` was made."""
    for rows, lead, table, at_seq in ((p.voids, 2, "void", 1), (p.refunds, 2, "refund", 1)):
        for r in rows:
            if r[at_seq] == seq:
                return as_utc(r[lead + SPECS[table].at("created_at")])
    i = bisect_left(p.sale_seqs, seq)
    if i < len(p.sale_seqs) and p.sale_seqs[i] == seq:
        return as_utc(p.sale_row(i)[SPECS["sale"].at("created_at")])
    return None


@dataclass(frozen=True)
class Split:
    """Where a file's chain leaves the stored chain of a till: documents up to ``seq`` are shared."""

    seq: int
    number: str  # receipt number of document ``seq`` ("" for 0)
    file_docs: int  # documents of the file after ``seq``
    stored_numbers: list[str]  # stored documents after ``seq`` (not in the file)
    copied: bool  # the stored ones were made or exported after the file's first own document


def split_of(conn: Connection, till: Any, stored: list[tuple[int, str, str, str]], p: P.Prepared) -> Split | None:
    """Where ``p`` leaves the chain of ``till`` (``stored``: its documents, by seq), when the file and the
    store each hold documents after a shared start and none of the stored ones is in the file; else None."""
    b = branch_of(conn, till.id)
    seq, number = (int(b.fork_seq), str(b.fork_number)) if b is not None else (0, "")
    for s, _u, h, num in stored:
        if s - 1 < len(p.hashes) and p.hashes[s - 1] == h:
            seq, number = s, num
        else:
            break
    tail = [(u, num) for s, u, _h, num in stored if s > seq]
    in_file = set(p.uuids)
    if not tail or p.head_seq <= seq or any(u in in_file for u, _n in tail):
        return None
    first_own = file_doc_time(p, seq + 1)
    sql = " UNION ALL ".join(f"SELECT max(created_at) FROM {t} WHERE till_id = :t AND seq > :s" for t in _DOC_TABLES)
    times = [as_utc(r[0]) for r in conn.execute(text(sql), {"t": till.id, "s": seq})]
    times.append(as_utc(till.export_created_at))
    newest = max((t for t in times if t is not None), default=None)
    copied = first_own is not None and newest is not None and first_own < newest
    return Split(seq, number, p.head_seq - seq, [n for _u, n in tail], copied)


def _examples(numbers: list[str]) -> str:
    return ", ".join(numbers[:3]) + (f" … (+{len(numbers) - 3})" if len(numbers) > 3 else "")


def next_till_no(conn: Connection, vendor_id: int) -> int:
    """A till number no till of the vendor has used."""
    return int(conn.execute(text("SELECT coalesce(max(till_no), 0) FROM till WHERE vendor_id = :v"),
                            {"v": vendor_id}).scalar_one()) + 1


def copied_till(split: Split, till_no: int, new_till: int, file_name: str) -> ImportRefused:
    """The refusal of a copied till, naming the till and the receipt after which the laptops parted."""
    after_th = f"หลังใบเสร็จ {split.number}" if split.seq else "ก่อนใบเสร็จใบแรก"
    after_en = f"after receipt {split.number}" if split.seq else "before its first receipt"
    return ImportRefused(
        f"ข้อมูลของเครื่องนี้ถูกคัดลอกมาจากเครื่อง {till_no} {after_th} ทั้งสองเครื่องขายเพิ่มด้วยรหัสเครื่องเดียวกัน "
        f"(ในไฟล์นี้ {split.file_docs} รายการ ที่นำเข้าไว้จากอีกเครื่อง {len(split.stored_numbers)} รายการ เช่น "
        f"{_examples(split.stored_numbers)}) จึงยังไม่นำเข้า หากทั้งสองเครื่องขายจริง ผู้จัดงานรับไฟล์นี้เป็นสาขาที่สอง"
        f"ของเครื่องได้ด้วยคำสั่ง otop-pos fair accept-fork {file_name} แล้วให้บูธตั้งเครื่องที่คัดลอกเป็นเครื่องของตัวเอง: "
        f"otop-pos booth new-till --till {new_till}",
        f"This laptop's data was copied from till {till_no} {after_en}: both laptops have sold under one till "
        f"identity since ({split.file_docs} document(s) in this file; {len(split.stored_numbers)} imported from "
        f"the other laptop, e.g. {_examples(split.stored_numbers)}). Nothing was imported. If both laptops really "
        f"sold these, accept this file as a second branch of the till: otop-pos fair accept-fork {file_name}; "
        f"then have the booth set the copied laptop up as its own till: otop-pos booth new-till --till {new_till}.",
        "copied_till")


def repeated_closes(conn: Connection, fair_id: int) -> list[tuple[tuple[str, str], list[int]]]:
    """Closes of one till day held twice in a till's family (a day the laptops shared, stored again by a
    branch): ((till_uuid, business date), ids of the extra rows), the row nearest the till's own kept."""
    rows = conn.execute(text(
        "SELECT d.id, coalesce(r.till_uuid, t.till_uuid), coalesce(b.branch, 0), d.business_date, d.closed_at, "
        "d.expected_cash_satang, d.counted_cash_satang, d.difference_satang, d.counts_json FROM till_day d "
        "JOIN till t ON t.id = d.till_id LEFT JOIN till_branch b ON b.till_id = d.till_id "
        "LEFT JOIN till r ON r.till_uuid = b.till_uuid WHERE d.fair_id = :f AND d.closed_at IS NOT NULL"),
        {"f": fair_id})
    groups: dict[tuple[Any, ...], list[tuple[int, int]]] = {}
    for day_id, root, branch, business_date, *close in rows:
        day = business_date.isoformat() if hasattr(business_date, "isoformat") else str(business_date)
        groups.setdefault((str(root), day, close_of(*close)), []).append((int(branch), int(day_id)))
    return [((root, day), [i for _b, i in sorted(held)[1:]])
            for (root, day, _c), held in sorted(groups.items(), key=lambda g: g[0][:2]) if len(held) > 1]

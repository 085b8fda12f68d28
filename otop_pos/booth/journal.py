"""Numbering and chaining of documents (sales, voids, refunds) inside the writing transaction."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from otop_pos.booth.store import document_number, identity
from otop_pos.core.chain import GENESIS, chain_hash
from otop_pos.core.errors import DayError
from otop_pos.store.booth_models import TillDay

SERIES = "doc"


# Plain SQL with named parameters: run by the driver's cursor (checkout) and by a Session (void, refund).
# The head query also returns the open day's id, so the checkout reads all it needs in one round trip.
_HEAD = ("SELECT i.booth_code, i.till_no, n.last, n.last_hash, "
         "(SELECT d.id FROM till_day AS d WHERE d.closed_at IS NULL) FROM identity AS i "
         "LEFT JOIN number_series AS n ON n.name = :series WHERE i.id = 1")
_BUMP = "UPDATE number_series SET last = :seq, last_hash = :digest WHERE name = :series AND last = :prev_seq"
_FIRST = "INSERT INTO number_series (name, last, last_hash) VALUES (:series, :seq, :digest)"
_HEAD_T, _BUMP_T, _FIRST_T = text(_HEAD), text(_BUMP), text(_FIRST)

Head = tuple[int, str, str]


def _head(row: Any) -> Head:
    booth_code, till_no, last, last_hash = row[:4]
    seq = int(last or 0) + 1
    return seq, document_number(booth_code, int(till_no), seq), str(last_hash or GENESIS)


def next_document(session: Session) -> Head:
    """The next (seq, number, prev_hash) of this till; ``link`` makes it taken, in the same transaction
    (BEGIN IMMEDIATE: no other writer can take it meanwhile)."""
    row = session.execute(_HEAD_T, {"series": SERIES}).one_or_none()
    if row is None:
        identity(session)  # raises the clear "not set up" error
        raise AssertionError("unreachable")
    return _head(row)


def day_and_next_document(cur: sqlite3.Cursor) -> tuple[int, Head] | None:
    """On the checkout's driver cursor: the open day's id and the next document (as ``next_document``);
    None when the booth is not set up; DayError when no day is open."""
    row = cur.execute(_HEAD, {"series": SERIES}).fetchone()
    if row is None:
        if cur.execute(_OPEN_DAY).fetchone() is None:
            raise _no_day()
        return None
    if row[4] is None:
        raise _no_day()
    return int(row[4]), _head(row)


def link(db: Session | sqlite3.Cursor, seq: int, prev_hash: str, doc: dict[str, Any]) -> str:
    """Hash ``doc`` onto the chain, taking number ``seq``; returns the new head hash."""
    digest = chain_hash(prev_hash, doc)
    params = {"series": SERIES, "seq": seq, "digest": digest, "prev_seq": seq - 1}
    if isinstance(db, sqlite3.Cursor):
        first, bump = _FIRST, _BUMP
        run = db.execute
    else:
        first, bump = _FIRST_T, _BUMP_T  # type: ignore[assignment]
        run = db.execute  # type: ignore[assignment]
    if seq == 1:
        run(first, params)
    elif run(bump, params).rowcount != 1:
        raise RuntimeError("document number series moved during the transaction")
    return digest


def iso(dt: datetime) -> str:
    """UTC ISO-8601 text used in chained documents (any aware time is converted to UTC first, so the
    chain can be recomputed from the stored UTC times)."""
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def open_day_or_refuse(session: Session) -> TillDay:
    """The open till day; DayError (a clear message) when none is open."""
    day = session.scalar(select(TillDay).where(TillDay.closed_at.is_(None)))
    if day is None:
        raise _no_day()
    return day


def no_day_error() -> DayError:
    """The error every action that needs an open day raises when none is open."""
    return _no_day()


_OPEN_DAY = "SELECT id FROM till_day WHERE closed_at IS NULL"


def _no_day() -> DayError:
    return DayError(
        "ยังไม่ได้เปิดวันขาย กรุณาเปิดวันพร้อมเงินทอนตั้งต้นก่อนขาย",
        "No sales day is open: open the day with a cash float before selling.",
    )

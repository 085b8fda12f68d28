"""Numbering and chaining of documents (sales, voids, refunds) inside the writing transaction."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from otop_pos.booth.store import document_number, identity
from otop_pos.core.chain import GENESIS, chain_hash
from otop_pos.core.errors import DayError
from otop_pos.store.booth_models import TillDay

SERIES = "doc"


_HEAD = text("SELECT i.booth_code, i.till_no, n.last, n.last_hash FROM identity AS i "
             "LEFT JOIN number_series AS n ON n.name = :series WHERE i.id = 1")
_BUMP = text("UPDATE number_series SET last = :seq, last_hash = :digest WHERE name = :series AND last = :prev_seq")
_FIRST = text("INSERT INTO number_series (name, last, last_hash) VALUES (:series, :seq, :digest)")


def next_document(session: Session) -> tuple[int, str, str]:
    """The next (seq, number, prev_hash) of this till; ``link`` makes it taken, in the same transaction
    (BEGIN IMMEDIATE: no other writer can take it meanwhile)."""
    row = session.execute(_HEAD, {"series": SERIES}).one_or_none()
    if row is None:
        identity(session)  # raises the clear "not set up" error
        raise AssertionError("unreachable")
    booth_code, till_no, last, last_hash = row
    seq = int(last or 0) + 1
    return seq, document_number(booth_code, int(till_no), seq), str(last_hash or GENESIS)


def link(session: Session, seq: int, prev_hash: str, doc: dict[str, Any]) -> str:
    """Hash ``doc`` onto the chain, taking number ``seq``; returns the new head hash."""
    digest = chain_hash(prev_hash, doc)
    params = {"series": SERIES, "seq": seq, "digest": digest, "prev_seq": seq - 1}
    if seq == 1:
        session.execute(_FIRST, params)
    elif session.execute(_BUMP, params).rowcount != 1:  # type: ignore[attr-defined]
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
        raise DayError(
            "ยังไม่ได้เปิดวันขาย กรุณาเปิดวันพร้อมเงินทอนตั้งต้นก่อนขาย",
            "No sales day is open: open the day with a cash float before selling.",
        )
    return day


_OPEN_DAY = text("SELECT id FROM till_day WHERE closed_at IS NULL")


def open_day_id(session: Session) -> int:
    """The id of the open till day (a cheap check for the checkout path); DayError when none is open."""
    day_id = session.execute(_OPEN_DAY).scalar()
    if day_id is None:
        return open_day_or_refuse(session).id
    return int(day_id)

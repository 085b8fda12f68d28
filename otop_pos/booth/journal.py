"""Numbering and chaining of documents (sales, voids, refunds) inside the writing transaction."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from otop_pos.booth.store import document_number, identity
from otop_pos.core.chain import GENESIS, chain_hash
from otop_pos.core.errors import DayError
from otop_pos.store.booth_models import NumberSeries, TillDay

SERIES = "doc"


def next_document(session: Session) -> tuple[int, str, str]:
    """Reserve the next (seq, number, prev_hash) of this till; rolled back with the transaction."""
    ident = identity(session)
    row = session.execute(
        update(NumberSeries).where(NumberSeries.name == SERIES).values(last=NumberSeries.last + 1)
        .returning(NumberSeries.last, NumberSeries.last_hash)
    ).one_or_none()
    if row is None:
        session.execute(text("INSERT INTO number_series (name, last, last_hash) VALUES (:n, 1, :h)"),
                        {"n": SERIES, "h": GENESIS})
        seq, prev = 1, GENESIS
    else:
        seq, prev = int(row[0]), str(row[1])
    return seq, document_number(ident.booth_code, ident.till_no, seq), prev


def link(session: Session, prev_hash: str, doc: dict[str, Any]) -> str:
    """Hash ``doc`` onto the chain and make it the new head."""
    digest = chain_hash(prev_hash, doc)
    session.execute(update(NumberSeries).where(NumberSeries.name == SERIES).values(last_hash=digest))
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

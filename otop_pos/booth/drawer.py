"""The open day's cash drawer, bounded inside the writing transaction.

Every action that moves the day's expected cash — a sale taking cash, a void giving a sale's cash back, a
cash refund, an order's cash deposit taken or given back — reads the drawer's expected cash in the same transaction (one query, as ``days.figures`` computes
it: the float, plus the cash of the day's sales, minus the cash its voids gave back and its cash refunds) and
refuses (``core.limits.check_day_cash``) a change that would take it beyond ±MAX_DAY_CASH_SATANG, writing
nothing: a day closed beyond it would make every later export of the till one the organiser refuses.
"""
from __future__ import annotations

import sqlite3

from sqlalchemy import text
from sqlalchemy.orm import Session

from otop_pos.core.limits import check_day_cash

# The expected cash of the day ``:day`` (as ``days.figures``): the sums run on the indexes by till day and sale.
# Cash deposits count on the day taken (and given back); a delivery sale's deposit part was in an earlier drawer.
_EXPECTED = (
    "SELECT d.float_satang"
    " + (SELECT coalesce(sum(p.amount_satang), 0) FROM sale AS s JOIN payment AS p ON p.sale_id = s.id"
    "    WHERE s.till_day_id = d.id AND p.method = 'cash')"
    " - (SELECT coalesce(sum(v.cash_returned_satang), 0) FROM void AS v WHERE v.till_day_id = d.id)"
    " - (SELECT coalesce(sum(r.amount_satang), 0) FROM refund AS r WHERE r.till_day_id = d.id"
    "    AND r.method = 'cash')"
    " + (SELECT coalesce(sum(CASE WHEN o.kind = 'deposit' THEN o.amount_satang ELSE -o.amount_satang END), 0)"
    "    FROM order_deposit AS o WHERE o.till_day_id = d.id AND o.method = 'cash')"
    " - (SELECT coalesce(sum(p.amount_satang), 0) FROM order_deposit AS o"   # CROSS JOIN: from the few
    "    CROSS JOIN payment AS p ON p.id = o.applied_payment_id"                # deposits, never from the
    "    CROSS JOIN sale AS s ON s.id = p.sale_id"                              # day's many payments
    "    WHERE o.applied_payment_id IS NOT NULL AND s.till_day_id = d.id AND p.method = 'cash')"
    " FROM till_day AS d WHERE d.id = :day")
_EXPECTED_T = text(_EXPECTED)


def expected_cash(db: Session | sqlite3.Cursor, day_id: int) -> int:
    """The expected cash in the drawer of the day ``day_id`` now (in the caller's transaction)."""
    if isinstance(db, sqlite3.Cursor):
        row = db.execute(_EXPECTED, {"day": day_id}).fetchone()
    else:
        row = db.execute(_EXPECTED_T, {"day": day_id}).one_or_none()
    return int(row[0]) if row is not None else 0


def check_cash_change(db: Session | sqlite3.Cursor, day_id: int, change_satang: int) -> None:
    """InputError (nothing written) when ``change_satang`` (cash in: positive, cash out: negative) would take the
    day's expected cash beyond ±MAX_DAY_CASH_SATANG; nothing is read for a change of zero."""
    if change_satang:
        check_day_cash(expected_cash(db, day_id) + change_satang, change_satang)

"""booth store: the till's order chain (orders travel in the export) and the state's share of a deposit

A new table ``order_event`` holds a link per order action — taken, delivered, cancelled — hashed onto the
previous one when it happened (the order chain, apart from the chain of sales, voids and refunds), so that the
export's orders are verified like its documents. ``order_deposit`` gains ``state_satang``: the state's share of
a deposit paid by a co-payment scheme or state card (0 for every deposit already stored, which is what such a
deposit recorded until now).

The orders already in the store get their events here, in the order they happened (takes at the order's
time, deliveries and cancels at its close), each hashed as ``otop_pos.core.chain.order_event_doc`` hashes it
now (the form is repeated below, frozen, so that a later change of the app cannot change this migration).

Revision ID: b0005
Revises: b0004m
Create Date: 2026-12-07 22:00:00
"""
from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from datetime import date, datetime, timedelta, timezone
from typing import Any

from alembic import op
import sqlalchemy as sa


revision = 'b0005'
down_revision = 'b0004m'
branch_labels = None
depends_on = None

GENESIS = "0" * 64
BANGKOK = timezone(timedelta(hours=7))


def _hash(prev: str, doc: dict[str, Any]) -> str:
    text = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev + "\n" + text).encode("utf-8")).hexdigest()


def _utc(value: Any) -> datetime:
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


def _pay(method: str, amount: int, reference: str, state: int = 0) -> list[Any]:
    return [method, amount, reference, state] if state else [method, amount, reference]


def _backfill(conn: sa.Connection) -> None:
    days = {i: d for i, d in conn.execute(sa.text("SELECT id, business_date FROM till_day"))}
    orders = conn.execute(sa.text(
        "SELECT o.id, o.uuid, o.number, o.created_at, o.till_day_id, o.total_satang, o.sale_discount_satang, "
        "o.deliver_on, o.status, o.closed_at, o.closed_day_id, s.uuid FROM customer_order AS o "
        "LEFT JOIN sale AS s ON s.id = o.sale_id ORDER BY o.seq")).all()
    events: list[tuple[datetime, int, str, Any, int | None, dict[str, Any]]] = []
    for (oid, ouuid, number, created, day_id, total, discount, deliver_on, status, closed_at, closed_day,
         sale_uuid) in orders:
        lines = [list(r) for r in conn.execute(sa.text(
            "SELECT sku, qty, unit_price_satang, discount_satang, net_satang FROM order_line WHERE order_id = :o "
            "ORDER BY line_no"), {"o": oid})]
        money = conn.execute(sa.text(
            "SELECT kind, method, amount_satang, reference FROM order_deposit WHERE order_id = :o ORDER BY id"),
            {"o": oid}).all()
        deliver = deliver_on if isinstance(deliver_on, date) else date.fromisoformat(str(deliver_on))
        take = {"total": total, "discount": discount, "deliver": deliver.isoformat(), "lines": lines,
                "deposits": [_pay(m, a, r) for k, m, a, r in money if k == "deposit"]}
        events.append((_utc(created), 0, "take", (oid, ouuid, number), day_id, take))
        if status == "delivered":
            events.append((_utc(closed_at), 1, "deliver", (oid, ouuid, number), closed_day, {"sale": sale_uuid}))
        elif status == "cancelled":
            events.append((_utc(closed_at), 1, "cancel", (oid, ouuid, number), closed_day,
                           {"refunds": [_pay(m, a, r) for k, m, a, r in money if k == "refund"]}))
    events.sort(key=lambda e: (e[0], e[1]))
    prev = GENESIS
    for seq, (at, _k, kind, (oid, ouuid, number), day_id, details) in enumerate(events, start=1):
        event_uuid = str(uuidlib.uuid4())
        business = days.get(day_id) if day_id is not None else None
        if business is None:
            business = at.astimezone(BANGKOK).date()
        day = business if isinstance(business, date) else date.fromisoformat(str(business))
        doc = {"type": "order_" + kind, "uuid": event_uuid, "seq": seq, "order": ouuid, "number": number,
               "at": at.isoformat(timespec="microseconds"), "day": day.isoformat(), **details}
        digest = _hash(prev, doc)
        conn.execute(sa.text(
            "INSERT INTO order_event (uuid, seq, order_id, kind, till_day_id, business_date, created_at, prev_hash, "
            "hash) VALUES (:u, :s, :o, :k, :d, :b, :at, :p, :h)"),
            {"u": event_uuid, "s": seq, "o": oid, "k": kind, "d": day_id, "b": str(business),
             "at": at.replace(tzinfo=None).isoformat(" ", "microseconds"), "p": prev, "h": digest})
        prev = digest


def upgrade() -> None:
    op.add_column('order_deposit', sa.Column('state_satang', sa.Integer(), nullable=False, server_default='0'))
    op.create_table(
        'order_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('till_day_id', sa.Integer(), nullable=True),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('prev_hash', sa.String(length=64), nullable=False),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.CheckConstraint("kind IN ('take','deliver','cancel')", name=op.f('ck_order_event_kind')),
        sa.ForeignKeyConstraint(['order_id'], ['customer_order.id'],
                                name=op.f('fk_order_event_order_id_customer_order')),
        sa.ForeignKeyConstraint(['till_day_id'], ['till_day.id'], name=op.f('fk_order_event_till_day_id_till_day')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_event')),
        sa.UniqueConstraint('uuid', name=op.f('uq_order_event_uuid')),
        sa.UniqueConstraint('seq', name=op.f('uq_order_event_seq')),
        sa.UniqueConstraint('order_id', 'kind', name=op.f('uq_order_event_order_id_kind')),
    )
    op.create_index(op.f('ix_order_event_order_id'), 'order_event', ['order_id'])
    _backfill(op.get_bind())


def downgrade() -> None:
    op.drop_index(op.f('ix_order_event_order_id'), table_name='order_event')
    op.drop_table('order_event')
    op.execute("ALTER TABLE order_deposit DROP COLUMN state_satang")  # SQLite 3.35+: no table copy

"""fair store: the orders booths take (export version 3), without their customers

``customer_order`` (when and on which fair day it was taken, the delivery date, its value), ``order_line`` (as
a sale's lines), ``order_event`` (taken, delivered — naming the sale it became — or cancelled, on a fair day; a
day after the fair's last is "after the fair") and ``order_money`` (deposits taken and given back). New tables
only, and the import log's count of the orders each file added (``orders_added``, 0 for the files imported
before): every stored row is kept.

Revision ID: f0008
Revises: f0007m
Create Date: 2026-12-07 22:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0008'
down_revision = 'f0007m'
branch_labels = None
depends_on = None


def _fk(table: str, col: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([col], [f'{target}.id'], name=op.f(f'fk_{table}_{col}_{target}'))


def upgrade() -> None:
    op.add_column('import_log', sa.Column('orders_added', sa.Integer(), nullable=False, server_default='0'))
    op.create_table(
        'customer_order',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('till_id', sa.Integer(), nullable=False),
        sa.Column('import_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('taken_on', sa.Date(), nullable=False),
        sa.Column('deliver_on', sa.Date(), nullable=False),
        sa.Column('cashier', sa.String(length=64), nullable=False),
        sa.Column('subtotal_satang', sa.Integer(), nullable=False),
        sa.Column('sale_discount_satang', sa.Integer(), nullable=False),
        sa.Column('total_satang', sa.Integer(), nullable=False),
        sa.Column('item_count', sa.Integer(), nullable=False),
        sa.CheckConstraint('total_satang >= 0', name=op.f('ck_customer_order_total')),
        _fk('customer_order', 'fair_id', 'fair'), _fk('customer_order', 'vendor_id', 'vendor'),
        _fk('customer_order', 'till_id', 'till'), _fk('customer_order', 'import_id', 'import_log'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_order')),
        sa.UniqueConstraint('uuid', name=op.f('uq_customer_order_uuid')),
    )
    op.create_index('ix_customer_order_fair_vendor', 'customer_order', ['fair_id', 'vendor_id'])
    op.create_table(
        'order_line',
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('line_no', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('product_type', sa.String(length=64), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('list_price_satang', sa.Integer(), nullable=False),
        sa.Column('unit_price_satang', sa.Integer(), nullable=False),
        sa.Column('discount_satang', sa.Integer(), nullable=False),
        sa.Column('total_satang', sa.Integer(), nullable=False),
        sa.Column('sale_discount_share_satang', sa.Integer(), nullable=False),
        sa.Column('net_satang', sa.Integer(), nullable=False),
        _fk('order_line', 'order_id', 'customer_order'), _fk('order_line', 'fair_id', 'fair'),
        _fk('order_line', 'vendor_id', 'vendor'),
        sa.PrimaryKeyConstraint('order_id', 'line_no', name=op.f('pk_order_line')),
    )
    op.create_table(
        'order_event',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('till_id', sa.Integer(), nullable=False),
        sa.Column('import_id', sa.Integer(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('sale_uuid', sa.String(length=36), nullable=True),
        sa.Column('hash', sa.String(length=64), nullable=False),
        sa.CheckConstraint("kind IN ('take','deliver','cancel')", name=op.f('ck_order_event_kind')),
        _fk('order_event', 'order_id', 'customer_order'), _fk('order_event', 'fair_id', 'fair'),
        _fk('order_event', 'vendor_id', 'vendor'), _fk('order_event', 'till_id', 'till'),
        _fk('order_event', 'import_id', 'import_log'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_event')),
        sa.UniqueConstraint('uuid', name=op.f('uq_order_event_uuid')),
        sa.UniqueConstraint('order_id', 'kind', name=op.f('uq_order_event_order_id_kind')),
    )
    op.create_index(op.f('ix_order_event_order_id'), 'order_event', ['order_id'])
    op.create_index('ix_order_event_fair_date', 'order_event', ['fair_id', 'business_date'])
    op.create_table(
        'order_money',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('business_date', sa.Date(), nullable=False),
        sa.Column('method', sa.String(length=16), nullable=False),
        sa.Column('amount_satang', sa.Integer(), nullable=False),
        sa.Column('state_satang', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.CheckConstraint("kind IN ('deposit','refund')", name=op.f('ck_order_money_kind')),
        sa.CheckConstraint('amount_satang > 0', name=op.f('ck_order_money_amount')),
        _fk('order_money', 'event_id', 'order_event'), _fk('order_money', 'order_id', 'customer_order'),
        _fk('order_money', 'fair_id', 'fair'), _fk('order_money', 'vendor_id', 'vendor'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_money')),
    )
    op.create_index(op.f('ix_order_money_event_id'), 'order_money', ['event_id'])


def downgrade() -> None:
    for table in ('order_money', 'order_event', 'order_line', 'customer_order'):
        op.drop_table(table)
    op.drop_column('import_log', 'orders_added')

"""booth store: orders taken at the booth (customer, delivery date, lines) and their deposits

An order has a number series of its own (``number_series`` row ``order``); its lines are a sale's lines; its
deposits are money in (or, refunded on a cancel, money out) on the till day they are taken. A delivered order
points at the sale it became; a deposit carried into that sale points at the sale's payment
(``applied_payment_id``), so the drawer of the delivery day does not count it again. New tables only.

Revision ID: b0004o
Revises: b0003m
Create Date: 2026-12-07 19:30:00
"""
from alembic import op
import sqlalchemy as sa



revision = 'b0004o'
down_revision = 'b0003m'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'customer_order',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(length=36), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('till_day_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('cashier', sa.String(length=64), nullable=False),
        sa.Column('customer_name', sa.String(length=120), nullable=False),
        sa.Column('customer_phone', sa.String(length=32), nullable=False),
        sa.Column('deliver_on', sa.Date(), nullable=False),
        sa.Column('note', sa.String(length=300), nullable=False),
        sa.Column('subtotal_satang', sa.Integer(), nullable=False),
        sa.Column('sale_discount_satang', sa.Integer(), nullable=False),
        sa.Column('total_satang', sa.Integer(), nullable=False),
        sa.Column('item_count', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('closed_day_id', sa.Integer(), nullable=True),
        sa.Column('sale_id', sa.Integer(), nullable=True),
        sa.Column('deposit_refunded', sa.Boolean(), nullable=False),
        sa.CheckConstraint("status IN ('open','delivered','cancelled')", name=op.f('ck_customer_order_status')),
        sa.CheckConstraint('total_satang >= 0', name=op.f('ck_customer_order_total')),
        sa.ForeignKeyConstraint(['till_day_id'], ['till_day.id'], name=op.f('fk_customer_order_till_day_id_till_day')),
        sa.ForeignKeyConstraint(['closed_day_id'], ['till_day.id'],
                                name=op.f('fk_customer_order_closed_day_id_till_day')),
        sa.ForeignKeyConstraint(['sale_id'], ['sale.id'], name=op.f('fk_customer_order_sale_id_sale')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_order')),
        sa.UniqueConstraint('uuid', name=op.f('uq_customer_order_uuid')),
        sa.UniqueConstraint('seq', name=op.f('uq_customer_order_seq')),
        sa.UniqueConstraint('number', name=op.f('uq_customer_order_number')),
        sa.UniqueConstraint('sale_id', name=op.f('uq_customer_order_sale_id')),
    )
    op.create_index('ix_customer_order_status', 'customer_order', ['status'])
    op.create_table(
        'order_line',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('line_no', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=True),
        sa.Column('sku', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('product_type', sa.String(length=64), nullable=False),
        sa.Column('qty', sa.Integer(), nullable=False),
        sa.Column('list_price_satang', sa.Integer(), nullable=False),
        sa.Column('unit_price_satang', sa.Integer(), nullable=False),
        sa.Column('discount_kind', sa.String(length=8), nullable=False),
        sa.Column('discount_value', sa.Integer(), nullable=False),
        sa.Column('discount_satang', sa.Integer(), nullable=False),
        sa.Column('total_satang', sa.Integer(), nullable=False),
        sa.Column('sale_discount_share_satang', sa.Integer(), nullable=False),
        sa.Column('net_satang', sa.Integer(), nullable=False),
        sa.CheckConstraint('qty > 0', name=op.f('ck_order_line_qty')),
        sa.CheckConstraint('total_satang >= 0 AND net_satang >= 0', name=op.f('ck_order_line_nonneg')),
        sa.ForeignKeyConstraint(['order_id'], ['customer_order.id'], name=op.f('fk_order_line_order_id_customer_order')),
        sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_order_line_product_id_product')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_line')),
        sa.UniqueConstraint('order_id', 'line_no', name=op.f('uq_order_line_order_id_line_no')),
    )
    op.create_table(
        'order_deposit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('till_day_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('method', sa.String(length=16), nullable=False),
        sa.Column('amount_satang', sa.Integer(), nullable=False),
        sa.Column('tendered_satang', sa.Integer(), nullable=True),
        sa.Column('change_satang', sa.Integer(), nullable=False),
        sa.Column('reference', sa.String(length=64), nullable=False),
        sa.Column('applied_payment_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('deposit','refund')", name=op.f('ck_order_deposit_kind')),
        sa.CheckConstraint('amount_satang > 0', name=op.f('ck_order_deposit_amount')),
        sa.ForeignKeyConstraint(['order_id'], ['customer_order.id'],
                                name=op.f('fk_order_deposit_order_id_customer_order')),
        sa.ForeignKeyConstraint(['till_day_id'], ['till_day.id'], name=op.f('fk_order_deposit_till_day_id_till_day')),
        sa.ForeignKeyConstraint(['applied_payment_id'], ['payment.id'],
                                name=op.f('fk_order_deposit_applied_payment_id_payment')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_order_deposit')),
        sa.UniqueConstraint('applied_payment_id', name=op.f('uq_order_deposit_applied_payment_id')),
    )
    op.create_index('ix_order_deposit_till_day_id', 'order_deposit', ['till_day_id'])
    op.create_index('ix_order_deposit_order_id', 'order_deposit', ['order_id'])


def downgrade() -> None:
    op.drop_index('ix_order_deposit_order_id', table_name='order_deposit')
    op.drop_index('ix_order_deposit_till_day_id', table_name='order_deposit')
    op.drop_table('order_deposit')
    op.drop_table('order_line')
    op.drop_index('ix_customer_order_status', table_name='customer_order')
    op.drop_table('customer_order')

"""booth store: held bills and the open cart, with the payment parts taken on them

Revision ID: b0002
Revises: b0001
Create Date: 2026-12-07 13:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'b0002'
down_revision = 'b0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('held_bill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cart_json', sa.Text(), nullable=False),
    sa.Column('parts_json', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('open','held')", name=op.f('ck_held_bill_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_held_bill')),
    sa.UniqueConstraint('uuid', name=op.f('uq_held_bill_uuid'))
    )


def downgrade() -> None:
    op.drop_table('held_bill')

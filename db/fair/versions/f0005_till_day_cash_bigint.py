"""fair store: a till day's cash columns hold 64-bit amounts

A booth's day may now be expected to hold up to ฿100,000,000 in its drawer, either way
(``core.limits.MAX_DAY_CASH_SATANG``), and its difference up to that plus the largest count; in satang that is
beyond a 32-bit INTEGER (at most ฿21,474,836.47) on PostgreSQL. The float, expected, counted cash and the
difference of ``till_day`` become BIGINT. On PostgreSQL an ALTER TYPE each (the table rewritten once; it has a
row per till and day, so a few thousand); on SQLite every INTEGER is already 64-bit and the batch copies the
small table once to record the declared type. No data changes.

Revision ID: f0005
Revises: f0004
Create Date: 2026-12-09 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0005'
down_revision = 'f0004'
branch_labels = None
depends_on = None

COLUMNS = (('float_satang', False), ('expected_cash_satang', True), ('counted_cash_satang', True),
           ('difference_satang', True))


def upgrade() -> None:
    with op.batch_alter_table('till_day') as batch_op:
        for name, nullable in COLUMNS:
            batch_op.alter_column(name, existing_type=sa.Integer(), type_=sa.BigInteger(),
                                  existing_nullable=nullable)


def downgrade() -> None:
    with op.batch_alter_table('till_day') as batch_op:
        for name, nullable in COLUMNS:
            batch_op.alter_column(name, existing_type=sa.BigInteger(), type_=sa.Integer(),
                                  existing_nullable=nullable)

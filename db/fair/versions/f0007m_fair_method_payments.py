"""fair store: payments and refunds by any of the fair's methods; the state's share of a scheme's payment

The ``payment`` and ``refund`` tables' CHECKs listing the booth's four methods become a CHECK that a method is
given: which codes a fair knows is its ``fair_method`` list, checked by the import (export version 2 carries
card, co-payment and state-card payments). ``payment`` gains ``state_satang`` (the state's share of the amount;
0 for every payment already imported, as no export before version 2 carried one) and ``payment_total`` gains
the state's share of the sales and of the voided sales of each vendor, method and day (0 likewise). Every row
is kept.

On SQLite the ``refund`` table cannot be copied and dropped the way a batch ALTER does (``refund_line`` refers to
it and the store keeps foreign keys on, inside the migration's transaction); only its CHECK changes, so its
stored definition is edited in place, the procedure SQLite documents for loosening a CHECK
(https://www.sqlite.org/lang_altertable.html#otheralter): rows and pages are untouched.

Revision ID: f0007m
Revises: f0007
Create Date: 2026-12-07 19:40:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0007m'
down_revision = 'f0007'
branch_labels = None
depends_on = None

OLD = "method IN ('cash','promptpay','transfer','other')"
NEW = "method <> ''"


def _sqlite_check(table: str, old: str, new: str) -> None:
    """Replace the CHECK ``old`` of ``table`` by ``new`` in SQLite's stored schema (a looser one only)."""
    conn = op.get_bind()
    stored = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                          {"t": table}).scalar_one()
    if f"CHECK ({old})" not in stored:
        raise RuntimeError(f"{table}: the CHECK ({old}) to replace is not in its definition")
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = :t"),
                 {"sql": stored.replace(f"CHECK ({old})", f"CHECK ({new})"), "t": table})
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def _refund_check(old: str, new: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_check('refund', old, new)
        return
    with op.batch_alter_table('refund') as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_refund_method'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_refund_method'), new)


def upgrade() -> None:
    with op.batch_alter_table('payment') as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_payment_method'), type_='check')
        batch_op.add_column(sa.Column('state_satang', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_check_constraint(batch_op.f('ck_payment_method'), NEW)
        batch_op.create_check_constraint(batch_op.f('ck_payment_state'), 'state_satang BETWEEN 0 AND amount_satang')
    _refund_check(OLD, NEW)
    with op.batch_alter_table('payment_total') as batch_op:
        batch_op.add_column(sa.Column('state_satang', sa.BigInteger(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('void_state_satang', sa.BigInteger(), nullable=False, server_default='0'))


def downgrade() -> None:
    with op.batch_alter_table('payment_total') as batch_op:
        batch_op.drop_column('void_state_satang')
        batch_op.drop_column('state_satang')
    _refund_check(NEW, OLD)
    with op.batch_alter_table('payment') as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_payment_state'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_payment_method'), type_='check')
        batch_op.drop_column('state_satang')
        batch_op.create_check_constraint(batch_op.f('ck_payment_method'), OLD)

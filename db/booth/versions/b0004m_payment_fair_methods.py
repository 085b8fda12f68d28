"""booth store: a payment may use any of the fair's methods; a co-payment keeps the state's share

The ``payment`` table's CHECK listing the booth's four methods goes: which method a payment may use is the
booth's ``booth_method`` list, checked by the checkout. A new column ``state_satang`` keeps the part the state
pays of a co-payment or state-card payment (0 for every other payment, and for every payment already stored),
with a CHECK that it lies between 0 and the payment's amount; ``amount_satang`` stays the whole part. Every
row is kept.

``payment`` is not copied and dropped the way a batch ALTER does: ``order_deposit`` refers to it and the store
keeps foreign keys on inside the migration's transaction. The column is added with ALTER TABLE, and the CHECK
on the method is replaced, in SQLite's stored definition of the table, by the CHECK on the share — the
procedure SQLite documents for changing CHECK constraints (https://www.sqlite.org/lang_altertable.html,
"Making Other Kinds Of Table Schema Changes"): pages and rows are untouched, and every stored row meets the new
CHECK (its share is 0 and its amount not negative).

Revision ID: b0004m
Revises: b0004o
Create Date: 2026-12-07 19:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'b0004m'
down_revision = 'b0004o'
branch_labels = None
depends_on = None

METHOD = "CONSTRAINT ck_payment_method CHECK (method IN ('cash','promptpay','transfer','other'))"
STATE = "CONSTRAINT ck_payment_state CHECK (state_satang BETWEEN 0 AND amount_satang)"


def _replace_in_schema(old: str, new: str) -> None:
    """``payment``'s stored definition with ``old`` replaced by ``new`` (a CHECK its rows meet)."""
    conn = op.get_bind()
    stored = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'payment'")
                          ).scalar_one()
    if old not in stored:
        raise RuntimeError(f"payment: {old} is not in its definition")
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'payment'"),
                 {"sql": stored.replace(old, new)})
    conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    op.add_column('payment', sa.Column('state_satang', sa.Integer(), nullable=False, server_default='0'))
    _replace_in_schema(METHOD, STATE)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT count(*) FROM payment WHERE state_satang <> 0 OR method NOT IN "
                            "('cash','promptpay','transfer','other')")).scalar_one():
        raise RuntimeError("payments by the fair's other methods cannot go back before b0004m")
    _replace_in_schema(STATE, METHOD)
    conn.exec_driver_sql("ALTER TABLE payment DROP COLUMN state_satang")

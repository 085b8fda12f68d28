"""fair store: covering indexes for the organiser report's aggregates

Each big report query reads one narrow index in the order of its GROUP BY (SQLite groups by sorting unless
an index gives the order), never the wide document rows: sales per vendor and day, sale lines per vendor
and SKU, payments per vendor and method, and on SQLite sales per Bangkok hour of day (an expression index;
the expression must stay exactly as ``otop_pos.fair.figures_sql.HOUR_SQLITE`` writes it). Indexes only.

Revision ID: f0002
Revises: f0001
Create Date: 2026-11-26 16:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0002'
down_revision = 'f0001'
branch_labels = None
depends_on = None

HOUR_SQLITE = "((CAST(substr(created_at, 12, 2) AS INTEGER) + 7) % 24)"
INDEXES = (
    ("ix_sale_report_vendor_day", "sale", ["fair_id", "vendor_id", "business_date", "total_satang", "item_count"]),
    ("ix_sale_line_report_product", "sale_line", ["fair_id", "vendor_id", "sku", "business_date", "qty",
                                                  "net_satang"]),
    ("ix_payment_report_vendor_method", "payment", ["fair_id", "vendor_id", "method", "business_date",
                                                    "amount_satang"]),
    ("ix_refund_line_fair_date", "refund_line", ["fair_id", "business_date", "vendor_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_sale_report_hour", "sale", ["fair_id", sa.text(HOUR_SQLITE), "business_date",
                                                        "total_satang", "item_count"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_sale_report_hour", table_name="sale")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)

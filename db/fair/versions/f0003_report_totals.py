"""fair store: report totals kept by the import (sale_total, payment_total, product_total)

The organiser report read millions of documents through the covering indexes of f0002; it now reads totals
per vendor, date and hour / method / product that the import adds in its own transaction
(``otop_pos.fair.totals``). This migration makes the three tables, fills them from the documents already
imported (the statements are written out here, as they were at this revision), and drops the covering
indexes that only the report read (each slowed every import); the refund_line index stays.

Revision ID: f0003
Revises: f0002
Create Date: 2026-11-26 18:45:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0003'
down_revision = 'f0002'
branch_labels = None
depends_on = None

HOUR = {"sqlite": "((CAST(substr({t}.created_at, 12, 2) AS INTEGER) + 7) % 24)",
        "postgresql": "CAST(EXTRACT(HOUR FROM {t}.created_at AT TIME ZONE 'Asia/Bangkok') AS INTEGER)"}
#: Each totals table filled from its documents (as written at this revision): the union of what sales, voids
#: and refunds add, summed per key. A void or refund counts on its own date (and hour).
FILL = (
    ("sale_total", "fair_id, vendor_id, business_date, hour",
     "sales, total_satang, items, voids, void_satang, void_items, refunds, refund_satang, refund_items", "",
     "SELECT s.fair_id, s.vendor_id, s.business_date, {hs} AS hour, 1 AS sales, s.total_satang, "
     "s.item_count AS items, 0 AS voids, 0 AS void_satang, 0 AS void_items, 0 AS refunds, 0 AS refund_satang, "
     "0 AS refund_items FROM sale s "
     "UNION ALL SELECT v.fair_id, v.vendor_id, v.business_date, {hv}, 0, 0, 0, 1, v.amount_satang, "
     "(SELECT coalesce(sum(l.qty), 0) FROM sale_line l WHERE l.sale_id = v.sale_id), 0, 0, 0 FROM void v "
     "UNION ALL SELECT r.fair_id, r.vendor_id, r.business_date, {hr}, 0, 0, 0, 0, 0, 0, 1, r.amount_satang, "
     "(SELECT coalesce(sum(rl.qty), 0) FROM refund_line rl WHERE rl.refund_id = r.id) FROM refund r"),
    ("payment_total", "fair_id, vendor_id, method, business_date",
     "payments, amount_satang, voids, void_satang, refunds, refund_satang", "",
     "SELECT p.fair_id, p.vendor_id, p.method, p.business_date, 1 AS payments, p.amount_satang, 0 AS voids, "
     "0 AS void_satang, 0 AS refunds, 0 AS refund_satang FROM payment p "
     "UNION ALL SELECT v.fair_id, v.vendor_id, p.method, v.business_date, 0, 0, 1, p.amount_satang, 0, 0 "
     "FROM void v JOIN payment p ON p.sale_id = v.sale_id "
     "UNION ALL SELECT r.fair_id, r.vendor_id, r.method, r.business_date, 0, 0, 0, 0, 1, r.amount_satang "
     "FROM refund r"),
    ("product_total", "fair_id, vendor_id, sku, business_date",
     "lines, qty, net_satang, void_lines, void_qty, void_satang, refund_qty, refund_satang", "name, product_type",
     "SELECT l.fair_id, l.vendor_id, l.sku, l.business_date, 1 AS lines, l.qty, l.net_satang, 0 AS void_lines, "
     "0 AS void_qty, 0 AS void_satang, 0 AS refund_qty, 0 AS refund_satang, l.name, l.product_type "
     "FROM sale_line l "
     "UNION ALL SELECT v.fair_id, v.vendor_id, l.sku, v.business_date, 0, 0, 0, 1, l.qty, l.net_satang, 0, 0, "
     "l.name, l.product_type FROM void v JOIN sale_line l ON l.sale_id = v.sale_id "
     "UNION ALL SELECT rl.fair_id, rl.vendor_id, l.sku, rl.business_date, 0, 0, 0, 0, 0, 0, rl.qty, "
     "rl.amount_satang, l.name, l.product_type FROM refund_line rl "
     "JOIN sale_line l ON l.sale_id = rl.sale_id AND l.line_no = rl.line_no"),
)
HOUR_INDEX = "((CAST(substr(created_at, 12, 2) AS INTEGER) + 7) % 24)"
DROPPED = (
    ("ix_sale_report_vendor_day", "sale", ["fair_id", "vendor_id", "business_date", "total_satang", "item_count"]),
    ("ix_sale_line_report_product", "sale_line", ["fair_id", "vendor_id", "sku", "business_date", "qty",
                                                  "net_satang"]),
    ("ix_payment_report_vendor_method", "payment", ["fair_id", "vendor_id", "method", "business_date",
                                                    "amount_satang"]),
)


def _table(name: str, key: list[sa.Column], sums: list[str], extra: list[sa.Column]) -> None:
    op.create_table(
        name,
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        *key,
        *[sa.Column(s, sa.BigInteger(), nullable=False) for s in sums],
        *extra,
        sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f(f'fk_{name}_fair_id_fair')),
        sa.ForeignKeyConstraint(['vendor_id'], ['vendor.id'], name=op.f(f'fk_{name}_vendor_id_vendor')),
        sa.PrimaryKeyConstraint('fair_id', 'vendor_id', *[c.name for c in key], name=op.f(f'pk_{name}')),
        sqlite_with_rowid=False,
    )


def upgrade() -> None:
    for table, keys, sums, kept, _source in FILL:
        key_columns = {
            "business_date": sa.Column('business_date', sa.Date(), nullable=False),
            "hour": sa.Column('hour', sa.Integer(), nullable=False),
            "method": sa.Column('method', sa.String(length=16), nullable=False),
            "sku": sa.Column('sku', sa.String(length=64), nullable=False),
        }
        extra = [sa.Column('name', sa.String(length=300), nullable=False),
                 sa.Column('product_type', sa.String(length=64), nullable=False)] if kept else []
        _table(table, [key_columns[k] for k in keys.split(", ")[2:]], sums.split(", "), extra)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":  # imports by other desks wait: the fill sees every committed document
        bind.exec_driver_sql("LOCK TABLE sale, sale_line, payment, void, refund, refund_line IN SHARE MODE")
    hour = HOUR[bind.dialect.name]
    for table, keys, sums, kept, source in FILL:
        sql = source.format(hs=hour.format(t="s"), hv=hour.format(t="v"), hr=hour.format(t="r"))
        summed = ", ".join(f"sum({c})" for c in sums.split(", "))
        kept_sql = "".join(f", min({c})" for c in kept.split(", ") if c)
        bind.exec_driver_sql(f"INSERT INTO {table} ({keys}, {sums}{', ' + kept if kept else ''}) "
                             f"SELECT {keys}, {summed}{kept_sql} FROM ({sql}) AS docs GROUP BY {keys}")
    if bind.dialect.name == "sqlite":
        op.drop_index("ix_sale_report_hour", table_name="sale")
    for name, table, _columns in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, table, columns in DROPPED:
        op.create_index(name, table, columns, unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.create_index("ix_sale_report_hour", "sale", ["fair_id", sa.text(HOUR_INDEX), "business_date",
                                                        "total_satang", "item_count"], unique=False)
    op.drop_table('product_total')
    op.drop_table('payment_total')
    op.drop_table('sale_total')

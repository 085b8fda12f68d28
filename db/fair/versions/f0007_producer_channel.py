"""fair store: the producer's own channel (LINE, Facebook page, online shop) on each vendor

Three optional texts of the registry (``core.channel``), carried into the booth package and printed as a QR on
the booth's receipts. Existing vendors get "" (no channel); the organiser's next registry load fills them in.

Revision ID: f0007
Revises: f0006m
Create Date: 2026-12-07 19:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f0007'
down_revision = 'f0006m'
branch_labels = None
depends_on = None

COLUMNS = ('line_account', 'facebook_page', 'shop_url')


# Plain ALTER TABLE ADD / DROP COLUMN on both databases (SQLite has both since 3.35): a batch would copy the
# vendor table, which the other tables' foreign keys refer to, and SQLite refuses to drop it.


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column('vendor', sa.Column(name, sa.String(300), nullable=False, server_default=''))


def downgrade() -> None:
    for name in COLUMNS:
        op.drop_column('vendor', name)

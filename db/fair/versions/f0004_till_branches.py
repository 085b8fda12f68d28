"""fair store: till branches (a copied till accepted as a fork)

Two laptops exporting one till identity whose hash chains part are refused as ``copied_till``; the organiser
accepts the copy with ``otop-pos fair accept-fork``, which makes a till row for the copy's branch and links
it here to the till it was copied from (``otop_pos.store.fair_models.TillBranch``). A new table only: the
till table and its documents are unchanged.

Revision ID: f0004
Revises: f0003
Create Date: 2026-12-02 10:00:00
"""
from alembic import op
import sqlalchemy as sa



revision = 'f0004'
down_revision = 'f0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'till_branch',
        sa.Column('till_id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('till_uuid', sa.String(length=36), nullable=False),
        sa.Column('branch', sa.Integer(), nullable=False),
        sa.Column('parent_id', sa.Integer(), nullable=False),
        sa.Column('fork_seq', sa.Integer(), nullable=False),
        sa.Column('fork_hash', sa.String(length=64), nullable=False),
        sa.Column('fork_number', sa.String(length=32), nullable=False),
        sa.Column('accepted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('file_name', sa.String(length=260), nullable=False),
        sa.ForeignKeyConstraint(['parent_id'], ['till.id'], name=op.f('fk_till_branch_parent_id_till')),
        sa.ForeignKeyConstraint(['till_id'], ['till.id'], name=op.f('fk_till_branch_till_id_till')),
        sa.PrimaryKeyConstraint('till_id', name=op.f('pk_till_branch')),
        sa.UniqueConstraint('till_uuid', 'branch', name=op.f('uq_till_branch_till_uuid_branch')),
    )


def downgrade() -> None:
    op.drop_table('till_branch')

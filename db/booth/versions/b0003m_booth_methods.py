"""booth store: the fair's payment methods

The methods of the fair the till sells at (``otop_pos.store.booth_models.BoothMethod``), as the booth package
carries them: code, Thai and English names, kind (plain, copay, state), the state's share in percent and the
per-customer daily cap. Every store, set up or not, starts with the built-ins
(``otop_pos.core.vocabulary.FAIR_METHOD_DEFAULTS``); setting up from a package that carries the fair's methods
replaces them. A new table only.

Revision ID: b0003m
Revises: b0002
Create Date: 2026-12-07 19:10:00
"""
from alembic import op
import sqlalchemy as sa

from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS


revision = 'b0003m'
down_revision = 'b0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        'booth_method',
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('name_th', sa.String(length=100), nullable=False),
        sa.Column('name_en', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('state_percent', sa.Integer(), nullable=False),
        sa.Column('daily_cap_satang', sa.Integer(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.CheckConstraint("kind IN ('plain','copay','state')", name=op.f('ck_booth_method_kind')),
        sa.CheckConstraint('state_percent BETWEEN 0 AND 100', name=op.f('ck_booth_method_percent')),
        sa.PrimaryKeyConstraint('code', name=op.f('pk_booth_method')),
    )
    op.bulk_insert(table, [dict(code=d.term.key, name_th=d.term.th, name_en=d.term.en, kind=d.kind,
                                state_percent=d.state_percent, daily_cap_satang=d.daily_cap_satang, position=n)
                           for n, d in enumerate(FAIR_METHOD_DEFAULTS)])


def downgrade() -> None:
    op.drop_table('booth_method')

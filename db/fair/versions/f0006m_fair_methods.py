"""fair store: the fair's payment methods

A table of each fair's payment methods (``otop_pos.store.fair_models.FairMethod``): a code, Thai and English
names, the kind (plain, a co-payment scheme, wholly state-funded), the state's share in percent and an optional
per-customer daily cap. Every fair already in the store gets the built-ins every new fair starts with
(``otop_pos.core.vocabulary.FAIR_METHOD_DEFAULTS``: cash, PromptPay, transfer, card, คนละครึ่ง 50 % up to ฿150 a
day, the state welfare card, other). A new table only: the imported documents are unchanged.

Revision ID: f0006m
Revises: f0005
Create Date: 2026-12-07 19:00:00
"""
from alembic import op
import sqlalchemy as sa

from otop_pos.core.vocabulary import FAIR_METHOD_DEFAULTS


revision = 'f0006m'
down_revision = 'f0005'
branch_labels = None
depends_on = None

CHECK = ("(kind = 'plain' AND state_percent = 0 AND daily_cap_satang IS NULL) OR "
         "(kind = 'copay' AND state_percent > 0 AND state_percent < 100) OR "
         "(kind = 'state' AND state_percent = 100)")


def upgrade() -> None:
    table = op.create_table(
        'fair_method',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fair_id', sa.Integer(), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('name_th', sa.String(length=100), nullable=False),
        sa.Column('name_en', sa.String(length=100), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('state_percent', sa.Integer(), nullable=False),
        sa.Column('daily_cap_satang', sa.BigInteger(), nullable=True),
        sa.Column('builtin', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.CheckConstraint(CHECK, name=op.f('ck_fair_method_kind')),
        sa.CheckConstraint('daily_cap_satang IS NULL OR daily_cap_satang > 0', name=op.f('ck_fair_method_cap')),
        sa.ForeignKeyConstraint(['fair_id'], ['fair.id'], name=op.f('fk_fair_method_fair_id_fair')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_method')),
        sa.UniqueConstraint('fair_id', 'code', name=op.f('uq_fair_method_fair_id_code')),
    )
    fairs = [row[0] for row in op.get_bind().execute(sa.text('SELECT id FROM fair ORDER BY id'))]
    rows = [dict(fair_id=fair_id, code=d.term.key, name_th=d.term.th, name_en=d.term.en, kind=d.kind,
                 state_percent=d.state_percent, daily_cap_satang=d.daily_cap_satang, builtin=True, position=n)
            for fair_id in fairs for n, d in enumerate(FAIR_METHOD_DEFAULTS)]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table('fair_method')

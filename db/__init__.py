"""Alembic environments, one per store (installed as otop_pos.migrations)."""

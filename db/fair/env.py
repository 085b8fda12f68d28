"""Alembic environment of the fair store (render_as_batch for SQLite ALTERs)."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from otop_pos.store.fair_models import FairBase

target_metadata = FairBase.metadata
config = context.config


def run() -> None:
    """Run migrations on the connection handed in by otop_pos.store.migrate (or a URL for the CLI)."""
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        with create_engine(url).begin() as conn:
            _run(conn)
    else:
        _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()

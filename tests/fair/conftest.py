"""Fair-store fixtures: every test runs on SQLite and on PostgreSQL (a fresh database per test)."""
from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from otop_pos.core.clock import FixedClock
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.store.migrate import current_heads

PG_ENV = "OTOP_TEST_PG_URL"


def pg_url_or_skip() -> str:
    """The server URL from the test command; skipped outside CI when unset, a failure in CI."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PG_ENV} is not set in CI: the PostgreSQL tests must run there (.ci/dev test starts one)")
        pytest.skip(f"{PG_ENV} is not set: run the suite with `bash .ci/dev test` to include PostgreSQL")
    return url


def create_pg_database(server_url: str) -> tuple[str, str]:
    """CREATE DATABASE with a random name; returns (its URL, its name)."""
    name = f"otop_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False), name


def drop_pg_database(server_url: str, name: str) -> None:
    """DROP DATABASE (closing other connections first)."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fair_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fair store location: a SQLite file in tmp_path, or a fresh PostgreSQL database (dropped after)."""
    if request.param == "sqlite":
        yield str(tmp_path / "fair.sqlite")
        return
    server = pg_url_or_skip()
    url, name = create_pg_database(server)
    try:
        yield url
    finally:
        drop_pg_database(server, name)


@pytest.fixture(scope="session")
def migrated_fair_stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Empty fair stores migrated to head once per test session: a SQLite file and a PostgreSQL database,
    made when first needed (``start_migrated``)."""
    made: dict[str, str] = {"root": str(tmp_path_factory.mktemp("migrated"))}
    yield made
    if "postgres" in made:
        drop_pg_database(pg_url_or_skip(), made["postgres"])


def start_migrated(fair_db: str, made: dict[str, str]) -> None:
    """Make the new, empty store at ``fair_db`` a copy of an empty store migrated to head (running every
    migration costs seconds; copying, milliseconds); a store that holds anything already is left alone."""
    if "://" not in fair_db:
        target = Path(fair_db)
        if target.exists():
            return
        if "sqlite" not in made:
            made["sqlite"] = str(Path(made["root"]) / "fair.sqlite")
            open_fair_store(made["sqlite"]).dispose()
        target.parent.mkdir(parents=True, exist_ok=True)
        src, dst = sqlite3.connect(made["sqlite"]), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
        return
    engine = create_engine(fair_db)
    try:
        if current_heads(engine):
            return
    finally:
        engine.dispose()
    server = pg_url_or_skip()
    if "postgres" not in made:
        url, made["postgres"] = create_pg_database(server)
        open_fair_store(url).dispose()  # nobody may stay connected to a database that is copied
    name = make_url(fair_db).database
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{made["postgres"]}"'))
    finally:
        admin.dispose()


@pytest.fixture
def fair_store(fair_db: str, migrated_fair_stores: dict[str, str]) -> Iterator[FairStore]:
    """The fair store at ``fair_db``, migrated to head (a copy of a migrated empty store when it is new)."""
    start_migrated(fair_db, migrated_fair_stores)
    store = open_fair_store(fair_db)
    yield store
    store.dispose()


@pytest.fixture
def fair_clock() -> FixedClock:
    """The evening of the Khon Kaen fair's last day, moving 1 s per reading."""
    return FixedClock(datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc), step=timedelta(seconds=1))

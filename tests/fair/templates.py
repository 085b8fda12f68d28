"""Fair stores built once and copied for each test: a module- or session-scoped fixture builds a fair (booths
selling, exports imported) into a template store with ``build_template``; the module's ``fair_db`` then gives
each test that wants it its own copy (``store_copy``: a SQLite backup, or ``CREATE DATABASE … TEMPLATE`` on
PostgreSQL), so a test that adds to its store changes no other test's store."""
from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from otop_pos.core.clock import FixedClock
from otop_pos.fair.store import FairStore, open_fair_store
from tests.fair.conftest import create_pg_database, drop_pg_database, pg_url_or_skip

DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
START = datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc)  # as the ``fair_clock`` of tests/fair/conftest.py


@dataclass
class Template:
    """A built store: where it is, the folder its files went to, the clock that built it, what it returned."""

    kind: str
    location: str
    server: str | None
    name: str
    root: Path
    clock: FixedClock
    data: Any


def build_template(kind: str, root: Path, build: Callable[[FairStore, FixedClock, Path], Any]) -> Iterator[Template]:
    """A fixture body: ``build(store, clock, root)`` on a new store of ``kind``; dropped at the end."""
    server, name = None, ""
    if kind == "sqlite":
        location = str(root / "fair.sqlite")
    else:
        server = pg_url_or_skip()
        location, name = create_pg_database(server)
    try:
        clock = FixedClock(START, step=timedelta(seconds=1))
        store = open_fair_store(location)
        try:
            data = build(store, clock, root)
        finally:
            store.dispose()  # PostgreSQL copies a template only while nobody is connected to it
        yield Template(kind, location, server, name, root, clock, data)
    finally:
        if server is not None:
            drop_pg_database(server, name)


def store_copy(template: Template, tmp_path: Path, *, copy: bool) -> Iterator[str]:
    """A fixture body for ``fair_db``: a copy of the template store (``copy``), else a new empty store."""
    if template.kind == "sqlite":
        target = tmp_path / "fair.sqlite"
        if copy:
            src, dst = sqlite3.connect(template.location), sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                src.close()
                dst.close()
        yield str(target)
        return
    server = template.server
    assert server is not None
    if not copy:
        url, name = create_pg_database(server)
    else:
        name = f"otop_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.name}"'))
        finally:
            admin.dispose()
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        drop_pg_database(server, name)


def clock_after(template: Template, *, copy: bool) -> FixedClock:
    """For a test on a copy: the clock that built the template, carrying on from where it stopped (as if the
    test had built the store itself); else the conftest's fresh clock."""
    start = template.clock.now() if copy else START
    return FixedClock(start, step=timedelta(seconds=1))

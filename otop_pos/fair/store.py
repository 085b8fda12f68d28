"""Opening the fair store: a SQLite file (default) or a PostgreSQL URL, migrated to head, with write
transactions that are retried as a whole on a serialization failure or a deadlock."""
from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_data_dir
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from otop_pos.core.errors import StoreError
from otop_pos.store.engine import check_live_store_location, sqlite_engine, storage_error
from otop_pos.store.migrate import upgrade_to_head
from otop_pos.store.ownership import check_ours, store_files

STORE_FILE = "fair.sqlite"
#: SQLSTATEs worth a retry of the whole transaction: serialization failure, deadlock detected.
RETRY_SQLSTATES = {"40001", "40P01"}
MAX_ATTEMPTS = 8
MIGRATION_LOCK = 0x07_0F_A1_12  # pg advisory lock key held while migrating
T = TypeVar("T")


def default_db() -> str:
    """``OTOP_POS_DB``, else ``fair.sqlite`` in ``OTOP_POS_HOME`` or the user data folder."""
    env = os.environ.get("OTOP_POS_DB")
    if env:
        return env
    home = os.environ.get("OTOP_POS_HOME")
    folder = Path(home) if home else Path(user_data_dir("otop-pos", appauthor=False))
    return str(folder / STORE_FILE)


def is_url(db: str) -> bool:
    """True when ``db`` is a database URL (``postgresql+psycopg://…``, ``sqlite:///…``) and not a path."""
    return "://" in db


def _sqlite_cache(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA cache_size = -65536")  # 64 MiB: the UUID indexes of a national fair stay hot
    cur.execute("PRAGMA temp_store = MEMORY")
    cur.close()


def _retryable(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in RETRY_SQLSTATES:
        return True
    text = str(orig or exc).lower()
    return isinstance(orig, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


class FairStore:
    """The organiser's store: ``write()``/``read()`` sessions and ``transaction(fn)`` with retries."""

    def __init__(self, engine: Engine, *, description: str) -> None:
        self.engine = engine
        self.description = description
        self.dialect = engine.dialect.name
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.retries = 0  # how many transactions had to be run again (for tests and the log)

    @property
    def is_sqlite(self) -> bool:
        """True on SQLite, False on PostgreSQL."""
        return self.dialect == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (no retry: use ``transaction`` for work that may meet other writers)."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            if self.is_sqlite:
                raise storage_error(exc.orig or exc) from exc
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; closed (its transaction rolled back) at the end. Objects loaded in it stay
        readable afterwards (detached, not expired)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.close()

    def transaction(self, work: Callable[[Session], T], *, attempts: int = MAX_ATTEMPTS,
                    snapshot: bool = False) -> T:
        """Run ``work(session)`` in one transaction; on a serialization failure, a deadlock or a busy
        SQLite file the whole transaction is rolled back and run again (with a growing random pause).
        ``snapshot``: on PostgreSQL the transaction is REPEATABLE READ (every statement sees one state, and
        writing a row that another desk changed since is a serialization failure, so it runs again); a SQLite
        write transaction is serialized anyway."""
        sessions = self._sessions
        if snapshot and not self.is_sqlite:
            sessions = sessionmaker(self.engine.execution_options(isolation_level="REPEATABLE READ"),
                                    expire_on_commit=False)
        for attempt in range(1, attempts + 1):
            session = sessions()
            try:
                with session.begin():
                    result = work(session)
                return result
            except DBAPIError as exc:
                if attempt < attempts and _retryable(exc):
                    self.retries += 1
                    time.sleep(random.uniform(0, 0.05 * 2 ** min(attempt, 6)))
                    continue
                if self.is_sqlite and isinstance(exc, OperationalError):
                    raise storage_error(exc.orig or exc) from exc
                raise
            finally:
                session.close()
        raise AssertionError("unreachable")  # pragma: no cover

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _pg_engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")


def no_fair_store(path: Path) -> StoreError:
    """The error for a fair store file that does not exist (a command other than ``fair create``)."""
    return StoreError(
        f"ไม่มีข้อมูลงานที่ {path} (ยังไม่ได้สร้างงาน) สร้างงานก่อนด้วย otop-pos fair create หรือระบุ --db ไฟล์ข้อมูลงานที่มีอยู่",
        f"There is no fair store at {path} (no fair was created there): create a fair first with "
        "otop-pos fair create, or give --db with an existing fair store.",
    )


def open_fair_store(db: str | Path | None = None, *, create: bool = True) -> FairStore:
    """Open (creating and migrating to head) the fair store at a path or URL (default: ``default_db()``).
    ``create=False`` (the CLI's commands but ``fair create``): a SQLite file that does not exist is
    ``no_fair_store`` and nothing is made (a PostgreSQL database is made by its admin: it is opened)."""
    target = str(db) if db is not None else default_db()
    if is_url(target):
        url = make_url(target)
        if url.get_backend_name() == "sqlite":
            return _open_sqlite(Path(url.database or ""), create=create)
        if url.get_backend_name() != "postgresql":
            raise StoreError(f"ไม่รองรับฐานข้อมูลชนิด {url.get_backend_name()}",
                             f"Unsupported database {url.get_backend_name()!r}: use a file path or "
                             "postgresql+psycopg://…")
        engine = _pg_engine(target)
        try:
            with engine.connect() as lock:  # several desks may open a new store at once
                lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
                try:
                    upgrade_to_head(engine, "fair")
                finally:
                    lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
                    lock.commit()
        except OperationalError as exc:
            engine.dispose()
            raise StoreError(f"เชื่อมต่อฐานข้อมูล {url.render_as_string(hide_password=True)} ไม่ได้",
                             f"Cannot connect to {url.render_as_string(hide_password=True)}: {exc.orig}") from exc
        return FairStore(engine, description=url.render_as_string(hide_password=True))
    return _open_sqlite(Path(target), create=create)


def _open_sqlite(path: Path, *, create: bool = True) -> FairStore:
    path = path.expanduser()
    check_ours(path.parent, store_files(path))
    if not create and not os.path.isfile(path):
        raise no_fair_store(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"สร้างโฟลเดอร์ {path.parent} ไม่ได้: {exc.strerror}",
                         f"Cannot create the folder {path.parent}: {exc.strerror}.") from exc
    check_live_store_location(path.parent)
    engine = sqlite_engine(path)
    event.listen(engine, "connect", _sqlite_cache)
    try:
        upgrade_to_head(engine, "fair")
    except Exception as exc:
        engine.dispose()
        if isinstance(exc, StoreError):
            raise
        raise storage_error(exc, path.parent, opening=True) from exc
    return FairStore(engine, description=str(path))

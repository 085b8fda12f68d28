"""Engines for the stores: SQLite pragmas on every connection, BEGIN IMMEDIATE for writes, fs checks."""
from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import tempfile
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.expression import Executable

from otop_pos.core.errors import StoreError

BUSY_TIMEOUT_MS = 10_000
# File systems where SQLite's WAL (shared memory, locking) does not work or is unsafe.
UNSAFE_FS = {"cifs", "smb", "smb2", "smbfs", "smb3", "nfs", "nfs4", "afs", "9p", "sshfs", "fuse.sshfs",
             "vfat", "msdos", "exfat", "fat", "fuse.exfat", "davfs", "fuse.davfs2", "ncpfs",
             "fuse.fusefat", "fuseblk"}  # FAT through FUSE; fuseblk: exFAT/NTFS sticks mounted by FUSE drivers


def filesystem_type(path: Path) -> str:
    """The file-system type holding ``path`` ("" when it cannot be told on this platform)."""
    path = path.resolve()
    if sys.platform.startswith("linux"):
        best, fstype = "", ""
        try:
            with open("/proc/mounts", encoding="utf-8") as mounts:
                for line in mounts:
                    parts = line.split()
                    if len(parts) < 3:
                        continue
                    mnt = parts[1].replace("\\040", " ")
                    if (str(path) == mnt or str(path).startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best):
                        best, fstype = mnt, parts[2]
        except OSError:
            return ""
        return fstype
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        root = os.path.splitdrive(str(path))[0] + "\\"
        if root.startswith("\\\\"):
            return "smb"
        if ctypes.windll.kernel32.GetDriveTypeW(root) == 4:  # DRIVE_REMOTE
            return "smb"
        buf = ctypes.create_unicode_buffer(64)
        ok = ctypes.windll.kernel32.GetVolumeInformationW(root, None, 0, None, None, None, buf, 64)
        return buf.value.lower() if ok else ""
    return ""


def check_live_store_location(folder: Path) -> None:
    """Refuse a network share or FAT/exFAT stick for the live store (``OTOP_POS_ALLOW_ANY_FS=1`` overrides)."""
    fstype = filesystem_type(folder)
    if fstype.lower() in UNSAFE_FS and os.environ.get("OTOP_POS_ALLOW_ANY_FS") != "1":
        raise StoreError(
            f"โฟลเดอร์ข้อมูล {folder} อยู่บนไดรฟ์เครือข่ายหรือแฟลชไดรฟ์ ({fstype}) ซึ่งบันทึกการขายได้ไม่ปลอดภัย "
            "กรุณาเลือกโฟลเดอร์บนดิสก์ของเครื่อง (แฟลชไดรฟ์ใช้เป็นที่สำรองข้อมูลได้)",
            f"The data folder {folder} is on a network share or a FAT/exFAT stick ({fstype}), where the sales "
            "database cannot be written safely. Choose a folder on this computer's own disk "
            "(a stick is fine as the backup folder).",
        )


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    mode = cur.execute("PRAGMA journal_mode = WAL").fetchone()
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()
    if mode and str(mode[0]).lower() not in ("wal", "memory"):
        raise StoreError(
            "ฐานข้อมูลเปิดในโหมดบันทึกที่ปลอดภัย (WAL) ไม่ได้ บนไดรฟ์นี้",
            f"The database could not switch to WAL journaling here (got {mode[0]!r}).",
        )


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("otop_readonly"):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_engine(path: Path) -> Engine:
    """An engine on a SQLite file: WAL, synchronous=FULL, foreign keys, busy timeout, BEGIN IMMEDIATE."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def folder_read_only(folder: Path) -> bool:
    """True when no file can be created in ``folder`` (read-only mount, emergency remount, permissions).

    Tried for real: statvfs and os.access miss an ext4 emergency read-only remount."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return False
    except OSError as exc:
        return exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)


#: Less free space than this in the data folder's file system: SQLite's "disk I/O error" (it could not grow
#: the -wal or map the -shm file) is a full disk.
LOW_SPACE_BYTES = 1 << 20


def disk_nearly_full(folder: Path) -> bool:
    """True when the file system holding ``folder`` has less than ``LOW_SPACE_BYTES`` free."""
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _driver_text(exc: BaseException) -> str:
    """The driver's own words for ``exc`` (``disk I/O error``), never SQLAlchemy's wrapper text and link."""
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).split("\n(Background on this error", 1)[0].strip()


def storage_error(exc: BaseException, folder: Path | None = None, *, opening: bool = False) -> StoreError:
    """Turn a low-level storage failure (disk full, read-only, locked, I/O) into a vendor message.

    SQLite says "unable to open database file" or "disk I/O error" when the folder turned read-only or the
    disk is full, so with ``folder`` given the folder itself is checked. ``opening``: the store was being
    opened (no cart yet: the messages say to start again)."""
    detail = _driver_text(exc)
    text = detail.lower()
    if folder is not None and "full" not in text:
        if folder_read_only(folder):
            text += " read-only"
        elif disk_nearly_full(folder):
            text += " full"
    if "full" in text or "no space" in text:
        if opening:
            return StoreError(
                "ดิสก์เต็ม เปิดข้อมูลการขายไม่ได้ ไม่มีอะไรเปลี่ยนแปลง กรุณาลบไฟล์ที่ไม่ใช้แล้วเปิดโปรแกรมอีกครั้ง",
                "The disk is full: the sales data cannot be opened and nothing changed. Free some space and start "
                "OTOP POS again.",
            )
        return StoreError(
            "ดิสก์เต็ม บันทึกไม่ได้ ไม่มีอะไรเปลี่ยนแปลง รายการในตะกร้ายังอยู่ครบ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง",
            "The disk is full: it was not saved and nothing changed. The cart is kept; free some space and try again.",
        )
    if "readonly" in text or "read-only" in text or "permission" in text or "access" in text:
        if opening:
            return StoreError(
                "โฟลเดอร์ข้อมูลถูกตั้งเป็นอ่านอย่างเดียว เปิดข้อมูลการขายไม่ได้ ไม่มีอะไรเปลี่ยนแปลง",
                "The data folder is read-only: the sales data cannot be opened and nothing changed. Fix the "
                "folder and start OTOP POS again.",
            )
        return StoreError(
            "โฟลเดอร์ข้อมูลถูกตั้งเป็นอ่านอย่างเดียว บันทึกไม่ได้ ไม่มีอะไรเปลี่ยนแปลง รายการในตะกร้ายังอยู่ครบ",
            "The data folder is read-only: it was not saved and nothing changed. The cart is kept; fix the folder and "
            "try again.",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่น กรุณาลองอีกครั้ง",
            "The database is busy in another program; please try again.",
        )
    if opening:
        return StoreError(
            f"เปิดข้อมูลการขายจากดิสก์ไม่สำเร็จ ({detail}) ไม่มีอะไรเปลี่ยนแปลง กรุณาเปิดโปรแกรมอีกครั้ง",
            f"Opening the sales data failed ({detail}); nothing changed. Please start OTOP POS again.",
        )
    return StoreError(
        "บันทึกข้อมูลลงดิสก์ไม่สำเร็จ รายการในตะกร้ายังอยู่ครบ กรุณาลองอีกครั้ง",
        f"Saving to disk failed ({detail}). The cart is kept; please try again.",
    )


class SqliteStore:
    """A SQLite store: a write engine (BEGIN IMMEDIATE) and a read engine, one Session per action."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = sqlite_engine(path)
        self.read_engine = self.engine.execution_options(otop_readonly=True)
        self._write = sessionmaker(self.engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error."""
        session = self._write()
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            raise storage_error(exc.orig or exc, self.path.parent) from exc
        except sqlite3.OperationalError as exc:
            raise storage_error(exc, self.path.parent) from exc
        finally:
            session.close()

    @contextmanager
    def write_cursor(self) -> Iterator[sqlite3.Cursor]:
        """The hot path's write transaction on the driver's own cursor: the same pooled connection and
        pragmas as ``write()``, BEGIN IMMEDIATE, one COMMIT on success, ROLLBACK on any error; storage
        failures become the same vendor messages. Statements run through ``Prepared``."""
        try:
            fairy = self.engine.raw_connection()  # connecting (pragmas) may fail on a broken folder too
            try:
                con: sqlite3.Connection = fairy.driver_connection  # type: ignore[assignment]
                cur = con.cursor()
                try:
                    cur.execute("BEGIN IMMEDIATE")
                    yield cur
                    cur.execute("COMMIT")
                except BaseException:
                    if con.in_transaction:
                        try:
                            con.rollback()
                        except sqlite3.Error:  # the failure that brought us here is the one to report
                            pass
                    raise
                finally:
                    cur.close()  # a statement left open would keep the file open after dispose()
            finally:
                fairy.close()  # back to the pool
        except OperationalError as exc:
            raise storage_error(exc.orig or exc, self.path.parent) from exc
        except sqlite3.OperationalError as exc:
            raise storage_error(exc, self.path.parent) from exc

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session (deferred BEGIN); storage failures become the same vendor messages as writes."""
        session = self._read()
        try:
            yield session
        except OperationalError as exc:
            raise storage_error(exc.orig or exc, self.path.parent) from exc
        except sqlite3.OperationalError as exc:
            raise storage_error(exc, self.path.parent) from exc
        finally:
            try:
                session.rollback()
                session.close()
            except (OperationalError, sqlite3.OperationalError):  # the failure above is the one to report
                pass

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


_DRIVER_DIALECT = sqlite.dialect(paramstyle="named")


class Prepared:
    """A statement compiled once for the SQLite driver, run on a ``write_cursor`` cursor with dict parameters.

    The SQL and the value conversions (UTC times, booleans) come from the table's own column types, as
    SQLAlchemy would apply them, without its per-call execution machinery (the checkout's hot path). An
    INSERT built from a table writes every column but the primary key; scalar column defaults fill in
    the parameters not given, as a Core insert does.
    """

    def __init__(self, statement: Table | Executable) -> None:
        defaults: dict[str, Any] = {}
        if isinstance(statement, Table):
            keys = [c.key for c in statement.columns if not c.primary_key]
            for c in statement.columns:
                if not c.primary_key and c.default is not None and c.default.is_scalar:
                    defaults[c.key] = c.default.arg  # type: ignore[attr-defined]
            compiled = insert(statement).compile(dialect=_DRIVER_DIALECT, column_keys=keys)
        else:
            compiled = statement.compile(dialect=_DRIVER_DIALECT)  # type: ignore[attr-defined]
        self.sql = str(compiled)
        self.convert: dict[str, Any] = {}
        for name, bind in compiled.binds.items():
            proc = bind.type.dialect_impl(_DRIVER_DIALECT).bind_processor(_DRIVER_DIALECT)
            if proc is not None:
                self.convert[name] = proc
        self.defaults = {k: self.convert[k](v) if k in self.convert else v for k, v in defaults.items()}

    def _params(self, params: dict[str, Any]) -> dict[str, Any]:
        out = {**self.defaults, **params} if self.defaults else dict(params)
        for name, proc in self.convert.items():
            if name in params:
                out[name] = proc(params[name])
        return out

    def run(self, cur: sqlite3.Cursor, params: dict[str, Any] | None = None) -> sqlite3.Cursor:
        """Execute once; the cursor gives ``lastrowid``, ``rowcount`` and any rows."""
        return cur.execute(self.sql, self._params(params or {}))

    def run_many(self, cur: sqlite3.Cursor, rows: list[dict[str, Any]]) -> None:
        """Execute once per parameter dict (one driver call)."""
        cur.executemany(self.sql, [self._params(r) for r in rows])


def inserted_id(result: Any) -> int:
    """The primary key of a single-row Core insert."""
    return int(result.inserted_primary_key[0])


def rowcount(result: Any) -> int:
    """Rows matched by a Core update/delete."""
    return int(result.rowcount)

"""Online backups of the booth store with SQLite's backup API, into a second folder (e.g. a USB stick)."""
from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from otop_pos.booth.settings import get_settings
from otop_pos.core.clock import Clock
from otop_pos.core.errors import StoreError
from otop_pos.store.booth_models import Backup
from otop_pos.store.engine import SqliteStore

PREFIX = "otop-booth-"
SUFFIX = ".sqlite"


@dataclass(frozen=True)
class BackupResult:
    """A finished backup."""

    path: Path
    at: datetime
    size_bytes: int
    sales_count: int
    removed: tuple[Path, ...]


def backup_now(store: SqliteStore, clock: Clock, folder: Path, *, keep: int = 10) -> BackupResult:
    """Copy the live store into ``folder`` (consistent while selling), verify it, keep the last ``keep``."""
    now = clock.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"สร้างโฟลเดอร์สำรองข้อมูล {folder} ไม่ได้: {exc.strerror}",
                         f"Cannot create the backup folder {folder}: {exc.strerror}.") from exc
    final = folder / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}{SUFFIX}"
    tmp = final.with_suffix(".part")
    try:
        src = sqlite3.connect(store.path, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)  # one step, one WAL snapshot: never restarted by concurrent sales
                check = dst.execute("PRAGMA integrity_check").fetchone()[0]
                sales = dst.execute("SELECT count(*) FROM sale").fetchone()[0]
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        if check != "ok":
            raise StoreError("ไฟล์สำรองข้อมูลเสียหาย", f"The backup copy failed its integrity check: {check}.")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):  # a read-only stick refuses even the unlink of a file that is not there
            for leftover in (tmp, *(Path(f"{tmp}{side}") for side in ("-journal", "-wal", "-shm"))):
                leftover.unlink(missing_ok=True)  # a full stick keeps the copy's hot journal otherwise
        raise StoreError(f"สำรองข้อมูลไปที่ {folder} ไม่สำเร็จ: {exc}",
                         f"Backing up to {folder} failed: {exc}.") from exc
    size = final.stat().st_size
    old = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))[:-keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    with store.write() as s:
        s.add(Backup(at=now, path=str(final), size_bytes=size, sales_count=int(sales), ok=True))
    return BackupResult(final, now, size, int(sales), tuple(old))


def backup_if_due(store: SqliteStore, clock: Clock) -> BackupResult | None:
    """Back up to the configured folder when the interval has passed (called by the app's timer)."""
    st = get_settings(store)
    if not st.backup_dir:
        return None
    with store.read() as s:
        last = s.scalar(select(Backup.at).where(Backup.ok.is_(True)).order_by(Backup.id.desc()).limit(1))
    if last is not None and clock.now() - last < timedelta(minutes=st.backup_every_minutes):
        return None
    return backup_now(store, clock, Path(st.backup_dir), keep=st.backup_keep)


def list_backups(folder: Path) -> list[Path]:
    """Backup files in a folder, newest last."""
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"))


def restore_backup(backup: Path, data_dir: Path, store_file: str = "booth.sqlite") -> Path:
    """Put a backup back as the live store (the app must be closed); the current store is kept aside."""
    if not backup.is_file():
        raise StoreError(f"ไม่พบไฟล์สำรอง {backup}", f"The backup file {backup} does not exist.")
    try:
        con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.Error:
        ok, tables = False, set()
    if not ok or not {"sale", "identity", "alembic_version"} <= tables:
        raise StoreError("ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลบูธ หรือเสียหาย ใช้กู้คืนไม่ได้",
                         f"{backup} is not a booth backup or is damaged; it cannot be restored.")
    live = data_dir / store_file
    aside = None
    if live.exists():
        aside = live.with_name(f"{store_file}.before-restore-{datetime.now():%Y%m%d-%H%M%S-%f}")  # unique
        src = sqlite3.connect(live)
        dst = sqlite3.connect(aside)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    src, dst = sqlite3.connect(backup), sqlite3.connect(live)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return aside or live


def backup_after_close(store: SqliteStore, clock: Clock) -> BackupResult | StoreError | None:
    """The day-close backup to the configured folder. A failure (stick missing, full) never undoes the
    close: it is recorded as a failed backup and returned for the caller to show."""
    st = get_settings(store)
    if not st.backup_dir:
        return None
    try:
        return backup_now(store, clock, Path(st.backup_dir), keep=st.backup_keep)
    except StoreError as exc:
        with store.write() as s:
            s.add(Backup(at=clock.now(), path=st.backup_dir, size_bytes=0, sales_count=0, ok=False, message=exc.en))
        return exc

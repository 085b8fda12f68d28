"""Opening the booth store: data folder checks, the SQLite file, migrations to head."""
from __future__ import annotations

from datetime import date

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.orm import Session

from otop_pos.core.errors import SetupError, StoreError
from otop_pos.store.booth_models import Identity
from otop_pos.store.engine import SqliteStore, check_live_store_location
from otop_pos.store.migrate import upgrade_to_head
from otop_pos.store.ownership import check_ours, store_files

STORE_FILE = "booth.sqlite"


def default_data_dir() -> Path:
    """``OTOP_POS_HOME`` or the user data folder (e.g. ~/.local/share/otop-pos)."""
    env = os.environ.get("OTOP_POS_HOME")
    return Path(env) if env else Path(user_data_dir("otop-pos", appauthor=False))


def not_set_up(data_dir: Path | None = None) -> SetupError:
    """The error for a till that is not set up (``data_dir``: the folder that holds no store, named)."""
    where_th = f" (ไม่มีข้อมูลบูธในโฟลเดอร์ {data_dir})" if data_dir is not None else ""
    where_en = f" (there is no booth store in {data_dir})" if data_dir is not None else ""
    return SetupError(
        f"บูธยังไม่ได้ตั้งค่า{where_th} กรุณาตั้งค่าด้วยแพ็กเกจบูธหรือทะเบียนผู้ประกอบการก่อน",
        f"This booth is not set up yet{where_en}: set it up from a booth package or the vendor registry first.",
    )


def open_booth_store(data_dir: Path, *, create: bool = True) -> SqliteStore:
    """Open (creating and migrating to head) the booth store in ``data_dir``. With ``create=False`` (the
    CLI's commands on a booth already set up) a folder without a store is ``not_set_up`` and nothing is made."""
    store_file = data_dir / STORE_FILE
    check_ours(data_dir, store_files(store_file))
    if not create and not os.path.isfile(store_file):
        raise not_set_up(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"สร้างโฟลเดอร์ข้อมูล {data_dir} ไม่ได้: {exc.strerror}",
            f"Cannot create the data folder {data_dir}: {exc.strerror}.",
        ) from exc
    check_live_store_location(data_dir)
    store = SqliteStore(store_file)
    try:
        upgrade_to_head(store.engine, "booth")
    except StoreError:
        store.dispose()
        raise
    except Exception as exc:
        store.dispose()
        from otop_pos.store.engine import storage_error

        raise storage_error(exc, data_dir, opening=True) from exc
    return store


def identity(session: Session) -> Identity:
    """The till's identity row; SetupError when the booth is not set up yet."""
    ident = session.scalar(select(Identity).where(Identity.id == 1))
    if ident is None:
        raise not_set_up()
    return ident


def document_number(booth_code: str, till_no: int, seq: int) -> str:
    """Receipt number: ``B001-000123`` on till 1, ``B001-2-000045`` on till 2 and up."""
    return f"{booth_code}-{seq:06d}" if till_no == 1 else f"{booth_code}-{till_no}-{seq:06d}"


@dataclass(frozen=True)
class BoothInfo:
    """Who this till is, as the UI shows it."""

    booth_code: str
    till_no: int
    vendor_code: str
    vendor_name: str
    fair_name: str
    has_signing_key: bool
    fair_last_day: date | None = None   # the fair's last day, when a package brought it


def booth_info(store: SqliteStore) -> BoothInfo | None:
    """The till's identity, or None when the booth is not set up yet (a cheap one-row read)."""
    with store.read() as s:
        ident = s.scalar(select(Identity).where(Identity.id == 1))
        if ident is None:
            return None
        return BoothInfo(ident.booth_code, ident.till_no, ident.vendor_code, ident.vendor_name, ident.fair_name,
                         bool(ident.signing_key), ident.fair_last_day)

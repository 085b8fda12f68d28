"""An older otop-pos (an older package installed over a newer one mid-fair) refuses a store a newer one
migrated, with a clear message in Thai and English, and leaves it exactly as it was; the same version opens it."""
from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from otop_pos.booth.store import STORE_FILE, open_booth_store
from otop_pos.core.errors import StoreError
from otop_pos.fair.store import open_fair_store
from otop_pos.store.migrate import script_heads

ROOT = Path(__file__).resolve().parents[1]


def _as_if_newer(db: Path, revision: str) -> str:
    """Mark the store as migrated by a newer release; return the file's digest."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return hashlib.sha256(db.read_bytes()).hexdigest()


def test_booth_store_of_a_newer_release_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    store = open_booth_store(tmp_path)
    store.dispose()
    db = tmp_path / STORE_FILE
    digest = _as_if_newer(db, "b9999_from_the_future")
    with pytest.raises(StoreError) as caught:
        open_booth_store(tmp_path)
    assert "newer otop-pos" in caught.value.en and "b9999_from_the_future" in caught.value.en
    assert "รุ่นที่ใหม่กว่า" in caught.value.th
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("b9999_from_the_future",)]


def test_booth_store_at_this_release_still_opens(tmp_path: Path) -> None:
    open_booth_store(tmp_path).dispose()
    store = open_booth_store(tmp_path)
    store.dispose()
    with sqlite3.connect(tmp_path / STORE_FILE) as conn:
        assert {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")} == script_heads("booth")


def test_fair_store_of_a_newer_release_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "fair.sqlite"
    open_fair_store(db).engine.dispose()
    digest = _as_if_newer(db, "f9999_from_the_future")
    with pytest.raises(StoreError, match="newer otop-pos") as caught:
        open_fair_store(db)
    assert "ข้อมูลงาน" in caught.value.th
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_the_command_line_says_so_with_exit_code_2(tmp_path: Path) -> None:
    open_booth_store(tmp_path).dispose()
    _as_if_newer(tmp_path / STORE_FILE, "b9999_from_the_future")
    env = dict(os.environ, PYTHONPATH=str(ROOT), OTOP_POS_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "otop_pos", "booth", "report", "--json"], capture_output=True,
                          text=True, env=env, timeout=120, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert "newer otop-pos" in proc.stderr and "รุ่นที่ใหม่กว่า" in proc.stderr
    assert "Traceback" not in proc.stderr

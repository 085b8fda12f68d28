"""A full disk when the booth starts (issue 16, red team): the store cannot even be opened. The vendor is told the
disk is full, in Thai and English, as while the app is open; never "Saving to disk failed … the cart is kept"
(there is no cart yet), never SQLite's raw "disk I/O error" with SQLAlchemy's link. Freeing space is enough."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from otop_pos.store.engine import storage_error
from tests.booth.test_storage_faults import Mounts, _tmpfs, mounts  # noqa: F401 - the fixture
from tests.e2e.test_cli_booth import DEMO, run


def _sales(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM sale").fetchone()[0])
    finally:
        con.close()


def test_a_full_disk_at_start_says_the_disk_is_full(mounts: Mounts, tmp_path: Path) -> None:  # noqa: F811
    disk = _tmpfs(mounts, tmp_path / "disk", "3M")
    home = disk / "booth"
    run(home, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0002", "--pin", "4321")
    run(home, "booth", "day", "open", "--float", "500")
    before = _sales(home / "booth.sqlite")
    fill = disk / "fill"
    with open(fill, "wb") as fh:   # every byte of the disk
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    for args in (("booth", "sales"), ("--lang", "en", "booth", "simulate", "--days", "1", "--sales-per-day", "1",
                                      "--seed", "2", "--pin", "4321")):
        proc = run(home, *args, ok=False)
        assert proc.returncode == 2, proc.stderr
        assert "The disk is full" in proc.stderr and "ดิสก์เต็ม" in proc.stderr, proc.stderr
        assert "sqlalche.me" not in proc.stderr and "disk I/O error" not in proc.stderr, proc.stderr
        assert "cart" not in proc.stderr and "Saving to disk failed" not in proc.stderr, proc.stderr
    fill.unlink()
    assert _sales(home / "booth.sqlite") == before
    assert json.loads(run(home, "booth", "sales", "--json").stdout) == []


def test_sqlalchemys_text_and_link_never_reach_the_vendor(tmp_path: Path) -> None:
    """An I/O error that is not a full disk: the driver's words only, and at open no cart."""
    wrapped = OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))
    assert "sqlalche.me" in str(wrapped)
    saving = storage_error(wrapped, tmp_path)
    assert "sqlalche.me" not in saving.en and "(disk I/O error)" in saving.en and "cart" in saving.en
    opening = storage_error(wrapped, tmp_path, opening=True)
    assert "sqlalche.me" not in opening.en + opening.th and "cart" not in opening.en
    assert "Opening the sales data failed (disk I/O error)" in opening.en
    full = storage_error(sqlite3.OperationalError("database or disk is full"), tmp_path, opening=True)
    assert "The disk is full" in full.en and "ดิสก์เต็ม" in full.th and "cart" not in full.en

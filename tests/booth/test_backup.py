"""Backups: consistent while selling, pruned to the last N, restorable, refused clearly on a bad device,
and taken on time."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from otop_pos.booth.backup import PREFIX, SUFFIX, backup_if_due, backup_now, list_backups, restore_backup
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.settings import update_settings
from otop_pos.booth.store import open_booth_store
from otop_pos.core.chain import GENESIS
from otop_pos.core.clock import FixedClock, SystemClock
from otop_pos.core.errors import StoreError
from otop_pos.store.booth_models import Backup
from otop_pos.store.engine import SqliteStore

REPO = Path(__file__).resolve().parents[2]


def _sell(store: SqliteStore, clock: object, n: int = 1) -> list[str]:
    products = list_products(store)
    out = []
    for i in range(n):
        cart = Cart().add(products[i % len(products)], 1 + i % 3)
        pays = [PaymentIn("cash", tendered_satang=cart.total_satang)]
        out.append(checkout(store, clock, cart, pays).uuid)  # type: ignore[arg-type]
    return out


def _uuids(db: Path) -> list[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT uuid FROM sale ORDER BY seq")]
    finally:
        con.close()


def assert_copy_whole(db: Path) -> int:
    """A backup copy: integrity and foreign keys ok, a self-contained file (no WAL), a linked chain with
    contiguous seq, every sale complete. Returns the number of sales."""
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        docs = con.execute("SELECT seq, prev_hash, hash FROM sale "
                           "UNION ALL SELECT seq, prev_hash, hash FROM void "
                           "UNION ALL SELECT seq, prev_hash, hash FROM refund ORDER BY seq").fetchall()
        assert [d[0] for d in docs] == list(range(1, len(docs) + 1))
        prev = GENESIS
        for _seq, prev_hash, digest in docs:
            assert prev_hash == prev
            prev = digest
        if docs:
            assert con.execute("SELECT last, last_hash FROM number_series WHERE name = 'doc'").fetchone() == \
                (len(docs), prev)
        bad = con.execute("""
            SELECT s.uuid FROM sale s WHERE
              (SELECT coalesce(sum(net_satang), -1) FROM sale_line WHERE sale_id = s.id) != s.total_satang
              OR (SELECT coalesce(sum(amount_satang), 0) FROM payment WHERE sale_id = s.id) != s.total_satang
              OR (SELECT count(*) FROM print_job WHERE kind = 'sale' AND ref_uuid = s.uuid) != 1
        """).fetchall()
        assert bad == []
        return int(con.execute("SELECT count(*) FROM sale").fetchone()[0])
    finally:
        con.close()


def _bulk(store: SqliteStore, megabytes: int) -> None:
    """Grow the store with audit rows so a backup takes several backup-API steps (4096 pages each)."""
    con = sqlite3.connect(store.path)
    try:
        con.execute("BEGIN IMMEDIATE")
        con.executemany("INSERT INTO audit_event (at, action, actor, ref_uuid, detail_json) "
                        "VALUES ('2020-10-26 03:00:00.000000', 'bulk', '', '', ?)",
                        [("x" * 1000,) for _ in range(megabytes * 1000)])
        con.commit()
    finally:
        con.close()


def _backups_recorded(store: SqliteStore) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count(Backup.id))) or 0)


def _assert_bilingual(err: StoreError, *words: str) -> None:
    assert err.th and err.en and err.th != err.en
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in err.th), "the Thai message has no Thai in it"
    for w in words:
        assert w in err.en


# ----------------------------------------------------------------------------------------------------------
# consistent while selling
# ----------------------------------------------------------------------------------------------------------

def test_backup_while_another_thread_sells(store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    open_day(store, clock, 50_000)
    _bulk(store, 20)  # ~20 MB: several backup steps, so writes land between them
    committed: list[str] = []
    stop = threading.Event()
    failure: list[BaseException] = []

    def seller() -> None:
        own = SqliteStore(store.path)  # its own connections, like a second window or the print worker
        try:
            while not stop.is_set():
                committed.extend(_sell(own, SystemClock()))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failure.append(exc)
        finally:
            own.dispose()

    worker = threading.Thread(target=seller)
    worker.start()
    try:
        while len(committed) < 30 and worker.is_alive():
            time.sleep(0.01)
        before = list(committed)  # every sale committed before the backup began
        res = backup_now(store, clock, tmp_path / "stick", keep=5)
        time.sleep(0.05)
    finally:
        stop.set()
        worker.join(60)
    assert not failure, failure
    assert len(before) >= 30
    in_copy = set(_uuids(res.path))
    missing = [u for u in before if u not in in_copy]
    assert missing == [], f"{len(missing)} sales committed before the backup are not in it"
    assert assert_copy_whole(res.path) == res.sales_count == len(in_copy)
    assert len(committed) > len(before)  # selling really went on alongside
    assert _backups_recorded(store) == 1


def test_backup_while_another_process_sells_flat_out(store: SqliteStore, clock: FixedClock,
                                                      tmp_path: Path) -> None:
    """A second process selling as fast as it can while a multi-step backup runs: the backup still ends,
    is whole, and holds every sale the other process had reported before it began."""
    open_day(store, clock, 50_000)
    _bulk(store, 24)
    seller = r'''
import os, sys
from pathlib import Path
from otop_pos.booth.cart import Cart
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.payments import PaymentIn
from otop_pos.core.clock import SystemClock
from otop_pos.store.engine import SqliteStore
store = SqliteStore(Path(sys.argv[1]))
products = list_products(store)
while True:
    cart = Cart().add(products[0])
    res = checkout(store, SystemClock(), cart, [PaymentIn("promptpay", cart.total_satang, reference="1")])
    os.write(1, (res.uuid + "\n").encode())
'''
    reported: list[str] = []
    with subprocess.Popen([sys.executable, "-c", seller, str(store.path)], stdout=subprocess.PIPE,
                          cwd=REPO) as proc:
        assert proc.stdout is not None

        def pump() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.endswith(b"\n"):
                    reported.append(line.decode().strip())

        reader = threading.Thread(target=pump, daemon=True)
        reader.start()
        try:
            deadline = time.monotonic() + 60
            while len(reported) < 30 and time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.01)
            before = list(reported)
            result: list[object] = []
            backup = threading.Thread(target=lambda: result.append(
                _try(lambda: backup_now(store, clock, tmp_path / "stick", keep=5))), daemon=True)
            started = time.monotonic()
            backup.start()
            backup.join(60)
            took = time.monotonic() - started
            finished_while_selling = not backup.is_alive()
        finally:
            proc.kill()
            proc.wait()
            reader.join(10)
        backup.join(120)
    assert len(before) >= 30
    assert result, "the backup did not finish even after the seller stopped"
    res = result[0]
    assert not isinstance(res, BaseException), res
    assert finished_while_selling, f"the backup only finished once selling stopped ({took:.1f} s)"
    in_copy = set(_uuids(res.path))  # type: ignore[attr-defined]
    assert [u for u in before if u not in in_copy] == []
    assert assert_copy_whole(res.path) == len(in_copy)  # type: ignore[attr-defined]


def _try(fn):  # type: ignore[no-untyped-def]
    try:
        return fn()
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        return exc


# ----------------------------------------------------------------------------------------------------------
# pruning, restore
# ----------------------------------------------------------------------------------------------------------

def test_keep_last_n_backups(store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    open_day(store, clock, 0)
    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "notes.txt").write_text("not a backup")  # other files on the stick are left alone
    made = []
    for i in range(6):
        _sell(store, clock)
        clock.advance(timedelta(minutes=30))
        res = backup_now(store, clock, stick, keep=3)
        made.append(res.path)
        assert res.sales_count == i + 1
        if i < 3:
            assert res.removed == ()
        else:
            assert res.removed == (made[i - 3],)  # the oldest one goes
    assert list_backups(stick) == made[-3:]
    assert sorted(p.name for p in stick.iterdir()) == sorted([p.name for p in made[-3:]] + ["notes.txt"])
    assert [assert_copy_whole(p) for p in made[-3:]] == [4, 5, 6]
    assert all(p.name.startswith(PREFIX) and p.name.endswith(SUFFIX) for p in made)
    assert _backups_recorded(store) == 6


def test_restore_brings_the_store_back_and_keeps_the_previous_one_aside(
        store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    data_dir = store.path.parent
    open_day(store, clock, 10_000)
    early = _sell(store, clock, 4)
    res = backup_now(store, clock, tmp_path / "stick")
    late = _sell(store, clock, 3)
    store.dispose()  # the app is closed for a restore

    aside = restore_backup(res.path, data_dir)
    assert aside != store.path and aside.parent == data_dir and aside.exists()
    assert _uuids(aside) == early + late  # nothing is thrown away: the previous store is kept aside
    assert _uuids(store.path) == early

    reopened = open_booth_store(data_dir)
    try:
        clock.advance(timedelta(hours=1))
        more = _sell(reopened, clock, 2)  # the restored store sells on, numbering after the backup's last
        con = sqlite3.connect(reopened.path)
        try:
            numbers = [r[0] for r in con.execute("SELECT seq FROM sale ORDER BY seq")]
        finally:
            con.close()
        assert numbers == list(range(1, len(early) + 3))
        assert _uuids(reopened.path) == early + more
    finally:
        reopened.dispose()
    assert_copy_whole(res.path)  # the backup itself is untouched by the restore


def test_two_restores_in_a_row_keep_both_previous_stores(store: SqliteStore, clock: FixedClock,
                                                         tmp_path: Path) -> None:
    """Restoring twice within a second (a double click, a script) must not overwrite the first store kept
    aside — that copy may be the only one holding the sales made after the backup."""
    data_dir = store.path.parent
    open_day(store, clock, 0)
    early = _sell(store, clock, 1)
    res = backup_now(store, clock, tmp_path / "stick")
    late = _sell(store, clock, 5)
    store.dispose()
    first = restore_backup(res.path, data_dir)
    second = restore_backup(res.path, data_dir)
    assert first != second
    assert _uuids(first) == early + late  # the only copy of the 5 later sales survives
    assert _uuids(second) == early
    assert _uuids(store.path) == early


def test_restore_refuses_a_damaged_backup_and_leaves_the_store_alone(
        store: SqliteStore, clock: FixedClock, tmp_path: Path) -> None:
    open_day(store, clock, 0)
    sold = _sell(store, clock, 3)
    res = backup_now(store, clock, tmp_path / "stick")
    store.dispose()
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(res.path.read_bytes())
    for off in range(4096 * 2, len(data), 4096):  # scribble over every page but the first
        data[off + 100:off + 600] = os.urandom(500)
    damaged.write_bytes(bytes(data))
    before = sorted(p.name for p in store.path.parent.iterdir())
    with pytest.raises(StoreError) as refused:
        restore_backup(damaged, store.path.parent)
    _assert_bilingual(refused.value)
    # nothing put aside, nothing replaced
    assert sorted(p.name for p in store.path.parent.iterdir()) == before
    assert _uuids(store.path) == sold


# ----------------------------------------------------------------------------------------------------------
# a bad backup device
# ----------------------------------------------------------------------------------------------------------

@pytest.fixture
def mounted() -> Iterator[list[Path]]:
    points: list[Path] = []
    yield points
    for p in reversed(points):
        if subprocess.run(["umount", str(p)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(p)], capture_output=True)


def _mount_tmpfs(points: list[Path], where: Path, options: str) -> Path:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    where.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True,
                         text=True)
    if out.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {out.stderr.strip()}")
    points.append(where)
    return where


def test_backup_to_a_missing_device_is_refused_in_both_languages(store: SqliteStore, clock: FixedClock,
                                                                  tmp_path: Path) -> None:
    open_day(store, clock, 0)
    _sell(store, clock)
    afile = tmp_path / "a-file"
    afile.write_text("x")
    for folder in (Path("/proc/otop-pos-no-such-stick/backups"),  # a device that is not there
                   afile / "backups"):  # a path through a file
        with pytest.raises(StoreError) as refused:
            backup_now(store, clock, folder)
        _assert_bilingual(refused.value, str(folder))
    assert _backups_recorded(store) == 0
    _sell(store, clock)  # the till sells on


def test_backup_to_a_read_only_or_full_stick_is_refused_and_leaves_no_partial_file(
        store: SqliteStore, clock: FixedClock, tmp_path: Path, mounted: list[Path]) -> None:
    open_day(store, clock, 0)
    _sell(store, clock, 3)
    _bulk(store, 2)  # bigger than the small stick below
    ro = _mount_tmpfs(mounted, tmp_path / "ro-stick", "size=8M,mode=0755")
    subprocess.run(["mount", "-o", "remount,ro", str(ro)], check=True)
    with pytest.raises(StoreError) as refused:
        backup_now(store, clock, ro)
    _assert_bilingual(refused.value, str(ro))
    assert list(ro.iterdir()) == []

    small = _mount_tmpfs(mounted, tmp_path / "small-stick", "size=512K,mode=0755")
    with pytest.raises(StoreError) as full:
        backup_now(store, clock, small)
    _assert_bilingual(full.value, str(small))
    assert "full" in full.value.en
    assert list(small.iterdir()) == [], "a partial backup file was left on the stick"

    assert _backups_recorded(store) == 0
    ok = backup_now(store, clock, tmp_path / "good-stick")  # a good folder still works
    assert assert_copy_whole(ok.path) == 3
    _sell(store, clock)


# ----------------------------------------------------------------------------------------------------------
# the timer
# ----------------------------------------------------------------------------------------------------------

def test_backup_if_due_honours_the_interval(store: SqliteStore, tmp_path: Path) -> None:
    clock = FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc))  # does not move on its own
    assert backup_if_due(store, clock) is None  # no backup folder set: nothing to do
    stick = tmp_path / "stick"
    update_settings(store, clock, backup_dir=str(stick), backup_every_minutes=30, backup_keep=2)
    open_day(store, clock, 0)

    first = backup_if_due(store, clock)  # never backed up: due now
    assert first is not None and first.at == clock.now()
    clock.advance(timedelta(minutes=29, seconds=59))
    assert backup_if_due(store, clock) is None
    _sell(store, clock)
    assert backup_if_due(store, clock) is None  # selling does not make it due
    clock.advance(timedelta(seconds=1))  # exactly 30 minutes
    second = backup_if_due(store, clock)
    assert second is not None and second.sales_count == 1
    assert backup_if_due(store, clock) is None
    clock.advance(timedelta(hours=5))  # a long pause (laptop asleep): one backup, not five
    third = backup_if_due(store, clock)
    assert third is not None
    assert backup_if_due(store, clock) is None
    assert list_backups(stick) == [second.path, third.path]  # keep=2 from the settings
    assert third.removed == (first.path,)


def test_a_failed_backup_does_not_count_as_the_last_one(store: SqliteStore, tmp_path: Path) -> None:
    clock = FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc))
    afile = tmp_path / "a-file"
    afile.write_text("x")
    update_settings(store, clock, backup_dir=str(afile / "stick"), backup_every_minutes=30)
    with pytest.raises(StoreError):
        backup_if_due(store, clock)
    update_settings(store, clock, backup_dir=str(tmp_path / "stick"))
    clock.advance(timedelta(minutes=1))
    assert backup_if_due(store, clock) is not None  # retried at once on a good folder, not in 30 minutes


def test_day_close_backs_up_and_a_missing_stick_does_not_undo_the_close(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    from otop_pos.app import demo_registry
    from otop_pos.booth.days import close_day, current_day, open_day
    from otop_pos.booth.settings import update_settings
    from otop_pos.booth.setup import from_registry, setup_booth
    from otop_pos.booth.store import open_booth_store
    from otop_pos.core.clock import FixedClock
    from otop_pos.exchange.registry_csv import load_registry
    from otop_pos.store.booth_models import Backup

    clock = FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc))
    store = open_booth_store(tmp_path / "booth")
    setup_booth(store, clock, from_registry(load_registry(*demo_registry()), "KK20-0001"), pin="1234")
    stick = tmp_path / "stick"
    update_settings(store, clock, backup_dir=str(stick))
    open_day(store, clock, 0)
    close_day(store, clock, "1234", counted_satang=0)
    assert len(list(stick.glob("otop-booth-*.sqlite"))) == 1
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    update_settings(store, clock, backup_dir=str(blocker / "sub"))  # the stick was pulled out
    open_day(store, clock, 0)
    close_day(store, clock, "1234", counted_satang=0)
    assert current_day(store) is None  # the close stands
    with store.read() as s:
        rows = [(b.ok, b.message) for b in s.query(Backup).order_by(Backup.id)]
    assert rows[0][0] is True and rows[-1][0] is False and "backup folder" in rows[-1][1]

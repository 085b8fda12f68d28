"""Storage faults on real file systems: a full disk, a data folder that turns read-only, a FAT stick.

These tests mount things (tmpfs, bind mounts, loop images), so they need root; each skips with the reason
when the machine does not allow it. Every mount is undone in a finalizer.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from otop_pos.booth.cart import Cart, Discount
from otop_pos.booth.catalogue import list_products
from otop_pos.booth.checkout import checkout
from otop_pos.booth.days import current_day, open_day
from otop_pos.booth.payments import PaymentIn
from otop_pos.booth.setup import from_registry, setup_booth
from otop_pos.booth.store import open_booth_store
from otop_pos.core.chain import GENESIS
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import StoreError
from otop_pos.exchange.registry_csv import Registry
from otop_pos.store.engine import UNSAFE_FS, SqliteStore, check_live_store_location, filesystem_type

PIN = "1234"
VENDOR = "KK20-0001"


# ----------------------------------------------------------------------------------------------------------
# helpers
# ----------------------------------------------------------------------------------------------------------

def _run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True, timeout=60)


class Mounts:
    """Mounts made by one test, undone (innermost first) when it ends."""

    def __init__(self) -> None:
        self.points: list[Path] = []

    def mount(self, *args: str | Path, skip_on_failure: bool = True) -> None:
        """``mount ARGS…``; the last argument is the mount point. Skips the test if mounting is refused."""
        if os.geteuid() != 0:
            pytest.skip("mounting file systems needs root")
        if shutil.which("mount") is None:
            pytest.skip("the mount command is not installed")
        out = _run("mount", *args)
        if out.returncode != 0:
            msg = f"cannot mount ({' '.join(map(str, args))}): {out.stderr.strip()}"
            if skip_on_failure:
                pytest.skip(msg)
            raise AssertionError(msg)
        self.points.append(Path(args[-1]))

    def mount_with(self, program: str, *args: str | Path) -> None:
        """Mount with a FUSE ``program`` (``fusefat IMAGE POINT``); unmounted like the others."""
        out = _run(program, *args)
        assert out.returncode == 0, f"{program}: {out.stderr.strip()}"
        self.points.append(Path(args[-1]))

    def remount(self, point: Path, options: str) -> None:
        out = _run("mount", "-o", options, point)
        assert out.returncode == 0, f"remount {options} {point}: {out.stderr.strip()}"

    def unmount(self, point: Path) -> None:
        if point in self.points:
            self.points.remove(point)
            out = _run("umount", point)
            assert out.returncode == 0, f"umount {point}: {out.stderr.strip()}"

    def undo(self) -> None:
        while self.points:
            point = self.points.pop()
            if _run("umount", point).returncode != 0:
                _run("umount", "-l", point)  # something still holds it open: detach it anyway


@pytest.fixture
def mounts() -> Iterator[Mounts]:
    m = Mounts()
    try:
        yield m
    finally:
        m.undo()


def _tmpfs(mounts: Mounts, where: Path, size: str) -> Path:
    where.mkdir(parents=True, exist_ok=True)
    mounts.mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", where)
    return where


def _free_bytes(path: Path) -> int:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize


def _fill(path: Path, leave: int) -> None:
    """Write ``path`` until only about ``leave`` bytes are free on its file system."""
    chunk = b"\0" * 65536
    with open(path, "wb") as fh:
        while _free_bytes(path.parent) > leave + len(chunk):
            fh.write(chunk)
            fh.flush()
        rest = _free_bytes(path.parent) - leave
        if rest > 0:
            fh.write(b"\0" * rest)
        fh.flush()
        os.fsync(fh.fileno())


def _new_booth(data: Path, clock: FixedClock, registry: Registry) -> SqliteStore:
    store = open_booth_store(data)
    try:
        setup_booth(store, clock, from_registry(registry, VENDOR), pin=PIN)
        open_day(store, clock, 50_000)
    except BaseException:
        store.dispose()
        raise
    return store


def _cart(store: SqliteStore) -> tuple[Cart, list[PaymentIn]]:
    products = list_products(store)
    cart = Cart().add(products[0], 2).add(products[1]).set_discount(Discount("percent", 500))
    return cart, [PaymentIn("cash", tendered_satang=((cart.total_satang + 9999) // 10000) * 10000)]


def assert_store_whole(db: Path, committed: list[str]) -> None:
    """The store holds exactly the ``committed`` sales, each complete, numbered 1..N and chained, and
    passes SQLite's integrity and foreign-key checks (the same rules as test_reliability.verify_store)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = con.execute("""
            SELECT s.uuid, s.seq, s.prev_hash, s.hash, s.total_satang, s.subtotal_satang,
                   s.sale_discount_satang,
                   (SELECT sum(net_satang) FROM sale_line WHERE sale_id = s.id),
                   (SELECT sum(amount_satang) FROM payment WHERE sale_id = s.id),
                   (SELECT count(*) FROM print_job WHERE kind = 'sale' AND ref_uuid = s.uuid)
            FROM sale s ORDER BY s.seq""").fetchall()
        assert [r[0] for r in rows] == committed, "the store does not hold exactly the committed sales"
        assert [r[1] for r in rows] == list(range(1, len(rows) + 1))
        prev = GENESIS
        for uuid, _seq, prev_hash, digest, total, subtotal, disc, net, paid, jobs in rows:
            assert (net, paid, jobs) == (total, total, 1), f"partial sale {uuid}"
            assert total == subtotal - disc
            assert prev_hash == prev, f"chain broken at {uuid}"
            prev = digest
        series = con.execute("SELECT last, last_hash FROM number_series WHERE name = 'doc'").fetchone()
        assert series == ((len(rows), prev) if rows else None) or (not rows and series == (0, GENESIS))
        assert con.execute("SELECT count(*) FROM till_day WHERE closed_at IS NULL").fetchone() == (1,)
    finally:
        con.close()


def _says_read_only(err: StoreError) -> bool:
    return "อ่านอย่างเดียว" in err.th and "read-only" in err.en.lower()


def _expect_read_only_wording(err: StoreError) -> None:
    """The vendor is told the folder is read-only (not a generic 'saving failed')."""
    assert _says_read_only(err), f"read-only folder reported with the generic message: {err.en!r}"


# ----------------------------------------------------------------------------------------------------------
# disk full
# ----------------------------------------------------------------------------------------------------------

def test_disk_full_refuses_the_sale_keeps_the_cart_and_sells_again_once_space_is_freed(
        mounts: Mounts, tmp_path: Path, clock: FixedClock, registry: Registry) -> None:
    disk = _tmpfs(mounts, tmp_path / "disk", "3M")
    store = _new_booth(disk / "booth", clock, registry)
    try:
        cart, pays = _cart(store)
        lines, total, discount = cart.lines, cart.total_satang, cart.discount
        committed = [checkout(store, clock, cart, pays).uuid]
        filler = disk / "filler.bin"
        _fill(filler, leave=48 * 1024)
        error: StoreError | None = None
        for _ in range(20_000):
            try:
                committed.append(checkout(store, clock, cart, pays).uuid)
            except StoreError as exc:
                error = exc
                break
        assert error is not None, "the tiny disk never filled up"
        assert "ดิสก์เต็ม" in error.th
        assert "disk is full" in error.en
        assert "not saved" in error.en and "cart is kept" in error.en
        # the cart is a value: the failed checkout left it exactly as it was
        assert cart.lines == lines and cart.total_satang == total and cart.discount == discount
        # nothing partial, nothing extra — checked while the disk is still full
        assert_store_whole(store.path, committed)
        # still full: refused again, the same way
        with pytest.raises(StoreError) as again:
            checkout(store, clock, cart, pays)
        assert "disk is full" in again.value.en
        assert current_day(store) is not None

        filler.unlink()
        committed.append(checkout(store, clock, cart, pays).uuid)  # the very same cart sells now
        assert_store_whole(store.path, committed)
    finally:
        store.dispose()
    # and after the app restarts (WAL recovery), the same store
    store = open_booth_store(disk / "booth")
    try:
        assert_store_whole(store.path, committed)
        cart, pays = _cart(store)
        committed.append(checkout(store, clock, cart, pays).uuid)
        assert_store_whole(store.path, committed)
    finally:
        store.dispose()


# ----------------------------------------------------------------------------------------------------------
# read-only data folder
# ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["tmpfs-remount-ro", "bind-remount-ro"])
def test_read_only_data_folder_mid_day(how: str, mounts: Mounts, tmp_path: Path, clock: FixedClock,
                                       registry: Registry) -> None:
    """Mid-day the folder becomes read-only (chmod would not stop root, so the mount is made read-only)."""
    root = tmp_path / "disk"
    if how == "tmpfs-remount-ro":
        _tmpfs(mounts, root, "16M")
        ro, rw = "remount,ro", "remount,rw"
    else:
        root.mkdir()
        mounts.mount("--bind", root, root)
        ro, rw = "remount,ro,bind", "remount,rw,bind"
    store = _new_booth(root / "booth", clock, registry)
    try:
        cart, pays = _cart(store)
        committed = [checkout(store, clock, cart, pays).uuid for _ in range(3)]
        lines, total = cart.lines, cart.total_satang
        # Linux will not make a mount read-only while a file on it is open for writing (EBUSY), so the
        # pooled connections are closed first — as after an idle spell or an app restart.
        store.dispose()
        mounts.remount(root, ro)
        with pytest.raises(OSError):
            (root / "booth" / "probe").write_bytes(b"x")  # really read-only, even for root
        with pytest.raises(StoreError) as refused:
            checkout(store, clock, cart, pays)
        assert refused.value.th and refused.value.en
        assert cart.lines == lines and cart.total_satang == total
        store.dispose()

        mounts.remount(root, rw)
        assert_store_whole(store.path, committed)  # nothing partial, nothing lost
        committed.append(checkout(store, clock, cart, pays).uuid)  # selling resumes with the same cart
        assert_store_whole(store.path, committed)
    finally:
        store.dispose()
    _expect_read_only_wording(refused.value)


def test_file_system_turning_read_only_under_an_open_store(mounts: Mounts, tmp_path: Path, clock: FixedClock,
                                                           registry: Registry) -> None:
    """The real mid-day case: a stick/disk hits an error and the kernel remounts it read-only while the
    store is open (ext4 errors=remount-ro, triggered through /sys/fs/ext4/DEV/trigger_fs_error)."""
    if shutil.which("mkfs.ext4") is None:
        pytest.skip("mkfs.ext4 (e2fsprogs) is not installed")
    image, point = tmp_path / "stick.img", tmp_path / "stick"
    point.mkdir()
    with open(image, "wb") as fh:
        fh.truncate(32 * 1024 * 1024)
    out = _run("mkfs.ext4", "-q", "-F", image)
    assert out.returncode == 0, out.stderr
    mounts.mount("-t", "ext4", "-o", "loop,errors=remount-ro", image, point)
    dev = _run("findmnt", "-n", "-o", "SOURCE", point).stdout.strip()
    trigger = Path("/sys/fs/ext4") / Path(dev).name / "trigger_fs_error"
    if not trigger.exists():
        pytest.skip(f"this kernel has no {trigger} to make ext4 fail")
    store = _new_booth(point / "booth", clock, registry)
    try:
        cart, pays = _cart(store)
        committed = [checkout(store, clock, cart, pays).uuid for _ in range(5)]
        trigger.write_text("otop-pos test\n")
        with pytest.raises(OSError):
            (point / "probe").write_bytes(b"x")  # the kernel made it read-only ("emergency_ro")
        with pytest.raises(StoreError) as refused:
            checkout(store, clock, cart, pays)
        assert refused.value.th and refused.value.en
        with pytest.raises(StoreError):
            checkout(store, clock, cart, pays)  # and again: nothing half-done in between
    finally:
        store.dispose()
    mounts.unmount(point)
    fsck = _run("e2fsck", "-f", "-y", image) if shutil.which("e2fsck") else None
    assert fsck is None or fsck.returncode in (0, 1), fsck.stdout if fsck else ""
    mounts.mount("-t", "ext4", "-o", "loop", image, point, skip_on_failure=False)
    # every sale acknowledged before the failure survived it (fsync'd WAL), the refused one is not there
    assert_store_whole(point / "booth" / "booth.sqlite", committed)
    store = open_booth_store(point / "booth")
    try:
        committed.append(checkout(store, clock, cart, pays).uuid)
        assert_store_whole(store.path, committed)
    finally:
        store.dispose()
    _expect_read_only_wording(refused.value)


# ----------------------------------------------------------------------------------------------------------
# where the live store may live
# ----------------------------------------------------------------------------------------------------------

def test_check_live_store_location_accepts_the_local_temp_folder(tmp_path: Path) -> None:
    fstype = filesystem_type(tmp_path)
    assert fstype.lower() not in UNSAFE_FS
    check_live_store_location(tmp_path)  # no error
    store = open_booth_store(tmp_path / "booth")
    store.dispose()


def test_open_booth_store_refuses_a_vfat_stick(mounts: Mounts, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("mkfs.vfat") is None:
        pytest.skip("mkfs.vfat is not installed (apt-get install dosfstools)")
    monkeypatch.delenv("OTOP_POS_ALLOW_ANY_FS", raising=False)
    image, point = tmp_path / "stick.img", tmp_path / "stick"
    point.mkdir()
    with open(image, "wb") as fh:
        fh.truncate(8 * 1024 * 1024)
    out = _run("mkfs.vfat", image)
    assert out.returncode == 0, out.stderr
    if "vfat" in Path("/proc/filesystems").read_text():
        mounts.mount("-t", "vfat", "-o", "loop", image, point)
        kind = "vfat"
    else:   # a kernel without vfat (this sandbox's): the stick mounted through FUSE, as desktops may
        if shutil.which("fusefat") is None:
            pytest.skip("fusefat is not installed (apt-get install fusefat) and the kernel has no vfat")
        mounts.mount_with("fusefat", "-o", "rw+", image, point)
        kind = "fuse.fusefat"
    assert filesystem_type(point) == kind
    with pytest.raises(StoreError) as refused:
        open_booth_store(point / "booth")
    assert kind in refused.value.en and "FAT" in refused.value.en
    assert "แฟลชไดรฟ์" in refused.value.th
    assert not (point / "booth" / "booth.sqlite").exists()


# The kernel here may lack vfat. The refusal itself reads /proc/mounts, so it is also shown in a private
# mount namespace where the folder appears in that table as a vfat mount (nothing is patched in Python).
VFAT_VIEW = r'''
import json, os, subprocess, sys
from pathlib import Path
folder = Path(sys.argv[1]); fake = Path(sys.argv[2])
with open("/proc/mounts") as fh:
    table = fh.read()
fake.write_text(table + f"/dev/sdz1 {folder} vfat rw,relatime 0 0\n")
subprocess.run(["mount", "--bind", str(fake), f"/proc/{os.getpid()}/mounts"], check=True)
from otop_pos.booth.store import open_booth_store
from otop_pos.core.errors import StoreError
from otop_pos.store.engine import filesystem_type
out = {"fstype": filesystem_type(folder / "booth")}
try:
    open_booth_store(folder / "booth").dispose()
    out["refused"] = None
except StoreError as exc:
    out["refused"] = [exc.th, exc.en]
out["exists"] = (folder / "booth" / "booth.sqlite").exists()
os.environ["OTOP_POS_ALLOW_ANY_FS"] = "1"
open_booth_store(folder / "booth").dispose()
out["override_opened"] = (folder / "booth" / "booth.sqlite").exists()
print(json.dumps(out, ensure_ascii=False))
'''


def test_open_booth_store_refuses_a_folder_the_mount_table_shows_as_vfat(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    folder = tmp_path / "stick"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "OTOP_POS_ALLOW_ANY_FS"}
    out = subprocess.run(["unshare", "-m", "--propagation", "private", sys.executable, "-c", VFAT_VIEW,
                          str(folder), str(tmp_path / "mounts")], capture_output=True, text=True, env=env,
                         timeout=120)
    if out.returncode != 0 and ("unshare failed" in out.stderr or "Operation not permitted" in out.stderr):
        pytest.skip(f"no private mount namespace here: {out.stderr.strip()}")
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout.strip().splitlines()[-1])
    assert res["fstype"] == "vfat"
    assert res["refused"] is not None, "a vfat folder was accepted for the live store"
    th, en = res["refused"]
    assert "vfat" in en and "FAT" in en and "แฟลชไดรฟ์" in th
    assert res["exists"] is False  # refused before any file was created
    assert res["override_opened"] is True  # OTOP_POS_ALLOW_ANY_FS=1 lets an expert insist

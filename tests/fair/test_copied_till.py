"""A till copied to a second laptop (the data folder copied instead of ``--till 2``): both laptops sell under one
till identity and their chains part. The organiser's import names it (``copied_till``) while the genuine files
beside it import; ``fair accept-fork`` takes the copy in as a branch of the till, exactly once, numbers as
printed; later exports of either laptop go to their own branch, and ``booth new-till`` makes the copy a till of
its own. A till restored from an older backup stays a ``deletion``. On SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from otop_pos.app import demo_registry
from otop_pos.booth.setup import new_till
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import InputError, PinError
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.forks import accept_fork
from otop_pos.fair.importer import import_paths
from otop_pos.fair.status import fair_status, fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.fair.totals import verify_totals
from otop_pos.reports.model import figures_to_json
from otop_pos.store.booth_models import Sale
from tests.fair.booths import FIRST_DAY, PIN, Booth, make_fair
from tests.fair.test_import import snapshot

D2 = FIRST_DAY + timedelta(days=1)
CODE = "KK20-0001"


def copy_of(a: Booth, folder: Path, seed: int) -> Booth:
    """The booth data folder of ``a`` copied to another laptop, whose clock reads the same time."""
    a.close()
    shutil.copytree(a.folder, folder)
    a.open()
    c = Booth(folder, a.package, seed=seed)  # the same package and till number again: what a vendor would do
    c.clock.t = a.clock.t
    return c


def numbers(b: Booth) -> list[str]:
    with b.s.read() as s:
        return list(s.scalars(select(Sale.number).order_by(Sale.seq)))


@pytest.fixture
def world(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> dict[str, object]:
    """Till 1 of booth B001 sold 5 and was imported; its folder was copied with the day open; both sold on."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE, "KK20-0002"])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 5)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "usb0")], jobs=0).count("imported") == 1
    shared = a.net()
    c = copy_of(a, tmp_path / "copy", seed=7)
    a.sell(FIRST_DAY, 3)
    c.sell(FIRST_DAY, 2)
    a.close_day()
    c.close_day()  # the day opened before the copy, closed on both laptops with their own cash
    other = Booth(tmp_path / "other", packages["KK20-0002"].path, seed=3)
    other.sell(FIRST_DAY, 2)
    yield {"a": a, "c": c, "other": other, "shared": shared}
    for b in (a, c, other):
        b.close()


def test_a_copied_till_is_named_and_the_genuine_files_beside_it_import(
        fair_store: FairStore, fair_clock: FixedClock, world: dict[str, object], tmp_path: Path) -> None:
    a, c, other = world["a"], world["c"], world["other"]
    assert isinstance(a, Booth) and isinstance(c, Booth) and isinstance(other, Booth)
    usb = tmp_path / "usb1"
    files = [a.export(usb / "a"), c.export(usb / "c"), other.export(usb / "o")]
    report = import_paths(fair_store, fair_clock, files, jobs=0)
    got = [(f.result, f.reason) for f in report.files]
    assert got == [("imported", ""), ("refused", "copied_till"), ("imported", "")], report.files
    refused = report.files[1]
    assert "copied from till 1 after receipt B001-000005" in refused.en
    assert "ถูกคัดลอกมาจากเครื่อง 1 หลังใบเสร็จ B001-000005" in refused.th
    assert f"otop-pos fair accept-fork {files[1]}" in refused.en and "booth new-till --till 2" in refused.en
    assert "B001-000006" in refused.en  # the other laptop's receipts the copy does not hold
    # the next run says the same, and changes nothing
    before = snapshot(fair_store)
    again = import_paths(fair_store, fair_clock, files, jobs=0)
    assert [(f.result, f.reason) for f in again.files] == [("unchanged", "same_file"), ("refused", "copied_till"),
                                                           ("unchanged", "same_file")]
    assert snapshot(fair_store) == before
    assert fair_summary(fair_store).net_satang == a.net() + other.net()


def test_accept_fork_takes_the_copy_in_once_and_both_laptops_go_on(
        fair_store: FairStore, fair_clock: FixedClock, world: dict[str, object], tmp_path: Path) -> None:
    a, c, shared = world["a"], world["c"], world["shared"]
    assert isinstance(a, Booth) and isinstance(c, Booth) and isinstance(shared, int)
    fa, fc = a.export(tmp_path / "usb1" / "a"), c.export(tmp_path / "usb1" / "c")
    assert [f.reason for f in import_paths(fair_store, fair_clock, [fa, fc], jobs=0).files] == ["", "copied_till"]
    with pytest.raises(InputError):
        accept_fork(fair_store, fair_clock, fa)  # the till's own chain: not a copy
    done = accept_fork(fair_store, fair_clock, fc)
    assert (done.new_branch, done.branch, done.till_no, done.fork_number) == (True, 1, 1, "B001-000005")
    assert (done.sales, done.days) == (2, 1)  # its two sales, and its own close of the day both laptops shared
    twice = accept_fork(fair_store, fair_clock, fc)
    assert (twice.new_branch, twice.branch, twice.sales, twice.days) == (False, 1, 0, 0)
    assert import_paths(fair_store, fair_clock, [fc], jobs=0).files[0].result == "unchanged"
    expected = a.net() + c.net() - shared
    assert fair_summary(fair_store).net_satang == expected
    # the copy becomes till 2 of its booth (keeping its sales); both laptops sell on, each export to its branch
    with pytest.raises(PinError):
        new_till(c.s, c.clock, 2, "0000")
    renumbered = new_till(c.s, c.clock, 2, PIN)
    assert (renumbered.old_till_no, renumbered.next_number) == (1, "B001-2-000008")
    a.sell(D2, 2)
    c.sell(D2, 3)
    assert c.void_last()
    late = [a.export(tmp_path / "usb2" / "a"), c.export(tmp_path / "usb2" / "c")]
    report = import_paths(fair_store, fair_clock, late, jobs=0)
    assert [(f.result, f.sales) for f in report.files] == [("imported", 2), ("imported", 3)], report.files
    expected = a.net() + c.net() - shared
    fig = compute_figures(fair_store, clock=fair_clock)
    assert fig.key.net_satang == fair_summary(fair_store).net_satang == expected
    assert not verify_totals(fair_store).differences
    # numbers as printed: both laptops printed B001-000006 and B001-000007; the store holds each sale once
    with fair_store.read() as s:
        stored = list(s.scalars(text("SELECT number FROM sale WHERE vendor_id = "
                                     "(SELECT id FROM vendor WHERE code = :c)").bindparams(c=CODE)))
    assert sorted(stored) == sorted(numbers(a) + numbers(c)[5:])
    assert stored.count("B001-000006") == 2 and "B001-2-000008" in stored
    # flagged: status lists the branch, the summary and the report mark it
    tills = [t for t in fair_status(fair_store, fair_clock).tills if t.vendor_code == CODE]
    assert [(t.till_no, t.branch, t.copied_from_till_no, t.fork_number) for t in tills] == \
        [(1, 0, None, ""), (1, 1, 1, "B001-000005")]
    assert [(b.branch, b.fork_number) for b in fair_summary(fair_store).branches] == [(1, "B001-000005")]
    assert figures_to_json(fig)["forks"] == [{"vendor_code": CODE, "booth": "B001", "till_no": 1, "branch": 1,
                                              "fork_number": "B001-000005"}]
    # the days: the shared day closed twice (one close per laptop), day 2 once per laptop
    with fair_store.read() as s:
        days = s.execute(text("SELECT business_date, count(*) FROM till_day GROUP BY business_date "
                              "ORDER BY 1")).all()
    assert [n for _d, n in days] == [2, 2]  # one per laptop each day


def test_a_restored_backup_that_sold_on_stays_a_deletion_and_can_be_accepted(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 3)
    backup = a.backup(tmp_path / "backups")
    a.sell(FIRST_DAY, 3)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "usb1")], jobs=0).count("imported") == 1
    a.restore(backup)
    a.sell(FIRST_DAY, 2)  # one laptop going on after the crash: its new sales come after everything held
    restored = a.export(tmp_path / "usb2")
    f = import_paths(fair_store, fair_clock, [restored], jobs=0).files[0]
    assert (f.result, f.reason) == ("refused", "deletion"), f
    assert "accept-fork" in f.en  # the way out, when the organiser knows the new sales are real
    done = accept_fork(fair_store, fair_clock, restored)
    assert (done.new_branch, done.sales, done.fork_number) == (True, 2, "B001-000003")
    assert fair_summary(fair_store).sales_count == 8
    assert not verify_totals(fair_store).differences
    a.close()


def test_accept_fork_and_new_till_on_the_command_line(fair_clock: FixedClock, world_cli: dict[str, Path]) -> None:
    env = dict(os.environ, PYTHONWARNINGS="error", OTOP_POS_HOME=str(world_cli["copy"]))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                              timeout=120)

    db = str(world_cli["db"])
    refused = run("fair", "--db", db, "import", str(world_cli["copy_export"]), "--json")
    assert refused.returncode == 1 and json.loads(refused.stdout)["files"][0]["reason"] == "copied_till"
    accepted = run("fair", "--db", db, "accept-fork", str(world_cli["copy_export"]))
    assert accepted.returncode == 0, accepted.stderr
    assert "accepted as new branch 1 of till 1" in accepted.stdout and "added 2 sales" in accepted.stdout
    status = run("fair", "--db", db, "status")
    assert "copy 1 of till 1, after receipt B001-000005" in status.stdout, status.stdout
    renumbered = run("booth", "new-till", "--till", "2", "--pin", PIN)
    assert renumbered.returncode == 0, renumbered.stderr
    assert "now till 2" in renumbered.stdout and "B001-2-000008" in renumbered.stdout


@pytest.fixture
def world_cli(tmp_path: Path, fair_clock: FixedClock) -> dict[str, Path]:
    from otop_pos.fair.store import open_fair_store

    store = open_fair_store(tmp_path / "fair.sqlite")
    _fair, packages = make_fair(store, fair_clock, demo_registry(), tmp_path / "packages", [CODE])
    a = Booth(tmp_path / "a", packages[CODE].path, seed=1)
    a.sell(FIRST_DAY, 5)
    c = copy_of(a, tmp_path / "copy", seed=7)
    a.sell(FIRST_DAY, 3)
    c.sell(FIRST_DAY, 2)
    assert import_paths(store, fair_clock, [a.export(tmp_path / "usb-a")], jobs=0).count("imported") == 1
    store.dispose()
    out = {"db": tmp_path / "fair.sqlite", "copy": c.folder, "copy_export": c.export(tmp_path / "usb-c")}
    a.close()
    c.close()
    return out

"""A booth restored from a backup older than its last export, brought forward from that export
(``booth.rollforward``): it holds again every document the organiser has, with the same numbers, day closes
and stock, continues the chain, and the organiser (SQLite and PostgreSQL) accepts its later exports; without
the roll-forward the organiser refuses them. A file that does not continue the store changes nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from otop_pos.app import demo_registry
from otop_pos.booth.backup import restore_backup
from otop_pos.booth.catalogue import list_products, set_stock
from otop_pos.booth.days import zreport
from otop_pos.booth.queries import booth_report
from otop_pos.booth.rollforward import roll_forward
from otop_pos.core.clock import FixedClock
from otop_pos.core.errors import ImportRefused, InputError
from otop_pos.exchange.export_format import read_export_manifest
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.importer import import_paths
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.store.booth_models import AuditEvent, NumberSeries, Sale, TillDay
from tests.fair.booths import FIRST_DAY, Booth, make_fair

D2 = FIRST_DAY + timedelta(days=1)


def state(b: Booth) -> dict[str, Any]:
    """What a vendor and the organiser rely on: the report, the numbers, the stock, the days, the chain head."""
    rep = booth_report(b.s)
    with b.s.read() as s:
        numbers = list(s.scalars(select(Sale.number).order_by(Sale.seq)))
        days = [(d.uuid, d.closed_at is not None, d.counted_cash_satang)
                for d in s.scalars(select(TillDay).order_by(TillDay.id))]
        head = s.execute(select(NumberSeries.last, NumberSeries.last_hash).where(NumberSeries.name == "doc")).one()
    stock = {p.sku: p.stock for p in list_products(b.s)}
    return {"net": rep.net_satang, "sales": rep.sales_count, "voids": rep.voids_count, "refunds": rep.refunds_count,
            "numbers": numbers, "days": days, "head": tuple(head), "stock": stock}


def refused_unchanged(b: Booth, export: Path) -> ImportRefused:
    """``roll_forward`` refuses ``export`` and the till's store is exactly as before; returns the refusal."""
    before = state(b)
    with pytest.raises(ImportRefused) as refused:
        roll_forward(b.s, b.clock, export)
    assert state(b) == before
    return refused.value


@pytest.fixture
def restored(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> dict[str, Any]:
    """A till that backed up, sold on, closed day 1, exported (imported by the organiser), sold two more
    sales that never left it, then crashed and was restored from the backup."""
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    a = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=1)
    for p in list_products(a.s):
        set_stock(a.s, a.clock, p.sku, 1000)
    a.sell(FIRST_DAY, 4)
    backup = a.backup(tmp_path / "backups")
    a.sell(FIRST_DAY, 3)
    assert a.void_last()
    a.close_day()
    a.sell(D2, 2)
    assert a.refund_first()
    exported = a.export(tmp_path / "usb")
    assert import_paths(fair_store, fair_clock, [exported], jobs=0).count("imported") == 1
    at_export = state(a)
    a.sell(D2, 2)  # never exported: lost with the crash
    a.close()
    restore_backup(backup, a.folder)
    a.open()
    return {"booth": a, "at_export": at_export, "usb": tmp_path / "usb", "packages": packages,
            "backup": backup}


def test_rolled_forward_till_holds_what_the_organiser_has_and_goes_on(fair_store: FairStore, fair_clock: FixedClock,
                                                                    restored: dict[str, Any], tmp_path: Path) -> None:
    a: Booth = restored["booth"]
    at_export = restored["at_export"]
    before = state(a)
    assert before["sales"] == 4 and before["head"][0] == 4
    done = roll_forward(a.s, a.clock, restored["usb"])  # a folder: the newest export of this till in it
    assert (done.sales, done.voids, done.refunds, done.days, done.days_closed) == (5, 1, 1, 1, 1)
    assert done.last_number.endswith(f"-{at_export['head'][0]:06d}")
    assert state(a) == at_export  # report, numbers, day closes, stock and chain head as when exported
    z1 = zreport(a.s, business_date=FIRST_DAY)
    assert z1.closed_at is not None and z1.counted_cash_satang == z1.expected_cash_satang
    assert z1.sales_count == 7 and z1.voids_count == 1
    with a.s.read() as s:
        audit = s.scalar(select(AuditEvent.detail_json).where(AuditEvent.action == "roll_forward"))
    assert audit is not None and '"to_seq": 11' in audit
    again = roll_forward(a.s, a.clock, restored["usb"])  # nothing more to bring back
    assert (again.sales, again.voids, again.refunds, again.days, again.days_closed) == (0, 0, 0, 0, 0)
    assert state(a) == at_export
    # the till goes on from the organiser's head: its next export is accepted and every number is new
    a.sell(D2, 3)
    later = a.export(tmp_path / "usb2")
    report = import_paths(fair_store, fair_clock, [later], jobs=0)
    assert report.count("imported") == 1, report.files
    assert compute_figures(fair_store, clock=fair_clock).key.net_satang == booth_report(a.s).net_satang
    with fair_store.read() as s:
        numbers = list(s.scalars(text("SELECT number FROM sale ORDER BY seq")))
    assert len(numbers) == len(set(numbers)) == at_export["sales"] + 3
    a.close()


def test_without_the_roll_forward_the_organiser_refuses_the_restored_till(
        fair_store: FairStore, fair_clock: FixedClock, restored: dict[str, Any], tmp_path: Path) -> None:
    a: Booth = restored["booth"]
    a.sell(D2, 1)  # numbers the backup's head reuses
    report = import_paths(fair_store, fair_clock, [a.export(tmp_path / "usb2")], jobs=0)
    assert report.count("refused") == 1 and report.files[0].reason == "deletion"
    # and once the till has sold after the restore, the export no longer continues it: nothing changes
    refused = refused_unchanged(a, restored["usb"])
    assert refused.reason == "conflict" and "ไม่ต่อ" in refused.th
    a.close()


def test_a_file_that_cannot_bring_the_till_forward_changes_nothing(fair_store: FairStore, fair_clock: FixedClock,
                                                                  restored: dict[str, Any], tmp_path: Path) -> None:
    a: Booth = restored["booth"]
    before = state(a)
    # another till of the same vendor (same booth key): found in a folder it is skipped, given as a file refused
    other = Booth(tmp_path / "till2", restored["packages"]["KK20-0001"].path, till_no=2, seed=5)
    other.sell(FIRST_DAY, 2)
    other_file = other.export(tmp_path / "till2-usb")
    other.close()
    with pytest.raises(InputError):
        roll_forward(a.s, a.clock, tmp_path / "till2-usb")
    with pytest.raises(ImportRefused) as refused:
        roll_forward(a.s, a.clock, other_file)
    assert refused.value.reason == "other_till"
    # an export altered on the stick
    newest = sorted(restored["usb"].glob("*.otopx"))[-1]
    bad = tmp_path / "bad" / newest.name
    bad.parent.mkdir()
    data = bytearray(newest.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bad.write_bytes(bytes(data))
    with pytest.raises(ImportRefused):
        roll_forward(a.s, a.clock, bad)
    assert state(a) == before


def test_restore_with_exports_on_the_command_line(fair_clock: FixedClock, tmp_path: Path) -> None:
    store = open_fair_store(tmp_path / "fair.sqlite")
    _fair, packages = make_fair(store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    store.dispose()
    a = Booth(tmp_path / "a", packages["KK20-0001"].path, seed=3)
    a.sell(FIRST_DAY, 2)
    backup = a.backup(tmp_path / "backups")
    a.sell(FIRST_DAY, 3)
    a.export(tmp_path / "usb" / "day1")
    expected = state(a)
    a.close()
    env = dict(os.environ, PYTHONWARNINGS="error", OTOP_POS_HOME=str(a.folder))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "otop_pos", "booth", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    done = run("restore", str(backup), "--exports", str(tmp_path / "usb"))
    assert done.returncode == 0, done.stderr
    assert "Brought back" in done.stdout and "3 sales" in done.stdout and "นำกลับมา" in done.stdout
    a.open()
    assert state(a) == expected
    a.close()
    shutil.rmtree(tmp_path / "usb")
    (tmp_path / "usb").mkdir()
    missing = run("roll-forward", str(tmp_path / "usb"))
    assert missing.returncode != 0 and "No export of this till" in missing.stderr


def _fresh(fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> Booth:
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", ["KK20-0001"])
    return Booth(tmp_path / "a", packages["KK20-0001"].path, seed=4)


def _restore(b: Booth, backup: Path) -> None:
    b.close()
    restore_backup(backup, b.folder)
    b.open()


def test_a_backup_taken_before_the_day_close_gets_the_close_back(fair_store: FairStore, fair_clock: FixedClock,
                                                                 tmp_path: Path) -> None:
    """No document is newer than the backup, but the export closed the day: the close (cash count, Z report)
    comes back and the next export is numbered after it, so the organiser accepts the next day."""
    a = _fresh(fair_store, fair_clock, tmp_path)
    a.sell(FIRST_DAY, 4)
    backup = a.backup(tmp_path / "backups")
    a.close_day()
    first = a.export(tmp_path / "usb")
    assert import_paths(fair_store, fair_clock, [first], jobs=0).count("imported") == 1
    closed = state(a)
    _restore(a, backup)
    assert state(a)["days"][0][1] is False  # the backup has the day open
    done = roll_forward(a.s, a.clock, tmp_path / "usb")
    assert (done.sales, done.days, done.days_closed) == (0, 0, 1)
    assert state(a) == closed
    z = zreport(a.s, business_date=FIRST_DAY)
    assert z.closed_at is not None and z.sales_count == 4 and z.difference_satang == 0
    a.sell(D2, 2)
    a.close_day()
    second = a.export(tmp_path / "usb2")
    assert read_export_manifest(second)[0].export_seq > read_export_manifest(first)[0].export_seq
    assert import_paths(fair_store, fair_clock, [second], jobs=0).count("imported") == 1
    assert compute_figures(fair_store, clock=fair_clock).key.net_satang == booth_report(a.s).net_satang
    a.close()


def test_a_day_closed_after_the_restore_is_refused_with_a_clear_message(
        fair_store: FairStore, fair_clock: FixedClock, restored: dict[str, Any]) -> None:
    a: Booth = restored["booth"]
    a.close_day()  # the vendor closed day 1 on the restored till before bringing it forward
    refused = refused_unchanged(a, restored["usb"])
    assert refused.reason == "conflict" and "หลังกู้คืน" in refused.th and "after the restore" in refused.en
    a.close()


def test_a_day_opened_after_the_restore_is_refused_with_a_clear_message(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    a = _fresh(fair_store, fair_clock, tmp_path)
    a.sell(FIRST_DAY, 2)
    a.close_day()
    backup = a.backup(tmp_path / "backups")  # no day open
    a.sell(D2, 2)
    assert import_paths(fair_store, fair_clock, [a.export(tmp_path / "usb")], jobs=0).count("imported") == 1
    _restore(a, backup)
    a.ensure_day(D2)  # opened again after the restore: another day than the exported one
    refused = refused_unchanged(a, tmp_path / "usb")
    assert refused.reason == "conflict" and "after the restore" in refused.en
    a.close()


def test_a_damaged_export_is_named_in_the_message(fair_store: FairStore, fair_clock: FixedClock,
                                                  restored: dict[str, Any], tmp_path: Path) -> None:
    a: Booth = restored["booth"]
    newest = sorted(restored["usb"].glob("*.otopx"))[-1]
    data = bytearray(newest.read_bytes())
    data[len(data) // 3] ^= 0x55
    (tmp_path / "stick").mkdir()
    (tmp_path / "stick" / newest.name).write_bytes(bytes(data))
    with pytest.raises(ImportRefused) as refused:
        roll_forward(a.s, a.clock, tmp_path / "stick")
    assert newest.name in refused.value.en and newest.name in refused.value.th
    assert "another export file" in refused.value.en
    a.close()

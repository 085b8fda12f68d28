"""A vendor moved to another booth mid-fair (the registry reloaded with its new booth) keeps importing with no
change at the booth: the till is its key and till identity, the booth code in its files is a label, receipts
keep their numbers, and the figures follow the vendor to its current booth. On SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text

from otop_pos.app import demo_registry
from otop_pos.booth.package_setup import setup_from_package
from otop_pos.core.clock import FixedClock
from otop_pos.exchange.export_format import read_export_manifest
from otop_pos.exchange.registry_csv import load_registry
from otop_pos.fair.fairs import load_registry_into
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.importer import import_paths
from otop_pos.fair.packages import make_packages
from otop_pos.fair.status import fair_status, fair_summary
from otop_pos.fair.store import FairStore
from otop_pos.fair.totals import verify_totals
from otop_pos.store.booth_models import Sale
from tests.fair.booths import FIRST_DAY, PIN, Booth, make_fair

D2 = FIRST_DAY + timedelta(days=1)
MOVED, OLD, NEW = "KK20-0001", "B001", "F099"


def moved_registry(tmp_path: Path, code: str = MOVED, booth: str = NEW) -> tuple[Path, Path]:
    """The demo registry with ``code`` at ``booth`` (the organiser's file after the move)."""
    vendors, catalogue = demo_registry()
    lines = Path(vendors).read_text(encoding="utf-8-sig").splitlines()
    out = [ln.rsplit(",", 1)[0] + f",{booth}" if f",{code}," in ln else ln for ln in lines]
    folder = tmp_path / "registry-after-move"
    folder.mkdir()
    (folder / "vendors.csv").write_text("\n".join(out) + "\n", encoding="utf-8-sig")
    return folder / "vendors.csv", Path(catalogue)


def numbers(b: Booth) -> list[str]:
    with b.s.read() as s:
        return list(s.scalars(select(Sale.number).order_by(Sale.seq)))


def stored_numbers(store: FairStore) -> list[str]:
    with store.read() as s:
        return list(s.scalars(text("SELECT number FROM sale ORDER BY number")))


def test_a_moved_vendor_keeps_importing_and_its_figures_follow_it(fair_store: FairStore, fair_clock: FixedClock,
                                                                  tmp_path: Path) -> None:
    _fair, packages = make_fair(fair_store, fair_clock, demo_registry(), tmp_path / "packages", [MOVED, "KK20-0002"])
    a = Booth(tmp_path / "a", packages[MOVED].path, seed=1)
    a.sell(FIRST_DAY, 4)
    before = a.export(tmp_path / "usb1")  # exported at the old booth
    moved = load_registry_into(fair_store, None, load_registry(*moved_registry(tmp_path)))
    assert moved.vendors_updated == 1
    # the booth changes nothing: same data folder, same package, more sales, a void, a day closed
    a.sell(FIRST_DAY, 3)
    assert a.void_last()
    a.close_day()
    a.sell(D2, 2)
    after = a.export(tmp_path / "usb2")
    assert {read_export_manifest(p)[0].booth_code for p in (before, after)} == {OLD}
    report = import_paths(fair_store, fair_clock, [after, before], jobs=0)
    assert [(f.result, f.reason) for f in report.files] == [("imported", ""), ("unchanged", "nothing_new")], \
        report.files
    # every sale, numbered as printed, under the vendor's current booth; the till keeps the booth it was seen at
    assert stored_numbers(fair_store) == sorted(numbers(a)) and all(n.startswith(f"{OLD}-") for n in numbers(a))
    fig = compute_figures(fair_store, clock=fair_clock)
    row = next(v for v in fig.by_vendor if v.code == MOVED)
    assert (row.booth, row.net_satang) == (NEW, a.net())
    assert fig.key.net_satang == fair_summary(fair_store).net_satang == a.net()
    status = next(v for v in fair_status(fair_store, fair_clock).vendors if v.code == MOVED)
    assert (status.booth, status.tills, status.net_satang) == (NEW, 1, a.net())
    with fair_store.read() as s:
        assert s.execute(text("SELECT booth_code FROM till")).scalars().all() == [OLD]
    assert not verify_totals(fair_store).differences

    # a new package for the moved vendor sets the same laptop up again (its receipts now carry the new booth)
    # and an extra till; both import
    pkg = make_packages(fair_store, fair_clock, tmp_path / "packages2", vendor_codes=[MOVED])[0]  # type: ignore[arg-type]
    assert pkg.booth == NEW
    setup_from_package(a.s, a.clock, pkg.path, pin=PIN)
    a.sell(D2, 2)
    b = Booth(tmp_path / "b", pkg.path, till_no=2, seed=2)
    b.sell(D2, 3)
    report = import_paths(fair_store, fair_clock, [a.export(tmp_path / "usb3"), b.export(tmp_path / "usb3")], jobs=0)
    assert [f.result for f in report.files] == ["imported", "imported"], report.files
    assert [f.booth_code for f in report.files] == [NEW, NEW]
    assert numbers(a)[-1].startswith(f"{NEW}-") and numbers(a)[0].startswith(f"{OLD}-")
    assert numbers(b)[0].startswith(f"{NEW}-2-")
    assert stored_numbers(fair_store) == sorted(numbers(a) + numbers(b))
    fig = compute_figures(fair_store, clock=fair_clock)
    row = next(v for v in fig.by_vendor if v.code == MOVED)
    assert (row.booth, row.net_satang) == (NEW, a.net() + b.net())
    assert not verify_totals(fair_store).differences
    a.close()
    b.close()

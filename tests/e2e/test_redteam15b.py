"""Red team round two, issue 15: ``booth simulate --orders`` over days that run past the fair's last day, through
the real CLI (a booth set up from the organiser's package, which carries the fair's days). Fails on main for the
reason the docstring gives."""
from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_cli_booth import run

PIN = "1234"


def test_simulate_with_orders_runs_every_day_across_the_fairs_end(tmp_path: Path) -> None:
    """A fair 26 Oct – 1 Nov 2020; the vendor simulates 5 days from 30 Oct with orders (as a demo of deliveries
    after the fair would). A booth that knows the fair is over now refuses new orders (the fix of round one),
    and the simulation does not expect it: on 2 Nov its next basket-as-order raises "The fair is over … no new
    orders" and the run stops half way through that day with the day left open and 3 Nov never simulated —
    the exit code is 2. It must go on through every day asked (no new orders after the fair, deliveries and
    cancels as usual)."""
    db = tmp_path / "fair.sqlite"
    run(tmp_path, "fair", "create", "--db", str(db), "--name", "T", "--venue", "v", "--province", "ขอนแก่น",
        "--start", "2020-10-26", "--end", "2020-11-01")
    root = Path(__file__).resolve().parents[2] / "resources" / "demo"
    run(tmp_path, "fair", "--db", str(db), "registry", str(root / "vendors.csv"), str(root / "catalogue.csv"))
    run(tmp_path, "fair", "--db", str(db), "packages", str(tmp_path / "packages"), "--vendor", "KK20-0001")
    home = tmp_path / "booth"
    run(home, "booth", "setup", "--package", str(tmp_path / "packages" / "B001_KK20-0001.otopbooth"), "--pin", PIN)
    sim = run(home, "booth", "simulate", "--days", "5", "--sales-per-day", "40", "--start",
              "2020-10-30", "--orders", "--pin", PIN, ok=False)
    report = json.loads(run(home, "booth", "report", "--json").stdout)
    assert sim.returncode == 0, (sim.returncode, sim.stderr[-400:], report["by_day"])
    assert sorted(report["by_day"]) == ["2020-10-30", "2020-10-31", "2020-11-01", "2020-11-02", "2020-11-03"]


OLD_MAIN = "2ccaf6f"   # main when orders first travelled (format 3, booth b0005, fair f0008), before f92e0a6/b1b57cf


def _old_checkout(tmp_path: Path) -> Path:
    """The source of main at OLD_MAIN (``git archive``), to make stores as that main did."""
    import subprocess

    import pytest

    root = Path(__file__).resolve().parents[2]
    old = tmp_path / "old"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(root), "archive", OLD_MAIN], capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"no git history for {OLD_MAIN}")
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
    return old


def _old(old: Path, home: Path | None, *args: str) -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(old))
    env.pop("OTOP_POS_PIN", None)
    if home is not None:
        env["OTOP_POS_HOME"] = str(home)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], cwd=old, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, (args, proc.stderr[-800:])


def _old_stores(tmp_path: Path) -> tuple[Path, Path]:
    """A fair store and a booth made by main at OLD_MAIN: the booth took one order (deposit ฿20 cash)."""
    from datetime import datetime, timedelta, timezone

    today = datetime.now(timezone(timedelta(hours=7))).date()   # the booth's own clock: a fair around today
    old = _old_checkout(tmp_path)
    db = tmp_path / "fair.sqlite"
    home = tmp_path / "booth"
    _old(old, None, "fair", "create", "--db", str(db), "--name", "T", "--venue", "v", "--province", "ขอนแก่น",
         "--start", (today - timedelta(days=2)).isoformat(), "--end", (today + timedelta(days=5)).isoformat())
    _old(old, None, "fair", "--db", str(db), "registry", str(old / "resources/demo/vendors.csv"),
         str(old / "resources/demo/catalogue.csv"))
    _old(old, None, "fair", "--db", str(db), "packages", str(tmp_path / "packages"), "--vendor", "KK20-0001")
    _old(old, home, "booth", "setup", "--package", str(tmp_path / "packages" / "B001_KK20-0001.otopbooth"),
         "--pin", PIN)
    _old(old, home, "booth", "day", "open", "--float", "1000")
    _old(old, home, "booth", "order", "take", "--item", "KK20-0001-01=1", "--customer", "A", "--deliver",
         (today + timedelta(days=1)).isoformat(), "--deposit", "20", "--method", "cash")
    return db, home


def test_a_booth_that_took_an_order_before_the_update_still_exports_what_the_fair_takes(tmp_path: Path) -> None:
    """The round-one fixes edited two migrations already on main instead of adding new ones: b0005 now chains
    an order event with its "day" (f92e0a6) and f0008 now adds import_log.orders_added (b1b57cf). A booth that
    took one order with main at 2ccaf6f, and the organiser's fair store of that main, then update: the booth's
    every export is refused at import as "[chain] The hash chain breaks at document OB001-000001 (the data was
    altered)" — a false tamper verdict that blocks all its sales, for good (the fair store's own problem, next
    test, is set aside here by adding its column by hand).
    A store at the previous head with rows in it must upgrade (common rules)."""
    db, home = _old_stores(tmp_path)
    import sqlite3

    con = sqlite3.connect(db)   # the fair store's part set aside: its column added as a new migration would
    con.execute("ALTER TABLE import_log ADD COLUMN orders_added INTEGER NOT NULL DEFAULT 0")
    con.commit()
    con.close()
    run(home, "booth", "order", "deliver", "OB001-000001", "--method", "cash")
    out = run(home, "booth", "export", str(tmp_path / "usb")).stdout.strip().splitlines()[-1]
    imp = run(tmp_path, "fair", "--db", str(db), "import", out, ok=False)
    assert imp.returncode == 0 and "1 imported" in imp.stdout, (imp.stdout[-600:], imp.stderr[-400:])


def test_the_fair_store_of_main_when_orders_first_shipped_still_imports(tmp_path: Path) -> None:
    """The organiser's fair store made by main at 2ccaf6f (f0008 without import_log.orders_added, added to f0008
    in place by b1b57cf): after the update ``fair import`` of any file ends in "Something went wrong" (exit 70,
    no such column import_log.orders_added) — the import desk is down."""
    db, home = _old_stores(tmp_path)
    out = run(home, "booth", "export", str(tmp_path / "usb")).stdout.strip().splitlines()[-1]
    imp = run(tmp_path, "fair", "--db", str(db), "import", out, ok=False)
    assert "Something went wrong" not in imp.stderr and imp.returncode in (0, 1), (imp.returncode, imp.stderr[-400:])

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

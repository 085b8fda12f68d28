"""The booth CLI driven as a subprocess, the way the README tells a vendor or organiser to use it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"


def run(home: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OTOP_POS_HOME=str(home), PYTHONWARNINGS="error")
    env.pop("OTOP_POS_PIN", None)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "booth"
    run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
    return h


def test_setup_simulate_and_report_agree(home: Path) -> None:
    sim = run(home, "booth", "simulate", "--days", "2", "--sales-per-day", "40", "--seed", "7", "--start",
              "2020-10-26", "--jsonl", "--pin", "1234")
    reported = [json.loads(x) for x in sim.stdout.splitlines()]   # every document committed, as it is
    lines = [x for x in reported if x["kind"] == "sale"]
    assert len(lines) == 80 and all({"uuid", "number", "total_satang"} <= set(x) for x in lines)
    adjustments = [x for x in reported if x["kind"] != "sale"]
    assert {x["kind"] for x in adjustments} <= {"void", "refund"}
    assert f"{len([x for x in adjustments if x['kind'] == 'void'])} voids" in sim.stderr
    products = json.loads(run(home, "booth", "products", "--json").stdout)
    assert len(products) == 7 and all(isinstance(p["price_satang"], int) for p in products)
    sales = json.loads(run(home, "booth", "sales", "--json").stdout)
    assert [s["uuid"] for s in sales] == [x["uuid"] for x in lines]
    report = json.loads(run(home, "booth", "report", "--json").stdout)
    assert report["sales_count"] == 80
    assert report["net_satang"] == sum(s["net_satang"] for s in sales)
    assert sum(report["by_method"].values()) == report["net_satang"]
    assert sum(report["by_day"].values()) == report["net_satang"]
    assert set(report["by_day"]) == {"2020-10-26", "2020-10-27"}


def test_same_seed_same_baskets_different_uuids(tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        h = tmp_path / name
        run(h, "booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-0018", "--pin", "1234")
        sim = run(h, "booth", "simulate", "--days", "1", "--sales-per-day", "15", "--seed", "3", "--start",
                  "2020-10-26", "--jsonl", "--pin", "1234")
        outs.append([x for x in map(json.loads, sim.stdout.splitlines()) if x["kind"] == "sale"])
    assert [x["total_satang"] for x in outs[0]] == [x["total_satang"] for x in outs[1]]
    assert not {x["uuid"] for x in outs[0]} & {x["uuid"] for x in outs[1]}


def test_closed_day_refused_clearly(home: Path) -> None:
    run(home, "booth", "simulate", "--days", "1", "--sales-per-day", "3", "--start", "2020-10-26", "--pin", "1234")
    proc = run(home, "booth", "simulate", "--days", "1", "--sales-per-day", "3", "--start", "2020-10-26",
               "--pin", "1234", ok=False)
    assert proc.returncode == 2
    assert "already closed" in proc.stderr and "ปิดไปแล้ว" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("args, words", [
    (("booth", "setup", "--registry", "/nonexistent", "--vendor", "X"), "registry"),
    (("booth", "setup", "--registry", str(DEMO), "--vendor", "KK20-9999"), "not in the registry"),
    (("booth", "simulate", "--days", "1", "--sales-per-day", "1"), "PIN"),
    (("booth", "simulate", "--days", "0", "--sales-per-day", "1", "--pin", "1234"), "at least 1"),
    (("booth", "day", "close", "--counted", "abc", "--pin", "1234"), "abc"),
    (("booth", "pin", "12"), "4 to 8 digits"),
    (("booth", "restore", "/nonexistent/otop-backup.sqlite"), "does not exist"),
    (("booth", "restore", str(DEMO / "vendors.csv")), "not a booth backup"),
])
def test_bad_input_gives_clear_error_without_traceback(home: Path, args: tuple[str, ...], words: str) -> None:
    proc = run(home, *args, ok=False)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Error:" in proc.stderr and words in proc.stderr


def test_argument_errors_exit_2(home: Path) -> None:
    proc = run(home, "booth", "simulate", "--days", "x", "--sales-per-day", "1", ok=False)
    assert proc.returncode == 2 and "whole number" in proc.stderr
    proc = run(home, "booth", "sales", "--date", "2020-13-40", ok=False)
    assert proc.returncode == 2 and "not valid" in proc.stderr


def test_commands_before_setup_say_so(tmp_path: Path) -> None:
    proc = run(tmp_path / "new", "booth", "report", ok=False)
    assert proc.returncode == 2 and "not set up" in proc.stderr


def test_day_open_status_close_and_backup(home: Path, tmp_path: Path) -> None:
    run(home, "booth", "day", "open", "--float", "฿1,000")
    status = json.loads(run(home, "booth", "day", "status").stdout)
    assert status["expected_cash_satang"] == 100000
    closed = run(home, "booth", "day", "close", "--counted", "๑๐๐๐", "--pin", "1234")
    assert "difference 0.00" in closed.stdout
    out = run(home, "booth", "backup", "--to", str(tmp_path / "stick")).stdout.strip()
    assert Path(out).is_file() and Path(out).parent == tmp_path / "stick"

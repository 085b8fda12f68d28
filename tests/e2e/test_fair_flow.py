"""The whole fair through the CLI as subprocesses: the organiser creates the fair from the demo registry and
writes booth packages; three tills (two vendors, one with a second till) are set up from them, simulate days
and export; the organiser imports twice, out of order and a folder with duplicates, and its totals equal the
sum of the booths' own reports to the satang. Tampered files are refused and change nothing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
PIN = "1234"


def run(*args: str, home: Path | None = None, db: Path | None = None, rc: int = 0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="error")
    env.pop("OTOP_POS_PIN", None)
    env.pop("OTOP_POS_DB", None)
    if home is not None:
        env["OTOP_POS_HOME"] = str(home)
    if db is not None:
        env["OTOP_POS_DB"] = str(db)
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == rc, (args, proc.returncode, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


def jrun(*args: str, **kw: Any) -> Any:
    return json.loads(run(*args, **kw).stdout)


def test_fair_flow_totals_equal_booth_reports(tmp_path: Path) -> None:
    db = tmp_path / "organiser" / "fair.sqlite"
    out = run("fair", "create", "--db", str(db), "--name", "OTOP CITY IN KHONKAEN ครั้งที่ 20",
              "--venue", "สวนรัชดานุสรณ์", "--province", "ขอนแก่น", "--start", "2020-10-26", "--end", "2020-11-01")
    assert "created" in out.stdout
    run("fair", "--db", str(db), "registry", str(DEMO / "vendors.csv"), str(DEMO / "catalogue.csv"))
    run("fair", "packages", str(tmp_path / "packages"), db=db)
    packages = sorted((tmp_path / "packages").glob("*.otopbooth"))
    assert len(packages) == 124
    pkg_a = next(p for p in packages if "KK20-0001" in p.name)
    pkg_b = next(p for p in packages if "KK20-0002" in p.name)
    tills = {"a": (pkg_a, 1), "b1": (pkg_b, 1), "b2": (pkg_b, 2)}
    homes = {name: tmp_path / f"booth-{name}" for name in tills}
    usb = tmp_path / "usb"

    def till_life(k: int, name: str) -> tuple[list[Path], Any]:
        """One till in its own processes: set up, two days sold and exported, its own report (the tills run
        side by side)."""
        pkg, till = tills[name]
        home = homes[name]
        run("booth", "setup", "--package", str(pkg), "--till", str(till), "--pin", PIN, home=home)
        paths = []
        for day, start in enumerate(("2020-10-26", "2020-10-27")):
            run("booth", "simulate", "--days", "1", "--sales-per-day", str(12 + 4 * k), "--seed", str(10 * day + k),
                "--start", start, "--pin", PIN, home=home)
            path = Path(run("booth", "export", str(usb / f"day{day + 1}"), home=home).stdout.strip().splitlines()[-1])
            assert path.is_file()
            paths.append(path)
        return paths, jrun("booth", "report", "--json", home=home)

    with ThreadPoolExecutor(len(tills)) as pool:
        futures = {name: pool.submit(till_life, k, name) for k, name in enumerate(tills)}
        done = {name: f.result() for name, f in futures.items()}
    exports = {name: paths for name, (paths, _r) in done.items()}
    reports = {name: r for name, (_p, r) in done.items()}

    # day 2 first, then day 1 (older: nothing new), then the whole stick with a copied folder (duplicates)
    rep = jrun("fair", "import", "--json", *[str(e[1]) for e in exports.values()], db=db)
    assert (rep["imported"], rep["refused"]) == (3, 0)
    rep = jrun("fair", "import", "--json", *[str(e[0]) for e in exports.values()], db=db)
    assert (rep["unchanged"], rep["sales_added"]) == (3, 0)
    shutil.copytree(usb / "day1", usb / "copy-of-day1")
    rep = jrun("fair", "import", "--json", str(usb), db=db)
    assert (rep["imported"], rep["refused"], rep["sales_added"]) == (0, 0, 0) and len(rep["files"]) == 9

    summary = jrun("fair", "summary", "--json", db=db)
    assert summary["net_satang"] == sum(r["net_satang"] for r in reports.values())
    assert summary["sales_count"] == sum(r["sales_count"] for r in reports.values())
    assert summary["per_vendor"] == {
        "KK20-0001": reports["a"]["net_satang"],
        "KK20-0002": reports["b1"]["net_satang"] + reports["b2"]["net_satang"],
    }
    assert sum(summary["per_method"].values()) == summary["net_satang"]

    # a tampered and a truncated copy are refused (exit 1) and change nothing
    bad = tmp_path / "bad"
    bad.mkdir()
    data = bytearray(exports["a"][1].read_bytes())
    data[len(data) // 2] ^= 0x55
    (bad / "tampered.otopx").write_bytes(bytes(data))
    (bad / "truncated.otopx").write_bytes(exports["b2"][1].read_bytes()[:4000])
    proc = run("fair", "import", str(bad), db=db, rc=1)
    assert proc.stdout.count("REFUSED") == 2
    assert jrun("fair", "summary", "--json", db=db) == summary

    status = jrun("fair", "status", "--json", db=db)
    assert sorted(v["code"] for v in status["vendors"]) == ["KK20-0001", "KK20-0002"]
    assert [v["tills"] for v in sorted(status["vendors"], key=lambda v: v["code"])] == [1, 2]
    assert len(status["missing"]) == 7
    assert "KK20-0001" not in status["missing"]["2020-10-26"]
    assert "KK20-0003" in status["missing"]["2020-10-26"]
    assert any(e["result"] == "refused" for e in status["log"])
    text = run("fair", "status", db=db).stdout
    assert "KK20-0002" in text and "refused" in text

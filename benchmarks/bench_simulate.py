"""``otop-pos booth simulate`` as a whole process against a raw sqlite3 durable loop writing the same rows.

    .venv/bin/python benchmarks/bench_simulate.py [--sales 2000] [--runs 3] [--seed 1] [--dir /local/disk] [--profile]

Each run sets up two fresh data folders the way the other benchmarks do (``open_booth_store`` +
``setup_booth`` for the demo registry's vendor with the most products, manager PIN 1234), then

* times ``otop-pos booth simulate --days 1 --sales-per-day N`` in its own process (interpreter start-up,
  imports, opening the store, checking the PIN, opening and closing the day, every sale, void and refund);
* reads back the sales the simulation wrote (sale, lines, payments, receipt print job) and writes the very
  same rows with the plain ``sqlite3`` module into the second store, one ``BEGIN IMMEDIATE`` … ``COMMIT``
  per sale with the document-number bump, in the app's durability (WAL, ``synchronous=FULL``).

The runs alternate which of the two goes first. Target: simulate ÷ raw ≤ 10 (11.6 before issue 12, when every
void, refund and close checked the PIN with scrypt). ``--profile`` prints a cProfile of the same simulation
run in-process (start-up excluded).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from otop_pos.booth.days import open_day  # noqa: E402
from otop_pos.booth.demo import demo_registry  # noqa: E402
from otop_pos.booth.setup import from_registry, setup_booth  # noqa: E402
from otop_pos.booth.store import open_booth_store  # noqa: E402
from otop_pos.core.clock import FixedClock  # noqa: E402
from otop_pos.exchange.registry_csv import load_registry  # noqa: E402
from otop_pos.store.engine import filesystem_type  # noqa: E402

TARGET_RATIO = 10.0
PIN = "1234"
START = date(2020, 10, 26)
STORE_FILE = "booth.sqlite"


def _set_up(home: Path, *, open_the_day: bool = False) -> None:
    registry = load_registry(*demo_registry())
    counts: dict[str, int] = {}
    for p in registry.products:
        counts[p.vendor_code] = counts.get(p.vendor_code, 0) + 1
    vendor = max(counts, key=lambda c: (counts[c], c))
    clock = FixedClock(datetime(2020, 10, 26, 2, 0, tzinfo=timezone.utc))
    store = open_booth_store(home)
    try:
        setup_booth(store, clock, from_registry(registry, vendor, fair_name="bench"), pin=PIN)
        if open_the_day:
            open_day(store, clock, 100000, by="bench")
    finally:
        store.dispose()


def _cli(home: Path, *args: str) -> float:
    exe = Path(sys.executable).with_name("otop-pos")
    argv = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "otop_pos", *args]
    # this checkout's code, whichever checkout the virtualenv's otop-pos was installed from
    env = dict(os.environ, OTOP_POS_HOME=str(home),
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        subprocess.run(argv, stdout=devnull, env=env, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def _simulate_args(n: int, seed: int) -> list[str]:
    return ["booth", "simulate", "--days", "1", "--sales-per-day", str(n), "--seed", str(seed),
            "--start", START.isoformat(), "--pin", PIN]


def _columns(con: sqlite3.Connection, table: str, skip: tuple[str, ...]) -> list[str]:
    return [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] not in skip]


def read_sales(db: Path) -> tuple[dict[str, list[str]], list[tuple[Any, ...]]]:
    """Every sale the simulation wrote, with its lines, payments and print job, as rows to write again."""
    con = sqlite3.connect(db)
    try:
        cols = {"sale": _columns(con, "sale", ("id", "till_day_id")),
                "sale_line": _columns(con, "sale_line", ("id", "sale_id")),
                "payment": _columns(con, "payment", ("id", "sale_id")),
                "print_job": _columns(con, "print_job", ("id",))}
        lines: dict[int, list[tuple[Any, ...]]] = {}
        for row in con.execute(f"SELECT sale_id, {', '.join(cols['sale_line'])} FROM sale_line ORDER BY id"):
            lines.setdefault(row[0], []).append(row[1:])
        pays: dict[int, list[tuple[Any, ...]]] = {}
        for row in con.execute(f"SELECT sale_id, {', '.join(cols['payment'])} FROM payment ORDER BY id"):
            pays.setdefault(row[0], []).append(row[1:])
        jobs = {row[0]: row for row in con.execute(
            f"SELECT ref_uuid, {', '.join(cols['print_job'])} FROM print_job WHERE kind = 'sale'")}
        sales = []
        for sale_id, *row in con.execute(f"SELECT id, {', '.join(cols['sale'])} FROM sale ORDER BY seq"):
            uuid = row[cols["sale"].index("uuid")]
            job = jobs.get(uuid)
            sales.append((tuple(row), lines.get(sale_id, []), pays.get(sale_id, []), job[1:] if job else None))
        return cols, sales
    finally:
        con.close()


def raw_loop(db: Path, cols: dict[str, list[str]], sales: list[tuple[Any, ...]]) -> float:
    """Write ``sales`` with plain sqlite3, one durable transaction per sale; returns the seconds taken."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        for pragma in ("busy_timeout = 10000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
            con.execute(f"PRAGMA {pragma}")
        day_id = con.execute("SELECT id FROM till_day WHERE closed_at IS NULL").fetchone()[0]
        ins = {t: f"INSERT INTO {t} ({', '.join(c)}{', till_day_id' if t == 'sale' else ''}"
                  f"{', sale_id' if t in ('sale_line', 'payment') else ''}) VALUES "
                  f"({', '.join('?' * (len(c) + (t != 'print_job')))})" for t, c in cols.items()}
        seq_at, hash_at = cols["sale"].index("seq"), cols["sale"].index("hash")
        t0 = time.perf_counter()
        for sale, lines, pays, job in sales:
            con.execute("BEGIN IMMEDIATE")
            con.execute("UPDATE number_series SET last = ?, last_hash = ? WHERE name = 'doc'",
                        (sale[seq_at], sale[hash_at]))
            sale_id = con.execute(ins["sale"], (*sale, day_id)).lastrowid
            con.executemany(ins["sale_line"], [(*ln, sale_id) for ln in lines])
            con.executemany(ins["payment"], [(*p, sale_id) for p in pays])
            if job is not None:
                con.execute(ins["print_job"], job)
            con.execute("COMMIT")
        return time.perf_counter() - t0
    finally:
        con.close()


def _profile(base: Path, n: int, seed: int) -> str:
    from otop_pos.booth.simulate import simulate

    home = base / "profile"
    _set_up(home)
    store = open_booth_store(home)
    prof = cProfile.Profile()
    try:
        prof.enable()
        simulate(store, days=1, sales_per_day=n, pin=PIN, seed=seed, start=START)
        prof.disable()
    finally:
        store.dispose()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(30)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=2000, help="simulated sales (one fair day; default 2000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dir", type=Path, default=None, help="a folder on the local disk (default: temp)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the simulation in-process")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="otop-bench-sim-", dir=args.dir) as tmp:
        base = Path(tmp)
        print(f"folder {base} ({filesystem_type(base) or '?'}), SQLite {sqlite3.sqlite_version}, "
              f"Python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        t_sim: list[float] = []
        t_raw: list[float] = []
        t_start: list[float] = []
        for run in range(args.runs):
            sim_home, raw_home = base / f"sim{run}", base / f"raw{run}"
            _set_up(sim_home)
            _set_up(raw_home, open_the_day=True)
            t_start.append(_cli(sim_home, "booth", "products", "--json"))  # the fixed cost of any command
            if run % 2:  # alternate which goes first; the raw loop needs the simulated rows, so replay
                prev = base / f"sim{run - 1}" / STORE_FILE  # the previous run's (same seed: same rows)
                t_raw.append(raw_loop(raw_home / STORE_FILE, *read_sales(prev)))
                t_sim.append(_cli(sim_home, *_simulate_args(args.sales, args.seed)))
            else:
                t_sim.append(_cli(sim_home, *_simulate_args(args.sales, args.seed)))
                t_raw.append(raw_loop(raw_home / STORE_FILE, *read_sales(sim_home / STORE_FILE)))
            n = read_sales(sim_home / STORE_FILE)[1]
            con = sqlite3.connect(raw_home / STORE_FILE)
            try:
                assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert con.execute("PRAGMA foreign_key_check").fetchall() == []
                n_raw = con.execute("SELECT count(*) FROM sale").fetchone()[0]
            finally:
                con.close()
            assert n_raw == len(n), (n_raw, len(n))
            print(f"  run {run + 1}: simulate {t_sim[-1]:6.2f} s   raw {t_raw[-1]:6.3f} s   "
                  f"ratio {t_sim[-1] / t_raw[-1]:5.2f}   ({len(n)} sales; start-up {t_start[-1]:.2f} s)")
        med_sim, med_raw = statistics.median(t_sim), statistics.median(t_raw)
        ratio = med_sim / med_raw
        print(f"\n{args.sales} simulated sales, {args.runs} runs (medians)")
        print(f"  otop-pos booth simulate (whole process) : {med_sim:6.2f} s  ({med_sim / args.sales * 1000:.2f} ms/sale)")
        print(f"  raw sqlite3, same rows, durable         : {med_raw:6.3f} s  ({med_raw / args.sales * 1000:.2f} ms/sale)")
        print(f"  start-up of a command (booth products)   : {statistics.median(t_start):6.2f} s")
        print(f"  ratio simulate / raw: {ratio:.2f}  (target ≤ {TARGET_RATIO:g}: "
              f"{'met' if ratio <= TARGET_RATIO else 'MISSED'})")
        print(f"  load average now {os.getloadavg()[0]:.2f}")
        if args.profile or ratio > TARGET_RATIO:
            print(f"\ncProfile of the same simulation in-process ({args.sales} sales):")
            print(_profile(base, args.sales, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Import benchmark: a whole fair of booth exports into a SQLite fair store, against the raw sqlite3 bulk insert
of the same rows; then the re-import of everything unchanged.

    python benchmarks/bench_import.py                     # --preset small: 300 booths × 9 days × 130 sales
    python benchmarks/bench_import.py --preset national   # 3,000 booths (≈3.5 M sales; generation takes a while)

Exports are generated once per preset (``gen_exports.py``, cached in the work folder). Targets: import ≤ 2 × the
raw insert; re-import ≤ 10 % of the first import. Peak memory (max RSS) of this process and of the workers.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_exports import generate, setup_store  # noqa: E402

from otop_pos.core.clock import SystemClock  # noqa: E402
from otop_pos.fair.importer import import_paths  # noqa: E402
from otop_pos.fair.status import fair_summary  # noqa: E402
from otop_pos.fair.store import open_fair_store  # noqa: E402

PRESETS = {"tiny": 30, "small": 300, "national": 3000}
PARENTS = ("fair", "vendor", "booth_key", "till", "import_log")
CHILDREN = ("till_day", "sale", "sale_line", "payment", "void", "refund", "refund_line")


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "cache_size = -65536",
                   "temp_store = MEMORY"):
        con.execute(f"PRAGMA {pragma}")
    return con


def raw_baseline(imported: Path, fresh: Path) -> float:
    """Seconds to insert the imported rows with plain sqlite3 executemany into an empty store of the same
    schema (migrated by the app), one transaction per till as the import does; reading them is not timed."""
    open_fair_store(fresh).dispose()  # same schema and indexes
    src, dst = sqlite3.connect(imported), _connect(fresh)
    cols = {t: [r[1] for r in src.execute(f"PRAGMA table_info({t})")] for t in PARENTS + CHILDREN}

    def copy(table: str, where: str = "", args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        order = "id" if "id" in cols[table] else ", ".join(cols[table][:2])
        return src.execute(f"SELECT {', '.join(cols[table])} FROM {table} {where} ORDER BY {order}", args).fetchall()

    def sql(table: str) -> str:
        return f"INSERT INTO {table} ({', '.join(cols[table])}) VALUES ({', '.join('?' * len(cols[table]))})"

    dst.execute("BEGIN IMMEDIATE")
    for t in PARENTS:
        dst.executemany(sql(t), copy(t))
    dst.execute("COMMIT")
    elapsed = 0.0
    for (till_id,) in src.execute("SELECT id FROM till ORDER BY id").fetchall():
        rows = {t: copy(t, "WHERE till_id = ?", (till_id,)) for t in ("till_day", "sale", "void", "refund")}
        ids = [r[0] for r in rows["sale"]]
        rids = [r[0] for r in rows["refund"]]
        # by primary-key ranges (the detail tables have no till index): ids of one file are contiguous
        rows["sale_line"] = copy("sale_line", "WHERE sale_id BETWEEN ? AND ?", (min(ids, default=0), max(ids, default=-1)))
        rows["payment"] = copy("payment", "WHERE sale_id BETWEEN ? AND ?", (min(ids, default=0), max(ids, default=-1)))
        rows["refund_line"] = copy("refund_line", "WHERE refund_id BETWEEN ? AND ?",
                                   (min(rids, default=0), max(rids, default=-1)))
        t0 = time.perf_counter()
        dst.execute("BEGIN IMMEDIATE")
        for t in CHILDREN:
            dst.executemany(sql(t), rows[t])
        dst.execute("COMMIT")
        elapsed += time.perf_counter() - t0
    src.close()
    dst.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=PRESETS, default="small")
    ap.add_argument("--booths", type=int, default=None, help="override the preset's booth count")
    ap.add_argument("--days", type=int, default=9)
    ap.add_argument("--per-day", type=int, default=130)
    ap.add_argument("--jobs", type=int, default=None, help="worker processes verifying exports (default: CPUs − 1)")
    ap.add_argument("--work", type=Path, default=None, help="work folder (default: a temp folder per preset)")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    ap.add_argument("--raw-only", action="store_true", help="only the raw baseline, from the last run's store")
    a = ap.parse_args()
    booths = a.booths or PRESETS[a.preset]
    if a.jobs is None:
        a.jobs = max(1, (os.cpu_count() or 2) - 1)
    work = a.work or Path(tempfile.gettempdir()) / f"otop-bench-{booths}x{a.days}x{a.per_day}"
    exports = work / "exports"
    t0 = time.perf_counter()
    meta = generate(exports, booths=booths, days=a.days, per_day=a.per_day, jobs=max(1, os.cpu_count() or 1))
    gen_s = time.perf_counter() - t0
    n_sales = int(meta["sales"])  # type: ignore[call-overload]
    size_mb = sum(p.stat().st_size for p in exports.glob("*.otopx")) / 1e6
    print(f"fair: {booths} booths × {a.days} days × {a.per_day} sales/day = {n_sales:,} sales in "
          f"{len(meta['paths']):,} exports ({size_mb:,.0f} MB); generated/cached in {gen_s:.1f} s")  # type: ignore[arg-type]

    db = work / "fair.sqlite"
    if a.raw_only:
        for f in work.glob("fair-raw.sqlite*"):
            f.unlink()
        print(f"raw sqlite3 executemany of the same rows: {raw_baseline(db, work / 'fair-raw.sqlite'):.1f} s")
        return
    for f in work.glob("fair*.sqlite*"):
        f.unlink()
    store = open_fair_store(db)
    setup_store(store, meta)
    t0 = time.perf_counter()
    rep = import_paths(store, SystemClock(), [exports], jobs=a.jobs)
    first = time.perf_counter() - t0
    assert rep.count("refused") == 0, rep.refused[:3]
    summary = fair_summary(store)
    assert summary.net_satang == meta["net_satang"] and summary.sales_count == n_sales, "totals differ!"
    print(f"import:    {first:8.1f} s  {n_sales / first:9,.0f} sales/s  (verifying {rep.seconds_verify:.1f} s "
          f"[waiting for {a.jobs} worker(s)], writing {rep.seconds_write:.1f} s); totals match to the satang")
    print(f"peak RSS:  {_rss_mb(resource.RUSAGE_SELF):8.0f} MB importer, "
          f"{_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB largest worker; store {db.stat().st_size / 1e6:,.0f} MB")

    t0 = time.perf_counter()
    again = import_paths(store, SystemClock(), [exports], jobs=a.jobs)
    second = time.perf_counter() - t0
    assert again.count("unchanged") == len(again.files) and fair_summary(store).net_satang == summary.net_satang
    store.dispose()
    print(f"re-import: {second:8.1f} s  = {second / first:.1%} of the first import (target ≤ 10 %)")

    raw = raw_baseline(db, work / "fair-raw.sqlite")
    print(f"raw sqlite3 executemany of the same rows: {raw:.1f} s")
    print(f"ratio import / raw insert: {first / raw:.2f} (target ≤ 2); "
          f"write part alone / raw: {rep.seconds_write / raw:.2f}")
    if a.json:
        print(json.dumps({"booths": booths, "sales": n_sales, "import_s": round(first, 2),
                          "verify_s": round(rep.seconds_verify, 2), "write_s": round(rep.seconds_write, 2),
                          "reimport_s": round(second, 3), "raw_s": round(raw, 2), "ratio": round(first / raw, 3),
                          "write_ratio": round(rep.seconds_write / raw, 3),
                          "rss_mb": round(_rss_mb(resource.RUSAGE_SELF)),
                          "worker_rss_mb": round(_rss_mb(resource.RUSAGE_CHILDREN))}))
    for f in work.glob("fair-raw.sqlite*"):
        f.unlink()
    shutil.rmtree(work / "tmp", ignore_errors=True)


if __name__ == "__main__":
    main()

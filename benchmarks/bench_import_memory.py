"""Import memory benchmark: the peak memory (max RSS) of importing one large booth export, and of several with
worker processes, each import run in a fresh subprocess.

    python benchmarks/bench_import_memory.py                 # one ≈169 MB export (jobs 0), then 4 × ≈42 MB (jobs 2)
    python benchmarks/bench_import_memory.py --mb 40 --multi-files 0     # a quick look

The exports are generated once (``gen_exports.py``: one booth, 40 days, the sales per day scaled to the size
asked for; ≈567 bytes of export per sale) and cached in the work folder. For each case the subprocess opens a
fresh SQLite fair store, imports, checks the totals against the generator's, and prints its own peak RSS
(``RUSAGE_SELF``), the largest peak of its worker processes (``RUSAGE_CHILDREN``) and the wall time of the import.
Target (issue 13): ≤ 300 MB for a 169 MB export, worker processes included.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

BYTES_PER_SALE = 567  # measured: 1,170 sales → 663,584 bytes
DAYS = 40  # a till day's counted cash stays under core.limits' ฿10 M at ~7,500 sales a day


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def child(exports: Path, db: Path, jobs: int) -> None:
    """Import every export of ``exports`` into a fresh store at ``db``; print one JSON line of figures."""
    from gen_exports import setup_store

    from otop_pos.core.clock import SystemClock
    from otop_pos.fair.importer import import_paths
    from otop_pos.fair.status import fair_summary
    from otop_pos.fair.store import open_fair_store

    meta = json.loads((exports / "fair.json").read_text())
    for f in db.parent.glob(db.name + "*"):
        f.unlink()
    store = open_fair_store(db)
    setup_store(store, meta)
    rss_before = _rss_mb(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    rep = import_paths(store, SystemClock(), [exports], jobs=jobs)
    wall = time.perf_counter() - t0
    assert rep.count("refused") == 0, [(f.name, f.reason, f.en) for f in rep.refused[:3]]
    summary = fair_summary(store)
    assert summary.net_satang == meta["net_satang"] and summary.sales_count == meta["sales"], "totals differ!"
    store.dispose()
    print(json.dumps({"files": len(rep.files), "sales": meta["sales"], "import_s": round(wall, 2),
                      "verify_s": round(rep.seconds_verify, 2), "write_s": round(rep.seconds_write, 2),
                      "rss_start_mb": round(rss_before), "rss_mb": round(_rss_mb(resource.RUSAGE_SELF)),
                      "worker_rss_mb": round(_rss_mb(resource.RUSAGE_CHILDREN))}))


def _exports(work: Path, mb: float, files: int) -> tuple[Path, float]:
    from gen_exports import generate

    per_day = max(1, round(mb * 1e6 / BYTES_PER_SALE / DAYS))
    out = work / f"exports-{files}x{per_day}"
    t0 = time.perf_counter()
    generate(out, booths=files, days=DAYS, per_day=per_day, jobs=min(files, max(1, os.cpu_count() or 1)))
    size = sum(p.stat().st_size for p in out.glob("*.otopx")) / 1e6
    print(f"{files} export(s), {files * per_day * DAYS:,} sales, {size:,.1f} MB in all "
          f"({size / files:,.1f} MB each); generated or reused in {time.perf_counter() - t0:.1f} s", flush=True)
    return out, size


def _run(exports: Path, db: Path, jobs: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(exports), "--db", str(db), "--jobs", str(jobs)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=169.0, help="size of the large export (MB)")
    ap.add_argument("--multi-files", type=int, default=4, help="files of the jobs=2 case (0: skip it)")
    ap.add_argument("--multi-mb", type=float, default=None, help="size of each of those files (default: MB / files)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "otop-bench-memory")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--jobs", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        child(a.child, a.db, a.jobs)
        return
    a.work.mkdir(parents=True, exist_ok=True)
    cases = [(1, a.mb, 0)]
    if a.multi_files:
        cases.append((a.multi_files, a.multi_mb or a.mb / a.multi_files, 2))
    for files, mb, jobs in cases:
        exports, size = _exports(a.work, mb, files)
        for _ in range(a.runs):
            f = _run(exports, a.work / "fair.sqlite", jobs)
            print(f"  jobs={jobs}: import {f['import_s']:.1f} s (verify {f['verify_s']:.1f} s, write "
                  f"{f['write_s']:.1f} s); peak RSS importer {f['rss_mb']:.0f} MB (before the import "
                  f"{f['rss_start_mb']:.0f} MB), largest worker {f['worker_rss_mb']:.0f} MB; "
                  f"sum {f['rss_mb'] + jobs * f['worker_rss_mb']:.0f} MB at most "
                  f"[{size:,.1f} MB of exports]", flush=True)


if __name__ == "__main__":
    main()

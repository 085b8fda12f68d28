"""Durable checkout latency: the real ``checkout`` use case against the same rows written with raw sqlite3.

    .venv/bin/python benchmarks/bench_checkout.py [--sales 600] [--dir /some/local/disk] [--profile]

Both stores live in a temporary folder on the local disk (not tmpfs: fsync must cost what it costs), both
have the same schema (each is created and migrated by ``open_booth_store``) and the same durability: WAL,
synchronous=FULL, BEGIN IMMEDIATE, one commit per sale. A sale is 3 lines, 1 cash payment and a print
job, plus the document number bump and the hash-chain head. The two are run in alternating blocks so
disk-latency drift hits both alike. Targets: median ≤ 2 ms, use case ÷ raw ≤ 3.
``--profile`` (or a missed target) prints a cProfile of the use case: the hot spots.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from otop_pos.booth.cart import Cart  # noqa: E402
from otop_pos.booth.catalogue import list_products  # noqa: E402
from otop_pos.booth.checkout import checkout  # noqa: E402
from otop_pos.booth.days import open_day  # noqa: E402
from otop_pos.booth.payments import PaymentIn  # noqa: E402
from otop_pos.booth.cart import ProductInfo  # noqa: E402
from otop_pos.booth.setup import BoothSetup, setup_booth  # noqa: E402
from otop_pos.booth.store import open_booth_store  # noqa: E402
from otop_pos.core.chain import GENESIS, chain_hash  # noqa: E402
from otop_pos.core.clock import FixedClock  # noqa: E402
from otop_pos.core.ids import ean13_check_digit, new_uuid  # noqa: E402
from otop_pos.store.engine import SqliteStore, filesystem_type  # noqa: E402

TARGET_MEDIAN_MS = 2.0
TARGET_RATIO = 3.0


def _ean(n: int) -> str:
    body = f"885{n:09d}"
    return body + str(ean13_check_digit(body))


SETUP = BoothSetup(
    booth_code="B001", vendor_code="KK20-9999", vendor_name="กลุ่มทดสอบความเร็ว", product_type="อาหาร",
    products=tuple(ProductInfo(f"SKU-{i:02d}", f"สินค้าทดสอบ {i}", "อาหาร", 2500 + 500 * i, _ean(i))
                   for i in range(1, 9)),
)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def _new_store(folder: Path, clock: FixedClock) -> SqliteStore:
    store = open_booth_store(folder)
    setup_booth(store, clock, SETUP, pin="1234")
    open_day(store, clock, 100_000)
    return store


class UseCase:
    """The product path: ``checkout`` through SqliteStore/SQLAlchemy."""

    def __init__(self, store: SqliteStore, clock: FixedClock) -> None:
        self.store, self.clock = store, clock
        products = list_products(store)
        self.cart = Cart().add(products[0], 2).add(products[1]).add(products[2], 3)
        tendered = ((self.cart.total_satang + 99_999) // 100_000) * 100_000
        self.pays = [PaymentIn("cash", tendered_satang=tendered)]

    def sale(self) -> None:
        checkout(self.store, self.clock, self.cart, self.pays, cashier="bench")


class Raw:
    """The same rows with the plain sqlite3 module: same pragmas, BEGIN IMMEDIATE, one commit per sale."""

    def __init__(self, path: Path, clock: FixedClock) -> None:
        self.clock = clock
        self.con = sqlite3.connect(path, isolation_level=None)
        for pragma in ("busy_timeout = 10000", "journal_mode = WAL", "synchronous = FULL",
                       "foreign_keys = ON"):
            self.con.execute(f"PRAGMA {pragma}")
        assert self.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        self.con.execute("INSERT OR IGNORE INTO number_series (name, last, last_hash) VALUES ('doc', 0, ?)",
                         (GENESIS,))
        self.day_id = self.con.execute("SELECT id FROM till_day WHERE closed_at IS NULL").fetchone()[0]
        self.booth = self.con.execute("SELECT booth_code FROM identity").fetchone()[0]
        self.lines = [(pid, sku, name, ptype, price, qty) for (pid, sku, name, ptype, price), qty in zip(
            self.con.execute("SELECT id, sku, name, product_type, price_satang FROM product "
                             "ORDER BY sort_order LIMIT 3").fetchall(), (2, 1, 3))]
        self.total = sum(price * qty for *_, price, qty in self.lines)
        self.tendered = ((self.total + 99_999) // 100_000) * 100_000

    def sale(self) -> None:
        con, now = self.con, self.clock.now()
        at = now.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        uuid = new_uuid()
        con.execute("BEGIN IMMEDIATE")
        try:
            seq, prev = con.execute("UPDATE number_series SET last = last + 1 WHERE name = 'doc' "
                                    "RETURNING last, last_hash").fetchone()
            number = f"{self.booth}-{seq:06d}"
            doc = {"type": "sale", "uuid": uuid, "seq": seq, "number": number, "at": now.isoformat(),
                   "total": self.total, "discount": 0,
                   "lines": [[sku, qty, price, 0, price * qty] for _, sku, _, _, price, qty in self.lines],
                   "payments": [["cash", self.total, ""]]}
            digest = chain_hash(prev, doc)
            con.execute("UPDATE number_series SET last_hash = ? WHERE name = 'doc'", (digest,))
            sale_id = con.execute(
                "INSERT INTO sale (uuid, seq, number, till_day_id, created_at, cashier, subtotal_satang, "
                "sale_discount_kind, sale_discount_value, sale_discount_satang, total_satang, paid_satang, "
                "change_satang, item_count, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (uuid, seq, number, self.day_id, at, "bench", self.total, "", 0, 0, self.total, self.total,
                 self.tendered - self.total, 6, prev, digest)).lastrowid
            con.executemany(
                "INSERT INTO sale_line (sale_id, line_no, product_id, sku, name, product_type, qty, "
                "list_price_satang, unit_price_satang, discount_kind, discount_value, discount_satang, "
                "total_satang, sale_discount_share_satang, net_satang) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(sale_id, i + 1, pid, sku, name, ptype, qty, price, price, "", 0, 0, price * qty, 0,
                  price * qty) for i, (pid, sku, name, ptype, price, qty) in enumerate(self.lines)])
            con.execute("INSERT INTO payment (sale_id, method, amount_satang, tendered_satang, "
                        "change_satang, reference) VALUES (?,?,?,?,?,?)",
                        (sale_id, "cash", self.total, self.tendered, self.tendered - self.total, ""))
            con.execute("INSERT INTO print_job (created_at, kind, ref_uuid, copy, status, attempts, "
                        "error_code, error_th, error_en) VALUES (?,?,?,?,?,?,?,?,?)",
                        (at, "sale", uuid, 0, "pending", 0, "", "", ""))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.con.close()


def _sync_off(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA synchronous = OFF")


CPU: dict[str, list[float]] = {}


def _timed(fn, n: int, cpu: str = "") -> list[float]:  # type: ignore[no-untyped-def]
    """Wall-clock milliseconds of ``n`` calls; the CPU time of this thread is kept in CPU[cpu]."""
    out = []
    for _ in range(n):
        c0, t0 = time.thread_time_ns(), time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) / 1e6)
        if cpu:
            CPU.setdefault(cpu, []).append((time.thread_time_ns() - c0) / 1e6)
    return out


def _profile(fn, n: int, top: int = 25) -> str:  # type: ignore[no-untyped-def]
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(n):
        fn()
    prof.disable()
    buf = io.StringIO()
    stats = pstats.Stats(prof, stream=buf).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=600, help="timed sales per path (default 600)")
    ap.add_argument("--block", type=int, default=50, help="sales per alternating block")
    ap.add_argument("--dir", type=Path, default=None,
                    help="a folder on the local disk (default: the system temp folder)")
    ap.add_argument("--profile", action="store_true", help="always print the cProfile of the use case")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="otop-bench-", dir=args.dir) as tmp:
        base = Path(tmp)
        print(f"folder {base} ({filesystem_type(base) or '?'}), SQLite {sqlite3.sqlite_version}, "
              f"Python {sys.version.split()[0]}")
        clock = FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc), step=timedelta(milliseconds=1))
        use_store = _new_store(base / "usecase", clock)
        raw_store = _new_store(base / "raw", clock)  # same migrations, same setup → identical schema
        raw_store.dispose()
        use, raw = UseCase(use_store, clock), Raw(raw_store.path, clock)
        try:
            for _ in range(30):  # warm up: caches, WAL file growth, SQLAlchemy compiled-statement cache
                use.sale()
                raw.sale()
            t_use: list[float] = []
            t_raw: list[float] = []
            while len(t_use) < args.sales:
                n = min(args.block, args.sales - len(t_use))
                t_use += _timed(use.sale, n, "use")
                t_raw += _timed(raw.sale, n, "raw")
            med_use, med_raw = statistics.median(t_use), statistics.median(t_raw)
            p95_use, p95_raw = _percentile(t_use, 0.95), _percentile(t_raw, 0.95)
            # the same work without the fsyncs: what the code costs on its own
            raw.con.execute("PRAGMA synchronous = OFF")
            use_store.dispose()
            event.listen(use_store.engine, "connect", _sync_off)  # runs after the store's own pragmas
            cpu_use = statistics.median(_timed(use.sale, 300))
            cpu_raw = statistics.median(_timed(raw.sale, 300))
            event.remove(use_store.engine, "connect", _sync_off)
            use_store.dispose()
            raw.con.execute("PRAGMA synchronous = FULL")

            ratio = med_use / med_raw
            print(f"\ndurable checkout, 3 lines + 1 cash payment + print job, {args.sales} sales each "
                  f"(alternating blocks of {args.block})")
            print(f"  checkout use case : median {med_use:6.3f} ms   p95 {p95_use:6.3f} ms   "
                  f"min {min(t_use):6.3f}   max {max(t_use):7.3f}")
            print(f"  raw sqlite3       : median {med_raw:6.3f} ms   p95 {p95_raw:6.3f} ms   "
                  f"min {min(t_raw):6.3f}   max {max(t_raw):7.3f}")
            print(f"  ratio use case / raw (medians): {ratio:.2f}")
            c_use, c_raw = statistics.median(CPU["use"]), statistics.median(CPU["raw"])
            print(f"  CPU time of the calling thread, medians: use case {c_use:.3f} ms, raw {c_raw:.3f} ms "
                  f"(ratio {c_use / c_raw:.1f})")
            print(f"  load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
            print(f"  without fsync (synchronous=OFF, 300 sales): use case {cpu_use:.3f} ms, "
                  f"raw {cpu_raw:.3f} ms → code overhead {cpu_use - cpu_raw:.3f} ms per sale")
            ok_median, ok_ratio = med_use <= TARGET_MEDIAN_MS, ratio <= TARGET_RATIO
            print(f"  target median ≤ {TARGET_MEDIAN_MS} ms: {'met' if ok_median else 'MISSED'}; "
                  f"target ratio ≤ {TARGET_RATIO}: {'met' if ok_ratio else 'MISSED'}")
            if args.profile or not (ok_median and ok_ratio):
                print("\ncProfile of 300 use-case checkouts (synchronous=FULL):")
                print(_profile(use.sale, 300))
        finally:
            raw.close()
            use_store.dispose()
        con = sqlite3.connect(base / "usecase" / "booth.sqlite")
        try:
            n_use = con.execute("SELECT count(*) FROM sale").fetchone()[0]
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            con.close()
        con = sqlite3.connect(base / "raw" / "booth.sqlite")
        try:
            n_raw = con.execute("SELECT count(*) FROM sale").fetchone()[0]
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            con.close()
        print(f"stores checked: {n_use} use-case sales, {n_raw} raw sales, integrity ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

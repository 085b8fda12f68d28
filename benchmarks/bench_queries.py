"""Read side on a big store: 100,000 sales, then ``booth sales --json`` / ``booth report --json`` and the
in-process ``list_sales`` / ``booth_report``.

    .venv/bin/python benchmarks/bench_queries.py [--sales 100000] [--days 10] [--keep DIR] [--runs 3]

The store is made by ``open_booth_store`` + ``setup_booth`` (real schema and migrations), then the sales
are written with raw SQL in one transaction — going through ``checkout`` would take minutes — but keeping
every rule of the schema: 1–4 lines with their discount shares, payments summing to the total, a print
job per document, 1 % voids and 1 % refunds, contiguous document numbers and the hash chain
(``core.chain`` forms, UTC times), ``number_series`` at the head; till days closed but the last.
The script checks that before timing. Target: each figure < 1 s (the CLI figures include ~0.5 s of
Python start-up, imports and opening the store, shown separately as ``booth products --json``, which
reads just the 7 products).
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from otop_pos.booth.queries import booth_report, count_sales, list_sales  # noqa: E402
from otop_pos.booth.cart import ProductInfo  # noqa: E402
from otop_pos.booth.setup import BoothSetup, setup_booth  # noqa: E402
from otop_pos.booth.store import STORE_FILE, open_booth_store  # noqa: E402
from otop_pos.core.chain import GENESIS, chain_hash, refund_doc, sale_doc, void_doc  # noqa: E402
from otop_pos.core.clock import FixedClock  # noqa: E402
from otop_pos.core.ids import new_uuid  # noqa: E402
from otop_pos.core.thaidate import BANGKOK  # noqa: E402

TARGET_S = 1.0
PRODUCTS = (("KK20-0018-01", "แจ่วบอง", 6000), ("KK20-0018-02", "ข้าวหอมมะลิ 5 กก.", 19000),
            ("KK20-0018-03", "หมูยอ", 11000), ("KK20-0018-04", "น้ำพริกปลาร้า", 3500),
            ("KK20-0018-05", "แหนมหมู", 7400), ("KK20-0018-06", "ข้าวเกรียบฟักทอง", 3700),
            ("KK20-0018-07", "หมูแดดเดียว", 9900))


def _db_time(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


COLUMNS = {
    "sale": "id uuid seq number till_day_id created_at cashier subtotal_satang sale_discount_kind "
            "sale_discount_value sale_discount_satang total_satang paid_satang change_satang item_count "
            "prev_hash hash",
    "sale_line": "id sale_id line_no product_id sku name product_type qty list_price_satang "
                 "unit_price_satang discount_kind discount_value discount_satang total_satang "
                 "sale_discount_share_satang net_satang",
    "payment": "sale_id method amount_satang tendered_satang change_satang reference",
    "void": "uuid seq number sale_id till_day_id created_at reason by amount_satang cash_returned_satang "
            "prev_hash hash",
    "refund": "id uuid seq number sale_id till_day_id created_at reason by method amount_satang reference "
              "prev_hash hash",
    "refund_line": "refund_id sale_line_id qty amount_satang",
    "print_job": "created_at kind ref_uuid copy status attempts error_code error_th error_en finished_at",
}


def _insert(con: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    cols = COLUMNS[table].split()
    con.executemany(f'INSERT INTO {table} ({", ".join(cols)}) VALUES ({", ".join("?" * len(cols))})', rows)


class Fair:
    """Writes a fair's documents the way the use cases would, chained and numbered."""

    def __init__(self, con: sqlite3.Connection, rng: random.Random) -> None:
        self.con, self.rng = con, rng
        self.prods = con.execute("SELECT id, sku, name, product_type, price_satang FROM product").fetchall()
        self.booth = con.execute("SELECT booth_code FROM identity").fetchone()[0]
        self.seq, self.prev = 0, GENESIS
        self.sale_id = self.line_id = self.refund_id = 0
        self.rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS}

    def _next(self) -> tuple[int, str]:
        self.seq += 1
        return self.seq, f"{self.booth}-{self.seq:06d}"

    def _chain(self, doc: dict) -> tuple[str, str]:
        prev, self.prev = self.prev, chain_hash(self.prev, doc)
        return prev, self.prev

    def _job(self, t: datetime, kind: str, uuid: str) -> None:
        self.rows["print_job"].append((_db_time(t), kind, uuid, 0, "printed", 1, "", "", "", _db_time(t)))

    def sale(self, day_id: int, t: datetime) -> tuple[int, str, list[tuple[int, int, int, int]], int]:
        rng = self.rng
        self.sale_id += 1
        seq, number = self._next()
        uuid = new_uuid()
        lines = []
        for pid, sku, name, ptype, price in rng.sample(self.prods, rng.choice((1, 1, 2, 2, 3, 4))):
            qty = rng.choice((1, 1, 1, 2, 3))
            lines.append((pid, sku, name, ptype, qty, price, price * qty))
        subtotal = sum(x[6] for x in lines)
        disc = subtotal * 10 // 100 if rng.random() < 0.05 else 0
        total = subtotal - disc
        # the sale discount spread over the lines by largest remainder, like Cart.discount_shares
        shares = [disc * x[6] // subtotal for x in lines]
        order = sorted(range(len(lines)), key=lambda i: -(disc * lines[i][6] % subtotal))
        for i in order[:disc - sum(shares)]:
            shares[i] += 1
        r = rng.random()
        if r < 0.55:
            tendered = ((total + 9999) // 10000) * 10000
            pays = [("cash", total, tendered, tendered - total, "")]
        elif r < 0.95:
            pays = [("promptpay", total, None, 0, f"{rng.randrange(10000):04d}")]
        else:
            part = (total // 2) // 100 * 100
            pays = [("transfer", part, None, 0, "t"), ("cash", total - part, total - part, 0, "")]
        prev, digest = self._chain(sale_doc(
            uuid=uuid, seq=seq, number=number, at=_iso(t), total=total, discount=disc,
            lines=[(x[1], x[4], x[5], 0, x[6] - sh) for x, sh in zip(lines, shares)],
            payments=[(m, a, ref) for m, a, _, _, ref in pays]))
        self.rows["sale"].append((self.sale_id, uuid, seq, number, day_id, _db_time(t), "bench", subtotal,
                                  "percent" if disc else "", 1000 if disc else 0, disc, total, total,
                                  sum(p[3] for p in pays), sum(x[4] for x in lines), prev, digest))
        kept = []
        for no, (x, sh) in enumerate(zip(lines, shares), start=1):
            self.line_id += 1
            pid, sku, name, ptype, qty, price, line_total = x
            self.rows["sale_line"].append((self.line_id, self.sale_id, no, pid, sku, name, ptype, qty, price,
                                           price, "", 0, 0, line_total, sh, line_total - sh))
            kept.append((self.line_id, no, qty, line_total - sh))
        self.rows["payment"].extend((self.sale_id, *p) for p in pays)
        self._job(t, "sale", uuid)
        return self.sale_id, uuid, kept, sum(p[1] for p in pays if p[0] == "cash")

    def void(self, day_id: int, t: datetime, sale: tuple, total: int) -> None:
        sale_id, sale_uuid, _lines, cash = sale
        seq, number = self._next()
        uuid, reason = new_uuid(), "ลูกค้าเปลี่ยนใจ"
        prev, digest = self._chain(void_doc(uuid=uuid, seq=seq, number=number, at=_iso(t), sale=sale_uuid,
                                            amount=total, reason=reason))
        self.rows["void"].append((uuid, seq, number, sale_id, day_id, _db_time(t), reason, "bench", total,
                                  cash, prev, digest))
        self._job(t, "void", uuid)

    def refund_one(self, day_id: int, t: datetime, sale: tuple) -> None:
        sale_id, sale_uuid, lines, _cash = sale
        line_id, no, qty, net = lines[0]
        amount = net if qty == 1 else (net * 2 + qty) // (2 * qty)  # refund_sale's share of one piece
        if amount <= 0:
            return
        seq, number = self._next()
        self.refund_id += 1
        uuid, reason = new_uuid(), "สินค้าชำรุด"
        prev, digest = self._chain(refund_doc(uuid=uuid, seq=seq, number=number, at=_iso(t), sale=sale_uuid,
                                              amount=amount, method="cash", reason=reason,
                                              lines=[(no, 1, amount)]))
        self.rows["refund"].append((self.refund_id, uuid, seq, number, sale_id, day_id, _db_time(t), reason,
                                    "bench", "cash", amount, "", prev, digest))
        self.rows["refund_line"].append((self.refund_id, line_id, 1, amount))
        self._job(t, "refund", uuid)

    def flush(self) -> None:
        for table in COLUMNS:  # parents before children
            _insert(self.con, table, self.rows[table])
        self.con.execute("INSERT OR REPLACE INTO number_series (name, last, last_hash) VALUES ('doc', ?, ?)",
                         (self.seq, self.prev))


def make_store(folder: Path, n_sales: int, n_days: int, seed: int) -> Path:
    clock = FixedClock(datetime(2020, 10, 26, 2, 0, tzinfo=timezone.utc))
    store = open_booth_store(folder)
    try:
        products = tuple(ProductInfo(sku, name, "อาหาร", price) for sku, name, price in PRODUCTS)
        setup = BoothSetup(booth_code="C018", vendor_code="KK20-0018", vendor_name="กลุ่มทอผ้าบ้านโนนทัน",
                           product_type="อาหาร", products=products)
        setup_booth(store, clock, setup, pin="1234")
    finally:
        store.dispose()
    rng = random.Random(seed)
    con = sqlite3.connect(folder / STORE_FILE, isolation_level=None)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("BEGIN IMMEDIATE")
        fair = Fair(con, rng)
        per_day, made = -(-n_sales // n_days), 0
        for d in range(n_days):
            bday = date(2020, 10, 26) + timedelta(days=d)
            last_day = d == n_days - 1
            closed = None if last_day else _db_time(datetime.combine(bday, dtime(21, 30), BANGKOK))
            opened = _db_time(datetime.combine(bday, dtime(9, 30), BANGKOK))
            day_id = con.execute(
                "INSERT INTO till_day (uuid, business_date, opened_at, opened_by, float_satang, closed_at, "
                "closed_by) VALUES (?,?,?,?,?,?,?)",
                (new_uuid(), bday.isoformat(), opened, "bench", 100000, closed, closed and "bench"),
            ).lastrowid
            t = datetime.combine(bday, dtime(10, 0), BANGKOK)
            step = 11 * 3600 / per_day
            today: list[tuple] = []
            for _ in range(min(per_day, n_sales - made)):
                t += timedelta(seconds=step * rng.uniform(0.5, 1.5))
                sale = fair.sale(day_id, t)
                made += 1
                today.append(sale)
                roll = rng.random()
                if roll < 0.01:  # void the sale just made
                    t += timedelta(seconds=20)
                    total = fair.rows["sale"][-1][11]
                    fair.void(day_id, t, today.pop(), total)
                elif roll < 0.02 and len(today) > 3:  # refund one piece of an earlier sale of the day
                    t += timedelta(seconds=30)
                    fair.refund_one(day_id, t, today.pop(rng.randrange(len(today) - 1)))
        fair.flush()
        con.execute("COMMIT")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("ANALYZE")
    finally:
        con.close()
    return folder / STORE_FILE


def check(db: Path) -> dict[str, int]:
    """The rules the app keeps: integrity, complete sales, contiguous numbers, a linked chain."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        bad = con.execute("""
            SELECT count(*) FROM sale s WHERE
                (SELECT sum(net_satang) FROM sale_line WHERE sale_id = s.id) != s.total_satang
             OR (SELECT sum(amount_satang) FROM payment WHERE sale_id = s.id) != s.total_satang
             OR s.total_satang != s.subtotal_satang - s.sale_discount_satang""").fetchone()[0]
        assert bad == 0, bad
        docs = con.execute("SELECT seq, prev_hash, hash FROM sale "
                           "UNION ALL SELECT seq, prev_hash, hash FROM void "
                           "UNION ALL SELECT seq, prev_hash, hash FROM refund ORDER BY seq").fetchall()
        assert [d[0] for d in docs] == list(range(1, len(docs) + 1))
        prev = GENESIS
        for _s, p, h in docs:
            assert p == prev
            prev = h
        assert con.execute("SELECT last, last_hash FROM number_series").fetchone() == (len(docs), prev)
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("sale", "sale_line", "payment", "void", "refund", "till_day")}
    finally:
        con.close()


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def cli(home: Path, *args: str) -> None:
    exe = Path(sys.executable).with_name("otop-pos")
    argv = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "otop_pos", *args]
    env = dict(os.environ, OTOP_POS_HOME=str(home))
    with open(os.devnull, "wb") as devnull:
        subprocess.run(argv, stdout=devnull, env=env, check=True, cwd=ROOT)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--keep", type=Path, default=None, help="build (or reuse) the store in this folder")
    args = ap.parse_args()
    tmp = None
    if args.keep:
        home = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="otop-bench-")
        home = Path(tmp.name) / "home"
    try:
        db = home / STORE_FILE
        if not db.exists():
            t0 = time.perf_counter()
            make_store(home, args.sales, args.days, args.seed)
            print(f"built {db} in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")
        counts = check(db)
        print("store: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
              + " — integrity, chain, numbers ok")

        figures: list[tuple[str, list[float]]] = []
        figures.append(("otop-pos booth products --json  [start-up + open]",
                        timed(lambda: cli(home, "booth", "products", "--json"), args.runs)))
        figures.append(("otop-pos booth sales --json > /dev/null",
                        timed(lambda: cli(home, "booth", "sales", "--json"), args.runs)))
        figures.append(("otop-pos booth report --json > /dev/null",
                        timed(lambda: cli(home, "booth", "report", "--json"), args.runs)))
        store = open_booth_store(home)
        try:
            rows: list[object] = []
            figures.append(("list_sales(store)  [in-process, all rows]",
                            timed(lambda: rows.append(len(list_sales(store))), args.runs)))
            assert rows[-1] == counts["sale"]
            figures.append(("booth_report(store)  [in-process]",
                            timed(lambda: booth_report(store), args.runs)))
            figures.append(("list_sales(newest_first, limit=100)  [a history page]",
                            timed(lambda: list_sales(store, newest_first=True, limit=100), args.runs)))
            figures.append(("list_sales(business_date=last day)",
                            timed(lambda: list_sales(store, business_date=date(2020, 10, 26) + timedelta(
                                days=args.days - 1)), args.runs)))
            figures.append(("list_sales(search='000123')",
                            timed(lambda: list_sales(store, search="000123"), args.runs)))
            figures.append(("count_sales(store)", timed(lambda: count_sales(store), args.runs)))
            rep = booth_report(store)
            assert rep.sales_count == counts["sale"]
        finally:
            store.dispose()
        print(f"\n{'':52} median      min      max   (s, {args.runs} runs)")
        missed = []
        for name, ts in figures:
            med = statistics.median(ts)
            print(f"  {name:50} {med:7.3f}  {min(ts):7.3f}  {max(ts):7.3f}")
            if med >= TARGET_S and "start-up" not in name:
                missed.append(name)
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        verdict = "met" if not missed else "MISSED by " + "; ".join(missed)
        print(f"\ntarget < {TARGET_S:.0f} s each: {verdict}")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

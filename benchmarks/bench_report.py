"""Benchmark of the organiser report over a national-scale fair: every figure (``compute_figures`` + JSON),
the PDF, the XLSX and the CSV files, on SQLite.

The store is written straight with raw SQL in the fair store's schema (created and migrated by
``open_fair_store``, so every report index is there): 3,000 vendors from 77 provinces × 9 days × ~130 sales
≈ 3.5 M sales, 6.3 M lines, 1 % voids (some on the next day), refunds (some on a later day), a second till
at one booth in ten, till days with counted cash; then the report totals are computed from the documents
(``totals.rebuild``), as the import keeps them. Building it takes a few minutes; ``--keep DIR`` keeps it
for the next run. ``--preset quick`` is 200 vendors × 9 days × 40 sales for a fast check.

    .venv/bin/python benchmarks/bench_report.py --preset quick
    .venv/bin/python benchmarks/bench_report.py --keep /tmp/otop-national      # ≈ 3.5 M sales
Targets: JSON report ≤ 2 s, PDF ≤ 10 s.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import geothai  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from otop_pos.core.clock import SystemClock  # noqa: E402
from otop_pos.core.money import format_baht  # noqa: E402
from otop_pos.fair.figures import compute_figures, vendor_detail  # noqa: E402
from otop_pos.fair.status import fair_status, fair_summary  # noqa: E402
from otop_pos.fair.store import open_fair_store  # noqa: E402
from otop_pos.fair.totals import rebuild as rebuild_totals  # noqa: E402
from otop_pos.reports.csv_out import write_figures_csv  # noqa: E402
from otop_pos.reports.figures_pdf import write_figures_pdf  # noqa: E402
from otop_pos.reports.model import figures_to_json  # noqa: E402
from otop_pos.reports.xlsx_out import write_figures_xlsx  # noqa: E402

PRESETS = {"national": (3000, 9, 130), "quick": (200, 9, 40)}
TYPES = ("อาหาร", "เครื่องดื่ม", "ผ้าและเครื่องแต่งกาย", "ของใช้ ของตกแต่งและของที่ระลึก", "สมุนไพรที่ไม่ใช่อาหาร")
FIRST_DAY = date(2025, 6, 20)
HOST = "12"  # นนทบุรี (IMPACT Muang Thong Thani)
UTC = timezone.utc


def _ts(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


def build(path: Path, booths: int, days: int, per_day: int, seed: int = 1) -> dict[str, int]:
    """Create and fill the fair store at ``path``; returns the counts and the expected net income."""
    open_fair_store(path).dispose()  # schema and indexes at head
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -262144")
    now = _ts(time.time())
    last = FIRST_DAY + timedelta(days=days - 1)
    con.execute("INSERT INTO fair (id, uid, name, venue, province, first_day, last_day, created_at) VALUES "
                "(1, ?, ?, ?, ?, ?, ?, ?)", (str(uuid.uuid4()), "OTOP City ครั้งที่ 18 (ทดสอบ)",
                                             "อิมแพ็ค เมืองทองธานี", "นนทบุรี", FIRST_DAY.isoformat(),
                                             last.isoformat(), now))
    con.execute("INSERT INTO import_log (id, fair_id, at, file_name, path, sha256, size_bytes, result, reason, "
                "message_th, message_en, vendor_code, booth_code, sales_added, voids_added, refunds_added, "
                "days_added, docs_skipped, till_uuid) VALUES (1, 1, ?, 'bench', '', '', 0, 'imported', '', '', '', "
                "'', '', 0, 0, 0, 0, 0, '')", (now,))
    provinces = geothai.provinces()
    vendors: list[tuple[Any, ...]] = []
    products: list[tuple[Any, ...]] = []
    tills: list[tuple[Any, ...]] = []
    till_id = 0
    for i in range(booths):
        prov = geothai.province(HOST) if rng.random() < 0.15 else rng.choice(provinces)
        assert prov is not None
        dist = rng.choice(geothai.districts(prov.code))
        ptype = TYPES[i % 5]
        ptype_name = rng.choice(("กลุ่มแม่บ้าน", "วิสาหกิจชุมชน", "ร้าน", "บริษัท"))
        producer = {"กลุ่มแม่บ้าน": "community", "วิสาหกิจชุมชน": "community", "ร้าน": "single_owner",
                    "บริษัท": "sme"}[ptype_name]
        vendors.append((i + 1, 1, f"N{i + 1:05d}", f"{ptype_name}ผู้ผลิต {i + 1}", "", ptype,
                        rng.choice((None, 3, 4, 4, 5, 5, 2, 1)), dist.name_th, prov.name_th, dist.code, prov.code,
                        "", f"B{i + 1:05d}", producer))
        for k in range(1, 7):
            products.append((i * 6 + k, 1, i + 1, f"N{i + 1:05d}-{k:02d}", f"สินค้า {k} ของบูธ {i + 1}", ptype,
                             rng.randrange(20, 900) * 100 + rng.choice((0, 0, 50, 75)), None, None))
        for n_till in range(1 if rng.random() < 0.9 else 2):
            till_id += 1
            tills.append((till_id, 1, i + 1, f"B{i + 1:05d}", n_till + 1, str(uuid.UUID(int=rng.getrandbits(128))),
                          0, "0" * 64, 1, _ts(datetime.combine(last, datetime.min.time(), UTC).timestamp() + 50000),
                          now))
    con.executemany("INSERT INTO vendor (id, fair_id, code, name, contact, product_type, star, district, province, "
                    "district_code, province_code, phone, booth, producer_type) VALUES "
                    "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", vendors)
    con.executemany("INSERT INTO product (id, fair_id, vendor_id, sku, name, product_type, price_satang, barcode, "
                    "stock) VALUES (?,?,?,?,?,?,?,?,?)", products)
    con.executemany("INSERT INTO till (id, fair_id, vendor_id, booth_code, till_no, till_uuid, head_seq, head_hash, "
                    "export_seq, export_created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", tills)
    con.commit()
    counts = {"sales": 0, "lines": 0, "voids": 0, "refunds": 0, "net": 0}
    sale_id = void_id = refund_id = 0
    by_vendor: dict[int, list[tuple]] = {}
    for t in tills:
        by_vendor.setdefault(t[2], []).append(t)
    for chunk in range(0, booths, 100):
        S: list[tuple] = []
        L: list[tuple] = []
        P: list[tuple] = []
        V: list[tuple] = []
        R: list[tuple] = []
        RL: list[tuple] = []
        D: list[tuple] = []
        for vid in range(chunk + 1, min(booths, chunk + 100) + 1):
            cat = products[(vid - 1) * 6: vid * 6]
            for t in by_vendor[vid]:
                tid, seq = t[0], 0
                share = 1.0 / len(by_vendor[vid])
                for d in range(days):
                    day = FIRST_DAY + timedelta(days=d)
                    bd = day.isoformat()
                    clock = datetime(day.year, day.month, day.day, 3, 0, tzinfo=UTC).timestamp()  # 10:00 ICT
                    n = max(1, int(rng.gauss(per_day * share, per_day * share * 0.25)))
                    gap = 11 * 3600 / n
                    cash = 0
                    day_sales: list[tuple[int, int, list[tuple[int, int, int]]]] = []
                    for _ in range(n):
                        clock += rng.uniform(0.2, 1.8) * gap
                        sale_id += 1
                        seq += 1
                        picks = rng.sample(cat, rng.choice((1, 1, 2, 2, 3)))
                        total = items = 0
                        mine = []
                        for ln, p in enumerate(picks, 1):
                            qty = rng.choice((1, 1, 1, 2, 3))
                            amount = qty * p[6]
                            L.append((sale_id, ln, 1, vid, tid, bd, p[3], p[4], p[5], qty, p[6], p[6], 0, amount, 0,
                                      amount))
                            mine.append((ln, qty, amount))
                            total += amount
                            items += qty
                        method = "cash" if rng.random() < 0.5 else rng.choice(("promptpay", "promptpay", "transfer",
                                                                             "other"))
                        S.append((sale_id, str(uuid.UUID(int=rng.getrandbits(128))), 1, vid, tid, bd, seq,
                                  f"{t[3]}-{t[4]}-{seq:06d}", _ts(clock), "sim", total, 0, total, total, 0, items,
                                  _hex(rng), 1))
                        P.append((sale_id, 1, 1, vid, tid, bd, method, total, total if method == "cash" else None, 0,
                                  ""))
                        counts["sales"] += 1
                        counts["lines"] += len(picks)
                        counts["net"] += total
                        cash += total if method == "cash" else 0
                        day_sales.append((sale_id, total, mine))
                        if rng.random() < 0.01:
                            void_id += 1
                            seq += 1
                            vday = day + timedelta(days=1) if rng.random() < 0.1 and d + 1 < days else day
                            V.append((void_id, str(uuid.UUID(int=rng.getrandbits(128))), 1, vid, tid, sale_id,
                                      vday.isoformat(), seq, f"V{seq}", _ts(clock + 60), "เปลี่ยนใจ", "sim", total,
                                      0, _hex(rng), 1))
                            counts["voids"] += 1
                            counts["net"] -= total
                            day_sales.pop()
                    if day_sales and rng.random() < 0.6:
                        sid, _total, mine = rng.choice(day_sales)
                        refund_id += 1
                        seq += 1
                        rday = day + timedelta(days=1) if rng.random() < 0.2 and d + 1 < days else day
                        ln, qty, amount = mine[0]
                        R.append((refund_id, str(uuid.UUID(int=rng.getrandbits(128))), 1, vid, tid, sid,
                                  rday.isoformat(), seq, f"R{seq}", _ts(clock + 120), "ชำรุด", "sim", "cash", amount,
                                  "", _hex(rng), 1))
                        RL.append((refund_id, ln, sid, 1, vid, tid, rday.isoformat(), qty, amount))
                        counts["refunds"] += 1
                        counts["net"] -= amount
                    diff = rng.choice((0,) * 12 + (-2000, -500, 1000))
                    D.append((str(uuid.UUID(int=rng.getrandbits(128))), 1, vid, tid, bd, _ts(clock - 40000),
                              _ts(clock + 600), 100000, 100000 + cash, 100000 + cash + diff, diff, "{}", "{}"))
        con.executemany("INSERT INTO sale (id, uuid, fair_id, vendor_id, till_id, business_date, seq, number, "
                        "created_at, cashier, subtotal_satang, sale_discount_satang, total_satang, paid_satang, "
                        "change_satang, item_count, hash, import_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", S)
        con.executemany("INSERT INTO sale_line (sale_id, line_no, fair_id, vendor_id, till_id, business_date, sku, "
                        "name, product_type, qty, list_price_satang, unit_price_satang, discount_satang, "
                        "total_satang, sale_discount_share_satang, net_satang) VALUES "
                        "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", L)
        con.executemany("INSERT INTO payment (sale_id, pay_no, fair_id, vendor_id, till_id, business_date, method, "
                        "amount_satang, tendered_satang, change_satang, reference) VALUES (?,?,?,?,?,?,?,?,?,?,?)", P)
        con.executemany("INSERT INTO void (id, uuid, fair_id, vendor_id, till_id, sale_id, business_date, seq, "
                        "number, created_at, reason, by, amount_satang, cash_returned_satang, hash, import_id) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", V)
        con.executemany("INSERT INTO refund (id, uuid, fair_id, vendor_id, till_id, sale_id, business_date, seq, "
                        "number, created_at, reason, by, method, amount_satang, reference, hash, import_id) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", R)
        con.executemany("INSERT INTO refund_line (refund_id, line_no, sale_id, fair_id, vendor_id, till_id, "
                        "business_date, qty, amount_satang) VALUES (?,?,?,?,?,?,?,?,?)", RL)
        con.executemany("INSERT INTO till_day (uuid, fair_id, vendor_id, till_id, business_date, opened_at, "
                        "closed_at, float_satang, expected_cash_satang, counted_cash_satang, difference_satang, "
                        "counts_json, by_method_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", D)
        con.commit()
        print(f"  … {min(booths, chunk + 100)}/{booths} booths, {counts['sales']:,} sales", file=sys.stderr,
              flush=True)
    t0 = time.perf_counter()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the report totals, as the import would have kept them
        rebuild_totals(conn)
    engine.dispose()
    print(f"  … report totals computed in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    con.execute("ANALYZE")
    con.commit()
    con.close()
    return counts


def _timed(fn, runs: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    """Median wall time, median CPU time of this process (all threads) and the last result of ``runs`` calls."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--preset", choices=sorted(PRESETS), default="national")
    ap.add_argument("--booths", type=int)
    ap.add_argument("--days", type=int)
    ap.add_argument("--per-day", type=int)
    ap.add_argument("--keep", type=Path, help="folder holding (or to hold) the generated store")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default="th")
    a = ap.parse_args()
    booths, days, per_day = PRESETS[a.preset]
    booths, days, per_day = a.booths or booths, a.days or days, a.per_day or per_day
    folder = a.keep or Path(tempfile.mkdtemp(prefix="otop-bench-report-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"fair-{booths}x{days}x{per_day}.sqlite"
    meta_path = db.with_suffix(".json")
    if not (db.is_file() and meta_path.is_file()):
        db.unlink(missing_ok=True)
        t0 = time.perf_counter()
        counts = build(db, booths, days, per_day)
        meta_path.write_text(json.dumps(counts))
        print(f"built {db} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    counts = json.loads(meta_path.read_text())
    store = open_fair_store(db)
    print(f"store: {db} ({db.stat().st_size / 2**20:,.0f} MiB): {counts['sales']:,} sales, {counts['lines']:,} "
          f"lines, {counts['voids']:,} voids, {counts['refunds']:,} refunds; {booths} vendors × {days} days")
    compute_figures(store)  # warm the page cache once (a second report is the usual case)

    def as_json() -> str:
        return json.dumps(figures_to_json(compute_figures(store)), ensure_ascii=False)

    t_json, c_json, text = _timed(as_json, a.runs)
    t_fig, c_fig, fig = _timed(lambda: compute_figures(store), a.runs)
    assert fig.key.net_satang == counts["net"], (fig.key.net_satang, counts["net"])  # type: ignore[attr-defined]
    top = fig.top_vendors[0].code  # type: ignore[attr-defined]
    t_one, c_one, _ = _timed(lambda: vendor_detail(store, top), a.runs)
    def cli_json() -> None:  # the command an organiser runs, interpreter start-up included
        subprocess.run([sys.executable, "-m", "otop_pos", "fair", "--db", str(db), "report", "--json"], check=True,
                       stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[1])

    t_cli, _c_cli, _ = _timed(cli_json, a.runs)
    t_sum, c_sum, summary = _timed(lambda: fair_summary(store), a.runs)
    assert summary.net_satang == counts["net"]  # type: ignore[attr-defined]
    t_status, c_status, _ = _timed(lambda: fair_status(store, SystemClock()), a.runs)
    out = folder / "out"
    t_pdf, c_pdf, _ = _timed(lambda: write_figures_pdf(fig, out / "report.pdf", lang=a.lang), 1)  # type: ignore[arg-type]
    t_xlsx, c_xlsx, _ = _timed(lambda: write_figures_xlsx(fig, out / "report.xlsx", lang=a.lang), 1)  # type: ignore[arg-type]
    t_csv, c_csv, _ = _timed(lambda: write_figures_csv(fig, out / "csv", lang=a.lang), 1)  # type: ignore[arg-type]
    k = fig.key  # type: ignore[attr-defined]
    print(f"net income {format_baht(k.net_satang, symbol=True)} (gross {format_baht(k.gross_satang)}, voids "
          f"{k.voids_count:,} {format_baht(k.voids_satang)}, refunds {k.refunds_count:,} "
          f"{format_baht(k.refunds_satang)}), {k.sales_count:,} sales, {k.items_sold:,} items, average "
          f"{format_baht(k.average_sale_satang)}; JSON {len(text) / 2**20:.1f} MiB")  # type: ignore[arg-type]
    for row in (*fig.by_method, *fig.by_product_type):  # type: ignore[attr-defined]
        print(f"  {row.label_en:<32} {format_baht(row.net_satang):>18} {row.share_bp / 100:6.2f} %")
    print(f"  {len(fig.by_vendor):,} vendors, {len(fig.cash):,} day closes, {len(fig.missing):,} missing vendor-days")  # type: ignore[attr-defined]
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    targets = (("compute_figures", t_fig, c_fig, None), ("JSON report (figures + json.dumps)", t_json, c_json, 2.0),
               ("`otop-pos fair report --json` (CLI)", t_cli, float("nan"), 2.0),
               ("vendor_detail (drill-down)", t_one, c_one, None), ("fair_summary", t_sum, c_sum, None),
               ("fair_status", t_status, c_status, None), ("PDF (writing)", t_pdf, c_pdf, 10.0),
               ("PDF incl. figures", t_pdf + t_fig, c_pdf + c_fig, 10.0), ("XLSX (writing)", t_xlsx, c_xlsx, None),
               ("CSV (writing)", t_csv, c_csv, None))
    print(f"{'':<36} {'wall':>9} {'cpu':>9}")
    for name, t, c, target in targets:
        verdict = "" if target is None else ("  target ≤ %.0f s: %s" % (target, "met" if t <= target else "MISSED"))
        cpu = "        —" if c != c else f"{c:8.3f}s"  # NaN: not measured (another process)
        print(f"{name:<36} {t:8.3f}s {cpu}{verdict}")
    print(f"outputs in {out}")
    store.dispose()


if __name__ == "__main__":
    main()

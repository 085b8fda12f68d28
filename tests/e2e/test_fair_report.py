"""``otop-pos fair report`` end to end, as subprocesses the way the README tells an organiser: a fair from the
demo registry, booth packages, three tills (two vendors, one of them with a second till) set up from the
packages, simulated days with voids and refunds, exports, import — then the report's JSON is compared per
vendor, per day, per payment method and per product with the sum of the tills' own ``booth report --json``,
and the PDF, XLSX and CSV are written in one run. On SQLite and on PostgreSQL (``OTOP_TEST_PG_URL``)."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.fair.conftest import create_pg_database, drop_pg_database, pg_url_or_skip
from tests.reports.pdf_helpers import pdftotext

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
PIN = "1234"
DAYS = ("2020-10-26", "2020-10-27", "2020-10-28")
SALES_PER_DAY = 15  # (+5 per till) the sums are checked to the satang: the size is not the point


def run(*args: str, home: Path | None = None, db: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="error")
    env.pop("OTOP_POS_PIN", None)
    env.pop("OTOP_POS_DB", None)
    if home is not None:
        env["OTOP_POS_HOME"] = str(home)
    if db is not None:
        env["OTOP_POS_DB"] = db
    proc = subprocess.run([sys.executable, "-m", "otop_pos", *args], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, (args, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc


def jrun(*args: str, **kw: Any) -> Any:
    return json.loads(run(*args, **kw).stdout)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "organiser" / "fair.sqlite")
        return
    server = pg_url_or_skip()
    url, name = create_pg_database(server)
    try:
        yield url
    finally:
        drop_pg_database(server, name)


def test_report_equals_the_booths_own_reports(db: str, tmp_path: Path) -> None:
    run("fair", "create", "--db", db, "--name", "OTOP CITY IN KHONKAEN ครั้งที่ 20", "--venue", "สวนรัชดานุสรณ์",
        "--province", "ขอนแก่น", "--start", "2020-10-26", "--end", "2020-11-01")
    run("fair", "registry", str(DEMO / "vendors.csv"), str(DEMO / "catalogue.csv"), db=db)
    run("fair", "packages", str(tmp_path / "packages"), "--vendor", "KK20-0001", "--vendor", "KK20-0002", db=db)
    pkg_a = next(p for p in (tmp_path / "packages").glob("*.otopbooth") if "KK20-0001" in p.name)
    pkg_b = next(p for p in (tmp_path / "packages").glob("*.otopbooth") if "KK20-0002" in p.name)
    tills = {"a": (pkg_a, 1, "KK20-0001"), "b1": (pkg_b, 1, "KK20-0002"), "b2": (pkg_b, 2, "KK20-0002")}
    homes = {name: tmp_path / f"booth-{name}" for name in tills}
    usb = tmp_path / "usb"

    def till_life(k: int, name: str) -> Any:
        """One till in its own processes: set up, sell, export, its own report (the tills run side by side)."""
        pkg, till, _code = tills[name]
        home = homes[name]
        run("booth", "setup", "--package", str(pkg), "--till", str(till), "--pin", PIN, home=home)
        for start, days in ((DAYS[0], 1), (DAYS[2], 1)) if name == "b2" else ((DAYS[0], 3),):
            # (the second till does not trade on day 2)
            run("booth", "simulate", "--days", str(days), "--sales-per-day", str(SALES_PER_DAY + 5 * k),
                "--seed", str(3 + k + len(start)), "--start", start, "--pin", PIN, home=home)
        run("booth", "export", str(usb), home=home)
        return jrun("booth", "report", "--json", home=home)

    with ThreadPoolExecutor(len(tills)) as pool:
        futures = {name: pool.submit(till_life, k, name) for k, name in enumerate(tills)}
        booth = {name: f.result() for name, f in futures.items()}
    assert sum(r["voids_count"] for r in booth.values()) > 0 and sum(r["refunds_count"] for r in booth.values()) > 0
    imported = jrun("fair", "import", "--json", str(usb), db=db)
    assert (imported["imported"], imported["refused"]) == (3, 0)

    out = tmp_path / "out"
    proc = run("fair", "report", "--json", "--top", "500", "--pdf", str(out / "report.pdf"), "--xlsx",
               str(out / "report.xlsx"), "--csv", str(out / "csv"), db=db)
    rep = json.loads(proc.stdout)
    assert "written" in proc.stderr

    # key figures: the sums of the tills' reports
    k = rep["key"]
    reports = list(booth.values())
    for mine, theirs in (("net_satang", "net_satang"), ("gross_satang", "gross_satang"),
                         ("sales_count", "sales_count"), ("voids_count", "voids_count"),
                         ("voids_satang", "voids_satang"), ("refunds_count", "refunds_count"),
                         ("refunds_satang", "refunds_satang"), ("items_sold", "items_sold")):
        assert k[mine] == sum(r[theirs] for r in reports), mine
    assert (k["vendors_count"], k["vendors_with_sales"]) == (124, 2)
    # per vendor
    vendors = {v["code"]: v for v in rep["by_vendor"]}
    for code in ("KK20-0001", "KK20-0002"):
        mine = [booth[n] for n, (_p, _t, c) in tills.items() if c == code]
        v = vendors[code]
        assert v["net_satang"] == sum(r["net_satang"] for r in mine)
        assert v["items"] == sum(r["items_sold"] for r in mine)
        assert v["sales_count"] == sum(r["sales_count"] - r["voids_count"] for r in mine)
        assert v["refunds_satang"] == sum(r["refunds_satang"] for r in mine)
        assert v["days_with_sales"] == 3
    # per day and per payment method
    days: Counter[str] = Counter()
    methods: Counter[str] = Counter()
    for r in reports:
        days.update(r["by_day"])
        methods.update(r["by_method"])
    assert {r["key"]: r["net_satang"] for r in rep["by_day"] if r["key"] in days} == dict(days)
    assert all(r["net_satang"] == 0 for r in rep["by_day"] if r["key"] not in days)
    shown = {r["key"]: r["net_satang"] for r in rep["by_method"]}   # the booths name every method of the fair
    assert shown == {m: n for m, n in methods.items() if n or m in shown}
    assert rep["schemes"] == {"copay": {"customer_satang": 0, "state_satang": 0},
                              "welfare": {"customer_satang": 0, "state_satang": 0}} and not rep["schemes_per_vendor"]
    # per product and per product type
    products: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    types: Counter[str] = Counter()
    for name, (_p, _t, code) in tills.items():
        for sku, p in booth[name]["by_product"].items():
            products[code, sku][0] += p["qty"]
            products[code, sku][1] += p["net_satang"]
            types[p["product_type"]] += p["net_satang"]
    mine_products = {(p["vendor_code"], p["sku"]): [p["qty"], p["net_satang"]] for p in rep["top_products"]}
    assert {key: v for key, v in mine_products.items() if v != [0, 0]} == \
        {key: v for key, v in products.items() if v != [0, 0]}
    assert {r["key"]: r["net_satang"] for r in rep["by_product_type"] if r["net_satang"]} == \
        {t: n for t, n in types.items() if n}
    for name in ("by_province", "host_vs_other", "by_hour", "by_star", "by_producer_type"):
        assert sum(r["net_satang"] for r in rep[name]) == k["net_satang"], name
    # till-day closes: 3 tills, b2 skipped a day
    assert len(rep["cash"]) == 8
    assert {(c["business_date"], c["till_no"]) for c in rep["cash"] if c["vendor_code"] == "KK20-0002"} == \
        {(d, t) for d in DAYS for t in (1, 2)} - {(DAYS[1], 2)}

    # the files written in the same run agree with the JSON
    text = pdftotext(out / "report.pdf")
    assert "สรุปผลการจำหน่ายสินค้า" in text and "เครื่องดื่ม" in text and "OTOP CITY IN KHONKAEN ครั้งที่ 20" in text
    wb = openpyxl.load_workbook(out / "report.xlsx")
    ws = wb["ผู้ประกอบการ"]
    nets = {row[0].value: row[8].value for row in ws.iter_rows(min_row=2, max_row=1 + len(rep["by_vendor"]))}
    assert round(nets["KK20-0001"] * 100) == vendors["KK20-0001"]["net_satang"]
    assert round(sum(nets.values()) * 100) == k["net_satang"]
    with open(out / "csv" / "days.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "วัน" and rows[1][0] == "26 ต.ค. 2563"
    assert sum(round(float(r[1]) * 100) for r in rows[1:]) == k["net_satang"]

    # one day only: the figures of that day
    day = jrun("fair", "report", "--json", "--from", DAYS[1], "--to", DAYS[1], db=db)
    assert day["key"]["net_satang"] == days[DAYS[1]]
    assert [r["key"] for r in day["by_day"]] == [DAYS[1]]
    summary = run("fair", "report", db=db).stdout
    assert "net income" in summary and "เครื่องดื่ม" in summary

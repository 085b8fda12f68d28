"""``otop-pos fair report --producer-sheets DIR``: one Thai PDF per vendor whose figures are the fair's own figures
for that vendor (and the booth's own report), read back with pdftotext, and whose QR (pdftoppm, zbarimg) decodes to
the producer's link. On SQLite and PostgreSQL."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from otop_pos.booth.demo import demo_registry
from otop_pos.booth.queries import booth_report
from otop_pos.core.clock import FixedClock
from otop_pos.core.money import format_baht
from otop_pos.fair.figures import vendor_detail
from otop_pos.fair.importer import import_paths
from otop_pos.fair.producer_sheets import producer_sheet
from otop_pos.fair.store import FairStore
from otop_pos.reports.producer_sheet_pdf import NO_ORDERS, sheet_file_name
from tests.exchange.test_registry_channel import vendors_with_channel
from tests.fair.booths import FIRST_DAY, Booth, make_fair
from tests.reports.pdf_helpers import pdftotext, render

LINE = "https://line.me/R/ti/p/@baansuda"
FACEBOOK = "https://facebook.com/nongwaeng"


def zbar(png: Path) -> list[str]:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (Debian: zbar-tools)")
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, timeout=60,
                          check=False)
    return done.stdout.splitlines()


def test_one_sheet_per_vendor_with_the_fairs_figures_and_the_link_qr(
        fair_store: FairStore, fair_db: str, fair_clock: FixedClock, tmp_path: Path) -> None:
    # six vendors (one sheet each, every one checked below; the whole registry's 124 take 15 s: a benchmark's)
    vendors_file = vendors_with_channel(tmp_path, ("LINE", "Facebook", "Online shop"), limit=6)
    kept = set(csv_rows(vendors_file))
    catalogue = tmp_path / "catalogue.csv"
    lines = demo_registry()[1].read_text(encoding="utf-8-sig").splitlines()
    catalogue.write_text("\n".join([lines[0], *(ln for ln in lines[1:] if ln.split(",", 1)[0] in kept)]) + "\n",
                         encoding="utf-8")
    registry = (vendors_file, catalogue)
    _fair, pkgs = make_fair(fair_store, fair_clock, registry, tmp_path / "pkg", ["KK20-0001", "KK20-0002"])
    booths = {code: Booth(tmp_path / code, pkgs[code].path, seed=n) for n, code in enumerate(pkgs)}
    for day in (FIRST_DAY, FIRST_DAY + timedelta(days=1)):
        for b in booths.values():
            b.sell(day, 25)
    booths["KK20-0001"].void_last()
    booths["KK20-0001"].refund_first()
    exports = [b.export(tmp_path / "usb") for b in booths.values()]
    assert all(f.result == "imported" for f in import_paths(fair_store, fair_clock, exports, jobs=0).files)

    out = tmp_path / "sheets"
    env = dict(os.environ, PYTHONWARNINGS="error", OTOP_POS_DB=fair_db)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "otop_pos", "fair", "report", "--producer-sheets", str(out)],
                          capture_output=True, text=True, env=env, timeout=600)
    took = time.perf_counter() - started
    assert proc.returncode == 0, proc.stderr[-3000:]
    vendors = len(list(csv_rows(registry[0])))
    sheets = sorted(out.glob("*.pdf"))
    assert len(sheets) == vendors and f"{vendors} producer sheets" in proc.stderr
    print(f"{vendors} producer sheets in {took:.1f} s")

    for code, link in (("KK20-0001", LINE), ("KK20-0002", FACEBOOK)):
        booth = booths[code]
        sheet = producer_sheet(fair_store, code)
        detail = vendor_detail(fair_store, code, hours=True)
        own = booth_report(booth.s)
        assert sheet.vendor.net_satang == detail.vendor.net_satang == own.net_satang > 0
        assert sheet.digital_satang == own.by_method.get("promptpay", 0)
        assert sheet.scheme_satang == 0 and sheet.scheme_share_bp == 0       # the fair's methods: no scheme used
        as_scheme = producer_sheet(fair_store, code, method_kinds={"promptpay": "copay"})  # kinds decide, not names
        assert (as_scheme.scheme_satang, as_scheme.digital_satang) == (sheet.digital_satang, 0)
        assert as_scheme.scheme_share_bp == sheet.digital_share_bp
        assert sheet.average_sale_satang == round(own.net_satang / sheet.vendor.sales_count)
        path = out / sheet_file_name(sheet.vendor.booth, code)
        text = pdftotext(path, layout=False)
        flat = " ".join(text.split())
        assert sheet.vendor.name in text and sheet.vendor.booth in text and "สรุปยอดขายสำหรับผู้ผลิต" in text
        assert format_baht(own.net_satang) in text and format_baht(sheet.average_sale_satang) in text
        assert f"{format_baht(sheet.digital_satang)} ({sheet.digital_share_bp / 100:.2f}%)" in flat
        assert "0.00 (0.00%)" in flat and NO_ORDERS in text                   # no schemes, no orders yet
        for p in detail.by_product:                                           # every product, as the fair counts it
            assert p.name in text and format_baht(p.net_satang) in text
        for r in detail.by_day:
            assert r.label_th in text
        assert [r.key for r in sheet.by_hour] and all(r.label_th in text for r in sheet.by_hour)
        assert sum(r.net_satang for r in sheet.by_hour) == sum(r.net_satang for r in sheet.by_day) == own.net_satang
        [page, *_] = render(path, dpi=200)
        assert zbar(page) == [link]
    quiet = out / sheet_file_name("D003", "KK20-0003")                       # a link, no sales
    assert zbar(render(quiet, dpi=200)[0]) == ["https://lin.ee/AbC123"]
    plain = next(p for p in sheets if "KK20-0004" in p.name)                 # no link, no sales
    assert "ยังไม่ได้แจ้งช่องทางออนไลน์" in pdftotext(plain) and "0.00" in pdftotext(plain)


def csv_rows(path: Path) -> list[str]:
    import csv
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [r[1] for r in list(csv.reader(fh))[1:] if r and r[1].strip()]

"""Scan-to-cart latency on a 20,000-product catalogue: ``CatalogueIndex.lookup`` + ``Cart.add``.

    .venv/bin/python benchmarks/bench_lookup.py [--products 20000] [--scans 10000]

The catalogue (valid EAN-13 barcodes) is loaded with ``setup_booth`` into a fresh store in a temp folder;
the index is loaded with ``CatalogueIndex.load`` (timed); then random scans are looked up and added to a
cart that is rung up (emptied) after a basket of 1–20 items, as at a till. Target: p99 ≤ 1 ms per scan.
Also shown: a name search over the whole catalogue (what typing in the search box costs).
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from otop_pos.booth.cart import Cart  # noqa: E402
from otop_pos.booth.catalogue import CatalogueIndex  # noqa: E402
from otop_pos.booth.cart import ProductInfo  # noqa: E402
from otop_pos.booth.setup import BoothSetup, setup_booth  # noqa: E402
from otop_pos.booth.store import open_booth_store  # noqa: E402
from otop_pos.core.clock import FixedClock  # noqa: E402
from otop_pos.core.ids import ean13_check_digit, ean13_valid  # noqa: E402

TARGET_P99_US = 1000.0
WORDS = ("ผ้าไหม", "ผ้าฝ้าย", "กระติบ", "ข้าวหอมมะลิ", "น้ำพริก", "แจ่วบอง", "หมูยอ", "สบู่", "ตะกร้า",
         "เสื่อกก", "ชาสมุนไพร", "กล้วยตาก", "ไวน์ผลไม้", "หมอนขิด", "กระเป๋าสาน")


def ean13(n: int) -> str:
    body = f"885{n:09d}"
    code = body + str(ean13_check_digit(body))
    assert ean13_valid(code)
    return code


def catalogue(n: int, rng: random.Random) -> tuple[ProductInfo, ...]:
    return tuple(ProductInfo(sku=f"P{i:05d}", name=f"{rng.choice(WORDS)} {rng.choice(WORDS)} รุ่น {i}",
                             product_type="หัตถกรรม", price_satang=rng.randrange(20, 3000) * 100,
                             barcode=ean13(1_000_000 + i * 7), stock=None)
                 for i in range(n))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round((len(ordered) - 1) * p)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=20_000)
    ap.add_argument("--scans", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=2563)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    clock = FixedClock(datetime(2020, 10, 26, 3, 0, tzinfo=timezone.utc))

    with tempfile.TemporaryDirectory(prefix="otop-bench-") as tmp:
        store = open_booth_store(Path(tmp) / "booth")
        try:
            products = catalogue(args.products, rng)
            t0 = time.perf_counter()
            setup_booth(store, clock, BoothSetup(booth_code="B001", vendor_code="KK20-9999",
                                                 vendor_name="ร้านทดสอบ", product_type="หัตถกรรม",
                                                 products=products), pin="1234")
            t_setup = time.perf_counter() - t0

            loads = []
            for _ in range(5):
                t0 = time.perf_counter()
                index = CatalogueIndex.load(store)
                loads.append(time.perf_counter() - t0)
            assert len(index.products) == args.products

            codes = [p.barcode for p in products if p.barcode]
            scans = [rng.choice(codes) for _ in range(args.scans)]
            cart, basket, times = Cart(), rng.randint(1, 20), []
            for _ in range(200):  # warm up
                cart = cart.add(index.lookup(scans[0]))  # type: ignore[arg-type]
            cart = Cart()
            for code in scans:
                t0 = time.perf_counter_ns()
                product = index.lookup(code)
                assert product is not None
                cart = cart.add(product)
                times.append((time.perf_counter_ns() - t0) / 1000)
                if cart.item_count >= basket:
                    cart, basket = Cart(), rng.randint(1, 20)

            thai = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
            t_thai = []
            for code in scans[:2000]:  # a keyboard wedge that sends Thai digits
                t0 = time.perf_counter_ns()
                assert index.lookup(code.translate(thai)) is not None
                t_thai.append((time.perf_counter_ns() - t0) / 1000)

            searches = []
            for word in WORDS:
                t0 = time.perf_counter()
                index.search(word)
                searches.append(time.perf_counter() - t0)
        finally:
            store.dispose()

    med, p99 = statistics.median(times), pct(times, 0.99)
    print(f"catalogue: {args.products:,} products with valid EAN-13 barcodes")
    print(f"  setup_booth (load into the store): {t_setup:.2f} s")
    print(f"  CatalogueIndex.load: median {statistics.median(loads) * 1000:.1f} ms "
          f"(min {min(loads) * 1000:.1f}, max {max(loads) * 1000:.1f}; 5 loads)")
    print(f"scan → lookup + Cart.add, {args.scans:,} random scans (baskets of 1–20 items):")
    print(f"  median {med:.1f} µs   p95 {pct(times, 0.95):.1f} µs   p99 {p99:.1f} µs   "
          f"max {max(times):.1f} µs")
    print(f"  lookup with Thai digits: median {statistics.median(t_thai):.1f} µs   "
          f"p99 {pct(t_thai, 0.99):.1f} µs")
    print(f"name search over the catalogue (substring, {len(WORDS)} words): median "
          f"{statistics.median(searches) * 1000:.1f} ms   max {max(searches) * 1000:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"target p99 ≤ {TARGET_P99_US:.0f} µs: {'met' if p99 <= TARGET_P99_US else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

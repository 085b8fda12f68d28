"""Receipt printing cost: Qt render + 1-bit + python-escpos encoding of an 80 mm Thai receipt with QR.

    .venv/bin/python benchmarks/bench_receipt.py [--runs 50] [--width 576]

Two receipts, each with the PromptPay QR: "25 lines" (25 printed text lines: header, 11 products, totals,
payment, footer) and "25 products" (25 product lines, about 38 printed lines). Prints the median over
``--runs`` of each stage and the stream size. Targets: ≤ 40 ms and ≤ 100 KB (both receipts meet them).
Baseline measured elsewhere (docs/PRODUCT "Printing facts"): render + 1-bit ≈ 11 ms, encode ≈ 26 ms,
≈ 95 KB for 576 × 1320 dots (a 26-line Thai receipt with QR).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from otop_pos.core.documents import ReceiptDoc  # noqa: E402
from otop_pos.printing.escpos_encode import encode_image  # noqa: E402
from otop_pos.printing.qtapp import ensure_qt_app  # noqa: E402
from otop_pos.printing.raster import render_receipt, to_mono  # noqa: E402
from tests.printing.receipt_samples import real25, twenty_five_lines  # noqa: E402  (shared with the tests)

TARGET_MS = 40.0
TARGET_KB = 100.0
BASELINE = "baseline: render + 1-bit ≈ 11 ms, encode ≈ 26 ms, ≈ 95 KB for 576 × 1320 dots (26 lines + QR)"


def measure(doc: ReceiptDoc, width: int, runs: int) -> dict[str, float]:
    render_ms, mono_ms, encode_ms, total_ms = [], [], [], []
    size = height = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        img = render_receipt(doc, width)
        t1 = time.perf_counter()
        mono = to_mono(img)
        t2 = time.perf_counter()
        data = encode_image(mono)
        t3 = time.perf_counter()
        render_ms.append((t1 - t0) * 1000)
        mono_ms.append((t2 - t1) * 1000)
        encode_ms.append((t3 - t2) * 1000)
        total_ms.append((t3 - t0) * 1000)
        size, height = len(data), img.height()
    return {
        "render": statistics.median(render_ms), "mono": statistics.median(mono_ms),
        "encode": statistics.median(encode_ms), "total": statistics.median(total_ms),
        "kb": size / 1024, "height": height,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--width", type=int, default=576)
    args = parser.parse_args()
    ensure_qt_app()
    render_receipt(twenty_five_lines(), args.width)  # warm up: fonts, glyph caches
    ok = True
    for name, doc, budgeted in (("25 lines", twenty_five_lines(), True), ("25 products", real25(), False)):
        r = measure(doc, args.width, args.runs)
        print(f"{name} Thai receipt with PromptPay QR, {args.width} × {r['height']} dots, "
              f"median of {args.runs}:")
        print(f"  render {r['render']:.1f} ms + 1-bit {r['mono']:.1f} ms + encode {r['encode']:.1f} ms"
              f" = {r['total']:.1f} ms; stream {r['kb']:.1f} KB")
        if budgeted:
            met = r["total"] <= TARGET_MS and r["kb"] <= TARGET_KB
            ok = ok and met
            print(f"  target ≤ {TARGET_MS:.0f} ms and ≤ {TARGET_KB:.0f} KB: {'met' if met else 'MISSED'}")
    print(BASELINE)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

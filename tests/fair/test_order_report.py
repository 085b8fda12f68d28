"""The orders (ยอดสั่งจอง) in the organiser's report, on SQLite and PostgreSQL: two booths that took, delivered
(one after the fair) and cancelled orders export and import; ``fair report --json``'s orders equal the booths'
own, and the Thai PDF's orders section, read back with pdftotext, shows exactly the JSON's figures — the fair's,
per vendor (booth and producer name), per product type (the vocabulary's Thai names) and per day, the day after
the fair marked "หลังวันงาน", and the line on what came after the fair."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from otop_pos.core.clock import FixedClock
from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import format_thai_date
from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.fair.figures import compute_figures
from otop_pos.fair.store import FairStore
from otop_pos.reports.figures_pdf import write_figures_pdf
from otop_pos.reports.model import figures_to_json
from tests.fair.booths import LAST_DAY
from tests.fair.order_fair import AFTER, VENDORS, build_order_fair
from tests.reports.pdf_helpers import pdftotext

BOOTHS = {"KK20-0001": ("B001", "สุดา สุขประเสริฐ"), "KK20-0002": ("C002", "กลุ่มสตรีบ้านหนองแวง")}


def n(value: int) -> str:
    return f"{value:,}"


def b(value: int) -> str:
    return format_baht(value)


def test_the_orders_json_equals_the_booths_and_the_thai_pdf_shows_it_exactly(
        fair_store: FairStore, fair_clock: FixedClock, tmp_path: Path) -> None:
    booths = build_order_fair(fair_store, fair_clock, tmp_path)
    f = compute_figures(fair_store, clock=fair_clock)
    data = figures_to_json(f)
    assert data["orders"] == booths.total() and data["orders_per_vendor"] == booths.orders
    assert data["orders"]["taken_count"] == 5 and data["orders"]["open_count"] == 1
    assert data["fair_last_day"] == LAST_DAY.isoformat() and data["after_fair"]["days"] == [AFTER.isoformat()]
    # the vendors that sold, without the registered ones that did not (their annex takes the PDF long to lay out)
    f = replace(f, by_vendor=tuple(v for v in f.by_vendor if v.code in VENDORS), missing=())
    write_figures_pdf(f, tmp_path / "report.pdf", lang="th")
    lines = [" ".join(line.split()) for line in pdftotext(tmp_path / "report.pdf").splitlines()]
    at = next(i for i, line in enumerate(lines) if line.endswith(". ยอดสั่งจอง"))
    part = [line for line in lines[at:at + 90] if line]
    assert part[1] == ("ยอดสั่งจองแยกจากยอดขาย ใบสั่งจองที่ส่งมอบแล้วนับเป็นยอดขายในวันที่ส่งมอบ ครั้งเดียว "
                       "(ตามช่วงวันที่ของรายงาน หน่วย: บาท)")
    o = data["orders"]
    assert part[2:9] == ["รายการ จำนวน (ใบ) จำนวนเงิน (บาท)",
                         f"รับสั่งจอง {n(o['taken_count'])} {b(o['taken_satang'])}",
                         f"เงินมัดจำที่รับ {b(o['deposits_satang'])}",
                         f"ส่งมอบแล้ว {n(o['delivered_count'])} {b(o['delivered_satang'])}",
                         f"ยกเลิก {n(o['cancelled_count'])}",
                         f"คืนเงินมัดจำ {b(o['deposits_refunded_satang'])}",
                         f"ยังไม่ส่งมอบ {n(o['open_count'])} {b(o['open_satang'])}"]
    a = data["after_fair"]
    assert part[9] == (f"หลังวันงาน (หลัง 1 พ.ย. 2563): ส่งมอบ {n(a['delivered_count'])} ใบ {b(a['delivered_satang'])} "
                       f"บาท ยกเลิก {n(a['cancelled_count'])} ใบ คืนเงินมัดจำ {b(a['deposits_refunded_satang'])} บาท "
                       f"คืนเงินค่าสินค้า {n(a['refunds_count'])} ครั้ง {b(a['refunds_satang'])} บาท")
    assert a["delivered_count"] == 1 and a["refunds_count"] == 1
    for code, v in data["orders_per_vendor"].items():
        booth, name = BOOTHS[code]
        assert (f"{booth} {name} {n(v['taken_count'])} {b(v['taken_satang'])} {b(v['deposits_satang'])} "
                f"{n(v['delivered_count'])} {n(v['cancelled_count'])} {n(v['open_count'])} "
                f"{b(v['open_satang'])}") in part
    assert (f"รวม {n(o['taken_count'])} {b(o['taken_satang'])} {b(o['deposits_satang'])} {n(o['delivered_count'])} "
            f"{n(o['cancelled_count'])} {n(o['open_count'])} {b(o['open_satang'])}") in part
    types = data["orders_per_type"]
    assert sum(t["taken_satang"] for t in types.values()) == o["taken_satang"]
    for key, t in types.items():
        assert (f"{PRODUCT_TYPE.name(key, 'th')} {n(t['taken_count'])} {n(t['taken_qty'])} {b(t['taken_satang'])} "
                f"{b(t['delivered_satang'])} {b(t['cancelled_satang'])} {b(t['open_satang'])}") in part
    days = data["orders_per_day"]
    assert sum(d["taken_satang"] for d in days.values()) == o["taken_satang"]
    assert sum(d["deposits_refunded_satang"] for d in days.values()) == o["deposits_refunded_satang"]
    for iso, d in days.items():
        day = date.fromisoformat(iso)
        label = format_thai_date(day) + (" (หลังวันงาน)" if day > LAST_DAY else "")
        assert (f"{label} {n(d['taken_count'])} {b(d['taken_satang'])} {b(d['deposits_satang'])} "
                f"{n(d['delivered_count'])} {b(d['delivered_satang'])} {n(d['cancelled_count'])} "
                f"{b(d['deposits_refunded_satang'])} {b(d['open_satang'])}") in part, label
    assert f"{format_thai_date(AFTER)} (หลังวันงาน) 0 0.00 0.00 1 {b(a['delivered_satang'])} 0 0.00 " \
           f"{b(o['open_satang'])}" in part

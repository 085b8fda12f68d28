"""The orders figures (ยอดสั่งจอง) as report tables for the XLSX sheets and the CSV files: the fair's orders,
per vendor, per product type and per day (``order_rows``), in Thai or English. None when the fair has no order.

Money is in satang ("baht" columns), as every other table: the writers turn it into baht.
"""
from __future__ import annotations

from collections.abc import Sequence

from otop_pos.reports.figure_tables import Column, FigureTable, Value, figure_tables
from otop_pos.reports.model import Figures
from otop_pos.reports.order_rows import (
    after_fair_line,
    has_orders,
    order_day_rows,
    order_type_rows,
    order_vendor_rows,
)

__all__ = ["order_tables", "order_text", "report_tables"]

_T: dict[str, dict[str, str]] = {
    "th": {
        "orders": "ยอดสั่งจอง", "orders_vendors": "ยอดสั่งจอง รายผู้ประกอบการ",
        "orders_types": "ยอดสั่งจอง ตามประเภทผลิตภัณฑ์", "orders_days": "ยอดสั่งจอง รายวัน",
        "s_orders": "ยอดสั่งจอง", "s_orders_vendors": "ยอดสั่งจอง รายผู้ประกอบการ",
        "s_orders_types": "ยอดสั่งจอง ตามประเภท", "s_orders_days": "ยอดสั่งจอง รายวัน",
        "item": "รายการ", "count": "จำนวน (ใบ)", "amount": "จำนวนเงิน (บาท)", "total": "รวม",
        "taken": "รับสั่งจอง", "deposits": "เงินมัดจำที่รับ", "delivered": "ส่งมอบแล้ว", "cancelled": "ยกเลิก",
        "refunded": "คืนเงินมัดจำ", "open": "ยังไม่ส่งมอบ",
        "a_delivered": "ส่งมอบหลังวันงาน", "a_cancelled": "ยกเลิกหลังวันงาน", "a_refunded": "คืนเงินมัดจำหลังวันงาน",
        "a_refunds": "คืนเงินค่าสินค้าหลังวันงาน",
        "code": "รหัส", "booth": "บูธ", "name": "ชื่อผู้ประกอบการ", "ptype": "ประเภทผลิตภัณฑ์", "date": "วันที่",
        "when": "ช่วง", "after": "หลังวันงาน",
        "c_taken": "รับสั่งจอง (ใบ)", "c_taken_baht": "มูลค่าที่สั่ง (บาท)", "c_deposits": "เงินมัดจำ (บาท)",
        "c_delivered": "ส่งมอบ (ใบ)", "c_delivered_baht": "มูลค่าที่ส่งมอบ (บาท)", "c_cancelled": "ยกเลิก (ใบ)",
        "c_cancelled_baht": "มูลค่าที่ยกเลิก (บาท)", "c_refunded": "คืนเงินมัดจำ (บาท)",
        "c_open": "ยังไม่ส่งมอบ (ใบ)", "c_open_baht": "มูลค่าที่ยังไม่ส่งมอบ (บาท)", "c_qty": "จำนวนชิ้น",
        "c_open_end": "ยังไม่ส่งมอบ ณ สิ้นวัน (ใบ)", "c_open_end_baht": "มูลค่าที่ยังไม่ส่งมอบ ณ สิ้นวัน (บาท)",
    },
    "en": {
        "orders": "Orders", "orders_vendors": "Orders per vendor", "orders_types": "Orders per product type",
        "orders_days": "Orders per day", "s_orders": "Orders", "s_orders_vendors": "Orders per vendor",
        "s_orders_types": "Orders per type", "s_orders_days": "Orders per day",
        "item": "Item", "count": "Orders", "amount": "Amount (baht)", "total": "Total",
        "taken": "Taken", "deposits": "Deposits received", "delivered": "Delivered", "cancelled": "Cancelled",
        "refunded": "Deposits refunded", "open": "Open (not delivered)",
        "a_delivered": "Delivered after the fair", "a_cancelled": "Cancelled after the fair",
        "a_refunded": "Deposits refunded after the fair", "a_refunds": "Sales refunded after the fair",
        "code": "Code", "booth": "Booth", "name": "Vendor", "ptype": "Product type", "date": "Date",
        "when": "When", "after": "after the fair",
        "c_taken": "Taken (orders)", "c_taken_baht": "Taken (baht)", "c_deposits": "Deposits (baht)",
        "c_delivered": "Delivered (orders)", "c_delivered_baht": "Delivered (baht)",
        "c_cancelled": "Cancelled (orders)", "c_cancelled_baht": "Cancelled (baht)",
        "c_refunded": "Deposits refunded (baht)", "c_open": "Open (orders)", "c_open_baht": "Open (baht)",
        "c_qty": "Quantity", "c_open_end": "Open at day end (orders)", "c_open_end_baht": "Open at day end (baht)",
    },
}


def order_text(lang: str) -> dict[str, str]:
    """The orders tables' labels in ``lang`` ("th", else English)."""
    return _T["th" if lang == "th" else "en"]


def _sum(rows: Sequence[dict[str, int]], key: str) -> int:
    return sum(r[key] for r in rows)


def order_tables(f: Figures, lang: str = "th") -> list[FigureTable]:
    """The orders tables (the fair's, per vendor, per product type, per day); none without orders."""
    if not has_orders(f):
        return []
    t = order_text(lang)

    def table(slug: str, cols: Sequence[tuple[str, str]], body: Sequence[tuple[Value, ...]],
              total: tuple[Value, ...] | None = None) -> FigureTable:
        columns = tuple(Column(t[h], kind) for h, kind in cols)  # type: ignore[arg-type]
        return FigureTable(slug, t[slug], t["s_" + slug], columns, tuple(body), total)

    o = {k: int(f.orders.get(k, 0)) for k in f.orders}
    a = after_fair_line(f)
    summary: list[tuple[Value, ...]] = [
        (t["taken"], o.get("taken_count", 0), o.get("taken_satang", 0)),
        (t["deposits"], None, o.get("deposits_satang", 0)),
        (t["delivered"], o.get("delivered_count", 0), o.get("delivered_satang", 0)),
        (t["cancelled"], o.get("cancelled_count", 0), None),
        (t["refunded"], None, o.get("deposits_refunded_satang", 0)),
        (t["open"], o.get("open_count", 0), o.get("open_satang", 0)),
        (t["a_delivered"], a.delivered_count, a.delivered_satang),
        (t["a_cancelled"], a.cancelled_count, None),
        (t["a_refunded"], None, a.deposits_refunded_satang),
        (t["a_refunds"], a.refunds_count, a.refunds_satang),
    ]
    vendors = order_vendor_rows(f)
    vkeys = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
             "cancelled_count", "deposits_refunded_satang", "open_count", "open_satang")
    vcols = [("c_taken", "int"), ("c_taken_baht", "baht"), ("c_deposits", "baht"), ("c_delivered", "int"),
             ("c_delivered_baht", "baht"), ("c_cancelled", "int"), ("c_refunded", "baht"), ("c_open", "int"),
             ("c_open_baht", "baht")]
    types = order_type_rows(f)
    tkeys = ("taken_count", "taken_qty", "taken_satang", "delivered_count", "delivered_satang", "cancelled_count",
             "cancelled_satang", "open_count", "open_satang")
    tcols = [("c_taken", "int"), ("c_qty", "int"), ("c_taken_baht", "baht"), ("c_delivered", "int"),
             ("c_delivered_baht", "baht"), ("c_cancelled", "int"), ("c_cancelled_baht", "baht"), ("c_open", "int"),
             ("c_open_baht", "baht")]
    days = order_day_rows(f)
    dkeys = ("taken_count", "taken_satang", "deposits_satang", "delivered_count", "delivered_satang",
             "cancelled_count", "deposits_refunded_satang", "open_count", "open_satang")
    dcols = [("c_taken", "int"), ("c_taken_baht", "baht"), ("c_deposits", "baht"), ("c_delivered", "int"),
             ("c_delivered_baht", "baht"), ("c_cancelled", "int"), ("c_refunded", "baht"), ("c_open_end", "int"),
             ("c_open_end_baht", "baht")]
    # an order holding two types counts once in each: only the quantities and values add up to the fair's
    type_total: tuple[Value, ...] = (t["total"], None, _sum([r.counts for r in types], "taken_qty"),
                                     *[None if k.endswith("count") else _sum([r.counts for r in types], k)
                                       for k in tkeys[2:]])
    return [
        table("orders", [("item", "text"), ("count", "int"), ("amount", "baht")], summary),
        table("orders_vendors", [("code", "text"), ("booth", "text"), ("name", "text"), *vcols],
              [(r.vendor_code, r.booth, r.vendor_name, *[r.counts[k] for k in vkeys]) for r in vendors],
              (t["total"], None, None, *[_sum([r.counts for r in vendors], k) for k in vkeys])),
        table("orders_types", [("ptype", "text"), *tcols],
              [(r.label(lang), *[r.counts[k] for k in tkeys]) for r in types], type_total),
        table("orders_days", [("date", "date"), ("when", "text"), *dcols],
              [(r.business_date, t["after"] if r.after_fair else "", *[r.counts[k] for k in dkeys]) for r in days],
              # the open orders are those at each day's end: they do not add up
              (t["total"], None, *[None if k.startswith("open") else _sum([r.counts for r in days], k)
                                   for k in dkeys])),
    ]


def report_tables(f: Figures, lang: str = "th") -> list[FigureTable]:
    """Every table of the report (``figure_tables``) with the orders tables after the state schemes' (after the
    payment methods when the fair has no scheme)."""
    tables = figure_tables(f, lang)
    slugs = [t.slug for t in tables]
    after = max((i for i, s in enumerate(slugs) if s.startswith("schemes")), default=slugs.index("methods"))
    return tables[:after + 1] + order_tables(f, lang) + tables[after + 1:]

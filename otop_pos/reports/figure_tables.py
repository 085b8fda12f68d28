"""The organiser report's figures laid out as tables (one per breakdown), shared by the XLSX, CSV and PDF
writers: titles, column headers and kinds in Thai or English, rows of typed values, a total row.

Cell values keep their type: ``int`` satang for "baht" columns, ``int`` basis points for "pct", plain
``int`` for counts, ``date``/``datetime`` for dates, ``str`` for text, ``None`` for an empty cell. Only the
writers turn them into text or spreadsheet numbers.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, Union

from otop_pos.core.visible import visible
from otop_pos.core.vocabulary import PAYMENT_METHOD, PRODUCT_TYPE
from otop_pos.reports.model import CashRow, Figures, Row, VendorRow
from otop_pos.reports.scheme_rows import scheme_day_rows, scheme_rows, scheme_vendor_rows, share_bp

__all__ = ["Kind", "Value", "Column", "FigureTable", "figure_tables", "text", "product_type_label",
           "producer_type_label", "MISSING_KIND", "till_label"]

Kind = Literal["text", "int", "baht", "pct", "date", "datetime"]
Value = Union[str, int, date, datetime, None]


@dataclass(frozen=True)
class Column:
    """A column: its header and the kind of its values (numbers are right-aligned)."""

    header: str
    kind: Kind

    @property
    def numeric(self) -> bool:
        """True for counts, baht and percentages."""
        return self.kind in ("int", "baht", "pct")


@dataclass(frozen=True)
class FigureTable:
    """One breakdown as a table; ``slug`` names its CSV file, ``sheet`` its XLSX sheet (≤ 31 characters)."""

    slug: str
    title: str
    sheet: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: tuple[Value, ...] | None = None


_T: dict[str, dict[str, str]] = {
    "th": {
        "summary": "ตัวเลขสำคัญ", "vendors": "รายได้รายผู้ประกอบการ", "product_types": "รายได้ตามประเภทผลิตภัณฑ์",
        "host_vs_other": "ผู้ประกอบการในจังหวัดและต่างจังหวัด", "provinces": "รายได้ตามจังหวัดของผู้ประกอบการ",
        "districts": "รายได้ตามอำเภอ (จังหวัดเจ้าภาพ)", "days": "รายได้รายวัน", "hours": "รายได้ตามช่วงเวลา",
        "methods": "รายได้ตามช่องทางการชำระเงิน", "stars": "รายได้ตามระดับดาว", "producer_types": "รายได้ตามประเภทผู้ผลิต",
        "top_products": "สินค้าขายดี", "top_vendors": "ผู้ประกอบการที่มีรายได้สูงสุด",
        "missing": "ผู้ประกอบการที่ยังไม่ส่งข้อมูลหรือไม่มียอดขาย", "cash": "การตรวจนับเงินสดปิดวัน",
        "item": "รายการ", "amount": "จำนวนเงิน (บาท)", "count": "จำนวน", "net": "รายได้สุทธิ (บาท)",
        "share": "สัดส่วน (%)", "sales": "จำนวนบิล", "lines": "จำนวนรายการ", "payments": "จำนวนครั้ง",
        "items": "จำนวนชิ้น", "code": "รหัส", "booth": "บูธ", "name": "ชื่อผู้ประกอบการ", "ptype": "ประเภทผลิตภัณฑ์",
        "district": "อำเภอ", "province": "จังหวัด", "star": "ระดับดาว", "producer": "ประเภทผู้ผลิต",
        "refunds": "คืนเงิน (บาท)", "voids": "ยกเลิก (บิล)", "days_sold": "วันที่มียอดขาย",
        "last_export": "ส่งข้อมูลล่าสุด", "rank": "ลำดับ", "sku": "รหัสสินค้า", "product": "ชื่อสินค้า",
        "qty": "จำนวนชิ้น", "date": "วันที่", "till": "เครื่อง", "expected": "เงินสดที่ควรมี (บาท)",
        "counted": "เงินสดที่นับได้ (บาท)", "difference": "ผลต่าง (บาท)", "status": "สถานะ", "day": "วัน",
        "hour": "ช่วงเวลา", "method": "ช่องทางชำระเงิน", "place": "พื้นที่", "total": "รวม",
        "gross": "ยอดขาย", "k_voids": "ยกเลิกการขาย", "k_refunds": "คืนเงิน", "k_net": "รายได้สุทธิ",
        "k_items": "จำนวนสินค้าที่ขายได้ (ชิ้น)", "k_avg": "ยอดเฉลี่ยต่อบิล", "k_vendors": "ผู้ประกอบการที่ลงทะเบียน",
        "k_selling": "ผู้ประกอบการที่มียอดขาย", "no_export": "ไม่ได้ส่งข้อมูล", "no_sales": "ส่งข้อมูลแต่ไม่มียอดขาย",
        "none": "-", "not_counted": "ยังไม่ได้นับ", "till_copy": "{till} (สำเนา {branch})",
        "schemes": "ยอดใช้จ่ายผ่านโครงการรัฐ", "schemes_vendors": "ยอดใช้จ่ายผ่านโครงการรัฐ รายผู้ประกอบการ",
        "schemes_days": "ยอดใช้จ่ายผ่านโครงการรัฐ รายวัน", "scheme": "โครงการ", "spending": "ยอดใช้จ่าย (บาท)",
        "state_share": "ส่วนที่รัฐจ่าย (บาท)", "customer_share": "ส่วนที่ลูกค้าจ่าย (บาท)",
        "share_net": "สัดส่วนของรายได้สุทธิ (%)",
    },
    "en": {
        "summary": "Key figures", "vendors": "Income per vendor", "product_types": "Income per product type",
        "host_vs_other": "Host province and other provinces", "provinces": "Income per vendor province",
        "districts": "Income per district (host province)", "days": "Income per day", "hours": "Income per hour",
        "methods": "Income per payment method", "stars": "Income per star level",
        "producer_types": "Income per producer type", "top_products": "Top products", "top_vendors": "Top vendors",
        "missing": "Vendors without an export or without sales", "cash": "Cash count at day close",
        "item": "Item", "amount": "Amount (baht)", "count": "Count", "net": "Net income (baht)",
        "share": "Share (%)", "sales": "Sales", "lines": "Sale lines", "payments": "Payments", "items": "Items",
        "code": "Code", "booth": "Booth", "name": "Vendor", "ptype": "Product type", "district": "District",
        "province": "Province", "star": "Stars", "producer": "Producer type", "refunds": "Refunds (baht)",
        "voids": "Voided sales", "days_sold": "Days with sales", "last_export": "Last export", "rank": "Rank",
        "sku": "SKU", "product": "Product", "qty": "Quantity", "date": "Date", "till": "Till",
        "expected": "Expected cash (baht)", "counted": "Counted cash (baht)", "difference": "Difference (baht)",
        "status": "Status", "day": "Day", "hour": "Hour", "method": "Payment method", "place": "Area",
        "total": "Total", "gross": "Gross sales", "k_voids": "Voided sales", "k_refunds": "Refunds",
        "k_net": "Net income", "k_items": "Items sold", "k_avg": "Average sale", "k_vendors": "Vendors registered",
        "k_selling": "Vendors with sales", "no_export": "no export", "no_sales": "exported, no sales",
        "none": "-", "not_counted": "not counted", "till_copy": "{till} (copy {branch})",
        "schemes": "Spending brought by state schemes", "schemes_vendors": "State scheme spending per vendor",
        "schemes_days": "State scheme spending per day", "scheme": "Scheme", "spending": "Spending (baht)",
        "state_share": "State's share (baht)", "customer_share": "Customers' share (baht)",
        "share_net": "Share of net income (%)",
    },
}
MISSING_KIND = ("no_export", "no_sales")

#: Sheet names (≤ 31 characters, none of []:*?/\) per breakdown.
_SHEETS: dict[str, dict[str, str]] = {
    "th": {"summary": "สรุป", "vendors": "ผู้ประกอบการ", "product_types": "ประเภทผลิตภัณฑ์",
           "host_vs_other": "ในและนอกจังหวัด", "provinces": "จังหวัด", "districts": "อำเภอ", "days": "รายวัน",
           "hours": "รายชั่วโมง", "methods": "ช่องทางชำระเงิน", "stars": "ระดับดาว", "producer_types": "ประเภทผู้ผลิต",
           "top_products": "สินค้าขายดี", "top_vendors": "ผู้ประกอบการยอดสูงสุด", "missing": "ขาดข้อมูล",
           "cash": "เงินสดปิดวัน", "schemes": "โครงการรัฐ", "schemes_vendors": "โครงการรัฐ รายผู้ประกอบการ",
           "schemes_days": "โครงการรัฐ รายวัน"},
    "en": {"summary": "Summary", "vendors": "Vendors", "product_types": "Product types",
           "host_vs_other": "Host vs other", "provinces": "Provinces", "districts": "Districts", "days": "Days",
           "hours": "Hours", "methods": "Payment methods", "stars": "Stars", "producer_types": "Producer types",
           "top_products": "Top products", "top_vendors": "Top vendors", "missing": "Missing",
           # the English sheet keeps the name it has always had (organisers' workbooks point at it by name)
           "cash": PAYMENT_METHOD.name("cash", "en"), "schemes": "State schemes",
           "schemes_vendors": "Schemes per vendor", "schemes_days": "Schemes per day"},
}


def text(lang: str) -> dict[str, str]:
    """The labels of the report in ``lang`` ("th", else English)."""
    return _T["th" if lang == "th" else "en"]


def till_label(c: CashRow, lang: str) -> int | str:
    """A close's till: its number, or "1 (copy 1)" for the close of a copied till accepted as a branch (the
    laptops share the till number, so the copy's own close must not read as a duplicate)."""
    return _T[lang]["till_copy"].format(till=c.till_no, branch=c.branch) if c.branch else c.till_no


def product_type_label(f: Figures, ptype: str, lang: str) -> str:
    """A product type's name in ``lang`` (the vocabulary's; "not given" and "Other" as the figures' own rows
    write them; any other key as it is, control and bidi characters shown as escapes)."""
    if (ptype and ptype in PRODUCT_TYPE) or (not ptype and lang == "th"):
        return PRODUCT_TYPE.name(ptype, lang)
    row = next((r for r in f.by_product_type if r.key == ptype), None)
    if row is not None:  # "not given", or the figures' "Other" row
        return row.label_th if lang == "th" else row.label_en
    return visible(ptype)  # a type none of the vocabulary's, as a sale line held it: its controls escaped


def producer_type_label(f: Figures, key: str, lang: str) -> str:
    """A producer type's name in ``lang`` ("" when not given)."""
    for r in f.by_producer_type:
        if r.key == key:
            return r.label(lang) if key else ""
    return key


def _row_table(slug: str, rows: Sequence[Row], lang: str, first: str, count: str = "sales") -> FigureTable:
    t = text(lang)
    items = slug != "methods"  # payment methods carry no item counts
    cols: tuple[Column, ...] = (Column(t[first], "text"), Column(t["net"], "baht"), Column(t["share"], "pct"),
                                Column(t[count], "int")) + ((Column(t["items"], "int"),) if items else ())
    body: tuple[tuple[Value, ...], ...] = tuple(
        (r.label(lang), r.net_satang, r.share_bp, r.sales_count) + ((r.items,) if items else ()) for r in rows)
    net = sum(r.net_satang for r in rows)
    total: tuple[Value, ...] = (t["total"], net, 10000 if net > 0 else 0, sum(r.sales_count for r in rows)) \
        + ((sum(r.items for r in rows),) if items else ())
    return FigureTable(slug, t[slug], _SHEETS["th" if lang == "th" else "en"][slug], cols, body, total)


def _vendor_values(f: Figures, v: VendorRow, lang: str) -> tuple[Value, ...]:
    return (v.code, v.booth, v.name, product_type_label(f, v.product_type, lang), v.district, v.province,
            v.star, producer_type_label(f, v.producer_type, lang), v.net_satang, v.sales_count, v.items,
            v.refunds_satang, v.voids_count, v.days_with_sales, v.last_export_at)


def figure_tables(f: Figures, lang: str = "th") -> list[FigureTable]:
    """Every breakdown of ``f`` as a table, in the order the outputs show them."""
    t = text(lang)
    sheets = _SHEETS["th" if lang == "th" else "en"]
    k = f.key

    def table(slug: str, cols: Sequence[Column], rows: Sequence[tuple[Value, ...]],
              total: tuple[Value, ...] | None = None) -> FigureTable:
        return FigureTable(slug, t[slug], sheets[slug], tuple(cols), tuple(rows), total)

    out = [table("summary", [Column(t["item"], "text"), Column(t["amount"], "baht"), Column(t["count"], "int")], [
        (t["gross"], k.gross_satang, k.sales_count), (t["k_voids"], k.voids_satang, k.voids_count),
        (t["k_refunds"], k.refunds_satang, k.refunds_count), (t["k_net"], k.net_satang, k.sales_count - k.voids_count),
        (t["k_items"], None, k.items_sold), (t["k_avg"], k.average_sale_satang, None),
        (t["k_vendors"], None, k.vendors_count), (t["k_selling"], None, k.vendors_with_sales)])]
    vcols = [Column(t["code"], "text"), Column(t["booth"], "text"), Column(t["name"], "text"),
             Column(t["ptype"], "text"), Column(t["district"], "text"), Column(t["province"], "text"),
             Column(t["star"], "int"), Column(t["producer"], "text"), Column(t["net"], "baht"),
             Column(t["sales"], "int"), Column(t["items"], "int"), Column(t["refunds"], "baht"),
             Column(t["voids"], "int"), Column(t["days_sold"], "int"), Column(t["last_export"], "datetime")]
    vs = f.by_vendor
    out.append(table("vendors", vcols, [_vendor_values(f, v, lang) for v in vs],
                     (t["total"], None, None, None, None, None, None, None, sum(v.net_satang for v in vs),
                      sum(v.sales_count for v in vs), sum(v.items for v in vs), sum(v.refunds_satang for v in vs),
                      sum(v.voids_count for v in vs), None, None)))
    out += [_row_table("product_types", f.by_product_type, lang, "ptype", "lines"),
            _row_table("host_vs_other", f.host_vs_other, lang, "place"),
            _row_table("provinces", f.by_province, lang, "province"),
            _row_table("districts", f.by_district, lang, "district"),
            _row_table("days", f.by_day, lang, "day"),
            _row_table("hours", f.by_hour, lang, "hour"),
            _row_table("methods", f.by_method, lang, "method", "payments")]
    out += _scheme_tables(f, lang)
    out += [_row_table("stars", f.by_star, lang, "star"),
            _row_table("producer_types", f.by_producer_type, lang, "producer")]
    out.append(table("top_products", [Column(t["rank"], "int"), Column(t["sku"], "text"), Column(t["product"], "text"),
                                      Column(t["code"], "text"), Column(t["name"], "text"), Column(t["ptype"], "text"),
                                      Column(t["qty"], "int"), Column(t["net"], "baht")],
                     [(n, p.sku, p.name, p.vendor_code, p.vendor_name, product_type_label(f, p.product_type, lang),
                       p.qty, p.net_satang) for n, p in enumerate(f.top_products, 1)]))
    out.append(table("top_vendors", [Column(t["rank"], "int"), Column(t["code"], "text"), Column(t["booth"], "text"),
                                     Column(t["name"], "text"), Column(t["province"], "text"),
                                     Column(t["net"], "baht"), Column(t["sales"], "int"), Column(t["items"], "int")],
                     [(n, v.code, v.booth, v.name, v.province, v.net_satang, v.sales_count, v.items)
                      for n, v in enumerate(f.top_vendors, 1)]))
    out.append(table("missing", [Column(t["date"], "date"), Column(t["booth"], "text"), Column(t["code"], "text"),
                                 Column(t["name"], "text"), Column(t["status"], "text")],
                     [(m.business_date, m.booth, m.vendor_code, m.vendor_name, t[m.kind]) for m in f.missing]))
    out.append(table("cash", [Column(t["date"], "date"), Column(t["booth"], "text"), Column(t["till"], "int"),
                              Column(t["code"], "text"), Column(t["expected"], "baht"), Column(t["counted"], "baht"),
                              Column(t["difference"], "baht")],
                     [(c.business_date, c.booth, till_label(c, lang), c.vendor_code, c.expected_satang, c.counted_satang,
                       c.difference_satang) for c in f.cash],
                     (t["total"], None, None, None, sum(c.expected_satang or 0 for c in f.cash),
                      sum(c.counted_satang or 0 for c in f.cash), sum(c.difference_satang or 0 for c in f.cash))))
    return out


def _scheme_tables(f: Figures, lang: str) -> list[FigureTable]:
    """The spending brought by the state schemes: per scheme, per scheme and vendor, per scheme and day (none
    when the figures name no scheme)."""
    rows = scheme_rows(f)
    if not rows:
        return []
    t, sheets = text(lang), _SHEETS["th" if lang == "th" else "en"]
    money = [Column(t["spending"], "baht"), Column(t["state_share"], "baht"), Column(t["customer_share"], "baht")]

    def table(slug: str, cols: Sequence[Column], body: Sequence[tuple[Value, ...]],
              total: tuple[Value, ...]) -> FigureTable:
        return FigureTable(slug, t[slug], sheets[slug], tuple(cols), tuple(body), total)

    whole = sum(r.spending_satang for r in rows)
    state = sum(r.state_satang for r in rows)
    customers = sum(r.customer_satang for r in rows)
    share = share_bp(whole, f.key.net_satang)
    vendors = scheme_vendor_rows(f)
    days = scheme_day_rows(f)
    return [
        table("schemes", [Column(t["scheme"], "text"), Column(t["code"], "text"), *money, Column(t["share_net"], "pct")],
              [(r.scheme.name(lang), r.scheme.code, r.spending_satang, r.state_satang, r.customer_satang, r.share_bp)
               for r in rows], (t["total"], None, whole, state, customers, share)),
        table("schemes_vendors", [Column(t["scheme"], "text"), Column(t["code"], "text"), Column(t["booth"], "text"),
                                  Column(t["name"], "text"), *money],
              [(v.scheme.name(lang), v.vendor_code, v.booth, v.vendor_name, v.spending_satang, v.state_satang,
                v.customer_satang) for v in vendors],
              (t["total"], None, None, None, sum(v.spending_satang for v in vendors),
               sum(v.state_satang for v in vendors), sum(v.customer_satang for v in vendors))),
        table("schemes_days", [Column(t["scheme"], "text"), Column(t["date"], "date"), *money],
              [(d.scheme.name(lang), d.business_date, d.spending_satang, d.state_satang, d.customer_satang)
               for d in days],
              (t["total"], None, sum(d.spending_satang for d in days), sum(d.state_satang for d in days),
               sum(d.customer_satang for d in days))),
    ]

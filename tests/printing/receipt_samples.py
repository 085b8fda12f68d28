"""Sample receipts and Z reports for the printing tests and the benchmark (fixed times, plain data)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

from otop_pos.core.documents import ReceiptDoc, ReceiptLine, ReceiptPayment, ZReportDoc

ISSUED = datetime(2020, 10, 26, 10, 45, tzinfo=timezone.utc)  # 17:45 in Bangkok, 26 ต.ค. 2563
PROMPTPAY_TARGET = "0801234567"

#: (name, qty, unit satang, line discount satang)
THAI_ITEMS: list[tuple[str, int, int, int]] = [
    ("น้ำพริกเผาสูตรแม่บ้าน", 1, 4500, 0),
    ("ผ้าไหมมัดหมี่ลายญี่ปุ่น", 1, 119000, 0),
    ("ของที่ระลึกงานครั้งที่ 20", 2, 12000, 0),
    ("น้ำผึ้งป่าแท้ 500 มล.", 1, 25000, 2500),
    ("เครื่องดื่มสมุนไพรตะไคร้", 3, 3075, 0),
    ("ข้าวหอมมะลิ 5 กก.", 1, 18500, 0),
    ("สบู่สมุนไพรขมิ้น", 2, 6000, 0),
    ("กระเป๋าสานกระจูด", 1, 45000, 0),
    ("ชาเขียวใบหม่อน", 1, 12000, 0),
    ("ปลาร้าบอง", 2, 6000, 0),
    ("กล้วยตาก", 1, 5000, 0),
    ("ทองม้วนกรอบ", 2, 6000, 0),
    ("ผ้าขาวม้าทอมือ", 1, 15000, 0),
    ("หมอนขิด", 1, 35000, 0),
    ("ไข่เค็มไชยา", 6, 1000, 0),
    ("น้ำมะขามเปียก", 1, 3500, 0),
    ("แหนมหมู", 2, 5000, 0),
    ("ยาดมสมุนไพร", 4, 2500, 0),
    ("เสื่อกก", 1, 60000, 0),
    ("ข้าวเกรียบปลา", 1, 4000, 0),
    ("ลูกประคบ", 2, 8000, 0),
    ("กาแฟดอยช้าง", 1, 25000, 0),
    ("น้ำพริกนรก", 1, 5500, 0),
    ("ขนมเปี๊ยะ", 1, 12000, 0),
    ("ครีมมะหาด", 1, 15000, 0),
]
ENGLISH_ITEMS: list[tuple[str, int, int, int]] = [
    ("Chili paste (Nam Prik Pao)", 1, 4500, 0),
    ("Mudmee silk scarf, natural dye", 1, 119000, 0),
    ("Wild honey 500 ml", 2, 25000, 2500),
    ("Jasmine rice 5 kg", 1, 18500, 0),
    ("Turmeric herbal soap", 3, 3075, 0),
]
LONG_NAME = "ผ้าไหมมัดหมี่ลายโบราณย้อมสีธรรมชาติจากบ้านโนนสะอาด ครั้งที่ 20 ญี่ปุ่น น้ำเงินคราม"


def lines_of(items: list[tuple[str, int, int, int]]) -> tuple[ReceiptLine, ...]:
    return tuple(ReceiptLine(n, q, u, d, q * u - d, sku=f"8850000{i:06d}")
                 for i, (n, q, u, d) in enumerate(items))


def sale(items: list[tuple[str, int, int, int]] | None = None, *, n: int = 8, cash: bool = True,
         **overrides: object) -> ReceiptDoc:
    """A Thai sale with a bill discount, a cash payment with change, PromptPay QR and receipt-number QR."""
    if items is None:
        items = [THAI_ITEMS[i % len(THAI_ITEMS)] for i in range(n)]
    lines = lines_of(items)
    subtotal = sum(ln.total_satang for ln in lines)
    discount = 1000
    total = subtotal - discount
    if cash:
        payments = (ReceiptPayment("cash", total, tendered_satang=(total // 10000 + 1) * 10000,
                                   change_satang=(total // 10000 + 1) * 10000 - total),)
    else:
        payments = (ReceiptPayment("promptpay", total, reference="REF20201026A1"),)
    doc = ReceiptDoc(
        kind="sale",
        number="B12-1-20201026-0042",
        issued_at=ISSUED,
        shop_name="วิสาหกิจชุมชนทอผ้าบ้านโนนสะอาด",
        lines=lines,
        subtotal_satang=subtotal,
        sale_discount_satang=discount,
        total_satang=total,
        payments=payments,
        change_satang=payments[0].change_satang,
        item_count=sum(ln.qty for ln in lines),
        fair_name="OTOP CITY IN KHONKAEN ครั้งที่ 20",
        booth="A12",
        till="1",
        tax_id="0994000123456",
        header_lines=("โทร 081-234-5678",),
        footer_lines=("ขอบคุณที่อุดหนุนสินค้าชุมชน",),
        cashier="สมศรี",
        promptpay_target=PROMPTPAY_TARGET,
        show_promptpay_qr=True,
    )
    return replace(doc, **overrides)  # type: ignore[arg-type]


def english_sale(**overrides: object) -> ReceiptDoc:
    doc = sale(ENGLISH_ITEMS, lang="en", shop_name="Ban Non Sa-at Weaving Group",
               fair_name="OTOP CITY IN KHONKAEN No. 20", header_lines=("Tel. 081-234-5678",),
               footer_lines=("Thank you for supporting community products",), cashier="Somsri")
    return replace(doc, **overrides)  # type: ignore[arg-type]


def refund() -> ReceiptDoc:
    lines = lines_of([("น้ำผึ้งป่าแท้ 500 มล.", 1, 25000, 0)])
    return sale(
        [("น้ำผึ้งป่าแท้ 500 มล.", 1, 25000, 0)], kind="refund", number="B12-1-20201027-0003",
        lines=lines, subtotal_satang=25000, sale_discount_satang=0, total_satang=25000,
        payments=(ReceiptPayment("cash", 25000),), change_satang=0, item_count=1,
        original_number="B12-1-20201026-0042", reason="ขวดแตก ลูกค้าขอคืนเงิน", show_promptpay_qr=False,
    )


def real25(n_items: int = 25, **overrides: object) -> ReceiptDoc:
    """A PromptPay-paid Thai receipt of ``n_items`` products with one QR (the PromptPay one)."""
    kw: dict[str, object] = {"number_code": "none", "sale_discount_satang": 0}
    kw.update(overrides)
    lines = lines_of(THAI_ITEMS[:n_items])
    total = sum(ln.total_satang for ln in lines)
    doc = sale(THAI_ITEMS[:n_items], cash=False)
    return replace(doc, lines=lines, subtotal_satang=total, total_satang=total,
                   item_count=sum(ln.qty for ln in lines),
                   payments=(ReceiptPayment("promptpay", total, reference="REF20201026A1"),),
                   **kw)  # type: ignore[arg-type]


def twenty_five_lines(**overrides: object) -> ReceiptDoc:
    """The size-budget receipt: 25 printed text lines (7 header, 11 products + 1 discount row, total,
    amount in words, payment, reference, QR caption, footer) and the PromptPay QR."""
    return real25(11, **overrides)


def zreport(lang: str = "th") -> ZReportDoc:
    return ZReportDoc(
        shop_name="วิสาหกิจชุมชนทอผ้าบ้านโนนสะอาด", booth="A12", till="1",
        business_date=date(2020, 10, 26),
        opened_at=datetime(2020, 10, 26, 2, 0, tzinfo=timezone.utc),
        closed_at=datetime(2020, 10, 26, 13, 30, tzinfo=timezone.utc),
        float_satang=100000, cash_sales_satang=1250050, cash_refunds_satang=25000,
        expected_cash_satang=1325050, counted_cash_satang=1324050, difference_satang=-1000,
        by_method=(("cash", 1250050), ("promptpay", 830000), ("transfer", 0), ("other", 0)),
        sales_count=57, voids_count=1, voids_satang=4500, refunds_count=1, refunds_satang=25000,
        gross_satang=2084550, net_satang=2055050, first_number="B12-1-20201026-0001",
        last_number="B12-1-20201026-0059", fair_name="OTOP CITY IN KHONKAEN ครั้งที่ 20",
        counts=((100000, 10), (50000, 4), (10000, 12), (2000, 2), (50, 1)),
        lang=lang,  # type: ignore[arg-type]
    )

"""An export whose every column holds a value of its own (no two money columns equal, no default left), signed
with a booth package's key: to see that each column lands in its own column of the fair store."""
from __future__ import annotations

import dataclasses
import uuid as uuidlib
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from otop_pos.core.chain import GENESIS, chain_hash, refund_doc, sale_doc, void_doc
from otop_pos.exchange.export_format import write_export
from otop_pos.exchange.export_model import (
    ExportData, ExportDay, ExportLine, ExportPayment, ExportRefund, ExportRefundLine, ExportSale, ExportVoid,
)
from otop_pos.exchange.package_format import BoothPackage

DAY = date(2020, 10, 27)
TILL_UUID = "5d0c3a4e-8f1b-4c2d-9e7a-1b2c3d4e5f60"


def _at(minute: int) -> datetime:
    return datetime(2020, 10, 27, 4, minute, 7, 123456 + minute, tzinfo=timezone.utc)


def _u(n: int) -> str:
    return str(uuidlib.UUID(int=0x1234_0000_0000_4000_8000_0000_0000_0000 + n))


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="microseconds")


def distinct_export(pkg: BoothPackage, sale_cls: type = ExportSale, sale_extra: dict[str, Any] | None = None
                    ) -> ExportData:
    """Two sales (one with two lines, two payments and a sale discount; one voided), a void, a refund of one
    line and a closed day, chained and consistent. ``sale_cls``/``sale_extra``: a row class with more fields
    and their values (for a format with an added column)."""
    extra = sale_extra or {}
    code, booth = pkg.vendor.code, pkg.vendor.booth
    a, b, v, r = _u(1), _u(2), _u(3), _u(4)
    lines = (ExportLine(a, 1, "SKU-A1", "ผ้าไหมมัดหมี่", "ผ้า เครื่องแต่งกาย", 3, 1200, 1100, 50, 3250, 25, 3225),
             ExportLine(a, 2, "SKU-A2", "ข้าวหอมมะลิ", "อาหาร", 2, 750, 700, 10, 1390, 15, 1375),
             ExportLine(b, 1, "SKU-B1", "ตะกร้าสาน", "ของใช้ ของตกแต่งและของที่ระลึก", 1, 990, 990, 0, 990, 0, 990))
    pays = (ExportPayment(a, "cash", 1600, 2000, 400, ""), ExportPayment(a, "promptpay", 3000, None, 0, "PP-REF-77"),
            ExportPayment(b, "cash", 990, 1000, 10, ""))
    refund_lines = (ExportRefundLine(r, a, 2, 1, 650),)
    docs: list[tuple[Any, dict[str, Any]]] = []
    sales = []
    for seq, (uid, num, minute, sub, disc, total, paid, change, items) in enumerate(
            ((a, "KK-0001", 5, 4640, 40, 4600, 4600, 400, 5), (b, "KK-0002", 9, 990, 0, 990, 990, 10, 1)), start=1):
        sales.append(dict(uuid=uid, number=num, seq=seq, created_at=_at(minute), business_date=DAY,
                          cashier=f"แคชเชียร์ {seq}", subtotal_satang=sub, sale_discount_satang=disc,
                          total_satang=total, paid_satang=paid, change_satang=change, item_count=items, **extra))
        docs.append((sales[-1], sale_doc(
            uuid=uid, seq=seq, number=num, at=_iso(_at(minute)), total=total, discount=disc,
            lines=[(ln.sku, ln.qty, ln.unit_price_satang, ln.discount_satang, ln.net_satang) for ln in lines
                   if ln.sale_uuid == uid],
            payments=[(p.method, p.amount_satang, p.reference) for p in pays if p.sale_uuid == uid])))
    void = dict(uuid=v, number="KK-V001", seq=3, sale_uuid=b, created_at=_at(21), business_date=DAY,
                reason="ลูกค้าเปลี่ยนใจ", by="หัวหน้าบูธ", amount_satang=990, cash_returned_satang=980)
    docs.append((void, void_doc(uuid=v, seq=3, number="KK-V001", at=_iso(_at(21)), sale=b, amount=990,
                                reason=void["reason"])))
    refund = dict(uuid=r, number="KK-R001", seq=4, sale_uuid=a, created_at=_at(33), business_date=DAY,
                  reason="สินค้าชำรุด", by="ผู้จัดการ", method="transfer", amount_satang=650, reference="TR-55")
    docs.append((refund, refund_doc(uuid=r, seq=4, number="KK-R001", at=_iso(_at(33)), sale=a, amount=650,
                                    method="transfer", reason=refund["reason"], lines=[(2, 1, 650)])))
    prev = GENESIS
    for row, doc in docs:
        row["prev_hash"], row["hash"] = prev, chain_hash(prev, doc)
        prev = row["hash"]
    day = ExportDay(_u(9), DAY, _at(1), _at(50), 50000, 51590, 51580, -10, {100000: 0, 2000: 3, 50: 7},
                    {"cash": 1580, "promptpay": 3000, "transfer": -650})
    order = [f.name for f in dataclasses.fields(sale_cls)]
    return ExportData(booth, 1, TILL_UUID, code, pkg.fair.id, pkg.key_id,
                      tuple(sale_cls(**{k: s[k] for k in order}) for s in sales), lines, pays,
                      (ExportVoid(**void),), (ExportRefund(**refund),), refund_lines, (day,))


def write_distinct(pkg: BoothPackage, out: Path, **kw: Any) -> Path:
    """``distinct_export`` written and signed as export 1 of the till."""
    return write_export(out, distinct_export(pkg, **kw), pkg.private_key_pem, 1, _at(55))

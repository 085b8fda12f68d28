"""Helpers for the PDF tests: sample documents and the poppler / tesseract command-line tools."""
from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from otop_pos.core.documents import ReceiptDoc, ReceiptLine, ReceiptPayment, ZReportDoc

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "otop-city-khonkaen-2563"
NEWS = Path(__file__).resolve().parents[3] / "shared" / "docs" / "news-otop-city-khonkaen-2563.txt"


def need(tool: str) -> str:
    """The path of ``tool``; skips the test when it is not installed."""
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (apt-get install poppler-utils tesseract-ocr-tha)")
    return found


def pdftotext(path: Path, *, layout: bool = True) -> str:
    """The text poppler extracts from ``path`` (``pdftotext -layout file -``)."""
    args = [need("pdftotext")] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pypdf_text(path: Path) -> str:
    """The text pypdf extracts from every page."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def render(path: Path, dpi: int = 150, *, gray: bool = False) -> list[Path]:
    """Render every page with ``pdftoppm -png``; returns the PNG paths in page order."""
    prefix = path.with_suffix("")
    args = [need("pdftoppm"), "-png", "-r", str(dpi)] + (["-gray"] if gray else []) + [str(path), str(prefix)]
    subprocess.run(args, check=True, capture_output=True)
    return sorted(path.parent.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


LINES = (
    ReceiptLine("น้ำกระเจี๊ยบ ครั้งที่ 20", 2, 3075, 0, 6150, "KK20-0002-02"),
    ReceiptLine("เครื่องดื่มสมุนไพร บ้านหนองแวง", 1, 4500, 500, 4000),
    ReceiptLine("ผ้าไหมมัดหมี่ลายโบราณ ญี่ปุ่น", 1, 112500, 0, 112500),
    ReceiptLine("Matcha latte", 1, 1000, 0, 1000),
)
TOTAL = 6150 + 4000 + 112500 + 1000 - 200  # 1,234.50 after a 2.00 bill discount
ISSUED = datetime(2020, 10, 26, 10, 45, tzinfo=timezone.utc)  # 17:45 in Bangkok


def make_receipt(**changes: Any) -> ReceiptDoc:
    """A sale of 1,234.50 baht at the Khon Kaen fair; ``changes`` override fields."""
    fields: dict[str, Any] = dict(
        kind="sale", number="C002-1-000123", issued_at=ISSUED, shop_name="กลุ่มสตรีบ้านหนองแวง",
        lines=LINES, subtotal_satang=TOTAL + 200, sale_discount_satang=200, total_satang=TOTAL,
        payments=(ReceiptPayment("cash", TOTAL, 150000, 150000 - TOTAL),), change_satang=150000 - TOTAL,
        item_count=5, fair_name="OTOP CITY IN KHONKAEN ครั้งที่ 20", booth="C002", till="1",
        tax_id="0994000123456", header_lines=("123 หมู่ 4 ตำบลในเมือง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น",),
        footer_lines=("ขอบคุณที่อุดหนุนสินค้าชุมชน",), cashier="มาลัย พรมมา",
    )
    fields.update(changes)
    return ReceiptDoc(**fields)


def make_zreport(**changes: Any) -> ZReportDoc:
    """A closed till day with 5.50 baht short in the drawer."""
    fields: dict[str, Any] = dict(
        shop_name="กลุ่มสตรีบ้านหนองแวง", booth="C002", till="1", business_date=date(2020, 10, 26),
        opened_at=datetime(2020, 10, 26, 2, 0, tzinfo=timezone.utc),
        closed_at=datetime(2020, 10, 26, 13, 30, tzinfo=timezone.utc),
        float_satang=100000, cash_sales_satang=1234550, cash_refunds_satang=4000,
        expected_cash_satang=1330550, counted_cash_satang=1330000, difference_satang=-550,
        by_method=(("cash", 1234550), ("promptpay", 560000), ("transfer", 15000), ("other", 0)),
        sales_count=57, voids_count=2, voids_satang=12000, refunds_count=1, refunds_satang=4000,
        gross_satang=1825550, net_satang=1809550, first_number="C002-1-000001", last_number="C002-1-000060",
        fair_name="OTOP CITY IN KHONKAEN ครั้งที่ 20",
        counts=((100000, 10), (50000, 3), (10000, 10), (2000, 6), (1000, 3), (50, 1)),
    )
    fields.update(changes)
    return ZReportDoc(**fields)


def load_image(path: Path) -> Any:
    """The PNG at ``path`` as a PIL image, read fully and with its file closed."""
    from PIL import Image

    with Image.open(path) as image:
        image.load()
        return image.copy()

"""Red team 2 (issue 11): the organiser workbook's sheet names are part of what a user sees and of what their
own spreadsheets refer to (``='Cash'!E2``, Power Query steps by sheet name). Issue 11 changes no behaviour a
user sees except defects fixed on the way; the English sheet of the day-close cash count was renamed from
"Cash" to "Day-close cash" in the vocabulary commit (1c1affd) without being listed as a fix — apparently so
that the literal "Cash" no longer trips ``tests/test_vocabulary_once.py``. A workbook written by c629c17 (before
issue 11) had these sheets, read back from ``otop-pos fair report --xlsx --lang en``."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from otop_pos.reports.xlsx_out import write_figures_xlsx
from tests.reports.figures_sample import sample_figures

#: The sheets of the report workbook as c629c17 wrote them (read back from its own XLSX, Thai and English).
BEFORE_ISSUE_11 = {
    "th": ["รายงาน", "สรุป", "ผู้ประกอบการ", "ประเภทผลิตภัณฑ์", "ในและนอกจังหวัด", "จังหวัด", "อำเภอ", "รายวัน",
           "รายชั่วโมง", "ช่องทางชำระเงิน", "ระดับดาว", "ประเภทผู้ผลิต", "สินค้าขายดี", "ผู้ประกอบการยอดสูงสุด",
           "ขาดข้อมูล", "เงินสดปิดวัน"],
    "en": ["Report", "Summary", "Vendors", "Product types", "Host vs other", "Provinces", "Districts", "Days",
           "Hours", "Payment methods", "Stars", "Producer types", "Top products", "Top vendors", "Missing", "Cash"],
}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_report_workbook_keeps_the_sheet_names_of_before_issue_11(tmp_path: Path, lang: str) -> None:
    path = tmp_path / "report.xlsx"
    write_figures_xlsx(sample_figures(12), path, lang=lang)
    assert openpyxl.load_workbook(path).sheetnames == BEFORE_ISSUE_11[lang]

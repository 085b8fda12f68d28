"""The report's plain figures: the JSON form carries every figure (satang ints, ISO dates), and the
spreadsheet text helper neutralises formula injection."""
from __future__ import annotations

import json
from dataclasses import fields

import pytest

from otop_pos.reports.model import BREAKDOWNS, Figures, figures_to_json
from otop_pos.reports.safe_cells import is_dangerous, safe_text
from tests.reports.figures_sample import sample_figures


def test_json_carries_every_figure_in_satang_with_iso_dates() -> None:
    f = sample_figures(12)
    data = figures_to_json(f)
    assert set(data) == {fl.name for fl in fields(Figures)}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data  # plain JSON all the way down
    assert data["key"]["net_satang"] == f.key.net_satang and isinstance(data["key"]["net_satang"], int)
    assert data["period"] == {"first": "2020-10-26", "last": "2020-11-01", "days": 7}
    assert data["printed_at"] == "2020-11-01T14:00:00+00:00"
    assert data["by_vendor"][0]["last_export_at"].endswith("+00:00")
    assert data["cash"][1] == {"vendor_code": "KK20-0002", "booth": "B002", "till_no": 2,
                               "business_date": "2020-10-26", "expected_satang": 2050025,
                               "counted_satang": 2048025, "difference_satang": -2000, "branch": 0}
    assert data["cash"][2]["counted_satang"] is None
    for name in BREAKDOWNS:
        assert sum(r["net_satang"] for r in data[name]) in (f.key.net_satang, data["host_vs_other"][0]["net_satang"])
    assert f.fair_name == "OTOP CITY IN KHONKAEN ครั้งที่ 20"
    assert [r.label("en") for r in f.by_method][:2] == ["Cash", "PromptPay"]


@pytest.mark.parametrize("text, expected", [
    ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
    ("+66812345678", "'+66812345678"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("\nx", "'\nx"),
    ("\0=1+1", "'=1+1"),
    ("＝1+1", "'＝1+1"),
    ("กลุ่ม=ดี", "กลุ่ม=ดี"),
    ("a\0b\x07c", "abc"),
    ("", ""),
    ("'quoted", "'quoted"),
])
def test_safe_text(text: str, expected: str) -> None:
    assert safe_text(text) == expected
    assert not is_dangerous(safe_text(text)) or safe_text(text).startswith("'")

"""#14 item 7: a vendor name too long for a chart is cut between words, with "…", never inside a syllable."""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from otop_pos.core.thai_wordbreak import segment
from otop_pos.reports.model import VendorRow
from otop_pos.ui.fonts import app_font
from otop_pos.ui.organiser.charts import ChartCard, cut_at_word, show_top_vendors

SHARED_DATA = Path(__file__).resolve().parents[4] / "shared" / "data" / "otop-city-khonkaen-2563"


def registry() -> list[dict[str, str]]:
    with (SHARED_DATA / "vendors.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def cut_ok(label: str, name: str) -> bool:
    """``label`` is ``name`` whole, or its first whole words (as the word breaker cuts them) and "…"."""
    if label == name:
        return True
    words = segment(name)
    return any(label == "".join(words[:k]).rstrip() + "…" for k in range(1, len(words)))


@pytest.mark.parametrize("share", [0.3, 0.5, 0.8])
def test_every_long_registry_name_is_cut_after_a_whole_word(qapp: QApplication, share: float) -> None:
    metrics = QFontMetrics(app_font(13))
    names = {row["ชื่อกลุ่ม/ผู้ประกอบการ"] for row in registry()}
    room = int(share * max(metrics.horizontalAdvance(n) for n in names))  # whatever font the theme installed
    labels = {name: cut_at_word(name, metrics, room) for name in names}
    assert [(n, lab) for n, lab in labels.items() if not cut_ok(lab, n)] == []
    cut = {n: lab for n, lab in labels.items() if lab != n}
    assert cut, "some registry names are longer than the room"
    # a cut label fits its room unless it is a single word that alone is wider
    assert [lab for lab in cut.values()
            if metrics.horizontalAdvance(lab) > room and len(segment(lab[:-1])) > 1] == []
    assert "กลุ่มแม่บ้...นาเพียง" not in labels.values()


def test_the_top_vendors_chart_shows_names_cut_at_words(qapp: QApplication, qtbot: Any) -> None:
    rows = sorted(registry(), key=lambda r: -len(r["ชื่อกลุ่ม/ผู้ประกอบการ"]))[:10]
    vendors = [VendorRow(r["รหัสผู้ประกอบการ"], r["ชื่อกลุ่ม/ผู้ประกอบการ"], r["ประเภทผลิตภัณฑ์"], "", "", None,
                         r["บูธ"], "", 100_000 * (20 - i), 1, 1, 0, 0, 1, None) for i, r in enumerate(rows)]
    card = ChartCard("top")
    qtbot.addWidget(card)
    card.resize(400, 420)
    card.show()
    show_top_vendors(card, vendors)
    [axis] = [a for a in card.chart.axes() if isinstance(a, QBarCategoryAxis)]
    labels = axis.categories()
    assert len(labels) >= 3 and len(set(labels)) == len(labels)
    by_booth = {v.booth: v.name for v in vendors}
    names = {v.name for v in vendors}
    bad = []
    for label in labels:
        booth = re.match(r"^([A-Z]\d+) (.*)$", label)   # a repeated cut gets its booth in front
        if booth and booth.group(1) in by_booth:
            ok = cut_ok(booth.group(2), by_booth[booth.group(1)])
        else:
            ok = any(cut_ok(label, n) for n in names)
        if not ok:
            bad.append(label)
    assert bad == []
    assert any(label.endswith("…") for label in labels)

"""The import log names the orders a file added beside its sales (Thai and English), and passes the model tester."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from PySide6.QtCore import Qt

from otop_pos.fair.status import LogEntry
from otop_pos.ui.organiser.i18n import install_organiser_language
from otop_pos.ui.organiser.models import ImportLogModel


def _entry(orders: int) -> LogEntry:
    return LogEntry(datetime(2020, 10, 26, 14, tzinfo=timezone.utc), "B001.otopx", "imported", "", "", "",
                    "KK20-0001", "B001", 1, 12, 1, 0, orders)


@pytest.mark.parametrize(("lang", "want"), [("th", "เพิ่มการขาย 12 ยกเลิก 1 คืนเงิน 0 สั่งจอง 3 รายการ"),
                                            ("en", "added 12 sales, 1 voids, 0 refunds, 3 orders")])
def test_the_details_of_an_import_name_its_orders(qapp: Any, qtmodeltester: Any, lang: str, want: str) -> None:
    install_organiser_language(lang)
    try:
        model = ImportLogModel()
        model.set_rows([_entry(3), _entry(0)])
        qtmodeltester.check(model)
        details = model.columnCount() - 1
        assert model.data(model.index(0, details), Qt.ItemDataRole.DisplayRole) == want
        none = str(model.data(model.index(1, details), Qt.ItemDataRole.DisplayRole))
        assert "order" not in none and "สั่งจอง" not in none and none.startswith(want[:10])   # no orders: not said
    finally:
        install_organiser_language("th")

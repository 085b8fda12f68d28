"""The dashboard's orders (ยอดสั่งจอง), in Thai: a fair whose two booths took, delivered (one after the fair)
and cancelled orders shows, over the fair's days, the card "ยอดสั่งจอง" with the value taken, the orders, the
deposits — the booths' own figures — and the value still open at the fair's end (the order delivered after the
fair with those never delivered), and the "ยอดสั่งจอง" tab lists the orders per day; a single day shows that
day's orders and what was open at its end."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from otop_pos.core.clock import FixedClock
from otop_pos.fair.store import open_fair_store
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.organiser.i18n import install_organiser_language, money
from otop_pos.ui.organiser.main_window import OrganiserWindow
from tests.fair.order_fair import DAY2, OrderFair, build_order_fair

from .conftest import make_ctx, open_window

CLOCK = datetime(2020, 11, 4, 16, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def order_fair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, OrderFair]:
    root = tmp_path_factory.mktemp("dashboard-orders")
    store = open_fair_store(str(root / "fair.sqlite"))
    try:
        return root / "fair.sqlite", build_order_fair(store, FixedClock(CLOCK, step=timedelta(seconds=1)), root)
    finally:
        store.dispose()


@pytest.fixture
def thai_window(order_fair: tuple[Path, OrderFair], qapp: QApplication, qtbot: Any,
                tmp_path: Path) -> Iterator[OrganiserWindow]:
    store = open_fair_store(str(order_fair[0]))
    apply_organiser_theme(qapp, 800)
    ctx = make_ctx(store, FixedClock(CLOCK, step=timedelta(seconds=1)), tmp_path, lang="th")
    w = open_window(ctx, qtbot)
    qtbot.waitUntil(lambda: w.dashboard.figures is not None, timeout=20000)
    yield w
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
    w.close()
    ctx.shutdown()
    store.dispose()
    install_organiser_language("en")


def test_the_card_and_the_tab_show_the_orders_in_thai_and_one_day_shows_that_days(
        thai_window: OrganiserWindow, order_fair: tuple[Path, OrderFair], qtbot: Any) -> None:
    d = thai_window.dashboard
    total = order_fair[1].total()
    card = d.kpi["orders"]
    assert card.caption.text() == "ยอดสั่งจอง"
    assert card.value.text() == money(total["taken_satang"])
    at_end = total["open_satang"] + order_fair[1].late_satang
    assert card.note.text() == (f"{total['taken_count']} ใบ · มัดจำ {money(total['deposits_satang'])} · "
                                f"ค้างส่ง {money(at_end)}")
    assert d.tabs.tabText(d.tabs.indexOf(d.orders_tab)) == "ยอดสั่งจอง"
    assert d.tabs.indexOf(d.orders_tab) == d.tabs.indexOf(d.schemes_tab) + 1
    model = d.orders_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["วัน", "รับสั่ง", "มูลค่า", "ส่งมอบ", "ยกเลิก", "ค้างส่งสิ้นวัน"]
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    per_day = d.figures.orders_per_day if d.figures is not None else {}
    assert [row[0] for row in shown] == ["26 ต.ค. 2563", "27 ต.ค. 2563"]   # the fair's days only
    for row, o in zip(shown, per_day.values()):
        assert row[1:] == [str(o["taken_count"]), money(o["taken_satang"]), str(o["delivered_count"]),
                           str(o["cancelled_count"]), money(o["open_satang"])]
    assert sum(o["taken_satang"] for o in per_day.values()) == total["taken_satang"]
    assert f"ยังไม่ส่งมอบ {total['open_count'] + 1} ใบ มูลค่า {money(at_end)}" in d.orders_tab.note.text()
    with qtbot.waitSignal(d.figuresShown, timeout=20000):
        d.set_range(DAY2, DAY2)
    day2 = per_day[DAY2.isoformat()]
    assert card.value.text() == money(day2["taken_satang"])
    assert card.note.text() == (f"{day2['taken_count']} ใบ · มัดจำ {money(day2['deposits_satang'])} · "
                                f"ค้างส่ง {money(day2['open_satang'])}")
    assert model.rowCount() == 1 and model.index(0, 0).data() == "27 ต.ค. 2563"

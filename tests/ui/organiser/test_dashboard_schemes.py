"""The dashboard's state schemes, in Thai: a fair whose two booths sold through คนละครึ่ง and the welfare card
shows the card "ยอดใช้จ่ายผ่านโครงการรัฐ" with the spending the schemes brought and the state's share, and the
"โครงการรัฐ" tab lists each scheme's spending, the state's and the customers' shares and its share of the
income — the booths' own figures; a single day shows that day's."""
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
from tests.fair.scheme_fair import DAY2, SchemeFair, build_scheme_fair, minus, summed

from .conftest import make_ctx, open_window

CLOCK = datetime(2020, 11, 1, 16, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def scheme_fair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SchemeFair]:
    root = tmp_path_factory.mktemp("dashboard-schemes")
    store = open_fair_store(str(root / "fair.sqlite"))
    try:
        return root / "fair.sqlite", build_scheme_fair(store, FixedClock(CLOCK, step=timedelta(seconds=1)), root)
    finally:
        store.dispose()


@pytest.fixture
def thai_window(scheme_fair: tuple[Path, SchemeFair], qapp: QApplication, qtbot: Any,
                tmp_path: Path) -> Iterator[OrganiserWindow]:
    store = open_fair_store(str(scheme_fair[0]))
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


def whole(sh: dict[str, int]) -> int:
    return sh["customer_satang"] + sh["state_satang"]


def test_the_card_and_the_tab_show_the_schemes_spending_in_thai_and_one_day_shows_that_days(
        thai_window: OrganiserWindow, scheme_fair: tuple[Path, SchemeFair], qtbot: Any) -> None:
    d = thai_window.dashboard
    total = summed(scheme_fair[1].final)
    net = sum(scheme_fair[1].net.values())
    spent, state = sum(whole(sh) for sh in total.values()), sum(sh["state_satang"] for sh in total.values())
    card = d.kpi["schemes"]
    assert card.caption.text() == "ยอดใช้จ่ายผ่านโครงการรัฐ"
    assert card.value.text() == money(spent)
    assert card.note.text() == f"รัฐจ่าย {money(state)} · {round(1000 * spent / net) / 10:.1f}% ของรายได้"
    assert d.tabs.tabText(d.tabs.indexOf(d.schemes_tab)) == "โครงการรัฐ"
    model = d.scheme_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["โครงการ", "ยอดใช้จ่าย", "ส่วนที่รัฐจ่าย", "ส่วนที่ลูกค้าจ่าย", "สัดส่วน"]
    shown = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert shown == [[name, money(whole(total[code])), money(total[code]["state_satang"]),
                      money(total[code]["customer_satang"]), f"{round(1000 * whole(total[code]) / net) / 10:.1f}%"]
                     for code, name in (("copay", "คนละครึ่ง"), ("welfare", "บัตรสวัสดิการแห่งรัฐ"))]
    with qtbot.waitSignal(d.figuresShown, timeout=20000):
        d.set_range(DAY2, DAY2)
    day2 = minus(summed(scheme_fair[1].final), summed(scheme_fair[1].day1))
    assert d.kpi["schemes"].value.text() == money(sum(whole(sh) for sh in day2.values()))
    assert d.scheme_model.index(0, 2).data() == money(day2["copay"]["state_satang"])

"""Organiser window fixtures: a fair built once per session (demo registry, booth packages, three booths
selling through the real booth use cases with voids and refunds, exports every evening), copied fresh into
each test's tmp_path; the organiser context and window on it."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from otop_pos.app import demo_registry
from otop_pos.core.clock import FixedClock
from otop_pos.fair.store import FairStore, open_fair_store
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import install_organiser_language
from otop_pos.ui.organiser.main_window import OrganiserWindow
from tests.fair.booths import FIRST_DAY, Booth, make_fair

VENDORS = ["KK20-0001", "KK20-0002", "KK20-0003"]
DAYS = [FIRST_DAY + timedelta(days=i) for i in range(3)]


@dataclass(frozen=True)
class BuiltFair:
    """The session's fair: its store file (registry and keys, nothing imported), the evening export folders,
    and what each booth reported itself (net satang, sales, days with sales)."""

    folder: Path
    usb: Path
    booth_net: dict[str, int]
    booth_sales: dict[str, int]
    booth_days: dict[str, tuple[date, ...]]

    @property
    def last_evening(self) -> Path:
        """The newest exports (cumulative: everything)."""
        return self.usb / f"day-{len(DAYS)}"


@pytest.fixture(scope="session")
def built_fair(tmp_path_factory: pytest.TempPathFactory) -> BuiltFair:
    """Three booths over three days (KK20-0003 only sells on the first two), exported every evening."""
    root = tmp_path_factory.mktemp("organiser-fair")
    store = open_fair_store(root / "fair.sqlite")
    clock = FixedClock(datetime(2020, 10, 20, 3, 0, tzinfo=UTC), step=timedelta(seconds=1))
    _fair, packages = make_fair(store, clock, demo_registry(), root / "packages", VENDORS)
    store.dispose()
    booths = {code: Booth(root / f"booth-{code}", packages[code].path, seed=i + 3) for i, code in enumerate(VENDORS)}
    days: dict[str, list[date]] = {code: [] for code in VENDORS}
    for n, day in enumerate(DAYS):
        for i, (code, b) in enumerate(booths.items()):
            if not (code == "KK20-0003" and n == 2):  # KK20-0003 stays home on the last day
                b.sell(day, 4 + 2 * i + n)
                days[code].append(day)
                if (n, i) == (1, 0):
                    b.void_last()
                if (n, i) == (2, 1):
                    b.refund_first()
                b.close_day()
            b.export(root / "usb" / f"day-{n + 1}")  # cumulative: the last evening holds everything
    built = BuiltFair(root, root / "usb", {c: b.net() for c, b in booths.items()},
                      {c: b.report()[1] for c, b in booths.items()}, {c: tuple(d) for c, d in days.items()})
    for b in booths.values():
        b.close()
    return built


@pytest.fixture
def org_store(built_fair: BuiltFair, tmp_path: Path) -> Iterator[FairStore]:
    """A fresh copy of the session's fair store (registry loaded, keys issued, nothing imported)."""
    shutil.copyfile(built_fair.folder / "fair.sqlite", tmp_path / "fair.sqlite")
    store = open_fair_store(tmp_path / "fair.sqlite")
    yield store
    store.dispose()


@pytest.fixture
def empty_fair_store(tmp_path: Path) -> Iterator[FairStore]:
    """A fair store with no fair at all."""
    store = open_fair_store(tmp_path / "empty" / "fair.sqlite")
    yield store
    store.dispose()


@pytest.fixture
def org_clock() -> FixedClock:
    """An hour after the last fair day's exports (every fair day is over)."""
    return FixedClock(datetime(2020, 11, 1, 16, 0, tzinfo=UTC), step=timedelta(seconds=1))


def make_ctx(store: FairStore, clock: FixedClock, tmp_path: Path, lang: str = "en") -> OrganiserContext:
    """An organiser session on ``store`` writing reports into tmp_path/reports, importing in-process."""
    return OrganiserContext(store, clock, lang=lang, export_dir=tmp_path / "reports", import_jobs=0)


@pytest.fixture
def org_ctx(org_store: FairStore, org_clock: FixedClock, tmp_path: Path,
            qapp: QApplication) -> Iterator[OrganiserContext]:
    apply_organiser_theme(qapp, 800)
    ctx = make_ctx(org_store, org_clock, tmp_path)
    yield ctx
    ctx.shutdown()
    install_organiser_language("en")


def open_window(ctx: OrganiserContext, qtbot: Any) -> OrganiserWindow:
    """The organiser window at 1280×800, shown, with its first figures computed."""
    w = OrganiserWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=20000)
    return w


@pytest.fixture
def org_window(org_ctx: OrganiserContext, qtbot: Any) -> Iterator[OrganiserWindow]:
    w = open_window(org_ctx, qtbot)
    yield w
    qtbot.waitUntil(lambda: not org_ctx.tasks.busy, timeout=20000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform cannot pass size hints to a window and says so on layout changes (as in
    tests/ui/conftest.py)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))

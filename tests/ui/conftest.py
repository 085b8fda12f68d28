"""UI fixtures: a booth with products of several types and an open day, the booth context, the main window."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from otop_pos.booth.catalogue import save_product
from otop_pos.booth.days import open_day
from otop_pos.booth.service import BoothService
from otop_pos.booth.settings import update_settings
from otop_pos.core.clock import FixedClock
from otop_pos.core.ids import ean13_check_digit
from otop_pos.printing.printer import ReceiptPrinter
from otop_pos.printing.transports.dummy import DummyTransport
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.context import BoothContext
from otop_pos.ui.i18n import install_language
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.theme import apply_theme

sys.path.insert(0, str(Path(__file__).parent))  # ui_helpers, whatever pytest's import mode

from ui_helpers import KEYS, release_held_keys  # type: ignore[import-not-found]  # noqa: E402

PIN = "1234"
BASKET = "8856335556185"   # กระติบข้าวเหนียว ฿120 (from the registry)
BAG = "8853930311348"      # กระเป๋าสานเตยปาหนัน ฿660 (from the registry)


def ean(body12: str) -> str:
    return body12 + str(ean13_check_digit(body12))


CHIPS = ean("885000000001")   # ข้าวเกรียบฟักทอง ฿37
TEA = ean("885000000002")     # ชาใบหม่อน ฿85 (stock 2)
SCARF = ean("885000000003")   # ผ้าไหมมัดหมี่ ฿1,190


@pytest.fixture
def shop(store: SqliteStore, clock: FixedClock) -> SqliteStore:
    """The KK20-0001 booth plus products of other types, PromptPay set, and an open day with a ฿1,000 float."""
    save_product(store, clock, sku="X-01", name="ข้าวเกรียบฟักทอง", product_type="อาหาร", price_satang=3700,
                 barcode=CHIPS)
    save_product(store, clock, sku="X-02", name="ชาใบหม่อน", product_type="เครื่องดื่ม", price_satang=8500,
                 barcode=TEA, stock=2)
    save_product(store, clock, sku="X-03", name="ผ้าไหมมัดหมี่", product_type="ผ้าและเครื่องแต่งกาย",
                 price_satang=119000, barcode=SCARF)
    save_product(store, clock, sku="X-04", name="ยาหม่องสมุนไพร", product_type="สมุนไพรที่ไม่ใช่อาหาร",
                 price_satang=4500)
    update_settings(store, clock, promptpay_id="0801234567", promptpay_name="สุดา")
    open_day(store, clock, 100000)
    return store


class Printed:
    """A factory of dummy printers that keeps what was sent."""

    def __init__(self) -> None:
        self.transport = DummyTransport()

    def __call__(self, settings: Any) -> ReceiptPrinter:
        return ReceiptPrinter(self.transport, settings.paper_width, cut=settings.cut)


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """Each test starts in English (the language is application-wide state)."""
    install_language("en")
    yield
    install_language("en")


@pytest.fixture(autouse=True)
def key_clock(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The scanner detector's clock: keys typed in a test come at a person's pace unless a test scans."""
    from otop_pos.ui import scanner

    from pytestqt.qtbot import QtBot

    KEYS.step = KEYS.PERSON
    monkeypatch.setattr(scanner, "key_time", KEYS)
    for name in ("keyClick", "keyClicks", "keyPress", "keyEvent"):
        monkeypatch.setattr(QtBot, name, staticmethod(_person_paced(getattr(QtBot, name))))
    return KEYS


def _person_paced(press: Any) -> Any:
    def paced(*args: Any, **kwargs: Any) -> None:
        press(*args, **kwargs)
        release_held_keys()
    return paced


@pytest.fixture
def printed() -> Printed:
    return Printed()


def make_ctx(store: SqliteStore, clock: FixedClock, lang: str = "en", printer: Any = None) -> BoothContext:
    return BoothContext(BoothService(store, clock, printer_factory=printer), lang=lang)


@pytest.fixture
def ctx(shop: SqliteStore, clock: FixedClock, qapp: QApplication, printed: Printed) -> Iterator[BoothContext]:
    apply_theme(qapp, 600)
    context = make_ctx(shop, clock, "en", printed)
    yield context
    context.shutdown()
    install_language("en")


@pytest.fixture
def window(ctx: BoothContext, qtbot: Any) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1024, 600)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    yield w
    ctx.runner.wait()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform (tests) cannot pass size hints to a window and says so on every layout change;
    that is the test platform, not the app (xcb under Xvfb and real desktops support it)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))

"""The scanner detector, the print and backup workers with the status bar, and the first-run wizard."""
from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import BASKET, CHIPS, Printed, make_ctx  # type: ignore[import-not-found]
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt
from ui_helpers import gone, modal, scan, type_text  # type: ignore[import-not-found]

from otop_pos.booth.catalogue import list_products
from otop_pos.booth.demo import demo_registry
from otop_pos.booth.pin import verify_pin
from otop_pos.booth.printjobs import enqueue_reprint, list_jobs, run_pending
from otop_pos.booth.queries import list_sales
from otop_pos.booth.settings import update_settings
from otop_pos.core.clock import FixedClock
from otop_pos.store.engine import SqliteStore
from otop_pos.booth.service import BoothService
from otop_pos.booth.store import booth_info
from otop_pos.ui.first_run import PAGE_HOW, PAGE_REGISTRY, FirstRunDialog
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.pay_dialog import PayDialog
from otop_pos.ui.scanner import decode_burst

KEDMANEE = dict(zip("1234567890", "ๅ/-ภถุึคตจ"))


def test_decode_burst() -> None:
    assert decode_burst("ๅ/-ภถุึคตจ") == "1234567890"
    assert decode_burst("๘๘๕๖") == "8856"
    assert decode_burst(" KK20-0001-01") == "KK20-0001-01"   # a dash alone is not the Thai layout
    assert decode_burst("20-0018-03") == "20-0018-03"         # digits with dashes on the English layout
    assert decode_burst("12/34") == "12/34"                   # nor with a slash (they were 2030018303, 12234)
    assert decode_burst("/-") == "23"                         # no ASCII digit: the Thai layout's 2 and 3


def test_a_scanner_on_a_thai_keyboard_layout_still_scans(window: MainWindow, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, "".join(KEDMANEE[d] for d in BASKET))
    m = window.sell.cart_panel.model
    assert m.rowCount() == 1 and m.data(m.index(0, 0)) == "กระติบข้าวเหนียว"
    assert window.sell.search.text() == ""


def test_skus_can_be_scanned_and_short_bursts_are_typing(window: MainWindow, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, "X-04")
    m = window.sell.cart_panel.model
    assert m.data(m.index(0, 0)) == "ยาหม่องสมุนไพร"
    qtbot.keyClicks(window.sell.search, "12")          # too short for a scan: it is typing
    qtbot.keyClick(window.sell.search, Qt.Key.Key_Return)
    assert window.sell.search.text() == "12"


def test_a_person_typing_in_a_dialog_gets_every_key(window: MainWindow, qtbot: Any) -> None:
    scan(qtbot, window.sell.search, CHIPS)
    window.sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.keyClicks(pay.cash_edit, "8850000000017")   # a person's pace: long, but not a scan
    assert pay.cash_edit.text() == "8850000000017" and window.sell.scanner.holding is False
    pay.reject()


# --- printing and backups in the status bar ----------------------------------------------------------------
def _pay_exact(window: MainWindow, qtbot: Any, code: str) -> None:
    scan(qtbot, window.sell.search, code)
    window.sell.pay()
    pay = modal(qtbot, PayDialog)
    qtbot.mouseClick(pay.exact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: gone(pay))


@pytest.fixture
def printing_window(shop: SqliteStore, clock: FixedClock, printed: Printed, qtbot: Any, qapp: Any) -> Any:
    update_settings(shop, clock, printer="dummy", lang="en")
    ctx = make_ctx(shop, clock, "en", printed)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    yield w
    ctx.shutdown()


def test_a_sale_prints_after_it_is_saved(printing_window: MainWindow, shop: SqliteStore, printed: Printed,
                                        qtbot: Any) -> None:
    _pay_exact(printing_window, qtbot, CHIPS)
    qtbot.waitUntil(lambda: len(printed.transport.jobs) == 1, timeout=10000)
    qtbot.waitUntil(lambda: printing_window.printer_status.text() == "Printer ready")
    assert len(list_sales(shop)) == 1


def test_a_failed_print_is_shown_and_printed_again_only_when_asked(printing_window: MainWindow, shop: SqliteStore,
                                                                   printed: Printed, qtbot: Any) -> None:
    printed.transport.fail_with("paper_out")
    _pay_exact(printing_window, qtbot, CHIPS)
    w = printing_window
    qtbot.waitUntil(lambda: w.printer_status.text().startswith("Printer problem"), timeout=10000)
    assert "paper" in w.printer_status.text().lower()
    assert w.printer_retry.isVisible() and printed.transport.jobs == []
    assert len(list_sales(shop)) == 1                     # the sale is saved whatever the printer does
    _pay_exact(w, qtbot, BASKET)                          # selling goes on; the next receipt waits its turn
    qtbot.waitUntil(lambda: len(w.print_state.failed) == 2, timeout=10000)  # the vendor sees both failed
    printed.transport.fail_with(None)
    qtbot.mouseClick(w.printer_retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(printed.transport.jobs) == 2, timeout=10000)
    qtbot.waitUntil(lambda: w.printer_status.text() == "Printer ready" and not w.printer_retry.isVisible())


def test_a_print_interrupted_by_a_crash_is_not_reprinted_on_its_own(shop: SqliteStore, clock: FixedClock,
                                                                    printed: Printed, qtbot: Any) -> None:
    update_settings(shop, clock, printer="dummy", lang="en")
    sale_uuid = list_sales(shop)[0].uuid if list_sales(shop) else None
    assert sale_uuid is None
    from ui_helpers import idle  # type: ignore[import-not-found]

    from otop_pos.booth.cart import Cart
    from otop_pos.booth.catalogue import CatalogueIndex
    from otop_pos.booth.checkout import checkout
    from otop_pos.booth.payments import PaymentIn

    p = CatalogueIndex.load(shop).lookup(CHIPS)
    assert p is not None
    sale = checkout(shop, clock, Cart().add(p), [PaymentIn("cash", tendered_satang=3700)])

    def crash(_doc: object) -> None:
        raise RuntimeError("power cut")
    with pytest.raises(RuntimeError):
        run_pending(shop, clock, crash)
    ctx = make_ctx(shop, clock, "en", printed)
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda: w.printer_status.text().startswith("Printer problem"), timeout=10000)
        idle(qtbot, ctx)
        assert printed.transport.jobs == []
        assert [(j.ref_uuid, j.error_code) for j in list_jobs(shop)] == [(sale.uuid, "interrupted")]
    finally:
        ctx.shutdown()
    assert enqueue_reprint  # the vendor reprints a COPY from history when the receipt did not come out


def test_backups_run_on_their_own_and_show_in_the_status_bar(shop: SqliteStore, clock: FixedClock,
                                                             tmp_path: Path, qtbot: Any, qapp: Any) -> None:
    update_settings(shop, clock, backup_dir=str(tmp_path / "usb"), lang="en")
    ctx = make_ctx(shop, clock, "en")
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda: "✓" in w.backup_status.text(), timeout=10000)
        assert len(list((tmp_path / "usb").glob("otop-booth-*.sqlite"))) == 1
    finally:
        ctx.shutdown()


def test_a_failing_backup_is_shown(shop: SqliteStore, clock: FixedClock, tmp_path: Path, qtbot: Any,
                                   qapp: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    update_settings(shop, clock, backup_dir=str(blocker / "sub"), lang="en")
    ctx = make_ctx(shop, clock, "en")
    try:
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda: w.backup_status.text().startswith("Backup failed"), timeout=10000)
    finally:
        ctx.shutdown()


# --- first run ----------------------------------------------------------------------------------------------
def test_first_run_demo(empty_store: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    assert not (booth_info(empty_store) is not None)
    dlg = FirstRunDialog(BoothService(empty_store, clock))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.lang_next, Qt.MouseButton.LeftButton)     # the language as it is, then the paper
    qtbot.mouseClick(dlg.paper_next, Qt.MouseButton.LeftButton)
    assert dlg.package_button.isVisibleTo(dlg)
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.demo_button, Qt.MouseButton.LeftButton)
    assert (booth_info(empty_store) is not None)
    assert len(list_products(empty_store)) == 7  # the demo vendor KK20-0018


# Enter sets up, which disables the wizard while it works: QTest then says the key event was not accepted
# (the widget it went to is disabled by the time the event returns); the set-up itself is checked below.
@pytest.mark.qt_log_ignore("Keyboard event not accepted by receiving widget",
                           "This plugin does not support propagateSizeHints")
def test_first_run_from_the_registry_folder(empty_store: SqliteStore, clock: FixedClock, tmp_path: Path,
                                            qtbot: Any) -> None:
    folder = tmp_path / "registry"
    folder.mkdir()
    for f in demo_registry():
        shutil.copy(f, folder / f.name)
    dlg = FirstRunDialog(BoothService(empty_store, clock))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.stack.setCurrentIndex(PAGE_HOW)
    qtbot.mouseClick(dlg.registry_button, Qt.MouseButton.LeftButton)
    dlg.registry_path.setText(str(folder))
    qtbot.keyClicks(dlg.vendor_code, "KK20-0091")
    qtbot.keyClicks(dlg.registry_pin, "2468")
    qtbot.keyClicks(dlg.registry_pin2, "2469")
    ok = [b for b in dlg.stack.currentWidget().findChildren(type(dlg.demo_button)) if b.objectName() == "primary"][0]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "not the same" in dlg.error.text()
    dlg.registry_pin2.setText("2468")
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg)
    dlg.registry_pin2.setFocus()
    with qtbot.waitSignal(dlg.accepted, timeout=10000):   # Enter in the PIN field sets up (it did nothing)
        qtbot.keyClick(dlg.registry_pin2, Qt.Key.Key_Return)
    assert len(list_products(empty_store)) == 7
    verify_pin(empty_store, clock, "2468", action="test")
    clock.advance(timedelta(seconds=1))


def test_first_run_shows_registry_problems(empty_store: SqliteStore, clock: FixedClock, tmp_path: Path,
                                           qtbot: Any) -> None:
    dlg = FirstRunDialog(BoothService(empty_store, clock))
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.stack.setCurrentIndex(PAGE_REGISTRY)
    dlg.registry_path.setText(str(tmp_path / "nowhere"))
    dlg.vendor_code.setText("KK20-0001")
    dlg.registry_pin.setText("1234")
    dlg.registry_pin2.setText("1234")
    dlg.setup_registry()
    qtbot.waitUntil(lambda: "nowhere" in dlg.error.text())
    assert not (booth_info(empty_store) is not None)

"""#16 item 3: the first-run wizard offers the printers the computer finds (on Windows its installed print
queues) beside the paper choice, prints a test page through the queue, and keeps the printer chosen.
The Windows spooler is simulated (tests/printing/fake_win32print.py): nothing of this ran on Windows."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from otop_pos.booth.service import BoothService
from otop_pos.booth.settings import get_settings
from otop_pos.core.clock import FixedClock
from otop_pos.printing.transports import win32raw
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.first_run import PAGE_PAPER, FirstRunDialog
from otop_pos.ui.i18n import install_language
from tests.printing.escpos_decode import black_ratio, decode
from tests.printing.fake_win32print import PRINTING, FakeQueue, FakeWin32Print

QUEUES = [("win:XP-58 Receipt", "Generic / Text Only"), (r"win:\\shop-pc\EPSON TM-T82", "EPSON TM-T82 Receipt")]


def open_wizard(store: SqliteStore, clock: FixedClock, qtbot: Any, found: list[tuple[str, str]]) -> FirstRunDialog:
    install_language("th")
    dlg = FirstRunDialog(BoothService(store, clock), discover=lambda: list(found))
    qtbot.addWidget(dlg)
    dlg.resize(1024, 600)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.mouseClick(dlg.lang_next, Qt.MouseButton.LeftButton)
    assert dlg.stack.currentIndex() == PAGE_PAPER
    return dlg


def set_up_demo(dlg: FirstRunDialog, qtbot: Any) -> None:
    qtbot.mouseClick(dlg.paper_next, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.demo_button, Qt.MouseButton.LeftButton)


def test_the_printers_found_are_offered_by_name_and_the_first_is_kept(
        empty_store: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    dlg = open_wizard(empty_store, clock, qtbot, QUEUES)
    qtbot.waitUntil(dlg.printer_row.isVisible, timeout=5000)
    entries = [dlg.printer_box.itemText(i) for i in range(dlg.printer_box.count())]
    assert entries == ["เครื่องพิมพ์ “XP-58 Receipt” (58 มม.)", "เครื่องพิมพ์ “\\\\shop-pc\\EPSON TM-T82”",
                       "ยังไม่ใช้เครื่องพิมพ์ตอนนี้"]
    assert dlg.printer_box.currentIndex() == 0 and dlg.printer_caption.text() == "เครื่องพิมพ์"
    set_up_demo(dlg, qtbot)
    st = get_settings(empty_store)
    assert (st.printer, st.paper_width, st.lang) == ("win:XP-58 Receipt", 384, "th")


def test_the_names_follow_the_language_switch(empty_store: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    dlg = open_wizard(empty_store, clock, qtbot, QUEUES)
    qtbot.waitUntil(dlg.printer_row.isVisible, timeout=5000)
    dlg.printer_box.setCurrentIndex(1)
    dlg.printer_box.activated.emit(1)
    dlg.set_language("en")
    try:
        assert dlg.printer_box.currentText() == "Printer “\\\\shop-pc\\EPSON TM-T82”"
        assert dlg.printer_test.text() == "Print a test page"
    finally:
        install_language("th")


def test_no_printer_for_now_keeps_the_booth_without_one(empty_store: SqliteStore, clock: FixedClock,
                                                        qtbot: Any) -> None:
    dlg = open_wizard(empty_store, clock, qtbot, QUEUES)
    qtbot.waitUntil(dlg.printer_row.isVisible, timeout=5000)
    last = dlg.printer_box.count() - 1
    dlg.printer_box.setCurrentIndex(last)
    dlg.printer_box.activated.emit(last)
    set_up_demo(dlg, qtbot)
    assert get_settings(empty_store).printer == "none"


def test_nothing_found_shows_no_printer_row(empty_store: SqliteStore, clock: FixedClock, qtbot: Any) -> None:
    dlg = open_wizard(empty_store, clock, qtbot, [])
    qtbot.waitUntil(lambda: not dlg.runner.busy, timeout=5000)
    assert not dlg.printer_row.isVisible() and dlg.printer() == "none"
    set_up_demo(dlg, qtbot)
    assert get_settings(empty_store).printer == "none"


def test_the_test_page_prints_through_the_windows_queue(empty_store: SqliteStore, clock: FixedClock, qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = FakeWin32Print(FakeQueue("XP-58 Receipt", script=[PRINTING, 0x80]))
    monkeypatch.setattr(win32raw, "load_win32print", lambda: spooler)
    dlg = open_wizard(empty_store, clock, qtbot, QUEUES)
    qtbot.waitUntil(dlg.printer_row.isVisible, timeout=5000)
    qtbot.mouseClick(dlg.printer_test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.printer_test.isEnabled() and "ส่งหน้าทดสอบแล้ว" in dlg.printer_result.text(),
                    timeout=20000)
    [job] = spooler.jobs.values()
    image = decode(bytes(job.data)).image
    assert job.datatype == "RAW" and image.width == 384 and black_ratio(image) > 0.01
    assert get_settings(empty_store).printer == "none"        # nothing stored before the set-up


def test_a_test_page_to_an_unknown_queue_says_so(empty_store: SqliteStore, clock: FixedClock, qtbot: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(win32raw, "load_win32print", lambda: FakeWin32Print())
    dlg = open_wizard(empty_store, clock, qtbot, QUEUES)
    qtbot.waitUntil(dlg.printer_row.isVisible, timeout=5000)
    qtbot.mouseClick(dlg.printer_test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.printer_test.isEnabled() and dlg.error.text() != "", timeout=20000)
    assert "Windows ไม่มีเครื่องพิมพ์ชื่อ “XP-58 Receipt”" in dlg.error.text().replace("\u200b", "")

"""#16 item 3: on Windows the printer page offers the installed printers by their Windows names and prints
the test page through the print queue (a simulated spooler here: nothing of this ran on Windows)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

import pytest
from PySide6.QtWidgets import QApplication

from otop_pos.printing.transports import win32raw
from otop_pos.store.engine import SqliteStore
from otop_pos.ui.context import BoothContext
from otop_pos.ui.printer_page import PrinterPage, printer_name
from tests.printing.escpos_decode import black_ratio, decode
from tests.printing.fake_win32print import PRINTING, FakeQueue, FakeWin32Print
from tests.ui.test_printer_page_wording import TECHNICAL, visible_texts

FOUND = [("win:XP-58 Receipt", "Generic / Text Only"), (r"win:\\shop-pc\EPSON TM-T82", "EPSON TM-T82 Receipt")]


@pytest.fixture
def thai_ctx(shop: SqliteStore, clock: Any, qapp: QApplication) -> Iterator[BoothContext]:
    from conftest import make_ctx  # type: ignore[import-not-found]

    context = make_ctx(shop, clock, "th")     # the real printer factory: the setting opens the transport
    yield context
    context.shutdown()


def found_page(ctx: BoothContext, qtbot: Any, saved: str = "none") -> PrinterPage:
    page = PrinterPage(ctx, discover=lambda: list(FOUND))
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.load(replace(ctx.settings, printer=saved))
    page.find_printers()
    qtbot.waitUntil(lambda: page.find_button.isEnabled() and "พบเครื่องพิมพ์" in page.test_result.text(), timeout=10000)
    return page


def test_the_installed_windows_printers_are_listed_by_their_names(thai_ctx: BoothContext, qtbot: Any) -> None:
    page = found_page(thai_ctx, qtbot)
    entries = [page.printer_box.itemText(i) for i in range(page.printer_box.count())]
    assert "เครื่องพิมพ์ “XP-58 Receipt” (58 มม.)" in entries
    assert "เครื่องพิมพ์ “\\\\shop-pc\\EPSON TM-T82”" in entries
    assert "พบเครื่องพิมพ์ 2 เครื่อง" in page.test_result.text()
    assert [t for t in visible_texts(page) if TECHNICAL.search(t) or "win:" in t] == []
    page.printer_box.setCurrentIndex(page.printer_box.findData("win:XP-58 Receipt"))
    assert page.spec() == "win:XP-58 Receipt"
    page.advanced_button.click()
    assert page.spec_edit.text() == "win:XP-58 Receipt"     # the address, for support


def test_a_saved_windows_printer_keeps_its_name_when_not_found(thai_ctx: BoothContext, qtbot: Any) -> None:
    page = PrinterPage(thai_ctx, discover=lambda: [])
    qtbot.addWidget(page)
    page.load(replace(thai_ctx.settings, printer="win:POS-80"))
    assert page.printer_box.currentText() == "เครื่องพิมพ์ “POS-80” (80 มม.)" and page.spec() == "win:POS-80"


def test_a_bluetooth_printer_found_on_a_com_port_is_named_by_its_port(thai_ctx: BoothContext, qtbot: Any) -> None:
    page = PrinterPage(thai_ctx, discover=lambda: [("serial:COM5", "COM5 Standard Serial over Bluetooth link (COM5)")])
    qtbot.addWidget(page)
    page.load(thai_ctx.settings)
    page.find_printers()
    qtbot.waitUntil(lambda: page.printer_box.findData("serial:COM5") >= 0, timeout=5000)
    page.printer_box.setCurrentIndex(page.printer_box.findData("serial:COM5"))
    assert page.printer_box.currentText() == "เครื่องพิมพ์บลูทูธ/พอร์ตอนุกรม: COM5 Standard Serial over Bluetooth link (COM5)"
    assert page.spec() == "serial:COM5"


def test_english_names(qapp: QApplication) -> None:
    from otop_pos.ui.i18n import install_language

    install_language("en")
    assert printer_name("win:XP-58 Receipt") == "Printer “XP-58 Receipt” (58 mm)"
    assert printer_name("win:Kitchen") == "Printer “Kitchen”"


def test_the_test_page_prints_through_the_windows_queue(thai_ctx: BoothContext, qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = FakeWin32Print(FakeQueue("XP-58 Receipt", script=[PRINTING, 0x80]))
    monkeypatch.setattr(win32raw, "load_win32print", lambda: spooler)
    page = found_page(thai_ctx, qtbot)
    page.printer_box.setCurrentIndex(page.printer_box.findData("win:XP-58 Receipt"))
    page.width_radios[384].setChecked(True)
    page.test_page()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20000)
    assert "ส่งหน้าทดสอบแล้ว" in page.test_result.text().replace("\u200b", ""), page.error.text()
    [job] = spooler.jobs.values()
    assert job.datatype == "RAW" and decode(bytes(job.data)).image.width == 384
    assert black_ratio(decode(bytes(job.data)).image) > 0.01


def test_a_test_page_to_an_unplugged_printer_says_so(thai_ctx: BoothContext, qtbot: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    spooler = FakeWin32Print(FakeQueue("XP-58 Receipt", script=[0]))
    monkeypatch.setattr(win32raw, "load_win32print", lambda: spooler)
    monkeypatch.setattr(win32raw, "DEFAULT_TIMEOUT", 1.0)
    page = found_page(thai_ctx, qtbot)
    page.printer_box.setCurrentIndex(page.printer_box.findData("win:XP-58 Receipt"))
    page.test_page()
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30000)
    assert "ไม่รับงานพิมพ์ — เปิดเครื่องและเสียบสายแล้วหรือยัง?" in page.error.text().replace("\u200b", "")
    assert all(job.deleted for job in spooler.jobs.values())

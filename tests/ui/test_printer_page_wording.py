"""#14 item 7: the printer page names printers as a person would; the technical address waits under "Advanced"."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Iterator

import pytest
import usb.core
import usb.util
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from otop_pos.store.engine import SqliteStore
from otop_pos.ui.context import BoothContext
from otop_pos.ui.printer_page import PrinterPage

#: What must not be the main text of the page: the spec forms, device paths, USB ids, profile and dpi.
TECHNICAL = re.compile(r"net:|serial:|file:|usb:[0-9a-f]|/dev/|0x|\b[0-9a-f]{4}:[0-9a-f]{4}\b|dpi|profile|โปรไฟล์|ESC/POS",
                       re.IGNORECASE)


class _Printer(list):  # type: ignore[type-arg]
    """A USB device with one printer interface (class 7), as pyusb lists it."""

    def __init__(self, vid: int, pid: int, maker: str, model: str) -> None:
        super().__init__([[type("Intf", (), {"bInterfaceClass": 7})()]])
        self.idVendor, self.idProduct, self.bDeviceClass = vid, pid, 0
        self.iManufacturer, self.iProduct = (1, 2) if model else (0, 0)
        self.strings = {1: maker, 2: model}


@pytest.fixture
def thai_ctx(shop: SqliteStore, clock: Any, qapp: QApplication, printed: Any) -> Iterator[BoothContext]:
    from conftest import make_ctx  # type: ignore[import-not-found]

    context = make_ctx(shop, clock, "th", printed)
    yield context
    context.shutdown()


@pytest.fixture
def two_usb_printers(monkeypatch: pytest.MonkeyPatch) -> None:
    devices = [_Printer(0x0416, 0x5011, "Xprinter", "XP-58IIH"), _Printer(0x04B8, 0x0202, "", "")]
    monkeypatch.setattr(usb.core, "find", lambda **kw: iter(devices))
    monkeypatch.setattr(usb.util, "get_string", lambda dev, index: dev.strings[index])


def visible_texts(page: QWidget) -> list[str]:
    """Every text a person sees on the page: labels, buttons, the printer list's entries, typed fields."""
    out: list[str] = []
    for w in page.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
    return [t for t in out if t]


@pytest.mark.parametrize("saved", ["none", "dummy", "net:192.168.1.50:9100", "serial:/dev/ttyUSB0:9600",
                                   "file:/dev/usb/lp0", "usb:0416:5011"])
def test_the_printer_page_names_the_found_printers_without_technical_addresses(
        thai_ctx: BoothContext, qtbot: Any, two_usb_printers: None, saved: str) -> None:
    page = PrinterPage(thai_ctx)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.load(replace(thai_ctx.settings, printer=saved))
    page.find_printers()
    qtbot.waitUntil(lambda: page.find_button.isEnabled() and "พบเครื่องพิมพ์" in page.test_result.text(), timeout=10000)
    texts = visible_texts(page)
    entries = [page.printer_box.itemText(i) for i in range(page.printer_box.count())]
    assert "เครื่องพิมพ์ USB: Xprinter XP-58IIH (58 มม.)" in entries and "เครื่องพิมพ์ USB" in entries
    assert [t for t in texts if TECHNICAL.search(t)] == []
    assert page.spec() == saved                      # the saved printer is still the one chosen
    named = {"net:192.168.1.50:9100": "เครื่องพิมพ์ในเครือข่าย 192.168.1.50",
             "serial:/dev/ttyUSB0:9600": "เครื่องพิมพ์บลูทูธ/พอร์ตอนุกรม"}
    if saved in named:
        assert page.printer_box.currentText() == named[saved]
    # the address is there for support, one click away
    page.advanced_button.click()
    assert page.spec_edit.isVisible() and page.spec_edit.text() == saved


def test_another_printer_opens_the_advanced_address_field(thai_ctx: BoothContext, qtbot: Any) -> None:
    page = PrinterPage(thai_ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.spec_edit.isVisible()
    page.printer_box.setCurrentIndex(page.printer_box.findData("custom"))
    assert page.spec_edit.isVisible() and not page.spec_edit.isReadOnly()
    page.spec_edit.setText("net:10.0.0.7")
    assert page.spec() == "net:10.0.0.7:9100"

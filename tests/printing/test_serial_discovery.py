"""Finding a USB-serial or paired Bluetooth printer (issue 16 item 3: serial/Bluetooth-serial on both systems):
the ports pyserial lists become ``serial:`` choices named as the computer names them, empty built-in ports are
left out, and a port found this way prints (a pseudo-terminal stands in for the Bluetooth link)."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from typing import Any

import pytest

from otop_pos.printing import printer as printer_mod
from otop_pos.printing.printer import ReceiptPrinter, list_printers
from otop_pos.printing.transports import win32raw
from otop_pos.printing.transports.serial_port import list_serial_ports


@dataclass(frozen=True)
class Port:
    """What ``serial.tools.list_ports.comports()`` gives for one port (device, description, hwid)."""

    device: str
    description: str
    hwid: str


WINDOWS_PORTS = [
    Port("COM1", "Communications Port (COM1)", r"ACPI\PNP0501\1"),
    Port("COM5", "Standard Serial over Bluetooth link (COM5)",
         r"BTHENUM\{00001101-0000-1000-8000-00805F9B34FB}_LOCALMFG&0002\7&1A2B3C4D&0&DC0D30A1B2C3_C00000000"),
]
LINUX_PORTS = [
    Port("/dev/ttyS0", "n/a", "n/a"),                  # a built-in port with nothing behind it
    Port("/dev/ttyUSB0", "USB-Serial Controller", "USB VID:PID=067B:2303 LOCATION=1-1.2"),
    Port("/dev/rfcomm0", "n/a", "n/a"),                 # a paired Bluetooth printer bound with rfcomm
]


def test_windows_com_ports_are_listed_with_the_name_windows_gives_them() -> None:
    assert list_serial_ports(lambda: WINDOWS_PORTS) == [
        ("serial:COM1", "COM1 Communications Port (COM1)"),
        ("serial:COM5", "COM5 Standard Serial over Bluetooth link (COM5)"),
    ]


def test_linux_lists_usb_serial_and_bluetooth_but_not_empty_built_in_ports() -> None:
    assert list_serial_ports(lambda: LINUX_PORTS) == [
        ("serial:/dev/rfcomm0", "rfcomm0"),
        ("serial:/dev/ttyUSB0", "ttyUSB0 USB-Serial Controller"),
    ]


def test_a_port_list_that_cannot_be_read_finds_nothing() -> None:
    def unreadable() -> list[Any]:
        raise PermissionError(13, "Permission denied", "/sys/class/tty")
    assert list_serial_ports(unreadable) == []


def test_find_printers_offers_queues_or_usb_first_then_serial_ports(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.printing.fake_win32print import FakeQueue, FakeWin32Print

    spooler = FakeWin32Print(FakeQueue("XP-58 Receipt", driver="Generic / Text Only"))
    monkeypatch.setattr(win32raw, "load_win32print", lambda: spooler)
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda: WINDOWS_PORTS[1:])
    assert [spec for spec, _ in list_printers("win32")] == ["win:XP-58 Receipt", "serial:COM5"]
    monkeypatch.setattr("serial.tools.list_ports.comports", lambda: LINUX_PORTS)
    monkeypatch.setattr(printer_mod, "list_usb_printers", lambda: [("usb:0416:5011", "Xprinter XP-58")])
    assert [spec for spec, _ in list_printers("linux")] == ["usb:0416:5011", "serial:/dev/rfcomm0",
                                                            "serial:/dev/ttyUSB0"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pty")
def test_a_port_found_prints_the_test_page() -> None:
    """The spec discovery gives is the one the printer opens: a test page reaches the port (a pty here)."""
    master, slave = os.openpty()
    name = os.ttyname(slave)
    received = bytearray()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                received.extend(os.read(master, 65536))
            except OSError:
                return
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        [(spec, description)] = list_serial_ports(lambda: [Port(name, "Bluetooth printer", "BTHENUM")])
        assert spec == f"serial:{name}" and description.endswith("Bluetooth printer")
        printer = ReceiptPrinter.from_spec(spec, 384)
        printer.print_test_page()
        printer.close()
        deadline = time.monotonic() + 5
        while b"\x1dV" not in received and time.monotonic() < deadline:   # GS V: the cut ends the page
            time.sleep(0.05)
    finally:
        stop.set()
        os.close(slave)
        os.close(master)
    assert bytes(received[:2]) == b"\x1b@"
    assert b"\x1dv0" in received                                           # the page's raster image

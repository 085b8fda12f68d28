"""ReceiptPrinter end to end on in-memory devices; USB through python-escpos with a fake pyusb device."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
import usb.core
import usb.util

from otop_pos.core.errors import PrinterError
from otop_pos.printing.printer import ReceiptPrinter, list_usb_printers
from otop_pos.printing.raster import render_receipt
from otop_pos.printing.transports.dummy import DummyTransport
from otop_pos.printing.transports.usb import UsbTransport
from tests.printing.escpos_decode import decode
from tests.printing.receipt_samples import refund, sale, zreport


def _printer(**kwargs: Any) -> tuple[ReceiptPrinter, DummyTransport]:
    dummy = DummyTransport()
    return ReceiptPrinter(dummy, **kwargs), dummy


def test_print_receipt_sends_one_job_with_the_rendered_image() -> None:
    printer, dummy = _printer(width=384)
    printer.print_receipt(sale())
    assert len(dummy.jobs) == 1
    decoded = decode(dummy.jobs[0])
    assert decoded.image.size == (384, render_receipt(sale(), 384).height())
    assert decoded.cuts == ["full"] and decoded.drawer_kicks == []
    assert len(decoded.blocks) > 1  # sent in fragments


def test_drawer_opens_for_cash_but_never_for_a_copy() -> None:
    printer, dummy = _printer(drawer=True)
    printer.print_receipt(sale())
    printer.print_receipt(sale(copy=True))
    printer.print_receipt(sale(cash=False))
    printer.print_receipt(refund())
    kicks = [decode(job).drawer_kicks for job in dummy.jobs]
    assert kicks == [[2], [], [], [2]]


def test_no_cut_setting() -> None:
    printer, dummy = _printer(cut=False)
    printer.print_zreport(zreport())
    assert decode(dummy.jobs[0]).cuts == []


def test_test_page_and_drawer_only() -> None:
    printer, dummy = _printer(width=512, label="usb:04b8:0202")
    printer.print_test_page()
    printer.open_drawer()
    assert decode(dummy.jobs[0]).image.width == 512
    assert decode(dummy.jobs[1]).drawer_kicks == [2] and decode(dummy.jobs[1]).blocks == []


def test_failed_job_raises_and_is_not_retried() -> None:
    printer, dummy = _printer()
    dummy.fail_with("timeout", times=1)
    with pytest.raises(PrinterError) as info:
        printer.print_receipt(sale())
    assert info.value.code == "timeout"
    assert dummy.attempts == 1 and dummy.jobs == []
    printer.print_receipt(sale(copy=True))  # the caller decides to reprint, marked COPY
    assert dummy.attempts == 2 and len(dummy.jobs) == 1


class _LeakyTransport(DummyTransport):
    def send(self, data: bytes) -> None:
        raise OSError(5, "Input/output error")


def test_raw_exceptions_from_a_transport_become_printer_errors() -> None:
    printer = ReceiptPrinter(_LeakyTransport())
    with pytest.raises(PrinterError) as info:
        printer.print_receipt(sale(n=1))
    assert info.value.code == "offline"


def test_from_spec() -> None:
    printer = ReceiptPrinter.from_spec("dummy", 384)
    assert isinstance(printer.transport, DummyTransport) and printer.label == "dummy"
    printer.print_test_page()
    assert printer.status().ready
    printer.close()


# -- USB with a fake pyusb device -------------------------------------------------------------------------
class _Endpoint:
    def __init__(self, address: int) -> None:
        self.bEndpointAddress = address
        self.bmAttributes = 0x02  # bulk


class _Interface(list):  # type: ignore[type-arg]
    bInterfaceClass = 7


class _Backend:
    pass


class _Device:
    """Enough of usb.core.Device for python-escpos's Usb and our transport."""

    backend = _Backend()  # not libusb1: python-escpos skips the kernel driver dance
    _ctx = SimpleNamespace(dispose=lambda device: None)  # usb.util.dispose_resources(device)

    def __init__(self, *, write_error: Exception | None = None, status: bytes | None = None) -> None:
        self.idVendor, self.idProduct = 0x04B8, 0x0202
        self.bDeviceClass = 0
        self.iManufacturer = self.iProduct = 0
        self.written: list[tuple[int, bytes, int]] = []
        self.write_error = write_error
        self.status = status

    def set_configuration(self) -> None: ...

    def reset(self) -> None: ...

    def get_active_configuration(self) -> list[_Interface]:
        return [_Interface([_Endpoint(0x81), _Endpoint(0x03)])]

    def __iter__(self):  # configurations, for list_usb_printers
        return iter([self.get_active_configuration()])

    def write(self, ep: int, data: Any, timeout: int) -> int:
        if self.write_error:
            raise self.write_error
        self.written.append((ep, bytes(data), timeout))
        return len(data)

    def read(self, ep: int, size: int, timeout: int) -> bytes:
        if self.status is None:
            raise usb.core.USBTimeoutError("Operation timed out", None, 110)
        return self.status


@pytest.fixture
def fake_usb(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    state: dict[str, Any] = {"device": _Device()}

    def find(**kwargs: Any) -> Any:
        if state.get("error"):
            raise state["error"]
        if kwargs.get("find_all"):
            return iter([state["device"]] if state["device"] else [])
        return state["device"]

    monkeypatch.setattr(usb.core, "find", find)
    return state


def test_usb_writes_in_chunks_to_the_discovered_endpoint(fake_usb: dict[str, Any]) -> None:
    transport = UsbTransport(0x04B8, 0x0202, timeout_ms=3000, chunk_size=1000)
    data = bytes(2500)
    transport.send(data)
    written = fake_usb["device"].written
    assert [len(w[1]) for w in written] == [1000, 1000, 500]
    assert {w[0] for w in written} == {0x03} and {w[2] for w in written} == {3000}
    transport.close()


def test_usb_status_answers_and_silence(fake_usb: dict[str, Any]) -> None:
    fake_usb["device"].status = bytes([0x12])
    assert UsbTransport(0x04B8, 0x0202).status().ready
    fake_usb["device"].status = None
    status = UsbTransport(0x04B8, 0x0202).status()
    assert status.online is None and status.paper == "unknown"


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (usb.core.USBError("Access denied (insufficient permissions)", None, 13), "access_denied"),
        (usb.core.USBError("Resource busy", None, 16), "busy"),
        (usb.core.USBTimeoutError("Operation timed out", None, 110), "timeout"),
    ],
)
def test_usb_write_errors(fake_usb: dict[str, Any], error: Exception, code: str) -> None:
    fake_usb["device"] = _Device(write_error=error)
    with pytest.raises(PrinterError) as info:
        ReceiptPrinter(UsbTransport(0x04B8, 0x0202)).print_receipt(sale(n=1))
    assert info.value.code == code


def test_usb_not_found_and_no_backend(fake_usb: dict[str, Any]) -> None:
    fake_usb["device"] = None
    with pytest.raises(PrinterError) as info:
        UsbTransport(0x04B8, 0x0202).send(b"x")
    assert info.value.code == "not_found"
    fake_usb["error"] = usb.core.NoBackendError("No backend available")
    with pytest.raises(PrinterError) as info:
        UsbTransport(0x04B8, 0x0202).send(b"x")
    assert info.value.code == "no_backend"
    assert list_usb_printers() == []


def test_usb_timeout_must_be_set() -> None:
    with pytest.raises(ValueError):
        UsbTransport(0x04B8, 0x0202, timeout_ms=0)


def test_list_usb_printers(fake_usb: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    [(spec, description)] = list_usb_printers()
    assert (spec, description) == ("usb:04b8:0202", "")   # no model given: the page says "USB printer"
    printer = ReceiptPrinter.from_spec(spec, 384)   # the listed spec opens the listed device
    printer.print_test_page()
    assert fake_usb["device"].written
    printer.close()
    strings = {1: "EPSON ", 2: " TM-T82"}
    monkeypatch.setattr(usb.util, "get_string", lambda dev, index: strings[index])
    fake_usb["device"].iManufacturer, fake_usb["device"].iProduct = 1, 2
    assert list_usb_printers() == [("usb:04b8:0202", "EPSON TM-T82")]
    monkeypatch.setattr(_Interface, "bInterfaceClass", 3)  # a keyboard, not a printer
    assert list_usb_printers() == []

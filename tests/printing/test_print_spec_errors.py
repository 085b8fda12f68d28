"""Printer setting strings, and every low-level failure mapped to a PrinterError the vendor can act on."""
from __future__ import annotations

import errno
import socket

import pytest
import serial
import usb.core
from escpos.exceptions import DeviceNotFoundError

from otop_pos.core.errors import PrinterError
from otop_pos.printing.errors import CODES, Where, for_code, map_exception, udev_rule
from otop_pos.printing.transports.spec import PrinterSpec, PrinterSpecError, parse_printer_spec

USB = Where("usb", "USB 04b8:0202", 0x04B8, 0x0202)
UDEV = 'SUBSYSTEM=="usb", ATTRS{idVendor}=="04b8", ATTRS{idProduct}=="0202", MODE="0666"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("usb:04b8:0202", PrinterSpec("usb", vid=0x04B8, pid=0x0202)),
        ("USB:0x04B8:0x0E15", PrinterSpec("usb", vid=0x04B8, pid=0x0E15)),
        ("usb:0416:5011:81:03", PrinterSpec("usb", vid=0x0416, pid=0x5011, in_ep=0x81, out_ep=0x03)),
        ("net:192.168.1.50", PrinterSpec("net", host="192.168.1.50", port=9100)),
        ("net:printer.local:9101", PrinterSpec("net", host="printer.local", port=9101)),
        ("net:[fe80::1]:9100", PrinterSpec("net", host="fe80::1", port=9100)),
        ("serial:/dev/ttyUSB0", PrinterSpec("serial", device="/dev/ttyUSB0", baudrate=9600)),
        ("serial:COM3:38400", PrinterSpec("serial", device="COM3", baudrate=38400)),
        ("serial:/dev/ttyS0:115200:rtscts",
         PrinterSpec("serial", device="/dev/ttyS0", baudrate=115200, flow="rtscts")),
        ("file:/dev/usb/lp0", PrinterSpec("file", path="/dev/usb/lp0")),
        (r"file:C:\receipts\out.bin", PrinterSpec("file", path=r"C:\receipts\out.bin")),
        ("dummy", PrinterSpec("dummy")),
        ("none", PrinterSpec("none")),
        ("  ", PrinterSpec("none")),
    ],
)
def test_good_specs(text: str, expected: PrinterSpec) -> None:
    spec = parse_printer_spec(text)
    assert spec == expected
    assert parse_printer_spec(str(spec)) == spec  # str() gives the canonical, re-parsable form
    assert spec.label


@pytest.mark.parametrize(
    "text",
    ["usb", "usb:04b8", "usb:zzzz:0202", "usb:04b8:0202:81", "usb:04b8:0202:01:81", "usb:1ffff:0202",
     "net:", "net:host:", "net:host:99999", "net:host:abc", "net:[::1", "serial:", "serial::9600",
     "file:", "lpt:1", "bluetooth:AA:BB", "dummy:1", "04b8:0202"],
)
def test_bad_specs(text: str) -> None:
    with pytest.raises(PrinterSpecError) as info:
        parse_printer_spec(text)
    assert isinstance(info.value, PrinterError) and info.value.code == "bad_spec"
    assert "usb:VID:PID" in info.value.en and info.value.th


def test_udev_rule_line() -> None:
    assert udev_rule(0x04B8, 0x0202) == UDEV


def test_usb_access_denied_gives_the_udev_rule() -> None:
    err = map_exception(usb.core.USBError("Access denied (insufficient permissions)", None, 13), USB)
    assert err.code == "access_denied"
    assert UDEV in err.th and UDEV in err.en
    assert "udevadm" in err.en


def test_usb_busy_suggests_the_device_file() -> None:
    err = map_exception(usb.core.USBError("Resource busy", None, 16), USB)
    assert err.code == "busy"
    assert "file:/dev/usb/lp0" in err.en and "file:/dev/usb/lp0" in err.th
    assert "cups" in err.en.lower() and "usblp" in err.en


def test_no_backend() -> None:
    err = map_exception(usb.core.NoBackendError("No backend available"), USB)
    assert err.code == "no_backend" and "libusb" in err.en
    assert map_exception(ValueError("No backend available"), USB).code == "no_backend"


def test_usb_timeout_and_not_found() -> None:
    assert map_exception(usb.core.USBTimeoutError("Operation timed out", None, 110), USB).code == "timeout"
    assert map_exception(usb.core.USBError("No such device (it may have been disconnected)", None, 19),
                         USB).code == "not_found"
    wrapped = DeviceNotFoundError(
        "Unable to open USB printer on (1208, 514):\nDevice not found or cable not plugged in."
    )
    assert map_exception(wrapped, USB).code == "not_found"
    denied = DeviceNotFoundError("Unable to open USB printer on (1208, 514):\n[Errno 13] Access denied")
    assert map_exception(denied, USB).code == "access_denied"


def test_usb_pipe_error_hints_at_endpoints() -> None:
    err = map_exception(usb.core.USBError("Pipe error", None, errno.EPIPE), USB)
    assert err.code == "error" and "81:03" in err.en


def test_network_errors() -> None:
    net = Where("net", "10.0.0.5:9100")
    assert map_exception(socket.timeout("timed out"), net).code == "timeout"
    assert map_exception(TimeoutError(), net).code == "timeout"
    assert map_exception(ConnectionRefusedError(errno.ECONNREFUSED, "refused"), net).code == "offline"
    assert map_exception(OSError(errno.EHOSTUNREACH, "No route to host"), net).code == "offline"
    assert map_exception(OSError(errno.ENETUNREACH, "Network is unreachable"), net).code == "offline"
    assert map_exception(socket.gaierror(-2, "Name or service not known"), net).code == "not_found"
    assert "10.0.0.5:9100" in map_exception(TimeoutError(), net).en


def test_serial_errors() -> None:
    port = Where("serial", "/dev/ttyUSB0")
    assert map_exception(serial.SerialTimeoutException("Write timeout"), port).code == "timeout"
    missing = serial.SerialException(errno.ENOENT, "could not open port /dev/ttyUSB0: [Errno 2] No such file")
    assert map_exception(missing, port).code == "not_found"
    denied = map_exception(serial.SerialException(errno.EACCES, "could not open port: [Errno 13]"), port)
    assert denied.code == "access_denied" and "dialout" in denied.en


def test_file_errors() -> None:
    device = Where("file", "/dev/usb/lp0", is_device=True)
    plain = Where("file", "/tmp/out.bin")
    assert map_exception(OSError(errno.ENOSPC, "No space left on device"), device).code == "paper_out"
    assert map_exception(OSError(errno.ENOSPC, "No space left on device"), plain).code == "error"
    denied = map_exception(PermissionError(errno.EACCES, "Permission denied"), device)
    assert denied.code == "access_denied" and "lp" in denied.en
    assert map_exception(FileNotFoundError(errno.ENOENT, "No such file"), device).code == "not_found"
    assert map_exception(OSError(errno.EBUSY, "Device or resource busy"), device).code == "busy"


def test_unknown_failures_are_still_printer_errors() -> None:
    err = map_exception(RuntimeError("boom"), USB)
    assert isinstance(err, PrinterError) and err.code == "error" and "boom" in err.en
    same = PrinterError("ก", "a", "offline")
    assert map_exception(same) is same


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_both_languages(code: str) -> None:
    err = for_code(code, USB)
    assert err.code == code and err.th and err.en and err.th != err.en


def test_a_plain_file_the_user_may_not_write_gets_no_group_advice() -> None:
    """``--printer file:/root/x`` as a user: the folder is not writable; no ``usermod`` (the README says no group
    is ever needed, and no group would help). A character device (/dev/usb/lp0) keeps the lp group advice."""
    plain = map_exception(PermissionError(errno.EACCES, "Permission denied"), Where("file", "/root/x"))
    assert plain.code == "access_denied"
    assert "usermod" not in plain.en + plain.th and "group" not in plain.en
    assert "/root" in plain.en and "not writable by this user" in plain.en and "ไม่มีสิทธิ์เขียนในโฟลเดอร์ /root" in plain.th
    device = map_exception(PermissionError(errno.EACCES, "Permission denied"), Where("file", "/dev/usb/lp0",
                                                                                    is_device=True))
    assert "sudo usermod -aG lp" in device.en

"""Printer setting strings (``usb:04b8:0202``, ``net:192.168.1.50:9100``, ``serial:COM3:38400``,
``file:/dev/usb/lp0``, ``win:XP-58`` (a Windows print queue by name), ``dummy``, ``none``) parsed into a ``PrinterSpec`` and opened as a transport."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from otop_pos.core.errors import PrinterError
from otop_pos.printing.transports.base import Transport

SpecKind = Literal["usb", "net", "serial", "file", "win", "dummy", "none"]
FLOW_CONTROLS = ("rtscts", "dsrdtr", "xonxoff")
SPEC_HELP = (
    "usb:VID:PID[:IN:OUT] | net:HOST[:PORT] | serial:DEVICE[:BAUD[:rtscts]] | file:PATH | win:QUEUE NAME | dummy | none"
)


class PrinterSpecError(PrinterError):
    """The printer setting text cannot be understood (code "bad_spec")."""

    def __init__(self, spec: str, th_reason: str, en_reason: str) -> None:
        super().__init__(
            f"ตั้งค่าเครื่องพิมพ์ “{spec}” ไม่ถูกต้อง: {th_reason} (รูปแบบ: {SPEC_HELP})",
            f"The printer setting “{spec}” is not valid: {en_reason} (forms: {SPEC_HELP}).",
            "bad_spec",
        )


@dataclass(frozen=True)
class PrinterSpec:
    """A parsed printer setting; only the fields of its ``kind`` are meaningful."""

    kind: SpecKind
    vid: int = 0
    pid: int = 0
    in_ep: int | None = None
    out_ep: int | None = None
    host: str = ""
    port: int = 9100
    device: str = ""
    baudrate: int = 9600
    flow: str = ""
    path: str = ""
    queue: str = ""

    def __str__(self) -> str:
        if self.kind == "usb":
            eps = ""
            if self.in_ep is not None and self.out_ep is not None:
                eps = f":{self.in_ep:02x}:{self.out_ep:02x}"
            return f"usb:{self.vid:04x}:{self.pid:04x}{eps}"
        if self.kind == "net":
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"net:{host}:{self.port}"
        if self.kind == "serial":
            return f"serial:{self.device}:{self.baudrate}" + (f":{self.flow}" if self.flow else "")
        if self.kind == "file":
            return f"file:{self.path}"
        if self.kind == "win":
            return f"win:{self.queue}"
        return self.kind

    @property
    def label(self) -> str:
        """A short description for people: "USB 04b8:0202", "Network 10.0.0.5:9100", …"""
        return {
            "usb": f"USB {self.vid:04x}:{self.pid:04x}",
            "net": f"Network {self.host}:{self.port}",
            "serial": f"Serial {self.device} {self.baudrate} baud",
            "file": f"File {self.path}",
            "win": f"Windows printer {self.queue}",
            "dummy": "Dummy (no paper)",
            "none": "No printer",
        }[self.kind]


def _hex(spec: str, text: str, what: str, limit: int) -> int:
    body = text.strip().lower()
    body = body[2:] if body.startswith("0x") else body
    try:
        value = int(body, 16)
    except ValueError:
        raise PrinterSpecError(
            spec, f"{what} “{text}” ไม่ใช่เลขฐานสิบหก", f"{what} “{text}” is not hexadecimal"
        ) from None
    if not 0 <= value <= limit or not body:
        raise PrinterSpecError(spec, f"{what} “{text}” เกินช่วง", f"{what} “{text}” is out of range")
    return value


def _int(spec: str, text: str, what: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise PrinterSpecError(spec, f"{what} “{text}” ต้องเป็นตัวเลข {low}–{high}",
                               f"{what} “{text}” must be a number {low}–{high}")
    return int(text)


def _usb(spec: str, rest: str) -> PrinterSpec:
    parts = rest.split(":")
    if len(parts) not in (2, 4):
        raise PrinterSpecError(spec, "ต้องเป็น usb:VID:PID หรือ usb:VID:PID:IN:OUT (เลขฐานสิบหก)",
                               "expected usb:VID:PID or usb:VID:PID:IN:OUT (hexadecimal)")
    vid = _hex(spec, parts[0], "VID", 0xFFFF)
    pid = _hex(spec, parts[1], "PID", 0xFFFF)
    if len(parts) == 2:
        return PrinterSpec("usb", vid=vid, pid=pid)
    in_ep = _hex(spec, parts[2], "IN endpoint", 0xFF)
    out_ep = _hex(spec, parts[3], "OUT endpoint", 0xFF)
    if not in_ep & 0x80 or out_ep & 0x80 or not out_ep:
        raise PrinterSpecError(spec, "endpoint ขาเข้าต้องเป็น 81–8f และขาออก 01–0f",
                               "the IN endpoint must be 81–8f and the OUT endpoint 01–0f")
    return PrinterSpec("usb", vid=vid, pid=pid, in_ep=in_ep, out_ep=out_ep)


def _net(spec: str, rest: str) -> PrinterSpec:
    port_text = ""
    if rest.startswith("["):
        host, sep, tail = rest[1:].partition("]")
        if not sep or (tail and not tail.startswith(":")):
            raise PrinterSpecError(spec, "ที่อยู่ IPv6 ต้องอยู่ใน [ ]", "an IPv6 address goes in [ ]")
        port_text = tail[1:]
        if tail and not port_text:
            raise PrinterSpecError(spec, "ไม่มีหมายเลขพอร์ต", "the port is missing")
    elif rest.count(":") == 1:
        host, port_text = rest.split(":")
        if not port_text:
            raise PrinterSpecError(spec, "ไม่มีหมายเลขพอร์ต", "the port is missing")
    else:
        host = rest
    host = host.strip()
    if not host or any(ch.isspace() for ch in host) or "/" in host:
        raise PrinterSpecError(
            spec, "ไม่มีชื่อหรือที่อยู่ IP ของเครื่องพิมพ์", "the printer host name or IP is missing"
        )
    port = _int(spec, port_text, "port", 1, 65535) if port_text else 9100
    return PrinterSpec("net", host=host, port=port)


def _serial(spec: str, rest: str) -> PrinterSpec:
    parts = rest.split(":")
    flow = ""
    if len(parts) > 1 and parts[-1].lower() in FLOW_CONTROLS:
        flow = parts.pop().lower()
    baud = 9600
    if len(parts) > 1 and parts[-1].isdigit():
        baud = _int(spec, parts.pop(), "baud", 300, 4_000_000)
    device = ":".join(parts).strip()
    if not device:
        raise PrinterSpecError(spec, "ไม่มีชื่อพอร์ต (เช่น /dev/ttyUSB0 หรือ COM3)",
                               "the port name is missing (e.g. /dev/ttyUSB0 or COM3)")
    return PrinterSpec("serial", device=device, baudrate=baud, flow=flow)


def parse_printer_spec(spec: str) -> PrinterSpec:
    """Parse a printer setting; raises ``PrinterSpecError`` (a ``PrinterError``, code "bad_spec")."""
    text = (spec or "").strip()
    kind, sep, rest = text.partition(":")
    kind = kind.strip().lower()
    if not text or (kind == "none" and not sep):
        return PrinterSpec("none")
    if kind == "dummy" and not sep:
        return PrinterSpec("dummy")
    if not sep or not rest.strip():
        raise PrinterSpecError(text, "ไม่รู้จักรูปแบบนี้", "unknown form")
    rest = rest.strip()
    if kind == "usb":
        return _usb(text, rest)
    if kind in ("net", "tcp"):
        return _net(text, rest)
    if kind == "serial":
        return _serial(text, rest)
    if kind == "file":
        return PrinterSpec("file", path=rest)
    if kind == "win":
        return PrinterSpec("win", queue=rest)
    raise PrinterSpecError(text, f"ไม่รู้จักชนิด “{kind}”", f"unknown kind “{kind}”")


def open_transport(spec: str | PrinterSpec, **options: Any) -> Transport:
    """The transport for ``spec``; ``options`` go to its constructor (e.g. ``timeout``). Opening is lazy:
    nothing touches the device until the first ``send`` or ``status``."""
    parsed = parse_printer_spec(spec) if isinstance(spec, str) else spec
    if parsed.kind == "usb":
        from otop_pos.printing.transports.usb import UsbTransport

        return UsbTransport(parsed.vid, parsed.pid, parsed.in_ep, parsed.out_ep, **options)
    if parsed.kind == "net":
        from otop_pos.printing.transports.net import NetTransport

        return NetTransport(parsed.host, parsed.port, **options)
    if parsed.kind == "serial":
        from otop_pos.printing.transports.serial_port import SerialTransport

        flow = {parsed.flow: True} if parsed.flow else {}
        return SerialTransport(parsed.device, parsed.baudrate, **flow, **options)
    if parsed.kind == "file":
        from otop_pos.printing.transports.file import FileTransport

        return FileTransport(parsed.path, **options)
    if parsed.kind == "win":
        from otop_pos.printing.transports.win32raw import Win32RawTransport

        return Win32RawTransport(parsed.queue, **options)
    from otop_pos.printing.transports.dummy import DummyTransport, NullTransport

    if parsed.kind == "dummy":
        return DummyTransport(**options)
    return NullTransport()

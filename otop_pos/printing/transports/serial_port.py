"""Serial (RS-232, USB-serial) printers through pyserial; a write timeout stops a stuck printer hanging."""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from otop_pos.printing.errors import Where, map_exception
from otop_pos.printing.transports.base import PrinterStatus, chunks, query_status

DEFAULT_BAUD = 9600


class SerialTransport:
    """A printer on ``device`` ("/dev/ttyUSB0", "COM3") at ``baudrate`` 8N1; opened on first use and kept."""

    def __init__(
        self,
        device: str,
        baudrate: int = DEFAULT_BAUD,
        *,
        timeout: float = 10.0,
        status_timeout: float = 0.5,
        rtscts: bool = False,
        dsrdtr: bool = False,
        xonxoff: bool = False,
        chunk_size: int = 1024,
    ) -> None:
        self.device = device
        self.baudrate = baudrate
        self.timeout = timeout
        self.status_timeout = status_timeout
        self.flow = {"rtscts": rtscts, "dsrdtr": dsrdtr, "xonxoff": xonxoff}
        self.chunk_size = chunk_size
        self.where = Where("serial", device)
        self._port: Any = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SerialTransport({self.device!r}, {self.baudrate})"

    def _open(self) -> Any:
        if self._port is None:
            import serial

            self._port = serial.Serial(
                port=self.device,
                baudrate=self.baudrate,
                bytesize=serial.EIGHTBITS,
                parity=serial.PARITY_NONE,
                stopbits=serial.STOPBITS_ONE,
                timeout=self.status_timeout,
                write_timeout=self.timeout,
                **self.flow,
            )
        return self._port

    def _release(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except Exception:  # noqa: BLE001
                pass

    def send(self, data: bytes) -> None:
        """Write ``data`` in chunks; each must leave within ``timeout`` seconds. Raises ``PrinterError``."""
        with self._lock:
            try:
                port = self._open()
                for part in chunks(data, self.chunk_size):
                    port.write(part)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a PrinterError
                self._release()
                raise map_exception(exc, self.where) from exc

    def status(self) -> PrinterStatus:
        """DLE EOT 1/4; no answer within ``status_timeout`` means unknown (not "paper OK")."""
        with self._lock:
            try:
                port = self._open()
                port.reset_input_buffer()

                def read_byte() -> int | None:
                    got = port.read(1)
                    return got[0] if got else None

                return query_status(port.write, read_byte)
            except Exception as exc:  # noqa: BLE001
                self._release()
                err = map_exception(exc, self.where)
                online = False if err.code == "not_found" else None
                return PrinterStatus(online, "unknown", err.th, err.en)

    def close(self) -> None:
        with self._lock:
            self._release()


def list_serial_ports(comports: Callable[[], Iterable[Any]] | None = None) -> list[tuple[str, str]]:
    """The serial ports a printer may be on, as ``(spec, description)``: USB-serial adapters and paired
    Bluetooth printers (Windows' "Standard Serial over Bluetooth link (COM5)", Linux's /dev/rfcomm0).
    Built-in ports that report nothing ("n/a": an empty /dev/ttyS0) are left out; [] without pyserial.

    ``comports`` is pyserial's ``serial.tools.list_ports.comports`` (injected by tests)."""
    if comports is None:
        try:
            from serial.tools.list_ports import comports as found
        except ImportError:
            return []
        comports = found
    try:
        ports = list(comports())
    except OSError:
        return []
    listed: list[tuple[str, str]] = []
    for port in ports:
        device = str(getattr(port, "device", "") or "")
        hwid = str(getattr(port, "hwid", "") or "n/a")
        description = str(getattr(port, "description", "") or "")
        if not device or (hwid == "n/a" and "rfcomm" not in device):
            continue
        name = device.rsplit("/", 1)[-1]
        detail = "" if description in ("n/a", name, device) else description
        listed.append((f"serial:{device}", f"{name} {detail}".strip()))
    return sorted(listed, key=lambda item: item[1])

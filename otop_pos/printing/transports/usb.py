"""USB printers through python-escpos ``Usb`` (pyusb/libusb): explicit timeouts, endpoints, chunked writes."""
from __future__ import annotations

import ctypes.util
import sys
import threading
from typing import Any

from otop_pos.printing.errors import Where, map_exception
from otop_pos.printing.transports.base import DEFAULT_CHUNK, PrinterStatus, chunks, query_status

PRINTER_CLASS = 7
DEFAULT_IN_EP = 0x82
DEFAULT_OUT_EP = 0x01


#: the system's libusb by its soname, where the name lookup (ldconfig) finds nothing
SYSTEM_LIBUSB = {"linux": "libusb-1.0.so.0", "darwin": "libusb-1.0.dylib", "win32": "libusb-1.0.dll"}


def use_system_libusb() -> None:
    """Let pyusb load the system's libusb when the bundled lookup finds none.

    In the frozen app PyInstaller's pyusb runtime hook replaces pyusb's library loader with one that looks only
    inside the bundle, and the .deb keeps libusb out of it on purpose (``Depends: libusb-1.0-0``: the system's
    copy, built for the system's kernel and udev). Without this every ``usb:`` printer said "libusb is not
    installed" on a laptop that has it. Run before the first ``usb.core.find``; harmless when not frozen."""
    import usb.backend.libusb1 as libusb1

    load = libusb1._load_library
    if getattr(load, "otop_system_fallback", False):
        return

    def load_with_fallback(find_library: Any = None) -> Any:
        try:
            return load(find_library=find_library)
        except OSError:
            if find_library is not None:
                raise
            name = ctypes.util.find_library("usb-1.0") or SYSTEM_LIBUSB.get(sys.platform, "libusb-1.0.so.0")
            return load(find_library=lambda _candidate: name)

    load_with_fallback.otop_system_fallback = True  # type: ignore[attr-defined]
    libusb1._load_library = load_with_fallback


def find_bulk_endpoints(device: Any) -> tuple[int | None, int | None]:
    """(in, out) bulk endpoint addresses of the printer interface (class 7, else the first with bulk OUT)."""
    import usb.util

    try:
        config = device.get_active_configuration()
    except Exception:  # noqa: BLE001 - unconfigured or inaccessible: keep the defaults
        return None, None
    interfaces = sorted(config, key=lambda i: 0 if i.bInterfaceClass == PRINTER_CLASS else 1)
    for intf in interfaces:
        ins, outs = [], []
        for ep in intf:
            if usb.util.endpoint_type(ep.bmAttributes) != usb.util.ENDPOINT_TYPE_BULK:
                continue
            if usb.util.endpoint_direction(ep.bEndpointAddress) == usb.util.ENDPOINT_IN:
                ins.append(ep.bEndpointAddress)
            else:
                outs.append(ep.bEndpointAddress)
        if outs:
            return (ins[0] if ins else None), outs[0]
    return None, None


class UsbTransport:
    """A USB printer ``vid:pid``; endpoints are read from the descriptors unless given.

    The device is opened on the first job and kept; after a failure it is released so the next job
    (never an automatic retry) opens it afresh.
    """

    def __init__(
        self,
        vid: int,
        pid: int,
        in_ep: int | None = None,
        out_ep: int | None = None,
        *,
        timeout_ms: int = 5000,
        status_timeout_ms: int = 500,
        chunk_size: int = DEFAULT_CHUNK,
        profile: str | None = None,
    ) -> None:
        if timeout_ms <= 0:
            raise ValueError("a USB timeout of 0 waits forever: give a positive timeout")
        self.vid, self.pid = vid, pid
        self.in_ep, self.out_ep = in_ep, out_ep
        self.timeout_ms = timeout_ms
        self.status_timeout_ms = status_timeout_ms
        self.chunk_size = chunk_size
        self.profile = profile
        self.where = Where("usb", f"USB {vid:04x}:{pid:04x}", vid, pid)
        self._printer: Any = None
        self._ep: tuple[int | None, int] = (in_ep, out_ep or DEFAULT_OUT_EP)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"UsbTransport({self.vid:#06x}, {self.pid:#06x})"

    def _open(self) -> Any:
        if self._printer is not None:
            return self._printer.device
        from escpos.printer import Usb

        use_system_libusb()
        printer = Usb(
            self.vid, self.pid,
            timeout=self.timeout_ms,
            in_ep=self.in_ep if self.in_ep is not None else DEFAULT_IN_EP,
            out_ep=self.out_ep if self.out_ep is not None else DEFAULT_OUT_EP,
            profile=self.profile,
        )
        printer.open()
        device = printer.device
        found_in, found_out = find_bulk_endpoints(device)
        in_ep = self.in_ep if self.in_ep is not None else (found_in if found_out else DEFAULT_IN_EP)
        out_ep = self.out_ep if self.out_ep is not None else (found_out or DEFAULT_OUT_EP)
        printer.in_ep, printer.out_ep = in_ep, out_ep
        self._ep = (in_ep, out_ep)
        self._printer = printer
        return device

    def _release(self) -> None:
        printer, self._printer = self._printer, None
        if printer is not None:
            try:
                printer.close()
            except Exception:  # noqa: BLE001 - the device may already be gone
                pass

    def send(self, data: bytes) -> None:
        """Write ``data`` to the OUT endpoint in chunks, each within ``timeout_ms`` (or ``PrinterError``)."""
        with self._lock:
            try:
                device = self._open()
                out_ep = self._ep[1]
                for part in chunks(data, self.chunk_size):
                    written = device.write(out_ep, part, self.timeout_ms)
                    if written != len(part):
                        raise TimeoutError(f"short USB write ({written} of {len(part)} bytes)")
            except Exception as exc:  # noqa: BLE001 - every failure becomes a PrinterError
                self._release()
                raise map_exception(exc, self.where) from exc

    def status(self) -> PrinterStatus:
        """DLE EOT 1/4 over the bulk endpoints; no IN endpoint or no answer means unknown."""
        import usb.core

        with self._lock:
            try:
                device = self._open()
                in_ep, out_ep = self._ep
                if in_ep is None:
                    return query_status(lambda b: None, lambda: None)

                def write(data: bytes) -> None:
                    device.write(out_ep, data, self.timeout_ms)

                def read_byte() -> int | None:
                    try:
                        got = device.read(in_ep, 16, self.status_timeout_ms)
                    except usb.core.USBTimeoutError:
                        return None
                    return int(got[-1]) if len(got) else None

                return query_status(write, read_byte)
            except Exception as exc:  # noqa: BLE001
                self._release()
                err = map_exception(exc, self.where)
                online = False if err.code == "not_found" else None
                return PrinterStatus(online, "unknown", err.th, err.en)

    def close(self) -> None:
        with self._lock:
            self._release()

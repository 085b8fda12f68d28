"""The receipt printer: renders documents, encodes them for ESC/POS and sends them through one transport.

A job is sent once; ESC/POS has no "printed" acknowledgement, so a failed job is never retried here:
the caller offers a reprint marked COPY. Every device failure is raised as ``PrinterError``.
"""
from __future__ import annotations

import sys
from typing import Any

from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import PrinterError
from otop_pos.printing.errors import Where, map_exception
from otop_pos.printing.escpos_encode import DEFAULT_FRAGMENT_HEIGHT, encode_image
from otop_pos.printing.transports.base import PrinterStatus, Transport
from otop_pos.printing.transports.spec import PrinterSpec, open_transport, parse_printer_spec

CD_KICK_PIN2 = b"\x1bp\x00\x32\x32"  # ESC p 0 t1 t2: pulse on drawer pin 2 (50 × 2 ms on/off)


class ReceiptPrinter:
    """One printer: ``transport``, paper ``width`` in dots, whether it cuts and has a cash drawer."""

    def __init__(
        self,
        transport: Transport,
        width: int = 576,
        *,
        cut: bool = True,
        drawer: bool = False,
        profile: str | None = None,
        fragment_height: int = DEFAULT_FRAGMENT_HEIGHT,
        threshold: int = 128,
        label: str = "",
    ) -> None:
        self.transport = transport
        self.width = width
        self.cut = cut
        self.drawer = drawer
        self.profile = profile
        self.fragment_height = fragment_height
        self.threshold = threshold
        self.label = label or type(transport).__name__

    @classmethod
    def from_spec(cls, spec: str | PrinterSpec, width: int = 576, **kwargs: Any) -> ReceiptPrinter:
        """A printer for a setting string such as ``usb:04b8:0202`` (see ``parse_printer_spec``)."""
        parsed = parse_printer_spec(spec) if isinstance(spec, str) else spec
        return cls(open_transport(parsed), width, label=kwargs.pop("label", str(parsed)), **kwargs)

    def __repr__(self) -> str:
        return f"ReceiptPrinter({self.transport!r}, width={self.width})"

    # -- jobs -------------------------------------------------------------------------------------
    def receipt_bytes(self, doc: ReceiptDoc) -> bytes:
        """The ESC/POS bytes ``print_receipt`` would send (for previews, tests and the CLI)."""
        from otop_pos.printing.raster import render_receipt, to_mono

        mono = to_mono(render_receipt(doc, self.width), self.threshold)
        return self._encode(mono, drawer=self._kick_for(doc))

    def print_receipt(self, doc: ReceiptDoc) -> None:
        """Print ``doc``; opens the cash drawer (when there is one) for cash movements, never for a COPY."""
        self._send(self.receipt_bytes(doc))

    def print_zreport(self, doc: ZReportDoc) -> None:
        """Print the day-close report (the drawer stays shut)."""
        from otop_pos.printing.raster import render_zreport, to_mono

        self._send(self._encode(to_mono(render_zreport(doc, self.width), self.threshold), drawer=False))

    def print_test_page(self, label: str | None = None) -> None:
        """Print the test page (Thai sample, dot ruler, edge marks, QR)."""
        from otop_pos.printing.raster import render_test_page, to_mono

        image = render_test_page(self.width, label if label is not None else self.label)
        self._send(self._encode(to_mono(image, self.threshold), drawer=False))

    def open_drawer(self) -> None:
        """Kick the cash drawer (pin 2) without printing."""
        self._send(CD_KICK_PIN2)

    def status(self) -> PrinterStatus:
        """What the printer reports (``online=None`` / paper "unknown" when it cannot say)."""
        return self.transport.status()

    def close(self) -> None:
        try:
            self.transport.close()
        except Exception:  # noqa: BLE001 - closing must not raise
            pass

    # -- helpers ----------------------------------------------------------------------------------
    def _kick_for(self, doc: ReceiptDoc) -> bool:
        return self.drawer and not doc.copy and any(p.method == "cash" for p in doc.payments)

    def _encode(self, mono: Any, *, drawer: bool) -> bytes:
        return encode_image(mono, cut=self.cut, drawer=drawer, profile=self.profile,
                            fragment_height=self.fragment_height)

    def _send(self, data: bytes) -> None:
        try:
            self.transport.send(data)
        except PrinterError:
            raise
        except Exception as exc:  # noqa: BLE001 - a transport that leaked a raw exception
            raise map_exception(exc, Where(target=self.label)) from exc


def list_usb_printers() -> list[tuple[str, str]]:
    """USB devices with a printer interface (class 7) as ``(spec, maker and model)``; [] without libusb.

    The model is "" when the device does not say (or its strings need access rights)."""
    try:
        import usb.core
        import usb.util

        from otop_pos.printing.transports.usb import use_system_libusb
    except ImportError:
        return []
    use_system_libusb()
    try:
        devices = list(usb.core.find(find_all=True) or [])
    except (usb.core.NoBackendError, usb.core.USBError, OSError, ValueError):
        return []
    found: list[tuple[str, str]] = []
    for dev in devices:
        try:
            is_printer = dev.bDeviceClass == 7 or any(
                intf.bInterfaceClass == 7 for cfg in dev for intf in cfg
            )
        except Exception:  # noqa: BLE001 - unreadable descriptors
            continue
        if not is_printer:
            continue
        spec = f"usb:{dev.idVendor:04x}:{dev.idProduct:04x}"
        name = ""
        try:
            parts = [usb.util.get_string(dev, dev.iManufacturer) if dev.iManufacturer else "",
                     usb.util.get_string(dev, dev.iProduct) if dev.iProduct else ""]
            name = " ".join(p.strip() for p in parts if p and p.strip())
        except Exception:  # noqa: BLE001 - strings need access rights; the ids are enough
            name = ""
        found.append((spec, name))
    return found


def list_printers(platform: str = sys.platform) -> list[tuple[str, str]]:
    """The printers this computer can find, as ``(spec, description)``: the installed print queues on
    Windows (``win:NAME``, printed through the printer's own driver), USB printers elsewhere (``usb:…``),
    then on both the serial ports a USB-serial or paired Bluetooth printer is on (``serial:COM5``,
    ``serial:/dev/rfcomm0``). Network printers are not found this way: they are typed as addresses."""
    from otop_pos.printing.transports.serial_port import list_serial_ports

    if platform == "win32":
        from otop_pos.printing.transports.win32raw import list_windows_printers

        return list_windows_printers(platform=platform) + list_serial_ports()
    return list_usb_printers() + list_serial_ports()

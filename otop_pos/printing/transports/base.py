"""The transport interface (``send``/``status``/``close``), the printer status value and DLE EOT parsing.

ESC/POS real-time status: ``DLE EOT 1`` answers the printer status (bit 3 = offline), ``DLE EOT 4`` the
roll paper sensor (bits 2-3 = near end, bits 5-6 = paper end). A printer that does not answer is *unknown*,
never "paper OK" (python-escpos 3.1's ``paper_status()`` says OK when nothing comes back).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

PaperState = Literal["ok", "low", "out", "unknown"]

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_PAPER = b"\x10\x04\x04"
#: Bytes per write: small enough for cheap printers' buffers and for a timeout per write to mean something.
DEFAULT_CHUNK = 4096


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself; ``online=None`` and paper "unknown" when it cannot tell."""

    online: bool | None
    paper: PaperState
    message_th: str
    message_en: str

    @property
    def ready(self) -> bool:
        """True only when the printer answered that it is online with paper."""
        return self.online is True and self.paper in ("ok", "low")

    def message(self, lang: str = "th") -> str:
        return self.message_en if lang == "en" else self.message_th


@runtime_checkable
class Transport(Protocol):
    """A connection to one printer. ``send`` raises ``PrinterError``; ``status`` never raises."""

    def send(self, data: bytes) -> None: ...

    def status(self) -> PrinterStatus: ...

    def close(self) -> None: ...


def unknown_status(th: str = "", en: str = "") -> PrinterStatus:
    """A status for a printer that cannot report one (or did not answer)."""
    return PrinterStatus(
        None,
        "unknown",
        th or "เครื่องพิมพ์ไม่ตอบสถานะ จึงไม่ทราบว่าพร้อมพิมพ์หรือมีกระดาษหรือไม่",
        en or "The printer did not report its status: whether it is ready or has paper is unknown.",
    )


def _valid(byte: int | None) -> bool:
    # bits 1 and 4 are always 1, bits 0 and 7 always 0 in DLE EOT replies
    return byte is not None and (byte & 0x93) == 0x12


def parse_status(printer_byte: int | None, paper_byte: int | None) -> PrinterStatus:
    """Interpret the replies to DLE EOT 1 and DLE EOT 4 (``None`` = no or invalid reply)."""
    online: bool | None = None
    if _valid(printer_byte):
        assert printer_byte is not None
        online = not (printer_byte & 0x08)
    paper: PaperState = "unknown"
    if _valid(paper_byte):
        assert paper_byte is not None
        if paper_byte & 0x60:
            paper = "out"
        elif paper_byte & 0x0C:
            paper = "low"
        else:
            paper = "ok"
    if paper == "out":
        return PrinterStatus(online, "out", "กระดาษหมด ใส่กระดาษม้วนใหม่", "Out of paper: load a new roll.")
    if online is False:
        return PrinterStatus(
            False, paper,
            "เครื่องพิมพ์ออฟไลน์ (ฝาเปิด กระดาษหมด หรือกำลังป้อนกระดาษ)",
            "The printer is offline (cover open, paper out or feeding paper).",
        )
    if online is None and paper == "unknown":
        return unknown_status()
    if paper == "low":
        return PrinterStatus(online, "low", "กระดาษใกล้หมด เตรียมม้วนใหม่ไว้",
                             "Paper is running low: have a new roll ready.")
    if paper == "ok" and online:
        return PrinterStatus(True, "ok", "พร้อมพิมพ์", "Ready.")
    if online:
        return PrinterStatus(True, "unknown", "เครื่องพิมพ์ออนไลน์ (ไม่ทราบสถานะกระดาษ)",
                             "Online (paper state unknown).")
    return PrinterStatus(None, paper, "ไม่ทราบว่าเครื่องพิมพ์ออนไลน์หรือไม่",
                         "Whether the printer is online is unknown.")


def query_status(write: Callable[[bytes], None], read_byte: Callable[[], int | None]) -> PrinterStatus:
    """Send DLE EOT 1 and DLE EOT 4 and parse the one-byte answers; ``read_byte`` returns None on timeout."""
    write(DLE_EOT_PRINTER)
    printer_byte = read_byte()
    write(DLE_EOT_PAPER)
    paper_byte = read_byte() if printer_byte is not None else None
    return parse_status(printer_byte, paper_byte)


def chunks(data: bytes, size: int = DEFAULT_CHUNK) -> list[memoryview]:
    """``data`` cut into writes of at most ``size`` bytes."""
    view = memoryview(data)
    return [view[i: i + size] for i in range(0, len(view), size)]

"""Every low-level printer failure (pyusb, sockets, pyserial, files, python-escpos) as a ``PrinterError``.

Codes for the UI: "no_backend", "access_denied", "busy", "not_found", "timeout", "offline", "paper_out",
"error". Messages say what to do next, in Thai and English.
"""
from __future__ import annotations

import errno
import os
import socket
from dataclasses import dataclass

from otop_pos.core.errors import PrinterError

CODES = ("no_backend", "access_denied", "busy", "not_found", "timeout", "offline", "paper_out", "error")

_REPRINT_TH = "ใบเสร็จอาจพิมพ์ไม่ครบ ตรวจดูกระดาษแล้วพิมพ์สำเนา (COPY) ถ้าจำเป็น"
_REPRINT_EN = "The receipt may be incomplete: check the paper and print a COPY if needed."


@dataclass(frozen=True)
class Where:
    """Which device failed: ``kind`` is usb/net/serial/file/win/dummy; ``target`` is shown to the user."""

    kind: str = ""
    target: str = ""
    vid: int | None = None
    pid: int | None = None
    is_device: bool = False  # a character device (e.g. /dev/usb/lp0) rather than a plain file


def udev_rule(vid: int | None, pid: int | None) -> str:
    """The udev line that lets every user open the USB printer ``vid:pid``."""
    v = f"{vid if vid is not None else 0x04B8:04x}"
    p = f"{pid if pid is not None else 0x0202:04x}"
    return f'SUBSYSTEM=="usb", ATTRS{{idVendor}}=="{v}", ATTRS{{idProduct}}=="{p}", MODE="0666"'


def no_backend() -> PrinterError:
    return PrinterError(
        "ต่อเครื่องพิมพ์ USB ไม่ได้เพราะไม่มี libusb ในเครื่องนี้ "
        "(Debian/Ubuntu: sudo apt install libusb-1.0-0; Windows: ติดตั้งไดรเวอร์ WinUSB ด้วยโปรแกรม Zadig) "
        "หรือเลือกเครื่องพิมพ์แบบ file:/dev/usb/lp0 แทน",
        "USB printing needs libusb, which is not installed "
        "(Debian/Ubuntu: sudo apt install libusb-1.0-0; Windows: install the WinUSB driver with Zadig), "
        "or use the printer as file:/dev/usb/lp0 instead.",
        "no_backend",
    )


def access_denied(where: Where) -> PrinterError:
    if where.kind == "usb":
        rule = udev_rule(where.vid, where.pid)
        return PrinterError(
            "ไม่มีสิทธิ์ใช้เครื่องพิมพ์ USB นี้ ให้สร้างไฟล์ /etc/udev/rules.d/99-otop-printer.rules "
            f"ที่มีบรรทัดนี้:\n{rule}\nแล้วรัน sudo udevadm control --reload-rules && sudo udevadm trigger "
            "และถอดสายเครื่องพิมพ์แล้วเสียบใหม่",
            "Permission denied on the USB printer. Create /etc/udev/rules.d/99-otop-printer.rules "
            f"with this line:\n{rule}\nthen run sudo udevadm control --reload-rules && sudo udevadm trigger "
            "and unplug and replug the printer.",
            "access_denied",
        )
    if where.kind == "file" and not where.is_device:   # a plain file: no group helps, the folder is not ours
        folder = os.path.dirname(where.target.rstrip("/")) or "."
        return PrinterError(
            f"เขียนไฟล์ {where.target} ไม่ได้: ผู้ใช้นี้ไม่มีสิทธิ์เขียนในโฟลเดอร์ {folder} (หรือไฟล์นั้นเป็นของผู้ใช้อื่น) "
            "เลือกไฟล์ในโฟลเดอร์ของผู้ใช้เอง หรือเลือกเครื่องพิมพ์",
            f"Cannot write {where.target}: the folder {folder} (or the file) is not writable by this user. "
            "Choose a file in your own folder, or a printer.",
            "access_denied",
        )
    group = "dialout" if where.kind == "serial" else "lp"   # a device: /dev/usb/lp0, /dev/ttyUSB0
    return PrinterError(
        f"ไม่มีสิทธิ์เขียนไปที่ {where.target} ให้เพิ่มผู้ใช้เข้ากลุ่ม {group} "
        f"(sudo usermod -aG {group} $USER) แล้วออกจากระบบและเข้าใหม่",
        f"Permission denied writing to {where.target}: add the user to the {group} group "
        f"(sudo usermod -aG {group} $USER), then log out and in again.",
        "access_denied",
    )


def busy(where: Where) -> PrinterError:
    if where.kind == "usb":
        return PrinterError(
            "เครื่องพิมพ์ USB ถูกโปรแกรมอื่นจับไว้ (ไดรเวอร์ usblp หรือ CUPS) ให้ตั้งเครื่องพิมพ์เป็น "
            "file:/dev/usb/lp0 แทน หรือหยุด CUPS (sudo systemctl stop cups) และ usblp (sudo rmmod usblp)",
            "The USB printer is held by another driver (usblp or CUPS). Set the printer to file:/dev/usb/lp0 "
            "instead, or stop CUPS (sudo systemctl stop cups) and the usblp driver (sudo rmmod usblp).",
            "busy",
        )
    return PrinterError(
        f"{where.target} ถูกโปรแกรมอื่นใช้อยู่ ปิดโปรแกรมนั้นหรือหยุด CUPS แล้วลองใหม่",
        f"{where.target} is in use by another program: close it or stop CUPS, then try again.",
        "busy",
    )


def not_found(where: Where) -> PrinterError:
    target = where.target or "?"
    return PrinterError(
        f"ไม่พบเครื่องพิมพ์ {target} ตรวจสอบว่าเปิดเครื่องและเสียบสายแล้ว และตั้งค่าเครื่องพิมพ์ถูกต้อง",
        f"Printer {target} not found: check that it is switched on and plugged in, and the printer setting.",
        "not_found",
    )


def timeout(where: Where) -> PrinterError:
    return PrinterError(
        f"เครื่องพิมพ์ {where.target} ไม่ตอบสนองภายในเวลาที่กำหนด (กระดาษหมด ฝาเปิด หรือสายหลุด?) "
        + _REPRINT_TH,
        f"The printer {where.target} did not respond in time (paper out, cover open or cable loose?). "
        + _REPRINT_EN,
        "timeout",
    )


def offline(where: Where) -> PrinterError:
    return PrinterError(
        f"ติดต่อเครื่องพิมพ์ {where.target} ไม่ได้ เครื่องอาจปิดอยู่หรือไม่ได้ต่อเครือข่าย",
        f"Cannot reach the printer {where.target}: it may be switched off or not on the network.",
        "offline",
    )


def paper_out(where: Where | None = None) -> PrinterError:
    return PrinterError(
        "กระดาษหมด ใส่กระดาษม้วนใหม่ แล้วสั่งพิมพ์สำเนา (COPY) ถ้าใบเสร็จยังไม่ออก",
        "Out of paper: load a new roll, then print a COPY if the receipt did not come out.",
        "paper_out",
    )


def generic(where: Where, exc: BaseException | str) -> PrinterError:
    detail = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return PrinterError(
        f"เครื่องพิมพ์ {where.target} ผิดพลาด ({detail})",
        f"Printer {where.target} error ({detail}).",
        "error",
    )


def for_code(code: str, where: Where | None = None) -> PrinterError:
    """The standard error for ``code`` (used by the dummy transport and tests)."""
    where = where or Where("dummy", "dummy")
    builders = {
        "no_backend": lambda: no_backend(),
        "access_denied": lambda: access_denied(where),
        "busy": lambda: busy(where),
        "not_found": lambda: not_found(where),
        "timeout": lambda: timeout(where),
        "offline": lambda: offline(where),
        "paper_out": lambda: paper_out(where),
    }
    build = builders.get(code)
    return build() if build else generic(where, code)


def _from_errno(code: int | None, where: Where, exc: BaseException) -> PrinterError | None:
    if code in (errno.EACCES, errno.EPERM):
        return access_denied(where)
    if code == errno.EBUSY:
        return busy(where)
    if code in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        return not_found(where)
    if code in (errno.ETIMEDOUT, errno.EAGAIN):
        return timeout(where)
    if code in (errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EHOSTDOWN,
                errno.ECONNRESET, errno.ECONNABORTED, errno.ENETDOWN):
        return offline(where)
    if code == errno.EPIPE:
        if where.kind == "usb":
            return generic(where, "USB pipe error: wrong endpoints? try usb:VID:PID:81:03")
        return offline(where)
    if code == errno.ENOSPC:
        # usblp (/dev/usb/lp0) reports "no space left" when the printer is out of paper
        if where.is_device or where.kind != "file":
            return paper_out(where)
        return PrinterError(
            f"ดิสก์เต็ม เขียน {where.target} ไม่ได้",
            f"The disk is full: cannot write {where.target}.",
            "error",
        )
    if code == errno.EIO:
        return offline(where)
    return None


def _from_text(text: str, where: Where) -> PrinterError | None:
    low = text.lower()
    if "no backend available" in low:
        return no_backend()
    if any(s in low for s in ("errno 13", "access denied", "permission denied", "insufficient permissions")):
        return access_denied(where)
    if "errno 16" in low or "resource busy" in low:
        return busy(where)
    if "timed out" in low or "timeout" in low:
        return timeout(where)
    if "not found" in low or "no such device" in low or "errno 19" in low or "errno 2]" in low:
        return not_found(where)
    return None


def map_exception(exc: BaseException, where: Where | None = None) -> PrinterError:
    """The ``PrinterError`` for ``exc`` raised while talking to the printer described by ``where``."""
    where = where or Where()
    if isinstance(exc, PrinterError):
        return exc
    try:
        import usb.core
    except ImportError:  # pragma: no cover - pyusb is a dependency
        usb = None  # type: ignore[assignment]
    if usb is not None:
        if isinstance(exc, usb.core.NoBackendError):
            return no_backend()
        if isinstance(exc, usb.core.USBTimeoutError):
            return timeout(where)
        if isinstance(exc, usb.core.USBError):
            return _from_errno(exc.errno, where, exc) or _from_text(str(exc), where) or generic(where, exc)
    try:
        import serial
    except ImportError:  # pragma: no cover - pyserial is a dependency
        serial = None  # type: ignore[assignment]
    if serial is not None:
        if isinstance(exc, serial.SerialTimeoutException):
            return timeout(where)
        if isinstance(exc, serial.SerialException):
            code = exc.errno if isinstance(exc.errno, int) else None
            return _from_errno(code, where, exc) or _from_text(str(exc), where) or generic(where, exc)
    if isinstance(exc, socket.gaierror):
        return not_found(where)
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return timeout(where)
    if isinstance(exc, ConnectionRefusedError):
        return offline(where)
    if isinstance(exc, OSError):
        return _from_errno(exc.errno, where, exc) or _from_text(str(exc), where) or generic(where, exc)
    name = type(exc).__name__
    if name in ("DeviceNotFoundError", "USBNotFoundError"):  # python-escpos wraps the USBError as text
        return _from_text(str(exc), where) or not_found(where)
    if "no backend available" in str(exc).lower():
        return no_backend()
    return generic(where, exc)

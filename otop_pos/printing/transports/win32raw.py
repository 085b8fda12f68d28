"""Windows printers through the spooler: the ESC/POS bytes go RAW to a print queue by its name.

The way python-escpos's ``Win32Raw`` does it (OpenPrinter, StartDocPrinter with datatype "RAW",
StartPagePrinter, WritePrinter, EndPagePrinter, EndDocPrinter, ClosePrinter), then the job is watched
(GetJob) until it printed, failed or timed out. Opening a queue succeeds with the printer unplugged, so a
job still waiting at the timeout means "the printer does not take the job"; a failed job is taken off the
queue so it never prints by surprise later. ``win32print`` (pywin32) is passed in or imported lazily: the
logic runs on any system with a simulated spooler, and only this module knows the Windows calls.
"""
from __future__ import annotations

import importlib
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from otop_pos.core.errors import PrinterError
from otop_pos.printing.errors import Where, generic, paper_out
from otop_pos.printing.transports.base import PrinterStatus

# Job status bits (JOB_INFO_1.Status), fixed by the Windows API.
JOB_STATUS_PAUSED = 0x1
JOB_STATUS_ERROR = 0x2
JOB_STATUS_DELETING = 0x4
JOB_STATUS_OFFLINE = 0x20
JOB_STATUS_PAPEROUT = 0x40
JOB_STATUS_PRINTED = 0x80
JOB_STATUS_DELETED = 0x100
JOB_STATUS_BLOCKED_DEVQ = 0x200
JOB_STATUS_USER_INTERVENTION = 0x400
JOB_STATUS_COMPLETE = 0x1000
# Printer status bits (PRINTER_INFO_2.Status) and the "use printer offline" attribute.
PRINTER_STATUS_PAUSED = 0x1
PRINTER_STATUS_ERROR = 0x2
PRINTER_STATUS_PAPER_JAM = 0x8
PRINTER_STATUS_PAPER_OUT = 0x10
PRINTER_STATUS_PAPER_PROBLEM = 0x40
PRINTER_STATUS_OFFLINE = 0x80
PRINTER_STATUS_NOT_AVAILABLE = 0x1000
PRINTER_STATUS_USER_INTERVENTION = 0x100000
PRINTER_STATUS_DOOR_OPEN = 0x400000
PRINTER_ATTRIBUTE_WORK_OFFLINE = 0x400
PRINTER_ENUM_LOCAL = 0x2
PRINTER_ENUM_CONNECTIONS = 0x4
JOB_CONTROL_DELETE = 5
ERROR_ACCESS_DENIED = 5
ERROR_INVALID_PRINTER_NAME = 1801
#: Seconds a job may wait in the queue before "the printer does not take the job" (a receipt leaves the
#: queue as soon as the printer has taken its bytes, a few seconds even on slow printers).
DEFAULT_TIMEOUT = 15.0
#: Ports of Windows' own virtual printers (PDF, XPS, fax, OneNote): ESC/POS bytes there make no receipt.
VIRTUAL_PORTS = ("PORTPROMPT:", "SHRFAX:", "NUL:", "FILE:")

_REPRINT_TH = "ใบเสร็จยังไม่ได้พิมพ์ เมื่อแก้แล้วสั่งพิมพ์สำเนา (COPY)"
_REPRINT_EN = "The receipt did not print: once fixed, print a COPY."
_REMOVED_TH = "งานนี้ถูกนำออกจากคิวแล้ว จะไม่พิมพ์ออกมาเองทีหลัง"
_REMOVED_EN = "The job was taken off the queue, so it will not print by itself later."


def load_win32print() -> Any:
    """pywin32's ``win32print`` module (ImportError where pywin32 is not installed, e.g. Linux)."""
    return importlib.import_module("win32print")


def _winerror(exc: BaseException) -> int | None:
    code = getattr(exc, "winerror", None)
    if code is None and exc.args and isinstance(exc.args[0], int):
        code = exc.args[0]
    return code if isinstance(code, int) else None


def queue_not_found(queue: str) -> PrinterError:
    return PrinterError(
        f"Windows ไม่มีเครื่องพิมพ์ชื่อ “{queue}” เลือกเครื่องพิมพ์ใหม่ในหน้าตั้งค่า → เครื่องพิมพ์ (ค้นหาเครื่องพิมพ์)",
        f"Windows has no printer named “{queue}”: choose the printer again in Settings → Printer (Find printers).",
        "not_found",
    )


def queue_access_denied(queue: str) -> PrinterError:
    return PrinterError(
        f"Windows ไม่อนุญาตให้ส่งงานไปที่เครื่องพิมพ์ “{queue}” ให้ผู้ดูแลเครื่องเปิดสิทธิ์พิมพ์ให้ผู้ใช้นี้",
        f"Windows does not let this user print to “{queue}”: ask whoever looks after the laptop to allow it.",
        "access_denied",
    )


def job_stuck(queue: str) -> PrinterError:
    return PrinterError(
        f"เครื่องพิมพ์ “{queue}” ไม่รับงานพิมพ์ — เปิดเครื่องและเสียบสายแล้วหรือยัง? {_REMOVED_TH} {_REPRINT_TH}",
        f"The printer “{queue}” does not take the job — is it switched on and plugged in? {_REMOVED_EN} "
        + _REPRINT_EN,
        "timeout",
    )


def printer_offline(queue: str) -> PrinterError:
    return PrinterError(
        f"Windows แจ้งว่าเครื่องพิมพ์ “{queue}” ออฟไลน์ — เปิดเครื่องและเสียบสายแล้วหรือยัง? "
        f"(และใน Windows ต้องไม่ได้เลือก “ใช้เครื่องพิมพ์แบบออฟไลน์”) {_REMOVED_TH} {_REPRINT_TH}",
        f"Windows says the printer “{queue}” is offline — is it switched on and plugged in? (In Windows, "
        f"“Use printer offline” must not be ticked.) {_REMOVED_EN} {_REPRINT_EN}",
        "offline",
    )


def printer_needs_attention(queue: str) -> PrinterError:
    return PrinterError(
        f"เครื่องพิมพ์ “{queue}” ต้องได้รับการแก้ไข (ฝาเปิดหรือกระดาษติด?) {_REMOVED_TH} {_REPRINT_TH}",
        f"The printer “{queue}” needs attention (cover open or paper jam?). {_REMOVED_EN} {_REPRINT_EN}",
        "offline",
    )


def job_deleted(queue: str) -> PrinterError:
    return PrinterError(
        f"งานพิมพ์ถูกลบออกจากคิวของเครื่องพิมพ์ “{queue}” ใน Windows ก่อนพิมพ์ {_REPRINT_TH}",
        f"The job was deleted from the Windows queue of “{queue}” before it printed. {_REPRINT_EN}",
        "error",
    )


def driver_refused(queue: str) -> PrinterError:
    return PrinterError(
        f"ไดรเวอร์ของเครื่องพิมพ์ “{queue}” ไม่รับงาน ติดตั้งไดรเวอร์ของเครื่องพิมพ์ใหม่ {_REPRINT_TH}",
        f"The driver of the printer “{queue}” refused the job: reinstall the printer's driver. {_REPRINT_EN}",
        "error",
    )


def failure_from_bits(queue: str, job_status: int, printer_status: int = 0, attributes: int = 0) -> PrinterError | None:
    """The error a job status (and its printer's status) means, or None while the job may still print."""
    if job_status & (JOB_STATUS_PRINTED | JOB_STATUS_COMPLETE):
        return None
    if job_status & JOB_STATUS_PAPEROUT or printer_status & PRINTER_STATUS_PAPER_OUT:
        return paper_out(Where("win", queue))
    if job_status & JOB_STATUS_OFFLINE or printer_status & (PRINTER_STATUS_OFFLINE | PRINTER_STATUS_NOT_AVAILABLE) \
            or attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE:
        return printer_offline(queue)
    if job_status & (JOB_STATUS_DELETED | JOB_STATUS_DELETING):
        return job_deleted(queue)
    if job_status & JOB_STATUS_BLOCKED_DEVQ:
        return driver_refused(queue)
    if job_status & JOB_STATUS_USER_INTERVENTION or printer_status & (
            PRINTER_STATUS_USER_INTERVENTION | PRINTER_STATUS_DOOR_OPEN | PRINTER_STATUS_PAPER_JAM
            | PRINTER_STATUS_PAPER_PROBLEM):
        return printer_needs_attention(queue)
    return None  # waiting, spooling, printing, or an ERROR the spooler retries: wait for the timeout


def status_from_bits(status: int, attributes: int = 0, jobs: int = 0) -> PrinterStatus:
    """What a queue's printer status bits say; many drivers never report, so 0 means "not known"."""
    if status & PRINTER_STATUS_PAPER_OUT:
        return PrinterStatus(None, "out", "กระดาษหมด ใส่กระดาษม้วนใหม่", "Out of paper: load a new roll.")
    if status & (PRINTER_STATUS_OFFLINE | PRINTER_STATUS_NOT_AVAILABLE) or attributes & PRINTER_ATTRIBUTE_WORK_OFFLINE:
        return PrinterStatus(False, "unknown", "Windows แจ้งว่าเครื่องพิมพ์ออฟไลน์ ตรวจดูว่าเปิดเครื่องและเสียบสายแล้ว",
                             "Windows says the printer is offline: check that it is switched on and plugged in.")
    if status & (PRINTER_STATUS_DOOR_OPEN | PRINTER_STATUS_PAPER_JAM | PRINTER_STATUS_USER_INTERVENTION
                 | PRINTER_STATUS_PAPER_PROBLEM | PRINTER_STATUS_ERROR):
        return PrinterStatus(False, "unknown", "เครื่องพิมพ์ต้องได้รับการแก้ไข (ฝาเปิดหรือกระดาษติด?)",
                             "The printer needs attention (cover open or paper jam?).")
    if status & PRINTER_STATUS_PAUSED:
        return PrinterStatus(False, "unknown", "คิวของเครื่องพิมพ์ใน Windows ถูกหยุดชั่วคราว ให้สั่งพิมพ์ต่อ",
                             "The printer's Windows queue is paused: resume it.")
    waiting_th = f" มีงานค้างในคิว {jobs} งาน" if jobs else ""
    waiting_en = f" {jobs} job(s) waiting in the queue." if jobs else ""
    return PrinterStatus(
        None, "unknown",
        "Windows ไม่แจ้งปัญหาของเครื่องพิมพ์นี้ แต่บอกไม่ได้ว่าเปิดเครื่องอยู่หรือมีกระดาษ" + waiting_th,
        "Windows reports no problem with this printer, but cannot tell whether it is on or has paper." + waiting_en,
    )


class Win32RawTransport:
    """A Windows print queue ``queue`` (its name as Windows shows it); each job is spooled RAW and watched.

    ``timeout`` (default ``DEFAULT_TIMEOUT``) bounds the wait for the job to leave the queue printed; ``poll`` is the pause between looks.
    ``win32print`` (pywin32's module), ``clock`` and ``sleep`` are injected for tests.
    """

    def __init__(
        self,
        queue: str,
        *,
        timeout: float | None = None,
        poll: float = 0.2,
        job_name: str = "otop-pos receipt",
        win32print: Any = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.queue = queue
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.poll = poll
        self.job_name = job_name
        self._module = win32print
        self._clock = clock
        self._sleep = sleep
        self.where = Where("win", queue)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Win32RawTransport({self.queue!r})"

    @property
    def win32print(self) -> Any:
        if self._module is None:
            self._module = load_win32print()
        return self._module

    def _map(self, exc: BaseException) -> PrinterError:
        if isinstance(exc, PrinterError):
            return exc
        if isinstance(exc, ImportError):
            return PrinterError(
                "พิมพ์ผ่าน Windows ไม่ได้เพราะไม่มี pywin32 (ติดตั้งโปรแกรมใหม่) หรือเลือกเครื่องพิมพ์แบบอื่น",
                "Printing through Windows needs pywin32, which is missing: reinstall the app, or choose "
                "another kind of printer.",
                "no_backend",
            )
        code = _winerror(exc)
        if code == ERROR_INVALID_PRINTER_NAME:
            return queue_not_found(self.queue)
        if code == ERROR_ACCESS_DENIED:
            return queue_access_denied(self.queue)
        return generic(self.where, exc)

    def _open(self) -> Any:
        try:
            return self.win32print.OpenPrinter(self.queue)
        except Exception as exc:  # noqa: BLE001 - pywintypes.error and the missing module alike
            raise self._map(exc) from exc

    def send(self, data: bytes) -> None:
        """Spool ``data`` as one RAW job and wait until it printed; ``PrinterError`` when it failed or stuck."""
        with self._lock:
            handle = self._open()
            w = self.win32print
            try:
                job_id = self._spool(w, handle, data)
                self._watch(w, handle, job_id)
            finally:
                try:
                    w.ClosePrinter(handle)
                except Exception:  # noqa: BLE001 - closing must not hide the job's outcome
                    pass

    def _spool(self, w: Any, handle: Any, data: bytes) -> int:
        try:
            job_id = int(w.StartDocPrinter(handle, 1, (self.job_name, None, "RAW")))
        except Exception as exc:  # noqa: BLE001
            raise self._map(exc) from exc
        try:
            w.StartPagePrinter(handle)
            written = w.WritePrinter(handle, bytes(data))
            if written is not None and written != len(data):
                raise OSError(f"short spooler write ({written} of {len(data)} bytes)")
            w.EndPagePrinter(handle)
            w.EndDocPrinter(handle)
        except Exception as exc:  # noqa: BLE001 - drop the half-written job, never print it in part
            try:
                w.AbortPrinter(handle)
            except Exception:  # noqa: BLE001
                pass
            raise self._map(exc) from exc
        return job_id

    def _printer_bits(self, w: Any, handle: Any) -> tuple[int, int]:
        try:
            info = w.GetPrinter(handle, 2)
        except Exception:  # noqa: BLE001 - the job's own bits still decide
            return 0, 0
        return int(info.get("Status", 0) or 0), int(info.get("Attributes", 0) or 0)

    def _watch(self, w: Any, handle: Any, job_id: int) -> None:
        deadline = self._clock() + self.timeout
        while True:
            try:
                job = w.GetJob(handle, job_id, 1)
            except Exception:  # noqa: BLE001 - the job left the queue: the spooler handed it all to the printer
                return
            status = int(job.get("Status", 0) or 0)
            if status & (JOB_STATUS_PRINTED | JOB_STATUS_COMPLETE):
                return
            p_status, attributes = self._printer_bits(w, handle)
            failure = failure_from_bits(self.queue, status, p_status, attributes)
            if failure is None and self._clock() >= deadline:
                failure = job_stuck(self.queue)
            if failure is not None:
                self._remove(w, handle, job_id)
                raise failure
            self._sleep(self.poll)

    def _remove(self, w: Any, handle: Any, job_id: int) -> None:
        try:
            w.SetJob(handle, job_id, 0, None, JOB_CONTROL_DELETE)
        except Exception:  # noqa: BLE001 - already gone, or not ours to delete
            pass

    def status(self) -> PrinterStatus:
        """The queue's printer status bits as a ``PrinterStatus``; never raises."""
        try:
            w = self.win32print
            handle = w.OpenPrinter(self.queue)
            try:
                info = w.GetPrinter(handle, 2)
            finally:
                w.ClosePrinter(handle)
            return status_from_bits(int(info.get("Status", 0) or 0), int(info.get("Attributes", 0) or 0),
                                    int(info.get("cJobs", 0) or 0))
        except Exception as exc:  # noqa: BLE001
            err = self._map(exc)
            return PrinterStatus(False if err.code == "not_found" else None, "unknown", err.th, err.en)

    def close(self) -> None:
        """Nothing stays open between jobs."""


def list_windows_printers(win32print: Any = None, platform: str = sys.platform) -> list[tuple[str, str]]:
    """The installed print queues as ``("win:QUEUE", driver)``, the default one first; [] off Windows.

    Windows' own virtual printers (Print to PDF, XPS, fax, OneNote) are left out."""
    if win32print is None:
        if platform != "win32":
            return []
        try:
            win32print = load_win32print()
        except ImportError:
            return []
    try:
        queues = list(win32print.EnumPrinters(PRINTER_ENUM_LOCAL | PRINTER_ENUM_CONNECTIONS, None, 2))
    except Exception:  # noqa: BLE001 - the spooler service may be stopped
        return []
    try:
        default = str(win32print.GetDefaultPrinter())
    except Exception:  # noqa: BLE001 - no default printer
        default = ""
    found: list[tuple[str, str]] = []
    for info in queues:
        name = str(info.get("pPrinterName") or "").strip()
        port = str(info.get("pPortName") or "").strip().upper()
        driver = str(info.get("pDriverName") or "").strip()
        if not name or port in VIRTUAL_PORTS or driver.lower().startswith(("microsoft print to pdf",
                                                                           "microsoft xps")):
            continue
        found.append((f"win:{name}", driver))
    found.sort(key=lambda item: item[0] != f"win:{default}")
    return found


__all__ = ["Win32RawTransport", "failure_from_bits", "list_windows_printers", "status_from_bits"]

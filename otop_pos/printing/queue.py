"""The print queue worker: prints the store's waiting jobs on one thread, keeps the device open between jobs.

It knows nothing of the booth store: the booth hands it a ``JobAccess`` (list, claim, finish jobs and the
document each prints) and a ``PrinterConfig``; whoever commits a job calls ``wake()``. Qt (the raster) is
imported only when something is really printed, so a command that never prints never loads it.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import OtopError, PrinterError
from otop_pos.core.vocabulary import DEFAULT_PAPER_WIDTH

log = logging.getLogger("otop_pos.printing")


@dataclass(frozen=True)
class PrintJobView:
    """A print job as the status bar and the queue list show it."""

    id: int
    created_at: datetime
    kind: str
    ref_uuid: str
    copy: bool
    status: str
    attempts: int
    error_code: str
    error_th: str
    error_en: str


@dataclass(frozen=True)
class PrinterConfig:
    """Which printer, and how: the printer part of the booth settings (same field names)."""

    printer: str = "none"
    paper_width: int = DEFAULT_PAPER_WIDTH
    cut: bool = True
    drawer_kick: bool = False
    printer_profile: str = ""

    @property
    def configured(self) -> bool:
        """True when a receipt printer is set up (otherwise no print jobs are queued)."""
        return self.printer.strip().lower() not in ("", "none")


@dataclass(frozen=True)
class PrintState:
    """What the status bar shows about printing."""

    configured: bool
    label: str = ""
    pending: int = 0
    failed: tuple[PrintJobView, ...] = ()
    error_th: str = ""
    error_en: str = ""
    printed: int = 0
    extra: dict[str, object] = field(default_factory=dict)


class JobAccess(Protocol):
    """What the queue needs of the store's print jobs (the booth implements it)."""

    def recover_interrupted(self) -> int: ...

    def run_pending(self, print_doc: Callable[[ReceiptDoc | ZReportDoc], None],
                    keep_going: Callable[[], bool] | None = None) -> list[PrintJobView]: ...

    def jobs(self) -> list[PrintJobView]: ...


PrinterFactory = Callable[[PrinterConfig], Any]

#: Seconds an idle device stays open after the last job: a busy stall's receipts share one connection, and
#: a printer that was unplugged, switched off or dropped an idle network connection is opened afresh later.
IDLE_CLOSE_SECONDS = 20.0


def default_printer_factory(config: PrinterConfig) -> Any:
    """A ReceiptPrinter built from the config's printer spec, width, profile, cut and drawer kick."""
    from otop_pos.printing.printer import ReceiptPrinter

    return ReceiptPrinter.from_spec(config.printer, width=config.paper_width, cut=config.cut,
                                    drawer=config.drawer_kick, profile=config.printer_profile or None)


def print_document(printer: Any, doc: ReceiptDoc | ZReportDoc) -> None:
    """Send one receipt or Z report; a bug while rendering becomes a PrinterError (the job fails visibly)."""
    try:
        if isinstance(doc, ZReportDoc):
            printer.print_zreport(doc)
        else:
            printer.print_receipt(doc)
    except OtopError:
        raise
    except Exception as exc:
        log.error("printing a document failed", exc_info=exc)
        raise PrinterError("พิมพ์ไม่สำเร็จเพราะข้อผิดพลาดในโปรแกรม ลองพิมพ์ซ้ำ",
                           "Printing failed because of a program error; try a reprint.") from exc


class PrintQueue:
    """Prints waiting jobs. ``start()`` runs a worker thread woken by ``wake()``; ``drain()`` prints in the
    calling thread (a one-shot command). The open printer is kept for the next job until the config changes,
    a job fails, or it has been idle for ``IDLE_CLOSE_SECONDS``."""

    def __init__(self, jobs: JobAccess, config: PrinterConfig,
                 factory: PrinterFactory | None = None,
                 on_state: Callable[[PrintState], None] | None = None) -> None:
        self.jobs, self.factory = jobs, factory or default_printer_factory
        self.on_state = on_state
        self.state = PrintState(config.configured)
        self.printed = 0
        self.last_run: list[PrintJobView] = []   # the jobs the last drain handled
        self.idle_close_seconds = IDLE_CLOSE_SECONDS
        self._config = config
        self._printer: Any = None
        self._printer_config: PrinterConfig | None = None
        self._lock = threading.RLock()          # one print run at a time
        self._wake = threading.Event()
        self._stop = False
        self._waiting = 0                         # test pages waiting for the device
        self._thread: threading.Thread | None = None

    # --- configuration ----------------------------------------------------------------------------------
    @property
    def config(self) -> PrinterConfig:
        return self._config

    def configure(self, config: PrinterConfig) -> None:
        """Use ``config`` from the next job on (the open device is closed when it changed)."""
        self._config = config

    # --- thread -----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker: interrupted jobs become failed, then whatever waits is printed."""
        if self._thread is not None:
            return
        from otop_pos.printing.qtapp import ensure_qt_app

        ensure_qt_app()  # the raster needs Qt's application object, made on this (the main) thread
        self._stop = False
        self._thread = threading.Thread(target=self._loop, name="otop-print", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Something was queued (or the config changed): print it. Returns at once."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Finish the job in hand, close the device and end the worker."""
        self._stop = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._close_printer()

    def _loop(self) -> None:
        try:
            self.jobs.recover_interrupted()
        except Exception as exc:  # noqa: BLE001
            log.error("recovering print jobs failed", exc_info=exc)
        self._wake.set()
        while True:
            woken = self._wake.wait(self.idle_close_seconds if self._printer is not None else None)
            self._wake.clear()
            if self._stop:
                return
            if woken:
                self.drain()
            else:
                with self._lock:
                    self._close_printer()  # idle: let the device go

    # --- printing ---------------------------------------------------------------------------------------
    def drain(self) -> PrintState:
        """Print every pending job in order (stops at the first failure); returns and reports the state."""
        with self._lock:
            config = self._config
            self.last_run = []
            error: OtopError | None = None
            label = ""
            try:
                waiting = config.configured and self._report(True, self.state.label, None).pending > 0
                if waiting:  # the status bar says "printing" meanwhile; no job, no device opened
                    printer = self._open(config)
                    label = str(getattr(printer, "label", config.printer))
                    done = self.jobs.run_pending(lambda doc: self._print(printer, doc),
                                                 lambda: not (self._stop or self._waiting) and self._config == config)
                    self.last_run = done
                    if any(j.status == "failed" for j in done):
                        self._close_printer()  # reopen next time: the device may have been replugged
                elif not config.configured:
                    self._close_printer()
                else:
                    label = self.state.label
            except OtopError as exc:
                error = exc
                self._close_printer()
            except Exception as exc:  # noqa: BLE001
                log.error("print worker failed", exc_info=exc)
                error = PrinterError("เครื่องพิมพ์มีปัญหา (ข้อผิดพลาดในโปรแกรม)", "The printer failed (program error).")
                self._close_printer()
            if self._config != config and not self._stop:
                self._wake.set()  # the printer was changed during the run: the rest go to the new one
            return self._report(config.configured, label, error)

    def _print(self, printer: Any, doc: ReceiptDoc | ZReportDoc) -> None:
        print_document(printer, doc)
        self.printed += 1

    def test_page(self, config: PrinterConfig) -> None:
        """Print the test page with ``config`` (maybe not saved yet) on its own connection; raises on failure.
        Another device prints at once; the queue's own device first finishes the job in hand and is let go,
        so there is one handle on a device at a time."""
        busy = {self._config.printer.strip()} | ({self._printer_config.printer.strip()} if self._printer_config else set())
        if config.printer.strip() not in busy:
            self._test_page(config)
            return
        self._waiting += 1   # the run in progress stops after the job in hand
        try:
            with self._lock:
                self._close_printer()
                self._test_page(config)
        finally:
            self._waiting -= 1
            self._wake.set()  # then the queue goes on with what waits

    def _test_page(self, config: PrinterConfig) -> None:
        printer = self.factory(config)
        try:
            printer.print_test_page()
        finally:
            printer.close()

    def _open(self, config: PrinterConfig) -> Any:
        if self._printer is not None and self._printer_config != config:
            self._close_printer()
        if self._printer is None:
            self._printer = self.factory(config)
            self._printer_config = config
        return self._printer

    def _close_printer(self) -> None:
        printer, self._printer, self._printer_config = self._printer, None, None
        if printer is not None:
            try:
                printer.close()
            except Exception:  # noqa: BLE001 - closing must not raise
                pass

    def _report(self, configured: bool, label: str, error: OtopError | None) -> PrintState:
        try:
            jobs = self.jobs.jobs()
        except Exception as exc:  # noqa: BLE001
            log.error("listing print jobs failed", exc_info=exc)
            jobs = []
        failed = tuple(j for j in jobs if j.status == "failed")
        pending = sum(1 for j in jobs if j.status == "pending")
        th = error.th if error else (failed[-1].error_th if failed else "")
        en = error.en if error else (failed[-1].error_en if failed else "")
        self.state = PrintState(configured, label, pending, failed, th, en, self.printed)
        if self.on_state is not None:
            try:
                self.on_state(self.state)
            except Exception as exc:  # noqa: BLE001 - a closed window must not stop printing
                log.error("print state listener failed", exc_info=exc)
        return self.state

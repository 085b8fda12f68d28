"""Work off the GUI thread: a one-at-a-time task runner for use cases, the print worker and the backup worker."""
from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)

from otop_pos.booth.backup import BackupResult, backup_if_due, backup_now
from otop_pos.booth.printjobs import (
    PrintJobView,
    list_jobs,
    recover_interrupted,
    run_pending,
)
from otop_pos.booth.settings import BoothSettings, get_settings
from otop_pos.core.clock import Clock
from otop_pos.core.documents import ReceiptDoc, ZReportDoc
from otop_pos.core.errors import OtopError, PrinterError
from otop_pos.store.engine import SqliteStore

log = logging.getLogger("otop_pos.ui")

Callback = Callable[[Any], object]


class _Signals(QObject):
    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[[], object], signals: _Signals) -> None:
        super().__init__()
        self.token, self.fn, self.signals = token, fn, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result: object = self.fn()
            ok = True
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            result, ok = exc, False
        self.signals.finished.emit(self.token, ok, result)


class TaskRunner(QObject):
    """Runs use-case calls one after another on a worker thread; results come back on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, on_error: Callback | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.finished.connect(self._finish)
        self._pending: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._tokens = itertools.count(1)
        self.default_error = on_error

    @property
    def busy(self) -> bool:
        """True while a task is queued or running."""
        return bool(self._pending)

    def submit(self, fn: Callable[[], object], on_done: Callback | None = None,
               on_error: Callback | None = None) -> int:
        """Run ``fn()`` off the GUI thread; then ``on_done(result)`` or ``on_error(exception)`` on the GUI thread."""
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self.pool.start(_Job(token, fn, self._signals))
        return token

    @Slot(int, bool, object)
    def _finish(self, token: int, ok: bool, result: object) -> None:
        on_done, on_error = self._pending.pop(token, (None, None))
        try:
            if ok:
                if on_done is not None:
                    on_done(result)
            else:
                handler = on_error or self.default_error
                if handler is not None:
                    handler(result)
                else:
                    log.error("task failed", exc_info=result)  # type: ignore[arg-type]
        except RuntimeError as exc:
            if "already deleted" not in str(exc):  # the window asking was closed meanwhile (language switch)
                raise
        finally:
            if not self._pending:
                self.busyChanged.emit(False)

    def wait(self, ms: int = 30000) -> None:
        """Block until the worker thread is idle (shutdown)."""
        self.pool.waitForDone(ms)


def _stop_thread(worker: QObject, thread: QThread) -> None:
    """Let ``worker`` finish on its own thread (timers stopped, object handed back), then end the thread."""
    if thread.isRunning():
        QMetaObject.invokeMethod(worker, "finish", Qt.ConnectionType.BlockingQueuedConnection)
        thread.quit()
        thread.wait(30000)


def _hand_back(worker: QObject) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        worker.moveToThread(app.thread())


# --- printing ---------------------------------------------------------------------------------------------
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


PrinterFactory = Callable[[BoothSettings], Any]


def default_printer_factory(settings: BoothSettings) -> Any:
    """A ReceiptPrinter built from the settings' printer spec, width, profile, cut and drawer kick."""
    from otop_pos.printing.printer import ReceiptPrinter

    return ReceiptPrinter.from_spec(settings.printer, width=settings.paper_width, cut=settings.cut,
                                    drawer=settings.drawer_kick, profile=settings.printer_profile or None)


class PrintWorker(QObject):
    """Lives on the print thread: prints pending jobs through ``run_pending`` whenever it is kicked."""

    stateChanged = Signal(object)
    testDone = Signal(object)

    def __init__(self, store: SqliteStore, clock: Clock, factory: PrinterFactory) -> None:
        super().__init__()
        self.store, self.clock, self.factory = store, clock, factory
        self.printed = 0

    @Slot()
    def start(self) -> None:
        """After a crash, jobs left half-printed become failed (the vendor decides); then print what waits."""
        try:
            recover_interrupted(self.store)
        except Exception as exc:  # noqa: BLE001
            log.error("recovering print jobs failed", exc_info=exc)
        self.run()

    def _print_doc(self, printer: Any) -> Callable[[ReceiptDoc | ZReportDoc], None]:
        def print_doc(doc: ReceiptDoc | ZReportDoc) -> None:
            try:
                if isinstance(doc, ZReportDoc):
                    printer.print_zreport(doc)
                else:
                    printer.print_receipt(doc)
            except OtopError:
                raise
            except Exception as exc:  # a bug while rendering: the job fails visibly instead of hanging
                log.error("printing a document failed", exc_info=exc)
                raise PrinterError("พิมพ์ไม่สำเร็จเพราะข้อผิดพลาดในโปรแกรม ลองพิมพ์ซ้ำ",
                                   "Printing failed because of a program error; try a reprint.") from exc
            self.printed += 1
        return print_doc

    @Slot()
    def run(self) -> None:
        """Print every pending job (stops at the first failure), then report the queue."""
        error: OtopError | None = None
        configured = False
        label = ""
        try:
            settings = get_settings(self.store)
            configured = settings.printer.strip().lower() not in ("", "none")
            if configured:
                printer = self.factory(settings)
                label = str(getattr(printer, "label", settings.printer))
                try:
                    run_pending(self.store, self.clock, self._print_doc(printer))
                finally:
                    printer.close()
        except OtopError as exc:
            error = exc
        except Exception as exc:  # noqa: BLE001
            log.error("print worker failed", exc_info=exc)
            error = PrinterError("เครื่องพิมพ์มีปัญหา (ข้อผิดพลาดในโปรแกรม)", "The printer failed (program error).")
        self._emit(configured, label, error)

    def _emit(self, configured: bool, label: str, error: OtopError | None) -> None:
        try:
            jobs = list_jobs(self.store)
        except Exception as exc:  # noqa: BLE001
            log.error("listing print jobs failed", exc_info=exc)
            jobs = []
        failed = tuple(j for j in jobs if j.status == "failed")
        pending = sum(1 for j in jobs if j.status == "pending")
        th = error.th if error else (failed[-1].error_th if failed else "")
        en = error.en if error else (failed[-1].error_en if failed else "")
        self.stateChanged.emit(PrintState(configured, label, pending, failed, th, en, self.printed))

    @Slot()
    def finish(self) -> None:
        _hand_back(self)

    @Slot(object)
    def test_page(self, settings: BoothSettings) -> None:
        """Print the test page with ``settings`` (not yet saved); reports None or the error."""
        try:
            printer = self.factory(settings)
            try:
                printer.print_test_page()
            finally:
                printer.close()
            self.testDone.emit(None)
        except Exception as exc:  # noqa: BLE001 - shown in the printer page
            self.testDone.emit(exc)


class PrintService(QObject):
    """The GUI side of printing: owns the print thread; ``kick()`` after anything queued a print job."""

    stateChanged = Signal(object)
    testDone = Signal(object)
    _kick = Signal()
    _test = Signal(object)

    def __init__(self, store: SqliteStore, clock: Clock, factory: PrinterFactory | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread_ = QThread()
        self.thread_.setObjectName("otop-print")
        self.worker = PrintWorker(store, clock, factory or default_printer_factory)
        self.worker.moveToThread(self.thread_)
        self._kick.connect(self.worker.run)
        self._test.connect(self.worker.test_page)
        self.worker.stateChanged.connect(self._relay_state)
        self.worker.testDone.connect(self._relay_test)
        self.thread_.started.connect(self.worker.start)
        self.state: PrintState | None = None

    def start(self) -> None:
        self.thread_.start()

    def kick(self) -> None:
        """Print whatever is waiting (returns at once)."""
        self._kick.emit()

    def test_page(self, settings: BoothSettings) -> None:
        self._test.emit(settings)

    @Slot(object)
    def _relay_state(self, state: PrintState) -> None:
        self.state = state
        self.stateChanged.emit(state)

    @Slot(object)
    def _relay_test(self, result: object) -> None:
        self.testDone.emit(result)

    def stop(self) -> None:
        _stop_thread(self.worker, self.thread_)


# --- backups ----------------------------------------------------------------------------------------------
class BackupWorker(QObject):
    """Lives on the backup thread: a timer calls ``backup_if_due``; ``now()`` backs up at once."""

    done = Signal(object)     # BackupResult, or None when nothing was due
    failed = Signal(object)   # the exception

    def __init__(self, store: SqliteStore, clock: Clock, interval_ms: int = 60_000) -> None:
        super().__init__()
        self.store, self.clock, self.interval_ms = store, clock, interval_ms
        self.timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self.timer = QTimer(self)
        self.timer.setInterval(self.interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    @Slot()
    def tick(self) -> None:
        try:
            self.done.emit(backup_if_due(self.store, self.clock))
        except Exception as exc:  # noqa: BLE001 - shown in the status bar
            if not isinstance(exc, OtopError):
                log.error("backup failed", exc_info=exc)
            self.failed.emit(exc)

    @Slot()
    def now(self) -> None:
        try:
            st = get_settings(self.store)
            if not st.backup_dir:
                from otop_pos.core.errors import StoreError

                raise StoreError("ยังไม่ได้เลือกโฟลเดอร์สำรองข้อมูล", "No backup folder is set.")
            from pathlib import Path

            result: BackupResult = backup_now(self.store, self.clock, Path(st.backup_dir), keep=st.backup_keep)
            self.done.emit(result)
        except Exception as exc:  # noqa: BLE001
            if not isinstance(exc, OtopError):
                log.error("backup failed", exc_info=exc)
            self.failed.emit(exc)

    @Slot()
    def finish(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer.setParent(None)  # type: ignore[call-overload]
            self.timer = None  # deleted here, on its own thread
        _hand_back(self)


class BackupService(QObject):
    """The GUI side of backups: owns the backup thread."""

    done = Signal(object)
    failed = Signal(object)
    _now = Signal()

    def __init__(self, store: SqliteStore, clock: Clock, interval_ms: int = 60_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread_ = QThread()
        self.thread_.setObjectName("otop-backup")
        self.worker = BackupWorker(store, clock, interval_ms)
        self.worker.moveToThread(self.thread_)
        self.thread_.started.connect(self.worker.start)
        self._now.connect(self.worker.now)
        self.worker.done.connect(self._relay_done)
        self.worker.failed.connect(self._relay_failed)
        self.last: object = None

    def start(self) -> None:
        self.thread_.start()

    def backup_now(self) -> None:
        self._now.emit()

    @Slot(object)
    def _relay_done(self, result: object) -> None:
        if result is not None:
            self.last = result
        self.done.emit(result)

    @Slot(object)
    def _relay_failed(self, exc: object) -> None:
        self.last = exc
        self.failed.emit(exc)

    def stop(self) -> None:
        _stop_thread(self.worker, self.thread_)

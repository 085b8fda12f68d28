"""The backup thread of the booth window: a timer asks the booth service for a backup when one is due."""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from otop_pos.booth.service import BoothService
from otop_pos.core.errors import OtopError

log = logging.getLogger("otop_pos.ui")


class BackupWorker(QObject):
    """Lives on the backup thread: a timer calls ``backup_if_due``; ``now()`` backs up at once."""

    done = Signal(object)     # BackupResult, or None when nothing was due
    failed = Signal(object)   # the exception

    def __init__(self, service: BoothService, interval_ms: int = 60_000) -> None:
        super().__init__()
        self.service, self.interval_ms = service, interval_ms
        self.timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self.timer = QTimer(self)
        self.timer.setInterval(self.interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def _backup(self, due_only: bool) -> None:
        try:
            self.done.emit(self.service.backup_if_due() if due_only else self.service.backup_now())
        except Exception as exc:  # noqa: BLE001 - shown in the status bar
            if not isinstance(exc, OtopError):
                log.error("backup failed", exc_info=exc)
            self.failed.emit(exc)

    @Slot()
    def tick(self) -> None:
        self._backup(due_only=True)

    @Slot()
    def now(self) -> None:
        self._backup(due_only=False)

    @Slot()
    def finish(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer.setParent(None)  # type: ignore[call-overload]
            self.timer = None  # deleted here, on its own thread
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())


class BackupService(QObject):
    """The GUI side of backups: owns the backup thread."""

    done = Signal(object)
    failed = Signal(object)
    _now = Signal()

    def __init__(self, service: BoothService, interval_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread_ = QThread()
        self.thread_.setObjectName("otop-backup")
        self.worker = BackupWorker(service, interval_ms)
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
        """Let the worker finish on its own thread (timer stopped, object handed back), then end the thread."""
        if self.thread_.isRunning():
            QMetaObject.invokeMethod(self.worker, "finish", Qt.ConnectionType.BlockingQueuedConnection)
            self.thread_.quit()
            self.thread_.wait(30000)

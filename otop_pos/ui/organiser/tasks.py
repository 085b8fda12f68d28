"""Long organiser work off the GUI thread: imports, figures, registry previews, packages and report files.

``Tasks.run(fn, …)`` calls ``fn(progress)`` on a pool thread; ``progress(*values)`` may be called from there
as often as it likes and arrives on the GUI thread as ``on_progress(*values)``; the result or the exception
arrives as ``on_done(result)`` / ``on_error(exc)``. Nothing of the store crosses: use cases return plain values.
"""
from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("otop_pos.ui.organiser")

Progress = Callable[..., None]
Work = Callable[[Progress], object]
Callback = Callable[[Any], object]


def settle_gc() -> None:
    """Before long work: collect the young garbage, then freeze what is alive (``gc.freeze``) so the cycle
    collector's full passes during the work scan only the objects the work creates. A full pass stops every
    thread; over the window's hundred thousand long-lived objects it would freeze the window for 100–300 ms
    each time. Frozen objects are still freed by reference counting."""
    gc.collect(1)
    gc.freeze()


class _Signals(QObject):
    progress = Signal(int, object)
    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Work, signals: _Signals) -> None:
        super().__init__()
        self.token, self.fn, self.signals = token, fn, signals
        self.setAutoDelete(True)

    def _progress(self, *values: object) -> None:
        self.signals.progress.emit(self.token, values)

    def run(self) -> None:
        try:
            result: object = self.fn(self._progress)
            ok = True
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread and shown there
            result, ok = exc, False
        self.signals.finished.emit(self.token, ok, result)


class Tasks(QObject):
    """A small pool of worker threads for the organiser; callbacks run on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._finish)
        self._pending: dict[int, tuple[Callback | None, Callback | None, Callable[..., object] | None]] = {}
        self._tokens = itertools.count(1)

    @property
    def busy(self) -> bool:
        """True while a task is queued or running."""
        return bool(self._pending)

    def run(self, fn: Work, on_done: Callback | None = None, on_error: Callback | None = None,
            on_progress: Callable[..., object] | None = None) -> int:
        """Start ``fn(progress)`` on a worker thread; returns a token."""
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error, on_progress)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self.pool.start(_Job(token, fn, self._signals))
        return token

    @Slot(int, object)
    def _progress(self, token: int, values: tuple[object, ...]) -> None:
        entry = self._pending.get(token)
        if entry is not None and entry[2] is not None:
            entry[2](*values)

    @Slot(int, bool, object)
    def _finish(self, token: int, ok: bool, result: object) -> None:
        on_done, on_error, _ = self._pending.pop(token, (None, None, None))
        try:
            if ok:
                if on_done is not None:
                    on_done(result)
            elif on_error is not None:
                on_error(result)
            else:
                log.error("organiser task failed", exc_info=result if isinstance(result, BaseException) else None)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):  # the window that asked was closed meanwhile (language switch)
                raise
        finally:
            if not self._pending:
                self.busyChanged.emit(False)

    def wait(self, msecs: int = 60_000) -> bool:
        """Wait for the running tasks (their callbacks still need the event loop); True when all ended."""
        return bool(self.pool.waitForDone(msecs))

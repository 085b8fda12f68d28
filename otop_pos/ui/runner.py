"""The one operation runner of both windows: use-case calls off the GUI thread, results and errors back on it.

``run(fn)`` calls ``fn()`` on a pool thread; with ``on_progress`` it calls ``fn(progress)`` instead, and every
``progress(*values)`` from there arrives on the GUI thread as ``on_progress(*values)``. The result or the
exception arrives as ``on_done(result)`` / ``on_error(exc)`` on the GUI thread. Nothing of a store crosses:
use cases return plain values. The booth runs one operation at a time; the organiser window two.
"""
from __future__ import annotations

import gc
import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("otop_pos.ui")

Progress = Callable[..., None]
Callback = Callable[[Any], object]


def settle_gc() -> None:
    """Before long work: collect the young garbage, then freeze what is alive (``gc.freeze``) so the cycle
    collector's full passes during the work scan only the objects the work creates. A full pass stops every
    thread; over a window's hundred thousand long-lived objects it would freeze the window for 100–300 ms
    each time. Frozen objects are still freed by reference counting."""
    gc.collect(1)
    gc.freeze()


class _Signals(QObject):
    progress = Signal(int, object)
    finished = Signal(int, bool, object)


class _Job(QRunnable):
    def __init__(self, token: int, fn: Callable[..., object], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self.token, self.fn, self.signals, self.with_progress = token, fn, signals, with_progress
        self.setAutoDelete(True)

    def _progress(self, *values: object) -> None:
        self.signals.progress.emit(self.token, values)

    def run(self) -> None:
        try:
            result: object = self.fn(self._progress) if self.with_progress else self.fn()
            ok = True
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread and shown there
            result, ok = exc, False
        self.signals.finished.emit(self.token, ok, result)


class OperationRunner(QObject):
    """A small pool of worker threads (one by default: operations run in order); callbacks on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 1,
                 on_error: Callback | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._signals = _Signals()
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._finish)
        self._pending: dict[int, tuple[Callback | None, Callback | None, Callable[..., object] | None]] = {}
        self._tokens = itertools.count(1)
        self.default_error = on_error

    @property
    def busy(self) -> bool:
        """True while an operation is queued or running."""
        return bool(self._pending)

    def run(self, fn: Callable[..., object], on_done: Callback | None = None, on_error: Callback | None = None,
            on_progress: Callable[..., object] | None = None) -> int:
        """Start ``fn()`` (``fn(progress)`` when ``on_progress`` is given) off the GUI thread; returns a token."""
        token = next(self._tokens)
        self._pending[token] = (on_done, on_error, on_progress)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self.pool.start(_Job(token, fn, self._signals, on_progress is not None))
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
            else:
                handler = on_error or self.default_error
                if handler is not None:
                    handler(result)
                else:
                    log.error("operation failed", exc_info=result if isinstance(result, BaseException) else None)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):  # the window that asked was closed meanwhile (language switch)
                raise
        finally:
            if not self._pending:
                self.busyChanged.emit(False)

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the worker threads are idle (their callbacks still need the event loop); True when so."""
        return bool(self.pool.waitForDone(msecs))

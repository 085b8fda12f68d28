"""The barcode scanner detector: an application-wide event filter that tells a USB scanner from a person.

A scanner "types" a code in a fast burst (a few ms between keys) and presses Enter. While the sell screen is
showing (and no dialog is open) every printable key is held back for a moment: if the burst ends with Enter
it is a scan and ``scanned(code)`` is emitted (the focused widget never sees those keys); otherwise the keys
are replayed to the widget they were meant for, so typing in the search box works as usual.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from otop_pos.core.digits import normalize_digits

# A scanner set up as a US keyboard on a machine switched to the Thai Kedmanee layout types the number row
# as these characters; a burst made only of them is read back as digits.
KEDMANEE_NUMBER_ROW = {"ๅ": "1", "/": "2", "-": "3", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9",
                       "จ": "0"}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ALLOWED_MODS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def decode_burst(text: str) -> str:
    """The code a burst stands for: Thai digits and the Kedmanee number row become ASCII digits."""
    if text and all(ch in KEDMANEE_NUMBER_ROW or ch.isdigit() for ch in text) and any(
            ch in KEDMANEE_NUMBER_ROW for ch in text):
        text = "".join(KEDMANEE_NUMBER_ROW.get(ch, ch) for ch in text)
    return normalize_digits(text).strip()


class ScannerDetector(QObject):
    """Install with ``QApplication.instance().installEventFilter(detector)``; ``scope`` is the sell screen."""

    scanned = Signal(str)

    def __init__(self, scope: QWidget, *, gap_ms: int = 50, min_length: int = 4,
                 now: Callable[[], float] = time.monotonic) -> None:
        super().__init__(scope)
        self.scope = scope
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.enabled = True
        self._now = now
        self._buffer: list[_Key] = []
        self._last = 0.0
        self._target: QWidget | None = None
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.scans = 0

    # --- when to listen -----------------------------------------------------------------------------------
    def _watching(self, obj: QObject) -> bool:
        if not self.enabled or self._replaying or not isinstance(obj, QWidget):
            return False
        if not self.scope.isVisible() or QApplication.activeModalWidget() is not None:
            return False
        return obj is self.scope or self.scope.isAncestorOf(obj)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not self._watching(obj):
            return False
        assert isinstance(event, QKeyEvent) and isinstance(obj, QWidget)
        return self._key(obj, event)

    def _key(self, obj: QWidget, event: QKeyEvent) -> bool:
        now = self._now()
        fresh = bool(self._buffer) and (now - self._last) * 1000 <= self.gap_ms
        if event.key() in _ENTER:
            if fresh and len(self._buffer) >= self.min_length:
                code = decode_burst("".join(k.text for k in self._buffer))
                self._buffer.clear()
                self._timer.stop()
                if code:
                    self.scans += 1
                    self.scanned.emit(code)
                    return True
            self.flush()
            return False
        text = event.text()
        mods = event.modifiers()
        if event.isAutoRepeat() or not text or not text.isprintable() or (mods & ~_ALLOWED_MODS):
            self.flush()
            return False
        if self._buffer and (not fresh or obj is not self._target):
            self.flush()
        if not self._buffer:
            self._target = obj
        self._buffer.append(_Key(event.key(), mods, text))
        self._last = now
        self._timer.start(self.gap_ms)
        return True

    # --- not a scan: give the keys back -------------------------------------------------------------------
    def flush(self) -> None:
        """Replay held keys to the widget they were typed into (a person is typing)."""
        self._timer.stop()
        keys, self._buffer = self._buffer, []
        if not keys:
            return
        target = self._target
        if target is None or not shiboken6.isValid(target):
            target = QApplication.focusWidget()
        if target is None:
            return
        self._replaying = True
        try:
            for k in keys:
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, k.key, k.modifiers, k.text))
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, k.key, k.modifiers, k.text))
        finally:
            self._replaying = False

    @property
    def holding(self) -> bool:
        """True while keys are held back, waiting to see whether they are a scan."""
        return bool(self._buffer)

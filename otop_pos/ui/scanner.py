"""The barcode scanner detector: an application-wide event filter that tells a USB scanner from a person.

A scanner "types" a code in a fast burst (a few ms between keys) and presses Enter. In the booth's main
window and in every dialog or window it opens, every printable key is held back for a moment: if the burst
ends with Enter it is a scan and the focused field never sees those keys; otherwise the keys are replayed to
the widget they were meant for, so a person's typing works as usual.

A scan goes to the window that has the keyboard: a window or dialog that takes scans (``ScanTaker``: the
main window, which hands it to its current screen; the pay dialog) gets ``take_scan(code)``; a field marked
with ``mark_scan_field`` (a product's barcode) gets the code typed into it; anything else refuses the scan
with a message in that window and ``refused(code)`` (the booth plays the error sound), its fields unchanged.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from otop_pos.core.digits import normalize_digits
from otop_pos.core.errors import OtopError
from otop_pos.ui.i18n import error_text, translate
from otop_pos.ui.scanner_x11 import install_blocked_key_filter
from otop_pos.ui.toast import Toast
from otop_pos.ui.widgets import ErrorLabel, MessageDialog, log_unexpected, show_message

# A scanner set up as a US keyboard on a machine switched to the Thai Kedmanee layout types the number row
# as these characters; a burst made only of them is read back as digits.
KEDMANEE_NUMBER_ROW = {"ๅ": "1", "/": "2", "-": "3", "ภ": "4", "ถ": "5", "ุ": "6", "ึ": "7", "ค": "8", "ต": "9",
                       "จ": "0"}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Keys that only choose what the next key types (a capital, a shifted symbol, a Thai letter on Shift): a
# scanner presses and releases Shift around every capital, so they neither end a burst nor start one.
_SHIFT_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_AltGr)
_ALLOWED_MODS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# The property that marks a field where a scan is typed in as text (``mark_scan_field``).
SCAN_FIELD = "otopScanField"
_REFUSAL = "otopScanRefusal"

# The clock the detectors read, in seconds, once per key pressed (tests replace it with a fake clock).
key_time: Callable[[], float] = time.monotonic


@runtime_checkable
class ScanTaker(Protocol):
    """A window, dialog or screen that takes a scanned code (the sell screen adds the product)."""

    def take_scan(self, code: str) -> None: ...


@dataclass(frozen=True)
class _Key:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def decode_burst(text: str) -> str:
    """The code a burst stands for: Thai digits and the Kedmanee number row become ASCII digits.

    The row's "/" and "-" (its 2 and 3) are also plain ASCII: a burst is read as the Thai layout only when it has
    a Thai letter of the row, or no ASCII digit at all, so "20-0018-03" or "12/34" scanned on the English layout
    stay as they are."""
    thai_row = any(ch in KEDMANEE_NUMBER_ROW and not ch.isascii() for ch in text)
    ascii_digit = any(ch.isascii() and ch.isdigit() for ch in text)
    if text and all(ch in KEDMANEE_NUMBER_ROW or ch.isdigit() for ch in text) and (thai_row or not ascii_digit):
        text = "".join(KEDMANEE_NUMBER_ROW.get(ch, ch) for ch in text)
    return normalize_digits(text).strip()


def mark_scan_field(widget: QWidget) -> None:
    """Let a scan be typed into ``widget`` as text (e.g. the barcode of a product being edited)."""
    widget.setProperty(SCAN_FIELD, True)


def refusal_text(code: str) -> str:
    """What a window that takes no scans says when one arrives."""
    return translate("Scanner", "A scan cannot be used in this window: barcode {code} was not typed in and "
                                "nothing changed. Scan products on the Sell screen.").format(code=code)


def _shown(widget: QWidget | None) -> bool:
    return widget is None or widget.isVisible()


def refuse_scan(where: QWidget, code: str) -> bool:
    """Say in ``where`` (a dialog or a screen) that a scan cannot be used there: in its toast or its error
    line if it has one, else in a message box. Nothing else changes. True when the toast said it (and so
    played the error sound itself)."""
    text = refusal_text(code)
    toast = getattr(where, "toast", None)
    if isinstance(toast, Toast):
        toast.show_message(text, "error")
        return toast.sounds is not None
    error = getattr(where, "error", None)
    if not callable(getattr(error, "show_error", None)):   # an ErrorLabel, or a dialog's floating error
        error = next((e for e in where.findChildren(ErrorLabel) if e.window() is where.window()
                      and _shown(e.parentWidget())), None)
    if error is not None:
        error.show_error(text)
        return False
    if isinstance(where, MessageDialog) and where.property(_REFUSAL):
        where.text_label.setText(text)  # a second scan into the refusal itself: say it again, no new box
        return False
    box = show_message(where, text, title=translate("Scanner", "Barcode scanner"), kind="error")
    box.setProperty(_REFUSAL, True)
    return False


# The US keys a scanner types with and without Shift (X key code: unshifted, shifted): the number row and the
# symbols of a receipt's number, an SKU label or a LINE/PromptPay QR payload ("https://…", "#", ":", "_").
_X11_SYMBOLS = dict(zip(range(10, 22), ("1!", "2@", "3#", "4$", "5%", "6^", "7&", "8*", "9(", "0)", "-_", "=+"))) | {
    34: "[{", 35: "]}", 47: ";:", 48: "'\"", 49: "`~", 51: "\\|", 59: ",<", 60: ".>", 61: "/?"}


def _x11_keys() -> dict[tuple[int, bool], tuple[int, str]]:
    """The X key codes of the keys a scanner types (evdev, the same on every X server since 2008): the number
    row and its shifted symbols, the letters and the symbols of a US layout, and the keypad's digits. A
    scanner sends these keys whatever layout is chosen (a Thai layout turns the number row into Kedmanee
    letters, which ``decode_burst`` reads back as digits). Keys seen while the app runs are learnt on top."""
    keys: dict[tuple[int, bool], tuple[int, str]] = {}
    for code, pair in _X11_SYMBOLS.items():
        ch, shifted = pair[0], pair[1]
        keys[(code, False)] = (ord(ch), ch)
        keys[(code, True)] = (ord(shifted), shifted)
    for code, ch in zip(range(79, 91), "789-456+1230"):
        keys[(code, False)] = (ord(ch), ch)
    for start, row in ((24, "qwertyuiop"), (38, "asdfghjkl"), (52, "zxcvbnm")):
        for code, ch in zip(range(start, start + len(row)), row):
            keys[(code, False)] = (ord(ch.upper()), ch)
            keys[(code, True)] = (ord(ch.upper()), ch.upper())
    return keys


X11_KEYS = _x11_keys()
X11_ENTER_CODES = (36, 104)   # Return, the keypad's Enter


class ScannerDetector(QObject):
    """Install with ``QApplication.instance().installEventFilter(detector)``; ``scope`` is the sell screen:
    the detector listens in the window that holds it and in every window and dialog that one opens.

    ``scanned(code)``: a scan for ``scope`` when its window takes none itself; ``refused(code)``: a scan that
    arrived where none can be used (the message is shown already)."""

    scanned = Signal(str)
    refused = Signal(str)

    def __init__(self, scope: QWidget, *, gap_ms: int = 50, min_length: int = 4,
                 now: Callable[[], float] | None = None) -> None:
        super().__init__(scope)
        self.scope = scope
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.enabled = True
        self._now = now if now is not None else (lambda: key_time())
        self._explicit_clock = now is not None
        self._buffer: list[_Key] = []
        self._last = 0.0
        self._target: QWidget | None = None
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.scans = 0
        self._keymap: dict[tuple[int, bool], tuple[int, str]] = dict(X11_KEYS)
        self._enter_codes: set[int] = set(X11_ENTER_CODES)
        self._native = install_blocked_key_filter(self)

    # --- when to listen -----------------------------------------------------------------------------------
    def booth_window(self, widget: QWidget) -> bool:
        """True when ``widget`` is in the scope's window or in a window or dialog opened from it."""
        root = self.scope.window()
        w: QWidget | None = widget.window()
        while w is not None:
            if w is root:
                return True
            parent = w.parentWidget()
            w = parent.window() if parent is not None else None
        return False

    def _watching(self, obj: QObject) -> bool:
        if not self.enabled or self._replaying or not isinstance(obj, QWidget):
            return False
        return self.booth_window(obj)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        # Every event of the application passes here: the class test first (cheap), the enum only for keys
        # (turning each event's type into a Python enum cost about 0.1 s of the booth window's start).
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        if not self._watching(obj):
            return False
        assert isinstance(event, QKeyEvent) and isinstance(obj, QWidget)
        return self._key(obj, event)

    def _when(self, event: QKeyEvent) -> float:
        """When the key was pressed, in seconds: the window system's time stamp when it gives one (so keys a
        person typed before the app stalled for a moment are not bunched into a "scan" when the app catches
        up), else the detector's clock when the key is handled (events made in-process carry no stamp)."""
        stamp = event.timestamp()
        if stamp > 0 and self._explicit_clock is False:
            return stamp / 1000.0
        return self._now()

    def _key(self, obj: QWidget, event: QKeyEvent) -> bool:
        if event.key() in _SHIFT_KEYS:
            return False   # passes to the widget; held keys stay held, the clock is not read
        self._learn(event)
        return self._take(obj, event.key(), event.modifiers(), event.text(), self._when(event),
                          event.isAutoRepeat())

    def _learn(self, event: QKeyEvent) -> None:
        """Remember which key (the window system's key code) types what, for keys that reach a window a
        dialog blocks (``blocked_key``)."""
        code = event.nativeScanCode()
        if not code:
            return
        if event.key() in _ENTER:
            self._enter_codes.add(code)
        elif event.text() and event.text().isprintable():
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self._keymap[(code, shift)] = (event.key(), event.text())

    def blocked_key(self, window_id: int, code: int, shift: bool, stamp_ms: int) -> None:
        """A key the window system sent to the booth window while a dialog blocks it (the dialog opened but
        has not got the keyboard yet: a scan right after F12). Qt drops such keys; the scanner takes them as
        typed into the dialog, so the burst that goes on there is whole."""
        main = self.scope.window()
        modal = QApplication.activeModalWidget()
        if not self.enabled or modal is None or modal is main or int(main.winId()) != window_id:
            return
        target = modal.focusWidget() or modal
        now = stamp_ms / 1000.0
        if code in self._enter_codes:
            self._take(target, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", now, False)
            return
        known = self._keymap.get((code, shift))
        if known is not None:
            mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
            self._take(target, known[0], mods, known[1], now, False)

    def _take(self, obj: QWidget, key: int, mods: Qt.KeyboardModifier, text: str, now: float,
              repeat: bool) -> bool:
        gap = (now - self._last) * 1000
        fresh = bool(self._buffer) and 0 <= gap <= self.gap_ms
        if key in _ENTER:
            if fresh and len(self._buffer) >= self.min_length:
                keys, self._buffer = self._buffer, []
                self._timer.stop()
                code = decode_burst("".join(k.text for k in keys))
                if code:
                    self.scans += 1
                    self._route(code, keys)
                    return True
                self._buffer = keys
            self.flush()
            return False
        if repeat or not text or not text.isprintable() or (mods & ~_ALLOWED_MODS):
            self.flush()
            return False
        if self._buffer and not fresh:
            self.flush()
        elif self._buffer and obj is not self._target:
            self._target = obj   # the burst goes on in a window that just opened (a scan right after F12)
        if not self._buffer:
            self._target = obj
        self._buffer.append(_Key(key, mods, text))
        self._last = now
        self._timer.start(self.gap_ms)
        return True

    # --- a scan: where it goes ----------------------------------------------------------------------------
    def _route(self, code: str, keys: list[_Key]) -> None:
        target = self._target if self._target is not None and shiboken6.isValid(self._target) else None
        if target is None:
            return
        try:
            self._deliver(code, keys, target)
        except Exception as exc:  # noqa: BLE001 - a scan never falls through to the field or the dialog's Enter
            if not isinstance(exc, OtopError):
                log_unexpected(exc)
            window = target.window()
            error = getattr(window, "error", None)
            if error is not None and callable(getattr(error, "show_error", None)):
                error.show_error(error_text(exc))
            else:
                show_message(window, error_text(exc), title=translate("Scanner", "Barcode scanner"), kind="error")
            self.refused.emit(code)

    def _deliver(self, code: str, keys: list[_Key], target: QWidget) -> None:
        if target.property(SCAN_FIELD):
            if isinstance(target, QLineEdit):
                target.selectAll()  # a barcode field: the code replaces what was there, the Enter kept back
            self._replay(target, keys)
            return
        window = target.window()
        if isinstance(window, ScanTaker):
            window.take_scan(code)
            return
        if window is self.scope.window() and self.scope.isAncestorOf(target):
            self.scanned.emit(code)
            return
        host: QWidget | None = window
        while host is not None and not isinstance(host, QDialog) and host is not self.scope.window():
            parent = host.parentWidget()
            host = parent.window() if parent is not None else None
        refuse_scan(host if host is not None else window, code)
        self.refused.emit(code)

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
        self._replay(target, keys)

    def _replay(self, target: QWidget, keys: list[_Key]) -> None:
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

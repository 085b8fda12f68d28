"""Keys that X sends to the booth window while a dialog blocks it, handed to the scanner detector.

When F12 opens the pay dialog, the window manager gives it the keyboard a few milliseconds later; a scan
fired in between reaches the booth window, which Qt then drops because the dialog blocks it (before any Qt
event filter sees it), and the rest of the burst arrives in the dialog as a shorter, unknown code. A native
event filter sees those key presses first and passes their key code, shift state and time to the detector,
which types them into the dialog. Only the X11 (xcb) platform sends these events; elsewhere this does nothing.
"""
from __future__ import annotations

import ctypes
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject


class BlockedKeyTaker(Protocol):
    """What the filter tells: the scanner detector (``ScannerDetector.blocked_key``)."""

    def blocked_key(self, window_id: int, code: int, shift: bool, stamp_ms: int) -> None: ...

_XCB_KEY_PRESS = 2
_SHIFT_MASK = 1


class BlockedKeyFilter(QAbstractNativeEventFilter):
    """Reads xcb key-press events (response type, key code, time, event window, state) and tells the
    detector; never stops an event (Qt goes on as usual)."""

    def __init__(self, detector: BlockedKeyTaker) -> None:
        super().__init__()
        self.detector = detector

    def nativeEventFilter(self, event_type: Any, message: Any) -> Any:  # noqa: N802 - Qt name
        if bytes(event_type) != b"xcb_generic_event_t":
            return False, 0
        addr = int(message)
        if ctypes.c_uint8.from_address(addr).value & 0x7F != _XCB_KEY_PRESS:
            return False, 0
        code = ctypes.c_uint8.from_address(addr + 1).value        # detail: the key code
        stamp = ctypes.c_uint32.from_address(addr + 4).value      # time (ms)
        window = ctypes.c_uint32.from_address(addr + 12).value    # event window
        state = ctypes.c_uint16.from_address(addr + 28).value     # modifier state
        try:
            self.detector.blocked_key(window, code, bool(state & _SHIFT_MASK), stamp)
        except RuntimeError:   # the detector's window is gone
            pass
        return False, 0


def install_blocked_key_filter(detector: QObject) -> BlockedKeyFilter | None:
    """Install the filter on the application when it runs on X11 (xcb); the filter is returned to be kept."""
    app = QCoreApplication.instance()
    platform = getattr(app, "platformName", lambda: "")()
    if app is None or platform != "xcb":
        return None
    native = BlockedKeyFilter(detector)  # type: ignore[arg-type]  # a ScannerDetector
    app.installNativeEventFilter(native)
    detector.destroyed.connect(lambda *_: app.removeNativeEventFilter(native))
    return native

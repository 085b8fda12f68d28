"""Helpers for UI tests: waiting for the worker, scanning like a USB scanner, finding the open dialog."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from otop_pos.ui.context import BoothContext


def idle(qtbot: Any, ctx: BoothContext, timeout: int = 10000) -> None:
    """Wait for the worker thread to finish what the last action started."""
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


class KeyClock:
    """The time the scanner detector reads (``otop_pos.ui.scanner.key_time``), read once per key pressed:
    keys come 120 ms apart like a person's, or 5 ms apart inside ``scanner_speed()`` like a USB scanner's."""

    PERSON, SCANNER = 0.120, 0.005

    def __init__(self) -> None:
        self.t = 1000.0
        self.step = self.PERSON

    def __call__(self) -> float:
        self.t += self.step
        return self.t


KEYS = KeyClock()


def release_held_keys() -> None:
    """After a person's key the next comes 120 ms later, when the detector has long given back the keys it
    held (its 50 ms timer): do that now, as the test goes on at once."""
    from otop_pos.ui.scanner import ScannerDetector

    if KEYS.step != KeyClock.PERSON:
        return
    for top in QApplication.topLevelWidgets():
        for detector in top.findChildren(ScannerDetector):
            detector.flush()


@contextmanager
def scanner_speed() -> Iterator[None]:
    """Keys pressed inside come as fast as a USB scanner types them."""
    KEYS.t += 1.0  # a pause before the burst
    KEYS.step = KeyClock.SCANNER
    try:
        yield
    finally:
        KEYS.step = KeyClock.PERSON
        KEYS.t += 1.0


def scan(qtbot: Any, widget: QWidget, code: str) -> None:
    """What a USB scanner does: the digits in a fast burst, then Enter, into the focused widget."""
    with scanner_speed():
        if code.isascii():
            qtbot.keyClicks(widget, code)
        else:
            type_text(qtbot, widget, code)
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def modal(qtbot: Any, kind: type) -> Any:
    """The open dialog of ``kind``."""
    found: list[Any] = []

    def check() -> bool:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind):
            found.append(w)
            return True
        return False
    qtbot.waitUntil(check, timeout=5000)
    dialog = found[-1]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog


def qimage_to_pil(img: QImage) -> Any:
    """A QImage as a PIL image (for zxing-cpp)."""
    from PIL import Image

    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * rgb.height()]
    return Image.frombuffer("RGB", (rgb.width(), rgb.height()), data, "raw", "RGB", rgb.bytesPerLine(), 1)


def gone(widget: Any) -> bool:
    """True once a dialog is closed (and maybe deleted)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()


def type_text(qtbot: Any, widget: QWidget, text: str, delay_ms: int = 0) -> None:
    """Type any text (Thai too: QTest.keyClicks only knows Latin-1) as key events, ``delay_ms`` apart."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        if delay_ms:
            qtbot.wait(delay_ms)
        key = ord(ch.upper()) if ord(ch) < 0x100 else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    release_held_keys()


def open_pay(window: Any, qtbot: Any, *codes: str) -> Any:
    """Scan ``codes`` on the sell screen, press F12 and return the pay dialog."""
    from otop_pos.ui.pay_dialog import PayDialog

    for code in codes:
        scan(qtbot, window.sell.search, code)
    qtbot.keyClick(window.sell.search, Qt.Key.Key_F12)
    return modal(qtbot, PayDialog)


def type_into_focus(qtbot: Any, text: str, enter: bool = True) -> None:
    """Type into whatever has the keyboard, as a person does (then Enter)."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, text)
    if enter:
        qtbot.keyClick(focus, Qt.Key.Key_Return)


def pin_dialogs() -> list[Any]:
    """The manager-PIN dialogs on screen."""
    from otop_pos.ui.approval import ManagerPinDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ManagerPinDialog) and w.isVisible()]

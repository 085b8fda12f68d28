"""Helpers for UI tests: waiting for the worker, scanning like a USB scanner, finding the open dialog."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from otop_pos.ui.context import BoothContext


def idle(qtbot: Any, ctx: BoothContext, timeout: int = 10000) -> None:
    """Wait for the worker thread to finish what the last action started."""
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=timeout)


def scan(qtbot: Any, widget: QWidget, code: str) -> None:
    """What a USB scanner does: the digits in a fast burst, then Enter, into the focused widget."""
    qtbot.keyClicks(widget, code)
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

"""Headless Qt for the raster renderer: one QGuiApplication (offscreen by default) and the bundled Sarabun.

Rendering only needs a QGuiApplication to exist; no window is ever shown, so the print worker may draw
receipts off the GUI thread once ``ensure_qt_app()`` has run once on the main thread.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from otop_pos.core.resources import resource_path

#: The family every printed document uses (Thai + Latin + digits, SIL OFL 1.1).
FONT_FAMILY = "Sarabun"
FONT_FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")

_lock = threading.Lock()
_fonts_loaded = False
_app: QCoreApplication | None = None  # keeps the application we created alive


def fonts_dir() -> Path:
    """The folder holding the bundled fonts: from a frozen build, a checkout or an installed wheel."""
    return resource_path("fonts")


def _load_fonts() -> None:
    global _fonts_loaded
    if _fonts_loaded:
        return
    folder = fonts_dir()
    families: set[str] = set()
    for name in FONT_FILES:
        path = folder / name
        if path.is_file():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FONT_FAMILY not in families:
        raise RuntimeError(f"the bundled Thai font {FONT_FAMILY} was not found in {folder}")
    _fonts_loaded = True


def ensure_qt_app() -> QCoreApplication:
    """Return the running Qt application, creating a QGuiApplication (offscreen) if there is none.

    Also registers the bundled Sarabun fonts (once). Call it on the main thread before rendering
    from a worker thread. A plain ``QCoreApplication`` cannot draw text: that raises ``RuntimeError``.
    """
    global _app
    with _lock:
        app = QCoreApplication.instance()
        if app is None:
            if threading.current_thread() is not threading.main_thread():
                raise RuntimeError("call ensure_qt_app() on the main thread before rendering in a worker")
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            app = QGuiApplication([])
            _app = app
        if not isinstance(app, QGuiApplication):
            raise RuntimeError("printing needs a QGuiApplication (or QApplication), not a QCoreApplication")
        _load_fonts()
        return app


def make_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """Sarabun at ``pixel_size`` pixels (dots), regular or bold.

    Vertical-only hinting: full hinting snaps the thin Thai tone marks into shapes that read worse once
    thresholded to 1 bit (at 20 dots Tesseract misses the marks of ญี่ปุ่น with full hinting, not without)."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(6, int(pixel_size)))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    font.setKerning(True)
    return font

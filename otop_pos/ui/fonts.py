"""The bundled Sarabun font, registered once at start and used by every widget."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from otop_pos.core.resources import resource_path

FAMILY = "Sarabun"
FILES = ("Sarabun-Regular.ttf", "Sarabun-Bold.ttf")


def load_fonts() -> bool:
    """Register resources/fonts/Sarabun-*.ttf (once); True when Sarabun is available."""
    if FAMILY in QFontDatabase.families():
        return True
    try:  # the printing renderer registers the same files once; share its registration
        from otop_pos.printing.qtapp import ensure_qt_app

        ensure_qt_app()
    except RuntimeError:
        pass
    if FAMILY in QFontDatabase.families():
        return True
    for name in FILES:
        path = resource_path("fonts", name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))
    return FAMILY in QFontDatabase.families()


def app_font(pixel_size: int, *, bold: bool = False) -> QFont:
    """Sarabun at ``pixel_size`` pixels."""
    font = QFont(FAMILY)
    font.setPixelSize(max(8, pixel_size))
    if bold:
        font.setWeight(QFont.Weight.Bold)
    return font


def apply_app_font(app: QApplication, pixel_size: int) -> None:
    """Make Sarabun the default font of the whole application."""
    load_fonts()
    app.setFont(app_font(pixel_size))

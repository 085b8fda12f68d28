"""Look of the booth app: product-type colours and names (read from ``core.vocabulary``), sizes that scale
with the screen, the style sheet."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication

from otop_pos.core import vocabulary as V
from otop_pos.ui.fonts import apply_app_font
from otop_pos.ui.i18n import current_lang


OTHER_COLOR = V.OTHER_COLOR


def product_type(name: str) -> V.Term | None:
    """The product type of a registry value (spaces ignored), or None for anything else."""
    return V.PRODUCT_TYPE.get(name)


def type_color(name: str) -> QColor:
    """The colour of a product type (the vocabulary's)."""
    return QColor(V.PRODUCT_TYPE.color(name))


def type_label(name: str, *, short: bool = False) -> str:
    """A product type's name (``short``: for tabs and narrow columns) in the current language."""
    lang = current_lang()
    if not name:
        return V.OTHER[lang == "en"]
    return V.PRODUCT_TYPE.short(name, lang) if short else V.PRODUCT_TYPE.name(name, lang)


def pastel(color: QColor, strength: float = 0.22) -> QColor:
    """``color`` mixed into white: a calm tile background that keeps the type recognisable."""
    return QColor(round(255 - (255 - color.red()) * strength), round(255 - (255 - color.green()) * strength),
                  round(255 - (255 - color.blue()) * strength))


def type_choices() -> list[tuple[str, str]]:
    """(stored value, name in the current language) for product-type pickers."""
    return [(t.key, t.name(current_lang())) for t in V.PRODUCT_TYPE]


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels derived from the window height (600 px netbook … 1080 px desktop)."""

    base: int

    @property
    def big(self) -> int:
        return round(self.base * 1.6)

    @property
    def huge(self) -> int:
        return round(self.base * 2.4)

    @property
    def tile_w(self) -> int:
        return round(self.base * 10)

    @property
    def tile_h(self) -> int:
        return round(self.base * 6.2)

    @property
    def button_h(self) -> int:
        return round(self.base * 2.6)


def metrics_for_height(height: int) -> Metrics:
    """Base font 15 px at 600 px high, growing to 20 px at 1080 px."""
    base = 15 + (max(600, min(height, 1440)) - 600) * 5 // 480
    return Metrics(min(base, 24))


_metrics = Metrics(15)


def metrics() -> Metrics:
    """The sizes in use."""
    return _metrics


def style_sheet(m: Metrics) -> str:
    """The application style sheet (colours, padding; font sizes relative to the base)."""
    b = m.base
    return f"""
QWidget {{ font-family: "Sarabun"; font-size: {b}px; }}
QMainWindow, QDialog {{ background: #f4f6f8; }}
QPushButton {{ min-height: {round(b * 1.9)}px; padding: {b // 4}px {b // 2}px; border-radius: 6px;
  border: 1px solid #adb5bd; background: #ffffff; color: #212529; }}
QPushButton:hover {{ background: #e9ecef; }}
QPushButton:pressed {{ background: #dee2e6; }}
QPushButton:disabled {{ color: #adb5bd; background: #f1f3f5; }}
QPushButton:checked {{ background: #343a40; color: #ffffff; }}
QPushButton#primary {{ background: #2b8a3e; color: white; border: none; font-weight: bold;
  font-size: {round(b * 1.3)}px; min-height: {m.button_h}px; }}
QPushButton#primary:disabled {{ background: #8ce99a; }}
QPushButton#choice {{ min-height: {round(m.button_h * 1.25)}px; font-size: {round(b * 1.2)}px; font-weight: bold;
  text-align: left; padding-left: {b}px; }}
QPushButton#note {{ min-height: {m.button_h}px; font-size: {round(b * 1.2)}px; font-weight: bold; }}
QPushButton#danger {{ background: #c92a2a; color: white; border: none; font-weight: bold; }}
QPushButton#nav {{ border: none; border-radius: 0; background: transparent; color: #dee2e6;
  font-size: {round(b * 1.1)}px; padding: {b // 4}px {b}px; min-height: {round(b * 2.1)}px; }}
QPushButton#nav:checked {{ background: #f4f6f8; color: #212529; font-weight: bold; }}
QWidget#navbar {{ background: #343a40; }}
QLabel#navtitle {{ color: #ffffff; font-weight: bold; padding: 0 {b}px; }}
QLabel#huge {{ font-size: {m.huge}px; font-weight: bold; }}
QLabel#big {{ font-size: {m.big}px; font-weight: bold; }}
QLabel#caption {{ color: #495057; }}
QLabel#error {{ color: #c92a2a; font-weight: bold; }}
QLabel#ok {{ color: #2b8a3e; font-weight: bold; }}
QLabel#banner_warn {{ background: #fff3bf; color: #5c3c00; border: 2px solid #f59f00; border-radius: 6px;
  padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_error {{ background: #ffe3e3; color: #862e2e; border: 2px solid #e03131; border-radius: 6px;
  padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_ok {{ background: #d3f9d8; color: #1b4d2b; border: 2px solid #37b24d; border-radius: 6px;
  padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_info {{ background: #e7f5ff; color: #1c3d5a; border: 2px solid #4dabf7; border-radius: 6px;
  padding: {b // 3}px {b // 2}px; }}
QLineEdit {{ min-height: {round(b * 1.8)}px; padding: 0 {b // 3}px; border: 1px solid #adb5bd; border-radius: 4px;
  background: white; }}
QLineEdit:focus {{ border: 2px solid #1971c2; }}
QLineEdit#bigedit {{ font-size: {m.big}px; font-weight: bold; min-height: {round(m.big * 1.7)}px; }}
QLineEdit[invalid="true"] {{ border: 2px solid #e03131; background: #fff5f5; }}
QComboBox, QSpinBox {{ min-height: {round(b * 1.8)}px; }}
QTableView {{ background: white; alternate-background-color: #f8f9fa; gridline-color: #e9ecef;
  selection-background-color: #d0ebff; selection-color: #000000; }}
QHeaderView::section {{ background: #e9ecef; padding: {b // 4}px; border: none; font-weight: bold; }}
QStatusBar QLabel {{ padding: 0 {b // 2}px; }}
QGroupBox {{ font-weight: bold; margin-top: {b}px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {b // 2}px; padding: 0 {b // 4}px; }}
QTabBar::tab {{ min-height: {round(b * 1.9)}px; padding: 0 {b}px; }}
"""


def apply_theme(app: QApplication, height: int | None = None) -> Metrics:
    """Fonts, sizes and style for a window of ``height`` pixels (default: the primary screen)."""
    global _metrics
    if height is None:
        screen = QGuiApplication.primaryScreen()
        height = screen.availableGeometry().height() if screen is not None else 768
    _metrics = metrics_for_height(height)
    apply_app_font(app, _metrics.base)
    app.setStyleSheet(style_sheet(_metrics))
    return _metrics

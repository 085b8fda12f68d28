"""Look of the booth app: product-type colours and names (read from ``core.vocabulary``), sizes that scale
with the screen, the style sheet.

Every colour of text and what it is written on is declared here, once: ``Ink`` names the colours, ``ROLES``
pairs each text colour with the backgrounds it sits on, and widgets take their colours from these (a test
checks each pair's contrast, another that no widget writes a colour of its own)."""
from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QColor, QGuiApplication, QPalette
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


# --- colours and contrast -------------------------------------------------------------------------------------
def _channels(color: str) -> tuple[int, int, int]:
    h = color.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb`` (0 black … 1 white)."""
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (x / 255 for x in _channels(color))]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours, 1 … 21 (the order does not matter)."""
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)))
    return (b + 0.05) / (a + 0.05)


def _mix(color: str, other: str, amount: float) -> str:
    """``color`` moved ``amount`` (0 … 1) of the way to ``other``."""
    return "#" + "".join(f"{round(c + (o - c) * amount):02x}" for c, o in zip(_channels(color), _channels(other)))


#: Normal text needs 4.5:1 against its background, large text (≥ 24 px, or ≥ 18.66 px bold) 3:1 (WCAG AA).
MIN_CONTRAST = 4.5
MIN_CONTRAST_LARGE = 3.0


def readable(color: str, bg: str, minimum: float = MIN_CONTRAST) -> str:
    """``color`` darkened just enough to be read on ``bg`` (a light background): for text in a colour that
    comes from data, such as a product type's."""
    for step in range(21):
        darker = _mix(color, "#000000", step / 20)
        if contrast_ratio(darker, bg) >= minimum:
            return darker
    return "#000000"


class Ink:
    """The colours of the app by name (Open Color, darkened where text needs it in daylight)."""

    WINDOW = "#f4f6f8"          # windows, dialogs, the product grid
    SURFACE = "#ffffff"         # buttons, fields, tables, cards
    ALT_ROW = "#f8f9fa"
    HOVER = "#e9ecef"           # a button under the finger; table headers
    PRESSED = "#dee2e6"
    DISABLED_BG = "#f1f3f5"
    SELECTION = "#d0ebff"
    NAV = "#343a40"             # the navigation bar; a checked button
    SOLD_OUT_BG = "#eceff1"

    TEXT = "#212529"
    TITLE = "#343a40"
    MUTED = "#495057"           # captions
    FAINT = "#646c74"           # "no printer", notes, a disabled button (was #868e96: 3.1:1)
    ON_DARK = "#ffffff"
    NAV_TEXT = "#dee2e6"
    SELECTED_TEXT = "#000000"
    OK = "#2a7a39"              # green: day open, printer ready, paid (was #2b8a3e: 4.0:1)
    WARN = "#a85200"            # dark orange: no backup folder, printing (was #e67700: 2.8:1)
    ERROR = "#b02525"           # red: problems, short, sold out (was #c92a2a)
    INFO = "#1971c2"            # blue: cash over
    PRIMARY_DISABLED_BG = "#d3e9d7"
    PRIMARY_DISABLED_TEXT = "#3b6546"

    BORDER = "#adb5bd"
    BORDER_LIGHT = "#dee2e6"
    GRIDLINE = "#e9ecef"
    AXIS = "#ced4da"
    FOCUS = "#1971c2"
    INVALID = "#e03131"
    INVALID_BG = "#fff5f5"
    OK_BORDER = "#37b24d"
    WARN_BORDER = "#f59f00"
    INFO_BORDER = "#4dabf7"
    BANNER_OK_BG, BANNER_OK_TEXT = "#d3f9d8", "#1b4d2b"
    BANNER_WARN_BG, BANNER_WARN_TEXT = "#fff3bf", "#5c3c00"
    BANNER_ERROR_BG, BANNER_ERROR_TEXT = "#ffe3e3", "#862e2e"
    BANNER_INFO_BG, BANNER_INFO_TEXT = "#e7f5ff", "#1c3d5a"
    DROP_BG, DROP_HOT_BG = "#f8f9fa", "#e7f5ff"
    CLEAR = "transparent"       # behind a drawing on an icon
    QR_DARK, QR_LIGHT = "#000000", "#ffffff"   # a QR code is black on white for every scanner
    # The customer's PromptPay view in the Thai QR Payment look.
    QRP_BAND = "#0e3d67"        # the header band; also the amount
    QRP_TITLE = "#1b4f8a"       # "พร้อมเพย์ PromptPay"
    QRP_FRAME = "#c9d3de"       # a thin line outside the quiet zone
    QRP_TEXT = "#14212e"        # near black: pure black is the code's alone
    QRP_NOTE = "#33475b"

    # Chart series (fills, not text: their labels are written in TITLE / FAINT beside them).
    SERIES_DAY = "#1971c2"
    SERIES_VENDOR = "#e8590c"


@dataclass(frozen=True)
class Pair:
    """A text colour and every background it is written on; ``large``: only ever ≥ 24 px or ≥ 18.66 px bold."""

    fg: str
    on: tuple[str, ...]
    large: bool = False


_BUTTON = (Ink.SURFACE, Ink.HOVER, Ink.PRESSED)
_TABLE = (Ink.SURFACE, Ink.ALT_ROW)


@dataclass(frozen=True)
class Roles:
    """Where text appears and in what colour, booth and organiser."""

    text: Pair = Pair(Ink.TEXT, (Ink.WINDOW, Ink.SURFACE, Ink.ALT_ROW, Ink.HOVER, Ink.PRESSED, Ink.INVALID_BG))
    caption: Pair = Pair(Ink.MUTED, (Ink.WINDOW, Ink.SURFACE))
    placeholder: Pair = Pair(Ink.FAINT, (Ink.SURFACE, Ink.INVALID_BG))
    tooltip: Pair = Pair(Ink.TEXT, (Ink.SURFACE,))
    muted: Pair = Pair(Ink.FAINT, (Ink.WINDOW, Ink.SURFACE, Ink.ALT_ROW))
    status_ok: Pair = Pair(Ink.OK, (Ink.WINDOW, Ink.SURFACE))
    status_warn: Pair = Pair(Ink.WARN, (Ink.WINDOW, Ink.SURFACE))
    status_error: Pair = Pair(Ink.ERROR, (Ink.WINDOW, Ink.SURFACE))
    status_info: Pair = Pair(Ink.INFO, (Ink.WINDOW, Ink.SURFACE))
    button: Pair = Pair(Ink.TEXT, _BUTTON)
    button_disabled: Pair = Pair(Ink.FAINT, (Ink.DISABLED_BG,))
    button_checked: Pair = Pair(Ink.ON_DARK, (Ink.NAV,))
    on_primary: Pair = Pair(Ink.ON_DARK, (Ink.OK,))
    on_primary_disabled: Pair = Pair(Ink.PRIMARY_DISABLED_TEXT, (Ink.PRIMARY_DISABLED_BG,))
    on_danger: Pair = Pair(Ink.ON_DARK, (Ink.ERROR,))
    nav: Pair = Pair(Ink.NAV_TEXT, (Ink.NAV,))
    nav_checked: Pair = Pair(Ink.TEXT, (Ink.WINDOW,))
    nav_title: Pair = Pair(Ink.ON_DARK, (Ink.NAV,))
    banner_ok: Pair = Pair(Ink.BANNER_OK_TEXT, (Ink.BANNER_OK_BG,))
    banner_warn: Pair = Pair(Ink.BANNER_WARN_TEXT, (Ink.BANNER_WARN_BG,))
    banner_error: Pair = Pair(Ink.BANNER_ERROR_TEXT, (Ink.BANNER_ERROR_BG,))
    banner_info: Pair = Pair(Ink.BANNER_INFO_TEXT, (Ink.BANNER_INFO_BG,))
    table_header: Pair = Pair(Ink.TEXT, (Ink.HOVER,))
    table_selected: Pair = Pair(Ink.SELECTED_TEXT, (Ink.SELECTION,))   # also selected text in fields, lists
    progress: Pair = Pair(Ink.TEXT, (Ink.SELECTION, Ink.SURFACE))       # "116 / 116" over the palette's bar
    tile_sold_out: Pair = Pair(Ink.FAINT, (Ink.SOLD_OUT_BG,))
    tile_sold_out_mark: Pair = Pair(Ink.ERROR, (Ink.SOLD_OUT_BG,))
    history_void: Pair = Pair(Ink.ERROR, _TABLE)                        # a voided sale in the history list
    qr_band: Pair = Pair(Ink.ON_DARK, (Ink.QRP_BAND,), large=True)
    qr_title: Pair = Pair(Ink.QRP_TITLE, (Ink.QR_LIGHT,))
    qr_amount: Pair = Pair(Ink.QRP_BAND, (Ink.QR_LIGHT,), large=True)
    qr_text: Pair = Pair(Ink.QRP_TEXT, (Ink.QR_LIGHT,))
    qr_note: Pair = Pair(Ink.QRP_NOTE, (Ink.QR_LIGHT,))
    # organiser
    card_title: Pair = Pair(Ink.TITLE, (Ink.SURFACE,))
    kpi_value: Pair = Pair(Ink.TEXT, (Ink.SURFACE,))
    kpi_value_main: Pair = Pair(Ink.OK, (Ink.SURFACE,))
    kpi_caption: Pair = Pair(Ink.MUTED, (Ink.SURFACE,))
    kpi_note: Pair = Pair(Ink.FAINT, (Ink.SURFACE,))
    drop_zone: Pair = Pair(Ink.TEXT, (Ink.DROP_BG, Ink.DROP_HOT_BG))
    table_ok: Pair = Pair(Ink.OK, _TABLE)
    table_warn: Pair = Pair(Ink.WARN, _TABLE)
    table_error: Pair = Pair(Ink.ERROR, _TABLE)
    table_muted: Pair = Pair(Ink.FAINT, _TABLE)
    table_other: Pair = Pair(V.OTHER_COLOR, _TABLE)
    chart_label: Pair = Pair(Ink.TITLE, (Ink.SURFACE,))
    chart_note: Pair = Pair(Ink.FAINT, (Ink.SURFACE,))


ROLES = Roles()

#: Text drawn on a product tile (the tile's background is made light enough for all of them).
TILE_TEXTS = (Ink.TEXT, Ink.MUTED, Ink.ERROR)


def tile_background(color: str, hover: bool = False) -> str:
    """A product tile's background: the type's colour mixed into white (a little more under the finger), made
    paler where needed so that every tile text stays readable, whatever colour a fair gave the type."""
    strength = 0.30 if hover else 0.22
    while True:
        bg = _mix(color, Ink.SURFACE, 1 - strength)
        if strength <= 0 or all(contrast_ratio(t, bg) >= MIN_CONTRAST for t in TILE_TEXTS):
            return bg
        strength = max(0.0, strength - 0.02)


def type_button_colors(color: str) -> tuple[str, str]:
    """(text on a white button, background of the checked button under white text) for a type's colour."""
    text = readable(color, Ink.PRESSED)
    return text, readable(color, Ink.SURFACE)


def declared_pairs() -> dict[str, Pair]:
    """Every text colour with its backgrounds: the roles, and those made from the built-in product types'
    colours (type buttons, tiles)."""
    pairs = {f.name: getattr(ROLES, f.name) for f in fields(ROLES)}
    for term in V.PRODUCT_TYPE:
        text, checked = type_button_colors(term.color)
        pairs[f"type_button:{term.key}"] = Pair(text, _BUTTON)
        pairs[f"type_button_checked:{term.key}"] = Pair(Ink.ON_DARK, (checked,))
        for t in TILE_TEXTS:
            pairs[f"tile:{term.key}:{t}"] = Pair(t, (tile_background(term.color), tile_background(term.color, True)))
    return pairs


def type_choices() -> list[tuple[str, str]]:
    """(stored value, name in the current language) for product-type pickers."""
    return [(t.key, t.name(current_lang())) for t in V.PRODUCT_TYPE]


#: The smallest thing a finger presses, in pixels at 600 px high (about 9 mm on a 10" netbook); it grows with
#: the screen like the font, so that it keeps its physical size (``Metrics.touch``).
TOUCH_MIN_PX = 44
#: The base font size at 600 px high; every size in ``Metrics`` scales with the base.
BASE_AT_600 = 17


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels derived from the window height (600 px netbook … 1080 px desktop)."""

    base: int

    def scaled(self, px_at_600: float) -> int:
        """``px_at_600`` (a size at 600 px high) on this screen."""
        return round(px_at_600 * self.base / BASE_AT_600)

    @property
    def touch(self) -> int:
        """The least height (and width) of anything pressed: buttons, tabs, fields, rows, toggles."""
        return self.scaled(TOUCH_MIN_PX)

    @property
    def scroll(self) -> int:
        """The width of a scroll bar (its handle is at least ``touch`` long)."""
        return self.scaled(24)

    @property
    def indicator(self) -> int:
        """The box of a check box or radio button."""
        return self.scaled(28)

    @property
    def qr(self) -> int:
        """The PromptPay QR on screen (about 4.8 cm on a 10" netbook: phones read it at arm's length, and the pay
        dialog still fits 600 px high)."""
        return self.scaled(220)

    @property
    def smallest(self) -> int:
        """The smallest text: captions, the stock on a tile (at least 14 px at 600 px high)."""
        return max(self.scaled(14), round(self.base * 0.8))

    @property
    def big(self) -> int:
        return round(self.base * 1.6)

    @property
    def huge(self) -> int:
        return round(self.base * 2.4)

    @property
    def tile_w(self) -> int:
        return round(self.base * 9)    # 153 px at 600 px high (three columns), 198 px at 1080 (five)

    @property
    def tile_h(self) -> int:
        return round(self.base * 6.2)

    @property
    def button_h(self) -> int:
        return round(self.base * 2.6)


def metrics_for_height(height: int) -> Metrics:
    """Base font 17 px at 600 px high, growing to 22 px at 1080 px (and 25 px at 1440 px)."""
    base = BASE_AT_600 + (max(600, min(height, 1440)) - 600) * 5 // 480
    return Metrics(base)


_metrics = Metrics(BASE_AT_600)


def metrics() -> Metrics:
    """The sizes in use."""
    return _metrics


def style_sheet(m: Metrics) -> str:
    """The application style sheet (colours from ``Ink`` and ``ROLES``; font sizes relative to the base; every
    control at least ``m.touch`` high: a min-height is the content's, so padding and borders are taken off)."""
    b, r, k, t = m.base, ROLES, Ink, m.touch
    pv, ph = b // 4, b // 2                 # a button's padding
    return f"""
QWidget {{ font-family: "Sarabun"; font-size: {b}px; color: {r.text.fg}; }}
QMainWindow, QDialog {{ background: {k.WINDOW}; }}
QPushButton {{ min-height: {t - 2 * pv - 2}px; min-width: {t - 2 * ph - 2}px; padding: {pv}px {ph}px;
  border-radius: 6px; border: 1px solid {k.BORDER}; background: {k.SURFACE}; color: {r.button.fg}; }}
QToolButton {{ min-height: {t - 2 * pv - 2}px; min-width: {t - 2 * pv - 2}px; padding: {pv}px; }}
QPushButton:hover {{ background: {k.HOVER}; }}
QPushButton:pressed {{ background: {k.PRESSED}; }}
QPushButton:disabled {{ color: {r.button_disabled.fg}; background: {k.DISABLED_BG}; }}
QPushButton:checked {{ background: {k.NAV}; color: {r.button_checked.fg}; }}
QPushButton#primary {{ background: {k.OK}; color: {r.on_primary.fg}; border: none; font-weight: bold;
  font-size: {round(b * 1.3)}px; min-height: {m.button_h}px; }}
QPushButton#primary:disabled {{ background: {k.PRIMARY_DISABLED_BG}; color: {r.on_primary_disabled.fg}; }}
QPushButton#choice {{ min-height: {round(m.button_h * 1.25)}px; font-size: {round(b * 1.2)}px; font-weight: bold;
  text-align: left; padding-left: {b}px; }}
QPushButton#note {{ min-height: {m.button_h}px; font-size: {round(b * 1.2)}px; font-weight: bold; }}
QPushButton#danger {{ background: {k.ERROR}; color: {r.on_danger.fg}; border: none; font-weight: bold;
  font-size: {round(b * 1.3)}px; min-height: {m.button_h}px; }}
QPushButton:focus, QPushButton#choice:focus, QPushButton#note:focus, QPushButton#primary:focus,
QPushButton#danger:focus {{ border: 3px solid {k.FOCUS}; }}
QPushButton#nav {{ border: none; border-radius: 0; background: transparent; color: {r.nav.fg};
  font-size: {round(b * 1.1)}px; padding: {pv}px {b}px; min-height: {t - 2 * pv}px; }}
QPushButton#nav:checked {{ background: {k.WINDOW}; color: {r.nav_checked.fg}; font-weight: bold; }}
QWidget#navbar {{ background: {k.NAV}; }}
QLabel#navtitle {{ color: {r.nav_title.fg}; font-weight: bold; padding: 0 {b}px; }}
QLabel#huge {{ font-size: {m.huge}px; font-weight: bold; }}
QLabel#big {{ font-size: {m.big}px; font-weight: bold; }}
QLabel#caption {{ color: {r.caption.fg}; font-size: {max(m.smallest, b - 1)}px; }}
QLabel#error {{ color: {r.status_error.fg}; font-weight: bold; }}
QLabel#ok {{ color: {r.status_ok.fg}; font-weight: bold; }}
QLabel#banner_warn {{ background: {k.BANNER_WARN_BG}; color: {r.banner_warn.fg}; border: 2px solid {k.WARN_BORDER};
  border-radius: 6px; padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_error {{ background: {k.BANNER_ERROR_BG}; color: {r.banner_error.fg}; border: 2px solid {k.INVALID};
  border-radius: 6px; padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_ok {{ background: {k.BANNER_OK_BG}; color: {r.banner_ok.fg}; border: 2px solid {k.OK_BORDER};
  border-radius: 6px; padding: {b // 3}px {b // 2}px; font-weight: bold; }}
QLabel#banner_info {{ background: {k.BANNER_INFO_BG}; color: {r.banner_info.fg}; border: 2px solid {k.INFO_BORDER};
  border-radius: 6px; padding: {b // 3}px {b // 2}px; }}
QLineEdit {{ min-height: {t - 2}px; padding: 0 {b // 3}px; border: 1px solid {k.BORDER}; border-radius: 4px;
  background: {k.SURFACE}; }}
QLineEdit:focus {{ border: 2px solid {k.FOCUS}; }}
QLineEdit#bigedit {{ font-size: {m.big}px; font-weight: bold; min-height: {max(t - 2, round(m.big * 1.7))}px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {k.INVALID}; background: {k.INVALID_BG}; }}
QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit {{ min-height: {t - 2}px; }}
QRadioButton, QCheckBox {{ min-height: {t}px; spacing: {b // 2}px; }}
QRadioButton::indicator, QCheckBox::indicator, QGroupBox::indicator {{ width: {m.indicator}px;
  height: {m.indicator}px; }}
QScrollBar:vertical {{ width: {m.scroll}px; }}
QScrollBar:horizontal {{ height: {m.scroll}px; }}
QScrollBar::handle:vertical {{ min-height: {t}px; }}
QScrollBar::handle:horizontal {{ min-width: {t}px; }}
QTableView {{ background: {k.SURFACE}; alternate-background-color: {k.ALT_ROW}; gridline-color: {k.GRIDLINE};
  selection-background-color: {k.SELECTION}; selection-color: {r.table_selected.fg}; }}
QHeaderView::section {{ background: {k.HOVER}; color: {r.table_header.fg}; padding: {b // 4}px; border: none;
  font-weight: bold; }}
QListView::item {{ min-height: {t}px; }}
QStatusBar {{ background: {k.WINDOW}; border-top: 1px solid {k.BORDER_LIGHT}; }}
QLineEdit, QComboBox, QSpinBox, QTextEdit, QPlainTextEdit {{ placeholder-text-color: {r.placeholder.fg}; }}
QToolTip {{ background: {k.SURFACE}; color: {r.tooltip.fg}; border: 1px solid {k.BORDER}; }}
QStatusBar QLabel {{ padding: 0 {b // 2}px; }}
QGroupBox {{ font-weight: bold; margin-top: {b}px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: {b // 2}px; padding: 0 {b // 4}px; }}
QTabBar::tab {{ min-height: {t}px; min-width: {t}px; padding: 0 {b}px; }}
"""


def palette() -> QPalette:
    """The application palette in the theme's colours (what widgets the style sheet does not name paint)."""
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, Ink.WINDOW), (role.WindowText, Ink.TEXT), (role.Base, Ink.SURFACE),
                      (role.AlternateBase, Ink.ALT_ROW), (role.Text, Ink.TEXT), (role.Button, Ink.SURFACE),
                      (role.ButtonText, Ink.TEXT), (role.ToolTipBase, Ink.SURFACE), (role.ToolTipText, Ink.TEXT),
                      (role.PlaceholderText, Ink.FAINT), (role.Highlight, Ink.SELECTION),
                      (role.HighlightedText, Ink.SELECTED_TEXT), (role.BrightText, Ink.ON_DARK)):
        pal.setColor(r, QColor(colour))
    return pal


def apply_theme(app: QApplication, height: int | None = None) -> Metrics:
    """Fonts, sizes and style for a window of ``height`` pixels (default: the primary screen)."""
    global _metrics
    if height is None:
        screen = QGuiApplication.primaryScreen()
        height = screen.availableGeometry().height() if screen is not None else 768
    _metrics = metrics_for_height(height)
    apply_app_font(app, _metrics.base)
    app.setPalette(palette())
    app.setStyleSheet(style_sheet(_metrics))
    return _metrics

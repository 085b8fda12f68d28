"""Contrast (issue #14 item 2): every text colour the booth and organiser use is declared in the theme with the
backgrounds it sits on and reaches 4.5:1 (3:1 for large text); the status bar read off the real window does;
colours a fair gives its product types are made readable; no widget writes a colour of its own."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QLineEdit

from otop_pos.core.vocabulary import PRODUCT_TYPE
from otop_pos.ui.main_window import MainWindow
from otop_pos.ui.organiser.app import apply_organiser_theme
from otop_pos.ui.theme import (
    MIN_CONTRAST,
    MIN_CONTRAST_LARGE,
    TILE_TEXTS,
    Ink,
    contrast_ratio,
    declared_pairs,
    metrics_for_height,
    readable,
    style_sheet,
    tile_background,
    type_button_colors,
)

UI = Path(__file__).parents[2] / "otop_pos" / "ui"


def test_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)   # the usual 4.5:1 grey
    # the measurements, on the window's background
    assert contrast_ratio("#868e96", "#f4f6f8") == pytest.approx(3.1, abs=0.05)   # "no printer" grey
    assert contrast_ratio("#e67700", "#f4f6f8") == pytest.approx(2.8, abs=0.05)   # backup-warning orange
    assert contrast_ratio("#2b8a3e", "#f4f6f8") == pytest.approx(4.0, abs=0.05)   # "day open" green


def test_every_declared_text_colour_is_readable_on_its_backgrounds() -> None:
    pairs = declared_pairs()
    assert {"status_ok", "status_warn", "status_error", "muted", "on_primary", "button", "kpi_note",
            "table_warn", "chart_label"} <= set(pairs)
    assert any(name.startswith("tile:") for name in pairs) and any(name.startswith("type_button") for name in pairs)
    failing = [f"{name}: {pair.fg} on {bg} is {contrast_ratio(pair.fg, bg):.2f}:1"
               for name, pair in pairs.items() for bg in pair.on
               if contrast_ratio(pair.fg, bg) < (MIN_CONTRAST_LARGE if pair.large else MIN_CONTRAST)]
    assert failing == []


def test_the_style_sheets_use_the_declared_colours(qapp: Any) -> None:
    """Both themes' sheets are made from the roles: their text colours are all declared ones."""
    declared = {pair.fg.lower() for pair in declared_pairs().values()}
    booth = style_sheet(metrics_for_height(600))
    apply_organiser_theme(qapp, 800)
    organiser = qapp.styleSheet()
    for sheet in (booth, organiser):
        colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", sheet))
        assert colours and {c.lower() for c in colours} <= declared


def _background(label: QLabel) -> str:
    """The colour most of the label's pixels have, as shown."""
    image = label.grab().toImage()
    counts = Counter(image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
                     for y in range(0, image.height(), 2))
    return counts.most_common(1)[0][0]


def test_the_status_bar_reads_in_daylight(window: MainWindow) -> None:
    """The issue's three: "no printer", "no backup folder" and "day open", as the window shows them."""
    window.ctx.runner.wait()
    shown = {}
    for label in (window.day_status, window.printer_status, window.backup_status):
        label.ensurePolished()
        fg = label.palette().color(QPalette.ColorRole.WindowText).name()
        shown[label.text()] = contrast_ratio(fg, _background(label))
    assert any(t.startswith("Day open") for t in shown) and "No receipt printer" in shown
    assert "No backup folder" in shown
    assert all(ratio >= MIN_CONTRAST for ratio in shown.values()), shown


@pytest.mark.parametrize("colour", ["#ffff00", "#00ff00", "#ff00ff", "#00ffff", "#0000ff", "#000000",
                                    "#ffffff", "#808080", "#e8590c", "#0c8599"])
def test_a_fairs_own_type_colour_stays_readable(colour: str) -> None:
    """A fair may give a product type any colour: its button and tile text still read."""
    text, checked = type_button_colors(colour)
    for bg in (Ink.SURFACE, Ink.HOVER, Ink.PRESSED):
        assert contrast_ratio(text, bg) >= MIN_CONTRAST
    assert contrast_ratio(Ink.ON_DARK, checked) >= MIN_CONTRAST
    for hover in (False, True):
        bg = tile_background(colour, hover)
        assert all(contrast_ratio(t, bg) >= MIN_CONTRAST for t in TILE_TEXTS)


def test_readable_keeps_a_colour_that_already_reads() -> None:
    assert readable(Ink.TEXT, Ink.SURFACE) == Ink.TEXT
    food = readable(PRODUCT_TYPE.color("อาหาร"), Ink.SURFACE)   # orange, darkened just enough
    assert food != PRODUCT_TYPE.color("อาหาร")
    assert MIN_CONTRAST <= contrast_ratio(food, Ink.SURFACE) < MIN_CONTRAST + 1


def test_sell_screen_type_buttons_use_readable_colours(window: MainWindow) -> None:
    food = PRODUCT_TYPE.get("อาหาร")
    assert food is not None
    button = window.sell.type_buttons[food.key]
    text, checked = type_button_colors(food.color)
    assert f"color: {text};" in button.styleSheet() and f"background: {checked};" in button.styleSheet()


#: Files that may write a colour themselves, and why.
ALLOWED = {
    "theme.py": "declares the colours",
    "screenshots.py": "a developer tool: the dimmed backdrop and frame drawn around dialogs in screenshots",
}
_COLOUR = re.compile(r"""(?<![\w#&])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![\w])|Qt\.GlobalColor|QColor\(\s*\d"""
                     r"""|(?:color|background)\s*:\s*(?!transparent|\{)[a-z]+\b""")


def test_no_widget_writes_a_colour_of_its_own() -> None:
    """Colours come from the theme's roles; a hex literal, a Qt named colour or a named CSS colour anywhere
    else in otop_pos/ui would bypass the contrast check."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in ALLOWED:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _COLOUR.search(line):
                found.append(f"{path.relative_to(UI)}:{n}: {line.strip()}")
    assert found == []


def test_the_colour_scan_finds_what_it_should() -> None:
    for line in ('w.setStyleSheet("color: #868e96;")', "QColor('#abc')", "p.fill(Qt.GlobalColor.white)",
                 "QColor(0, 0, 0)", 'sheet = "QPushButton { color: white; }"'):
        assert _COLOUR.search(line), line
    for line in ("QPushButton#primary {{ color: {r.on_primary.fg}; }}", "background: transparent;",
                 '"""white cards: key figures"""', "obj.setObjectName('card')", "&#1234;"):
        assert not _COLOUR.search(line), line


def test_placeholders_read(window: MainWindow) -> None:
    """The grey hint in an empty field (search, cash) is text a vendor reads too."""
    edits = [e for e in window.findChildren(QLineEdit) if e.placeholderText() and not e.text()]
    assert edits
    for edit in edits:
        colour = edit.palette().color(QPalette.ColorRole.PlaceholderText)
        assert colour.alpha() == 255, edit.placeholderText()
        assert contrast_ratio(colour.name(), Ink.SURFACE) >= MIN_CONTRAST, edit.placeholderText()

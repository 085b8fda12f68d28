"""Starting the organiser window: Qt, Sarabun, theme, language, the fair store (``--db`` or the default), the
window (rebuilt in place on a language switch)."""
from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from otop_pos.core.clock import Clock, SystemClock
from otop_pos.core.errors import OtopError
from otop_pos.fair.store import default_db, open_fair_store
from otop_pos.ui.fonts import apply_app_font
from otop_pos.ui.i18n import error_text
from otop_pos.ui.organiser.context import OrganiserContext
from otop_pos.ui.organiser.i18n import install_organiser_language, translate
from otop_pos.ui.organiser.main_window import OrganiserWindow
from otop_pos.ui.organiser.widgets import organiser_style
from otop_pos.ui.theme import Metrics, apply_theme, style_sheet
from otop_pos.ui.window_swap import WindowSwap

log = logging.getLogger("otop_pos")


def apply_organiser_theme(app: QApplication, height: int | None = None) -> Metrics:
    """The booth app's fonts and style plus the organiser's cards and key figures (a smaller base size: the
    organiser reads tables and charts at a desk, not a till in a hurry)."""
    m = apply_theme(app, height)
    m = Metrics(max(13, min(m.base - 4, 17)))   # 15 px at 800 px high, as before the booth's type grew
    apply_app_font(app, m.base)
    app.setStyleSheet(style_sheet(m) + organiser_style(m))
    return m


class OrganiserWindows(WindowSwap):
    """Keeps one window; a language switch builds a new one in place (same page, same geometry)."""

    def __init__(self, ctx: OrganiserContext) -> None:
        super().__init__(ctx, OrganiserWindow)


def make_context(db: str | None, clock: Clock | None = None, lang: str | None = None) -> OrganiserContext:
    """Open the fair store and the organiser session."""
    store = open_fair_store(db or default_db())
    return OrganiserContext(store, clock or SystemClock(), lang=lang)


def run_organiser_app(db: str | None, lang: str | None) -> int:
    """Open the organiser window on the fair store ``db`` (path or URL; None: the default); the exit code."""
    from otop_pos.ui.booth_app import setup_logging
    from otop_pos.ui.widgets import keep_zwsp_off_the_clipboard

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # its own window class and desktop id, so a task bar shows it under the organiser's menu entry and icon,
    # not the booth's (otop-pos-organiser.desktop's StartupWMClass)
    app.setApplicationName("otop-pos-organiser")
    app.setDesktopFileName("otop-pos-organiser")
    app.setApplicationDisplayName(translate("OrgMain", "OTOP fair organiser"))
    apply_organiser_theme(app)
    keep_zwsp_off_the_clipboard(app)
    install_organiser_language(lang)
    try:
        ctx = make_context(db, lang=lang)
    except OtopError as exc:
        from otop_pos.ui.booth_app import start_message_box

        start_message_box(error_text(exc)).exec()
        return 2
    windows = OrganiserWindows(ctx)
    windows.window.showMaximized()
    try:
        return int(app.exec())
    finally:
        ctx.shutdown()
        ctx.store.dispose()
